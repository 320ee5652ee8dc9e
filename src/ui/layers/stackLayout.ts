/**
 * The layer stack's band heights (stackHeights.ts) and their running sums, kept from one render to the next.
 * A frame of a build changes a few bands of thousands: `update` measures only the bands that are new objects
 * (a build's bands are immutable, so an unchanged band is the same object), and the window of bands in the DOM
 * (bandWindow.ts) is a binary search in the sums. Everything is measured again when what a band's height
 * depends on beyond the band itself changes (`LayoutInput.key`), or when the bands share room left in the box
 * (a short stack: its height depends on every band).
 */
import type { Band } from './model';
import { bandWindowOf, type BandWindow } from './bandWindow';
import { freeRoom, minHeight, stackHeights, type HeightInput, type StackScale } from './stackHeights';

export interface LayoutInput {
  bands: readonly Band[];
  /** What a band's height follows. */
  item(b: Band): HeightInput;
  /** Pixels drawn with band `i` besides the band (a stage label, a base image's open list); may read band i - 1. */
  extra(i: number): number;
  scale: StackScale;
  boxHeight: number;
  zoom: number;
  /** Whatever else `item` and `extra` read: the layout is measured again when one of these changes. */
  key: readonly unknown[];
}

export class StackLayout {
  /** Each band's height (its minimum height in the DOM). */
  heights: number[] = [];
  private bands: readonly Band[] = [];
  private items: HeightInput[] = [];
  private key: readonly unknown[] = [];
  private scale: StackScale = 'size';
  private boxHeight = 0;
  private zoom = 1;
  private biggest = 0;
  private minSum = 0;
  /** Estimated place of each band: its height and what is drawn with it. */
  private est: number[] = [];
  private bottom = new Float64Array(1);

  constructor(private readonly gap: number) {}

  /** Brings the layout up to date with `input` (cheap when few bands changed since the last call). */
  update(input: LayoutInput): void {
    const { bands } = input;
    if (!this.sameSettings(input) || bands.length !== this.bands.length) return this.measureAll(input);
    if (input.boxHeight !== this.boxHeight) {
      // the box's height counts only while the bands leave room in it
      if (freeRoom(bands.length, this.minSum, input.boxHeight) > 0 || freeRoom(bands.length, this.minSum, this.boxHeight) > 0) return this.measureAll(input);
      this.boxHeight = input.boxHeight;
    }
    if (bands === this.bands) return;
    const changed: number[] = [];
    for (let i = 0; i < bands.length; i++) if (bands[i] !== this.bands[i]) changed.push(i);
    this.bands = bands;
    if (changed.length === 0) return;
    if (changed.length > bands.length / 4) return this.measureAll(input);
    let biggest = this.biggest;
    let lostBiggest = false;
    const items = changed.map((i) => input.item(bands[i]));
    changed.forEach((i, k) => {
      if (items[k].size > biggest) biggest = items[k].size;
      else if (this.items[i].size === this.biggest && items[k].size < this.biggest) lostBiggest = true;
    });
    let minSum = this.minSum;
    changed.forEach((i, k) => {
      minSum += minHeight(items[k], input.scale, biggest, input.zoom) - minHeight(this.items[i], input.scale, this.biggest, input.zoom);
      this.items[i] = items[k];
    });
    // The room left in the box is shared by every band, and the biggest size shapes the base image's block:
    // when either is at play, every height may change.
    if (lostBiggest || biggest !== this.biggest || freeRoom(bands.length, this.minSum, input.boxHeight) > 0 || freeRoom(bands.length, minSum, input.boxHeight) > 0)
      return this.measureAll(input);
    this.minSum = minSum;
    let from = bands.length;
    for (const i of changed) {
      this.heights[i] = minHeight(this.items[i], input.scale, biggest, input.zoom);
      // a band's stage label depends on the band under it
      for (const j of i + 1 < bands.length ? [i, i + 1] : [i]) {
        const est = this.heights[j] + input.extra(j);
        if (est !== this.est[j]) {
          this.est[j] = est;
          from = Math.min(from, j);
        }
      }
    }
    for (let i = from; i < bands.length; i++) this.bottom[i + 1] = this.bottom[i] + this.est[i] + this.gap;
  }

  /** The bands in the DOM for the box scrolled to `scrollTop` (see `bandWindow`). */
  window(scrollTop: number, viewport: number, overscan: number): BandWindow {
    return bandWindowOf(this.bottom, this.est, this.bands.length, this.gap, scrollTop, viewport, overscan);
  }

  private sameSettings(input: LayoutInput): boolean {
    return (
      input.scale === this.scale &&
      input.zoom === this.zoom &&
      input.key.length === this.key.length &&
      input.key.every((k, i) => Object.is(k, this.key[i]))
    );
  }

  private measureAll(input: LayoutInput): void {
    const { bands } = input;
    const n = bands.length;
    this.bands = bands;
    this.key = input.key;
    this.scale = input.scale;
    this.boxHeight = input.boxHeight;
    this.zoom = input.zoom;
    this.items = bands.map((b) => input.item(b));
    this.heights = stackHeights(this.items, input.scale, input.boxHeight, input.zoom);
    let biggest = 0;
    for (const it of this.items) biggest = Math.max(biggest, it.size);
    this.biggest = biggest;
    this.minSum = 0;
    for (const it of this.items) this.minSum += minHeight(it, input.scale, biggest, input.zoom);
    this.est = this.heights.map((h, i) => h + input.extra(i));
    this.bottom = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.bottom[i + 1] = this.bottom[i] + this.est[i] + this.gap;
  }
}
