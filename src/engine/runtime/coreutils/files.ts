/**
 * File applets: ls cat cp mv rm rmdir mkdir touch chmod chown ln readlink realpath stat install mktemp du df
 * basename dirname pwd, with busybox's flags and messages.
 */
import type { Applet } from './types';
import type { FsStat } from '../process';
import { ENOENT, isStdin, MONTHS, modeString, p2, splitFlags, strerror } from './types';
import { appendFile, basename, copy, decodeText, dirname, mkdirp, realPath, resolvePath, rmrf, walk } from '../fs-helpers';
import { onDevTmpfs } from '../devices';
import { fsReader, groupName, lookupGroup, lookupUser } from '../users';

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

/** A uid's or gid's name from /etc/passwd or /etc/group, else the number. */
function ownerName(e: { fs: import('../process').ProcessFs }, id: number, kind: 'user' | 'group'): string {
  const read = fsReader(e.fs);
  // Every image names id 0 root; a filesystem without the files (a bare test one) still shows it so.
  if (kind === 'group') return groupName(read, id) ?? (id === 0 ? 'root' : String(id));
  for (const l of (read('/etc/passwd') ?? '').split('\n')) {
    const f = l.split(':');
    if (f.length > 2 && Number(f[2]) === id && f[2] !== '') return f[0];
  }
  return id === 0 ? 'root' : String(id);
}

const ls: Applet = (argv, io, e) => {
  /** A directory's link count: its own name, its `.` and each subdirectory's `..`. */
  const links = (dir: string) => 2 + (e.fs.readdir(dir) ?? []).filter((n) => e.fs.lstat?.(`${dir === '/' ? '' : dir}/${n}`)?.type === 'dir').length;
  const { flags, rest } = splitFlags(argv.slice(1).filter((a) => a !== '-1'), 'laA1hRdF');
  if (argv.includes('-1')) flags.add('1');
  const all = flags.has('a');
  const almost = flags.has('A');
  const long = flags.has('l');
  const targets = rest.length ? rest : ['.'];
  let status = 0;
  const fileLines: string[] = [];
  const files: string[] = [];
  const dirs: string[] = [];
  const entryLine = (name: string, path: string): string => {
    const st = (e.fs.lstat ?? e.fs.stat).call(e.fs, path);
    if (!st) return name;
    if (!long) return name + (flags.has('F') && st.type === 'dir' ? '/' : '');
    const owner = ownerName(e, st.uid ?? 0, 'user').padEnd(8);
    const group = ownerName(e, st.gid ?? 0, 'group').padEnd(8);
    const link = st.type === 'symlink' ? ` -> ${e.fs.readlink?.(path) ?? ''}` : '';
    // A device shows its numbers where the size goes; /dev's tmpfs directories their own sizes.
    const size = st.device ? `${String(st.device.major).padStart(4)}, ${String(st.device.minor).padStart(3)}` : String(st.type === 'dir' && !onDevTmpfs(path) ? 4096 : st.size);
    return `${modeString(st)} ${String(st.type === 'dir' ? links(path) : 1).padStart(4)} ${owner} ${group} ${size.padStart(9)} ${lsDate(st.mtimeMs, e.now())} ${name}${link}`;
  };
  for (const t of targets) {
    const p = resolvePath(e.cwd, t);
    // With -l a link whose target is missing (/dev/stdout -> /proc/self/fd/1 here) is still listed, as BusyBox does.
    const st = e.fs.stat(p) ?? (long ? e.fs.lstat?.(p) : null);
    if (!st) {
      io.err(`ls: ${t}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !flags.has('d')) dirs.push(t);
    else files.push(t);
  }
  // Missing operands are reported in the order given; the others are listed sorted by name, files first.
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  dirs.sort(byName);
  for (const t of files.sort(byName)) fileLines.push(entryLine(t, resolvePath(e.cwd, t)));
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
        const sp = n === '.' ? p : n === '..' ? dirname(p) : `${p === '/' ? '' : p}/${n}`;
        const s = e.fs.stat(sp);
        if (s) blocks += s.type === 'dir' ? (onDevTmpfs(sp) ? 0 : 4) : Math.ceil(s.size / 4096) * 4;
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
    if (isStdin(e, f)) {
      io.out(await io.readStdin());
      continue;
    }
    const p = resolvePath(e.cwd, f);
    const st = e.fs.stat(p);
    const data = st?.type === 'dir' ? null : e.fs.readFile(p);
    if (!st || (!data && st.type === 'char')) {
      io.err(`cat: can't open '${f}': ${st ? strerror('ENXIO') : ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir') {
      io.err(`cat: read error: Is a directory\n`);
      status = 1;
      continue;
    }
    io.out(decodeText(data ?? new Uint8Array()));
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
      io.err(`mkdir: can't create directory '${d}': ${r === 'EEXIST' || r === 'EROFS' ? strerror(r) : ENOENT}\n`);
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
      io.err(`rm: can't remove '${f}': ${strerror(r)}\n`);
      status = 1;
    }
  }
  return status;
};

