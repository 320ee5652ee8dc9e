/**
 * `sh` (also bash/ash): a busybox-ash-like shell over the process's ProcessFs. Reads commands from the terminal
 * (prompt `/diamol # `), from piped stdin, from `-c "..."` or from a script file, and runs builtins, applets
 * (applets.ts) and programs (node...) as children through the kernel.
 */
import type { Program, ProgramContext } from '../kernel';
import { resolveExecutable } from '../executables';
import { appendFile, decodeText, encodeText, resolvePath } from '../fs-helpers';
import { APPLET_IMPLS, APPLETS, echo, type AppletEnv, type AppletIO } from '../coreutils';
import { netRequest } from '../net-client';
import { isIncomplete, parseShell, ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redir, type Simple, type Word } from './parse';

/** Where `$@` / `${@}` first occurs in double-quoted text, outside backslash escapes. */
function unescapedAt(text: string): { index: number; length: number } | null {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith('$@', i)) return { index: i, length: 2 };
    if (text.startsWith('${@}', i)) return { index: i, length: 4 };
  }
  return null;
}

/** A glob pattern (`*`, `?`, `[abc]`, `[!a-z]`) as a RegExp; an unclosed `[` is literal. */
export function globRegex(pattern: string): RegExp {
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        src += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else src += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(src + '$');
  } catch {
    return /(?!)/;
  }
}

class ExitShell {
  constructor(readonly code: number) {}
}

/** Input from a pipe or a file: what is left of it (`read` takes a line, a program takes the rest). */
interface Input {
  rest: string;
}

/** Index of the `)` matching the `(` at `open` (quoted text and nested parentheses skipped), or text.length. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let j = open;
  for (; j < text.length; j++) {
    const d = text[j];
    if (d === "'" || d === '"') {
      const q = text.indexOf(d, j + 1);
      if (q < 0) return text.length;
      j = q;
    } else if (d === '(') depth++;
    else if (d === ')' && --depth === 0) return j;
  }
  return j;
}

/**
 * Splits unquoted text into literal pieces and expansions (`$VAR`, `${...}`, `$(...)`, `` `...` ``, `$?`...), where a
 * `$(...)` ends at its matching parenthesis (quotes and nested parentheses inside it included).
 */
function splitExpansions(text: string): string[] {
  const out: string[] = [];
  let lit = '';
  let i = 0;
  const push = (piece: string) => {
    out.push(lit, piece);
    lit = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      const e = text.indexOf('`', i + 1);
      const end = e < 0 ? text.length : e + 1;
      push(text.slice(i, end));
      i = end;
      continue;
    }
    if (c !== '$') {
      lit += c;
      i++;
      continue;
    }
    const n = text[i + 1];
    if (n === '(') {
      const j = closingParen(text, i + 1);
      push(text.slice(i, Math.min(text.length, j + 1)));
      i = j + 1;
      continue;
    }
    if (n === '{') {
      const e = text.indexOf('}', i);
      const end = e < 0 ? text.length : e + 1;
      push(text.slice(i, end));
      i = end;
      continue;
    }
    const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[?$#@*0-9])/.exec(text.slice(i));
    if (m) {
      push(m[0]);
      i += m[0].length;
      continue;
    }
    lit += c;
    i++;
  }
  out.push(lit);
  return out;
}

function takeAll(i: Input): string {
  const t = i.rest;
  i.rest = '';
  return t;
}

interface IO {
  /** Piped/redirected input (consumed as it is read), or null to read from the terminal/stdin. */
  stdin: Input | null;
  /** Part of a `cmd &` job. */
  background?: boolean;
  out(text: string): void;
  err(text: string): void;
}

const BUILTINS = new Set(['cd', 'export', 'unset', 'exit', 'set', 'shift', 'source', '.', 'read', 'exec', 'eval', 'test', '[', 'type', 'command', 'alias', 'unalias', 'return', ':', 'umask', 'wait', 'trap', 'local', 'readonly', 'history', 'jobs']);

export class ShellProgram implements Program {
  private vars = new Map<string, string>();
  private exported = new Set<string>();
  private cwd: string;
  private status = 0;
  private positional: string[] = [];
  private name = 'sh';
  private interactive = false;
  private pendingInput = '';
  private queue: string[] = [];
  private running = false;
  private stdinEnded = false;
  /** A pending read of stdin: all of it (applets like cat, until end of input) or one line (`read`). */
  private reader: { buf: string; resolve: (s: string) => void; line?: boolean } | null = null;
  private cancelSleep: (() => void) | null = null;
  private partial: string[] = [];
  /** True when commands come from stdin (not -c or a script file). */
  private readsCommands = false;

