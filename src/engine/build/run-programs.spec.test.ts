/**
 * What RUN lines commonly do, run by the runtime's shell and programs (the ones `docker run` uses): shell syntax,
 * missing commands, package managers, user tools, and the limits that keep a build from hanging.
 */
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import type { BuildEvent } from './events';
import { testEngine } from './testkit';

/** Builds `FROM image` + `RUN script` (files first copied to their paths); returns the exit code, output and files. */
async function runIn(image: string, script: string, files: Record<string, string | { content: string; mode?: number }> = {}, workdir = '/') {
  const copies = Object.keys(files).map((p) => `COPY ${p.replace(/^\//, '')} ${p}\n`).join('');
  const context: Record<string, string | { content: string; mode?: number }> = { Dockerfile: `FROM ${image}\n${copies}WORKDIR ${workdir}\nRUN ${script}\n` };
  for (const [p, c] of Object.entries(files)) context[p.replace(/^\//, '')] = c;
  const t = testEngine(context);
  const events: BuildEvent[] = [];
  const r = await t.engine.build({ tags: ['t'], progress: 'plain' }, bufferIO(), (e) => events.push(e));
  const out = events.filter((e) => e.type === 'log').map((e) => (e as { text: string }).text + '\n').join('');
  const code = r.exitCode === 0 ? 0 : Number(/exit code: (\d+)/.exec(r.record.error ?? '')?.[1] ?? -1);
  const run = r.record.steps.find((s) => s.instruction === 'RUN');
  return { code, out, fs: r.imageId ? t.engine.images.rootfs(r.imageId) : null, durationMs: run?.durationMs ?? 0 };
}

describe('RUN lines learners write', () => {
  it('runs && chains, redirects, cd and variables', async () => {
    const r = await runIn('alpine', 'mkdir -p /app/data && cd /app && echo "hello $NAME" > data/a.txt && echo more >> data/a.txt; X=1; echo x=$X');
    expect(r.code).toBe(0);
    expect(r.fs!.readText('/app/data/a.txt')).toBe('hello \nmore\n');
    expect(r.out).toBe('x=1\n');
  });

  it('reports missing commands like the image shell and exits 127', async () => {
    const a = await runIn('alpine', 'foo --bar');
    expect(a.code).toBe(127);
    expect(a.out).toBe('/bin/sh: foo: not found\n');
    const d = await runIn('debian:bookworm-slim', 'foo');
    expect(d.code).toBe(127);
    expect(d.out).toBe('/bin/sh: 1: foo: not found\n');
  });

  it('exit N, || fallbacks, globbing and rm -rf', async () => {
    const r = await runIn('alpine', 'rm -rf /var/lib/x/* && ls /var/lib/x', { '/var/lib/x/a': '1', '/var/lib/x/b': '2' });
    expect(r.code).toBe(0);
    expect(r.fs!.readdir('/var/lib/x')).toEqual([]);
    expect((await runIn('alpine', 'false || exit 3')).code).toBe(3);
    expect((await runIn('alpine', 'set -e; false; echo never')).code).toBe(1);
  });

  it('sh -c, pipes, command substitution, if/for', async () => {
    const r = await runIn('alpine', `sh -c 'echo a b | tr a z'; for i in 1 2; do echo n$i; done; if [ -d /tmp ]; then echo yes; else echo no; fi; echo "$(echo sub)"`);
    expect(r.code).toBe(0);
    expect(r.out).toBe('z b\nn1\nn2\nyes\nsub\n');
  });

  it('apt-get install needs apt-get update first', async () => {
    const bad = await runIn('debian:bookworm-slim', 'apt-get install -y curl');
    expect(bad.code).toBe(100);
    expect(bad.out).toContain('E: Unable to locate package curl');
    const ok = await runIn('debian:bookworm-slim', 'apt-get update && apt-get install -y curl && command -v curl');
    expect(ok.code).toBe(0);
    expect(ok.fs!.stat('/usr/bin/curl')?.type).toBe('file');
  });

  it('npm install reads package.json and writes node_modules, taking build time', async () => {
    const r = await runIn('node:18-alpine', 'npm install', { '/app/package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.18.0' } }) }, '/app');
    expect(r.code).toBe(0);
    expect(r.fs!.readdir('/app/node_modules')).toContain('express');
    expect(r.fs!.exists('/app/package-lock.json')).toBe(true);
    expect(r.out).toMatch(/added 71 packages in \d+s/);
    expect(r.durationMs).toBeGreaterThan(1000);
  });

  it('npm ci without a lockfile fails like npm', async () => {
    const r = await runIn('node:18-alpine', 'npm ci', { '/app/package.json': '{"name":"x"}' }, '/app');
    expect(r.code).toBe(1);
    expect(r.out).toContain('npm error code EUSAGE');
  });

  it('adduser/addgroup edit /etc/passwd and create the home', async () => {
    const r = await runIn('alpine', 'addgroup -S app && adduser -S -G app app');
    expect(r.code).toBe(0);
    expect(r.fs!.readText('/etc/passwd')).toMatch(/^app:x:\d+:\d+:/m);
    expect(r.fs!.stat('/home/app')?.type).toBe('dir');
  });

  it('apk add of a name that is no package fails like apk and installs nothing', async () => {
    const r = await runIn('alpine', 'apk add --no-cache /root build-essential');
    expect(r.code).toBe(1);
    expect(r.out).toContain('ERROR: unable to select packages:\n  /root (no such package):\n    required by: world[/root]\n  build-essential (no such package):\n    required by: world[build-essential]\n');
    expect((await runIn('alpine', 'apk add --no-cache curl gnupg')).code).toBe(0);
    const v = await runIn('alpine', 'apk add --no-cache --virtual .build-deps curl libstdc++ && apk add --no-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/community jq');
    expect(v.code).toBe(0);
    expect(v.out).toContain('Installing .build-deps (');
  });

  it('find of a missing path fails like busybox', async () => {
    const r = await runIn('alpine', 'find /nonexistent');
    expect(r.code).toBe(1);
    expect(r.out).toBe('find: /nonexistent: No such file or directory\n');
    expect((await runIn('alpine', 'find /etc -name hostname')).code).toBe(0);
  });

  it('treats Object.prototype names as ordinary missing commands', async () => {
    const r = await runIn('alpine', 'valueOf; toString; constructor; __proto__; hasOwnProperty; exit 0');
    expect(r.code).toBe(0);
    expect(r.out).toBe(['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty'].map((n) => `/bin/sh: ${n}: not found\n`).join(''));
  });
});
