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
  // Empty: the four bugs this run found (busybox wc -c names, tr ranges, --target stage prefixes, the vertex of a
  // failing COPY) were fixed by the build area in 350f7ab.
];

const matches = (k: KnownDifference, key: string) => (typeof k.key === 'string' ? k.key === key : k.key.test(key));

export function isKnown(key: string, d: Disagreement): KnownDifference | undefined {
  return knownDifferences.find((k) => matches(k, key) && (!k.what || k.what === d.what));
}
