import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, stackHeights } from './stackHeights';

describe('Layer stack heights', () => {
  const web = [
    { kind: 'base' as const, size: 75_000_000, durationMs: 0 },
    { kind: 'config' as const, size: 0, durationMs: 0 },
    { kind: 'layer' as const, size: 0, durationMs: 30 },
    { kind: 'layer' as const, size: 944, durationMs: 120 },
  ];

  it('by size, the base image is the biggest block and a 944-byte COPY keeps just its text height', () => {
    const h = stackHeights(web, 'size', 600);
    expect(h[0]).toBeGreaterThan(300);
    expect(h[3]).toBe(MIN_HEIGHT.layer);
    expect(h[1]).toBe(MIN_HEIGHT.config);
  });

  it('by time, the slow step is the tall one and config entries stay one line', () => {
    const h = stackHeights(web, 'time', 600);
    expect(h[3]).toBeGreaterThan(h[2]);
    expect(h[0]).toBe(MIN_HEIGHT.base);
    expect(h[1]).toBe(MIN_HEIGHT.config);
  });

  it('never gives a band less than its text needs, even in a small box', () => {
    expect(stackHeights(web, 'size', 50)).toEqual([Math.round(MIN_HEIGHT.layer * 2.5), MIN_HEIGHT.config, MIN_HEIGHT.layer, MIN_HEIGHT.layer]);
    expect(stackHeights(web, 'time', 50)).toEqual([MIN_HEIGHT.base, MIN_HEIGHT.config, MIN_HEIGHT.layer, MIN_HEIGHT.layer]);
  });
});
