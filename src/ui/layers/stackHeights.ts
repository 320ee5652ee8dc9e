/**
 * Band heights of the layer stack. Every band first gets the height its text needs (two lines for a layer, one
 * for a config entry); the room left in the box is shared in proportion to the layer size ('size') or the build
 * time ('time'), linearly: a 75 MB base image is the biggest block and a 1 kB COPY stays a text-high band.
 */
export type StackScale = 'size' | 'time';

export interface HeightInput {
  kind: 'base' | 'layer' | 'config';
  size: number;
  durationMs: number;
}

export const MIN_HEIGHT = { base: 56, layer: 46, config: 28 } as const;

export function stackHeights(items: readonly HeightInput[], scale: StackScale, boxHeight: number, zoom = 1): number[] {
  let biggest = 0;
  for (const it of items) biggest = Math.max(biggest, it.size);
  const mins = items.map((it) => minHeight(it, scale, biggest, zoom));
  const free = freeRoom(items.length, mins.reduce((a, b) => a + b, 0), boxHeight);
  const weight = (it: HeightInput) => (it.kind === 'config' ? 0 : Math.max(0, scale === 'size' ? it.size : it.durationMs));
  const sum = items.reduce((s, it) => s + weight(it), 0);
  return items.map((it, i) => mins[i] + (sum > 0 ? Math.floor((free * weight(it)) / sum) : 0));
}

/**
 * The height a band's text needs. By size the base image is the biggest block even when the box leaves no room
 * to share: at least 2.5 layers high. `biggest`: the largest size in the stack.
 */
export function minHeight(it: HeightInput, scale: StackScale, biggest: number, zoom: number): number {
  const min = scale === 'size' && it.kind === 'base' && it.size > 0 && it.size === biggest ? Math.max(MIN_HEIGHT.base, MIN_HEIGHT.layer * 2.5) : MIN_HEIGHT[it.kind];
  return Math.round(min * zoom);
}

/** The room left in the box once `n` bands of `mins` pixels in all and their gaps are in it (shared by weight). */
export function freeRoom(n: number, mins: number, boxHeight: number): number {
  return Math.max(0, boxHeight - (n * 4 + 8) - mins);
}
