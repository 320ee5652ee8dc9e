/**
 * Terminal output cut into pieces of a few lines: xterm parses each `write` call whole and yields to the page
 * (rendering, input) only between calls, so a build's hundreds of lines written at once become many small
 * writes, parsed a few milliseconds at a time, instead of one long task.
 */

/** Lines per piece. */
export const SLICE_LINES = 24;
/** Characters per piece when a line is longer (a progress screen without line ends). */
export const SLICE_CHARS = 4096;

export function outputSlices(text: string, lines = SLICE_LINES, chars = SLICE_CHARS): string[] {
  if (text.length <= chars && countNewlines(text, lines) < lines) return [text];
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let n = 0;
    while (n < lines) {
      const nl = text.indexOf('\n', end);
      if (nl < 0 || nl + 1 - start > chars) break;
      end = nl + 1;
      n++;
    }
    if (n === 0 || (n < lines && text.indexOf('\n', end) < 0 && text.length - start <= chars)) end = Math.min(text.length, start + chars);
    // never between the two halves of a surrogate pair
    if (end < text.length && end - 1 > start && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

function countNewlines(text: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && n < max; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