  constructor(private ctx: ProgramContext) {
    this.cwd = ctx.cwd;
    for (const [k, v] of Object.entries(ctx.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    // Like ash/bash: SHLVL goes up by one and PWD is exported.
    this.vars.set('SHLVL', String((parseInt(ctx.env.SHLVL ?? '0', 10) || 0) + 1));
    this.vars.set('PWD', this.cwd);
    this.exported.add('SHLVL');
    this.exported.add('PWD');
  }

  get ownsTty(): boolean {
    return false;
  }

  start(): void {
    const args = this.ctx.argv.slice(1);
    this.name = this.ctx.argv[0];
    let i = 0;
    let command: string | null = null;
    let forceInteractive = false;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '-c') {
        command = args[++i] ?? null;
        if (command === null) {
          this.ctx.write('stderr', `${this.name}: -c requires an argument\n`);
          return this.ctx.exit(2);
        }
        i++;
        break;
      }
      if (a === '-i') forceInteractive = true;
      else if (a === '-l' || a === '--login' || a === '-s' || a === '-e' || a === '-x') continue;
      else if (a.startsWith('-') && a !== '-') continue;
      else break;
    }
    const rest = args.slice(i);
    if (command !== null) {
      if (rest.length) {
        this.name = rest[0];
        this.positional = rest.slice(1);
      }
      void this.runScript(command).then((code) => this.ctx.exit(code), (e) => this.internalError(e));
      return;
    }
    if (rest.length) {
      const file = rest[0];
      this.name = file;
      this.positional = rest.slice(1);
      const data = this.ctx.fs.readFile(resolvePath(this.cwd, file));
      if (!data) {
        this.ctx.write('stderr', `${this.ctx.argv[0]}: can't open '${file}': No such file or directory\n`);
        return this.ctx.exit(2);
      }
      void this.runScript(decodeText(data)).then((code) => this.ctx.exit(code), (e) => this.internalError(e));
      return;
    }
    this.readsCommands = true;
    this.interactive = forceInteractive || (this.ctx.spec.tty && this.ctx.spec.interactive);
    if (this.interactive) this.prompt();
  }

