/**
 * A container whose program loops forever or allocates without end: the worker host stops it with a clear
 * status (exit 137, "cpu-limit" / "oom" in the container state), and the engine stays responsive meanwhile.
 * Uses the Node host's worker_threads sandbox (src/node/runtime), the same watchdog code as the browser's.
 */
import { describe, expect, it } from 'vitest';
import { ChildProcessHost } from '../../src/node/runtime/child-process-host';
import { docker, hostileEngine } from './helpers';

async function imageWith(program: string) {
  const engine = hostileEngine({ Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY app.js .\nCMD ["node", "app.js"]\n', 'app.js': program });
  engine.sandbox = new ChildProcessHost({ memoryBytes: 64 * 1024 * 1024 });
  expect((await docker(engine, ['pull', 'node:20-alpine'])).code).toBe(0);
  const b = await docker(engine, ['build', '-q', '-t', 'hostile', '.']);
  expect(b.code, b.err).toBe(0);
  return engine;
}

describe('Runaway container programs', () => {
  it('stops a program that loops forever with exit 137 while the engine keeps answering', async () => {
    const engine = await imageWith('console.log("spinning"); while (true) {}\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const t0 = performance.now();
    const run = await docker(engine, ['run', '--name', 'spin', 'hostile']);
    clearInterval(timer);
    const ms = performance.now() - t0;
    expect(run.out).toContain('spinning');
    expect(run.code).toBe(137);
    expect(ms).toBeLessThan(20_000);
    // The test's own event loop kept running: the loop ran in a worker, not on this thread.
    expect(ticks).toBeGreaterThan(ms / 50 / 4);
    const state = await docker(engine, ['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}', 'spin']);
    expect(state.out.trim()).toBe('exited 137 the process ran for more than 2.0 s without waiting for anything (an endless loop?) and was stopped');
    // The engine answers other commands right after.
    expect((await docker(engine, ['ps', '-a'])).code).toBe(0);
  }, 60_000);

  it('stops a program that allocates without end with exit 137', async () => {
    const engine = await imageWith('const keep = []; console.log("hungry"); for (;;) keep.push(new Array(1e6).fill(Math.random()));\n');
    const run = await docker(engine, ['run', '--name', 'hog', '--memory', '64m', 'hostile']);
    expect(run.out).toContain('hungry');
    expect(run.code).toBe(137);
    const state = await docker(engine, ['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}', 'hog']);
    expect(state.out.trim()).toBe('exited 137 true');
  }, 60_000);

  it('honours --memory: buffers count, and the same program fits without the flag', async () => {
    const program = 'const b = new Uint8Array(160 * 1024 * 1024); for (let i = 0; i < b.length; i += 4096) b[i] = 1; console.log("filled", b.length)\n';
    const engine = hostileEngine({ Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY app.js .\nCMD ["node", "app.js"]\n', 'app.js': program });
    engine.sandbox = new ChildProcessHost();
    expect((await docker(engine, ['pull', 'node:20-alpine'])).code).toBe(0);
    expect((await docker(engine, ['build', '-q', '-t', 'buffers', '.'])).code).toBe(0);
    const limited = await docker(engine, ['run', '--name', 'small', '-m', '64m', 'buffers']);
    expect(limited.code).toBe(137);
    const state = await docker(engine, ['inspect', '--format', '{{.State.OOMKilled}} {{.HostConfig.Memory}}', 'small']);
    expect(state.out.trim()).toBe('true 67108864');
    const roomy = await docker(engine, ['run', '--rm', 'buffers']);
    expect(roomy.out).toBe('filled 167772160\n');
    expect(roomy.code).toBe(0);
    // The client's and the daemon's checks of the value.
    const bad = await docker(engine, ['run', '--rm', '-m', 'lots', 'buffers']);
    expect(bad.err).toContain('invalid argument "lots" for "-m, --memory" flag: invalid size: \'lots\'');
    expect((await docker(engine, ['run', '--rm', '-m', '1m', 'buffers'])).err).toContain('Error response from daemon: Minimum memory limit allowed is 6MB');
  }, 90_000);
});
