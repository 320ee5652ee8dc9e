import { describe, expect, it } from 'vitest';
import { instructionBlocks, moveInstruction, moveInstructionTo } from './logicalLines';

const df = `FROM diamol/node

ENV TARGET="blog.sixeyed.com" \\
    METHOD="HEAD"
# comment
WORKDIR /web-ping
COPY app.js .
`;

describe('Dockerfile instruction blocks', () => {
  it('groups continuation lines into one instruction and skips comments', () => {
    expect(instructionBlocks(df).map((b) => [b.keyword, b.start, b.end])).toEqual([
      ['FROM', 1, 1],
      ['ENV', 3, 4],
      ['WORKDIR', 6, 6],
      ['COPY', 7, 7],
    ]);
  });

  it('moves an instruction down past its neighbour, keeping blank lines and comments in place', () => {
    const r = moveInstruction(df, 3, 1)!;
    expect(r.text.split('\n').slice(0, 7)).toEqual([
      'FROM diamol/node',
      '',
      'WORKDIR /web-ping',
      '# comment',
      'ENV TARGET="blog.sixeyed.com" \\',
      '    METHOD="HEAD"',
      'COPY app.js .',
    ]);
    expect(r.line).toBe(5);
  });

  it('moves an instruction up and reports its new line', () => {
    const r = moveInstruction(df, 7, -1)!;
    expect(r.text.split('\n')[5]).toBe('COPY app.js .');
    expect(r.text.split('\n')[6]).toBe('WORKDIR /web-ping');
    expect(r.line).toBe(6);
  });

  it('refuses to move the first instruction up', () => {
    expect(moveInstruction(df, 1, -1)).toBeNull();
  });

  it('moves an instruction several places at once (drag and drop)', () => {
    const r = moveInstructionTo(df, 7, 3)!;
    expect(instructionBlocks(r.text).map((b) => b.keyword)).toEqual(['FROM', 'COPY', 'ENV', 'WORKDIR']);
  });
});
