/**
 * Column alignment exactly as docker's CLI tables do it: Go's text/tabwriter with minwidth 10, tabwidth 1,
 * padding 3, padchar ' ' and no flags (cli/command/formatter/formatter.go).
 *
 * Each row is the cells of one line. Every cell but the last of a row is tab-terminated (aligned, padded even
 * when empty); the last cell is free text and is never padded. Widths count runes (so `…` is 1 column).
 * Rows of different lengths form column blocks the way Go's tabwriter does: a column's width is computed over
 * the consecutive lines that have a cell in that column.
 */

export interface TabwriterOptions {
  minwidth?: number;
  padding?: number;
  padchar?: string;
}

const runeWidth = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Lays out rows like docker's tables; every line ends with "\n". */
export function formatTable(rows: string[][], opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 10;
  const padding = opts.padding ?? 3;
  const padchar = opts.padchar ?? ' ';
  // A cell may itself contain tabs or newlines (docker templates can); split them as Go's writer would see them.
  const lines: string[][] = [];
  for (const row of rows) {
    const text = row.join('\t');
    for (const l of text.split('\n')) lines.push(l.split('\t'));
  }
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        out += c;
        if (j < widths.length && j < cells.length - 1) {
          const pad = widths[j] - runeWidth(c);
          if (pad > 0) out += padchar.repeat(pad);
        }
      }
      out += '\n';
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then lay out the block.
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const cells = lines[t];
        if (column >= cells.length - 1) break;
        const w = runeWidth(cells[column]) + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--; // the for loop's t++ must revisit the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}
