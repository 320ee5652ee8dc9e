import { describe, expect, it } from 'vitest';
import { cellWidth, LineEditor } from './lineEditor';

/**
 * A tiny model of a terminal screen (auto-wrap with xterm's pending wrap, CR, LF, CUU/CUD/CUF/CUB, ED). A wide
 * character takes two cells (the second holds '') and goes to the next row when only one cell is left.
 */
function screen(cols: number) {
  const rows: string[][] = [[]];
  let x = 0;
  let y = 0;
  let pendingWrap = false;
  const row = (n: number) => {
    while (rows.length <= n) rows.push([]);
    return rows[n];
  };
  const write = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const csi = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(s.slice(i));
      if (csi) {
        i += csi[0].length - 1;
        const n = csi[1] === '' ? 1 : Number(csi[1]);
        pendingWrap = false;
        if (csi[2] === 'A') y = Math.max(0, y - n);
        else if (csi[2] === 'B') y += n;
        else if (csi[2] === 'C') x = Math.min(cols - 1, x + n);
        else if (csi[2] === 'D') x = Math.max(0, x - n);
        else if (csi[2] === 'J') {
          row(y).length = Math.min(row(y).length, x);
          rows.length = y + 1;
        } else if (csi[2] === 'm') {
          // colours: nothing to model
        } else throw new Error(`unmodelled sequence ${csi[0]}`);
        continue;
      }
      const cp = s.codePointAt(i)!;
      const c = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (c === '\r') {
        x = 0;
        pendingWrap = false;
      } else if (c === '\n') {
        y++;
        pendingWrap = false;
      } else {
        const w = cellWidth(cp);
        if (pendingWrap || (w === 2 && x === cols - 1)) {
          x = 0;
          y++;
          pendingWrap = false;
        }
        const r = row(y);
        while (r.length < x) r.push(' ');
        r[x] = c;
        if (w === 2) r[x + 1] = '';
        if (x + w >= cols) pendingWrap = true;
        else x += w;
      }
    }
  };
  return { write, text: () => rows.map((r) => r.join('').trimEnd()).filter(Boolean), cursor: () => ({ x: pendingWrap ? cols : x, y }) };
}

describe('Line editor redraw', () => {
  const PROMPT = '\x1b[1;32m$\x1b[0m ';

  function typeInto(cols: number, keys: string[]) {
    const ed = new LineEditor();
    const term = screen(cols);
    term.write(ed.render(PROMPT, cols));
    for (const k of keys) {
      ed.handle(k);
      term.write(ed.render(PROMPT, cols));
    }
    return { ed, term };
  }

  it('keeps one prompt line while a line wider than the terminal is typed', () => {
    const line = 'docker run -d --name web diamol/ch03-web-ping';
    const { term } = typeInto(10, [...line]);
    const text = term.text();
    expect(text.join('')).toBe('$ ' + line);
    expect(text.filter((r) => r.startsWith('$')).length).toBe(1);
  });

  it('keeps one prompt line when the line exactly fills rows, and the cursor after it', () => {
    const { term } = typeInto(10, [...'12345678', ...'abcdefghij']);
    expect(term.text()).toEqual(['$ 12345678', 'abcdefghij']);
    expect(term.cursor()).toEqual({ x: 0, y: 2 });
  });

  it('edits in the middle of a wrapped line and puts the cursor back on the right row', () => {
    const line = 'abcdefghijklmnopqrstuvwxyz';
    const { term } = typeInto(10, [...line, ...Array(20).fill('\x1b[D'), 'X', '\x7f', 'Y']);
    expect(term.text()).toEqual(['$ abcdefYg', 'hijklmnopq', 'rstuvwxyz']);
    // cursor after "Y": column 2 + 7 = 9 of row 0
    expect(term.cursor()).toEqual({ x: 9, y: 0 });
  });

  it('shrinks back to fewer rows when a wrapped line is deleted, and history recall redraws cleanly', () => {
    const ed = new LineEditor(['docker image ls --format "{{.Repository}}:{{.Tag}}"']);
    const term = screen(12);
    term.write(ed.render(PROMPT, 12));
    ed.handle('\x1b[A');
    term.write(ed.render(PROMPT, 12));
    expect(term.text().join('')).toBe('$ docker image ls --format "{{.Repository}}:{{.Tag}}"');
    ed.handle('\x15');
    term.write(ed.render(PROMPT, 12));
    expect(term.text()).toEqual(['$']);
  });

  it('leaves a wrapped line below its last row after Enter, wherever the cursor was', () => {
    const { ed, term } = typeInto(10, [...'abcdefghijklmnopqrstuvwxyz', '\x01']);
    expect(term.cursor()).toEqual({ x: 2, y: 0 });
    term.write(ed.leaveLine() + 'out');
    expect(term.text()).toEqual(['$ abcdefgh', 'ijklmnopqr', 'stuvwxyz', 'out']);
  });

  it('counts Hangul as two cells: a Korean line wraps where the terminal wraps it and the cursor lands after it', () => {
    // "$ " + 4 syllables = 10 cells: fills the first row exactly
    const { ed, term } = typeInto(10, [...'안녕하세', ...'요 abc']);
    expect(term.text()).toEqual(['$ 안녕하세', '요 abc']);
    expect(term.cursor()).toEqual({ x: 6, y: 1 });
    // a wide character that would straddle the margin moves to the next row
    ed.handle('\x15');
    term.write(ed.render(PROMPT, 10));
    for (const k of ['a', '한', '글', '날', '짜']) {
      ed.handle(k);
      term.write(ed.render(PROMPT, 10));
    }
    expect(term.text()).toEqual(['$ a한글날', '짜']);
    expect(term.cursor()).toEqual({ x: 2, y: 1 });
    // moving left over wide characters and inserting in the middle redraws on the right cells
    ed.handle('\x1b[D\x1b[D\x1b[D');
    ed.handle('X');
    term.write(ed.render(PROMPT, 10));
    expect(term.text()).toEqual(['$ a한X글날', '짜']);
    expect(term.cursor()).toEqual({ x: 6, y: 0 });
  });

  it('moves and deletes whole characters outside the basic plane', () => {
    const ed = new LineEditor();
    ed.handle('a😀b');
    ed.handle('\x1b[D\x1b[D');
    expect(ed.cursor).toBe(1);
    ed.handle('\x1b[3~');
    expect(ed.buffer).toBe('ab');
    ed.handle('\x1b[C😀\x7f');
    expect(ed.buffer).toBe('ab');
  });

  it('draws a short line without cursor movement beyond the line itself', () => {
    const ed = new LineEditor();
    ed.handle('ls');
    expect(ed.render('$ ', 80)).toBe('\r\x1b[J$ ls');
    ed.handle('\x1b[D');
    expect(ed.render('$ ', 80)).toBe('\r\x1b[J$ ls\r\x1b[3C');
  });
});
