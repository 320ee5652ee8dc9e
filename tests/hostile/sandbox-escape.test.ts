/**
 * Container programs that attack the headless CLI's host: escaping the runtime to the real `process`, running
 * host commands, reading host files, opening sockets, and defeating the limits from inside. Runs the real CLI
 * (`node bin/layerlab.mjs`) with a temporary state file, as users do.
 */
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCommand } from '../../src/node/runtime/child-process-host';
import { isolation } from '../../src/node/runtime/isolation';

const BIN = resolve(__dirname, '../../bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-hostile-'));
const state = join(dir, 'state.json');
const marker = join(dir, 'pwned');
const secret = join(dir, 'host-secret.txt');
let server: Server;
let port = 0;
let connections = 0;

function layerlab(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  writeFileSync(secret, 'host-only-secret-4711\n');
  server = createServer((s) => {
    connections++;
    s.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  expect(layerlab(['pull', 'node:20-alpine']).code).toBe(0);
}, 120_000);
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every route from learner code to the host we know of; each prints what it got. */
const ESCAPE = `
const routes = {
  objectCtor: () => ({}).constructor.constructor('return process')(),
  contextThis: () => ({}).constructor.constructor('return this')().process,
  hostFunction: () => TextEncoder.constructor('return process')(),
  hostError: () => { try { new TextDecoder('nope') } catch (e) { return e.constructor.constructor('return process')() } },
  setImmediateFn: () => (0, eval)('this').setImmediate.constructor('return process')(),
};
for (const [name, get] of Object.entries(routes)) {
  let p;
  try { p = get() } catch (e) { console.log(name, 'blocked:', e.message); continue }
  if (!p || typeof p.getBuiltinModule !== 'function') { console.log(name, 'no host process:', typeof p); continue }
  console.log(name, 'GOT HOST PROCESS');
  try { p.getBuiltinModule('child_process').execSync('touch ${marker}'); console.log(name, 'RAN A HOST COMMAND') } catch (e) { console.log(name, 'exec denied:', e.code) }
  try { console.log(name, 'READ', p.getBuiltinModule('fs').readFileSync('${secret}', 'utf8')) } catch (e) { console.log(name, 'read denied:', e.code) }
  try { p.getBuiltinModule('net').connect(${'${PORT}'}, '127.0.0.1').on('error', (e) => console.log(name, 'socket failed:', e.code)) } catch (e) { console.log(name, 'socket denied:', e.code) }
}
`;

describe('a container program attacking the host', { timeout: 120_000 }, () => {
  it('finds no host process: cannot run host commands, read host files or open a socket to 127.0.0.1', async () => {
    const program = ESCAPE.replace('${PORT}', String(port));
    const r = layerlab(['run', '--rm', 'node:20-alpine', 'node', '-e', program]);
    await new Promise((res) => setTimeout(res, 300));
    expect(r.out).not.toContain('GOT HOST PROCESS');
    expect(r.out).toMatch(/objectCtor (blocked|no host process)/);
    expect(r.out).toMatch(/hostFunction blocked: Code generation from strings disallowed/);
    expect(r.out).not.toContain('host-only-secret');
    expect(existsSync(marker)).toBe(false);
    expect(connections).toBe(0);
  });

  it('even code holding the sandbox child’s real process is fenced in: no host command, no host file, no socket', async () => {
    // The boundary under the runtime: the same command line as a sandbox child, running a script that has
    // `process` in hand (as if every layer above had failed).
    const script = join(dir, 'attacker.mjs');
    writeFileSync(
      script,
      `const out = [];
      try { process.getBuiltinModule('child_process').execSync('touch ${marker}'); out.push('EXEC') } catch (e) { out.push('exec:' + e.code) }
      try { out.push('READ:' + process.getBuiltinModule('fs').readFileSync('${secret}', 'utf8')) } catch (e) { out.push('read:' + e.code) }
      try { process.getBuiltinModule('fs').writeFileSync('${marker}', 'x'); out.push('WRITE') } catch (e) { out.push('write:' + e.code) }
      const s = process.getBuiltinModule('net').connect(${port}, '127.0.0.1');
      s.on('connect', () => { out.push('CONNECTED'); s.destroy(); done() });
      s.on('error', (e) => { out.push('socket:' + e.code); done() });
      function done() { console.log(out.join(' ')) }`,
    );
    const [cmd, ...args] = sandboxCommand(script, [], [], 64);
    const child = spawnChild(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: {} });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => child.on('exit', r));
    expect(out).toMatch(/exec:ERR_ACCESS_DENIED/);
    expect(out).toMatch(/read:ERR_ACCESS_DENIED/);
    expect(out).toMatch(/write:ERR_ACCESS_DENIED/);
    expect(existsSync(marker)).toBe(false);
    if (isolation().netns) {
      expect(out).toMatch(/socket:E(NETUNREACH|CONNREFUSED)/);
      expect(connections).toBe(0);
    }
  });
});

