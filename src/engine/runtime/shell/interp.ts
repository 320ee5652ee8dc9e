/**
 * The shell interpreter: runs parsed lists with ash's semantics. One Interp is one shell environment (variables,
 * functions, options, traps, positional parameters, cwd); subshells `( ... )`, pipeline elements, command
 * substitutions and background jobs run in a fork of it. Programs run as children through the kernel; loops call
 * `ctx.spin()` each iteration so the CPU limit still ends an endless loop.
 */
import { ShellRandom } from './random';
import type { ProgramContext } from '../kernel';
import type { FsErrno } from '../process';
import { resolveExecutable } from '../executables';
import { basename, resolvePath } from '../fs-helpers';
import { owningPackage, packageProgramLine } from '../packages/owner';
import { APPLET_IMPLS, APPLETS, type AppletEnv, type AppletIO } from '../coreutils';
import { lookupHost, netRequest } from '../net-client';
import { parseShell, ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redir, type Simple } from './parse';
import { ExpandError, Expander, globRegex } from './expand';
import { BUILTINS, SPECIAL_BUILTINS, runBuiltin } from './builtins';
import { dbracket, type DTok } from './test-builtin';
import { applyRedirections } from './redirect';
import { afterWriteFailure } from './write-failure';

export class ExitShell {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}
/** An error that ends a non-interactive shell with status 2 (ash's "raise error"); message already formatted. */
export class FatalError {
  constructor(readonly message: string) {}
}

/** Input from a pipe, a file or a here-document: what is left of it (`read` takes a line, a program the rest). */
export interface Input {
  rest: string;
}

export interface IO {
  /** Piped/redirected input (consumed as it is read), or null for the shell's own stdin. */
  stdin: Input | null;
  out(text: string): void;
  err(text: string): void;
  /** File descriptors 3 and up opened by redirections. */
  fds?: Map<number, (t: string) => void>;
  /** Input file descriptors 3 and up (`exec 3<file`, then `read l <&3`). */
  inFds?: Map<number, Input>;
  /** Part of a `cmd &` job. */
  background?: boolean;
  /** Why the last write to stdout failed (a redirection to /dev/full: ENOSPC), when stdout is a file. */
  outError?: () => FsErrno | null;
}

/** What the program around the interpreter provides: the kernel context and the shell's own stdin. */
export interface ShellHost {
  ctx: ProgramContext;
  /** One line of the shell's stdin (without its newline; `eof` when it ended without one), or null at the end. */
  readLine(): Promise<{ text: string; eof: boolean } | null>;
  /** All of the shell's remaining stdin (a program reading the terminal). */
  readAll(): Promise<string>;
  /** Sets the cancel function of a running `sleep` (Ctrl-C ends it). */
  setCancel(fn: (() => void) | null): void;
  isBash(): boolean;
  /** Which shell this is: busybox ash, dash (Debian's /bin/sh) or bash. */
  flavour(): 'ash' | 'dash' | 'bash';
  interactive(): boolean;
  user(): string;
}

/** How messages carry line numbers: `-c` text (0-based, builtins only), stdin (1-based, builtins only), a file. */
export type LineMode = 'c' | 'stdin' | 'file';

