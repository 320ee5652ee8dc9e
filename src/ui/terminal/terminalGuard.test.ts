/**
 * A program's output must not type into the shell or leave the terminal in its modes: checked against real
 * xterm (headless in jsdom: parsing, replies and modes need no screen).
 */
import { describe, expect, it } from 'vitest';
import { Terminal } from '@xterm/xterm';
import { installQueryGuard, modeResetSequence, stripTerminalReplies } from './terminalGuard';

function xterm(repliesWanted = () => false) {
  const term = new Terminal({ allowProposedApi: false });
  const typed: string[] = [];
  term.onData((d) => typed.push(d));
  const unguard = installQueryGuard(term.parser, repliesWanted);
  const write = (s: string) => new Promise<void>((r) => term.write(s, r));
  return { term, typed, write, unguard };
}

describe('Terminal guard', () => {
  it('swallows queries in program output: no reply is typed', async () => {
    const { typed, write } = xterm();
    await write('\x1b[c\x1b[>c\x1b[6n\x1b[5n\x1b]11;?\x07\x1b]10;?\x1b\\\x1bP$qm\x1b\\\x1b[?2004$p\x1b[18t');
    expect(typed).toEqual([]);
  });

  it('without the guard xterm does reply (the guard is what stops it)', async () => {
    const { typed, write, unguard } = xterm();
    unguard();
    await write('\x1b[c\x1b[6n');
    expect(typed.join('')).toMatch(/\x1b\[\?[\d;]*c/);
  });

  it('lets a TTY program that reads stdin get its replies', async () => {
    const { typed, write } = xterm(() => true);
    await write('\x1b[6n');
    expect(typed).toEqual(['\x1b[1;1R']);
  });

  it('drops input shaped like replies or reports, keeps keys and pasted text', () => {
    for (const reply of ['\x1b[?1;2c', '\x1b[>0;276;0c', '\x1b[12;40R', '\x1b[0n', '\x1bP1$r0m\x1b\\', '\x1b]11;rgb:0000/0000/0000\x1b\\', '\x1b]10;rgb:ffff/ffff/ffff\x07', '\x1b[?2004;2$y', '\x1b[I', '\x1b[<0;12;5M', '\x1b[M !!'])
      expect(stripTerminalReplies(reply), JSON.stringify(reply)).toBe('');
    for (const key of ['a', '\r', '\x1b[A', '\x1b[1;5D', '\x1b[3~', '\x1bOP', '\x1b[15~', '\x1bb', '\x7f', '\x03', '한'])
      expect(stripTerminalReplies(key), JSON.stringify(key)).toBe(key);
    expect(stripTerminalReplies('\x1b[200~docker ps\x1b[201~')).toBe('docker ps');
    expect(stripTerminalReplies('ls\x1b[?1;2c')).toBe('ls');
  });

  it('turns off every mode a program turned on, keeping the screen', async () => {
    const { term, write } = xterm();
    await write('kept text\r\n\x1b[?1000h\x1b[?1006h\x1b[?2004h\x1b[?1h\x1b=\x1b[?25l\x1b[4h\x1b[?1049h');
    expect(term.modes).toMatchObject({ mouseTrackingMode: 'vt200', bracketedPasteMode: true, applicationCursorKeysMode: true, insertMode: true });
    expect(term.buffer.active.type).toBe('alternate');
    await write(modeResetSequence(term.buffer.active.type === 'alternate'));
    expect(term.modes).toMatchObject({ mouseTrackingMode: 'none', bracketedPasteMode: false, applicationCursorKeysMode: false, applicationKeypadMode: false, insertMode: false });
    expect(term.buffer.active.type).toBe('normal');
    expect(term.buffer.active.getLine(0)?.translateToString(true)).toBe('kept text');
    // on the normal screen the reset does not move the cursor
    await write('abc');
    const x = term.buffer.active.cursorX;
    await write(modeResetSequence(false));
    expect(term.buffer.active.cursorX).toBe(x);
  });

  it('prints OSC 8 links as plain text', async () => {
    const { term, write } = xterm();
    await write('\x1b]8;;https://evil.example/\x07click me\x1b]8;;\x07');
    expect(term.buffer.active.getLine(0)?.translateToString(true)).toBe('click me');
  });
});
