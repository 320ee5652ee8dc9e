import { describe, expect, it } from 'vitest';
import { finalLines, progressText, renderPlain, simulatePull } from './progress';

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
});
