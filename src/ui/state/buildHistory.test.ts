import { describe, expect, it } from 'vitest';
import type { BuildView } from '../layers/model';
import { buildsRecord, readBuildsRecord } from './buildHistory';

const view = (n: number, state: BuildView['state'] = 'finished'): BuildView => ({
  builder: 'legacy',
  bands: Array.from({ length: n }, (_, i) => ({
    step: i + 1,
    stage: '',
    line: i + 2,
    name: `ENV V${i}=value${i}`,
    instruction: 'ENV',
    metadataOnly: true,
    status: 'built' as const,
    running: false,
    reason: { kind: 'first-build' as const },
    size: 0,
    durationMs: 3,
    added: 0,
    modified: 0,
    removed: 0,
  })),
  state,
  tags: ['envs:latest'],
  durationMs: 40,
  startedAt: 7,
  finishOrder: Array.from({ length: n }, (_, i) => i + 1),
  live: true,
});

describe('the saved layer-stack history', () => {
  it('comes back as it was saved, shown in its end state (not animated); a running build is not saved', async () => {
    const big = view(1234);
    const rec = await buildsRecord({ envs: { last: big, previous: view(0) }, other: { last: view(2, 'running'), previous: null } }, { envs: ['|ENV V0=value0'] });
    const back = readBuildsRecord(structuredClone(rec))!;
    expect(back.builds.envs.last).toEqual({ ...big, live: false });
    expect(back.builds.envs.previous).toEqual({ ...view(0), live: false });
    expect(back.builds.other).toBeUndefined();
    expect(back.knownMeta).toEqual({ envs: ['|ENV V0=value0'] });
  });

  it('reads the former layout (views as objects) and drops what is not a view', () => {
    const v = view(3);
    const back = readBuildsRecord({ builds: { a: { last: v, previous: 'not json' }, b: { last: { bands: 1 }, previous: null } }, knownMeta: { a: ['x', 3] } })!;
    expect(back.builds.a).toEqual({ last: v, previous: null });
    expect(back.builds.b).toEqual({ last: null, previous: null });
    expect(back.knownMeta).toEqual({ a: ['x'] });
    expect(readBuildsRecord(undefined)).toBeNull();
  });
});

describe('the saved history handed to the engine host', () => {
  it('as UTF-8 chunks, the same text as the record the page stores itself', async () => {
    const builds = { envs: { last: view(1234), previous: view(3) } };
    const text = await buildsRecord(builds, {});
    const chunked = await buildsRecord(builds, {}, false, true);
    const dec = new TextDecoder();
    const joined = (v: unknown) => (v as { layerlabText: Uint8Array[] }).layerlabText.map((c) => dec.decode(c)).join('');
    expect(joined(chunked.builds.envs.last)).toBe(text.builds.envs.last);
    expect(joined(chunked.builds.envs.previous)).toBe(text.builds.envs.previous);
    expect((chunked.builds.envs.last as { layerlabText: Uint8Array[] }).layerlabText.length).toBeGreaterThan(3);
  });
});
