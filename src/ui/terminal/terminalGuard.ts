/**
 * What a program's output may do to the terminal, and what it may not.
 * - Queries (device attributes `ESC[c`, status and cursor reports `ESC[n`, mode reports `ESC[$p`, DECRQSS
 *   `ESC P $ q`, colour queries `OSC 10/11/… ;?`) make a terminal type a reply as if keys were pressed. A
 *   reply nobody reads ends up on the next command line, so queries are answered only while a program runs
 *   with a TTY and stdin (it may be waiting for the reply); otherwise they are swallowed (`installQueryGuard`),
 *   and input that has the shape of a reply, not of a key, is dropped (`stripTerminalReplies`).
 * - Modes a program turns on (mouse tracking, bracketed paste, application cursor keys and keypad, focus
 *   reports, the alternate screen, a hidden cursor, insert mode) are turned off when it exits
 *   (`modeResetSequence`), without clearing the screen, as a shell's prompt would need them off.
 * - OSC 8 hyperlinks in output are shown as plain text and open nothing (`installQueryGuard` swallows them;
 *   `createTerminal` also gives xterm a link handler that does nothing).
 */

/** The part of xterm's parser API used here (xterm's `Terminal.parser`). */
export interface ParserLike {
  registerCsiHandler(id: { prefix?: string; intermediates?: string; final: string }, cb: (params: (number | number[])[]) => boolean): { dispose(): void };
  registerDcsHandler(id: { prefix?: string; intermediates?: string; final: string }, cb: (data: string, params: (number | number[])[]) => boolean): { dispose(): void };
  registerOscHandler(ident: number, cb: (data: string) => boolean): { dispose(): void };
}

/** Control sequences whose only effect is a reply typed back by the terminal. */
const CSI_QUERIES: { prefix?: string; intermediates?: string; final: string }[] = [
  { final: 'c' }, // DA1
  { prefix: '>', final: 'c' }, // DA2
  { prefix: '=', final: 'c' }, // DA3
  { final: 'n' }, // DSR: status, cursor position
  { prefix: '?', final: 'n' }, // DEC DSR
  { intermediates: '$', final: 'p' }, // DECRQM (ANSI)
  { prefix: '?', intermediates: '$', final: 'p' }, // DECRQM (DEC)
  { final: 't' }, // window reports
  { final: 'x' }, // DECREQTPARM
  { prefix: '>', final: 'q' }, // XTVERSION
  { prefix: '?', final: 'u' }, // keyboard protocol query
];
const DCS_QUERIES = [
  { intermediates: '$', final: 'q' }, // DECRQSS
  { intermediates: '+', final: 'q' }, // XTGETTCAP
];
/** Colour OSCs answer `?` with the colour. */
const OSC_COLOUR = [4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

/**
 * Swallows queries unless `repliesWanted()` (a TTY program that reads stdin runs), and every OSC 8 link.
 * Returns a function that removes the handlers.
 */
export function installQueryGuard(parser: ParserLike, repliesWanted: () => boolean): () => void {
  const swallow = () => !repliesWanted();
  const ds = [
    ...CSI_QUERIES.map((id) => parser.registerCsiHandler(id, swallow)),
    ...DCS_QUERIES.map((id) => parser.registerDcsHandler(id, swallow)),
    ...OSC_COLOUR.map((n) => parser.registerOscHandler(n, (data) => data.includes('?') && swallow())),
    parser.registerOscHandler(8, () => true),
  ];
  return () => ds.forEach((d) => d.dispose());
}

// The shapes of the replies a terminal types (xterm's, and other terminals' for pasted-in replies).
const ST = '(?:\\x07|\\x1b\\\\)';
const REPLY = new RegExp(
  [
    '\\x1b\\[[?>=][\\d;]*c', // device attributes
    '\\x1b\\[\\d+(?:;\\d+)?R', // cursor position (also modified F3: nothing at the prompt)
    '\\x1b\\[\\??\\d+n', // status
    '\\x1b\\[\\??[\\d;]*\\$y', // mode report
    '\\x1b\\[\\d+(?:;\\d+)*t', // window report
    '\\x1b\\[[\\d;]*x', // terminal parameters
    '\\x1b\\[\\?[\\d;]*u', // keyboard protocol
    `\\x1bP[01]?[$+!>|]?[r|].*?${ST}`, // DECRQSS, XTGETTCAP, XTVERSION and other DCS replies
    `\\x1b\\]\\d+;[^\\x07\\x1b]*${ST}`, // colour and other OSC replies
    '\\x1b\\[[IO]', // focus in / out
    '\\x1b\\[<\\d+;\\d+;\\d+[mM]', // SGR mouse report
    '\\x1b\\[M[\\s\\S]{3}', // X10 mouse report
  ].join('|'),
  'g',
);
const BRACKETED_PASTE = /\x1b\[20[01]~/g;

/**
 * Input with terminal replies and mouse/focus reports removed (keys pass through; bracketed-paste markers
 * are removed and the pasted text kept). '' when the whole chunk was replies.
 */
export function stripTerminalReplies(data: string): string {
  if (!data.includes('\x1b')) return data;
  return data.replace(BRACKETED_PASTE, '').replace(REPLY, '');
}

/**
 * Turns off what a program may have turned on, keeping the screen: leaves the alternate screen (when it is
 * active; leaving restores the cursor saved on entering it), mouse tracking and its encodings, focus reports,
 * bracketed paste, application cursor keys and keypad, insert mode; shows the cursor with its default shape;
 * resets colours and the character set.
 */
export function modeResetSequence(altScreen: boolean): string {
  return (
    (altScreen ? '\x1b[?1049l' : '') +
    '\x1b[?9l\x1b[?1000l\x1b[?1001l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l\x1b[?1016l' +
    '\x1b[?1004l' +
    '\x1b[?2004l' +
    '\x1b[?1l\x1b>' +
    '\x1b[4l' +
    '\x1b[?25h\x1b[0 q' +
    '\x1b[0m\x1b(B\x0f'
  );
}
