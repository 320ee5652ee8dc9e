/**
 * The Node SandboxHost of the headless CLI: every container process runs in its own child Node process
 * (sandbox-child.mjs), isolated by construction:
 * - Node's permission model: the child may read only its entry and the runtime bundle; it cannot write files,
 *   start processes or workers, load addons or WASI;
 * - a fresh network namespace (`unshare -rn`) where the host allows one: no network at all (see isolation.ts);
 * - code generation from strings is disabled in the child's own realm; learner code runs in a vm context;
 * - the child talks only over its IPC channel, and every message is validated (engine/runtime/worker-message.ts); anything
 *   else ends the sandbox.
 * Limits are enforced from this side: the CPU watchdog pings the child (worker-host.ts), memory is the child's
 * RSS read from /proc (plus V8's heap limit), and the child is killed with SIGKILL when over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../engine/core/errors';
import { resolveExecutable } from '../../engine/runtime/executables';
import type { ProcessSpec, SandboxHost, SandboxProcess, SpawnError } from '../../engine/runtime/process';
import type { HostMessage } from '../../engine/runtime/protocol';
import { WorkerProcess } from '../../engine/runtime/worker-host';
import { BUNDLE_GLOBAL, sandboxBundle } from './sandbox-bundle';
import { isolation } from './isolation';
import { REPO_ROOT } from '../repo-root';
import { checkWorkerMessage } from '../../engine/runtime/worker-message';

const ENTRY = join(REPO_ROOT, 'src', 'node', 'runtime', 'sandbox-child.mjs');
/** Default memory limit of a container process (`docker run -m` sets it). */
export const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;
/** How often the child's RSS is read. */
const MEMORY_POLL_MS = 25;

/** Children still alive: killed when the CLI exits, so no sandbox outlives the command that started it. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/** Resident memory of a process in bytes (Linux /proc), or null where it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The command line of a sandbox child: `node` with the permission model (reads of `entry` and `reads` only; no
 * writes, child processes, workers, addons or WASI), no code generation from strings, V8's heap limit, inside
 * `unshare -rn` where available. Exported so the hostile tests can check each boundary on its own.
 */
export function sandboxCommand(entry: string, args: string[], reads: string[], memMb: number): string[] {
  return [
    ...(isolation().netns ?? []),
    process.execPath,
    '--experimental-permission',
    ...[entry, ...reads].map((r) => `--allow-fs-read=${r}`),
    '--disallow-code-generation-from-strings',
    '--no-warnings',
    `--max-old-space-size=${memMb}`,
    `--max-semi-space-size=${Math.min(16, Math.max(1, Math.round(memMb / 16)))}`,
    entry,
    ...args,
  ];
}

export interface ChildHostOptions {
  /** Memory limit for processes whose spec gives none (default DEFAULT_MEMORY_BYTES). */
  memoryBytes?: number;
}

/** CPU ms a process has used (utime + stime from /proc/<pid>/stat, at 100 ticks per second), or null. */
export function cpuMsUsed(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

export class ChildProcessHost implements SandboxHost {
  readonly kind = 'node-child' as const;

  constructor(private options: ChildHostOptions = {}) {}

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const memoryBytes = spec.limits?.memoryBytes ?? this.options.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    const memMb = Math.max(16, Math.round(memoryBytes / (1024 * 1024)));
    const bundle = sandboxBundle();
    const argv = sandboxCommand(ENTRY, [bundle, BUNDLE_GLOBAL], [bundle], memMb);
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: {},
    });
    track(child);
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (t: string) => (stderrTail = (stderrTail + t).slice(-4096)));
    const pid = spec.pid ?? 1;
    let exiting = false;
    let busy = false;
    const setRef = (on: boolean) => {
      const c = child as ChildProcess & { channel?: { ref(): void; unref(): void } };
      const s = child.stderr as (NodeJS.ReadableStream & { ref?(): void; unref?(): void }) | null;
      if (on) {
        child.ref();
        c.channel?.ref();
        s?.ref?.();
      } else {
        child.unref();
        c.channel?.unref();
        s?.unref?.();
      }
    };
    const adapter = {
      postMessage: (m: HostMessage) => {
        if (!exiting && child.connected) child.send(m, (e) => e && undefined);
      },
      terminate: () => {
        if (exiting) return;
        exiting = true;
        clearInterval(memoryTimer);
        child.kill('SIGKILL');
        setRef(false);
      },
      // An idle child (a detached container between commands) must not keep the CLI's event loop alive.
      setBusy: (b: boolean) => {
        busy = b;
        if (!exiting) setRef(b);
      },
    };
    const proc = new WorkerProcess(pid, r.value.kind, adapter, spec, {
      wallNow: () => performance.now(),
      cpuNow: () => (child.pid === undefined ? null : cpuMsUsed(child.pid)),
      setInterval: (cb, ms) => {
        const h = setInterval(cb, ms);
        h.unref();
        return h;
      },
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    });
    if (!busy) setRef(false);
    // Memory from outside: the child's resident set over its size at start (Node itself, the runtime, the files)
    // plus the limit ends it like the kernel's OOM killer. ArrayBuffers and other off-heap memory count too.
    let baseline: number | null = null;
    const oom = () => proc.fail('oom', `the process used more than its memory limit (${memMb} MiB) and was killed`);
    const memoryTimer = setInterval(() => {
      if (exiting || child.pid === undefined) return;
      const rss = residentBytes(child.pid);
      if (rss !== null && baseline !== null && rss - baseline > memoryBytes) oom();
    }, MEMORY_POLL_MS);
    memoryTimer.unref();
    child.on('message', (raw: unknown) => {
      if (exiting) return;
      // The first message comes when the runtime and the files are loaded, before any user code has run.
      if (baseline === null && child.pid !== undefined) baseline = residentBytes(child.pid) ?? 0;
      const m = checkWorkerMessage(raw);
      if (!m.ok) {
        proc.fail('error', `the sandbox process sent a message outside the protocol (${m.problem}) and was stopped`, 137);
        return;
      }
      proc.handle(m.message);
    });
    child.on('error', (e) => proc.fail('error', `could not start the sandbox process: ${e.message}`, 1));
    child.on('exit', (code, signal) => {
      clearInterval(memoryTimer);
      exiting = true;
      if (proc.exitStatus()) return;
      if (/heap out of memory|Reached heap limit|ERR_MEMORY_ALLOCATION_FAILED|Array buffer allocation failed/i.test(stderrTail)) oom();
      else proc.fail('error', `the sandbox process ended unexpectedly (${signal ?? `exit status ${code}`})${stderrTail ? `: ${stderrTail.trim().split('\n').slice(-1)[0]}` : ''}`, 1);
    });
    return ok(proc);
  }
}