describe('limits a program cannot switch off from inside', { timeout: 120_000 }, () => {
  it('ends a setImmediate chain with 137 and the CLI returns', () => {
    const t0 = Date.now();
    const r = layerlab(['run', '--name', 'immediate', 'node:20-alpine', 'node', '-e', 'function f(){ setImmediate(f) } f()'], 30_000);
    expect(r.code).toBe(137);
    expect(Date.now() - t0).toBeLessThan(25_000);
    const s = layerlab(['inspect', '--format', '{{.State.ExitCode}} {{.State.Error}}', 'immediate']);
    expect(s.out).toMatch(/^137 the process ran for more than 2\.0 s/);
  });

  it('ends a detached endless loop with 137 at the next command, and the CLI returns', () => {
    const r = layerlab(['run', '-d', '--name', 'spin', 'node:20-alpine', 'node', '-e', 'setTimeout(() => { for (;;) {} }, 1000)'], 30_000);
    expect(r.code).toBe(0);
    const t0 = Date.now();
    spawnSync('sleep', ['1.5']);
    const ps = layerlab(['ps', '-a', '--filter', 'name=spin', '--format', '{{.Status}}'], 30_000);
    expect(ps.code).toBe(0);
    expect(ps.out).toMatch(/Exited \(137\)/);
    expect(Date.now() - t0).toBeLessThan(25_000);
  });

  it('ends a fork bomb in a container with a message', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20-alpine\nRUN printf "sh /s.sh & sh /s.sh\\n" > /s.sh\n');
    const b = layerlab(['build', '-q', '-t', 'bomb', '.']);
    expect(b.code, b.err).toBe(0);
    const t0 = Date.now();
    const r = layerlab(['run', '--rm', 'bomb', 'sh', '/s.sh'], 60_000);
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain("can't fork: Resource temporarily unavailable");
    expect(Date.now() - t0).toBeLessThan(40_000);
  });
});

describe('concurrent commands on one state store', { timeout: 600_000 }, () => {
  it('20 concurrent `create` and 20 concurrent `build -t` keep 20 containers and 20 tags (were: 1 and 3)', async () => {
    const own = join(dir, 'concurrent.json');
    const ctx = join(dir, 'ctx');
    mkdirSync(ctx);
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY a.txt /\n');
    writeFileSync(join(ctx, 'a.txt'), 'a\n');
    const env = { ...process.env, LAYERLAB_STATE: own };
    expect(spawnSync(process.execPath, [BIN, 'pull', 'node:20-alpine'], { cwd: dir, env }).status).toBe(0);
    const cli = (args: string[]) =>
      new Promise<number | null>((res) => spawnChild(process.execPath, [BIN, ...args], { cwd: ctx, env, stdio: 'ignore' }).on('exit', res));
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [cli(['create', '--name', `c${i}`, 'node:20-alpine']), cli(['build', '-q', '-t', `t${i}`, '.'])]).flat(),
    );
    expect(codes).toEqual(Array(40).fill(0));
    const ps = spawnSync(process.execPath, [BIN, 'ps', '-a', '--format', '{{.Names}}'], { cwd: dir, env, encoding: 'utf8' });
    expect(ps.stdout.trim().split('\n').sort()).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
    const images = spawnSync(process.execPath, [BIN, 'images', '--format', '{{.Repository}}'], { cwd: dir, env, encoding: 'utf8' });
    expect(images.stdout.split('\n').filter((n) => /^t\d+$/.test(n)).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
    expect(existsSync(`${own}.lock`)).toBe(false);
  });
});

describe('the state store', { timeout: 120_000 }, () => {
  it('keeps a copy when a damaged container entry cannot be restored', () => {
    const own = join(dir, 'damaged-entry.json');
    const env = { ...process.env, LAYERLAB_STATE: own };
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(run(['pull', 'node:20-alpine']).status).toBe(0);
    expect(run(['create', '--name', 'good', 'node:20-alpine']).status).toBe(0);
    expect(run(['create', '--name', 'bad', 'node:20-alpine']).status).toBe(0);
    const meta = join(own, 'meta.json');
    const store = JSON.parse(readFileSync(meta, 'utf8'));
    const bad = store.snapshot.containers.containers.find((c: { name: string }) => c.name.replace(/^\//, '') === 'bad');
    bad.upper = 'not a layer';
    writeFileSync(meta, JSON.stringify(store));
    const r = run(['ps', '-a', '--format', '{{.Names}}']);
    expect(r.stdout.trim()).toBe('good');
    expect(r.stderr).toContain(`state ${own} is partly damaged (1 damaged container entry was not restored); kept a copy of its meta.json at ${meta}.damaged`);
    expect(JSON.parse(readFileSync(`${meta}.damaged`, 'utf8')).snapshot.containers.containers).toHaveLength(2);
  });
});