/**
 * cp and mv: `SOURCE... DEST`, where DEST is an existing directory that takes each source under its basename, or
 * the new name of the one source. `each` handles one source (as typed, resolved, and where it goes); returns 0 or 1.
 */
function toDestination(
  argv: string[],
  [io, e]: [Parameters<Applet>[1], Parameters<Applet>[2]],
  known: string,
  usage: string,
  each: (typed: string, from: string, to: string, flags: Set<string>, destTyped: string) => number,
): number {
  const { flags, rest } = splitFlags(argv.slice(1), known);
  if (rest.length < 2) {
    io.err(`BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ${usage}\n`);
    return 1;
  }
  const dest = resolvePath(e.cwd, rest[rest.length - 1]);
  const destIsDir = e.fs.stat(dest)?.type === 'dir';
  let status = 0;
  for (const s of rest.slice(0, -1)) {
    const sp = resolvePath(e.cwd, s);
    status |= each(s, sp, destIsDir ? `${dest === '/' ? '' : dest}/${basename(sp)}` : dest, flags, rest[rest.length - 1]);
  }
  return status;
}

const cp: Applet = (argv, io, e) =>
  toDestination(argv, [io, e], 'rRafpv', 'cp [-arPLHpfinlsTu] SOURCE DEST', (s, sp, target, flags, destTyped) => {
    const st = e.fs.stat(sp);
    if (!st) {
      io.err(`cp: can't stat '${s}': ${ENOENT}\n`);
      return 1;
    }
    if (st.type === 'dir' && !(flags.has('r') || flags.has('R') || flags.has('a'))) {
      io.err(`cp: omitting directory '${s}'\n`);
      return 1;
    }
    const r = copy(e.fs, sp, target);
    if (!r) return 0;
    io.err(`cp: can't create '${destTyped}': ${strerror(r)}\n`);
    return 1;
  });

const mv: Applet = (argv, io, e) =>
  toDestination(argv, [io, e], 'fin', 'mv [-fin] SOURCE DEST', (s, sp, target) => {
    const r = e.fs.stat(sp) ? e.fs.rename(sp, target) : 'ENOENT';
    if (!r) return 0;
    io.err(`mv: can't rename '${s}': ${strerror(r)}\n`);
    return 1;
  });

const touch: Applet = (argv, io, e) => {
  let status = 0;
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const p = resolvePath(e.cwd, f);
    const r = appendFile(e.fs, p, new Uint8Array());
    if (r) {
      io.err(`touch: ${f}: ${r === 'EROFS' ? strerror(r) : ENOENT}\n`);
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

/** POSIX dirname: `c.txt` -> `.`, `/a/b/` -> `/a`, `/` -> `/`. */
export function posixDirname(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  return t.slice(0, i).replace(/\/+$/, '') || '/';
}

const dirnameApplet: Applet = (a, io) => {
  if (a.length < 2) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: dirname FILENAME\n');
    return 1;
  }
  io.out(posixDirname(a[1]) + '\n');
  return 0;
};

const rmdir: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'p');
  let status = 0;
  for (const d of rest) {
    let p = resolvePath(e.cwd, d);
    for (;;) {
      const st = e.fs.lstat?.(p) ?? e.fs.stat(p);
      const r = !st ? 'ENOENT' : st.type !== 'dir' ? 'ENOTDIR' : e.fs.rm(p);
      if (r) {
        io.err(`rmdir: '${d}': ${r === 'ENOTEMPTY' || r === 'ENOTDIR' || r === 'EBUSY' ? strerror(r) : ENOENT}\n`);
        status = 1;
        break;
      }
      if (!flags.has('p') || dirname(p) === p || !d.includes('/')) break;
      p = dirname(p);
      if (p === resolvePath(e.cwd, '.')) break;
    }
  }
  return status;
};

