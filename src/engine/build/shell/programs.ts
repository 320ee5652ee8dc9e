/**
 * Simulated programs for RUN: shell builtins and the everyday file utilities. Package managers and
 * toolchains live in packages.ts. Each program edits the UnionFs, writes output, and spends simulated time.
 */
import { FsError } from '../../fs/union';
import { basename, dirname, joinPath, normalizePath } from '../../fs/path';
import { nodeBytes } from '../../fs/node';
import type { ProcCtx, Program } from './interp';
import { ExitSignal } from './interp';
import { PACKAGE_PROGRAMS } from './packages';
import { lookupGroup, lookupUser } from './users';
import { table } from './table';

const dec = new TextDecoder();

/** Splits `-abc` style short flags and `--long` flags from operands (stops at `--`). */
export function getopt(args: string[], withValue = ''): { flags: Set<string>; values: Map<string, string>; operands: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) values.set(a.slice(2, eq), a.slice(eq + 1));
      else flags.add(a.slice(2));
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          const v = a.slice(j + 1) || args[++i] || '';
          values.set(f, v);
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

function fsErr(p: ProcCtx, tool: string, e: unknown, what: string): number {
  if (e instanceof FsError) {
    p.err(`${tool}: ${what}: ${e.text}\n`);
    return 1;
  }
  throw e;
}

const cwdOf = (p: ProcCtx) => p.sh.cwd;

// ---------- builtins ----------

const echo: Program = (p) => {
  let args = p.argv.slice(1);
  let newline = true;
  let escapes = p.sh.flavor !== 'bash';
  while (args.length && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    if (args[0].includes('E')) escapes = false;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = unescape(text);
  }
  p.out(text + (newline ? '\n' : ''));
  return 0;
};

function unescape(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|[abfnrtv\\])/g, (_m, c: string) => {
    if (c[0] === '0') return String.fromCharCode(parseInt(c, 8) || 0);
    return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' } as Record<string, string>)[c];
  });
}

const printf: Program = (p) => {
  const [fmt = '', ...args] = p.argv.slice(1);
  let out = '';
  let ai = 0;
  do {
    out += fmt.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([sdibxXoc%])|\\(0[0-7]{0,3}|[abfnrtv\\"])/g, (m, _w: string, conv: string, esc: string) => {
      if (esc !== undefined) return unescape('\\' + esc).replace('\\"', '"');
      if (conv === '%') return '%';
      const a = args[ai++] ?? '';
      const width = Number((_w.match(/\d+/) ?? ['0'])[0]);
      const left = _w.includes('-');
      let v: string;
      if (conv === 'd' || conv === 'i') v = String(parseInt(a, 10) || 0);
      else if (conv === 'x') v = (parseInt(a, 10) || 0).toString(16);
      else if (conv === 'X') v = (parseInt(a, 10) || 0).toString(16).toUpperCase();
      else if (conv === 'o') v = (parseInt(a, 10) || 0).toString(8);
      else if (conv === 'c') v = a.slice(0, 1);
      else if (conv === 'b') v = unescape(a);
      else v = a;
      void m;
      return left ? v.padEnd(width) : v.padStart(width, _w.includes('0') && conv !== 's' ? '0' : ' ');
    });
  } while (ai > 0 && ai < args.length);
  p.out(out);
  return 0;
};

const cd: Program = (p) => {
  const target = p.argv[1] ?? p.sh.vars.get('HOME') ?? '/';
  const path = normalizePath(target, p.sh.cwd);
  const st = p.sh.fs.stat(path);
  if (!st) {
    p.err(p.sh.flavor === 'dash' ? `${p.sh.shellPath}: 1: cd: can't cd to ${target}\n` : `${p.sh.shellPath}: cd: can't cd to ${target}: No such file or directory\n`);
    return 2;
  }
  if (st.type !== 'dir') {
    p.err(`${p.sh.shellPath}: cd: can't cd to ${target}: Not a directory\n`);
    return 2;
  }
  p.sh.cwd = path;
  p.sh.vars.set('PWD', path);
  return 0;
};

const exportB: Program = (p) => {
  for (const a of p.argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) p.sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return 0;
};

