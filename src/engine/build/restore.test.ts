import { describe, expect, it } from 'vitest';
import { testEnv } from '../core/env';
import { Engine, type EngineSnapshot } from '../engine';
import { BuildCache } from './cache/store';

const restoreError = (build: unknown): string => {
  try {
    new Engine({ env: testEnv(), snapshot: { version: 1, build } as unknown as EngineSnapshot });
    return 'restored';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('Build state restore', () => {
  it('round-trips the cache records and memos', () => {
    const c = new BuildCache();
    c.put({ key: 'k', diffId: 'sha256:' + 'a'.repeat(64), size: 10, description: '[2/2] RUN x', type: 'regular', created: 1, lastUsed: 2, usage: 1, durationMs: 5, createdBy: 'RUN x' });
    c.memo('buildkit|./Dockerfile').set('0:1', { text: 'RUN x', key: 'k', parentKey: 'p', env: { A: '1' } });
    const again = new BuildCache();
    again.restore(JSON.parse(JSON.stringify(c.snapshot())));
    expect(again.snapshot()).toEqual(c.snapshot());
  });

  it('refuses damaged cache records, memos and build records with an error naming the field', () => {
    expect(restoreError({ cache: { records: [{ key: 1 }], memos: [] }, records: [] })).toBe('damaged snapshot: build.cache.records[0].key is not a string');
    expect(restoreError({ cache: { records: [], memos: [['b', {}]] }, records: [] })).toBe('damaged snapshot: build.cache.memos[0][1] is not a list');
    expect(restoreError({ cache: 7, records: [] })).toBe('damaged snapshot: build.cache is not an object');
    expect(restoreError({ cache: { records: [], memos: [] }, records: [{ id: 'x' }] })).toBe('damaged snapshot: build.records[0].builder is not one of "buildkit", "legacy"');
    expect(restoreError({ cache: { records: [], memos: [] }, records: {} })).toBe('damaged snapshot: build.records is not a list');
    expect(restoreError({ cache: { records: [], memos: [] }, records: [] })).toBe('restored');
  });
});