const ln: Applet = (argv, io, e) => {
  const { flags, rest, bad } = splitFlags(argv.slice(1), 'sfnvT');
  if (bad || rest.length < 1) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n');
    return 1;
  }
  const targets = rest.length === 1 ? rest : rest.slice(0, -1);
  const last = rest.length === 1 ? '.' : rest[rest.length - 1];
  const lastAbs = resolvePath(e.cwd, last);
  const intoDir = !flags.has('n') && e.fs.stat(lastAbs)?.type === 'dir' && (rest.length > 2 || rest.length === 1 || !flags.has('T'));
  let status = 0;
  for (const t of targets) {
    const linkAbs = intoDir ? `${lastAbs === '/' ? '' : lastAbs}/${basename(t)}` : lastAbs;
    const linkName = intoDir ? `${last.replace(/\/+$/, '')}/${basename(t)}` : last;
    const existing = e.fs.lstat?.(linkAbs) ?? e.fs.stat(linkAbs);
    if (existing) {
      if (!flags.has('f')) {
        io.err(`ln: ${linkName}: File exists\n`);
        status = 1;
        continue;
      }
      if (existing.type === 'dir') {
        io.err(`ln: ${linkName}: Is a directory\n`);
        status = 1;
        continue;
      }
      e.fs.rm(linkAbs);
    }
    if (flags.has('s')) {
      const r = e.fs.symlink ? e.fs.symlink(t, linkAbs) : 'EINVAL';
      if (r) {
        io.err(`ln: ${linkName}: ${r === 'ENOENT' ? ENOENT : r}\n`);
        status = 1;
      }
      continue;
    }
    // A hard link shares the file; Layerlab's filesystem has no inodes, so the link is a copy of the file.
    const src = resolvePath(e.cwd, t);
    const st = e.fs.stat(src);
    if (!st) {
      io.err(`ln: ${t}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir') {
      io.err(`ln: ${t}: hard link not allowed for directory\n`);
      status = 1;
      continue;
    }
    const r = copy(e.fs, src, linkAbs);
    if (r) {
      io.err(`ln: ${linkName}: ${r === 'ENOENT' ? ENOENT : r}\n`);
      status = 1;
    }
  }
  return status;
};

const readlink: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'fenqsv');
  let status = 0;
  for (const f of rest) {
    const p = resolvePath(e.cwd, f);
    if (flags.has('f') || flags.has('e')) {
      const c = realPath(e.fs, p, flags.has('f'));
      if (c === null) status = 1;
      else io.out(c + (flags.has('n') ? '' : '\n'));
      continue;
    }
    const t = e.fs.readlink?.(p);
    if (t === null || t === undefined) status = 1;
    else io.out(t + (flags.has('n') ? '' : '\n'));
  }
  return status;
};

const realpath: Applet = (argv, io, e) => {
  let status = 0;
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const c = realPath(e.fs, resolvePath(e.cwd, f), true);
    if (c === null) {
      io.err(`realpath: ${f}: ${ENOENT}\n`);
      status = 1;
    } else io.out(c + '\n');
  }
  return status;
};

function fileType(st: FsStat): string {
  if (st.type === 'char') return 'character special file';
  return st.type === 'dir' ? 'directory' : st.type === 'symlink' ? 'symbolic link' : st.size === 0 ? 'regular empty file' : 'regular file';
}

function statTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;
}

const stat: Applet = (argv, io, e) => {
  const args = argv.slice(1);
  let format: string | null = null;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') format = args[++i] ?? '';
    else if (args[i].startsWith('-c')) format = args[i].slice(2);
    else if (args[i] === '-L') follow = true;
    else if (args[i].startsWith('-')) continue;
    else files.push(args[i]);
  }
  if (!files.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: stat [-ltf] [-c FMT] FILE...\n');
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const p = resolvePath(e.cwd, f);
    const st = follow ? e.fs.stat(p) : (e.fs.lstat?.(p) ?? e.fs.stat(p));
    if (!st) {
      io.err(`stat: can't stat '${f}': ${ENOENT}\n`);
      status = 1;
      continue;
    }
    const size = st.type === 'dir' ? 4096 : st.size;
    const blocks = st.type === 'dir' ? 8 : Math.ceil(st.size / 4096) * 8;
    const link = st.type === 'symlink' ? ` -> '${e.fs.readlink?.(p) ?? ''}'` : '';
    if (format === null) {
      io.out(
        `  File: '${f}'${link}\n  Size: ${String(size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${fileType(st)}\nAccess: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid ?? 0).padStart(5)}/${ownerName(e, st.uid ?? 0, 'user').padStart(8)})   Gid: (${String(st.gid ?? 0).padStart(5)}/${ownerName(e, st.gid ?? 0, 'group').padStart(8)})\nModify: ${statTime(st.mtimeMs)}\n`,
      );
      continue;
    }
    io.out(
      format.replace(/%([%aAbBdfFgGhilnNosStTuUwWxXyYzZ])/g, (_m, c: string) => {
        switch (c) {
          case '%':
            return '%';
          case 'a':
            return (st.mode & 0o7777).toString(8);
          case 'A':
            return modeString(st);
          case 'b':
            return String(blocks);
          case 'B':
            return '512';
          case 'F':
            return fileType(st);
          case 'n':
            return f;
          case 'N':
            return `'${f}'${link}`;
          case 's':
            return String(size);
          case 'u':
            return String(st.uid ?? 0);
          case 'g':
            return String(st.gid ?? 0);
          case 'U':
            return ownerName(e, st.uid ?? 0, 'user');
          case 'G':
            return ownerName(e, st.gid ?? 0, 'group');
          case 'h':
            return st.type === 'dir' ? '2' : '1';
          case 'y':
            return statTime(st.mtimeMs);
          case 'Y':
            return String(Math.floor(st.mtimeMs / 1000));
          case 'o':
            return '4096';
          default:
            return '?';
        }
      }) + '\n',
    );
  }
  return status;
};

