/**
 * Builds where Layerlab knowingly differs from the real engine (Engine 20.10 as the oracle, Docker 28 as our
 * persona). Each entry needs a reason a reviewer can check. `key` matches `resultKey()`s ("scenario#N (builder)")
 * exactly, or as a RegExp. `what` limits the exemption to one kind of disagreement.
 *
 * Entries marked BUG are Layerlab defects found by the conformance run, listed so CI stays green while their
 * owner fixes them: remove the entry with the fix (the runner reports entries that no longer match anything).
 */
import type { Disagreement } from './harness';

export interface KnownDifference {
  key: string | RegExp;
  what?: Disagreement['what'];
  reason: string;
}

export const knownDifferences: KnownDifference[] = [
  {
    key: /^edit-source-after-deps#\d \((buildkit|classic)\)$/,
    what: 'files',
    reason:
      'BUG (build/shell): `wc -c package.json` writes "15\\n"; busybox wc prints the file name too ("15 package.json\\n"), so /deps.installed differs.',
  },
  {
    key: /^multi-stage#[1-4] \((buildkit|classic)\)$/,
    what: 'files',
    reason: 'BUG (build/shell): `tr a-z A-Z` does not translate ranges in Layerlab ("hello" stays lower case), so /out.txt and /final.txt differ.',
  },
  {
    key: /^multi-stage#[45] \(buildkit\)$/,
    what: 'steps',
    reason:
      'BUG (build): with --target, BuildKit still prefixes steps with the stage name when the Dockerfile has several stages ("[build 2/3] COPY ..."); Layerlab prints "[2/3] COPY ...".',
  },
  {
    key: 'failing-builds#1 (buildkit)',
    what: 'steps',
    reason:
      'BUG (build): when a COPY source is missing, BuildKit prints the step\'s vertex ("#6 [2/2] COPY missing.txt /") before "#6 ERROR: ..."; Layerlab prints no vertex line for it.',
  },
];

const matches = (k: KnownDifference, key: string) => (typeof k.key === 'string' ? k.key === key : k.key.test(key));

export function isKnown(key: string, d: Disagreement): KnownDifference | undefined {
  return knownDifferences.find((k) => matches(k, key) && (!k.what || k.what === d.what));
}
