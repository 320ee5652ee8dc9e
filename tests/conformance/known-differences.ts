/**
 * Builds where Layerlab knowingly differs from the real engine (Engine 20.10 as the oracle, Docker 28 as our
 * persona). Each entry needs a reason a reviewer can check. Keys are `resultKey()`s: "scenario#N (builder)".
 * `what` limits the exemption to one kind of disagreement; without it, every disagreement of that build is accepted.
 */
import type { Disagreement } from './harness';

export interface KnownDifference {
  key: string;
  what?: Disagreement['what'];
  reason: string;
}

export const knownDifferences: KnownDifference[] = [
];

export function isKnown(key: string, d: Disagreement): KnownDifference | undefined {
  return knownDifferences.find((k) => k.key === key && (!k.what || k.what === d.what));
}
