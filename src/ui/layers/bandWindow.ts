/**
 * Which bands of a long layer stack are in the DOM: the stack of a Dockerfile of thousands of instructions keeps
 * only the bands in and near the scrolled-to part of its box, with two spacers of the height of the others, so
 * a build's frame restyles tens of bands instead of thousands. The stack is bottom-up (`flex-direction:
 * column-reverse`, band 0 at the bottom); heights are the bands' minimum heights (a band is at least that high).
 */

/** From this many bands on, the stack is windowed; below, every band is in the DOM. */
export const WINDOW_FROM = 100;

export interface BandWindow {
  /** First and last band in the DOM (inclusive, 0 = the bottom band). */
  lo: number;
  hi: number;
  /** Heights of the spacers standing for the bands under `lo` and above `hi` (0: none). */
  below: number;
  above: number;
}

/**
 * The bands whose estimated place meets the box's visible part (scrollTop from the top, `viewport` high), widened
 * by `overscan` pixels on each side. `gap`: the space between two bands.
 */
export function bandWindow(heights: readonly number[], gap: number, scrollTop: number, viewport: number, overscan: number): BandWindow {
  const n = heights.length;
  // bottom[i]: distance from the stack's bottom edge to band i's bottom edge
  const bottom = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) bottom[i + 1] = bottom[i] + heights[i] + gap;
  return bandWindowOf(bottom, heights, n, gap, scrollTop, viewport, overscan);
}

/**
 * `bandWindow` from the running sums of the heights (`bottom[i]`: the distance from the stack's bottom edge to
 * band i's bottom edge, gaps included; n + 1 entries): a binary search, whatever the number of bands.
 */
export function bandWindowOf(bottom: ArrayLike<number>, heights: ArrayLike<number>, n: number, gap: number, scrollTop: number, viewport: number, overscan: number): BandWindow {
  if (n === 0) return { lo: 0, hi: -1, below: 0, above: 0 };
  const total = bottom[n] - gap;
  const from = total - scrollTop - viewport - overscan;
  const to = total - scrollTop + overscan;
  // the first band whose top edge is above `from`, and the last whose bottom edge is below `to`
  let lo = firstAtLeast(n, (i) => bottom[i] + heights[i] >= from);
  let hi = firstAtLeast(n, (i) => bottom[i] > to) - 1;
  lo = Math.min(lo, n - 1);
  hi = Math.max(lo, Math.min(hi, n - 1));
  return {
    lo,
    hi,
    below: lo > 0 ? bottom[lo] - gap : 0,
    above: hi < n - 1 ? total - bottom[hi + 1] : 0,
  };
}

/** The first index in 0..n for which `ok` holds (`ok` is false, then true). */
function firstAtLeast(n: number, ok: (i: number) => boolean): number {
  let a = 0;
  let b = n;
  while (a < b) {
    const m = (a + b) >> 1;
    if (ok(m)) b = m;
    else a = m + 1;
  }
  return a;
}
