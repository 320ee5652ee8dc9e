import { describe, expect, it } from 'vitest';
import type { Band } from './model';
import { bandWindow } from './bandWindow';
import { MIN_HEIGHT, stackHeights, type HeightInput } from './stackHeights';
import { StackLayout, type LayoutInput } from './stackLayout';

const gap = 4;
const band = (step: number, over: Partial<Band> = {}): Band => ({
  step, stage: '', line: step + 1, name: `RUN ${step}`, instruction: step ? 'RUN' : 'FROM', metadataOnly: false,
  status: step ? 'pending' : 'base', running: false, size: step ? 0 : 4_000_000, durationMs: 0, added: 0, modified: 0, removed: 0, ...over,
});
const item = (b: Band): HeightInput => ({ kind: b.status === 'base' ? 'base' : 'layer', size: b.size, durationMs: b.durationMs });
const input = (bands: Band[], boxHeight = 300, extra: (i: number) => number = () => 0): LayoutInput => ({ bands, item, extra, scale: 'size', boxHeight, zoom: 1, key: [] });
/** What the layout must give: everything measured from scratch. */
const fresh = (bands: Band[], boxHeight = 300, extra: (i: number) => number = () => 0) => {
  const heights = stackHeights(bands.map(item), 'size', boxHeight);
  return { heights, est: heights.map((h, i) => h + extra(i)) };
};

describe('the layer stack layout kept across frames', () => {
  it('a frame that finishes a few steps of thousands gives the heights and window a full measure gives', () => {
    const layout = new StackLayout(gap);
    let bands = Array.from({ length: 3000 }, (_, i) => band(i));
    layout.update(input(bands));
    for (let frame = 0; frame < 40; frame++) {
      bands = bands.slice();
      for (let k = 0; k < 3; k++) {
        const i = 1 + ((frame * 71 + k * 13) % 2999);
        bands[i] = { ...bands[i], status: 'built', size: (frame * 997 + k) % 5000, durationMs: frame };
      }
      layout.update(input(bands));
      const want = fresh(bands);
      expect(layout.heights).toEqual(want.heights);
      for (const scrollTop of [0, 12_345, 100_000]) expect(layout.window(scrollTop, 300, 200)).toEqual(bandWindow(want.est, gap, scrollTop, 300, 200));
    }
  });

  it('a layer bigger than the base image: the base gives up its big block, as measured from scratch', () => {
    const layout = new StackLayout(gap);
    let bands = Array.from({ length: 500 }, (_, i) => band(i));
    layout.update(input(bands));
    const block = layout.heights[0];
    expect(block).toBeGreaterThan(MIN_HEIGHT.base);
    bands = bands.slice();
    bands[7] = { ...bands[7], status: 'built', size: 9_000_000 };
    layout.update(input(bands));
    expect(layout.heights).toEqual(fresh(bands).heights);
    expect(layout.heights[0]).toBe(MIN_HEIGHT.base);
  });

  it('a short stack shares the box by size: a finished step changes every height', () => {
    const layout = new StackLayout(gap);
    let bands = Array.from({ length: 4 }, (_, i) => band(i));
    layout.update(input(bands, 600));
    bands = bands.slice();
    bands[2] = { ...bands[2], status: 'built', size: 3_000_000 };
    layout.update(input(bands, 600));
    expect(layout.heights).toEqual(fresh(bands, 600).heights);
    expect(layout.heights[2]).toBeGreaterThan(layout.heights[1]);
  });

  it('what is drawn with a band (a stage label) counts in the window, the band under it included', () => {
    const layout = new StackLayout(gap);
    let bands = Array.from({ length: 1000 }, (_, i) => band(i, { stage: i < 500 ? 'build' : 'final' }));
    const extra = (bs: Band[]) => (i: number) => (i > 0 && bs[i - 1].stage !== bs[i].stage ? 18 : 0);
    layout.update(input(bands, 300, extra(bands)));
    bands = bands.slice();
    bands[499] = { ...bands[499], stage: 'final' };
    layout.update(input(bands, 300, extra(bands)));
    const want = fresh(bands, 300, extra(bands));
    expect(layout.window(20_000, 300, 0)).toEqual(bandWindow(want.est, gap, 20_000, 300, 0));
  });

  it('a changed setting (the box, the scale) measures everything again', () => {
    const layout = new StackLayout(gap);
    const bands = Array.from({ length: 4 }, (_, i) => band(i, i ? { status: 'built', size: i * 1000, durationMs: 100 * (4 - i) } : {}));
    layout.update(input(bands, 600));
    layout.update({ ...input(bands, 600), scale: 'time' });
    expect(layout.heights).toEqual(stackHeights(bands.map(item), 'time', 600));
    layout.update(input(bands, 900));
    expect(layout.heights).toEqual(fresh(bands, 900).heights);
  });

  it('a box that grows or shrinks under a stack taller than it keeps every height', () => {
    const layout = new StackLayout(gap);
    const bands = Array.from({ length: 2000 }, (_, i) => band(i));
    layout.update(input(bands, 300));
    const before = layout.heights;
    layout.update(input(bands, 420));
    expect(layout.heights).toBe(before);
    expect(layout.window(0, 420, 0)).toEqual(bandWindow(fresh(bands, 420).est, gap, 0, 420, 0));
    // a box taller than the whole stack shares its room again
    layout.update(input(bands, 200_000));
    expect(layout.heights).toEqual(fresh(bands, 200_000).heights);
    expect(layout.heights[0]).toBeGreaterThan(before[0]);
  });
});
