import { describe, expect, it } from 'vitest';
import { outputSlices } from './outputSlices';

describe('outputSlices', () => {
  it('keeps a short output whole', () => {
    expect(outputSlices('Step 1/2 : FROM busybox\r\n ---> 1a2b\r\n')).toEqual(['Step 1/2 : FROM busybox\r\n ---> 1a2b\r\n']);
  });

  it('cuts many lines into pieces of a few lines, at line ends, losing nothing', () => {
    const text = Array.from({ length: 100 }, (_, i) => `Step ${i + 1}/100 : ENV V${i}=value${i}\r\n`).join('') + '$ ';
    const pieces = outputSlices(text, 24);
    expect(pieces.join('')).toBe(text);
    expect(pieces).toHaveLength(5);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
    expect(pieces[0].split('\n')).toHaveLength(25);
  });

  it('cuts a long line without line ends by length, never inside a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(20);
    const pieces = outputSlices(text, 24, 10);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('a'.repeat(9));
    expect(pieces[1].startsWith('😀')).toBe(true);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(10);
  });
});
