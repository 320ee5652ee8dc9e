/**
 * Busybox-like applets over ProcessFs, with busybox's messages ("cat: can't open 'x': No such file or directory").
 * Each applet gets its argv (argv[0] is the applet name), an AppletIO and the AppletEnv, and returns an exit
 * status (or a promise of one: `sleep` waits on the virtual clock). To add one: write a function here, add it to
 * APPLET_IMPLS and its name to applet-names.ts.
 */
import type { FsStat, ProcessFs } from '../process';
import type { NetResult } from '../net-client';
import { appendFile, basename, copy, decodeText, dirname, encodeText, mkdirp, resolvePath, rmrf } from '../fs-helpers';
import { PACKAGE_PROGRAMS } from '../packages';

export interface AppletIO {
  /** Reads all of standard input (a pipe, a `<` file, or the terminal until Ctrl-D). */
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

export interface AppletEnv {
  fs: ProcessFs;
  cwd: string;
  /** Exported variables (what `env` prints), in order. */
  env: Record<string, string>;
  hostname: string;
  /** The container's IPv4 address. */
  ip: string;
  user: string;
  now(): number;
  sleep(ms: number): Promise<boolean>;
  tty: boolean;
  columns: number;
  /** Running programs, for ps: [pid, command]. */
  processes(): [number, string][];
  /** Whether a command name resolves (for `which`). */
  which(name: string): string | null;
  /** HTTP on the simulated network (curl, wget). */
  http(url: string, opts?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<NetResult>;
  /**
   * Runs a command (PATH lookup, any program) with the given output and optional input, in `opts.cwd`/`opts.env`
   * (default: the applet's), and resolves with its exit status: `xargs`, `find -exec`, npm scripts.
   */
  exec(argv: string[], io: { out(text: string): void; err(text: string): void; stdin?: string }, opts?: { cwd?: string; env?: Record<string, string> }): Promise<number>;
}

export type Applet = (argv: string[], io: AppletIO, env: AppletEnv) => number | Promise<number>;

const ENOENT = 'No such file or directory';

function splitFlags(args: string[], known: string): { flags: Set<string>; rest: string[]; bad: string | null } {
  const flags = new Set<string>();
  const rest: string[] = [];
  let bad: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (!known.includes(c) && bad === null) bad = c;
        flags.add(c);
      }
    } else rest.push(a);
  }
  rest.push(...args.slice(i));
  return { flags, rest, bad };
}

function modeString(st: FsStat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += st.mode & (1 << (8 - i)) ? bits[i] : '-';
  return t + s;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
  if (Math.abs(now - ms) > 182 * 86400000) return `${head}  ${d.getUTCFullYear()}`;
  return `${head} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

function columns(names: string[], width: number): string {
  if (!names.length) return '';
  const colw = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor((width + 2) / colw));
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      const last = (c + 1) * rows + r >= names.length;
      line += last ? names[i] : names[i].padEnd(colw);
    }
    out += line.trimEnd() + '\n';
  }
  return out;
}

const ls: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'laA1hRdF');
  const all = flags.has('a');
  const almost = flags.has('A');
  const long = flags.has('l');
  const targets = rest.length ? rest : ['.'];
  let status = 0;
  const fileLines: string[] = [];
  const dirs: string[] = [];
  const entryLine = (name: string, path: string): string => {
    const st = (e.fs.lstat ?? e.fs.stat).call(e.fs, path);
    if (!st) return name;
    if (!long) return name + (flags.has('F') && st.type === 'dir' ? '/' : '');
    const owner = 'root'.padEnd(8);
    const link = st.type === 'symlink' ? ` -> ${e.fs.readlink?.(path) ?? ''}` : '';
    const size = st.type === 'dir' ? 4096 : st.size;
    return `${modeString(st)} ${String(st.type === 'dir' ? 2 : 1).padStart(4)} ${owner} ${owner} ${String(size).padStart(9)} ${lsDate(st.mtimeMs, e.now())} ${name}${link}`;
  };
  for (const t of targets) {
    const p = resolvePath(e.cwd, t);
    const st = e.fs.stat(p);
    if (!st) {
      io.err(`ls: ${t}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !flags.has('d')) dirs.push(t);
    else fileLines.push(entryLine(t, p));
  }
  const emit = (names: string[]) => {
    if (long || flags.has('1') || !e.tty) io.out(names.map((n) => n + '\n').join(''));
    else io.out(columns(names, e.columns));
  };
  if (fileLines.length) emit(fileLines);
  dirs.forEach((t, idx) => {
    const p = resolvePath(e.cwd, t);
    let names = e.fs.readdir(p) ?? [];
    if (!all && !almost) names = names.filter((n) => !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (dirs.length > 1 || fileLines.length) io.out(`${idx || fileLines.length ? '\n' : ''}${t}:\n`);
    const lines = names.map((n) => entryLine(n, n === '.' ? p : n === '..' ? dirname(p) : `${p === '/' ? '' : p}/${n}`));
    if (long) {
      let blocks = 0;
      for (const n of names) {
        const s = e.fs.stat(n === '.' ? p : n === '..' ? dirname(p) : `${p === '/' ? '' : p}/${n}`);
        if (s) blocks += s.type === 'dir' ? 4 : Math.ceil(s.size / 4096) * 4;
      }
      io.out(`total ${blocks}\n`);
    }
    emit(lines);
  });
  return status;
};