const unset: Program = (p) => {
  for (const a of p.argv.slice(1)) if (!a.startsWith('-')) p.sh.vars.delete(a);
  return 0;
};

const set: Program = (p) => {
  for (const a of p.argv.slice(1)) {
    if (/^[-+][a-z]+$/.test(a)) {
      const on = a[0] === '-';
      if (a.includes('e')) p.sh.errexit = on;
      if (a.includes('x')) p.sh.xtrace = on;
    } else if (a === '-o' || a === '+o' || a === 'pipefail' || a === 'errexit' || a === 'nounset') {
      if (a === 'errexit') p.sh.errexit = true;
      if (a === 'pipefail' && p.sh.flavor !== 'bash' && p.sh.flavor !== 'ash') {
        p.err(`${p.sh.shellPath}: 1: set: Illegal option -o pipefail\n`);
        return 2;
      }
    }
  }
  return 0;
};

const exit: Program = (p) => {
  throw new ExitSignal(p.argv[1] !== undefined ? (parseInt(p.argv[1], 10) & 255) : p.sh.lastStatus);
};

const test: Program = (p) => {
  let args = p.argv.slice(1);
  if (p.argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      p.err(`${p.sh.shellPath}: [: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const evalTest = (a: string[]): boolean => {
    if (a[0] === '!') return !evalTest(a.slice(1));
    const oi = a.findIndex((x) => x === '-a' || x === '-o');
    if (oi > 0) return a[oi] === '-a' ? evalTest(a.slice(0, oi)) && evalTest(a.slice(oi + 1)) : evalTest(a.slice(0, oi)) || evalTest(a.slice(oi + 1));
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const [op, v] = a;
      const st = () => p.sh.fs.stat(v, cwdOf(p));
      switch (op) {
        case '-n': return v !== '';
        case '-z': return v === '';
        case '-e': return !!st();
        case '-f': return st()?.type === 'file';
        case '-d': return st()?.type === 'dir';
        case '-s': return (st()?.size ?? 0) > 0;
        case '-x': return !!st() && ((st()!.mode & 0o111) !== 0);
        case '-r': case '-w': return !!st();
        case '-L': case '-h': return p.sh.fs.lstat(v, cwdOf(p))?.type === 'symlink';
      }
      return false;
    }
    const [l, op, r] = a;
    switch (op) {
      case '=': case '==': return l === r;
      case '!=': return l !== r;
      case '-eq': return Number(l) === Number(r);
      case '-ne': return Number(l) !== Number(r);
      case '-lt': return Number(l) < Number(r);
      case '-le': return Number(l) <= Number(r);
      case '-gt': return Number(l) > Number(r);
      case '-ge': return Number(l) >= Number(r);
    }
    return false;
  };
  return evalTest(args) ? 0 : 1;
};

const commandB: Program = (p) => {
  const args = p.argv.slice(1);
  if (!args.length) return 0; // busybox: `command` alone does nothing
  if (args[0] === '-v' || args[0] === '-V') {
    const name = args[1] ?? '';
    if (!name) return 0;
    if (BUILTINS[name]) {
      p.out(name + '\n');
      return 0;
    }
    const w = p.sh.which(name);
    if (w) {
      p.out(w + '\n');
      return 0;
    }
    return 1;
  }
  return p.sh.exec(args, { stdin: p.stdin, out: p.out, err: p.err }, false);
};

const pwd: Program = (p) => {
  p.out(p.sh.cwd + '\n');
  return 0;
};

const evalB: Program = (p) => p.sh.runScript(p.argv.slice(1).join(' '), { stdin: p.stdin, out: p.out, err: p.err });

export const BUILTINS = table<Program>({
  cd, echo, printf, export: exportB, unset, set, exit, test, '[': test, command: commandB, pwd, eval: evalB,
  true: () => 0, false: () => 1, ':': () => 0, readonly: exportB, local: exportB, shift: () => 0, umask: () => 0, wait: () => 0, trap: () => 0,
  type: (p) => commandB({ ...p, argv: ['command', '-v', ...p.argv.slice(1)] }),
  source: (p) => dotB(p),
  '.': (p) => dotB(p),
});

function dotB(p: ProcCtx): number {
  const file = p.argv[1];
  if (!file) return 0;
  try {
    return p.sh.runScript(p.sh.fs.readText(file, p.sh.cwd), { stdin: p.stdin, out: p.out, err: p.err });
  } catch {
    p.err(`${p.sh.shellPath}: .: can't open '${file}'\n`);
    return 2;
  }
}

// ---------- file utilities ----------

const mkdir: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'm');
  if (!operands.length) {
    p.err('mkdir: missing operand\n');
    return 1;
  }
  let code = 0;
  const mode = values.has('m') ? parseInt(values.get('m')!, 8) : undefined;
  for (const d of operands) {
    try {
      p.sh.fs.mkdir(normalizePath(d, p.sh.cwd), { parents: flags.has('p') || flags.has('parents'), mode, uid: p.sh.uid, gid: p.sh.gid });
    } catch (e) {
      if (e instanceof FsError) {
        p.err(`mkdir: can't create directory '${d}': ${e.text}\n`);
        code = 1;
      } else throw e;
    }
  }
  p.spend(2);
  return code;
};

