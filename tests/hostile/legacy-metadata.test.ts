/**
 * Thousands of metadata instructions with the legacy builder (DOCKER_BUILDKIT=0), which makes an image per step:
 * the build ends with the whole config, the step images stay listed, and the state still saves and restores
 * (each step image used to carry its own copy of the config and history: memory quadratic in the lines).
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { docker, hostileEngine } from './helpers';

const N = 8_000;

describe('Legacy builder, 8,000 ENV lines', () => {
  it('builds, keeps every step image, and the final config has all 8,000 env entries', async () => {
    const df = ['FROM busybox', ...Array.from({ length: N }, (_, i) => `ENV V${i}=${i}`)].join('\n') + '\n';
    const engine = hostileEngine({ Dockerfile: df });
    expect((await docker(engine, ['pull', 'busybox'])).code).toBe(0);
    const r = await docker(engine, ['build', '-t', 'envs', '.'], { DOCKER_BUILDKIT: '0' });
    expect(r.code, r.err.slice(0, 500)).toBe(0);
    expect(r.out).toContain(`Step ${N + 1}/${N + 1} : ENV V${N - 1}=${N - 1}\n`);
    const env = JSON.parse((await docker(engine, ['image', 'inspect', 'envs'])).out)[0].Config.Env as string[];
    expect(env).toHaveLength(N + 1);
    expect(env.slice(1)).toEqual(Array.from({ length: N }, (_, i) => `V${i}=${i}`));
    // busybox and one image per ENV step.
    expect((await docker(engine, ['image', 'ls', '-a', '-q'])).out.trim().split('\n')).toHaveLength(N + 1);
    expect((await docker(engine, ['history', '-q', 'envs'])).out.trim().split('\n')).toHaveLength(N + 2);

    const snapshot = JSON.stringify(engine.snapshot());
    expect(snapshot.length).toBeLessThan(64 * 1024 * 1024);
    const restored = new Engine({ env: hostileEngine().env, context: engine.context, snapshot: JSON.parse(snapshot) });
    const back = JSON.parse((await docker(restored, ['image', 'inspect', 'envs'])).out)[0].Config.Env as string[];
    expect(back).toEqual(env);
  }, 300_000);

  it('builds the same Dockerfile with BuildKit, with the same env', async () => {
    const df = ['FROM busybox', ...Array.from({ length: N }, (_, i) => `ENV V${i}=${i}`)].join('\n') + '\n';
    const engine = hostileEngine({ Dockerfile: df });
    expect((await docker(engine, ['pull', 'busybox'])).code).toBe(0);
    const r = await docker(engine, ['build', '-q', '-t', 'envs', '.']);
    expect(r.code, r.err.slice(0, 500)).toBe(0);
    const env = JSON.parse((await docker(engine, ['image', 'inspect', 'envs'])).out)[0].Config.Env as string[];
    expect(env).toHaveLength(N + 1);
    expect(env[N]).toBe(`V${N - 1}=${N - 1}`);
  }, 60_000);

  it('builds 2,000 LABEL and 2,000 EXPOSE lines with the legacy builder, keeping every label and port', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `LABEL l${i}="${i}"\nEXPOSE ${10_000 + i}`);
    const engine = hostileEngine({ Dockerfile: ['FROM busybox', ...lines].join('\n') + '\n' });
    expect((await docker(engine, ['pull', 'busybox'])).code).toBe(0);
    const r = await docker(engine, ['build', '-q', '-t', 'labels', '.'], { DOCKER_BUILDKIT: '0' });
    expect(r.code, r.err.slice(0, 500)).toBe(0);
    const cfg = JSON.parse((await docker(engine, ['image', 'inspect', 'labels'])).out)[0].Config;
    expect(Object.keys(cfg.Labels)).toHaveLength(2_000);
    expect(cfg.Labels.l1999).toBe('1999');
    expect(Object.keys(cfg.ExposedPorts)).toHaveLength(2_000);
  }, 120_000);
});
