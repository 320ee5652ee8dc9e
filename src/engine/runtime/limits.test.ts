/**
 * Limits the kernel enforces on every host: work that never waits (a setImmediate chain, a fork bomb) ends with
 * 137 / cpu-limit, and a full process table makes the shell's fork fail as BusyBox says.
 */
import { describe, expect, it } from 'vitest';
import { KernelProcess } from './in-process-host';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import type { OutputEvent } from './process';

const env = { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '20.11.1' };

/** A process on a fake wall clock that moves 1 ms every time it is read. */
function onFakeClock(argv: string[], files: Record<string, string> = {}) {
  let wall = 0;
  const fs = imageFs('node', files);
  const spec = { argv, env, cwd: '/', hostname: 'h', tty: false, interactive: false, startTime: T0, limits: { cpuMsPerSlice: 200 } };
  const p = new KernelProcess(1, argv[0] === 'node' ? 'node' : 'sh', spec, fs, argv, {}, undefined, () => wall++);
  const out: OutputEvent[] = [];
  p.onOutput((e) => out.push(e));
  return { p, text: () => out.map((e) => e.text).join('') };
}

describe('work that never waits', () => {
  it('a setImmediate chain at one virtual instant ends with 137 / cpu-limit', async () => {
    const { p } = onFakeClock(['node', '-e', 'function f(){ setImmediate(f) } f()']);
    await p.advanceTo(T0 + 1000);
    expect(p.exitStatus()).toMatchObject({ code: 137, reason: 'cpu-limit', time: T0 });
  });

  it('a timer that runs every second for an hour is not cut: time passes between its slices', async () => {
    const { p, text } = onFakeClock(['node', '-e', 'let n = 0; const t = setInterval(() => { if (++n === 3600) { clearInterval(t); console.log(n) } }, 1000)']);
    await p.advanceTo(T0 + 3600_000);
    expect(p.exitStatus()).toMatchObject({ code: 0 });
    expect(text()).toBe('3600\n');
  });

  it('without a host clock, a setImmediate chain ends after the slice budget', async () => {
    const c = spawnCollect({ argv: ['node', '-e', 'let n = 0; function f(){ n++; setImmediate(f) } f()'], env, fs: imageFs('node') });
    await c.proc.advanceTo(T0 + 10);
    expect(c.exit).toMatchObject({ code: 137, reason: 'cpu-limit' });
  }, 60_000);
});

describe('a fork bomb', () => {
  it("fills the process table (can't fork) and ends instead of running forever", async () => {
    const { p, text } = onFakeClock(['sh', '/s.sh'], { '/s.sh': 'sh /s.sh & sh /s.sh\n' });
    await p.advanceTo(T0 + 1000);
    expect(p.exitStatus()?.code).not.toBe(0);
    expect(text()).toContain("sh: can't fork: Resource temporarily unavailable\n");
  }, 60_000);
});
