import { describe, expect, it } from 'vitest';
import { shortOptions } from './types';

describe('short options as BusyBox getopt reads them', () => {
  it('groups letters, takes a value from the rest of the word or the next word, and keeps operands between options', () => {
    expect(shortOptions(['-in', 'x', '-e', 'a', '-ebc', 'file', '-m2'], 'em')).toEqual({
      options: [{ letter: 'i' }, { letter: 'n' }, { letter: 'e', value: 'a' }, { letter: 'e', value: 'bc' }, { letter: 'm', value: '2' }],
      operands: ['x', 'file'],
    });
  });
  it('says a missing value as undefined; an attached-only letter never takes the next word', () => {
    expect(shortOptions(['-p'], 'p').options).toEqual([{ letter: 'p', value: undefined }]);
    expect(shortOptions(['-w', '8', '-w4'], '', 'w')).toEqual({ options: [{ letter: 'w', value: undefined }, { letter: 'w', value: '4' }], operands: ['8'] });
  });
  it('ends the options at --; a lone - is an operand', () => {
    expect(shortOptions(['-a', '-', '--', '-b'], '')).toEqual({ options: [{ letter: 'a' }], operands: ['-', '-b'] });
  });
});
