/**
 * Base images a build pulls. BuildKit pulls them into its own store: the layers are kept for its cache and for later
 * pulls, but `docker image ls` does not list the base and `docker` commands do not find it until it is pulled.
 * The classic builder pulls through the daemon, so the base is listed (moby/moby#39229, docker/docs#13279).
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';

function engineWith(dockerfile: string) {
  const engine = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: dockerfile }) });
  const docker = async (argv: string[], env: Record<string, string> = {}) => {
    const io = bufferIO();
    io.env = { ...io.env, ...env };
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { engine, docker };
}

const DOCKERFILE = 'FROM alpine:3.20\nRUN echo hi > /greeting\n';

describe('a base image pulled by a build', () => {
  it('BuildKit: not listed, not found by rmi, history or inspect; docker run pulls it again with its layers already here', async () => {
    const { docker } = engineWith(DOCKERFILE);
    expect((await docker(['build', '-q', '-t', 'app', '.'])).code).toBe(0);
    const ls = await docker(['image', 'ls']);
    expect(ls.out).toContain('app ');
    expect(ls.out).not.toContain('alpine');
    expect(await docker(['rmi', 'alpine:3.20'])).toMatchObject({ code: 1, err: 'Error response from daemon: No such image: alpine:3.20\n' });
    expect((await docker(['history', 'alpine:3.20'])).err).toContain('No such image: alpine:3.20');
    expect((await docker(['image', 'inspect', 'alpine:3.20'])).code).toBe(1);
    const run = await docker(['run', '--rm', 'alpine:3.20', 'echo', 'ok']);
    expect(run.code).toBe(0);
    expect(run.err).toContain("Unable to find image 'alpine:3.20' locally");
    expect(run.out).toBe('ok\n');
    expect(run.err).toMatch(/: Already exists\n/);
    expect(run.err).not.toContain('Pull complete');
    expect((await docker(['image', 'ls'])).out).toContain('alpine       3.20');
  });

  it('BuildKit: a second build uses the base it keeps, without pulling', async () => {
    const { docker } = engineWith(DOCKERFILE);
    await docker(['build', '-q', '-t', 'app', '.']);
    const again = await docker(['build', '--progress', 'plain', '-t', 'app2', '.']);
    expect(again.code).toBe(0);
    expect(again.err + again.out).toContain('CACHED');
    expect(again.err + again.out).not.toContain('extracting sha256:');
  });

  it('BuildKit: the base stays out of the list after a save and restore, and builder prune -a forgets it', async () => {
    const { engine, docker } = engineWith(DOCKERFILE);
    await docker(['build', '-q', '-t', 'app', '.']);
    const restored = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: DOCKERFILE }), snapshot: JSON.parse(JSON.stringify(engine.snapshot())) });
    expect(restored.images.get('alpine:3.20')).toBeUndefined();
    expect(restored.images.builderImage('alpine:3.20')?.id).toBe(engine.images.builderImage('alpine:3.20')?.id);
    expect((await docker(['builder', 'prune', '-a', '-f'])).code).toBe(0);
    expect(engine.images.builderImage('alpine:3.20')).toBeUndefined();
  });

  it('the classic builder pulls through the daemon: the base is listed', async () => {
    const { docker } = engineWith(DOCKERFILE);
    expect((await docker(['build', '-q', '-t', 'app', '.'], { DOCKER_BUILDKIT: '0' })).code).toBe(0);
    expect((await docker(['image', 'ls'])).out).toContain('alpine       3.20');
  });
});