const touch: Program = (p) => {
  const { operands } = getopt(p.argv.slice(1), 'dtr');
  for (const f of operands) {
    try {
      p.sh.fs.touch(normalizePath(f, p.sh.cwd), { uid: p.sh.uid, gid: p.sh.gid });
    } catch (e) {
      return fsErr(p, 'touch', e, f);
    }
  }
  return 0;
};

const rm: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const recursive = flags.has('r') || flags.has('R') || flags.has('recursive');
  const force = flags.has('f') || flags.has('force');
  let code = 0;
  let bytes = 0;
  for (const f of operands) {
    const path = normalizePath(f, p.sh.cwd);
    const st = p.sh.fs.lstat(path);
    if (!st) {
      if (!force) {
        p.err(`rm: can't remove '${f}': No such file or directory\n`);
        code = 1;
      }
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      p.err(`rm: '${f}' is a directory\n`);
      code = 1;
      continue;
    }
    if (st.type === 'dir') bytes += p.sh.fs.walk(path).length;
    p.sh.fs.rm(path, { recursive, force: true });
  }
  p.spend(2 + bytes / 500);
  return code;
};

const rmdir: Program = (p) => {
  for (const f of getopt(p.argv.slice(1)).operands) {
    try {
      p.sh.fs.rmdir(normalizePath(f, p.sh.cwd));
    } catch (e) {
      return fsErr(p, 'rmdir', e, `'${f}'`);
    }
  }
  return 0;
};

const cp: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const recursive = flags.has('r') || flags.has('R') || flags.has('a') || flags.has('recursive') || flags.has('archive');
  if (operands.length < 2) {
    p.err('cp: missing destination file operand\n');
    return 1;
  }
  const dest = operands[operands.length - 1];
  const srcs = operands.slice(0, -1);
  if (srcs.length > 1 && p.sh.fs.stat(dest, p.sh.cwd)?.type !== 'dir') {
    p.err(`cp: target '${dest}' is not a directory\n`);
    return 1;
  }
  for (const s of srcs) {
    const st = p.sh.fs.stat(s, p.sh.cwd);
    if (!st) {
      p.err(`cp: can't stat '${s}': No such file or directory\n`);
      return 1;
    }
    if (st.type === 'dir' && !recursive) {
      p.err(`cp: omitting directory '${s}'\n`);
      return 1;
    }
    try {
      p.sh.fs.cp(s, dest, { recursive, preserve: flags.has('a') || flags.has('p'), cwd: p.sh.cwd });
    } catch (e) {
      return fsErr(p, 'cp', e, `'${s}'`);
    }
    p.spend(2 + (st.type === 'dir' ? p.sh.fs.du(st.path) : st.size) / 200_000);
  }
  return 0;
};

const mv: Program = (p) => {
  const { operands } = getopt(p.argv.slice(1));
  if (operands.length < 2) {
    p.err('mv: missing destination file operand\n');
    return 1;
  }
  const dest = operands[operands.length - 1];
  for (const s of operands.slice(0, -1)) {
    try {
      p.sh.fs.mv(s, dest, p.sh.cwd);
    } catch (e) {
      return fsErr(p, 'mv', e, `can't rename '${s}'`);
    }
  }
  return 0;
};

