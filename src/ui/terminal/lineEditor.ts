/**
 * The terminal's line editor, free of xterm so it can be unit-tested: a buffer with a cursor, history
 * (Up/Down), Home/End, word and character deletion. `handle` takes raw terminal input and returns what
 * to echo plus an optional action (submit a line, interrupt, complete, clear, end of input).
 */

export type EditorAction =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'complete' }
  | { kind: 'clear-screen' }
  | { kind: 'eof' };

export class LineEditor {
  buffer = '';
  cursor = 0;
  private history: string[] = [];
  private histIndex = -1;
  private draft = '';

  constructor(history: string[] = []) {
    this.history = [...history];
  }

  get entries(): readonly string[] {
    return this.history;
  }

  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.histIndex = -1;
    this.draft = '';
  }

  insert(text: string): void {
    const clean = text.replace(/\r\n|\r|\n/g, ' ').replace(/[\x00-\x1f]/g, '');
    this.buffer = this.buffer.slice(0, this.cursor) + clean + this.buffer.slice(this.cursor);
    this.cursor += clean.length;
  }

  /** Replaces the word before the cursor (for completion). */
  replaceCurrentWord(word: string): void {
    const start = this.currentWordStart();
    this.buffer = this.buffer.slice(0, start) + word + this.buffer.slice(this.cursor);
    this.cursor = start + word.length;
  }

  currentWordStart(): number {
    let i = this.cursor;
    while (i > 0 && this.buffer[i - 1] !== ' ') i--;
    return i;
  }

  private pushHistory(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > 500) this.history.shift();
  }

  /** Feeds raw input (one keypress or a pasted chunk). Returns the actions it produced. */
  handle(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const esc = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(rest);
      if (esc) {
        this.escape(esc[1]);
        i += esc[0].length;
        continue;
      }
      const c = data[i++];
      switch (c) {
        case '\r':
        case '\n': {
          const line = this.buffer;
          this.pushHistory(line);
          this.reset();
          actions.push({ kind: 'submit', line });
          if (c === '\r' && data[i] === '\n') i++;
          break;
        }
        case '\x03':
          this.reset();
          actions.push({ kind: 'interrupt' });
          break;
        case '\x04':
          if (this.buffer === '') actions.push({ kind: 'eof' });
          else this.deleteForward();
          break;
        case '\t':
          actions.push({ kind: 'complete' });
          break;
        case '\x0c':
          actions.push({ kind: 'clear-screen' });
          break;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            const from = prevIndex(this.buffer, this.cursor);
            this.buffer = this.buffer.slice(0, from) + this.buffer.slice(this.cursor);
            this.cursor = from;
          }
          break;
        case '\x01':
          this.cursor = 0;
          break;
        case '\x05':
          this.cursor = this.buffer.length;
          break;
        case '\x15':
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          break;
        case '\x0b':
          this.buffer = this.buffer.slice(0, this.cursor);
          break;
        case '\x17': {
          let s = this.cursor;
          while (s > 0 && this.buffer[s - 1] === ' ') s--;
          while (s > 0 && this.buffer[s - 1] !== ' ') s--;
          this.buffer = this.buffer.slice(0, s) + this.buffer.slice(this.cursor);
          this.cursor = s;
          break;
        }
        default:
          if (c >= ' ') this.insert(c);
      }
    }
    return actions;
  }

  /** Deletes the character under the cursor (a whole code point). */
  private deleteForward(): void {
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(nextIndex(this.buffer, this.cursor));
  }

  private escape(seq: string): void {
    const code = seq[seq.length - 1];
    if (seq === '[3~') {
      this.deleteForward();
      return;
    }
    switch (code) {
      case 'A':
        this.historyMove(-1);
        break;
      case 'B':
        this.historyMove(1);
        break;
      case 'C':
        this.cursor = nextIndex(this.buffer, this.cursor);
        break;
      case 'D':
        this.cursor = prevIndex(this.buffer, this.cursor);
        break;
      case 'H':
        this.cursor = 0;
        break;
      case 'F':
        this.cursor = this.buffer.length;
        break;
      case '~':
        if (seq === '[1~' || seq === '[7~') this.cursor = 0;
        if (seq === '[4~' || seq === '[8~') this.cursor = this.buffer.length;
        break;
    }
  }

  private historyMove(dir: -1 | 1): void {
    if (this.history.length === 0) return;
    if (this.histIndex === -1) {
      if (dir === 1) return;
      this.draft = this.buffer;
      this.histIndex = this.history.length - 1;
    } else {
      this.histIndex += dir;
      if (this.histIndex >= this.history.length) {
        this.histIndex = -1;
        this.buffer = this.draft;
        this.cursor = this.buffer.length;
        return;
      }
      if (this.histIndex < 0) this.histIndex = 0;
    }
    this.buffer = this.history[this.histIndex];
    this.cursor = this.buffer.length;
  }

  /** Rows between the prompt's first row and the row where the last render left the cursor. */
  private cursorRow = 0;
  /** Rows the last render drew below the cursor's row (a long line edited in the middle). */
  private rowsBelow = 0;

  /**
   * The sequence that moves to the start of the prompt's first row (up over the rows a long line wrapped
   * onto) and clears from there to the end of the screen. Afterwards the cursor is at the prompt's start.
   */
  erase(): string {
    const up = this.cursorRow;
    this.newLine();
    return '\r' + (up > 0 ? `\x1b[${up}A` : '') + '\x1b[J';
  }

  /** Forgets where the last render left the cursor (the prompt now starts on the cursor's row). */
  newLine(): void {
    this.cursorRow = 0;
    this.rowsBelow = 0;
  }

  /** Leaves the drawn line for a fresh row below all of it (after Enter), wherever the cursor was in it. */
  leaveLine(): string {
    const down = this.rowsBelow;
    this.newLine();
    return (down > 0 ? `\x1b[${down}B` : '') + '\r\n';
  }

  /**
   * The escape sequence that redraws the prompt line after an edit: erase what the last render drew
   * (all the rows a line wider than the terminal wrapped onto), draw prompt and buffer, then put the cursor
   * where it belongs, possibly on an earlier row. `cols` is the terminal's width.
   */
  render(prompt: string, cols = Infinity): string {
    const width = Math.max(1, cols);
    const promptWidth = prompt.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').length;
    let out = this.erase() + prompt + this.buffer;
    // Where each character lands, in cells: Hangul and other wide characters take two, and one that does not
    // fit in the last cell of a row goes to the next row (as xterm draws them).
    let row = Math.floor(promptWidth / width);
    let col = promptWidth % width;
    let target: { row: number; col: number } | null = null;
    for (let i = 0; i < this.buffer.length; ) {
      const cp = this.buffer.codePointAt(i)!;
      const w = cellWidth(cp);
      if (w > 0 && col + w > width) {
        row++;
        col = 0;
      }
      if (i === this.cursor) target = { row, col };
      col += w;
      i += cp > 0xffff ? 2 : 1;
    }
    // A line that exactly fills its last row leaves the terminal in "pending wrap" at the right margin:
    // go to the next row's start explicitly, as shells do, so the cursor arithmetic below holds.
    if (col >= width) {
      out += '\r\n';
      row++;
      col = 0;
    }
    const end = { row, col };
    target ??= end;
    if (target.row !== end.row || target.col !== end.col) {
      if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
      out += '\r' + (target.col > 0 ? `\x1b[${target.col}C` : '');
    }
    this.cursorRow = target.row;
    this.rowsBelow = end.row - target.row;
    return out;
  }
}

/** The index of the code point before `i` (a surrogate pair is one character). */
function prevIndex(s: string, i: number): number {
  if (i <= 0) return 0;
  const lo = s.charCodeAt(i - 1);
  if (i >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** The index after the code point at `i`. */
function nextIndex(s: string, i: number): number {
  if (i >= s.length) return s.length;
  return s.codePointAt(i)! > 0xffff ? i + 2 : i + 1;
}

/** Code point ranges xterm's default (Unicode 6) tables draw in no cell: combining marks, Hangul's medial/final jamo. */
const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x300, 0x36f], [0x1160, 0x11ff], [0x200b, 0x200f], [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f],
];
/** ... and in two cells: East Asian wide and fullwidth characters (Hangul syllables among them). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const within = (cp: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The cells a character takes in the terminal, as xterm counts them (0, 1 or 2). */
export function cellWidth(cp: number): number {
  if (within(cp, ZERO_WIDTH)) return 0;
  return within(cp, WIDE) ? 2 : 1;
}
