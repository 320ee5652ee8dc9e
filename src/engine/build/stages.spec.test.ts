import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { reachableStages } from './phases/plan';
import { testEngine } from './testkit';

const chain = (n: number, body = '') => {
  let df = 'FROM alpine AS s0\n';
  for (let i = 1; i < n; i++) df += `FROM s${i - 1} AS s${i}\n${body}`;
  return df;
};

describe('Long chains of stages', () => {
  it('builds 300 stages each FROM the one before, with both builders and in a prediction', async () => {
    const t = testEngine({ Dockerfile: chain(300, 'ENV N=1\n') });
    const bk = await t.build();
    expect(bk.exitCode).toBe(0);
    expect(bk.record.error).toBeUndefined();
    expect(bk.err).toContain('#');
    const legacy = await t.build({ tags: ['legacy'] }, bufferIO({ env: { DOCKER_BUILDKIT: '0' } }));
    expect(legacy.exitCode).toBe(0);
    expect(legacy.out).toContain('Step 599/599 : ENV N=1\n');
    const p = await t.engine.predictBuild({});
    expect(p.error).toBeUndefined();
  });

  it('finds the stages a target needs without recursion, however long the chain', () => {
    const n = 50_000;
    const baseOf = Array.from({ length: n }, (_, i) => (i === 0 ? null : i - 1));
    const deps = Array.from({ length: n }, () => new Set<number>());
    deps[n - 1].add(0);
    const order = reachableStages(n - 1, baseOf, deps);
    expect(order.length).toBe(n);
    expect(order[0]).toBe(0);
    expect(order[n - 1]).toBe(n - 1);
  });

  it('fails a chain that stacks more layers than Docker allows with its "max depth exceeded"', async () => {
    const t = testEngine({ Dockerfile: chain(200, 'RUN echo x > /f\n') });
    const r = await t.build();
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('max depth exceeded');
  });
});
