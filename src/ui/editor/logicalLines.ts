/**
 * A light, UI-side view of a Dockerfile's logical instructions (a line ending in "\" continues), used to move
 * an instruction up or down (Alt+Up/Down, dragging a layer band). The real parser lives in src/engine/dockerfile.
 */

export interface InstructionBlock {
  /** 1-based first and last physical lines. */
  start: number;
  end: number;
  keyword: string;
}

/** The instruction blocks of a Dockerfile: comments and blank lines are not part of a block. */
export function instructionBlocks(text: string): InstructionBlock[] {
  const lines = text.split('\n');
  const blocks: InstructionBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const start = i;
    const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(line);
    if (heredoc && /^\s*(RUN|COPY|ADD)\b/i.test(line)) {
      const term = heredoc[1];
      i++;
      while (i < lines.length && lines[i].replace(/^\t+/, '') !== term) i++;
    } else {
      while (i < lines.length && /\\\s*$/.test(lines[i]) && i + 1 < lines.length) {
        i++;
        // comment lines inside a continuation are skipped by the parser but stay part of the block
      }
    }
    blocks.push({ start: start + 1, end: i + 1, keyword: trimmed.split(/\s+/)[0].toUpperCase() });
    i++;
  }
  return blocks;
}

/** The block that contains a 1-based line, or undefined. */
export function blockAt(text: string, line: number): InstructionBlock | undefined {
  return instructionBlocks(text).find((b) => line >= b.start && line <= b.end);
}

/**
 * Moves the instruction at `line` one instruction up (-1) or down (+1), swapping it with its neighbour
 * (blank lines and comments between them stay where they are). Returns the new text and the moved block's
 * new first line, or null when it cannot move.
 */
export function moveInstruction(text: string, line: number, dir: -1 | 1): { text: string; line: number } | null {
  const blocks = instructionBlocks(text);
  const idx = blocks.findIndex((b) => line >= b.start && line <= b.end);
  const other = idx + dir;
  if (idx < 0 || other < 0 || other >= blocks.length) return null;
  return swapBlocks(text, blocks, Math.min(idx, other), Math.max(idx, other), dir);
}

/** Moves the instruction starting at `fromLine` so that it sits where the instruction at `toLine` is. */
export function moveInstructionTo(text: string, fromLine: number, toLine: number): { text: string; line: number } | null {
  let cur = text;
  let line = fromLine;
  for (let guard = 0; guard < 500; guard++) {
    const blocks = instructionBlocks(cur);
    const from = blocks.findIndex((b) => line >= b.start && line <= b.end);
    const target = instructionBlocks(text).findIndex((b) => toLine >= b.start && toLine <= b.end);
    if (from < 0 || target < 0) return null;
    if (from === target) return cur === text ? null : { text: cur, line };
    const r = moveInstruction(cur, line, from < target ? 1 : -1);
    if (!r) return null;
    cur = r.text;
    line = r.line;
  }
  return null;
}

function swapBlocks(text: string, blocks: InstructionBlock[], a: number, b: number, dir: -1 | 1) {
  const lines = text.split('\n');
  const A = blocks[a];
  const B = blocks[b];
  const before = lines.slice(0, A.start - 1);
  const aLines = lines.slice(A.start - 1, A.end);
  const between = lines.slice(A.end, B.start - 1);
  const bLines = lines.slice(B.start - 1, B.end);
  const after = lines.slice(B.end);
  const out = [...before, ...bLines, ...between, ...aLines, ...after];
  // dir +1: the moved block was A, now after B's lines and the gap. dir -1: the moved block was B, now first.
  const newLine = dir === 1 ? before.length + bLines.length + between.length + 1 : before.length + 1;
  return { text: out.join('\n'), line: newLine };
}
