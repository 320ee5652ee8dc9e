import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/sha256';
import { Layer } from './layer';
import { fileNode, WHITEOUT } from './node';

function layer(paths: string[]): Layer {
  const l = new Layer();
  for (const p of paths) l.set(p, p.endsWith('.gone') ? WHITEOUT : fileNode(p));
  return l;
}

describe('Layer', () => {
  it('seals a layer with the same path count but a different path set in its own sorted order', () => {
    const a = Array.from({ length: 100 }, (_, i) => `/app/f${i}`);
    const first = layer(a).seal(sha256Hex);
    // Same size, one path swapped: a remembered order must not be reused.
    const b = [...a.slice(1), '/app/a-first'];
    const second = layer(b).seal(sha256Hex);
    expect(second.changes().map((c) => c.path)).toEqual([...b].sort());
    expect(second.changes().map((c) => c.path)).not.toEqual(first.changes().map((c) => c.path));
  });

  it('gives a layer the diffId of its entries, whatever order they were added in', () => {
    const paths = Array.from({ length: 90 }, (_, i) => `/d${i % 4}/f${i}`).concat(['/d1/old.gone']);
    const forward = layer(paths).seal(sha256Hex);
    const backward = layer([...paths].reverse()).seal(sha256Hex);
    expect(backward.diffId).toBe(forward.diffId);
    const other = layer(paths.slice(1).concat('/d9/x')).seal(sha256Hex);
    expect(other.diffId).not.toBe(forward.diffId);
  });

  it('re-sorts after paths are added or removed', () => {
    const l = layer(Array.from({ length: 70 }, (_, i) => `/p${i}`));
    expect(l.sortedPaths()).toHaveLength(70);
    l.set('/a', fileNode('a'));
    l.delete('/p5');
    expect(l.sortedPaths()[0]).toBe('/a');
    expect(l.sortedPaths()).not.toContain('/p5');
    expect(l.sortedPaths()).toEqual([...l.entries.keys()].sort());
  });
});
