/** The Node host's SHA-256: node:crypto's digests, whichever implementation a given input goes through. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostSha256 } from './sha256';

const nodeDigest = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

describe('hostSha256', () => {
  it("gives node:crypto's digests for short and long inputs, strings and bytes, before and after node:crypto takes over", () => {
    const sha256 = hostSha256();
    const inputs: (Uint8Array | string)[] = [];
    for (let i = 0; i < 100; i++) inputs.push(`layerlab-network:${'bridge'.repeat(i)}`, 'é€😀'.repeat(i), new Uint8Array(i * 13).map((_, j) => (j * 31 + i) & 255));
    inputs.push('x'.repeat(5000), new Uint8Array(70_000).fill(7), '', new Uint8Array(0), 'abc');
    for (const d of inputs) expect(sha256(d)).toBe(nodeDigest(d));
  });
});
