import { describe, expect, it } from 'vitest';
import { cleanPath } from './clean-path';

describe('cleanPath (Go path.Clean)', () => {
  it.each([
    ['', '.'],
    ['.', '.'],
    ['/', '/'],
    ['a/b/../c/./d/', 'a/c/d'],
    ['../../x', '../../x'],
    ['a/../..', '..'],
    ['/../a//b', '/a/b'],
    ['/a/b/..', '/a'],
  ])('%j cleans to %j', (input, want) => {
    expect(cleanPath(input)).toBe(want);
  });
});
