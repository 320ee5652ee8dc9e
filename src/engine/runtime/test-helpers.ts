/** Helpers for tests in any area: a container-like filesystem and a collecting spawn. */
import { InProcessHost } from './in-process-host';
import { MemoryFs } from './memory-fs';
import { standardBinaries } from './executables';
import type { ExitEvent, OutputEvent, ProcessSpec, SandboxHost, SandboxProcess } from './process';

export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

/** A MemoryFs with marker binaries for an image flavour plus the given files. */
export function imageFs(flavour: 'busybox' | 'node' | 'hello', files: Record<string, string | { content: string; mode?: number }> = {}): MemoryFs {
  const fs = MemoryFs.from(files);
  for (const e of standardBinaries(flavour)) fs.load(e);
  for (const d of ['/tmp', '/root', '/etc']) if (!fs.stat(d)) fs.load({ path: d, type: 'dir', mode: 0o755 });
  return fs;
}

export interface Collected {
  proc: SandboxProcess;
  events: OutputEvent[];
  stdout(): string;
  stderr(): string;
  all(): string;
  exit: ExitEvent | null;
}

export function spawnCollect(spec: Partial<ProcessSpec> & Pick<ProcessSpec, 'argv' | 'fs'>, host: SandboxHost = new InProcessHost()): Collected {
  const full: ProcessSpec = {
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'f1e2d3c4b5a6', HOME: '/root' },
    cwd: '/',
    hostname: 'f1e2d3c4b5a6',
    tty: false,
    interactive: false,
    startTime: T0,
    ...spec,
  };
  const r = host.spawn(full);
  if (!r.ok) throw new Error(r.error.message);
  const events: OutputEvent[] = [];
  const c: Collected = {
    proc: r.value,
    events,
    stdout: () => events.filter((e) => e.stream === 'stdout').map((e) => e.text).join(''),
    stderr: () => events.filter((e) => e.stream === 'stderr').map((e) => e.text).join(''),
    all: () => events.map((e) => e.text).join(''),
    exit: null,
  };
  r.value.onOutput((e) => events.push(e));
  r.value.onExit((e) => (c.exit = e));
  return c;
}
