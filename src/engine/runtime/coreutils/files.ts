/**
 * File applets: ls cat cp mv rm rmdir mkdir touch chmod chown ln readlink realpath stat install mktemp du df
 * basename dirname pwd, with busybox's flags and messages.
 */
import type { Applet } from './types';
import { ENOENT, MONTHS, modeString, p2, splitFlags } from './types';
import { appendFile, basename, copy, decodeText, dirname, mkdirp, resolvePath, rmrf } from '../fs-helpers';

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

const pwd: Applet = (_a, io, e) => {
  io.out(e.cwd + '\n');
  return 0;
};

const basenameApplet: Applet = (a, io) => {
  let b = basename(a[1] ?? '');
  if (a[2] && b.endsWith(a[2]) && b !== a[2]) b = b.slice(0, -a[2].length);
  io.out(b + '\n');
  return 0;
};

const dirnameApplet: Applet = (a, io) => {
  io.out(dirname(a[1] ?? '.') + '\n');
  return 0;
};

export const FILE_APPLETS: Record<string, Applet> = { ls, cat, mkdir, rm, cp, mv, touch, chmod, pwd, basename: basenameApplet, dirname: dirnameApplet };