const ln: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  if (operands.length < 2) {
    p.err('ln: missing operand\n');
    return 1;
  }
  const [target, link] = operands;
  let dest = normalizePath(link, p.sh.cwd);
  if (p.sh.fs.stat(dest)?.type === 'dir' && !flags.has('n')) dest = joinPath(dest, basename(target));
  if (p.sh.fs.lstat(dest)) {
    if (flags.has('f')) p.sh.fs.rm(dest, { force: true });
    else {
      p.err(`ln: ${link}: File exists\n`);
      return 1;
    }
  }
  try {
    if (flags.has('s')) p.sh.fs.symlink(target, dest, { uid: p.sh.uid, gid: p.sh.gid });
    else {
      const st = p.sh.fs.stat(target, p.sh.cwd);
      if (!st) throw new FsError('ENOENT', target);
      p.sh.fs.putNode(dest, { ...p.sh.fs.lookupRaw(st.path)! });
    }
  } catch (e) {
    return fsErr(p, 'ln', e, link);
  }
  return 0;
};

function parseMode(spec: string, old: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    let bits = 0;
    for (const c of m[3]) {
      const b = c === 'r' ? 4 : c === 'w' ? 2 : c === 'x' || (c === 'X' && (isDir || (old & 0o111) !== 0)) ? 1 : 0;
      if (who.includes('u') || who.includes('a')) bits |= b << 6;
      if (who.includes('g') || who.includes('a')) bits |= b << 3;
      if (who.includes('o') || who.includes('a')) bits |= b;
      if (c === 's') bits |= (who.includes('u') || who.includes('a') ? 0o4000 : 0) | (who.includes('g') || who.includes('a') ? 0o2000 : 0);
      if (c === 't') bits |= 0o1000;
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else {
      let mask = 0;
      if (who.includes('u') || who.includes('a')) mask |= 0o4700;
      if (who.includes('g') || who.includes('a')) mask |= 0o2070;
      if (who.includes('o') || who.includes('a')) mask |= 0o1007;
      mode = (mode & ~mask) | bits;
    }
  }
  return mode;
}

const chmod: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1).filter((a) => !/^[-+][rwxXst]+$/.test(a) || a.startsWith('-R')), '');
  const raw = p.argv.slice(1);
  const modeArg = operands[0] ?? raw.find((a) => /^[-+][rwxXst]+$/.test(a));
  const files = operands[0] === modeArg ? operands.slice(1) : operands;
  if (!modeArg || !files.length) {
    p.err('chmod: missing operand\n');
    return 1;
  }
  for (const f of files) {
    const st = p.sh.fs.stat(f, p.sh.cwd);
    if (!st) {
      p.err(`chmod: ${f}: No such file or directory\n`);
      return 1;
    }
    const bad = parseMode(modeArg, st.mode, st.type === 'dir') === null;
    if (bad) {
      p.err(`chmod: invalid mode '${modeArg}'\n`);
      return 1;
    }
    p.sh.fs.chmod(f, (old, type) => parseMode(modeArg, old, type === 'dir') ?? old, { recursive: flags.has('R'), cwd: p.sh.cwd });
  }
  return 0;
};

const chown: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const [spec, ...files] = operands;
  if (!spec || !files.length) {
    p.err('chown: missing operand\n');
    return 1;
  }
  const [u, g] = spec.split(/[:.]/);
  const user = u ? lookupUser(p.sh.fs, u) : null;
  if (u && !user) {
    p.err(`chown: unknown user ${u}\n`);
    return 1;
  }
  let gid: number | undefined;
  if (g) {
    const grp = lookupGroup(p.sh.fs, g);
    if (!grp) {
      p.err(`chown: unknown group ${g}\n`);
      return 1;
    }
    gid = grp.gid;
  } else if (spec.endsWith(':') && user) gid = user.gid;
  for (const f of files) {
    try {
      const st = p.sh.fs.stat(f, p.sh.cwd);
      if (!st) throw new FsError('ENOENT', f);
      p.sh.fs.chown(f, user ? user.uid : st.uid, gid, { recursive: flags.has('R'), cwd: p.sh.cwd });
    } catch (e) {
      return fsErr(p, 'chown', e, f);
    }
  }
  p.spend(files.length * 2);
  return 0;
};