function parseModeArg(spec: string, old: number): number | null {
  if (/^[0-7]+$/.test(spec)) return parseInt(spec, 8);
  let m = old;
  for (const part of spec.split(',')) {
    const sm = /^([ugoa]*)([+\-=])([rwxXst]*)$/.exec(part);
    if (!sm) return null;
    const who = sm[1] || 'a';
    let bits = 0;
    for (const c of sm[3]) bits |= c === 'r' ? 4 : c === 'w' ? 2 : c === 'x' || c === 'X' ? 1 : 0;
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= bits << 6;
    if (who.includes('g') || who.includes('a')) mask |= bits << 3;
    if (who.includes('o') || who.includes('a')) mask |= bits;
    m = sm[2] === '+' ? m | mask : sm[2] === '-' ? m & ~mask : (m & ~(who.includes('a') ? 0o777 : (who.includes('u') ? 0o700 : 0) | (who.includes('g') ? 0o70 : 0) | (who.includes('o') ? 0o7 : 0))) | mask;
  }
  return m;
}

const install: Applet = (argv, io, e) => {
  const args = argv.slice(1);
  let mode = 0o755;
  let dirs = false;
  let parents = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-m') {
      const m = parseModeArg(args[++i] ?? '', 0o755);
      if (m === null) {
        io.err(`install: invalid mode '${args[i]}'\n`);
        return 1;
      }
      mode = m;
    } else if (a === '-o' || a === '-g') i++;
    else if (/^-[dDcsvpC]+$/.test(a)) {
      if (a.includes('d')) dirs = true;
      if (a.includes('D')) parents = true;
    } else rest.push(a);
  }
  if (dirs) {
    for (const d of rest) {
      const p = resolvePath(e.cwd, d);
      const r = mkdirp(e.fs, p);
      if (r) {
        io.err(`install: can't create directory '${d}': ${r === 'EEXIST' ? 'File exists' : ENOENT}\n`);
        return 1;
      }
      e.fs.chmod?.(p, mode);
    }
    return 0;
  }
  if (rest.length < 2) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST\n');
    return 1;
  }
  const dest = resolvePath(e.cwd, rest[rest.length - 1]);
  const destIsDir = e.fs.stat(dest)?.type === 'dir';
  for (const s of rest.slice(0, -1)) {
    const sp = resolvePath(e.cwd, s);
    const data = e.fs.readFile(sp);
    if (!data) {
      io.err(`install: can't stat '${s}': ${ENOENT}\n`);
      return 1;
    }
    const target = destIsDir ? `${dest}/${basename(sp)}` : dest;
    if (parents) mkdirp(e.fs, dirname(target));
    const r = e.fs.writeFile(target, data, mode);
    if (r) {
      io.err(`install: can't create '${rest[rest.length - 1]}': ${r === 'ENOENT' ? ENOENT : r}\n`);
      return 1;
    }
    e.fs.chmod?.(target, mode);
  }
  return 0;
};