const cat: Applet = async (argv, io, e) => {
  const files = argv.slice(1).filter((a) => a !== '-u');
  if (!files.length) {
    io.out(await io.readStdin());
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      io.out(await io.readStdin());
      continue;
    }
    const p = resolvePath(e.cwd, f);
    const st = e.fs.stat(p);
    if (!st) {
      io.err(`cat: can't open '${f}': ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir') {
      io.err(`cat: read error: Is a directory\n`);
      status = 1;
      continue;
    }
    io.out(decodeText(e.fs.readFile(p) ?? new Uint8Array()));
  }
  return status;
};

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

const mkdir: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'pm');
  if (!rest.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n');
    return 1;
  }
  let status = 0;
  for (const d of rest) {
    const p = resolvePath(e.cwd, d);
    const r = flags.has('p') ? mkdirp(e.fs, p) : e.fs.mkdir(p);
    if (r) {
      io.err(`mkdir: can't create directory '${d}': ${r === 'EEXIST' ? 'File exists' : ENOENT}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'rRfvi');
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const f of rest) {
    const p = resolvePath(e.cwd, f);
    const st = (e.fs.lstat ?? e.fs.stat).call(e.fs, p);
    if (!st) {
      if (!flags.has('f')) {
        io.err(`rm: can't remove '${f}': ${ENOENT}\n`);
        status = 1;
      }
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      io.err(`rm: '${f}' is a directory\n`);
      status = 1;
      continue;
    }
    const r = recursive ? rmrf(e.fs, p) : e.fs.rm(p);
    if (r) {
      io.err(`rm: can't remove '${f}': ${r}\n`);
      status = 1;
    }
  }
  return status;
};

const cp: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'rRafpv');
  if (rest.length < 2) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: cp [-arPLHpfinlsTu] SOURCE DEST\n');
    return 1;
  }
  const dest = resolvePath(e.cwd, rest[rest.length - 1]);
  const destIsDir = e.fs.stat(dest)?.type === 'dir';
  let status = 0;
  for (const s of rest.slice(0, -1)) {
    const sp = resolvePath(e.cwd, s);
    const st = e.fs.stat(sp);
    if (!st) {
      io.err(`cp: can't stat '${s}': ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !(flags.has('r') || flags.has('R') || flags.has('a'))) {
      io.err(`cp: omitting directory '${s}'\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${dest === '/' ? '' : dest}/${basename(sp)}` : dest;
    const r = copy(e.fs, sp, target);
    if (r) {
      io.err(`cp: can't create '${rest[rest.length - 1]}': ${r === 'ENOENT' ? ENOENT : r}\n`);
      status = 1;
    }
  }
  return status;
};

const mv: Applet = (argv, io, e) => {
  const { rest } = splitFlags(argv.slice(1), 'fin');
  if (rest.length < 2) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: mv [-fin] SOURCE DEST\n');
    return 1;
  }
  const dest = resolvePath(e.cwd, rest[rest.length - 1]);
  const destIsDir = e.fs.stat(dest)?.type === 'dir';
  let status = 0;
  for (const s of rest.slice(0, -1)) {
    const sp = resolvePath(e.cwd, s);
    if (!e.fs.stat(sp)) {
      io.err(`mv: can't rename '${s}': ${ENOENT}\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${dest === '/' ? '' : dest}/${basename(sp)}` : dest;
    const r = e.fs.rename(sp, target);
    if (r) {
      io.err(`mv: can't rename '${s}': ${r === 'ENOENT' ? ENOENT : r}\n`);
      status = 1;
    }
  }
  return status;
};

const touch: Applet = (argv, io, e) => {
  let status = 0;
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const p = resolvePath(e.cwd, f);
    const r = appendFile(e.fs, p, new Uint8Array());
    if (r) {
      io.err(`touch: ${f}: ${ENOENT}\n`);
      status = 1;
    }
  }
  return status;
};

