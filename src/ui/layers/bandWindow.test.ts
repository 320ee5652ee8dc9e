import { describe, expect, it } from 'vitest';
import { bandWindow } from './bandWindow';

const gap = 4;

describe('the window of a long layer stack', () => {
  const heights = Array.from({ length: 8000 }, () => 46);
  const total = 8000 * 50 - gap;

  it('scrolled to the top (where a build starts): only the last bands, a spacer for the rest below', () => {
    const w = bandWindow(heights, gap, 0, 300, 100);
    expect(w.hi).toBe(7999);
    expect(w.above).toBe(0);
    // 300 px of box and 100 px of overscan: 8 bands of 50 px, give or take the ones cut at an edge
    expect(w.hi - w.lo + 1).toBeLessThanOrEqual(10);
    expect(w.below).toBe(w.lo * 50 - gap);
  });

  it('scrolled to the bottom: the base and the first steps, a spacer above them', () => {
    const w = bandWindow(heights, gap, total - 300, 300, 0);
    expect(w.lo).toBe(0);
    expect(w.below).toBe(0);
    expect(w.hi).toBeLessThan(8);
    // the spacers and the bands in the DOM are as high as the whole stack
    expect(w.below + w.above + (w.hi - w.lo + 1) * 50 - gap + (w.above ? gap : 0)).toBe(total);
  });

  it('in the middle: every band that meets the box is in the DOM', () => {
    const scrollTop = 200_000;
    const w = bandWindow(heights, gap, scrollTop, 300, 0);
    for (let i = 0; i < 8000; i++) {
      const top = total - (i * 50 + 46);
      const visible = top < scrollTop + 300 && top + 46 > scrollTop;
      if (visible) expect(i >= w.lo && i <= w.hi).toBe(true);
    }
  });

  it('bands of different heights', () => {
    const hs = Array.from({ length: 500 }, (_, i) => (i % 3 ? 28 : 46));
    const w = bandWindow(hs, gap, 0, 200, 0);
    expect(w.hi).toBe(499);
    let sum = 0;
    for (let i = w.lo; i <= w.hi; i++) sum += hs[i] + gap;
    expect(sum).toBeGreaterThanOrEqual(200);
  });

  it('no bands', () => {
    expect(bandWindow([], gap, 0, 300, 100)).toEqual({ lo: 0, hi: -1, below: 0, above: 0 });
  });
});
