/**
 * A state with very many containers: restoring it (every headless CLI command does) stays linear.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type EngineSnapshot } from '../../src/engine/engine';
import { docker, hostileEngine } from './helpers';

describe('restoring many containers', () => {
  it('restores 40,000 containers in linear time (was quadratic: 100,000 took 85 s)', async () => {
    const engine = hostileEngine();
    expect((await docker(engine, ['pull', 'busybox'])).code).toBe(0);
    expect((await docker(engine, ['create', '--name', 'one', 'busybox'])).code).toBe(0);
    const snap = engine.snapshot() as EngineSnapshot & { containers: { containers: { id: string; name: string }[] } };
    const [c] = snap.containers.containers;
    const restoreTime = (n: number) => {
      const containers = Array.from({ length: n }, (_, i) => ({ ...c, id: i.toString(16).padStart(8, '0') + c.id.slice(8), name: `/c${i}` }));
      const t0 = performance.now();
      const e = new Engine({ env: engine.env, context: engine.context, snapshot: { ...snap, containers: { containers } } });
      const ms = performance.now() - t0;
      expect(e.containers.list()).toHaveLength(n);
      return ms;
    };
    restoreTime(2_000); // warm-up
    const small = restoreTime(10_000);
    const big = restoreTime(40_000);
    // Four times the containers: about four times the time (quadratic would be sixteen).
    expect(big / small).toBeLessThan(9);
  }, 120_000);
});
