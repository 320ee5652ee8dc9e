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

export function stackHeights(items: HeightInput[], scale: StackScale, boxHeight: number, zoom = 1): number[] {
  // By size the base image is the biggest block even when the box leaves no room to share: at least 2.5 layers high.
  const biggest = Math.max(0, ...items.map((it) => it.size));
  const min = (it: HeightInput) => (scale === 'size' && it.kind === 'base' && it.size > 0 && it.size === biggest ? Math.max(MIN_HEIGHT.base, MIN_HEIGHT.layer * 2.5) : MIN_HEIGHT[it.kind]);
  const mins = items.map((it) => Math.round(min(it) * zoom));
  const gaps = items.length * 4 + 8;
  const free = Math.max(0, boxHeight - gaps - mins.reduce((a, b) => a + b, 0));
  const weight = (it: HeightInput) => (it.kind === 'config' ? 0 : Math.max(0, scale === 'size' ? it.size : it.durationMs));
  const sum = items.reduce((s, it) => s + weight(it), 0);
  return items.map((it, i) => mins[i] + (sum > 0 ? Math.floor((free * weight(it)) / sum) : 0));
}
