/**
 * Replays the recorded real-engine results (oracle-results.json, from scripts/conformance-docker.ts) against
 * Layerlab's builder: the same scenarios, compared build by build (steps, cache outcome, resulting files).
 * Disagreements listed in known-differences.ts (with their reason) are accepted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults, resultKey } from './harness';
import { isKnown } from './known-differences';
import { layerlabCanBuild, playOnLayerlab } from './layerlab-side';
import { buildScenarios } from './scenarios/builds';
import type { OracleResults } from './scenarios/types';

const oracle = JSON.parse(readFileSync(join(__dirname, 'oracle-results.json'), 'utf8')) as OracleResults;
const recorded = new Map(oracle.results.map((r) => [resultKey(r), r]));

describe('the recorded oracle corpus', () => {
  it('covers every scenario build with both builders', () => {
    for (const s of buildScenarios) {
      for (const builder of s.builders ?? (['buildkit', 'classic'] as const)) {
        s.builds.forEach((_b, index) => expect(recorded.has(resultKey({ scenario: s.name, builder, index })), `${s.name}#${index + 1} ${builder}`).toBe(true));
      }
    }
    expect(oracle.results.length).toBeGreaterThanOrEqual(80);
  });
});

const canBuild = layerlabCanBuild();
if (!canBuild) {
  console.warn(
    '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      '!! Build conformance SKIPPED: Layerlab has no `docker build` command registered yet.\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );
}

describe.skipIf(!canBuild)('Layerlab builds agree with a real Docker engine', () => {
  for (const s of buildScenarios) {
    for (const builder of s.builders ?? (['buildkit', 'classic'] as const)) {
      it(`${s.name} (${builder})`, async () => {
        const ours = await playOnLayerlab(s, builder);
        const problems: string[] = [];
        for (const r of ours) {
          const key = resultKey(r);
          const o = recorded.get(key)!;
          for (const d of compareResults(o, r)) if (!isKnown(key, d)) problems.push(`${key} "${r.note}" [${d.what}] ${d.detail}`);
        }
        expect(problems).toEqual([]);
      }, 60_000);
    }
  }
});
