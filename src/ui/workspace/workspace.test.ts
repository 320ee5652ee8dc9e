import { describe, expect, it } from 'vitest';
import { contentOf } from './workspace';

describe('uploaded bytes as a workspace file', () => {
  it('is text when the bytes are UTF-8 without NUL bytes, else the bytes themselves', () => {
    expect(contentOf(new TextEncoder().encode('héllo\n'))).toBe('héllo\n');
    const nul = new Uint8Array([104, 0, 105]);
    expect(contentOf(nul)).toBe(nul);
    const latin1 = new Uint8Array([104, 0xe9, 108]);
    expect(contentOf(latin1)).toBe(latin1);
    expect(contentOf(new Uint8Array())).toBe('');
  });
});
