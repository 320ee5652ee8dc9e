/**
 * What the layer stack shows of a build being revealed (playback.ts): the steps revealed so far as they
 * finished, the others pending (the next one running). Worked out per band, for the bands on screen only: a
 * stack of thousands of bands is not copied at every step of the reveal.
 */
import type { Band, BandStatus, BuildView } from './model';

export interface Reveal {
  /** The band as shown. */
  band(b: Band): Band;
  /** Its status as shown (`band(b).status` without making the band). */
  status(b: Band): BandStatus;
}

/** Shows every band as it is (a prediction, or a build shown in its end state). */
export const revealAll: Reveal = { band: (b) => b, status: (b) => b.status };

/** The reveal of `view` with its first `revealed` finished steps shown. */
export function revealOf(view: BuildView, revealed: number): Reveal {
  const order = view.finishOrder;
  if (revealed >= order.length && view.bands.every((b) => !b.running)) return revealAll;
  // when each step finished (its first place in finishOrder)
  const rank = new Map<number, number>();
  for (let i = Math.min(revealed, order.length) - 1; i >= 0; i--) rank.set(order[i], i);
  const shown = (b: Band) => rank.has(b.step);
  const nextStep = order[revealed];
  const stopped = view.state === 'failed' && revealed >= order.length;
  const status = (b: Band): BandStatus => (shown(b) || b.status === 'base' || (stopped && b.failed) ? b.status : 'pending');
  return {
    status,
    band(b) {
      if (shown(b) || b.status === 'base') return b.running && shown(b) ? { ...b, running: false } : b;
      if (stopped && b.failed) return b;
      const isNext = nextStep === b.step || (b.running && nextStep === undefined);
      return { ...b, status: 'pending', reason: undefined, running: isNext, failed: false };
    },
  };
}
