/**
 * Runs a parsed shell script against a UnionFs: variable expansion, field splitting, globbing, pipelines,
 * redirections, `&&`/`||`, `set -e`/`-x`, `cd`, `exit`, PATH lookup (commands not in the image's PATH fail
 * with exit 127 like the image's real shell) and dispatch to simulated programs. Simulated time is
 * accumulated, not waited for.
 */
import { FsError, type UnionFs } from '../../fs/union';
import { normalizePath, joinPath, basename } from '../../fs/path';
import { pathMatch } from '../../images/reference';
import { parseShell, ShellSyntaxError, type Command, type List, type Pipeline, type Redirect, type SimpleCommand, type Word } from './parse';
import { PROGRAMS, BUILTINS } from './programs';

export type ShellFlavor = 'ash' | 'dash' | 'bash';

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Simulated ms since the step started. */
  t: number;
}

export interface ShellOptions {
  fs: UnionFs;
  env: Record<string, string>;
  cwd: string;
  uid: number;
  gid: number;
  /** Heredoc bodies by delimiter name (RUN <<EOF). */
  heredocs?: Map<string, { content: string; expand: boolean }>;
  /** Deterministic seed for simulated sizes and ids. */
  seed: string;
  sha256: (d: Uint8Array | string) => string;
  /** Starting simulated time. */
  now: number;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}

/** Loop iterations one RUN may make in total before the simulator calls it endless. */
export const LOOP_LIMIT = 10_000;

/** Ends the whole RUN (no shell level catches it but the outermost): its loops ran past LOOP_LIMIT. */
class LoopLimit {}

export interface IO {
  stdin: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface ProcCtx {
  sh: Shell;
  argv: string[];
  stdin: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Advances simulated time. */
  spend: (ms: number) => void;
}

export type Program = (p: ProcCtx) => number;

export class Shell {
  fs: UnionFs;
  vars: Map<string, string>;
  cwd: string;
  uid: number;
  gid: number;
  flavor: ShellFlavor;
  shellPath: string;
  heredocs: Map<string, { content: string; expand: boolean }>;
  seed: string;
  sha256: (d: Uint8Array | string) => string;
  /** Simulated elapsed ms. */
  elapsed = 0;
  /** Everything written to the build's output, in order. */
  chunks: OutputChunk[] = [];
  lastStatus = 0;
  errexit = false;
  xtrace = false;
  /** Lines of the script run so far (dash reports "1:" line numbers; we use 1). */
  private condDepth = 0;
  now: number;

  constructor(o: ShellOptions) {
    this.fs = o.fs;
    this.vars = new Map(Object.entries(o.env));
    if (!this.vars.has('PATH')) this.vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    if (!this.vars.has('HOME')) this.vars.set('HOME', o.uid === 0 ? '/root' : '/home');
    this.cwd = o.cwd;
    this.uid = o.uid;
    this.gid = o.gid;
    this.heredocs = o.heredocs ?? new Map();
    this.seed = o.seed;
    this.sha256 = o.sha256;
    this.now = o.now;
    this.shellPath = '/bin/sh';
    this.flavor = detectFlavor(o.fs);
  }

  /** The top-level output sink: records chunks with their simulated time. */
  rootIO(): IO {
    return {
      stdin: '',
      out: (s) => this.emit('stdout', s),
      err: (s) => this.emit('stderr', s),
    };
  }

  private emit(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    this.chunks.push({ stream, text, t: this.elapsed });
  }

  spend(ms: number): void {
    this.elapsed += Math.max(0, Math.round(ms));
  }

  /** Deterministic pseudo-random integer in [lo, hi] for a label. */
  rand(label: string, lo: number, hi: number): number {
    const h = this.sha256(this.seed + '\0' + label);
    return lo + (parseInt(h.slice(0, 8), 16) % (hi - lo + 1));
  }

