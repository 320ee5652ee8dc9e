/**
 * `sh` (also ash/bash): the busybox-ash-like shell program over the process's ProcessFs. Reads commands from the
 * terminal (prompt `/diamol # `), from piped stdin, from `-c "..."` or from a script file, one line at a time as
 * ash does, and runs them with the interpreter (interp.ts).
 */
import type { Program, ProgramContext } from '../kernel';
import type { Signal } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';
import { isIncomplete, LineParser, ShellSyntaxError } from './parse';
import { ExitShell, FatalError, Interp, TOP_OUT, type IO, type LineMode, type ShellHost } from './interp';


export class ShellProgram implements Program, ShellHost {
  private sh: Interp;
  private isInteractive = false;
  private pendingInput = '';
  private queue: string[] = [];
  private running = false;
  private stdinEnded = false;
  /** A pending read of stdin: all of it (applets like cat, until end of input) or one line (`read`). */
  private reader: { buf: string; resolve: (s: string | null) => void; line?: boolean } | null = null;
  private cancelSleep: (() => void) | null = null;
  private partial: string[] = [];
  /** True when commands come from stdin (not -c or a script file). */
  private readsCommands = false;
  private io: IO;

  constructor(readonly ctx: ProgramContext) {
    const sh = (this.sh = new Interp(this, ctx.argv[0], ctx.cwd));
    for (const [k, v] of Object.entries(ctx.env)) {
      sh.vars.set(k, v);
      sh.exported.add(k);
    }
    // Like ash/bash: SHLVL goes up by one and PWD is exported.
    sh.vars.set('SHLVL', String((parseInt(ctx.env.SHLVL ?? '0', 10) || 0) + 1));
    sh.vars.set('PWD', ctx.cwd);
    sh.exported.add('SHLVL');
    sh.exported.add('PWD');
    const out = (t: string) => ctx.write('stdout', t);
    this.io = { stdin: null, out, err: (t) => ctx.write('stderr', t) };
    TOP_OUT.set(this, out);
  }

  get ownsTty(): boolean {
    return false;
  }

  // ---- ShellHost

  interactive(): boolean {
    return this.isInteractive;
  }

  /** bash (ubuntu, debian) rather than busybox ash: its prompt and messages differ. */
  isBash(): boolean {
    return this.flavour() === 'bash';
  }

  /** bash or dash when invoked by that name, or as `sh` where /bin/sh links to dash (Debian); else busybox ash. */
  flavour(): 'ash' | 'dash' | 'bash' {
    const base = this.ctx.argv[0].slice(this.ctx.argv[0].lastIndexOf('/') + 1);
    if (base === 'bash' || base === 'dash') return base;
    if (base === 'sh' && /(^|\/)dash$/.test(this.ctx.fs.readlink?.('/bin/sh') ?? '')) return 'dash';
    return 'ash';
  }

  user(): string {
    const u = this.ctx.spec.user ?? 'root';
    const name = u.split(':')[0];
    return name === '0' || name === '' ? 'root' : name;
  }

  setCancel(fn: (() => void) | null): void {
    this.cancelSleep = fn;
  }

  readAll(): Promise<string> {
    if (this.stdinEnded) {
      const rest = this.pendingInput + this.queue.map((l) => l + '\n').join('');
      this.pendingInput = '';
      this.queue = [];
      return Promise.resolve(rest);
    }
    return new Promise((resolve) => {
      const buf = this.pendingInput + this.queue.map((l) => l + '\n').join('');
      this.pendingInput = '';
      this.queue = [];
      this.reader = { buf, resolve: (s) => resolve(s ?? '') };
    });
  }

  async readLine(): Promise<{ text: string; eof: boolean } | null> {
    if (this.queue.length) return { text: this.queue.shift()!, eof: false };
    const nl = this.pendingInput.indexOf('\n');
    if (nl >= 0) {
      const line = this.pendingInput.slice(0, nl);
      this.pendingInput = this.pendingInput.slice(nl + 1);
      return { text: line, eof: false };
    }
    if (this.stdinEnded) {
      const rest = this.pendingInput;
      this.pendingInput = '';
      return rest ? { text: rest, eof: true } : null;
    }
    const buf = this.pendingInput;
    this.pendingInput = '';
    const line = await new Promise<string | null>((resolve) => {
      this.reader = { buf, resolve, line: true };
    });
    if (line === null) return null;
    return line.endsWith('\n') ? { text: line.slice(0, -1), eof: false } : { text: line, eof: true };
  }

  // ---- Program

