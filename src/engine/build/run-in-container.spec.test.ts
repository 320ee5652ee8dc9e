/**
 * RUN runs in a container, as in Docker: the step's command is a real process of the sandbox runtime (the same
 * shell, applets and Node as `docker run`), on the step's filesystem, and what it writes is the layer.
 */
import { describe, expect, it } from 'vitest';
import { bufferIO, type CliIO } from '../core/io';
import type { BuildEvent } from './events';
import { testEngine } from './testkit';

const legacyIO = () => bufferIO({ env: { DOCKER_BUILDKIT: '0' } });

function setup(files: Record<string, string | { content: string; mode?: number }>) {
  const t = testEngine(files);
  t.engine.registry.sleep = null;
  const docker = async (argv: string[], opts: Partial<CliIO> = {}) => {
    const io = bufferIO(opts);
    const code = await t.engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { ...t, docker };
}

/** The changes of the layer the build's RUN step made, `docker diff` style (`A /path`), sorted. */
function runChanges(record: { steps: { instruction: string; changes?: { kind: string; path: string }[] }[] }): string[] {
  const step = record.steps.filter((s) => s.instruction === 'RUN').pop();
  return (step?.changes ?? []).map((c) => `${c.kind} ${c.path}`).sort();
}

describe('RUN runs the command in a container', () => {
  it("builds the book's chapter 2 Dockerfile: chmod +x works and the container prints what the script prints", async () => {
    const script = '#!/bin/sh\necho "---------------------"\necho "Hello from Chapter 2!"\necho "---------------------"\necho "I run as: $(whoami)"\n';
    for (const io of [bufferIO(), legacyIO()]) {
      const t = setup({ Dockerfile: 'FROM diamol/base\nCOPY cmd.sh .\nRUN chmod +x cmd.sh\nCMD ./cmd.sh\n', 'cmd.sh': script });
      const r = await t.build({ tags: ['hello-diamol'] }, io);
      expect(r.exitCode, r.err + r.out).toBe(0);
      expect(t.engine.images.rootfs(r.imageId!).stat('/cmd.sh')!.mode & 0o777).toBe(0o755);
      const run = await t.docker(['run', '--rm', 'hello-diamol']);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toBe('---------------------\nHello from Chapter 2!\n---------------------\nI run as: root\n');
    }
  });

  it('runs the learner\'s Node code: a file written by RUN node -e is in the image', async () => {
    const t = setup({ Dockerfile: `FROM diamol/node\nRUN node -e "require('fs').writeFileSync('/out.txt', String(6*7))"\n` });
    const r = await t.build({ tags: ['answer'] });
    expect(r.exitCode, r.err).toBe(0);
    const run = await t.docker(['run', '--rm', 'answer', 'cat', '/out.txt']);
    expect(run).toEqual({ code: 0, out: '42', err: '' });
  });

  it("fails the build when npm test fails, in each builder's words", async () => {
    const files = {
      Dockerfile: 'FROM diamol/node\nWORKDIR /app\nCOPY package.json .\nRUN npm test\n',
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'node -e "console.log(\'testing\'); process.exit(1)"' } }),
    };
    const t = setup(files);
    const bk = await t.build();
    expect(bk.exitCode).toBe(1);
    expect(bk.err).toContain('testing');
    expect(bk.err).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c npm test" did not complete successfully: exit code: 1');
    const io = legacyIO();
    const legacy = await t.build({}, io);
    expect(legacy.exitCode).toBe(1);
    expect(io.out).toContain('testing\n');
    expect(io.err).toContain("The command '/bin/sh -c npm test' returned a non-zero code: 1");
  });

  it('makes a layer of exactly what the script wrote, deleted, moved and chmod-ed (both builders)', async () => {
    const build = ['set -e', 'mkdir -p /data/out', 'echo built > /data/out/result.txt', 'rm /data/old.txt', 'mv /data/draft.txt /data/final.txt', 'chmod 600 /data/keep.txt', ''].join('\n');
    const files = { Dockerfile: 'FROM alpine\nCOPY data /data\nCOPY build.sh /\nRUN sh ./build.sh\n', 'build.sh': build, 'data/old.txt': 'old\n', 'data/draft.txt': 'draft\n', 'data/keep.txt': 'keep\n' };
    const expected = ['A /data/final.txt', 'A /data/out', 'A /data/out/result.txt', 'C /data/keep.txt', 'D /data/draft.txt', 'D /data/old.txt'];
    for (const io of [bufferIO(), legacyIO()]) {
      const t = setup(files);
      const r = await t.build({}, io);
      expect(r.exitCode, r.err).toBe(0);
      expect(runChanges(r.record)).toEqual(expected);
      const fs = t.engine.images.rootfs(r.imageId!);
      expect(fs.readText('/data/out/result.txt')).toBe('built\n');
      expect(fs.readText('/data/final.txt')).toBe('draft\n');
      expect(fs.stat('/data/keep.txt')!.mode & 0o777).toBe(0o600);
      expect(fs.stat('/data/old.txt')).toBeNull();
    }
  });

  it('stops a RUN that never ends with exit code 137 and one line saying why', async () => {
    const t = setup({ Dockerfile: 'FROM alpine\nRUN echo start; while :; do :; done\nRUN echo after\n' });
    const r = await t.build();
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('start');
    expect(r.err).toMatch(/layerlab: the process looped \d+ times without waiting for anything \(an endless loop\?\) and was stopped/);
    expect(r.err).toContain('process "/bin/sh -c echo start; while :; do :; done" did not complete successfully: exit code: 137');
    expect(r.err).not.toContain('[3/3] RUN echo after');
  });

  it('sleeps in virtual time: sleep 5 is five seconds of build time, a command still running after ten minutes is stopped', async () => {
    const t = setup({ Dockerfile: 'FROM alpine\nRUN sleep 5 && echo woke\n' });
    const events: BuildEvent[] = [];
    const r = await t.engine.build({ tags: ['s'], progress: 'plain' }, bufferIO(), (e) => events.push(e));
    expect(r.exitCode).toBe(0);
    const run = r.record.steps.find((s) => s.instruction === 'RUN')!;
    expect(run.durationMs).toBeGreaterThanOrEqual(5000);
    expect(run.durationMs).toBeLessThan(6000);
    const woke = events.find((e) => e.type === 'log' && e.text === 'woke');
    expect(woke).toBeDefined();
    t.setFiles({ Dockerfile: 'FROM alpine\nRUN sleep 3600\n' });
    const long = await t.build();
    expect(long.exitCode).toBe(1);
    expect(long.err).toContain('layerlab: stopped after 10 minutes of build time: this command does not finish by itself (docker build would wait here until you cancel it)');
    expect(long.err).toContain('exit code: 137');
  });

  it('gives the same output, exit code and files as RUN and as docker run IMG sh -c', async () => {
    const script = 'mkdir -p /work && cd /work && for n in 1 2 3; do echo "line $n" >> lines.txt; done; echo sum=$((1+2+3)); ls; cat lines.txt | wc -l';
    const t = setup({ Dockerfile: `FROM alpine\nRUN ${script}\n` });
    const events: BuildEvent[] = [];
    const r = await t.engine.build({ tags: ['same'], progress: 'plain' }, bufferIO(), (e) => events.push(e));
    expect(r.exitCode).toBe(0);
    const runOut = events.filter((e) => e.type === 'log').map((e) => (e as { text: string }).text + '\n').join('');
    const c = await t.docker(['run', '--name', 'twin', 'alpine', 'sh', '-c', script]);
    expect(c.code).toBe(0);
    expect(runOut).toBe(c.out);
    expect(runOut).toBe('sum=6\nlines.txt\n3\n');
    const diff = await t.docker(['diff', 'twin']);
    expect(diff.out.trim().split('\n').sort()).toEqual(runChanges(r.record));
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readText('/work/lines.txt')).toBe('line 1\nline 2\nline 3\n');
  });

  it("runs as the step's container: BuildKit's hostname is buildkitsandbox, the legacy builder's the container ID", async () => {
    const t = setup({ Dockerfile: 'FROM alpine\nRUN hostname\n' });
    const bk = await t.build();
    expect(bk.err).toMatch(/#5 \d+\.\d{3} buildkitsandbox\n/);
    const io = legacyIO();
    await t.build({}, io);
    const id = /---> Running in ([0-9a-f]{12})\n/.exec(io.out)?.[1];
    expect(id).toBeDefined();
    expect(io.out).toContain(` ---> Running in ${id}\n${id}\n ---> Removed intermediate container ${id}\n`);
  });

  it('is deterministic: the same inputs give the same layer and the same output', async () => {
    const files = { Dockerfile: 'FROM alpine\nRUN echo $RANDOM-$(date +%s) > /stamp && cat /stamp\n' };
    const a = setup(files);
    const b = setup(files);
    const ra = await a.build({}, bufferIO());
    const rb = await b.build({}, bufferIO());
    expect(ra.exitCode).toBe(0);
    expect(ra.err).toBe(rb.err);
    expect(ra.imageId).toBe(rb.imageId);
  });
});