  /** "sh: foo: not found" in the image shell's words. */
  notFound(name: string): string {
    if (this.flavor === 'dash') return `${this.shellPath}: 1: ${name}: not found\n`;
    if (this.flavor === 'bash') return `${this.shellPath}: line 1: ${name}: command not found\n`;
    return `${this.shellPath}: ${name}: not found\n`;
  }

  /** Runs script text; returns the exit code. Syntax errors exit 2 with the shell's message. */
  runScript(src: string, io: IO = this.rootIO()): number {
    if (Shell.depth === 0) Shell.iterations = 0;
    // Scripts that run themselves (sh -c, sourced files, shebang scripts) end like a real shell out of stack.
    if (Shell.depth >= 64) {
      io.err(`${this.shellPath}: fork: retry: Resource temporarily unavailable\n`);
      return 2;
    }
    const top = Shell.depth === 0;
    Shell.depth++;
    try {
      return this.runScriptInner(src, io);
    } catch (e) {
      if (e instanceof LoopLimit && top) return this.loopLimitReached(io);
      throw e;
    } finally {
      Shell.depth--;
    }
  }

  /** A real build would sit on this step until cancelled; the simulator stops it and says why (exit 137). */
  private loopLimitReached(io: IO): number {
    io.err(`layerlab: stopped after ${LOOP_LIMIT.toLocaleString('en')} loop iterations: this command does not finish (docker build would wait here until you cancel it)\n`);
    return 137;
  }

  /** Nesting of runScript calls across all shells (everything runs synchronously). */
  private static depth = 0;
  /** Loop iterations of the current top-level command, across nested shells. */
  private static iterations = 0;

  private tick(): void {
    if (++Shell.iterations > LOOP_LIMIT) throw new LoopLimit();
  }