const mktemp: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1).filter((a, i, all) => a !== '-p' && all[i - 1] !== '-p'), 'dqtu');
  const pIndex = argv.indexOf('-p');
  const base = pIndex > 0 ? argv[pIndex + 1] : e.env.TMPDIR || '/tmp';
  const template = rest[0] ?? 'tmp.XXXXXX';
  if (!/X{3,}$/.test(template)) {
    io.err(`mktemp: too few X's in template '${template}'\n`);
    return 1;
  }
  const dir = template.includes('/') && pIndex < 0 && !flags.has('t') ? e.cwd : base;
  for (let attempt = 0; attempt < 100; attempt++) {
    let n = Math.floor(e.now() / 7 + attempt * 7919) >>> 0;
    const name = template.replace(/X+$/, (xs) => {
      let s = '';
      for (let i = 0; i < xs.length; i++) {
        s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[n % 62];
        n = Math.floor(n / 62) + (i + 1) * 2654435761;
        n >>>= 0;
      }
      return s;
    });
    const path = resolvePath(dir, name);
    if (e.fs.stat(path)) continue;
    if (!flags.has('u')) {
      const r = flags.has('d') ? e.fs.mkdir(path, 0o700) : e.fs.writeFile(path, new Uint8Array(), 0o600);
      if (r) {
        io.err(`mktemp: (null): ${ENOENT}\n`);
        return 1;
      }
    }
    io.out(path + '\n');
    return 0;
  }
  io.err('mktemp: (null): File exists\n');
  return 1;
};

/** Disk usage in 1 KiB blocks as a 4 KiB-block filesystem counts it. */
function usage(e: { fs: import('../process').ProcessFs }, path: string): number {
  let kb = 0;
  for (const w of walk(e.fs, path)) {
    if (w.stat.type === 'dir') kb += 4;
    else if (w.stat.type === 'file') kb += Math.ceil(w.stat.size / 4096) * 4;
  }
  return kb;
}