const cat: Program = (p) => {
  const files = getopt(p.argv.slice(1)).operands;
  if (!files.length || (files.length === 1 && files[0] === '-')) {
    p.out(p.stdin);
    return 0;
  }
  let code = 0;
  for (const f of files) {
    if (f === '-') {
      p.out(p.stdin);
      continue;
    }
    const st = p.sh.fs.stat(f, p.sh.cwd);
    if (!st) {
      p.err(`cat: can't open '${f}': No such file or directory\n`);
      code = 1;
      continue;
    }
    if (st.type === 'dir') {
      p.err(`cat: read error: Is a directory\n`);
      code = 1;
      continue;
    }
    p.out(dec.decode(nodeBytes(st, 65536)));
  }
  return code;
};

const ls: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const targets = operands.length ? operands : ['.'];
  let code = 0;
  for (const t of targets) {
    const st = p.sh.fs.stat(t, p.sh.cwd);
    if (!st) {
      p.err(`ls: ${t}: No such file or directory\n`);
      code = 1;
      continue;
    }
    const names = st.type === 'dir' ? p.sh.fs.readdir(st.path).filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.')) : [t];
    if (flags.has('l')) {
      for (const n of names) {
        const s = st.type === 'dir' ? p.sh.fs.lstat(joinPath(st.path, n))! : st;
        const t0 = s.type === 'dir' ? 'd' : s.type === 'symlink' ? 'l' : '-';
        const perm = [6, 3, 0].map((sh) => ((s.mode >> sh) & 4 ? 'r' : '-') + ((s.mode >> sh) & 2 ? 'w' : '-') + ((s.mode >> sh) & 1 ? 'x' : '-')).join('');
        p.out(`${t0}${perm}    1 ${String(s.uid).padEnd(8)} ${String(s.gid).padEnd(8)} ${String(s.size).padStart(8)} Jan  1 00:00 ${n}${s.type === 'symlink' ? ' -> ' + s.target : ''}\n`);
      }
    } else if (names.length) p.out(names.join('\n') + '\n');
  }
  return code;
};

const sleep: Program = (p) => {
  p.spend(Math.min(600, parseFloat(p.argv[1] ?? '0') || 0) * 1000);
  return 0;
};

const env: Program = (p) => {
  const args = p.argv.slice(1);
  let i = 0;
  const saved = new Map(p.sh.vars);
  while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i])) {
    const eq = args[i].indexOf('=');
    p.sh.vars.set(args[i].slice(0, eq), args[i].slice(eq + 1));
    i++;
  }
  if (i >= args.length) {
    p.out([...p.sh.vars].map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    p.sh.vars = saved;
    return 0;
  }
  try {
    return p.sh.exec(args.slice(i), { stdin: p.stdin, out: p.out, err: p.err }, true);
  } finally {
    p.sh.vars = saved;
  }
};

const shProg: Program = (p) => {
  const args = p.argv.slice(1);
  const sub = p.sh;
  const ci = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  const savedE = sub.errexit, savedX = sub.xtrace;
  for (const a of args.slice(0, ci >= 0 ? ci + 1 : args.length)) {
    if (/^-[a-z]+$/.test(a)) {
      if (a.includes('e')) sub.errexit = true;
      if (a.includes('x')) sub.xtrace = true;
    }
  }
  const saved = { cwd: sub.cwd, vars: new Map(sub.vars) };
  try {
    if (ci >= 0) return sub.runScript(args[ci + 1] ?? '', { stdin: p.stdin, out: p.out, err: p.err });
    const file = args.find((a) => !a.startsWith('-'));
    if (!file) return sub.runScript(p.stdin, { stdin: '', out: p.out, err: p.err });
    let text: string;
    try {
      text = sub.fs.readText(file, sub.cwd);
    } catch {
      p.err(`${p.argv[0]}: can't open '${file}': No such file or directory\n`);
      return 2;
    }
    return sub.runScript(text, { stdin: p.stdin, out: p.out, err: p.err });
  } finally {
    sub.cwd = saved.cwd;
    sub.vars = saved.vars;
    sub.errexit = savedE;
    sub.xtrace = savedX;
  }
};

