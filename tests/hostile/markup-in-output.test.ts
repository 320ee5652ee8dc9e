/**
 * File names and log lines containing HTML and ANSI escapes: the engine passes them through as text, byte for
 * byte, in build output, `docker run` output, `docker logs` and inspect JSON. (The UI side, rendering them as
 * text, is checked in e2e/robustness.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import { docker, hostileEngine } from './helpers';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const ANSI = '\u001b[31mred\u001b[0m\u001b]0;title\u0007';

describe('Markup and escape sequences in names and logs', () => {
  it('keeps an HTML file name and an HTML/ANSI log line as text through a build and a run', async () => {
    const files: Record<string, string> = {
      Dockerfile: `FROM alpine\nWORKDIR /app\nCOPY . .\nRUN ls /app && echo '${SCRIPT}'\nCMD ["cat", "/app/${IMG}"]\n`,
      [IMG]: `${SCRIPT}\n${ANSI}\n`,
    };
    const engine = hostileEngine(files);
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    const b = await docker(engine, ['build', '--progress=plain', '-t', 'markup', '.']);
    expect(b.code, b.err).toBe(0);
    const buildOut = b.out + b.err;
    expect(buildOut).toContain(IMG); // ls shows the file name literally
    expect(buildOut).toContain(SCRIPT);
    expect(buildOut).not.toContain('&lt;'); // not HTML-escaped either: the engine outputs text, escaping is the UI's job

    const r = await docker(engine, ['run', '--rm', 'markup']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`${SCRIPT}\n${ANSI}\n`);
  });

  it('keeps markup in a detached container\'s logs and in its name-based lookups', async () => {
    const engine = hostileEngine({});
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    const run = await docker(engine, ['run', '-d', '--name', 'xss', 'alpine', 'sh', '-c', `echo '${IMG}'; printf '\\033[2J\\033[31mred\\n'`]);
    expect(run.code, run.err).toBe(0);
    const logs = await docker(engine, ['logs', 'xss']);
    expect(logs.code, logs.err).toBe(0);
    expect(logs.out).toContain(IMG);
    expect(logs.out).toContain('\u001b[2J\u001b[31mred');
  });

  it('refuses a container name with markup in Docker\'s words', async () => {
    const engine = hostileEngine({});
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    const r = await docker(engine, ['run', '--name', IMG, 'alpine']);
    expect(r.code).toBe(125);
    expect(r.err).toContain('Invalid container name');
    expect(r.err).toContain(IMG);
  });

  it('treats Object.prototype member names as ordinary names', async () => {
    const engine = hostileEngine({});
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const tag = await docker(engine, ['tag', 'alpine', `${name.replace(/_/g, 'x').toLowerCase()}:${name}`]);
      expect(tag.code, `${name}: ${tag.err}`).toBe(0);
      const run = await docker(engine, ['run', '--name', `c-${name}`, 'alpine', 'echo', name]);
      expect(run.code, `${name}: ${run.err}`).toBe(0);
      expect(run.out).toBe(`${name}\n`);
      const missing = await docker(engine, ['inspect', name]);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain(`No such object: ${name}`);
    }
    const ps = await docker(engine, ['ps', '-a', '--format', '{{.Names}}']);
    expect(ps.out.split('\n').filter(Boolean).sort()).toEqual(['c-__proto__', 'c-constructor', 'c-hasOwnProperty', 'c-toString']);
  });
});