function human(kb: number): string {
  const units = ['K', 'M', 'G', 'T'];
  let v = kb;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)}${units[u]}`;
}

const du: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'shakmcdxl');
  const targets = rest.length ? rest : ['.'];
  let status = 0;
  let total = 0;
  const fmt = (kb: number) => (flags.has('h') ? human(kb) : flags.has('m') ? String(Math.ceil(kb / 1024)) : String(kb));
  for (const t of targets) {
    const p = resolvePath(e.cwd, t);
    const st = e.fs.lstat?.(p) ?? e.fs.stat(p);
    if (!st) {
      io.err(`du: ${t}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    if (flags.has('s') || st.type !== 'dir') {
      const kb = usage(e, p);
      total += kb;
      io.out(`${fmt(kb)}\t${t}\n`);
      continue;
    }
    // Every directory, deepest first (and files with -a), each with what it holds.
    const visit = (dp: string, name: string): number => {
      let kb = 4;
      for (const c of e.fs.readdir(dp) ?? []) {
        const cp = dp === '/' ? `/${c}` : `${dp}/${c}`;
        const cst = e.fs.lstat?.(cp) ?? e.fs.stat(cp);
        if (!cst) continue;
        if (cst.type === 'dir') kb += visit(cp, `${name}/${c}`);
        else {
          const f = cst.type === 'file' ? Math.ceil(cst.size / 4096) * 4 : 0;
          kb += f;
          if (flags.has('a')) io.out(`${fmt(f)}\t${name}/${c}\n`);
        }
      }
      io.out(`${fmt(kb)}\t${name}\n`);
      return kb;
    };
    total += visit(p, t.replace(/\/+$/, '') || '/');
  }
  if (flags.has('c')) io.out(`${fmt(total)}\ttotal\n`);
  return status;
};

/**
 * df: the container's filesystems as Docker Desktop's VM shows them: the overlay root sized by the VM's disk, with
 * what the container's files use, and the tmpfs mounts Docker adds.
 */
const df: Applet = (argv, io, e) => {
  const { flags } = splitFlags(argv.slice(1), 'hkmPTai');
  const used = usage(e, '/');
  const rows: [string, number, number, string][] = [
    ['overlay', 61_202_244, 9_415_232 + used, '/'],
    ['tmpfs', 65_536, 0, '/dev'],
    ['shm', 65_536, 0, '/dev/shm'],
    ['/dev/vda1', 61_202_244, 9_415_232, '/etc/hosts'],
  ];
  const fmt = (kb: number) => (flags.has('h') ? human(kb).replace(/\.0([KMGT])$/, '$1') : String(kb));
  io.out(flags.has('h') ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n');
  for (const [fs, size, u, mount] of rows) {
    const avail = size - u;
    const pct = `${Math.ceil((u / size) * 100)}%`;
    if (flags.has('h')) io.out(`${fs.padEnd(20)}${fmt(size).padStart(10)}${fmt(u).padStart(10)}${fmt(avail).padStart(10)}${pct.padStart(5)} ${mount}\n`);
    else io.out(`${fs.padEnd(20)}${String(size).padStart(10)}${String(u).padStart(10)}${String(avail).padStart(10)}${pct.padStart(5)} ${mount}\n`);
  }
  return 0;
};

const chown: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'RhfvcLHP');
  const [spec, ...files] = rest;
  if (!spec || !files.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n');
    return 1;
  }
  const read = fsReader(e.fs);
  const [u, g] = spec.split(/[:.]/);
  const user = u ? lookupUser(read, u) : null;
  if (u && !user) {
    io.err(`chown: unknown user ${u}\n`);
    return 1;
  }
  const group = g ? lookupGroup(read, g) : null;
  if (g && !group) {
    io.err(`chown: unknown group ${g}\n`);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const p = resolvePath(e.cwd, f);
    if (!e.fs.stat(p)) {
      io.err(`chown: ${f}: ${ENOENT}\n`);
      status = 1;
      continue;
    }
    const paths = flags.has('R') ? walk(e.fs, p).map((w) => w.path) : [p];
    for (const q of paths) e.fs.chown?.(q, user?.uid ?? 0, group?.gid ?? user?.gid ?? 0);
  }
  return status;
};

export const FILE_APPLETS: Record<string, Applet> = {
  ...{ ls, cat, mkdir, rm, rmdir, cp, mv, touch, chmod, chown, ln, readlink, realpath, stat, install, mktemp, du, df, pwd },
  basename: basenameApplet,
  dirname: dirnameApplet,
};