const simpleText = (text: (p: ProcCtx) => string): Program => (p) => {
  p.out(text(p));
  return 0;
};

const head: Program = (p) => {
  const { values, operands } = getopt(p.argv.slice(1), 'nc');
  const n = parseInt(values.get('n') ?? '10', 10);
  const text = operands.length ? operands.map((f) => { try { return p.sh.fs.readText(f, p.sh.cwd); } catch { return ''; } }).join('') : p.stdin;
  const lines = text.split('\n');
  const tail = p.argv[0].endsWith('tail');
  const hadNl = text.endsWith('\n');
  const body = hadNl ? lines.slice(0, -1) : lines;
  const pick = tail ? body.slice(Math.max(0, body.length - n)) : body.slice(0, n);
  p.out(pick.length ? pick.join('\n') + '\n' : '');
  return 0;
};

const grep: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'e');
  const pat = values.get('e') ?? operands.shift() ?? '';
  let re: RegExp;
  try {
    re = new RegExp(flags.has('F') ? pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pat.replace(/\\([(){}|+?])/g, '$1'), flags.has('i') ? 'i' : '');
  } catch {
    re = new RegExp(pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  const text = operands.length ? operands.map((f) => { try { return p.sh.fs.readText(f, p.sh.cwd); } catch { p.err(`grep: ${f}: No such file or directory\n`); return ''; } }).join('') : p.stdin;
  const lines = text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '');
  const hits = lines.filter((l) => re.test(l) !== flags.has('v'));
  if (!flags.has('q')) {
    if (flags.has('c')) p.out(hits.length + '\n');
    else if (hits.length) p.out(hits.join('\n') + '\n');
  }
  return hits.length ? 0 : 1;
};

const wc: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const counts = (text: string) => ({ l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(text).length });
  const want = ['l', 'w', 'c'].filter((f) => flags.has(f));
  const cols = want.length ? want : ['l', 'w', 'c'];
  // busybox wc: a single count is printed bare, several are padded to 7 columns; file names follow.
  const line = (n: Record<string, number>, name?: string) =>
    (cols.length === 1 ? String(n[cols[0]]) : cols.map((k) => String(n[k]).padStart(7)).join(' ')) + (name !== undefined ? ' ' + name : '') + '\n';
  if (!operands.length) {
    p.out(line(counts(p.stdin)));
    return 0;
  }
  const total = { l: 0, w: 0, c: 0 };
  let code = 0;
  for (const f of operands) {
    let text: string;
    try {
      text = p.sh.fs.readText(f, p.sh.cwd);
    } catch {
      p.err(`wc: ${f}: No such file or directory\n`);
      code = 1;
      continue;
    }
    const n = counts(text);
    total.l += n.l;
    total.w += n.w;
    total.c += n.c;
    p.out(line(n, f));
  }
  if (operands.length > 1) p.out(line(total, 'total'));
  return code;
};

const sed: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'e');
  const script = values.get('e') ?? operands.shift() ?? '';
  const m = /^s(.)(.*?)\1(.*?)\1([gI]*)$/.exec(script);
  const apply = (t: string) => {
    if (!m) return t;
    let re: RegExp;
    try {
      re = new RegExp(m[2].replace(/\\([(){}|+?])/g, '$1'), (m[4].includes('g') ? 'g' : '') + (m[4].includes('I') ? 'i' : '') + 'm');
    } catch {
      return t;
    }
    return t.replace(re, m[3].replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&'));
  };
  if (flags.has('i')) {
    for (const f of operands) {
      try {
        p.sh.fs.writeFile(normalizePath(f, p.sh.cwd), apply(p.sh.fs.readText(f, p.sh.cwd)));
      } catch {
        p.err(`sed: ${f}: No such file or directory\n`);
        return 1;
      }
    }
    return 0;
  }
  const text = operands.length ? operands.map((f) => { try { return p.sh.fs.readText(f, p.sh.cwd); } catch { return ''; } }).join('') : p.stdin;
  p.out(text.split('\n').map(apply).join('\n'));
  return 0;
};

