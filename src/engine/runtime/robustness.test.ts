import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import { snapshotFs } from './worker-host';
import { MemoryFs } from './memory-fs';

const env = { PATH: '/usr/local/bin:/bin', NODE_VERSION: '20.11.1' };

describe('bad input never crashes the runtime', () => {
  it('any sh -c text ends with an exit status', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (text) => {
        const c = spawnCollect({ argv: ['sh', '-c', text.replace(/sleep|while|until|read|cat/g, 'x')], env, fs: imageFs('busybox') });
        await c.proc.advanceTo(T0 + 1000);
        expect(c.exit).not.toBeNull();
        expect(typeof c.exit!.code).toBe('number');
      }),
      { numRuns: 150 },
    );
  });

  it('any node -e text ends with an exit status or keeps running without throwing out of the runtime', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (text) => {
        const c = spawnCollect({ argv: ['node', '-e', text.replace(/while|for|setInterval|Function|eval|constructor/g, 'x')], env, fs: imageFs('node') });
        await c.proc.advanceTo(T0 + 1000);
        expect(c.exit === null || typeof c.exit.code === 'number').toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('worker snapshots', () => {
  it('send small and text files whole and large binaries as sizes', () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const fs = MemoryFs.from({ '/a.txt': 'hello', '/big.bin': big, '/big.txt': 'x'.repeat(100_000) });
    const snap = snapshotFs(fs);
    expect(snap.find((e) => e.path === '/a.txt')?.data).toEqual(new TextEncoder().encode('hello'));
    expect(snap.find((e) => e.path === '/big.txt')?.data?.length).toBe(100_000);
    const bin = snap.find((e) => e.path === '/big.bin')!;
    expect(bin.data).toBeUndefined();
    expect(bin.omittedSize).toBe(100_000);
    expect(MemoryFs.from(snap).stat('/big.bin')?.size).toBe(100_000);
  });
});