  private runScriptInner(src: string, io: IO): number {
    let list: List;
    try {
      list = parseShell(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(this.flavor === 'dash' ? `${this.shellPath}: 1: ${e.message}\n` : `${this.shellPath}: ${e.message.replace(/^Syntax error: /, 'syntax error: ')}\n`);
        return 2;
      }
      throw e;
    }
    try {
      return this.list(list, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  }

  /** Runs argv directly (exec form), no shell. */
  runArgv(argv: string[], io: IO = this.rootIO()): number {
    const top = Shell.depth === 0;
    if (top) Shell.iterations = 0;
    try {
      return this.exec(argv, io, true);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof LoopLimit && top) return this.loopLimitReached(io);
      throw e;
    }
  }

  list(l: List, io: IO): number {
    let status = 0;
    for (const item of l.items) {
      status = this.pipeline(item.first, io, item.rest.length > 0);
      let lastRan = item.rest.length === 0;
      for (let i = 0; i < item.rest.length; i++) {
        const { op, p } = item.rest[i];
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
        status = this.pipeline(p, io, i < item.rest.length - 1);
        if (i === item.rest.length - 1) lastRan = true;
      }
      this.lastStatus = status;
      // set -e: only a failing last command of an && / || list ends the shell.
      if (status !== 0 && this.errexit && this.condDepth === 0 && lastRan) throw new ExitSignal(status);
    }
    return status;
  }

  private pipeline(p: Pipeline, io: IO, inCondition: boolean): number {
    if (inCondition) this.condDepth++;
    try {
      let status = 0;
      if (p.commands.length === 1) status = this.command(p.commands[0], io);
      else {
        let input = io.stdin;
        for (let i = 0; i < p.commands.length; i++) {
          const last = i === p.commands.length - 1;
          let buf = '';
          const sub: IO = { stdin: input, out: last ? io.out : (s) => (buf += s), err: io.err };
          try {
            status = this.command(p.commands[i], sub);
          } catch (e) {
            if (!(e instanceof ExitSignal) || last) throw e;
            status = e.code;
          }
          input = buf;
        }
      }
      if (p.negate) status = status === 0 ? 1 : 0;
      return status;
    } finally {
      if (inCondition) this.condDepth--;
    }
  }

  private command(c: Command, io: IO): number {
    switch (c.type) {
      case 'simple':
        return this.simple(c, io);
      case 'subshell': {
        const saved = { cwd: this.cwd, vars: new Map(this.vars), errexit: this.errexit };
        const rio = this.redirect(c.redirects, io);
        if (!rio) return 1;
        try {
          return this.list(c.body, rio);
        } catch (e) {
          if (e instanceof ExitSignal) return e.code;
          throw e;
        } finally {
          this.cwd = saved.cwd;
          this.vars = saved.vars;
          this.errexit = saved.errexit;
        }
      }
      case 'group': {
        const rio = this.redirect(c.redirects, io);
        return rio ? this.list(c.body, rio) : 1;
      }
      case 'if': {
        const rio = this.redirect(c.redirects, io);
        if (!rio) return 1;
        for (const cl of c.clauses) {
          this.condDepth++;
          let ok: number;
          try {
            ok = this.list(cl.cond, rio);
          } finally {
            this.condDepth--;
          }
          if (ok === 0) return this.list(cl.body, rio);
        }
        return c.elseBody ? this.list(c.elseBody, rio) : 0;
      }
      case 'for': {
        const rio = this.redirect(c.redirects, io);
        if (!rio) return 1;
        const items = c.items ? c.items.flatMap((w) => this.expand(w)) : [];
        let status = 0;
        for (const it of items) {
          this.tick();
          this.vars.set(c.name, it);
          status = this.list(c.body, rio);
        }
        return status;
      }
      case 'while': {
        const rio = this.redirect(c.redirects, io);
        if (!rio) return 1;
        let status = 0;
        for (;;) {
          this.tick();
          this.condDepth++;
          let r: number;
          try {
            r = this.list(c.cond, rio);
          } finally {
            this.condDepth--;
          }
          if ((r === 0) === c.until) break;
          status = this.list(c.body, rio);
        }
        return status;
      }
    }
  }

  private simple(c: SimpleCommand, io: IO): number {
    const assigns = c.assigns.map((a) => [a.name, this.expand(a.value, false).join(' ')] as const);
    const argv = c.words.flatMap((w) => this.expand(w));
    if (this.xtrace) io.err('+ ' + [...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ') + '\n');
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      const rio = this.redirect(c.redirects, io);
      return rio ? 0 : 1;
    }
    const rio = this.redirect(c.redirects, io);
    if (!rio) return 1;
    if (assigns.length === 0) return this.exec(argv, rio, false);
    const saved = new Map(this.vars);
    for (const [k, v] of assigns) this.vars.set(k, v);
    try {
      return this.exec(argv, rio, false);
    } finally {
      // Assignments before a command apply to that command only (except for special builtins; we keep it simple).
      if (!BUILTINS[argv[0]] || argv[0] === 'env') this.vars = saved;
    }
  }

  /** Applies redirections; null (after printing the error) when a target cannot be opened. */
  private redirect(rs: Redirect[], io: IO): IO | null {
    let cur: IO = { ...io };
    for (const r of rs) {
      if (r.op === '<<' || r.op === '<<-') {
        const h = this.heredocs.get(r.heredoc ?? '');
        let body = h?.content ?? '';
        if (h?.expand) body = this.expandHeredoc(body);
        cur = { ...cur, stdin: body };
        continue;
      }
      const target = this.expand(r.target, false).join(' ');
      if (r.op === '>&') {
        if (target === '1' || target === '2') {
          const sink = target === '1' ? cur.out : cur.err;
          if (r.fd === 2) cur = { ...cur, err: sink };
          else cur = { ...cur, out: sink };
        }
        continue;
      }
      if (r.op === '<') {
        try {
          cur = { ...cur, stdin: this.fs.readText(target, this.cwd) };
        } catch {
          io.err(`${this.shellPath}: can't open ${target}: no such file\n`);
          return null;
        }
        continue;
      }
      if (target === '/dev/null') {
        const nul = () => {};
        if (r.op === '&>') cur = { ...cur, out: nul, err: nul };
        else if (r.fd === 2) cur = { ...cur, err: nul };
        else cur = { ...cur, out: nul };
        continue;
      }
      if (target === '/dev/stdout' || target === '/dev/stderr') {
        const sink = target === '/dev/stdout' ? io.out : io.err;
        if (r.fd === 2) cur = { ...cur, err: sink };
        else cur = { ...cur, out: sink };
        continue;
      }
      const path = normalizePath(target, this.cwd);
      try {
        if (r.op === '>' || r.op === '&>') {
          const st = this.fs.stat(path);
          if (st?.type === 'dir') throw new FsError('EISDIR', path);
          this.fs.writeFile(path, '', st ? {} : { uid: this.uid, gid: this.gid });
        } else if (!this.fs.stat(path)) this.fs.writeFile(path, '', { uid: this.uid, gid: this.gid });
      } catch (e) {
        if (e instanceof FsError) {
          io.err(this.flavor === 'dash' ? `${this.shellPath}: 1: cannot create ${target}: ${e.code === 'EISDIR' ? 'Is a directory' : 'Directory nonexistent'}\n` : `${this.shellPath}: can't create ${target}: ${e.text}\n`);
          return null;
        }
        throw e;
      }
      const sink = (s: string) => this.fs.appendFile(path, s);
      if (r.op === '&>') cur = { ...cur, out: sink, err: sink };
      else if (r.fd === 2) cur = { ...cur, err: sink };
      else cur = { ...cur, out: sink };
    }
    return cur;
  }

  private expandHeredoc(body: string): string {
    return body.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, b) => this.vars.get(a ?? b) ?? '');
  }

