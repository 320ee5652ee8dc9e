/**
 * Programs of the recorded case tables run in Layerlab's node and print exactly what real Node 20 printed for
 * them (testdata/*.json, written by the recorders named per table).
 */
import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from '../test-helpers';
import { ESM_CASES } from './testdata/esm-cases';
import { FETCH_CASES } from './testdata/fetch-cases';
import { RESOLUTION_CASES, type ResolutionCase } from './testdata/resolution-cases';
import esm from './testdata/esm.json';
import fetchRecorded from './testdata/fetch.json';
import resolution from './testdata/resolution.json';

type Recorded = Record<string, { stdout: string; stderr: string; code: number }>;

const TABLES: [title: string, cases: ResolutionCase[], recorded: Recorded, recorder: string][] = [
  ['require and import resolve as real Node 20 does', RESOLUTION_CASES, resolution, 'scripts/record-node-resolution.ts'],
  ['ES modules link, evaluate and fail as in real Node 20', ESM_CASES, esm, 'scripts/record-node-esm.ts'],
  ['fetch, Headers, Request and Response behave as in real Node 20', FETCH_CASES, fetchRecorded, 'scripts/record-node-esm.ts'],
];

for (const [title, cases, recorded, recorder] of TABLES) {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const r = recorded[c.name];
        expect(r, `recorded by ${recorder}`).toBeDefined();
        const run = spawnCollect({ argv: ['node', c.main], cwd: '/app', env: { PATH: '/usr/local/bin:/bin', NODE_VERSION: '20.20.2' }, fs: imageFs('node', c.files) });
        await run.proc.advanceTo(T0 + 1000);
        expect(run.stderr()).toBe(r.stderr);
        expect(run.stdout()).toBe(r.stdout);
        expect(run.exit?.code).toBe(r.code);
      });
    }
  });
}
