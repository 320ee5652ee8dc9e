/** One row of the benchmark table, and the table printer. */
export interface Row {
  /** Which issue asks for the figure ("3", "4", ...). */
  issue: string;
  figure: string;
  /** The measured value as shown, or "not measured: <reason>". */
  value: string;
  target: string;
  /** null: not measured (counts as a failure). */
  pass: boolean | null;
  /** Extra context (sample counts, the compared baseline). */
  note?: string;
}

export function notMeasured(issue: string, figure: string, target: string, reason: string): Row {
  return { issue, figure, value: `not measured: ${reason}`, target, pass: null };
}

export const ms = (x: number) => (x < 1 ? `${x.toFixed(3)} ms` : x < 100 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Prints the rows as one aligned text table (and returns it). */
export function formatTable(rows: Row[]): string {
  const head = ['Issue', 'Figure', 'Value', 'Target', 'Result'];
  const body = rows.map((r) => [r.issue, r.figure + (r.note ? ` (${r.note})` : ''), r.value, r.target, r.pass === null ? 'FAIL (not measured)' : r.pass ? 'pass' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}
