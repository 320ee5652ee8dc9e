/**
 * A build whose RUN step never ends by itself: it runs in a container through the same sandbox as `docker run`
 * (here the CLI's child-process host), so the sandbox's limits stop it and the build fails with a message instead
 * of running forever.
 */
import { describe, expect, it } from 'vitest';
import { ChildProcessHost } from '../../src/node/runtime/child-process-host';
import { docker, hostileEngine } from './helpers';

async function build(dockerfile: string, env: Record<string, string> = {}) {
  const engine = hostileEngine({ Dockerfile: dockerfile });
  engine.sandbox = new ChildProcessHost({ memoryBytes: 64 * 1024 * 1024 });
  if (engine.registry) engine.registry.sleep = null;
  return docker(engine, ['build', '--progress', 'plain', '-t', 'runaway', '.'], env);
}

const BUILDERS: { builder: string; env: Record<string, string> }[] = [
  { builder: 'BuildKit', env: {} },
  { builder: 'the legacy builder', env: { DOCKER_BUILDKIT: '0' } },
];

describe.each(BUILDERS)('Runaway RUN steps with $builder', ({ env }) => {
  it('a script that forks itself twice over ends with "can\'t fork" and fails the build', async () => {
    const r = await build("FROM busybox\nRUN echo 'sh /s.sh & sh /s.sh' > /s.sh && sh /s.sh\n", env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain("sh: can't fork: Resource temporarily unavailable");
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);

  it('an endless shell loop is stopped (137) with one line saying why', async () => {
    const r = await build('FROM busybox\nRUN while true; do :; done\n', env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/exit code: 137|returned a non-zero code: 137/);
    expect(r.out + r.err).toContain('layerlab: ');
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);

  it('a JavaScript busy loop in RUN is stopped from outside (137)', async () => {
    const r = await build('FROM node:20-alpine\nRUN node -e "for (;;) {}"\n', env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/exit code: 137|returned a non-zero code: 137/);
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);
});