  start(): void {
    const args = this.ctx.argv.slice(1);
    const sh = this.sh;
    let i = 0;
    let commandMode = false;
    let forceInteractive = false;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (a === '--login') continue;
      if (!/^[-+]./.test(a)) break;
      for (const f of a.slice(1)) {
        if (f === 'c') commandMode = true;
        else if (f === 'i') forceInteractive = true;
        else if (f in sh.opts) sh.opts[f as keyof Interp['opts']] = a[0] === '-';
      }
    }
    const rest = args.slice(i);
    if (commandMode) {
      const command = rest[0];
      if (command === undefined) {
        this.ctx.write('stderr', `${this.ctx.argv[0]}: -c requires an argument\n`);
        return this.ctx.exit(2);
      }
      if (rest.length > 1) {
        sh.name = rest[1];
        sh.positional = rest.slice(2);
      }
      this.runText(command, 'c');
      return;
    }
    if (rest.length) {
      const file = rest[0];
      sh.name = file;
      sh.positional = rest.slice(1);
      const data = this.ctx.fs.readFile(resolvePath(sh.cwd, file));
      if (!data) {
        this.ctx.write('stderr', `${this.ctx.argv[0]}: can't open '${file}': No such file or directory\n`);
        return this.ctx.exit(2);
      }
      this.runText(decodeText(data), 'file');
      return;
    }
    this.readsCommands = true;
    sh.lineMode = 'stdin';
    this.isInteractive = forceInteractive || (this.ctx.spec.tty && this.ctx.spec.interactive);
    if (this.isInteractive) this.prompt();
  }

  /** Runs a whole text (`-c` or a script file) line by line, then exits with its status. */
  private runText(src: string, mode: LineMode): void {
    this.sh.lineMode = mode;
    void this.runLines(src).then(
      (code) => this.ctx.exit(code),
      (e) => this.internalError(e),
    );
  }

  /** Runs text line by line in the shell; the status when it ends (exit, error or end of text). */
  private async runLines(src: string): Promise<number> {
    const sh = this.sh;
    const parser = new LineParser(src);
    let st = 0;
    try {
      for (;;) {
        let list;
        try {
          list = parser.next();
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          sh.line = e.line - sh.lineBase;
          throw new FatalError(sh.msg(e.message));
        }
        if (!list) break;
        st = await sh.runList(list, this.io);
      }
    } catch (e) {
      st = sh.caught(e, this.io);
    }
    return sh.finish(st, this.io);
  }

  /** A bug in the shell itself: say so and end, never leave the process hanging. */
  private internalError(e: unknown): void {
    this.ctx.write('stderr', `${this.ctx.argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    this.ctx.exit(2);
  }

  private prompt(cont = false): void {
    if (!this.isInteractive) return;
    if (cont) {
      this.ctx.write('stdout', this.sh.vars.get('PS2') ?? '> ');
      return;
    }
    const ps1 = this.sh.vars.get('PS1');
    this.ctx.write('stdout', this.expandPrompt(ps1 ?? (this.isBash() ? '\\u@\\h:\\w\\$ ' : '\\w \\$ ')));
  }

  private expandPrompt(ps: string): string {
    const cwd = this.sh.cwd;
    const home = this.sh.vars.get('HOME') ?? '/root';
    const w = cwd === home ? '~' : cwd.startsWith(home + '/') && home !== '/' ? '~' + cwd.slice(home.length) : cwd;
    const user = this.user();
    return ps.replace(/\\([wWhHu$n])/g, (_m, c) => {
      switch (c) {
        case 'w':
          return w;
        case 'W':
          return cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
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

  input(text: string): void {
    if (this.reader) {
      const r = this.reader;
      r.buf += text;
      const nl = r.line ? r.buf.indexOf('\n') : -1;
      if (nl >= 0) {
        // `read` takes one line; the rest stays for the next reader.
        this.reader = null;
        this.pendingInput = r.buf.slice(nl + 1) + this.pendingInput;
        r.resolve(r.buf.slice(0, nl + 1));
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
      this.stdinEnded = true;
      r.resolve(r.line ? r.buf || null : r.buf);
      if (!this.readsCommands) return;
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
    if (!this.isInteractive) return false;
    this.partial = [];
    this.ctx.write('stdout', '\n');
    if (!this.running) this.prompt();
    return true;
  }

  /** A trapped signal runs its trap (`trap 'echo bye; exit 0' TERM` in an entrypoint); `trap '' TERM` ignores it. */
  signal(sig: Signal): boolean {
    // Without a trap, the default action applies (and a pid-1 shell ignores it: see kernel.kill).
    const action = this.sh.traps.get(sig.replace(/^SIG/, ''));
    if (action === undefined) return false;
    if (action === '') return true;
    const sh = this.sh;
    const st = sh.status;
    void sh
      .runSource(action, this.io)
      .then(
        () => {
          sh.status = st;
        },
        async (e) => this.ctx.exit(await sh.finish(sh.caught(e, this.io), this.io)),
      )
      .catch((e) => this.internalError(e));
    return true;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const sh = this.sh;
    try {
      while (this.queue.length) {
        const line = this.queue.shift()!;
        this.partial.push(line);
        const src = this.partial.join('\n');
        if (isIncomplete(src) && !(this.stdinEnded && !this.queue.length)) {
          this.prompt(true);
          continue;
        }
        const lines = this.partial.length;
        this.partial = [];
        try {
          sh.status = await sh.runSource(src, this.io);
        } catch (e) {
          if (e instanceof ExitShell || !(e instanceof FatalError) || !this.isInteractive) {
            const st = sh.caught(e, this.io);
            return this.ctx.exit(await sh.finish(e instanceof ExitShell ? e.code : st, this.io));
          }
          this.io.err(e.message);
          sh.status = 2;
        }
        sh.lineBase += lines;
        this.prompt();
      }
      if (this.stdinEnded) {
        if (this.isInteractive && this.isBash()) this.ctx.write('stdout', 'exit\n');
        this.ctx.exit(await sh.finish(sh.status, this.io));
      }
    } finally {
      this.running = false;
    }
  }
}
