/**
 * Text applets: echo printf head tail wc sort uniq tr cut tee seq yes, with busybox's flags and messages.
 */
import type { Applet } from './types';
import { inputOf, isStdin, lines, shortOptions, splitFlags } from './types';
import { appendFile, decodeText, encodeText, resolvePath } from '../fs-helpers';
import { echoBuiltin, printfBuiltin } from '../shell/format';

/** echo: the shell's echo (shell/format.ts), run as a program (`/bin/echo`, `xargs echo`). */
export const echo: Applet = (argv, io) => echoBuiltin(argv.slice(1), io);

/** printf FORMAT [ARG]...: the shell's printf (shell/format.ts), run as a program (`xargs printf`, `env printf`). */
const printf: Applet = (argv, io) => {
  if (argv[1] === undefined) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: printf FORMAT [ARGUMENT]...\n');
    return 1;
  }
  return printfBuiltin(argv.slice(1), io, 'printf');
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
  const args = argv.slice(1).filter((a) => a !== '-f' && a !== '-F');
  // `-n +N` / `-c +N`: from the Nth line (byte) on.
  let from = 0;
  for (let i = 0; i < args.length; i++) {
    const m = /^(?:-([nc]))?\+(\d+)$/.exec(args[i]);
    if (m && (m[1] || /^-[nc]$/.test(args[i - 1] ?? ''))) {
      from = Number(m[2]);
      args[i] = '0';
      if (!m[1]) args[i] = '0';
      else args.splice(i, 1, `-${m[1]}`, '0');
      break;
    }
  }
  const { n, files, bytes } = countArg(args, 10);
  const inputs = await inputOf(files, io, e, 'tail');
  inputs.forEach((inp, i) => {
    if (files.length > 1 && !inp.status) io.out(`${i ? '\n' : ''}==> ${files[i]} <==\n`);
    if (from) {
      if (bytes) return io.out(decodeText(encodeText(inp.text).subarray(from - 1)));
      return io.out(lines(inp.text).slice(from - 1).map((x) => x + '\n').join(''));
    }
    if (bytes) return io.out(byteSlice(inp.text, n, true));
    const l = lines(inp.text);
    io.out(l.slice(Math.max(0, l.length - n)).map((x) => x + '\n').join(''));
  });
  return inputs.some((i) => i.status) ? 1 : 0;
};

const wc: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'lwcmL');
  const inputs = await inputOf(rest, io, e, 'wc');
  const show = flags.size ? flags : new Set(['l', 'w', 'c']);
  const keys = (['l', 'w', 'c'] as const).filter((f) => show.has(f) || (f === 'c' && show.has('m')));
  const totals = [0, 0, 0];
  // busybox: one count of one input unpadded, otherwise every count in a 9-wide column.
  const width = keys.length === 1 && inputs.length === 1 ? 0 : 9;
  inputs.forEach((inp, i) => {
    if (inp.status) return;
    const counts = [(inp.text.match(/\n/g) ?? []).length, inp.text.split(/\s+/).filter(Boolean).length, encodeText(inp.text).length];
    counts.forEach((c, k) => (totals[k] += c));
    const cols = keys.map((f) => counts[{ l: 0, w: 1, c: 2 }[f]]);
    io.out(cols.map((c) => String(c).padStart(width)).join(' ') + (rest[i] !== undefined ? ` ${rest[i]}` : '') + '\n');
  });
  if (rest.length > 1) io.out(keys.map((f) => String(totals[{ l: 0, w: 1, c: 2 }[f]]).padStart(9)).join(' ') + ' total\n');
  return inputs.some((i) => i.status) ? 1 : 0;
};

const seq: Applet = (argv, io) => {
  let sep = '\n';
  let pad = false;
  const nums: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-s') sep = args[++i] ?? '';
    else if (args[i].startsWith('-s') && args[i].length > 2) sep = args[i].slice(2);
    else if (args[i] === '-w') pad = true;
    else nums.push(args[i]);
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) {
      io.err(`seq: invalid number '${n}'\n`);
      return 1;
    }
  }
  if (!nums.length || nums.length > 3) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n');
    return 1;
  }
  const v = nums.map(Number);
  const [first, step, last] = v.length === 1 ? [1, 1, v[0]] : v.length === 2 ? [v[0], 1, v[1]] : [v[0], v[1], v[2]];
  const decimals = Math.max(...nums.map((n) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0)));
  const out: string[] = [];
  if (step !== 0) for (let x = first; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; x += step) out.push(x.toFixed(decimals));
  const width = pad ? Math.max(...out.map((o) => o.replace('-', '').length)) : 0;
  io.out(out.length ? out.map((o) => (o.startsWith('-') ? '-' + o.slice(1).padStart(width - 0, '0') : o.padStart(width, '0'))).join(sep) + '\n' : '');
  return 0;
};



// ---------------------------------------------------------------- sort

interface SortKey {
  start: number;
  end: number | null;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
}

