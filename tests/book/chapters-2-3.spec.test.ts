/**
 * The book's own exercises (Learn Docker in a Month of Lunches, chapters 2 and 3, Linux), built from their
 * Dockerfiles as the book's repository has them (tests/book/diamol/, CC BY-SA 4.0) with both builders, then
 * run as the book runs them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';

const ROOT = join(import.meta.dirname, 'diamol');

/** The exercise folder's files, as the build context `docker build .` sends from it. */
function contextOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(ROOT, dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(ROOT, dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(ROOT, dir, path), 'utf8');
    }
  };
  walk('');
  return files;
}

function bookEngine(dir: string): Engine {
  const e = new Engine({ env: testEnv(), context: memoryContext(contextOf(dir)) });
  e.sandbox = new InProcessHost();
  if (e.registry) e.registry.sleep = null;
  return e;
}

async function run(e: Engine, argv: string[], env: Record<string, string> = {}) {
  const io = bufferIO({ env });
  const code = await e.run(argv, io);
  return { code, out: io.out, err: io.err };
}

const BUILDERS: { name: string; env: Record<string, string> }[] = [
  { name: 'BuildKit', env: {} },
  { name: 'the legacy builder', env: { DOCKER_BUILDKIT: '0' } },
];

describe.each(BUILDERS)('chapter 2 and 3 exercises build and run with $name', ({ env }) => {
  it('ch02 hello-diamol: chmod +x in RUN, then the script prints its banner, hostname, kernel and address', async () => {
    const e = bookEngine('ch02/exercises/hello-diamol/linux');
    const b = await run(e, ['build', '-t', 'hello-diamol', '.'], env);
    expect(b.err + b.out).not.toMatch(/ERROR|returned a non-zero code/);
    expect(b.code).toBe(0);
    const r = await run(e, ['run', '--name', 'hello', 'hello-diamol']);
    expect(r.code).toBe(0);
    const hostname = e.containers.list()[0].config.Hostname;
    // `echo I''m running on:` joins 'I', '' and 'm': the shell prints "Im running on:".
    expect(r.out).toBe(
      ['---------------------', 'Hello from Chapter 2!', '---------------------', 'My name is:', hostname, '---------------------', 'Im running on:', 'Linux 6.10.14-linuxkit x86_64', '---------------------', 'My address is:', 'inet addr:172.17.0.2 Bcast:172.17.255.255 Mask:255.255.0.0', '---------------------', ''].join('\n'),
    );
  });

  it.each(['web-ping', 'web-ping-optimized'])('ch03 %s: the app starts pinging with the image\'s settings', async (name) => {
    const e = bookEngine(`ch03/exercises/${name}`);
    const b = await run(e, ['build', '-t', 'web-ping', '.'], env);
    expect(b.code).toBe(0);
    expect((await run(e, ['run', '-d', '--name', 'pinger', 'web-ping'])).code).toBe(0);
    const logs = await run(e, ['logs', 'pinger']);
    expect(logs.out.split('\n')[0]).toBe('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals');
    const other = await run(e, ['run', '--rm', '-e', 'TARGET=google.com', '-e', 'INTERVAL=5000', '-d', 'web-ping']);
    expect(other.code).toBe(0);
  });

  it('ch03 lab: the file has no final newline, so an appended name joins its line', async () => {
    const e = bookEngine('ch03/lab');
    expect((await run(e, ['build', '-t', 'ch03-lab', '.'], env)).code).toBe(0);
    const r = await run(e, ['run', '--rm', 'ch03-lab', 'sh', '-c', 'echo Elton >> ch03.txt && cat ch03.txt']);
    expect(r.out).toBe('Lab solution, by: Elton\n');
  });

  it.todo('ch02 hello-diamol-web: needs diamol/apache (FROM httpd:2.4-alpine) in the offline catalog');
});