const envApplet: Applet = (_argv, io, e) => {
  io.out(Object.entries(e.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

const printenv: Applet = (argv, io, e) => {
  if (argv.length === 1) return envApplet(argv, io, e);
  let status = 0;
  for (const n of argv.slice(1)) {
    if (n in e.env) io.out(`${e.env[n]}\n`);
    else status = 1;
  }
  return status;
};

async function inputOf(files: string[], io: AppletIO, e: AppletEnv, name: string): Promise<{ text: string; status: number }[]> {
  if (!files.length) return [{ text: await io.readStdin(), status: 0 }];
  const out: { text: string; status: number }[] = [];
  for (const f of files) {
    if (f === '-') {
      out.push({ text: await io.readStdin(), status: 0 });
      continue;
    }
    const data = e.fs.readFile(resolvePath(e.cwd, f));
    if (!data) {
      io.err(`${name}: ${f}: ${ENOENT}\n`);
      out.push({ text: '', status: 1 });
    } else out.push({ text: decodeText(data), status: 0 });
  }
  return out;
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

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

const grep: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'ivcnlqEFwh');
  if (!rest.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
    return 2;
  }
  const [pat, ...files] = rest;
  let re: RegExp;
  try {
    const src = flags.has('F') ? pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pat : pat.replace(/\\\|/g, '|').replace(/\\\(/g, '(').replace(/\\\)/g, ')');
    re = new RegExp(flags.has('w') ? `\\b(?:${src})\\b` : src, flags.has('i') ? 'i' : '');
  } catch {
    io.err(`grep: bad regex '${pat}'\n`);
    return 2;
  }
  const inputs = await inputOf(files, io, e, 'grep');
  let matched = false;
  inputs.forEach((inp, i) => {
    let count = 0;
    lines(inp.text).forEach((l, n) => {
      if (re.test(l) !== flags.has('v')) {
        count++;
        matched = true;
        if (flags.has('q') || flags.has('c') || flags.has('l')) return;
        const prefix = (files.length > 1 && !flags.has('h') ? `${files[i]}:` : '') + (flags.has('n') ? `${n + 1}:` : '');
        io.out(prefix + l + '\n');
      }
    });
    if (flags.has('c')) io.out((files.length > 1 ? `${files[i]}:` : '') + count + '\n');
    if (flags.has('l') && count) io.out(files[i] + '\n');
  });
  if (inputs.some((x) => x.status) && !matched) return 2;
  return matched ? 0 : 1;
};

function busyboxDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const date: Applet = (argv, io, e) => {
  const fmt = argv.find((a) => a.startsWith('+'));
  if (!fmt) {
    io.out(busyboxDate(e.now()) + '\n');
    return 0;
  }
  const d = new Date(e.now());
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()), H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()), s: String(Math.floor(e.now() / 1000)), Z: 'UTC',
    a: DAYS[d.getUTCDay()], b: MONTHS[d.getUTCMonth()], '%': '%', T: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`, N: String((e.now() % 1000) * 1000000).padStart(9, '0'),
  };
  io.out(fmt.slice(1).replace(/%(.)/g, (m, c) => map[c] ?? m) + '\n');
  return 0;
};

const sleep: Applet = async (argv, io, e) => {
  const arg = argv[1];
  if (arg === undefined) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
    return 1;
  }
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) {
    io.err(`sleep: invalid number '${arg}'\n`);
    return 1;
  }
  const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const ok = await e.sleep(Number(m[1]) * mult);
  return ok ? 0 : 130;
};

const uname: Applet = (argv, io, e) => {
  const { flags } = splitFlags(argv.slice(1), 'asnrvmo');
  const parts: string[] = [];
  const all = flags.has('a');
  if (all || flags.has('s') || flags.size === 0) parts.push('Linux');
  if (all || flags.has('n')) parts.push(e.hostname);
  if (all || flags.has('r')) parts.push('6.10.14-linuxkit');
  if (all || flags.has('v')) parts.push('#1 SMP Thu Oct 24 19:28:55 UTC 2024');
  if (all || flags.has('m')) parts.push('x86_64');
  if (all || flags.has('o')) parts.push('Linux');
  io.out(parts.join(' ') + '\n');
  return 0;
};

const id: Applet = (argv, io, e) => {
  if (argv.includes('-u')) {
    io.out((argv.includes('-n') ? e.user : e.user === 'root' ? '0' : '1000') + '\n');
    return 0;
  }
  if (e.user === 'root') io.out('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n');
  else if (/^\d+$/.test(e.user)) io.out(`uid=${e.user} gid=${e.user}\n`);
  else io.out(`uid=1000(${e.user}) gid=1000(${e.user}) groups=1000(${e.user})\n`);
  return 0;
};

const ps: Applet = (_argv, io, e) => {
  io.out('PID   USER     TIME  COMMAND\n');
  for (const [pid, cmd] of e.processes()) io.out(`${String(pid).padStart(5)} ${e.user.padEnd(8)}  0:00 ${cmd}\n`);
  return 0;
};

const which: Applet = (argv, io, e) => {
  let status = 0;
  for (const n of argv.slice(1)) {
    const p = e.which(n);
    if (p) io.out(p + '\n');
    else status = 1;
  }
  return status;
};

const chmod: Applet = (argv, io, e) => {
  const [mode, ...files] = argv.slice(1).filter((a) => a !== '-R');
  if (!mode || !files.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chmod [-Rcvf] MODE[,MODE]... FILE...\n');
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const p = resolvePath(e.cwd, f);
    const st = e.fs.stat(p);
    if (!st) {
      io.err(`chmod: ${f}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    let m = st.mode;
    if (/^[0-7]+$/.test(mode)) m = parseInt(mode, 8);
    else {
      const sm = /^([ugoa]*)([+-=])([rwx]+)$/.exec(mode);
      if (sm) {
        const who = sm[1] || 'a';
        let bits = 0;
        for (const c of sm[3]) bits |= c === 'r' ? 4 : c === 'w' ? 2 : 1;
        let mask = 0;
        if (who.includes('u') || who.includes('a')) mask |= bits << 6;
        if (who.includes('g') || who.includes('a')) mask |= bits << 3;
        if (who.includes('o') || who.includes('a')) mask |= bits;
        m = sm[2] === '+' ? m | mask : sm[2] === '-' ? m & ~mask : mask;
      }
    }
    e.fs.chmod?.(p, m);
  }
  return status;
};

