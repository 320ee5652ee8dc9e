import { afterAll, describe, expect, it } from 'vitest';
import { ChildProcessHost } from './child-process-host';
import { checkWorkerMessage } from '../../engine/runtime/worker-message';
import { imageFs, spawnCollect, T0 } from '../../engine/runtime/test-helpers';
import { WEB_PING_APP_JS } from '../../engine/runtime/samples';

const host = new ChildProcessHost();
const env = { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '10.16.0' };
const live: { proc: { dispose(): void } }[] = [];
afterAll(() => live.forEach((c) => c.proc.dispose()));

describe('Node child-process host', () => {
  it('runs web-ping in a child process with the same output as in-process', async () => {
    const fs = imageFs('node', { '/web-ping/app.js': WEB_PING_APP_JS });
    const spec = { argv: ['node', '/web-ping/app.js'], cwd: '/web-ping', env: { ...env, TARGET: 'google.com', METHOD: 'HEAD', INTERVAL: '3000' }, fs };
    const w = spawnCollect(spec, host);
    live.push(w);
    await w.proc.advanceTo(T0 + 7000);
    const local = spawnCollect(spec);
    await local.proc.advanceTo(T0 + 7000);
    expect(w.stdout()).toContain('Making request number: 2; at ' + (T0 + 6000));
    expect(w.events).toEqual(local.events);
  }, 30000);

  it('stops an endless loop with a clear status (137, cpu-limit)', async () => {
    const fs = imageFs('node');
    const c = spawnCollect({ argv: ['node', '-e', "console.log('spinning'); while (true) {}"], env, fs, limits: { cpuMsPerSlice: 500 } }, host);
    live.push(c);
    const exit = await c.proc.exited;
    expect(exit).toMatchObject({ code: 137, reason: 'cpu-limit' });
    expect(exit.message).toMatch(/endless loop/);
    expect(c.stdout()).toBe('spinning\n');
  }, 30000);

  it('ends a memory hog with 137 / oom at its memory limit', async () => {
    const c = spawnCollect(
      { argv: ['node', '-e', 'const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length))'], env, fs: imageFs('node'), limits: { memoryBytes: 32 * 1024 * 1024, cpuMsPerSlice: 20000 } },
      host,
    );
    live.push(c);
    const exit = await c.proc.exited;
    expect(exit).toMatchObject({ code: 137, reason: 'oom' });
  }, 30000);

  it('crashes Node 20 on an unhandled rejection, warns on Node 10', async () => {
    const code = "Promise.reject(new Error('nope')); setTimeout(() => console.log('still here'), 10)";
    const modern = spawnCollect({ argv: ['node', '-e', code], env: { ...env, NODE_VERSION: '20.11.1' }, fs: imageFs('node') }, host);
    const legacy = spawnCollect({ argv: ['node', '-e', code], env, fs: imageFs('node') }, host);
    live.push(modern, legacy);
    await modern.proc.advanceTo(T0 + 100);
    await legacy.proc.advanceTo(T0 + 100);
    expect(modern.stderr()).toMatch(/^\[eval\]:1\n.*\n\s*\^\n\nError: nope\n/);
    expect(modern.exit?.code).toBe(1);
    expect(legacy.stderr()).toMatch(/^\(node:1\) UnhandledPromiseRejectionWarning: Error: nope\n {4}at \[eval\]:1:16\n\(node:1\) /);
    expect(legacy.stderr()).toContain('(rejection id: 1)');
    expect(legacy.stdout()).toBe('still here\n');
  }, 30000);

  it('sends writes back to the container filesystem and serves HTTP', async () => {
    const fs = imageFs('node');
    const c = spawnCollect(
      {
        argv: ['node', '-e', "require('fs').writeFileSync('/tmp/out.txt', 'written'); require('http').createServer((q, s) => s.end('pong ' + q.url)).listen(8080)"],
        env,
        fs,
      },
      host,
    );
    live.push(c);
    await c.proc.advanceTo(T0);
    expect(new TextDecoder().decode(fs.readFile('/tmp/out.txt')!)).toBe('written');
    expect(c.proc.listeningPorts()).toEqual([8080]);
    const res = await c.proc.httpRequest(8080, { method: 'GET', path: '/ping' });
    expect(res.body).toBe('pong /ping');
    await c.proc.kill('SIGKILL');
    expect(c.exit).toMatchObject({ code: 137, reason: 'killed' });
  }, 30000);

  it('fails writes past the filesystem limit with ENOSPC, as a full disk', async () => {
    const fs = imageFs('node');
    const c = spawnCollect(
      { argv: ['node', '-e', "const b = Buffer.alloc(1024 * 1024, 1); for (let i = 0; i < 1024; i++) require('fs').writeFileSync('/tmp/f' + i, b)"], env, fs, limits: { fsBytes: 4 * 1024 * 1024 } },
      host,
    );
    live.push(c);
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toContain("ENOSPC: no space left on device, open '/tmp/f4'");
    expect(c.exit?.code).toBe(1);
    expect(fs.readFile('/tmp/f3')?.length).toBe(1024 * 1024);
    expect(fs.readFile('/tmp/f4')).toBeNull();
  }, 30000);

  it('ends an ArrayBuffer hog at its memory limit: memory is counted from outside (137, oom)', async () => {
    const c = spawnCollect({ argv: ['node', '-e', 'const k = []; for (;;) k.push(new Uint8Array(1 << 22).fill(1))'], env, fs: imageFs('node'), limits: { memoryBytes: 48 * 1024 * 1024, cpuMsPerSlice: 20000 } }, host);
    live.push(c);
    expect(await c.proc.exited).toMatchObject({ code: 137, reason: 'oom' });
  }, 30000);

  it('refuses every message outside the protocol (what a compromised child could send)', () => {
    expect(checkWorkerMessage({ t: 'fs', change: { op: 'writeFile', path: '../../etc/passwd', data: new Uint8Array() } })).toMatchObject({ ok: false });
    expect(checkWorkerMessage({ t: 'output', e: { stream: 'stdout', text: 1, time: 0 } })).toMatchObject({ ok: false });
    expect(checkWorkerMessage({ t: 'exit', e: { code: 0, time: 0, reason: 'exit', extra: () => 1 } })).toMatchObject({ ok: false });
    expect(checkWorkerMessage({ t: 'eval', code: 'x' })).toMatchObject({ ok: false });
    expect(checkWorkerMessage({ t: 'ports', ports: [80, 70000] })).toMatchObject({ ok: false });
    expect(checkWorkerMessage({ t: 'output', e: { stream: 'stdout', text: 'hi', time: 1 } })).toMatchObject({ ok: true });
  });
});