  /** A bug in the shell itself: say so and end, never leave the process hanging. */
  private internalError(e: unknown): void {
    this.ctx.write('stderr', `${this.ctx.argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    this.ctx.exit(2);
  }

  private prompt(cont = false): void {
    if (!this.interactive) return;
    if (cont) {
      this.ctx.write('stdout', this.vars.get('PS2') ?? '> ');
      return;
    }
    const ps1 = this.vars.get('PS1');
    if (ps1 !== undefined) {
      this.ctx.write('stdout', this.expandPrompt(ps1));
      return;
    }
    this.ctx.write('stdout', this.expandPrompt(this.isBash() ? '\\u@\\h:\\w\\$ ' : '\\w \\$ '));
  }

  private expandPrompt(ps: string): string {
    const home = this.vars.get('HOME') ?? '/root';
    const w = this.cwd === home ? '~' : this.cwd.startsWith(home + '/') && home !== '/' ? '~' + this.cwd.slice(home.length) : this.cwd;
    const user = this.user();
    return ps.replace(/\\([wWhHu$n])/g, (_m, c) => {
      switch (c) {
        case 'w':
          return w;
        case 'W':
          return this.cwd === '/' ? '/' : this.cwd.slice(this.cwd.lastIndexOf('/') + 1);
        case 'h':
          return this.ctx.spec.hostname.split('.')[0];
        case 'H':
          return this.ctx.spec.hostname;
        case 'u':
          return user;
        case '$':
          return user === 'root' || user === '0' ? '#' : '$';
        case 'n':
          return '\n';
      }
      return '';
    });
  }

  /** bash (ubuntu, debian) rather than busybox ash: its prompt and messages differ. */
  private isBash(): boolean {
    return /(^|\/)bash$/.test(this.ctx.argv[0]);
  }

  private user(): string {
    const u = this.ctx.spec.user ?? 'root';
    const name = u.split(':')[0];
    return name === '0' || name === '' ? 'root' : name;
  }

  input(text: string): void {
    if (this.reader) {
      const r = this.reader;
      r.buf += text;
      const nl = r.line ? r.buf.indexOf('\n') : -1;
      if (nl >= 0) {
        // `read` takes one line; the rest stays for the next reader.
        this.reader = null;
        this.pendingInput = r.buf.slice(nl + 1) + this.pendingInput;
        r.resolve(r.buf.slice(0, nl));
      }
      return;
    }
    this.pendingInput += text;
    if (!this.readsCommands) return;
    let i: number;
    while ((i = this.pendingInput.indexOf('\n')) >= 0) {
      this.queue.push(this.pendingInput.slice(0, i));
      this.pendingInput = this.pendingInput.slice(i + 1);
    }
    this.pump().catch((e) => this.internalError(e));
  }

  inputEnd(): void {
    if (this.reader) {
      const r = this.reader;
      this.reader = null;
      r.resolve(r.line ? r.buf || '\u0000EOF' : r.buf);
      return;
    }
    this.stdinEnded = true;
    if (!this.readsCommands) return;
    if (this.pendingInput) {
      this.queue.push(this.pendingInput);
      this.pendingInput = '';
    }
    this.pump().catch((e) => this.internalError(e));
  }

  interrupt(): boolean {
    if (this.cancelSleep) {
      this.cancelSleep();
      return true;
    }
    if (!this.interactive) return false;
    this.partial = [];
    this.ctx.write('stdout', '\n');
    if (!this.running) this.prompt();
    return true;
  }

  signal(): boolean {
    // Without a trap, the default action applies (and a pid-1 shell ignores it: see kernel.kill).
    return false;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const line = this.queue.shift()!;
        this.partial.push(line);
        const src = this.partial.join('\n');
        if (isIncomplete(src) && !(this.stdinEnded && !this.queue.length)) {
          this.prompt(true);
          continue;
        }
        this.partial = [];
        try {
          this.status = await this.runSource(src, { stdin: null, out: (t) => this.ctx.write('stdout', t), err: (t) => this.ctx.write('stderr', t) });
        } catch (e) {
          if (e instanceof ExitShell) return this.ctx.exit(e.code);
          throw e;
        }
        this.prompt();
      }
      if (this.stdinEnded) {
        if (this.interactive && this.isBash()) this.ctx.write('stdout', 'exit\n');
        this.ctx.exit(this.status);
      }
    } finally {
      this.running = false;
    }
  }

  private async runScript(src: string): Promise<number> {
    try {
      return await this.runSource(src, { stdin: null, out: (t) => this.ctx.write('stdout', t), err: (t) => this.ctx.write('stderr', t) });
    } catch (e) {
      if (e instanceof ExitShell) return e.code;
      throw e;
    }
  }

  private async runSource(src: string, io: IO): Promise<number> {
    let list: List;
    try {
      list = parseShell(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(`${this.name === this.ctx.argv[0] ? this.name : this.ctx.argv[0]}: ${this.interactive ? '' : 'line 1: '}${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return this.runList(list, io);
  }

  private async runList(list: List, io: IO): Promise<number> {
    let st = 0;
    for (const ao of list) {
      if (ao.background) {
        // `cmd &`: the shell goes on at once; the job's output still reaches the terminal.
        this.runAndOr(ao, { ...io, background: true }).catch((e) => {
          if (!(e instanceof ExitShell)) this.internalError(e);
        });
        st = 0;
        this.vars.set('!', String(this.ctx.pid + 10));
        continue;
      }
      st = await this.runAndOr(ao, io);
    }
    return st;
  }

  private async runAndOr(ao: AndOr, io: IO): Promise<number> {
    let st = await this.runPipeline(ao.first, io);
    for (const r of ao.rest) {
      if ((r.op === '&&' && st === 0) || (r.op === '||' && st !== 0)) st = await this.runPipeline(r.p, io);
    }
    this.status = st;
    return st;
  }

  private async runPipeline(p: Pipeline, io: IO): Promise<number> {
    let input = io.stdin;
    let st = 0;
    for (let i = 0; i < p.cmds.length; i++) {
      const last = i === p.cmds.length - 1;
      if (last) st = await this.runCommand(p.cmds[i], { stdin: input, out: io.out, err: io.err, background: io.background });
      else {
        let buf = '';
        await this.runCommand(p.cmds[i], { stdin: input, out: (t) => (buf += t), err: io.err, background: io.background });
        input = { rest: buf };
      }
    }
    if (p.negate) st = st === 0 ? 1 : 0;
    this.status = st;
    return st;
  }

  private async runCommand(c: Command, io: IO): Promise<number> {
    if (c.type !== 'simple' && c.redirs?.length) {
      const rd = await this.redirect(c.redirs, io);
      if (typeof rd === 'number') return rd;
      try {
        return await this.runCompound(c, rd.io);
      } finally {
        rd.flush();
      }
    }
    return this.runCompound(c, io);
  }

  private async runCompound(c: Command, io: IO): Promise<number> {
    switch (c.type) {
      case 'simple':
        return this.runSimple(c, io);
      case 'if': {
        for (const cl of c.clauses) {
          if ((await this.runList(cl.cond, io)) === 0) return this.runList(cl.body, io);
        }
        return c.otherwise ? this.runList(c.otherwise, io) : 0;
      }
      case 'for': {
        const items: string[] = [];
        for (const w of c.items) items.push(...(await this.expandWord(w)));
        let st = 0;
        for (const it of items) {
          this.ctx.spin();
          this.vars.set(c.name, it);
          st = await this.runList(c.body, io);
        }
        return st;
      }
      case 'while': {
        let st = 0;
        for (;;) {
          this.ctx.spin();
          const cond = await this.runList(c.cond, io);
          if ((cond === 0) === c.until) break;
          st = await this.runList(c.body, io);
        }
        return st;
      }
      case 'group': {
        if (!c.subshell) return this.runList(c.body, io);
        const saved = { vars: new Map(this.vars), cwd: this.cwd, exported: new Set(this.exported) };
        try {
          return await this.runList(c.body, io);
        } catch (e) {
          if (e instanceof ExitShell) return e.code;
          throw e;
        } finally {
          this.vars = saved.vars;
          this.cwd = saved.cwd;
          this.exported = saved.exported;
        }
      }
    }
  }

  // ---- expansion ---------------------------------------------------------------------------------------------

  private getVar(name: string): string | undefined {
    if (name === '?') return String(this.status);
    if (name === '$') return String(this.ctx.pid);
    if (name === '#') return String(this.positional.length);
    if (name === '0') return this.name;
    if (name === '@' || name === '*') return this.positional.join(' ');
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    if (name === 'PWD') return this.cwd;
    return this.vars.get(name);
  }

  /** Expands $VAR, ${...}, $(...) and `...` in text; `dq`: inside double quotes, where \\ \" \$ \` are escapes. */
  private async expandText(text: string, dq = false): Promise<string> {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (dq && c === '\\' && '"\\$`'.includes(text[i + 1] ?? 'x')) {
        out += text[++i];
        continue;
      }
      if (c === '`') {
        const end = text.indexOf('`', i + 1);
        out += await this.commandSubst(text.slice(i + 1, end < 0 ? text.length : end));
        i = end < 0 ? text.length : end;
        continue;
      }
      if (c !== '$') {
        out += c;
        continue;
      }
      const n = text[i + 1];
      if (n === '(') {
        const j = closingParen(text, i + 1);
        out += await this.commandSubst(text.slice(i + 2, j));
        i = j;
        continue;
      }
      if (n === '{') {
        const end = text.indexOf('}', i);
        const body = text.slice(i + 2, end);
        i = end;
        const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[?$#@*0-9])(?:(:?[-=+?])(.*))?$/.exec(body);
        if (!m) {
          out += '';
          continue;
        }
        const v = this.getVar(m[2]);
        if (m[1]) {
          out += String((v ?? '').length);
          continue;
        }
        const op = m[3];
        const empty = op?.startsWith(':') ? !v : v === undefined;
        if (op?.endsWith('-')) out += empty ? await this.expandText(m[4]) : v!;
        else if (op?.endsWith('=')) {
          if (empty) this.vars.set(m[2], await this.expandText(m[4]));
          out += this.vars.get(m[2]) ?? '';
        } else if (op?.endsWith('+')) out += empty ? '' : await this.expandText(m[4]);
        else out += v ?? '';
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*0-9])/.exec(text.slice(i + 1));
      if (!m) {
        out += '$';
        continue;
      }
      out += this.getVar(m[1]) ?? '';
      i += m[1].length;
    }
    return out;
  }

  private async commandSubst(src: string): Promise<string> {
    let buf = '';
    const saved = this.status;
    await this.runSource(src, { stdin: null, out: (t) => (buf += t), err: (t) => this.ctx.write('stderr', t) }).catch((e) => {
      if (!(e instanceof ExitShell)) throw e;
    });
    void saved;
    return buf.replace(/\n+$/, '');
  }

  /** Expands a word to fields: variables, command substitution, field splitting and globbing. */
  private async expandWord(w: Word): Promise<string[]> {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    let globbable = false;
    for (const seg of w) {
      if (seg.quote === 'single') {
        cur += seg.text;
        has = true;
      } else if (seg.quote === 'double') {
        const at = unescapedAt(seg.text);
        if (!at) {
          cur += await this.expandText(seg.text, true);
          has = true;
          continue;
        }
        // "$@": one field per positional parameter (none at all when there are none and nothing else is quoted).
        const before = await this.expandText(seg.text.slice(0, at.index), true);
        const after = await this.expandText(seg.text.slice(at.index + at.length), true);
        const ps = this.positional;
        if (ps.length === 0) {
          cur += before + after;
          if (before || after) has = true;
          continue;
        }
        cur += before + ps[0];
        for (let k = 1; k < ps.length; k++) {
          fields.push(cur);
          cur = ps[k];
        }
        cur += after;
        has = true;
      } else {
        // Unquoted: literal characters stay together; expansion results are split on whitespace.
        const pieces = splitExpansions(seg.text);
        for (const piece of pieces) {
          if (!piece) continue;
          if (piece.startsWith('$') || piece.startsWith('`')) {
            const v = await this.expandText(piece);
            const parts = v.split(/[ \t\n]+/);
            if (parts.length === 1) {
              cur += parts[0];
              if (parts[0]) has = true;
            } else {
              parts.forEach((p, idx) => {
                if (idx === 0) {
                  cur += p;
                  if (cur) fields.push(cur);
                } else if (idx === parts.length - 1) {
                  cur = p;
                } else if (p) fields.push(p);
              });
              has = cur !== '';
            }
          } else {
            const t = piece.startsWith('~') && cur === '' ? (this.vars.get('HOME') ?? '/root') + piece.slice(1) : piece;
            if (/[*?[]/.test(t)) globbable = true;
            cur += t;
            has = true;
          }
        }
      }
    }
    if (has || cur) fields.push(cur);
    if (globbable && fields.length) {
      const last = fields.pop()!;
      const matches = this.glob(last);
      fields.push(...(matches.length ? matches : [last]));
    }
    return fields;
  }

  private glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const parts = pattern.split('/').filter(Boolean);
    let results: string[] = [abs ? '/' : ''];
    for (const part of parts) {
      const next: string[] = [];
      const re = /[*?[]/.test(part) ? globRegex(part) : null;
      for (const base of results) {
        const dir = resolvePath(this.cwd, base || '.');
        if (!re) {
          const p = base === '' ? part : base === '/' ? `/${part}` : `${base}/${part}`;
          if (this.ctx.fs.stat(resolvePath(this.cwd, p))) next.push(p);
          continue;
        }
        for (const name of this.ctx.fs.readdir(dir) ?? []) {
          if (name.startsWith('.') && !part.startsWith('.')) continue;
          if (re.test(name)) next.push(base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
        }
      }
      results = next.sort();
    }
    return results.filter((r) => r !== '' && r !== '/');
  }

  // ---- simple commands ---------------------------------------------------------------------------------------

  private exportedEnv(extra: Record<string, string> = {}): Record<string, string> {
    const order = [...this.vars.keys()];
    const keys = [...new Set([...[...this.exported].filter((k) => this.vars.has(k)), ...Object.keys(extra)])];
    if (!this.isBash()) {
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

  private appletEnv(env: Record<string, string>): AppletEnv {
    return {
      fs: this.ctx.fs,
      cwd: this.cwd,
      env,
      hostname: this.ctx.spec.hostname,
      ip: this.ctx.spec.ipAddress ?? '172.17.0.2',
      user: this.user(),
      now: () => this.ctx.now(),
      sleep: (ms) =>
        new Promise<boolean>((resolve) => {
          const id = this.ctx.setTimer(ms, () => {
            this.cancelSleep = null;
            resolve(true);
          });
          this.cancelSleep = () => {
            this.ctx.clearTimer(id);
            this.cancelSleep = null;
            resolve(false);
          };
        }),
      tty: this.ctx.spec.tty,
      columns: 80,
      processes: () => {
        const list: [number, string][] = (this.ctx.spec.peers ?? []).map((p) => [p.pid, p.command]);
        list.push([this.ctx.pid, this.ctx.argv.join(' ')]);
        list.push([this.ctx.pid + 6, 'ps']);
        return list.sort((a, b) => a[0] - b[0]);
      },
      which: (n) => this.which(n),
      http: (url, opts) => netRequest(this.ctx, url, opts),
      exec: (argv, io, o) => this.ctx.spawnChild(argv, { env: o?.env ?? env, cwd: o?.cwd ?? this.cwd, out: io.out, err: io.err, ...(io.stdin !== undefined ? { stdin: io.stdin } : {}) }),
    };
  }

  private which(name: string): string | null {
    for (const dir of (this.vars.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
      const p = `${dir}/${name}`;
      const st = this.ctx.fs.stat(p);
      if (st && st.type === 'file' && st.mode & 0o111) return p;
    }
    return null;
  }

  private readTerminal(): Promise<string> {
    if (this.stdinEnded) return Promise.resolve('');
    return new Promise((resolve) => {
      const buf = this.pendingInput + this.queue.map((l) => l + '\n').join('');
      this.pendingInput = '';
      this.queue = [];
      this.reader = { buf, resolve };
    });
  }

  /** Applies redirections to an IO: the new IO and a flush for files written, or the exit status of a failure. */
  private async redirect(redirs: Redir[], io: IO): Promise<{ io: IO; flush: () => void } | number> {
    let out = io.out;
    let err = io.err;
    let stdin = io.stdin;
    const flushers: (() => void)[] = [];
    for (const r of redirs) {
      const target = (await this.expandWord(r.target)).join(' ');
      if (r.op === '>&') {
        if (target === '1' && r.fd === 2) err = (t) => out(t);
        else if (target === '2' && r.fd === 1) out = (t) => err(t);
        continue;
      }
      const path = resolvePath(this.cwd, target);
      if (r.op === '<') {
        const data = this.ctx.fs.readFile(path);
        if (!data) {
          io.err(`${this.ctx.argv[0]}: can't open ${target}: no such file\n`);
          return 1;
        }
        stdin = { rest: decodeText(data) };
        continue;
      }
      if (target === '/dev/null') {
        if (r.fd === 2) err = () => {};
        else out = () => {};
        continue;
      }
      if (target === '/dev/stderr') {
        if (r.fd === 1) out = (t) => io.err(t);
        continue;
      }
      if (target === '/dev/stdout') {
        if (r.fd === 2) err = (t) => io.out(t);
        continue;
      }
      if (this.ctx.fs.stat(path)?.type === 'dir') {
        io.err(`${this.ctx.argv[0]}: can't create ${target}: Is a directory\n`);
        return 1;
      }
      const e = r.op === '>' ? this.ctx.fs.writeFile(path, new Uint8Array()) : appendFile(this.ctx.fs, path, new Uint8Array());
      if (e) {
        io.err(`${this.ctx.argv[0]}: can't create ${target}: ${e === 'ENOENT' ? 'nonexistent directory' : e}\n`);
        return 1;
      }
      let buf = '';
      const sink = (t: string) => (buf += t);
      flushers.push(() => {
        if (buf) appendFile(this.ctx.fs, path, encodeText(buf));
      });
      if (r.fd === 2) err = sink;
      else out = sink;
    }
    return {
      io: { stdin, out, err, background: io.background },
      flush: () => {
        for (const f of flushers) f();
      },
    };
  }

  private async runSimple(c: Simple, io: IO): Promise<number> {
    const argv: string[] = [];
    for (const w of c.words) argv.push(...(await this.expandWord(w)));
    const assigns: [string, string][] = [];
    for (const [k, w] of c.assigns) assigns.push([k, (await this.expandWord(w)).join(' ')]);

    // Redirections.
    const rd = await this.redirect(c.redirs, io);
    if (typeof rd === 'number') return rd;
    const { stdin, out, err } = rd.io;
    const finish = (st: number) => {
      rd.flush();
      return st;
    };
    if (!argv.length) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return finish(0);
    }
    const cmdIO: IO = { stdin, out, err, background: io.background };
    const name = argv[0];
    if (BUILTINS.has(name)) return finish(await this.builtin(argv, cmdIO, assigns));

    const env = this.exportedEnv(Object.fromEntries(assigns));
    const appletIO: AppletIO = {
      readStdin: () => (stdin !== null ? Promise.resolve(takeAll(stdin)) : this.readTerminal()),
      out,
      err,
    };
    const runApplet = async (applet: string) => finish(await APPLET_IMPLS[applet]([applet, ...argv.slice(1)], appletIO, { ...this.appletEnv(env) }));
    const r = resolveExecutable(this.ctx.fs, argv, env, this.cwd);
    if (!r.ok) {
      if (!name.includes('/') && APPLETS.has(name) && APPLET_IMPLS[name]) return runApplet(name);
      if (r.error.code === 'runtime.unsupported') {
        err(`${this.ctx.argv[0]}: ${name}: Layerlab does not simulate this program\n`);
        return finish(126);
      }
      if (r.error.code === 'runtime.permission-denied') {
        err(`${this.ctx.argv[0]}: ${name}: Permission denied\n`);
        return finish(126);
      }
      err(this.isBash() ? `bash: ${name}: command not found\n` : `${this.ctx.argv[0]}: ${name}: not found\n`);
      return finish(127);
    }
    const prog = r.value;
    if (prog.kind === 'applet' && prog.applet && APPLET_IMPLS[prog.applet]) return runApplet(prog.applet);
    if (prog.kind === 'sh' && prog.argv.length > 1 && prog.argv[1] === '-c' && stdin === null && out === io.out) {
      // Fall through to a child shell below (keeps its own variables).
    }
    // Pipes and redirections capture the child's output; a background job keeps writing to the terminal.
    // A pipe or `<` redirection feeds the child's stdin (then end of input), as a real shell's pipe would.
    const code = await this.ctx.spawnChild(prog.argv, { env, cwd: this.cwd, background: io.background, ...(io.background ? {} : { out, err }), ...(stdin !== null ? { stdin: takeAll(stdin) } : {}) });
    return finish(code);
  }

  private async builtin(argv: string[], io: IO, assigns: [string, string][]): Promise<number> {
    const [name, ...args] = argv;
    switch (name) {
      case ':':
        return 0;
      case 'cd': {
        const target = args[0] === undefined ? this.vars.get('HOME') ?? '/' : args[0] === '-' ? this.vars.get('OLDPWD') ?? this.cwd : args[0];
        const p = resolvePath(this.cwd, target);
        const st = this.ctx.fs.stat(p);
        if (!st || st.type !== 'dir') {
          io.err(`${this.ctx.argv[0]}: cd: can't cd to ${target}: ${st ? 'Not a directory' : 'No such file or directory'}\n`);
          return 2;
        }
        this.vars.set('OLDPWD', this.cwd);
        this.cwd = p;
        this.vars.set('PWD', p);
        if (args[0] === '-') io.out(p + '\n');
        return 0;
      }
      case 'export': {
        if (!args.length || args[0] === '-p') {
          for (const k of [...this.exported].sort()) {
            const v = this.vars.get(k);
            if (v !== undefined) io.out(`export ${k}='${v.replace(/'/g, `'\\''`)}'\n`);
          }
          return 0;
        }
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq >= 0) {
            this.vars.set(a.slice(0, eq), a.slice(eq + 1));
            this.exported.add(a.slice(0, eq));
          } else this.exported.add(a);
        }
        return 0;
      }
      case 'readonly':
      case 'local':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq >= 0) this.vars.set(a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      case 'unset':
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          this.vars.delete(a);
          this.exported.delete(a);
        }
        return 0;
      case 'exit': {
        const code = args[0] === undefined ? this.status : Number(args[0]) & 255;
        if (args[0] !== undefined && !/^-?\d+$/.test(args[0])) {
          io.err(`${this.ctx.argv[0]}: exit: Illegal number: ${args[0]}\n`);
          throw new ExitShell(2);
        }
        throw new ExitShell(code);
      }
      case 'return':
        return args[0] ? Number(args[0]) : this.status;
      case 'set':
        if (!args.length) {
          for (const [k, v] of [...this.vars.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`${k}='${v}'\n`);
          return 0;
        }
        if (args[0] === '--') this.positional = args.slice(1);
        else if (!args[0].startsWith('-') && !args[0].startsWith('+')) this.positional = args;
        return 0;
      case 'shift': {
        const n = args[0] ? Number(args[0]) : 1;
        this.positional = this.positional.slice(n);
        return 0;
      }
      case 'source':
      case '.': {
        if (!args[0]) {
          io.err(`${this.ctx.argv[0]}: .: need a file\n`);
          return 2;
        }
        const data = this.ctx.fs.readFile(resolvePath(this.cwd, args[0]));
        if (!data) {
          io.err(`${this.ctx.argv[0]}: .: can't open '${args[0]}': No such file or directory\n`);
          return 2;
        }
        return this.runSource(decodeText(data), io);
      }
      case 'eval':
        return this.runSource(args.join(' '), io);
      case 'exec':
        if (!args.length) return 0;
        {
          const code = await this.runSimple({ type: 'simple', assigns: [], words: args.map((a) => [{ text: a, quote: 'single' as const }]), redirs: [] }, io);
          throw new ExitShell(code);
        }
      case 'read': {
        const names = args.filter((a) => !a.startsWith('-'));
        let text: string;
        if (io.stdin !== null) {
          const rest = io.stdin.rest;
          if (rest === '') return 1;
          const nl = rest.indexOf('\n');
          text = nl >= 0 ? rest.slice(0, nl) : rest;
          io.stdin.rest = nl >= 0 ? rest.slice(nl + 1) : '';
        } else {
          text = await this.readLine();
          if (text === '\u0000EOF') return 1;
        }
        const parts = text.trim().split(/\s+/);
        (names.length ? names : ['REPLY']).forEach((n, i, all) => this.vars.set(n, i === all.length - 1 ? parts.slice(i).join(' ') : parts[i] ?? ''));
        return 0;
      }
      case 'test':
      case '[': {
        const a = name === '[' ? args.slice(0, args[args.length - 1] === ']' ? -1 : args.length) : args;
        if (name === '[' && args[args.length - 1] !== ']') {
          io.err(`${this.ctx.argv[0]}: [: missing ]\n`);
          return 2;
        }
        return this.test(a) ? 0 : 1;
      }
      case 'type':
      case 'command': {
        const names = args.filter((a) => !a.startsWith('-'));
        if (name === 'command' && !args.some((a) => a === '-v' || a === '-V')) {
          return this.runSimple({ type: 'simple', assigns: [], words: names.map((x) => [{ text: x, quote: 'single' as const }]), redirs: [] }, io);
        }
        let st = 0;
        for (const n of names) {
          if (BUILTINS.has(n)) io.out(name === 'type' ? `${n} is a shell builtin\n` : `${n}\n`);
          else {
            const p = this.which(n);
            if (p) io.out(name === 'type' ? `${n} is ${p}\n` : `${p}\n`);
            else {
              if (name === 'type') io.out(`${n}: not found\n`);
              st = 127;
            }
          }
        }
        return st;
      }
      case 'umask':
        io.out('0022\n');
        return 0;
      case 'alias':
      case 'unalias':
      case 'wait':
      case 'trap':
      case 'history':
      case 'jobs':
        return 0;
    }
    void assigns;
    return 0;
  }

  private readLine(): Promise<string> {
    if (this.queue.length) return Promise.resolve(this.queue.shift()!);
    const nl = this.pendingInput.indexOf('\n');
    if (nl >= 0) {
      const line = this.pendingInput.slice(0, nl);
      this.pendingInput = this.pendingInput.slice(nl + 1);
      return Promise.resolve(line);
    }
    if (this.stdinEnded) {
      const rest = this.pendingInput;
      this.pendingInput = '';
      return Promise.resolve(rest || '\u0000EOF');
    }
    return new Promise((resolve) => {
      const buf = this.pendingInput;
      this.pendingInput = '';
      this.reader = { buf, resolve, line: true };
    });
  }

  private test(a: string[]): boolean {
    if (a.length === 0) return false;
    if (a[0] === '!') return !this.test(a.slice(1));
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const p = resolvePath(this.cwd, a[1]);
      const st = this.ctx.fs.stat(p);
      switch (a[0]) {
        case '-n':
          return a[1] !== '';
        case '-z':
          return a[1] === '';
        case '-e':
          return !!st;
        case '-f':
          return st?.type === 'file';
        case '-d':
          return st?.type === 'dir';
        case '-s':
          return !!st && st.size > 0;
        case '-x':
          return !!st && (st.mode & 0o111) !== 0;
        case '-r':
        case '-w':
          return !!st;
      }
      return false;
    }
    const i = a.indexOf('-a');
    if (i > 0) return this.test(a.slice(0, i)) && this.test(a.slice(i + 1));
    const o = a.indexOf('-o');
    if (o > 0) return this.test(a.slice(0, o)) || this.test(a.slice(o + 1));
    const [l, op, r] = a;
    switch (op) {
      case '=':
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '-eq':
        return Number(l) === Number(r);
      case '-ne':
        return Number(l) !== Number(r);
      case '-lt':
        return Number(l) < Number(r);
      case '-le':
        return Number(l) <= Number(r);
      case '-gt':
        return Number(l) > Number(r);
      case '-ge':
        return Number(l) >= Number(r);
    }
    return false;
  }
}

/** Runs one applet as a whole program (`docker run alpine cat /etc/hostname`, `docker exec c ls -l`). */
export class AppletProgram implements Program {
  private buffered = '';
  private waiting: ((s: string) => void) | null = null;
  private ended = false;
  constructor(
    private ctx: ProgramContext,
    private applet: string,
  ) {}

  start(): void {
    const impl = APPLET_IMPLS[this.applet] ?? echo;
    const io: AppletIO = {
      readStdin: () =>
        this.ended
          ? Promise.resolve(this.buffered)
          : new Promise((resolve) => {
              this.waiting = resolve;
            }),
      out: (t) => this.ctx.write('stdout', t),
      err: (t) => this.ctx.write('stderr', t),
    };
    const u = (this.ctx.spec.user ?? 'root').split(':')[0];
    const env: AppletEnv = {
      fs: this.ctx.fs,
      cwd: this.ctx.cwd,
      env: this.ctx.env,
      hostname: this.ctx.spec.hostname,
      ip: this.ctx.spec.ipAddress ?? '172.17.0.2',
      user: u === '0' || u === '' ? 'root' : u,
      now: () => this.ctx.now(),
      sleep: (ms) => new Promise<boolean>((resolve) => this.ctx.setTimer(ms, () => resolve(true))),
      tty: this.ctx.spec.tty,
      columns: 80,
      processes: () => [...(this.ctx.spec.peers ?? []).map((p): [number, string] => [p.pid, p.command]), [this.ctx.pid, this.ctx.argv.join(' ')] as [number, string]].sort((a, b) => a[0] - b[0]),
      which: () => null,
      http: (url, opts) => netRequest(this.ctx, url, opts),
      exec: (argv, io, o) => this.ctx.spawnChild(argv, { env: o?.env ?? this.ctx.env, cwd: o?.cwd ?? this.ctx.cwd, out: io.out, err: io.err, ...(io.stdin !== undefined ? { stdin: io.stdin } : {}) }),
    };
    const release = this.ctx.hold();
    void Promise.resolve(impl([this.applet, ...this.ctx.argv.slice(1)], io, env)).then((code) => {
      release();
      this.ctx.exit(code);
    });
  }

  input(text: string): void {
    this.buffered += text;
  }

  inputEnd(): void {
    this.ended = true;
    const w = this.waiting;
    this.waiting = null;
    w?.(this.buffered);
  }
}