const seq: Applet = (argv, io) => {
  const nums = argv.slice(1).map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : [nums[0], nums[1], nums[2]];
  let out = '';
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) out += `${i}\n`;
  io.out(out);
  return 0;
};

function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((n) => Number(n).toString(16).toUpperCase().padStart(2, '0'))].join(':');
}

const ifconfig: Applet = (argv, io, e) => {
  const which = argv[1];
  const eth0 = [
    `eth0      Link encap:Ethernet  HWaddr ${macFor(e.ip)}  `,
    `          inet addr:${e.ip}  Bcast:${e.ip.split('.').slice(0, 2).join('.')}.255.255  Mask:255.255.0.0`,
    '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1',
    '          RX packets:8 errors:0 dropped:0 overruns:0 frame:0',
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    '          collisions:0 txqueuelen:0 ',
    '          RX bytes:736 (736.0 B)  TX bytes:0 (0.0 B)',
    '',
  ];
  const lo = [
    'lo        Link encap:Local Loopback  ',
    '          inet addr:127.0.0.1  Mask:255.0.0.0',
    '          UP LOOPBACK RUNNING  MTU:65536  Metric:1',
    '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0',
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    '          collisions:0 txqueuelen:1000 ',
    '          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)',
    '',
  ];
  if (which === undefined || which === '-a') io.out([...eth0, ...lo].join('\n') + '\n');
  else if (which === 'eth0') io.out(eth0.join('\n') + '\n');
  else if (which === 'lo') io.out(lo.join('\n') + '\n');
  else {
    io.err(`ifconfig: ${which}: error fetching interface information: Device not found\n`);
    return 1;
  }
  return 0;
};

