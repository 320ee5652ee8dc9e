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
    key: /^onbuild-local-parent#[234] \(buildkit\)$/,
    what: 'steps',
    reason:
      'Oracle version: the BuildKit in Engine 20.10 numbers ONBUILD trigger steps past the total ("[3/2] RUN echo triggered"); BuildKit v0.17+ (Docker 28, our persona) counts them (moby/buildkit#5397 "fix command count after new commands from ONBUILD"), as Layerlab does ("[3/4]").',
  },
];

const matches = (k: KnownDifference, key: string) => (typeof k.key === 'string' ? k.key === key : k.key.test(key));

export function isKnown(key: string, d: Disagreement): KnownDifference | undefined {
  return knownDifferences.find((k) => matches(k, key) && (!k.what || k.what === d.what));
}