const tee: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  for (const f of operands) {
    try {
      if (flags.has('a')) p.sh.fs.appendFile(normalizePath(f, p.sh.cwd), p.stdin);
      else p.sh.fs.writeFile(normalizePath(f, p.sh.cwd), p.stdin, { uid: p.sh.uid, gid: p.sh.gid });
    } catch (e) {
      return fsErr(p, 'tee', e, f);
    }
  }
  p.out(p.stdin);
  return 0;
};

const whichP: Program = (p) => {
  let code = 0;
  for (const n of p.argv.slice(1)) {
    const w = p.sh.which(n);
    if (w) p.out(w + '\n');
    else code = 1;
  }
  return code;
};

const idP: Program = (p) => {
  const { flags } = getopt(p.argv.slice(1));
  const u = lookupUser(p.sh.fs, String(p.sh.uid));
  const name = u?.name ?? String(p.sh.uid);
  if (flags.has('u')) p.out((flags.has('n') ? name : String(p.sh.uid)) + '\n');
  else if (flags.has('g')) p.out(String(p.sh.gid) + '\n');
  else p.out(`uid=${p.sh.uid}(${name}) gid=${p.sh.gid}(${lookupGroup(p.sh.fs, String(p.sh.gid))?.name ?? p.sh.gid})\n`);
  return 0;
};

const find: Program = (p) => {
  const args = p.argv.slice(1);
  const roots: string[] = [];
  let i = 0;
  while (i < args.length && !args[i].startsWith('-')) roots.push(args[i++]);
  if (!roots.length) roots.push('.');
  let name: string | null = null;
  let type: string | null = null;
  let del = false;
  for (; i < args.length; i++) {
    if (args[i] === '-name') name = args[++i];
    else if (args[i] === '-type') type = args[++i];
    else if (args[i] === '-delete') del = true;
    else if (args[i] === '-exec') break;
  }
  const out: string[] = [];
  let status = 0;
  for (const r of roots) {
    if (!p.sh.fs.lstat(r, p.sh.cwd)) {
      p.err(`find: ${r}: No such file or directory\n`);
      status = 1;
      continue;
    }
    for (const { path, node } of p.sh.fs.walk(r, p.sh.cwd)) {
      if (name && !globName(name, basename(path))) continue;
      if (type && ((type === 'f' && node.type !== 'file') || (type === 'd' && node.type !== 'dir') || (type === 'l' && node.type !== 'symlink'))) continue;
      const abs = normalizePath(r, p.sh.cwd);
      const shown = r.startsWith('/') ? path : (r === '.' ? '.' : r) + path.slice(abs === '/' ? 0 : abs.length);
      out.push(shown);
    }
  }
  if (del) for (const f of out.reverse()) p.sh.fs.rm(normalizePath(f, p.sh.cwd), { recursive: true, force: true });
  else if (out.length) p.out(out.join('\n') + '\n');
  return status;
};

/** tr's SET syntax: ranges (a-z), classes ([:upper:] …) and backslash escapes, expanded to a character list. */
function trSet(spec: string): string[] {
  const classes: Record<string, string> = { '[:upper:]': 'A-Z', '[:lower:]': 'a-z', '[:digit:]': '0-9', '[:alpha:]': 'A-Za-z', '[:alnum:]': 'A-Za-z0-9', '[:space:]': ' \t\n\r\v\f' };
  for (const [k, v] of Object.entries(classes)) spec = spec.split(k).join(v);
  const chars = [...unescape(spec)];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const from = chars[i].codePointAt(0)!;
      const to = chars[i + 2].codePointAt(0)!;
      for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}

function globName(pat: string, name: string): boolean {
  const re = new RegExp('^' + pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name);
}

const mktemp: Program = (p) => {
  const { flags } = getopt(p.argv.slice(1));
  const path = `/tmp/tmp.${p.sh.sha256(p.sh.seed + p.sh.elapsed).slice(0, 10)}`;
  if (flags.has('d')) p.sh.fs.mkdirp(path);
  else p.sh.fs.writeFile(path, '');
  p.out(path + '\n');
  return 0;
};

