import { describe, expect, it } from 'vitest';
import { finalLines, playTTY, progressText, renderPlain, renderTTY, simulatePull } from './progress';

describe('Pull progress', () => {
  const layers = [
    { id: 'aaaaaaaaaaaa', compressedSize: 3_000_000, size: 7_000_000, exists: false },
    { id: 'bbbbbbbbbbbb', compressedSize: 20_000_000, size: 60_000_000, exists: false },
    { id: 'cccccccccccc', compressedSize: 500, size: 116, exists: true },
    { id: 'dddddddddddd', compressedSize: 1_000, size: 2_000, exists: false },
    { id: 'eeeeeeeeeeee', compressedSize: 1_000, size: 2_000, exists: false },
  ];

  it('extracts layers bottom first, each after its download, and waits beyond three downloads', () => {
    const msgs = simulatePull(layers);
    const completes = msgs.filter((m) => m.status === 'Pull complete').map((m) => m.id[0]);
    expect(completes).toEqual(['a', 'b', 'd', 'e']);
    expect(msgs.filter((m) => m.status === 'Waiting').map((m) => m.id[0])).toEqual(['e']);
    expect(finalLines(msgs)).toContain('cccccccccccc: Already exists');
  });

  it('prints no progress bars without a terminal, and bars only on wide terminals', () => {
    const plain = renderPlain(simulatePull(layers));
    expect(plain).not.toContain('Downloading');
    expect(plain).toContain('aaaaaaaaaaaa: Pulling fs layer\n');
    expect(progressText({ current: 1_200_000, total: 3_400_000 }, 120)).toBe('[=================>                                 ]    1.2MB/3.4MB');
    expect(progressText({ current: 1_200_000, total: 3_400_000 }, 80)).toBe('   1.2MB/3.4MB');
  });

  it('plays the terminal progress in paced frames that end in the same screen', async () => {
    const msgs = simulatePull(layers);
    let out = '';
    const waits: number[] = [];
    await playTTY(msgs, 120, (t) => (out += t), async (ms) => void waits.push(ms));
    expect(out).toBe(renderTTY(msgs, 120));
    expect(waits.length).toBeGreaterThan(3);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1500);
  });
});
