import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from '../test-helpers';
import { FETCH_CASES } from './testdata/fetch-cases';
import recorded from './testdata/fetch.json';

const expected = recorded as Record<string, { stdout: string; stderr: string; code: number }>;

describe('fetch, Headers, Request and Response behave as in real Node 20', () => {
  for (const c of FETCH_CASES) {
    it(c.name, async () => {
      const r = expected[c.name];
      expect(r, 'recorded by scripts/record-node-esm.ts').toBeDefined();
      const run = spawnCollect({ argv: ['node', c.main], cwd: '/app', env: { PATH: '/usr/local/bin:/bin', NODE_VERSION: '20.20.2' }, fs: imageFs('node', c.files) });
      await run.proc.advanceTo(T0 + 1000);
      expect(run.stderr()).toBe(r.stderr);
      expect(run.stdout()).toBe(r.stdout);
      expect(run.exit?.code).toBe(r.code);
    });
  }
});