const tar: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'fC');
  const file = values.get('f');
  if (flags.has('c') && file) {
    let size = 0;
    for (const o of operands) size += p.sh.fs.du(o, p.sh.cwd);
    p.sh.fs.writeFile(normalizePath(file, p.sh.cwd), { seed: `tar:${file}:${size}`, size: Math.round(size * (flags.has('z') ? 0.35 : 1.02)) + 10240 });
    p.spend(size / 100_000);
  }
  return 0;
};

export const PROGRAMS = table<Program>({
  sh: shProg, ash: shProg, dash: shProg, bash: shProg, busybox: (p) => (p.argv.length > 1 ? p.sh.exec(p.argv.slice(1), { stdin: p.stdin, out: p.out, err: p.err }, true) : 0),
  echo, printf, mkdir, touch, rm, rmdir, cp, mv, ln, chmod, chown, cat, ls, sleep, env, head, tail: head, grep, egrep: grep, wc, sed, tee, find, mktemp, tar,
  pwd, true: () => 0, false: () => 1, test, '[': test, which: whichP, id: idP,
  whoami: (p) => { p.out((lookupUser(p.sh.fs, String(p.sh.uid))?.name ?? String(p.sh.uid)) + '\n'); return 0; },
  uname: simpleText((p) => (p.argv.includes('-m') ? 'x86_64\n' : p.argv.includes('-a') ? 'Linux buildkitsandbox 6.10.14-linuxkit #1 SMP x86_64 GNU/Linux\n' : 'Linux\n')),
  nproc: simpleText(() => '2\n'),
  hostname: simpleText(() => 'buildkitsandbox\n'),
  date: simpleText((p) => new Date(p.sh.now + p.sh.elapsed).toUTCString().replace(/GMT$/, 'UTC') + '\n'),
  basename: simpleText((p) => basename(p.argv[1] ?? '') + '\n'),
  dirname: simpleText((p) => dirname(normalizePath(p.argv[1] ?? '.', '/')).replace(/^\/$/, p.argv[1]?.startsWith('/') ? '/' : '.') + '\n'),
  yes: simpleText(() => 'y\n'.repeat(100)),
  seq: simpleText((p) => { const a = p.argv.slice(1).map(Number); const [from, to] = a.length > 1 ? [a[0], a[a.length - 1]] : [1, a[0] ?? 0]; const o: number[] = []; for (let i = from; i <= to && o.length < 10000; i++) o.push(i); return o.length ? o.join('\n') + '\n' : ''; }),
  xargs: (p) => { const args = p.stdin.split(/\s+/).filter(Boolean); const cmd = p.argv.slice(1); return p.sh.exec([...(cmd.length ? cmd : ['echo']), ...args], { stdin: '', out: p.out, err: p.err }, true); },
  sort: (p) => { const lines = p.stdin.split('\n').filter(Boolean).sort(); p.out(lines.length ? lines.join('\n') + '\n' : ''); return 0; },
  uniq: (p) => { const lines = p.stdin.split('\n').filter(Boolean).filter((l, i, a) => l !== a[i - 1]); p.out(lines.length ? lines.join('\n') + '\n' : ''); return 0; },
  tr: (p) => {
    const { flags, operands } = getopt(p.argv.slice(1));
    const set1 = trSet(operands[0] ?? '');
    const set2 = trSet(operands[1] ?? '');
    let out = '';
    for (const ch of p.stdin) {
      const i = set1.indexOf(ch);
      if (flags.has('d')) {
        if (i < 0) out += ch;
      } else out += i < 0 ? ch : set2[Math.min(i, set2.length - 1)] ?? ch;
    }
    p.out(out);
    return 0;
  },
  install: (p) => { const { flags, values, operands } = getopt(p.argv.slice(1), 'mog'); if (flags.has('d')) { for (const d of operands) p.sh.fs.mkdirp(normalizePath(d, p.sh.cwd)); return 0; } return cp({ ...p, argv: ['cp', ...operands] }) || (values.has('m') ? chmod({ ...p, argv: ['chmod', values.get('m')!, operands[operands.length - 1]] }) : 0); },
  ...PACKAGE_PROGRAMS,
});