  /** Finds a command on PATH (or by path); returns the path or null. */
  which(name: string): string | null {
    if (name.includes('/')) {
      const st = this.fs.stat(name, this.cwd);
      return st && st.type === 'file' ? normalizePath(name, this.cwd) : null;
    }
    for (const dir of (this.vars.get('PATH') ?? '').split(':')) {
      if (!dir) continue;
      const p = joinPath(normalizePath(dir), name);
      const st = this.fs.stat(p);
      if (st && st.type === 'file') return p;
    }
    return null;
  }

  /** Runs one command (builtin, then PATH lookup, then simulated program). */
  exec(argv: string[], io: IO, execForm: boolean): number {
    const name = argv[0];
    if (name === undefined) return 0; // nothing to run (`command`, `xargs` with no words)
    if (!execForm || BUILTINS[name]) {
      const b = BUILTINS[name];
      if (b && !(execForm && !['true', 'false', 'echo', 'printf', 'test', '['].includes(name))) {
        return b({ sh: this, argv, stdin: io.stdin, out: io.out, err: io.err, spend: (ms) => this.spend(ms) });
      }
    }
    const path = this.which(name);
    if (!path) {
      if (name.includes('/')) {
        const st = this.fs.stat(name, this.cwd);
        if (st?.type === 'dir') {
          io.err(`${this.shellPath}: ${name}: Permission denied\n`);
          return 126;
        }
      }
      if (execForm) {
        io.err(`exec: "${name}": executable file not found in $PATH\n`);
        return 127;
      }
      io.err(this.notFound(name));
      return 127;
    }
    const st = this.fs.stat(path)!;
    if ((st.mode & 0o111) === 0) {
      io.err(`${this.shellPath}: ${name}: Permission denied\n`);
      return 126;
    }
    this.spend(3);
    const prog = PROGRAMS[basename(name)] ?? PROGRAMS[basename(st.path)] ?? scriptProgram(st.path);
    try {
      return prog({ sh: this, argv, stdin: io.stdin, out: io.out, err: io.err, spend: (ms) => this.spend(ms) });
    } catch (e) {
      // A filesystem error a simulated program did not handle is reported the way coreutils would.
      if (e instanceof FsError) {
        io.err(`${basename(name)}: ${e.path}: ${e.text}\n`);
        return 1;
      }
      throw e;
    }
  }

  // ---------- expansion ----------

