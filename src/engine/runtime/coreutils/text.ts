/**
 * Text applets: echo printf head tail wc sort uniq tr cut tee seq yes, with busybox's flags and messages.
 */
import type { Applet } from './types';
import { inputOf, lines, splitFlags } from './types';
import { decodeText, encodeText } from '../fs-helpers';

function unescapeEcho(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };
    if (c === 'c') return { text: out, stop: true };
    if (c in map) out += map[c];
    else if (c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else out += '\\' + c;
  }
  return { text: out, stop: false };
}

export const echo: Applet = (argv, io) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) {
      if (c === 'n') newline = false;
      if (c === 'e') escapes = true;
      if (c === 'E') escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescapeEcho(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.out(text + (newline ? '\n' : ''));
  return 0;
};

const printf: Applet = (argv, io) => {
  const fmt = argv[1];
  if (fmt === undefined) {
    io.err('printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  const args = argv.slice(2);
  let out = '';
  let ai = 0;
  do {
    out += unescapeEcho(fmt).text.replace(/%(-?\d*)([sdfxc%])/g, (_m, w: string, c: string) => {
      if (c === '%') return '%';
      const v = args[ai++] ?? '';
      let s = c === 'd' ? String(parseInt(v || '0', 10)) : c === 'f' ? Number(v || 0).toFixed(6) : c === 'x' ? parseInt(v || '0', 10).toString(16) : c === 'c' ? v.slice(0, 1) : v;
      const width = parseInt(w, 10);
      if (width) s = width < 0 ? s.padEnd(-width) : s.padStart(width);
      return s;
    });
  } while (ai < args.length && ai > 0);
  io.out(out);
  return 0;
};

function countArg(args: string[], def: number): { n: number; files: string[]; bytes: boolean } {
  let n = def;
  let bytes = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') {
      bytes = true;
      n = parseInt(args[++i] ?? '', 10);
    } else if (/^-c\d+$/.test(args[i])) {
      bytes = true;
      n = parseInt(args[i].slice(2), 10);
    } else if (args[i] === '-n') n = parseInt(args[++i] ?? '', 10);
    else if (/^-n\d+$/.test(args[i])) n = parseInt(args[i].slice(2), 10);
    else if (/^-\d+$/.test(args[i])) n = parseInt(args[i].slice(1), 10);
    else files.push(args[i]);
  }
  return { n: Number.isFinite(n) ? n : def, files, bytes };
}

/** The first (or last) n bytes of a text, as UTF-8 (`head -c`, `tail -c`). */
function byteSlice(text: string, n: number, fromEnd: boolean): string {
  const b = encodeText(text);
  return decodeText(fromEnd ? b.subarray(Math.max(0, b.length - n)) : b.subarray(0, n));
}

const head: Applet = async (argv, io, e) => {
  const { n, files, bytes } = countArg(argv.slice(1), 10);
  const inputs = await inputOf(files, io, e, 'head');
  inputs.forEach((inp, i) => {
    if (files.length > 1 && !inp.status) io.out(`${i ? '\n' : ''}==> ${files[i]} <==\n`);
    if (bytes) io.out(byteSlice(inp.text, n, false));
    else io.out(lines(inp.text).slice(0, n).map((l) => l + '\n').join(''));
  });
  return inputs.some((i) => i.status) ? 1 : 0;
};

const tail: Applet = async (argv, io, e) => {
  const { n, files, bytes } = countArg(argv.slice(1).filter((a) => a !== '-f'), 10);
  const inputs = await inputOf(files, io, e, 'tail');
  inputs.forEach((inp, i) => {
    if (files.length > 1 && !inp.status) io.out(`${i ? '\n' : ''}==> ${files[i]} <==\n`);
    if (bytes) return io.out(byteSlice(inp.text, n, true));
    const l = lines(inp.text);
    io.out(l.slice(Math.max(0, l.length - n)).map((x) => x + '\n').join(''));
  });
  return inputs.some((i) => i.status) ? 1 : 0;
};

const wc: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'lwcm');
  const inputs = await inputOf(rest, io, e, 'wc');
  const show = flags.size ? flags : new Set(['l', 'w', 'c']);
  const totals = [0, 0, 0];
  inputs.forEach((inp, i) => {
    if (inp.status) return;
    const counts = [(inp.text.match(/\n/g) ?? []).length, inp.text.split(/\s+/).filter(Boolean).length, encodeText(inp.text).length];
    counts.forEach((c, k) => (totals[k] += c));
    const cols = (['l', 'w', 'c'] as const).filter((f) => show.has(f) || (f === 'c' && show.has('m'))).map((f) => counts[{ l: 0, w: 1, c: 2 }[f]]);
    const width = cols.length === 1 && !rest.length ? 0 : 7;
    io.out(cols.map((c) => String(c).padStart(width)).join(' ') + (rest[i] ? ` ${rest[i]}` : '') + '\n');
  });
  if (rest.length > 1) io.out(totals.map((c) => String(c).padStart(7)).join(' ') + ' total\n');
  return inputs.some((i) => i.status) ? 1 : 0;
};

const seq: Applet = (argv, io) => {
  const nums = argv.slice(1).map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : [nums[0], nums[1], nums[2]];
  let out = '';
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) out += `${i}\n`;
  io.out(out);
  return 0;
};

export const TEXT_APPLETS: Record<string, Applet> = { echo, printf, head, tail, wc, seq };