function parseKey(spec: string, global: { numeric: boolean; reverse: boolean; fold: boolean }): SortKey | null {
  const m = /^(\d+)(?:\.\d+)?([bdfgnr]*)(?:,(\d+)(?:\.\d+)?([bdfgnr]*))?$/.exec(spec);
  if (!m) return null;
  const opts = (m[2] ?? '') + (m[4] ?? '');
  const own = opts.length > 0;
  return {
    start: Number(m[1]),
    end: m[3] ? Number(m[3]) : null,
    numeric: own ? /[ng]/.test(opts) : global.numeric,
    reverse: own ? opts.includes('r') : global.reverse,
    fold: own ? opts.includes('f') : global.fold,
  };
}

function fieldsOf(line: string, sep: string | null): string[] {
  if (sep !== null) return line.split(sep);
  // Without -t, a field is its leading blanks plus the non-blanks.
  return line.match(/\s*\S+/g) ?? [''];
}

function numericValue(s: string): number {
  const m = /^\s*([-+]?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sort: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  const keys: string[] = [];
  let sep: string | null = null;
  let outFile: string | null = null;
  const flags = new Set<string>();
  const opts = shortOptions(args, 'kto');
  const files = opts.operands;
  for (const { letter: c, value } of opts.options) {
    if (c === 'k') keys.push(value ?? '');
    else if (c === 't') sep = value ?? '';
    else if (c === 'o') outFile = value ?? '';
    else if (!'nrufbdgsczm'.includes(c)) {
      io.err(`sort: invalid option -- '${c}'\n`);
      return 1;
    } else flags.add(c);
  }
  const global = { numeric: flags.has('n') || flags.has('g'), reverse: flags.has('r'), fold: flags.has('f') };
  const parsed: SortKey[] = [];
  for (const k of keys) {
    const key = parseKey(k, global);
    if (!key) {
      io.err(`sort: invalid number '${k}'\n`);
      return 1;
    }
    parsed.push(key);
  }
  const inputs = [];
  for (const f of files.length ? files : ['-']) {
    if (isStdin(e, f)) inputs.push(await io.readStdin());
    else {
      const data = e.fs.readFile(resolvePath(e.cwd, f));
      if (!data) {
        io.err(`sort: ${f}: No such file or directory\n`);
        return 2;
      }
      inputs.push(decodeText(data));
    }
  }
  const all = inputs.flatMap((t) => lines(t));
  const compareBy = (a: string, b: string, k: { numeric: boolean; fold: boolean }) => {
    if (k.numeric) return numericValue(a) - numericValue(b);
    return k.fold ? cmpStr(a.toUpperCase(), b.toUpperCase()) : cmpStr(a, b);
  };
  const extract = (line: string, k: SortKey) => {
    const f = fieldsOf(line, sep);
    const end = k.end ?? f.length;
    return f.slice(k.start - 1, end).join(sep ?? '');
  };
  const cmp = (a: string, b: string): number => {
    for (const k of parsed) {
      const r = compareBy(extract(a, k), extract(b, k), k);
      if (r) return k.reverse ? -r : r;
    }
    if (parsed.length && flags.has('u')) return 0;
    if (!parsed.length) {
      const r = compareBy(a, b, global);
      if (r || flags.has('u')) return global.reverse ? -r : r;
    }
    // Last resort: the whole line, byte by byte (not with -s).
    if (flags.has('s')) return 0;
    const r = cmpStr(a, b);
    return global.reverse ? -r : r;
  };
  const sorted = all.map((l, i) => ({ l, i })).sort((x, y) => cmp(x.l, y.l) || x.i - y.i).map((x) => x.l);
  const out = flags.has('u') ? sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1], l) !== 0) : sorted;
  const text = out.map((l) => l + '\n').join('');
  if (outFile !== null) {
    const r = e.fs.writeFile(resolvePath(e.cwd, outFile), encodeText(text));
    if (r) {
      io.err(`sort: can't open '${outFile}': No such file or directory\n`);
      return 2;
    }
  } else io.out(text);
  return 0;
};

// ---------------------------------------------------------------- uniq

const uniq: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'cdui');
  const inputs = await inputOf(rest.slice(0, 1), io, e, 'uniq');
  if (inputs[0].status) return 1;
  const groups: { line: string; n: number }[] = [];
  const same = (a: string, b: string) => (flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const l of lines(inputs[0].text)) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (flags.has('d') && g.n < 2) continue;
    if (flags.has('u') && g.n > 1) continue;
    out += (flags.has('c') ? `${String(g.n).padStart(7)} ` : '') + g.line + '\n';
  }
  if (rest[1] !== undefined) e.fs.writeFile(resolvePath(e.cwd, rest[1]), encodeText(out));
  else io.out(out);
  return 0;
};

// ---------------------------------------------------------------- tr

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  space: ' \t\n\v\f\r',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
};

const TR_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', v: '\v', f: '\f', a: '\x07', b: '\b' };

