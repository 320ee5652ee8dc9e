/**
 * What the layer stack shows of a build being revealed (playback.ts): the steps revealed so far as they
 * finished, the others pending (the next one running). Worked out per band, for the bands on screen only: a
 * stack of thousands of bands is not copied at every step of the reveal. A `RevealTracker` keeps what it learnt
 * of a build's finish order from one frame to the next (a build's order only grows), so a frame costs the
 * steps that finished or were revealed since the last one, not the whole build.
 */
import { firstBandFrom, type Band, type BandStatus, type BuildView } from './model';

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
  return new RevealTracker().reveal(view, revealed);
}

export class RevealTracker {
  /** The build followed (its start time) and the first place of each step in its finish order, so far. */
  private startedAt = Number.NaN;
  private rank = new Map<number, number>();
  private order: readonly number[] = [];
  /** The first band (its index) among the first `missSeen` finished steps that rebuilt a layer. */
  private missSeen = 0;
  private miss = -1;
  private missBands: readonly Band[] | null = null;

  /** The reveal of `view` with its first `revealed` finished steps shown. */
  reveal(view: BuildView, revealed: number): Reveal {
    const order = this.follow(view);
    if (revealed >= order.length && view.bands.every((b) => !b.running)) return revealAll;
    const rank = this.rank;
    const shown = (b: Band) => (rank.get(b.step) ?? Number.POSITIVE_INFINITY) < revealed;
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

  /**
   * The first band of `view` that rebuilt its layer (`isLayer`) among its first `revealed` finished steps: as
   * `view.bands.find` over the statuses shown, counting only the steps revealed since the last call.
   */
  firstRebuilt(view: BuildView, revealed: number, isLayer: (b: Band) => boolean): Band | undefined {
    const order = this.follow(view);
    const upto = Math.min(revealed, order.length);
    if (upto < this.missSeen || this.missBands?.length !== view.bands.length) {
      this.missSeen = 0;
      this.miss = -1;
    }
    this.missBands = view.bands;
    const at = stepIndex(view.bands);
    for (; this.missSeen < upto; this.missSeen++) {
      const i = at(order[this.missSeen]);
      const b = view.bands[i];
      if (b && b.status === 'built' && isLayer(b) && (this.miss < 0 || i < this.miss)) this.miss = i;
    }
    return this.miss < 0 ? undefined : view.bands[this.miss];
  }

  /** Learns the steps of `view`'s finish order not seen yet (all of it for another build); returns the order. */
  private follow(view: BuildView): readonly number[] {
    const order = view.finishOrder;
    const seen = this.order.length;
    const same = view.startedAt === this.startedAt && order.length >= seen && (seen === 0 || order[seen - 1] === this.order[seen - 1]);
    if (!same) {
      this.startedAt = view.startedAt;
      this.rank = new Map();
      this.missSeen = 0;
      this.miss = -1;
    }
    for (let i = same ? seen : 0; i < order.length; i++) if (!this.rank.has(order[i])) this.rank.set(order[i], i);
    this.order = order;
    return order;
  }
}

/** Where each step's band is in `bands` (a build's bands are in step order: a binary search; else a scan). */
function stepIndex(bands: readonly Band[]): (step: number) => number {
  return (step) => {
    const lo = firstBandFrom(bands, step);
    return bands[lo]?.step === step ? lo : bands.findIndex((b) => b.step === step);
  };
}
