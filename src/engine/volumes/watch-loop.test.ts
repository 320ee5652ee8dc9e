/**
 * "Edit on the host, see it in the container": a Node server started with `node --watch` from a bind-mounted
 * workspace restarts when server.js is edited on the host (Node 20's `Restarting 'server.js'`), serves the new
 * text on the published port, and a file the container writes appears in the workspace.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';
import { memoryHostFiles } from './memory-host-files';

const server = (text: string) => `require('http').createServer((q, s) => s.end('${text}\\n')).listen(3000);\nconsole.log('listening');\n`;

function setup() {
  const env = testEnv();
  const files: Record<string, string | Uint8Array> = { 'server.js': server('hello v1') };
  let version = 0;
  const hostFiles = memoryHostFiles('/workspace', {
    files: () => files,
    write: (p, d) => void (files[p] = new TextDecoder().decode(d)),
    remove: (p) => void delete files[p],
    version: () => version,
  });
  const engine = new Engine({ env, hostFiles });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  const run = async (...argv: string[]) => {
    const io = bufferIO({ env: { PWD: '/workspace' } });
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  const tick = async (ms = 500) => {
    env.clock.advance(ms);
    await engine.containers.advance();
  };
  const edit = (path: string, text: string) => {
    files[path] = text;
    version++;
  };
  return { engine, run, tick, edit, files };
}

describe('node --watch on a bind-mounted workspace', () => {
  it('restarts on an edit from the host and serves the new text; container writes reach the workspace', async () => {
    const { engine, run, tick, edit, files } = setup();
    const r = await run('run', '-d', '--name', 'app', '-p', '3000:3000', '-v', '/workspace:/app', '-w', '/app', 'node:20-alpine', 'node', '--watch', 'server.js');
    expect(r.code).toBe(0);
    await tick();
    const get = async () => (await engine.containers.http(3000, { method: 'GET', path: '/' }));
    expect(await get()).toMatchObject({ ok: true, value: { body: 'hello v1\n' } });

    edit('server.js', server('hello v2'));
    await tick();
    await tick();
    expect(await get()).toMatchObject({ ok: true, value: { body: 'hello v2\n' } });
    expect((await run('logs', 'app')).out).toBe("listening\nRestarting 'server.js'\nlistening\n");

    expect((await run('exec', 'app', 'sh', '-c', 'echo hi > /app/out.txt')).code).toBe(0);
    expect(files['out.txt']).toBe('hi\n');
  });

  it("says Completed or Failed when the script ends, and runs it again on the next edit", async () => {
    const { run, tick, edit } = setup();
    edit('job.js', "console.log('run 1');\n");
    await run('run', '-d', '--name', 'job', '-v', '/workspace:/app', '-w', '/app', 'node:20-alpine', 'node', '--watch', 'job.js');
    await tick();
    edit('job.js', "console.log('run 2'); process.exit(3);\n");
    await tick();
    await tick();
    expect((await run('logs', 'job')).out).toBe("run 1\nCompleted running 'job.js'\nRestarting 'job.js'\nrun 2\nFailed running 'job.js'\n");
    expect((await run('inspect', '-f', '{{.State.Status}}', 'job')).out).toBe('running\n');
  });
});
