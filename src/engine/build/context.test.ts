import { describe, expect, it } from 'vitest';
import type { ContextEntry } from '../core/host';
import { sha256Hex } from '../core/sha256';
import { BuildContext, ContextHashCache } from './context';
import { IgnoreMatcher } from './dockerignore';

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

/** The same bytes in a fresh array at a given byte offset (hosts re-read files; Node's small Buffers share a pool). */
function reread(src: Uint8Array, offset: number): Uint8Array {
  const buf = new Uint8Array(src.length + offset);
  buf.set(src, offset);
  return buf.subarray(offset);
}

const file = (path: string, content: Uint8Array, mode = 0o644): ContextEntry => ({ path, type: 'file', mode, content });

describe('Build context digests', () => {
  it('reuses the digest of a re-read file with the same bytes, whatever its alignment', () => {
    const cache = new ContextHashCache(sha256Hex);
    const data = bytes(10_003, 1);
    const d0 = cache.digest('.', file('a.bin', data));
    expect(cache.hashedBytes).toBe(10_003);
    for (const offset of [0, 1, 2, 3, 4]) expect(cache.digest('.', file('a.bin', reread(data, offset)))).toBe(d0);
    expect(cache.hashedBytes).toBe(10_003);
  });

  it('re-hashes a same-size file whose bytes changed, in the word-aligned part or the tail', () => {
    const cache = new ContextHashCache(sha256Hex);
    const data = bytes(10_003, 2);
    const d0 = cache.digest('.', file('a.bin', data));
    for (const at of [0, 5_000, 10_002]) {
      const edited = reread(data, 0);
      edited[at] ^= 1;
      expect(cache.digest('.', file('a.bin', edited))).toBe(sha256Hex(edited));
      expect(cache.digest('.', file('a.bin', data))).toBe(d0);
    }
  });

  it('re-hashes when only the mode changed and keeps context dirs apart', () => {
    const cache = new ContextHashCache(sha256Hex);
    const data = bytes(100, 3);
    cache.digest('.', file('a', data));
    cache.digest('.', file('a', data, 0o755));
    cache.digest('other', file('a', data));
    expect(cache.hashedBytes).toBe(300);
  });
});

describe('Build context selection', () => {
  it('lists a directory and everything below it, not siblings that sort between them', () => {
    const entries: ContextEntry[] = ['a/x', 'a/y/z', 'a-b', 'a.txt', 'ab/c', 'b'].map((p) => file(p, bytes(4, 0)));
    const ctx = new BuildContext(entries, new IgnoreMatcher([]), new ContextHashCache(sha256Hex), '.');
    expect(ctx.under('a').map((f) => f.path)).toEqual(['a', 'a/x', 'a/y', 'a/y/z']);
    expect(ctx.under('a/y').map((f) => f.path)).toEqual(['a/y', 'a/y/z']);
    expect(ctx.under('a-b').map((f) => f.path)).toEqual(['a-b']);
    expect(ctx.under('.').map((f) => f.path)).toEqual(['a', 'a-b', 'a.txt', 'a/x', 'a/y', 'a/y/z', 'ab', 'ab/c', 'b']);
  });
});