  /** Expands a word into fields (split + glob unless `split` is false). */
  expand(w: Word, split = true): string[] {
    // Each field is built from segments; unquoted segments may split and glob.
    type Seg = { v: string; quoted: boolean };
    const fields: Seg[][] = [[]];
    let forceField = false;
    const pushText = (v: string, quoted: boolean) => {
      if (quoted || !split) {
        fields[fields.length - 1].push({ v, quoted: quoted || !split });
        return;
      }
      const pieces = v.split(/[ \t\n]+/);
      pieces.forEach((p, i) => {
        if (i > 0 && (fields[fields.length - 1].length || true)) fields.push([]);
        if (p) fields[fields.length - 1].push({ v: p, quoted: false });
      });
    };
    for (const part of w) {
      if (part.t === 'lit') {
        if (part.quoted && part.v === '') forceField = true;
        fields[fields.length - 1].push({ v: part.v, quoted: part.quoted || !split });
      } else if (part.t === 'var') {
        if (part.quoted) forceField = true;
        pushText(this.varValue(part.name, part.op, part.arg), part.quoted);
      } else {
        if (part.quoted) forceField = true;
        pushText(this.commandSubst(part.src), part.quoted);
      }
    }
    const out: string[] = [];
    for (const f of fields) {
      if (f.length === 0) continue;
      const text = f.map((s) => s.v).join('');
      const globbable = split && f.some((s) => !s.quoted && /[*?[]/.test(s.v));
      if (globbable) {
        const pattern = f.map((s) => (s.quoted ? s.v.replace(/[*?[\\]/g, '\\$&') : s.v)).join('');
        const matches = this.glob(pattern);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(text);
    }
    if (out.length === 0 && forceField) out.push('');
    return out;
  }

  /** Pathname expansion against the union fs (sorted; dotfiles only by an explicit dot). */
  glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
    let bases: string[] = [abs ? '/' : ''];
    for (let i = abs ? 1 : 0; i < parts.length; i++) {
      const part = parts[i];
      const next: string[] = [];
      const magic = /[*?[]/.test(part);
      for (const b of bases) {
        const dir = b === '' ? this.cwd : normalizePath(b, this.cwd);
        if (!magic) {
          const cand = b === '' ? part : b === '/' ? '/' + part : b + '/' + part;
          const unesc = cand.replace(/\\(.)/g, '$1');
          if (this.fs.lstat(unesc, this.cwd)) next.push(unesc);
          continue;
        }
        let names: string[];
        try {
          names = this.fs.readdir(dir);
        } catch {
          continue;
        }
        for (const n of names) {
          if (n.startsWith('.') && !part.startsWith('.')) continue;
          if (pathMatch(part, n)) next.push(b === '' ? n : b === '/' ? '/' + n : b + '/' + n);
        }
      }
      bases = next;
      if (!bases.length) return [];
    }
    return bases.sort();
  }

  private varValue(name: string, op?: string, arg?: Word): string {
    if (name === '((') return String(arith(arg ? this.expand(arg, false).join('') : '0', this.vars));
    let v: string | undefined;
    if (name === '?') v = String(this.lastStatus);
    else if (name === '$') v = '1';
    else if (name === '#') v = '0';
    else if (name === '@' || name === '*') v = '';
    else if (name === '0') v = this.shellPath;
    else if (name === '!') v = '';
    else if (name === '-') v = (this.errexit ? 'e' : '') + (this.xtrace ? 'x' : '');
    else v = this.vars.get(name);
    const word = () => (arg ? this.expand(arg, false).join('') : '');
    switch (op) {
      case undefined:
        return v ?? '';
      case 'len':
        return String((v ?? '').length);
      case ':-':
        return v ? v : word();
      case '-':
        return v !== undefined ? v : word();
      case ':=':
      case '=':
        if (op === ':=' ? !v : v === undefined) {
          const w = word();
          this.vars.set(name, w);
          return w;
        }
        return v ?? '';
      case ':+':
        return v ? word() : '';
      case '+':
        return v !== undefined ? word() : '';
      case ':?':
      case '?':
        if (op === ':?' ? !v : v === undefined) {
          const msg = word() || (op === ':?' ? 'parameter null or not set' : 'parameter not set');
          this.chunks.push({ stream: 'stderr', text: `${this.shellPath}: ${name}: ${msg}\n`, t: this.elapsed });
          throw new ExitSignal(this.flavor === 'ash' ? 1 : 2);
        }
        return v ?? '';
      case '#':
      case '##':
      case '%':
      case '%%': {
        const s = v ?? '';
        const pat = word();
        const longest = op.length === 2;
        if (op[0] === '#') {
          const idx = longest ? range(s.length, -1) : range(0, s.length + 1);
          for (const i of idx) if (pathMatch(pat, s.slice(0, i))) return s.slice(i);
        } else {
          const idx = longest ? range(0, s.length + 1) : range(s.length, -1);
          for (const i of idx) if (pathMatch(pat, s.slice(i))) return s.slice(0, i);
        }
        return s;
      }
    }
    return v ?? '';
  }

  private commandSubst(src: string): string {
    let buf = '';
    const saved = { cwd: this.cwd, vars: new Map(this.vars) };
    const io: IO = { stdin: '', out: (s) => (buf += s), err: (s) => this.emit('stderr', s) };
    let list: List;
    try {
      list = parseShell(src);
    } catch {
      return '';
    }
    try {
      this.lastStatus = this.list(list, io);
    } catch (e) {
      if (e instanceof ExitSignal) this.lastStatus = e.code;
      else throw e;
    } finally {
      this.cwd = saved.cwd;
      this.vars = saved.vars;
    }
    return buf.replace(/\n+$/, '');
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i < to; i++) out.push(i);
  else for (let i = from; i > to; i--) out.push(i);
  return out;
}

/** Integer arithmetic for $(( )): + - * / % and parentheses, variables by name. */
function arith(expr: string, vars: Map<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
  let i = 0;
  const atom = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = add();
      i++;
      return v;
    }
    if (t === '-') return -atom();
    if (t === undefined) return 0;
    if (/^\d+$/.test(t)) return Number(t);
    return Number(vars.get(t) ?? 0) || 0;
  };
  const mul = (): number => {
    let v = atom();
    while (toks[i] === '*' || toks[i] === '/' || toks[i] === '%') {
      const op = toks[i++];
      const r = atom();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (toks[i] === '+' || toks[i] === '-') {
      const op = toks[i++];
      const r = mul();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  return add();
}

/** Which shell /bin/sh is in this image: busybox ash, dash, or bash. */
export function detectFlavor(fs: UnionFs): ShellFlavor {
  const st = fs.stat('/bin/sh');
  const real = st?.path ?? '';
  if (real.endsWith('/dash')) return 'dash';
  if (real.endsWith('/bash')) return 'bash';
  return 'ash';
}

/** A file that is not a simulated program: a script with a shebang is run by the shell, anything else succeeds. */
function scriptProgram(path: string): Program {
  return (p) => {
    let text = '';
    try {
      text = p.sh.fs.readText(path);
    } catch {
      return 0;
    }
    if (text.startsWith('#!') && /\b(sh|bash|ash|dash)\b/.test(text.split('\n')[0])) {
      const sub = new Shell({ fs: p.sh.fs, env: Object.fromEntries(p.sh.vars), cwd: p.sh.cwd, uid: p.sh.uid, gid: p.sh.gid, seed: p.sh.seed, sha256: p.sh.sha256, now: p.sh.now });
      sub.elapsed = p.sh.elapsed;
      for (let i = 1; i < p.argv.length; i++) sub.vars.set(String(i), p.argv[i]);
      const code = sub.runScript(text, { stdin: p.stdin, out: p.out, err: p.err });
      p.sh.elapsed = sub.elapsed;
      return code;
    }
    return 0;
  };
}