/** Characters ash's `set -x` prints without quoting (an empty word prints as nothing). */
const SAFE = /^[-+,./0-9:@A-Z\]^_a-z]*$/;
export const shellQuote = (s: string) => (SAFE.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`);

export class Interp {
  vars = new Map<string, string>();
  exported = new Set<string>();
  readonly = new Set<string>();
  functions = new Map<string, Command>();
  traps = new Map<string, string>();
  positional: string[] = [];
  opts = { e: false, x: false, u: false, f: false };
  status = 0;
  cwd: string;
  /** `$0`, also the prefix of messages. */
  name: string;
  umask = 0o022;
  lineMode: LineMode = 'c';
  line = 0;
  lineBase = 0;
  /** Nesting of functions and loops, and of contexts where `set -e` does not apply. */
  funcDepth = 0;
  loopDepth = 0;
  private cond = 0;
  /** `local` frames: variables to restore when the function returns. */
  locals: Map<string, string | undefined>[] = [];
  jobs: Promise<number>[] = [];
  lastJob = 0;
  private substStatus: number | null = null;
  optOffset = 0;
  /** `$RANDOM`'s generator (made at its first use); null once `unset RANDOM` made it a plain variable. */
  private randomGen: ShellRandom | null | undefined;

  constructor(
    readonly host: ShellHost,
    name: string,
    cwd: string,
  ) {
    this.name = name;
    this.cwd = cwd;
  }

  get ctx(): ProgramContext {
    return this.host.ctx;
  }

  /** A subshell: a copy of this environment that changes nothing here. */
  fork(): Interp {
    const f = new Interp(this.host, this.name, this.cwd);
    f.vars = new Map(this.vars);
    f.exported = new Set(this.exported);
    f.readonly = new Set(this.readonly);
    f.functions = new Map(this.functions);
    f.traps = new Map([...this.traps].filter(([k]) => k !== 'EXIT'));
    f.positional = [...this.positional];
    f.opts = { ...this.opts };
    f.status = this.status;
    f.umask = this.umask;
    f.lineMode = this.lineMode;
    f.line = this.line;
    f.lineBase = this.lineBase;
    f.funcDepth = this.funcDepth;
    f.cond = this.cond;
    // A subshell draws a new sequence (ash reseeds in the child); an unset RANDOM stays plain.
    if (this.randomGen === null) f.randomGen = null;
    return f;
  }

  /** Runs a forked environment's list; exit, return and fatal errors end only it. */
  async runForked(list: List, io: IO): Promise<number> {
    try {
      const st = await this.runList(list, io);
      return await this.finish(st, io);
    } catch (e) {
      return this.finish(this.caught(e, io), io);
    }
  }

  /** The status an exit/return/fatal error means at the top of a shell (rethrows anything else). */
  caught(e: unknown, io: IO): number {
    if (e instanceof ExitShell || e instanceof ReturnSignal) return e.code;
    if (e instanceof FatalError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof LoopSignal) return 0;
    throw e;
  }

  /** Runs the EXIT trap (once) and gives the shell's exit status. */
  async finish(code: number, io: IO): Promise<number> {
    const trap = this.traps.get('EXIT');
    if (!trap) return code;
    this.traps.delete('EXIT');
    this.status = code;
    try {
      await this.runSource(trap, io);
    } catch (e) {
      if (e instanceof ExitShell) return e.code;
      this.caught(e, io);
    }
    return code;
  }

  // ---- messages

  lineNo(): number {
    return this.lineBase + this.line + (this.lineMode === 'c' ? 0 : 1);
  }

  /** An error of a builtin: `sh: cd: line 1: msg` (no line number in an interactive shell). */
  builtinMsg(builtin: string, msg: string): string {
    if (this.host.flavour() === 'dash') return `${this.name}: ${this.lineBase + this.line + 1}: ${builtin}: ${msg}\n`;
    if (this.host.flavour() === 'bash') return `${this.name}: ${builtin}: ${msg}\n`;
    return `${this.name}: ${builtin}: ${this.host.interactive() ? '' : `line ${this.lineNo()}: `}${msg}\n`;
  }

  /** Any other error: `sh: msg`; in a script file `file: line 3: msg`. */
  msg(msg: string): string {
    if (this.host.flavour() === 'dash') {
      const m = /^syntax error: unexpected (end of file|newline|"[^]*?")( \(expecting .*\))?$/.exec(msg);
      return `${this.name}: ${this.lineBase + this.line + 1}: ${m ? `Syntax error: ${m[1]} unexpected${m[2] ?? ''}` : msg.replace(/^syntax error/, 'Syntax error')}\n`;
    }
    return `${this.name}: ${this.lineMode === 'file' ? `line ${this.lineNo()}: ` : ''}${msg}\n`;
  }

  // ---- running

  /** Parses and runs shell text in this environment (eval, `.`, traps, command strings). */
  async runSource(src: string, io: IO, builtin?: string): Promise<number> {
    let list: List;
    try {
      list = parseShell(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      if (builtin) throw new FatalError(this.builtinMsg(builtin, e.message));
      this.line = e.line;
      throw new FatalError(this.msg(e.message));
    }
    return this.runList(list, io);
  }

  async runList(list: List, io: IO): Promise<number> {
    let st = 0;
    for (const ao of list) {
      if (ao.background) {
        const job = this.fork();
        job.cond = 0;
        const p = job.runForked([{ ...ao, background: false }], { ...io, stdin: io.stdin ?? { rest: '' }, background: true });
        this.jobs.push(p);
        this.lastJob = this.ctx.pid + 10 + this.jobs.length;
        st = 0;
        this.status = 0;
        continue;
      }
      st = await this.runAndOr(ao, io);
    }
    return st;
  }

  private async runAndOr(ao: AndOr, io: IO): Promise<number> {
    const parts: { op: string | null; p: Pipeline }[] = [{ op: null, p: ao.first }, ...ao.rest];
    let st = 0;
    let ran = 0;
    for (let k = 0; k < parts.length; k++) {
      const { op, p } = parts[k];
      if ((op === '&&' && st !== 0) || (op === '||' && st === 0)) continue;
      const last = k === parts.length - 1;
      if (!last) this.cond++;
      try {
        st = await this.runPipeline(p, io);
      } finally {
        if (!last) this.cond--;
      }
      ran = k;
    }
    this.status = st;
    if (this.opts.e && st !== 0 && this.cond === 0 && ran === parts.length - 1 && !parts[ran].p.negate) throw new ExitShell(st);
    return st;
  }

  private async runPipeline(p: Pipeline, io: IO): Promise<number> {
    if (p.negate) this.cond++;
    let st = 0;
    try {
      if (p.cmds.length === 1) st = await this.runCommand(p.cmds[0], io);
      else {
        let input = io.stdin;
        for (let i = 0; i < p.cmds.length; i++) {
          const sub = this.fork();
          const last = i === p.cmds.length - 1;
          let buf = '';
          const cio: IO = { ...io, stdin: input, out: last ? io.out : (t) => (buf += t) };
          st = await sub.runForked([{ first: { negate: false, cmds: [p.cmds[i]] }, rest: [] }], cio);
          input = { rest: buf };
        }
      }
    } finally {
      if (p.negate) this.cond--;
    }
    if (p.negate) st = st === 0 ? 1 : 0;
    this.status = st;
    return st;
  }

  async runCommand(c: Command, io: IO): Promise<number> {
    if (c.type === 'simple') return this.runSimple(c, io);
    if (c.type === 'function') {
      this.functions.set(c.name, c.body);
      return 0;
    }
    let cio = io;
    if (c.redirs.length) {
      const r = await this.redirect(c.redirs, io, this.expander(io));
      if (typeof r === 'number') return r;
      cio = r;
    }
    return this.runCompound(c, cio);
  }

  private async inCond<T>(fn: () => Promise<T>): Promise<T> {
    this.cond++;
    try {
      return await fn();
    } finally {
      this.cond--;
    }
  }

  /** Runs a loop body; false when the loop must end (`break`). */
  /** Runs `body` while `next()` says so (each turn counts toward the CPU limit); the status of the last turn. */
  private async loop(body: List, io: IO, next: () => Promise<boolean>): Promise<number> {
    let st = 0;
    this.loopDepth++;
    try {
      for (;;) {
        this.ctx.spin();
        if (!(await next())) break;
        const r = await this.loopBody(body, io);
        st = r.st;
        if (r.brk) break;
      }
    } finally {
      this.loopDepth--;
    }
    return st;
  }

  private async loopBody(body: List, io: IO): Promise<{ st: number; brk: boolean }> {
    try {
      return { st: await this.runList(body, io), brk: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.n > 1) {
        e.n--;
        throw e;
      }
      return { st: 0, brk: e.kind === 'break' };
    }
  }

  private async runCompound(c: Exclude<Command, Simple | { type: 'function' }>, io: IO): Promise<number> {
    switch (c.type) {
      case 'if': {
        for (const cl of c.clauses) {
          if ((await this.inCond(() => this.runList(cl.cond, io))) === 0) return this.runList(cl.body, io);
        }
        return c.otherwise ? this.runList(c.otherwise, io) : 0;
      }
      case 'for': {
        const items = c.items === null ? [...this.positional] : await this.expandFields(c.items, io);
        let i = 0;
        return this.loop(c.body, io, async () => {
          if (i >= items.length) return false;
          this.setVar(c.name, items[i++]);
          return true;
        });
      }
      case 'while': {
        return this.loop(c.body, io, async () => {
          const cond = await this.inCond(() => this.runList(c.cond, io));
          return (cond === 0) !== c.until;
        });
      }
      case 'case': {
        const ex = this.expander(io);
        const word = await this.guard(() => ex.string(c.word));
        for (const item of c.items) {
          for (const p of item.patterns) {
            const pat = await this.guard(() => ex.pattern(p));
            if (globRegex(pat).test(word)) return this.runList(item.body, io);
          }
        }
        return 0;
      }
      case 'group':
        return this.runList(c.body, io);
      case 'subshell':
        return this.fork().runForked(c.body, io);
      case 'dbracket': {
        this.line = c.line;
        if (c.unterminated) {
          io.err(`${this.name}: missing ]]\n`);
          return 2;
        }
        const ex = this.expander(io);
        const toks: DTok[] = [];
        for (let k = 0; k < c.args.length; k++) {
          const a = c.args[k];
          if (a.op) {
            toks.push({ text: a.raw, op: true });
            continue;
          }
          const prev = toks[toks.length - 1]?.text;
          const rhs = k > 0 && !c.args[k - 1].op && ['==', '=', '!='].includes(prev);
          const text = await this.guard(() => ex.string(a.raw));
          toks.push({ text, op: false, ...(rhs ? { pattern: globRegex(await this.guard(() => ex.pattern(a.raw))) } : {}) });
        }
        return dbracket(toks, { fs: this.ctx.fs, cwd: this.cwd }, io.err, this.name);
      }
    }
  }

  // ---- expansion

  expander(io: IO): Expander {
    return new Expander({
      get: (n) => this.getVar(n),
      set: (n, v) => this.setVar(n, v),
      positional: () => this.positional,
      subst: (src) => this.commandSubst(src, io),
      glob: (p) => (this.opts.f ? [] : this.glob(p)),
      nounset: () => this.opts.u,
    });
  }

  /** Runs an expansion, turning its errors into ash's fatal errors. */
  async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExpandError) throw new FatalError(this.msg(e.message));
      throw e;
    }
  }

  expandFields(words: string[], io: IO): Promise<string[]> {
    const ex = this.expander(io);
    return this.guard(() => ex.fields(words));
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.ctx.pid);
      case '!':
        return this.lastJob ? String(this.lastJob) : undefined;
      case '#':
        return String(this.positional.length);
      case '-': {
        // ash lists its option letters last to first: u x c s i f e.
        const on: Record<string, boolean> = { ...this.opts, c: this.lineMode === 'c', s: this.lineMode === 'stdin', i: this.host.interactive() };
        return ['u', 'x', 'c', 's', 'i', 'f', 'e'].filter((k) => on[k]).join('');
      }
      case 'LINENO':
        return String(this.lineBase + this.line + (this.lineMode === 'c' ? 0 : 1));
      case '0':
        return this.name;
      case 'PWD':
        return this.vars.has('PWD') ? this.cwd : undefined;
      case 'RANDOM': {
        const gen = this.random();
        if (!gen) break;
        const v = String(gen.next());
        // `set` lists the last number given.
        this.vars.set('RANDOM', v);
        return v;
      }
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  setVar(name: string, value: string): void {
    if (this.readonly.has(name)) throw new FatalError(this.msg(`${name}: is read only`));
    this.vars.set(name, value);
    if (name === 'OPTIND') this.optOffset = 0;
    if (name === 'RANDOM') this.random()?.seed(value);
  }

  /** `unset NAME`: RANDOM loses its special meaning for good. */
  unsetVar(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
    if (name === 'RANDOM') this.randomGen = null;
  }

  /** `$RANDOM`'s generator; dash has no RANDOM. */
  private random(): ShellRandom | null {
    if (this.randomGen === undefined) this.randomGen = this.host.flavour() === 'dash' ? null : ShellRandom.from(() => this.ctx.random());
    return this.randomGen;
  }

  private async commandSubst(src: string, io: IO): Promise<string> {
    let buf = '';
    const sub = this.fork();
    this.substStatus = await sub.runForked(parseOrFatal(sub, src), { stdin: null, out: (t) => (buf += t), err: io.err, fds: io.fds });
    return buf.replace(/\n+$/, '');
  }

  glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const parts = pattern.split('/').filter(Boolean);
    let results: string[] = [abs ? '/' : ''];
    for (const part of parts) {
      const next: string[] = [];
      const literal = !/(^|[^\\])[*?[]/.test(part);
      const re = literal ? null : globRegex(part);
      for (const base of results) {
        const join = (n: string) => (base === '' ? n : base === '/' ? `/${n}` : `${base}/${n}`);
        if (!re) {
          const p = join(part.replace(/\\(.)/g, '$1'));
          if (this.ctx.fs.stat(resolvePath(this.cwd, p))) next.push(p);
          continue;
        }
        const dir = resolvePath(this.cwd, base || '.');
        const names = [...(this.ctx.fs.readdir(dir) ?? [])];
        if (part.startsWith('.')) names.push('.', '..');
        for (const name of names) {
          if (name.startsWith('.') && !part.startsWith('.')) continue;
          if (re.test(name)) next.push(join(name));
        }
      }
      results = next.sort();
    }
    return results.filter((r) => r !== '' && r !== '/');
  }

  /** Applies redirections to an IO: the new IO, or the exit status of a failure (after its message). */
  redirect(redirs: Redir[], io: IO, ex: Expander): Promise<IO | number> {
    return applyRedirections(this, redirs, io, ex);
  }

  // ---- simple commands

  async runSimple(c: Simple, io: IO): Promise<number> {
    this.line = c.line;
    const ex = this.expander(io);
    this.substStatus = null;
    const argv = await this.guard(() => ex.fields(c.words));
    const assigns: [string, string][] = [];
    for (const a of c.assigns) {
      const eq = a.indexOf('=');
      const v = await this.guard(() => ex.string(a.slice(eq + 1)));
      // Without a command, each assignment is made before the next is expanded (`a=1 b=$a`).
      if (!argv.length) this.setVar(a.slice(0, eq), v);
      assigns.push([a.slice(0, eq), v]);
    }
    const substStatus = this.substStatus as number | null;
    if (this.opts.x && (assigns.length || argv.length)) io.err(`+ ${[...assigns.map(([k, v]) => `${k}=${shellQuote(v)}`), ...argv.map(shellQuote)].join(' ')}\n`);
    if (!argv.length) {
      const r = await this.redirect(c.redirs, io, ex);
      if (typeof r === 'number') return r;
      return substStatus ?? 0;
    }
    const name = argv[0];
    if (name === 'exec' && argv.length === 1) {
      const r = await this.redirect(c.redirs, io, ex);
      if (typeof r === 'number') return r;
      Object.assign(io, r);
      return 0;
    }
    const r = await this.redirect(c.redirs, io, ex);
    if (typeof r === 'number') return r;
    return this.runArgv(argv, assigns, r, true);
  }

  /** Runs a command by name: special builtin, function, builtin, then a program on PATH. */
  async runArgv(argv: string[], assigns: [string, string][], io: IO, functions: boolean): Promise<number> {
    const name = argv[0];
    if (SPECIAL_BUILTINS.has(name)) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return runBuiltin(this, argv, io);
    }
    const fn = functions ? this.functions.get(name) : undefined;
    if (fn || BUILTINS.has(name)) {
      const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return fn ? await this.callFunction(fn, argv.slice(1), io) : await runBuiltin(this, argv, io);
      } finally {
        for (const [k, v] of saved) {
          if (v === undefined) this.vars.delete(k);
          else this.vars.set(k, v);
        }
      }
    }
    return this.runProgram(argv, assigns, io);
  }

  async callFunction(body: Command, args: string[], io: IO): Promise<number> {
    // Endless recursion never loops: count calls like iterations so the CPU limit ends it too.
    this.ctx.spin();
    const savedPos = this.positional;
    const savedLoop = this.loopDepth;
    this.positional = args;
    this.funcDepth++;
    this.loopDepth = 0;
    this.locals.push(new Map());
    try {
      return await this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      for (const [k, v] of this.locals.pop()!) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
      this.funcDepth--;
      this.loopDepth = savedLoop;
      this.positional = savedPos;
    }
  }

  which(name: string): string | null {
    for (const dir of (this.vars.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
      const p = `${dir}/${name}`;
      const st = this.ctx.fs.stat(p);
      if (st && st.type === 'file' && st.mode & 0o111) return p;
    }
    return null;
  }

  private async runProgram(argv: string[], assigns: [string, string][], io: IO): Promise<number> {
    const name = argv[0];
    const env = this.exportedEnv(Object.fromEntries(assigns));
    const stdin = io.stdin;
    const appletIO: AppletIO = {
      readStdin: () => (stdin !== null ? Promise.resolve(takeAll(stdin)) : this.host.readAll()),
      out: io.out,
      err: io.err,
    };
    const runApplet = async (applet: string, full?: string[]) => {
      const status = await APPLET_IMPLS[applet](full ?? [applet, ...argv.slice(1)], appletIO, this.appletEnv(env, stdin));
      const failed = io.outError?.();
      return failed ? afterWriteFailure(applet, status, failed, io.err) : status;
    };
    const r = resolveExecutable(this.ctx.fs, argv, env, this.cwd);
    if (!r.ok) {
      if (!name.includes('/') && APPLETS.has(name) && APPLET_IMPLS[name]) return runApplet(name);
      if (r.error.code === 'runtime.exec-format') {
        // ash: a file the kernel cannot exec (ENOEXEC) is a script for the shell itself, $0 being its name.
        return this.runProgram(['sh', name.includes('/') ? name : (this.which(name) ?? name), ...argv.slice(1)], assigns, io);
      }
      if (r.error.code === 'runtime.unsupported') {
        const found = name.includes('/') ? resolvePath(this.cwd, name) : this.which(name);
        // A program a package manager installed says so itself, as the program (not the shell) would.
        if (found && owningPackage(this.ctx.fs, found)) io.err(packageProgramLine(basename(found)) + '\n');
        else io.err(this.msg(`${name}: Layerlab does not simulate this program`));
        return 126;
      }
      if (r.error.code === 'runtime.permission-denied') {
        io.err(this.msg(`${name}: Permission denied`));
        return 126;
      }
      io.err(this.host.isBash() ? `bash: ${name}: command not found\n` : this.msg(`${name}: not found`));
      return 127;
    }
    const prog = r.value;
    // A script run by its interpreter (#!/usr/local/bin/python3) gets the interpreter's argv: python3 SCRIPT ARGS.
    if (prog.kind === 'applet' && prog.applet && APPLET_IMPLS[prog.applet]) return runApplet(prog.applet, prog.argv.length > argv.length ? prog.argv : undefined);
    // Pipes and redirections capture the child's output; a background job keeps writing to the terminal.
    // A pipe or `<` redirection feeds the child's stdin (then end of input), as a real shell's pipe would.
    // The child gets the argv as typed: spawning resolves it again, exactly as a container's first process is
    // resolved (a `#!/usr/bin/env node` program runs even where no node is on PATH).
    return this.ctx.spawnChild(argv, { env, cwd: this.cwd, background: io.background, ...(io.background && io.out === TOP_OUT.get(this.host) ? {} : { out: io.out, err: io.err }), ...(stdin !== null ? { stdin: takeAll(stdin) } : {}) });
  }

  exportedEnv(extra: Record<string, string> = {}): Record<string, string> {
    const order = [...this.vars.keys()];
    const keys = [...new Set([...[...this.exported].filter((k) => this.vars.has(k)), ...Object.keys(extra)])];
    if (!this.host.isBash()) {
      // busybox ash builds a child's environment by walking its variable hash table (39 buckets, newest first in
      // a bucket): that is why `env` in alpine prints HOSTNAME, SHLVL, HOME, TERM, PATH, PWD in that order.
      const bucket = (n: string) => {
        let h = n.charCodeAt(0) << 4;
        for (let i = 0; i < n.length; i++) h += n.charCodeAt(i);
        return h % 39;
      };
      const idx = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length + Object.keys(extra).indexOf(k));
      keys.sort((a, b) => bucket(a) - bucket(b) || idx(b) - idx(a));
    }
    const env: Record<string, string> = {};
    for (const k of keys) {
      const v = k in extra ? extra[k] : k === 'PWD' ? this.cwd : this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return env;
  }

  /** What applets may use; `stdin` is the applet's piped or redirected input, which a command it runs inherits. */
  appletEnv(env: Record<string, string>, stdin: Input | null = null): AppletEnv {
    const ctx = this.ctx;
    return {
      fs: ctx.fs,
      cwd: this.cwd,
      env,
      hostname: ctx.spec.hostname,
      ip: ctx.spec.ipAddress ?? '172.17.0.2',
      user: this.host.user(),
      now: () => ctx.now(),
      sleep: (ms) =>
        new Promise<boolean>((resolve) => {
          const id = ctx.setTimer(ms, () => {
            this.host.setCancel(null);
            resolve(true);
          });
          this.host.setCancel(() => {
            ctx.clearTimer(id);
            this.host.setCancel(null);
            resolve(false);
          });
        }),
      tty: ctx.spec.tty,
      columns: 80,
      processes: () => {
        const list: [number, string][] = (ctx.spec.peers ?? []).map((p) => [p.pid, p.command]);
        list.push([ctx.pid, ctx.argv.join(' ')]);
        list.push([ctx.pid + 6, 'ps']);
        return list.sort((a, b) => a[0] - b[0]);
      },
      which: (n) => this.which(n),
      http: (url, opts) => netRequest(ctx, url, opts),
      lookup: (host) => lookupHost(ctx, host),
      listen: (port, handler) => ctx.listen(port, handler),
      unlisten: (port) => ctx.unlisten(port),
      exec: (argv, io, o) => {
        const input = io.stdin !== undefined ? io.stdin : stdin !== null ? takeAll(stdin) : undefined;
        return ctx.spawnChild(argv, { env: o?.env ?? env, cwd: o?.cwd ?? this.cwd, out: io.out, err: io.err, ...(input !== undefined ? { stdin: input } : {}) });
      },
    };
  }
}

/** The shell's own stdout writer per host, so a background job writing to the terminal is told apart. */
export const TOP_OUT = new WeakMap<ShellHost, (t: string) => void>();

function takeAll(i: Input): string {
  const t = i.rest;
  i.rest = '';
  return t;
}

/** Parses a command substitution's text; a syntax error in it is fatal to the shell. */
function parseOrFatal(sh: Interp, src: string): List {
  try {
    return parseShell(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new FatalError(sh.msg(e.message));
    throw e;
  }
}
