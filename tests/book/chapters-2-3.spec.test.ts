/**
 * The book's own exercises (Learn Docker in a Month of Lunches, chapters 2 and 3, Linux), built from their
 * Dockerfiles as the book's repository has them (tests/book/diamol/, CC BY-SA 4.0) with both builders, then
 * run as the book runs them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bookEngine, run } from './book-engine';

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

  it('ch02 hello-diamol-web: Apache serves the exercise\'s page on the published port', async () => {
    const e = bookEngine('ch02/exercises/hello-diamol-web');
    const b = await run(e, ['build', '-t', 'hello-diamol-web', '.'], env);
    expect(b.err + b.out).not.toMatch(/ERROR/);
    expect(b.code).toBe(0);
    expect((await run(e, ['run', '-d', '-p', '8088:80', '--name', 'web', 'hello-diamol-web'])).code).toBe(0);
    const page = await run(e, ['curl', 'http://localhost:8088/']);
    expect(page.out).toBe(readFileSync(join(ROOT, 'ch02/exercises/hello-diamol-web/html/index.html'), 'utf8'));
    const logs = await run(e, ['logs', 'web']);
    expect(logs.err).toContain('AH00489: Apache/2.4.46 (Unix) configured -- resuming normal operations');
    expect(logs.out).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+\n$/);
  });
});

describe('the image behind chapter 2\'s web exercise', () => {
  it('diamol/apache is httpd:2.4.46-alpine with nothing added: its history is the Alpine-based httpd build', async () => {
    const e = bookEngine('ch02/exercises/hello-diamol-web');
    expect((await run(e, ['pull', '-q', 'diamol/apache'])).code).toBe(0);
    const h = await run(e, ['image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}\t{{.Size}}', 'diamol/apache']);
    const rows = h.out.trimEnd().split('\n').reverse();
    expect(rows[0]).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:\S+ in \/ \t5\.29MB$/);
    expect(rows[2]).toMatch(/adduser -u 82 -D -S -G www-data www-data\t/);
    expect(rows).toContain('/bin/sh -c #(nop)  ENV HTTPD_VERSION=2.4.46\t0B');
    expect(rows.find((r) => r.includes('apk add --no-cache --virtual .build-deps'))).toMatch(/\t49\.9MB$/);
    expect(rows.slice(-4)).toEqual([
      '/bin/sh -c #(nop)  STOPSIGNAL SIGWINCH\t0B',
      '/bin/sh -c #(nop) COPY file:c432ff61c4993ecdef4786f48d91a96f8f0707f6179816ccb98db661bfb96b90 in /usr/local/bin/ \t138B',
      '/bin/sh -c #(nop)  EXPOSE 80\t0B',
      '/bin/sh -c #(nop)  CMD ["httpd-foreground"]\t0B',
    ]);
    const inspect = await run(e, ['image', 'inspect', '--format', '{{json .Config.Env}} {{.Config.WorkingDir}} {{.Config.StopSignal}} {{json .Config.Cmd}}', 'diamol/apache']);
    expect(inspect.out).toContain('"HTTPD_VERSION=2.4.46"');
    expect(inspect.out).toContain(' /usr/local/apache2 SIGWINCH ["httpd-foreground"]');
  });
});
