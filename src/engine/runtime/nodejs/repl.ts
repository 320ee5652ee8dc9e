/**
 * The Node REPL: `> ` prompt, Node-style results (`'a'`, `{ a: 1 }`, `undefined`), multi-line input with `... `,
 * .help/.exit/.break/.clear, Ctrl-C once shows the exit hint and twice exits, Ctrl-D exits.
 * State persists between lines: each line is evaluated with a direct eval inside one long-lived generator, and
 * top-level let/const/class become var so later lines see them.
 */
import type { ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import { inspect } from './inspect';
import { versionedMessage, type NodeFlavour } from './node-errors';
import type { NodeProgram } from './node-program';

type EvalResult = { ok: true; value: unknown } | { ok: false; error: unknown };

export class NodeRepl {
  private buffer: string[] = [];
  private pendingInput = '';
  private interrupts = 0;
  private tty = false;
  private evaluator: Generator<EvalResult, void, string> | null = null;
  private closed = false;

  constructor(
    private node: NodeProgram,
    private ctx: ProgramContext,
    private fl: NodeFlavour,
  ) {}

  start(tty: boolean): void {
    this.tty = tty;
    const { names, values } = this.node.replGlobals();
    const factory = (0, eval)(
      `(function* (require, module, exports, ${names.join(', ')}) { var __lr; var __code = yield; for (;;) { try { __lr = { ok: true, value: eval(__code) }; } catch (e) { __lr = { ok: false, error: e }; } __code = yield __lr; } })`,
    );
    const module = { exports: {} };
    this.evaluator = factory(this.node.replRequire(), module, module.exports, ...values);
    this.evaluator!.next();
    if (tty && this.fl.major >= 12) this.ctx.write('stdout', `Welcome to Node.js ${this.fl.version}.\nType ".help" for more information.\n`);
    this.prompt();
  }

  private prompt(): void {
    if (this.closed) return;
    this.ctx.write('stdout', this.buffer.length ? '... ' : '> ');
  }

  input(text: string): void {
    this.pendingInput += text;
    let i: number;
    while ((i = this.pendingInput.indexOf('\n')) >= 0 && !this.closed) {
      const line = this.pendingInput.slice(0, i).replace(/\r$/, '');
      this.pendingInput = this.pendingInput.slice(i + 1);
      this.line(line);
    }
  }

  end(): void {
    if (this.closed) return;
    if (this.pendingInput) {
      const l = this.pendingInput;
      this.pendingInput = '';
      this.line(l);
    }
    if (this.closed) return;
    if (this.tty) this.ctx.write('stdout', '\n');
    this.close(0);
  }

  interrupt(pending: string): boolean {
    if (this.closed) return true;
    if (pending || this.buffer.length) {
      this.buffer = [];
      this.interrupts = 0;
      this.ctx.write('stdout', '\n');
      this.prompt();
      return true;
    }
    this.interrupts++;
    if (this.interrupts >= 2) {
      this.ctx.write('stdout', '\n');
      this.close(0);
      return true;
    }
    this.ctx.write('stdout', this.fl.legacy ? '\n(To exit, press ^C again or type .exit)\n' : '\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this.prompt();
    return true;
  }

  private close(code: number): void {
    this.closed = true;
    this.node.exit(code);
  }

  private command(line: string): boolean {
    const cmd = line.trim().split(/\s+/)[0];
    switch (cmd) {
      case '.exit':
        this.close(0);
        return true;
      case '.help':
        this.ctx.write(
          'stdout',
          this.fl.legacy
            ? '.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the repl\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n'
            : '.break     Sometimes you get stuck, this gets you out\n.clear     Alias for .break\n.editor    Enter editor mode\n.exit      Exit the REPL\n.help      Print this help message\n.load      Load JS from a file into the REPL session\n.save      Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n',
        );
        return true;
      case '.break':
      case '.clear':
        this.buffer = [];
        return true;
      default:
        this.ctx.write('stdout', 'Invalid REPL keyword\n');
        return true;
    }
  }

  private line(line: string): void {
    this.interrupts = 0;
    if (!this.buffer.length && /^\s*\.[a-z]/.test(line)) {
      this.command(line);
      this.prompt();
      return;
    }
    this.buffer.push(line);
    const code = this.buffer.join('\n');
    if (!code.trim()) {
      this.buffer = [];
      this.prompt();
      return;
    }
    const r = this.evaluate(code);
    if (!r.ok && r.error instanceof SyntaxError && /Unexpected end of input|Unterminated (template|string)|missing \) after/.test(r.error.message)) {
      this.prompt();
      return;
    }
    this.buffer = [];
    if (r.ok) this.ctx.write('stdout', `${inspect(r.value, { legacy: this.fl.legacy, colors: this.tty })}\n`);
    else if (r.error instanceof ProcessExit) return;
    else this.printError(r.error);
    this.prompt();
  }

  private rewrite(code: string): string {
    let c = code.replace(/^(\s*)(let|const)\s+/gm, '$1var ');
    c = c.replace(/^(\s*)class\s+([A-Za-z_$][\w$]*)/gm, '$1var $2 = class $2');
    return c;
  }

  private evaluate(code: string): EvalResult {
    const src = this.rewrite(code);
    const trimmed = src.trim();
    if (trimmed.startsWith('{') && trimmed.endsWith('}') && !trimmed.endsWith(';')) {
      const r = this.evaluator!.next(`(${trimmed})`).value as EvalResult;
      if (r.ok || !(r.error instanceof SyntaxError)) return r;
    }
    return this.evaluator!.next(src).value as EvalResult;
  }

  /** An exception from an async callback while the REPL is running. */
  uncaught(e: unknown): void {
    if (e instanceof ProcessExit) return;
    this.ctx.write('stdout', '\n');
    this.printError(e);
    this.prompt();
  }

  private printError(e: unknown): void {
    const fl = this.fl;
    if (e instanceof Error) {
      const head = `${e.name}: ${versionedMessage(fl, e.message)}`;
      if (fl.legacy) this.ctx.write('stderr', `${head}\n    at repl:1:1\n    at Script.runInThisContext (vm.js:319:30)\n    at REPLServer.defaultEval (repl.js:332:29)\n    at bound (domain.js:402:14)\n    at REPLServer.runBound [as eval] (domain.js:415:12)\n`);
      else if (fl.major < 16) this.ctx.write('stderr', `Thrown:\n${head}\n`);
      else this.ctx.write('stderr', `Uncaught ${head}\n`);
      return;
    }
    const shown = inspect(e, { legacy: fl.legacy });
    if (fl.legacy) this.ctx.write('stderr', `Thrown: ${shown}\n`);
    else if (fl.major < 16) this.ctx.write('stderr', `Thrown:\n${shown}\n`);
    else this.ctx.write('stderr', `Uncaught ${shown}\n`);
  }
}