const curl: Applet = async (argv, io, e) => {
  let silent = false;
  let showErr = false;
  let fail = false;
  let follow = false;
  let head = false;
  let include = false;
  let method: string | undefined;
  let data: string | undefined;
  let outFile: string | undefined;
  const headers: Record<string, string> = {};
  let url: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-X' || a === '--request') method = args[++i];
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) headers[h.slice(0, c).trim().toLowerCase()] = h.slice(c + 1).trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw') data = args[++i];
    else if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '-w' || a === '--connect-timeout' || a === '-A' || a === '-u') i++;
    else if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--fail') fail = true;
      else if (a === '--location') follow = true;
      else if (a === '--head') head = true;
      else if (a === '--include') include = true;
      else if (a === '--show-error') showErr = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 's') silent = true;
        else if (c === 'S') showErr = true;
        else if (c === 'f') fail = true;
        else if (c === 'L') follow = true;
        else if (c === 'I') head = true;
        else if (c === 'i') include = true;
      }
    } else url = a;
  }
  const err = (code: number, msg: string) => {
    if (!silent || showErr) io.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const m = head ? 'HEAD' : method ?? (data !== undefined ? 'POST' : 'GET');
  let target: string = url;
  if (data !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  for (let hop = 0; hop < 10; hop++) {
    const r = await e.http(target, { method: m, headers, body: data });
    if (!r.ok) {
      if (r.code === 'BADURL') return err(3, 'URL rejected: Malformed input to a URL function');
      if (r.code === 'ENOTFOUND') return err(6, `Could not resolve host: ${r.host}`);
      return err(7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server`);
    }
    const loc = r.headers.location;
    if (follow && loc && r.status >= 300 && r.status < 400) {
      const U = (globalThis as any).URL;
      target = /^https?:\/\//.test(loc) ? loc : new U(loc, /^https?:\/\//.test(target) ? target : `http://${target}`).href;
      continue;
    }
    if (fail && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`);
    const headText = `HTTP/1.1 ${r.status} ${r.statusText}\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const text = (head || include ? headText : '') + (head ? '' : r.body);
    if (outFile) {
      const e2 = e.fs.writeFile(resolvePath(e.cwd, outFile), encodeText(text));
      if (e2) return err(23, `Failure writing output to destination, passed ${text.length} returned 0`);
    } else io.out(text);
    return 0;
  }
  return err(47, 'Maximum (10) redirects followed');
};

const wget: Applet = async (argv, io, e) => {
  let quiet = false;
  let out: string | undefined;
  let url: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-O') out = args[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (/^-q[O]/.test(a)) {
      quiet = true;
      out = a.slice(3) || args[++i];
    } else if (a === '-T' || a === '-U') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const r = await e.http(url);
  const host = /^(?:https?:\/\/)?([^/:]+)/i.exec(url)?.[1] ?? url;
  if (!r.ok) {
    if (r.code === 'ENOTFOUND' || r.code === 'BADURL') io.err(`wget: bad address '${host}'\n`);
    else io.err(`wget: can't connect to remote host (127.0.0.1): Connection refused\n`);
    return 1;
  }
  const port = /:(\d+)/.exec(url.replace(/^https?:\/\//, ''))?.[1] ?? (url.startsWith('https') ? '443' : '80');
  if (!quiet) io.err(`Connecting to ${host} (${r.ip}:${port})\n`);
  if (r.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`);
    return 1;
  }
  const name = out ?? (basename(url.replace(/^https?:\/\/[^/]*/, '').split('?')[0]) || 'index.html');
  if (name === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(r.body);
    if (!quiet) io.err(`-                    100% |********************************| ${String(r.body.length).padStart(5)}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.err(`saving to '${name}'\n`);
  e.fs.writeFile(resolvePath(e.cwd, name), encodeText(r.body));
  if (!quiet) io.err(`${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(r.body.length).padStart(5)}  0:00:00 ETA\n'${name}' saved\n`);
  return 0;
};

const CORE_APPLETS: Record<string, Applet> = {
  curl,
  wget,
  ifconfig,
  ls,
  cat,
  echo,
  printf,
  mkdir,
  rm,
  cp,
  mv,
  touch,
  env: envApplet,
  printenv,
  head,
  tail,
  wc,
  grep,
  date,
  sleep,
  uname,
  id,
  ps,
  which,
  chmod,
  seq,
  true: () => 0,
  false: () => 1,
  pwd: (_a, io, e) => {
    io.out(e.cwd + '\n');
    return 0;
  },
  hostname: (a, io, e) => {
    io.out((a[1] === '-i' ? e.ip : e.hostname) + '\n');
    return 0;
  },
  whoami: (_a, io, e) => {
    io.out(e.user + '\n');
    return 0;
  },
  basename: (a, io) => {
    let b = basename(a[1] ?? '');
    if (a[2] && b.endsWith(a[2])) b = b.slice(0, -a[2].length);
    io.out(b + '\n');
    return 0;
  },
  dirname: (a, io) => {
    io.out(dirname(a[1] ?? '.') + '\n');
    return 0;
  },
  clear: (_a, io) => {
    io.out('\x1b[H\x1b[J');
    return 0;
  },
  test: () => 0,
};

/** Every program the shell runs in-process, by name (no prototype: only these names are found). */
export const APPLET_IMPLS: Record<string, Applet> = Object.assign(Object.create(null) as Record<string, Applet>, CORE_APPLETS, PACKAGE_PROGRAMS);