/** A tr set (`a-z`, `[:upper:]`, `\n`, `\012`) as its characters, in order. */
export function trSet(spec: string): string[] {
  const chars: string[] = [];
  let i = 0;
  const next = (): string => {
    const c = spec[i++];
    if (c !== '\\' || i >= spec.length) return c;
    const d = spec[i];
    const oct = /^[0-7]{1,3}/.exec(spec.slice(i));
    if (oct) {
      i += oct[0].length;
      return String.fromCharCode(parseInt(oct[0], 8));
    }
    i++;
    return TR_ESCAPES[d] ?? d;
  };
  while (i < spec.length) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i));
    if (cls && CLASSES[cls[1]]) {
      chars.push(...CLASSES[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const c = next();
    if (spec[i] === '-' && i + 1 < spec.length) {
      i++;
      const to = next();
      for (let x = c.charCodeAt(0); x <= to.charCodeAt(0); x++) chars.push(String.fromCharCode(x));
      continue;
    }
    chars.push(c);
  }
  return chars;
}

const tr: Applet = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'dsc');
  if (!rest.length || (!flags.has('d') && !flags.has('s') && rest.length < 2)) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: tr [-cds] STRING1 [STRING2]\n');
    return 1;
  }
  const set1 = trSet(rest[0]);
  const set2 = trSet(rest[1] ?? '');
  const in1 = (c: string) => set1.includes(c) !== flags.has('c');
  const text = await io.readStdin();
  let out = '';
  let last = '';
  for (const ch of text) {
    let c = ch;
    if (flags.has('d')) {
      if (in1(c)) continue;
    } else if (rest.length > 1 && in1(c)) {
      const k = set1.indexOf(c);
      c = set2.length ? set2[Math.min(k < 0 ? set2.length - 1 : k, set2.length - 1)] : c;
    }
    // -s squeezes repeats of the last set given (set2 when translating, set1 otherwise).
    const squeezeSet = flags.has('d') || rest.length < 2 ? set1 : set2;
    if (flags.has('s') && c === last && squeezeSet.includes(c)) continue;
    out += c;
    last = c;
  }
  io.out(out);
  return 0;
};

// ---------------------------------------------------------------- cut

function ranges(list: string): [number, number][] | null {
  const out: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return null;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return null;
    out.push([a, b]);
  }
  return out;
}

const cut: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  let delim = '\t';
  let fields: string | null = null;
  let chars: string | null = null;
  let onlyDelimited = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^-([dfcbs])(.*)$/.exec(a);
    if (!m) {
      files.push(a);
      continue;
    }
    if (m[1] === 's') {
      onlyDelimited = true;
      continue;
    }
    const v = m[2] || args[++i] || '';
    if (m[1] === 'd') delim = v;
    else if (m[1] === 'f') fields = v;
    else chars = v;
  }
  const list = fields ?? chars;
  if (list === null) {
    io.err('cut: expected a list of bytes, characters, or fields\n');
    return 1;
  }
  const r = ranges(list);
  if (!r) {
    io.err(`cut: invalid byte, character or field list\n`);
    return 1;
  }
  const pick = (n: number) => r.some(([a, b]) => n >= a && n <= b);
  const inputs = await inputOf(files, io, e, 'cut');
  let out = '';
  for (const inp of inputs) {
    for (const l of lines(inp.text)) {
      if (chars !== null) {
        out += [...l].filter((_c, k) => pick(k + 1)).join('') + '\n';
        continue;
      }
      if (!l.includes(delim)) {
        if (!onlyDelimited) out += l + '\n';
        continue;
      }
      out += l.split(delim).filter((_f, k) => pick(k + 1)).join(delim) + '\n';
    }
  }
  io.out(out);
  return inputs.some((i) => i.status) ? 1 : 0;
};

// ---------------------------------------------------------------- tee, yes

const tee: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'ai');
  const text = await io.readStdin();
  io.out(text);
  let status = 0;
  for (const f of rest) {
    const p = resolvePath(e.cwd, f);
    const r = flags.has('a') ? appendFile(e.fs, p, encodeText(text)) : e.fs.writeFile(p, encodeText(text));
    if (r) {
      io.err(`tee: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

/**
 * yes: the line again and again until its reader goes away. With a shell whose pipes stream (`io.closed`), it
 * writes until the reader has closed; otherwise it fills one pipe buffer (64 KiB, Linux's pipe capacity, where a
 * writer nobody reads from would block) and stops there, so `yes | head -n 3` works without a made-up count.
 */
const yes: Applet = async (argv, io, e) => {
  const line = (argv.length > 1 ? argv.slice(1).join(' ') : 'y') + '\n';
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  if (!io.closed) {
    let text = '';
    while (text.length + chunk.length <= PIPE_CAPACITY) text += chunk;
    io.out(text + line.repeat(Math.floor((PIPE_CAPACITY - text.length) / line.length)));
    return 0;
  }
  while (!io.closed()) {
    io.out(chunk);
    if (!(await e.sleep(1))) return 130;
  }
  return 0;
};

/** Bytes a Linux pipe holds before its writer blocks. */
const PIPE_CAPACITY = 65_536;

export const TEXT_APPLETS: Record<string, Applet> = { echo, printf, head, tail, wc, seq, sort, uniq, tr, cut, tee, yes };
