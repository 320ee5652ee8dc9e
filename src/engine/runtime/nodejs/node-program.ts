/**
 * `node`: runs a JavaScript file (CommonJS, plus simple ES module syntax) with a small Node-compatible surface on
 * the process's virtual clock and filesystem. Modes, as real node picks them:
 *   node FILE [args] | node -e CODE | node -p CODE | node -v | node -i / node on a TTY (REPL) |
 *   node with piped stdin (reads the script from stdin, runs it at end of input) | node without stdin (exits 0).
 */
import type { Program, ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import type { Signal } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';
import { createVirtualDate, createMath, NodeBuffer } from './globals';
import { inspect, type InspectOptions } from './inspect';
import { moduleNotFound, type NodeFlavour } from './node-errors';
import { NodeRepl } from './repl';
import { createProcess } from './process-object';
import { createConsole } from './console';
import { createGlobal, GLOBAL_NAMES } from './global-object';
import { BuiltinModules } from './builtin-modules';
import { createShimmedPackage } from './package-shims';
import { Module, ModuleLoader } from './module-loader';
import { UncaughtReport } from './uncaught-report';
import { installStackFormat } from './stack-format';
import { setLibraryTickOwner } from './library-process';

export const DEFAULT_NODE_VERSION = 'v10.16.0';

export function nodeFlavour(env: Record<string, string>): NodeFlavour {
  const raw = env.NODE_VERSION ? (env.NODE_VERSION.startsWith('v') ? env.NODE_VERSION : `v${env.NODE_VERSION}`) : DEFAULT_NODE_VERSION;
  const major = parseInt(raw.slice(1), 10) || 10;
  return { version: raw, major, legacy: major < 12 };
}

export class NodeProgram implements Program {
  readonly fl: NodeFlavour;
  readonly Date: DateConstructor;
  readonly Math: Math;
  readonly startTime: number;
  readonly inspectOpts: InspectOptions;
  process: any;
  console: any;
  private cwd: string;
  private mode: 'script' | 'eval' | 'print' | 'stdin-script' | 'repl' | 'none' = 'none';
  private stdinText = '';
  private stdin: any;
  private stdinEnded = false;
  private stdinHold: (() => void) | null = null;
  private repl: NodeRepl | null = null;
  private loadingMain = false;
  private userGlobal: any;
  private exiting = false;
  private builtins: BuiltinModules;
  private modules: ModuleLoader;
  private report: UncaughtReport;

  constructor(readonly ctx: ProgramContext) {
    installStackFormat();
    this.fl = nodeFlavour(ctx.env);
    this.cwd = ctx.cwd;
    this.startTime = ctx.now();
    this.Date = createVirtualDate(() => ctx.now());
    this.Math = createMath(() => ctx.random());
    this.inspectOpts = { legacy: this.fl.legacy, stackOf: (e) => this.cleanStack(e) };
    this.process = createProcess({
      ctx,
      fl: this.fl,
      startTime: this.startTime,
      cwd: () => this.cwd,
      setCwd: (dir) => {
        this.cwd = dir;
      },
      exit: (code) => this.exit(code),
      signal: (sig) => this.signal(sig),
      immediate: (cb) => this.immediate(cb),
      holdStdin: () => {
        if (!this.stdinHold && !this.stdinEnded && this.mode !== 'stdin-script' && this.mode !== 'repl') this.stdinHold = ctx.hold();
      },
      releaseStdin: () => {
        this.stdinHold?.();
        this.stdinHold = null;
      },
      stdinEnded: () => this.stdinEnded,
    });
    this.stdin = this.process.stdin;
    this.console = createConsole(ctx, this.inspectOpts);
    this.userGlobal = createGlobal(this);
    this.builtins = new BuiltinModules({
      ctx,
      fl: this.fl,
      startTime: this.startTime,
      Date: this.Date,
      process: this.process,
      console: this.console,
      userGlobal: this.userGlobal,
      cwd: () => this.cwd,
      immediate: (cb) => this.immediate(cb),
    });
    this.modules = new ModuleLoader({
      ctx,
      fl: this.fl,
      inspectOpts: this.inspectOpts,
      process: this.process,
      userGlobal: this.userGlobal,
      builtin: (name) => this.builtin(name),
      shim: (name) => createShimmedPackage(name, this, () => this.cwd),
      uncaught: (e) => this.uncaught(e),
    });
    this.report = new UncaughtReport({
      ctx,
      fl: this.fl,
      inspectOpts: this.inspectOpts,
      modules: this.modules,
      loadingMain: () => this.loadingMain,
    });
  }

  get ownsTty(): boolean {
    return this.mode === 'repl';
  }

  // ---- program entry points -------------------------------------------------------------------------------

  start(): void {
    setLibraryTickOwner((e) => this.uncaught(e));
    const args = this.ctx.argv.slice(1);
    let evalCode: string | null = null;
    let print = false;
    let interactive = false;
    const preload: string[] = [];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (a === '-v' || a === '--version') {
        this.ctx.write('stdout', `${this.fl.version}\n`);
        return this.ctx.exit(0);
      }
      if (a === '-h' || a === '--help') {
        this.ctx.write('stdout', 'Usage: node [options] [ script.js ] [arguments]\n       node inspect [options] [ script.js | host:port ] [arguments]\n\nOptions:\n  -                           script read from stdin (default if no file name is provided, interactive mode if a tty)\n  -e, --eval=...              evaluate script\n  -h, --help                  print node command line options (currently set)\n  -i, --interactive           always enter the REPL even if stdin does not appear to be a terminal\n  -p, --print [...]           evaluate script and print result\n  -r, --require=...           module to preload (option can be repeated)\n  -v, --version               print Node.js version\n\nDocumentation can be found at https://nodejs.org/\n');
        return this.ctx.exit(0);
      }
      if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe') {
        print = print || a.startsWith('-p');
        evalCode = args[++i] ?? '';
        if (evalCode === undefined) {
          this.ctx.write('stderr', `${this.ctx.argv[0]}: ${a} requires an argument\n`);
          return this.ctx.exit(9);
        }
        continue;
      }
      if (a.startsWith('--eval=') || a.startsWith('--print=')) {
        print = a.startsWith('--print=');
        evalCode = a.slice(a.indexOf('=') + 1);
        continue;
      }
      if (a === '-i' || a === '--interactive') {
        interactive = true;
        continue;
      }
      if (a === '-r' || a === '--require') {
        preload.push(args[++i] ?? '');
        continue;
      }
      if (a === '-') {
        i++;
        break;
      }
      if (a.startsWith('-')) {
        if (/^--(inspect|trace|max-old-space-size|no-|experimental|enable|harmony|use-strict|stack-size|expose-gc|abort-on)/.test(a)) continue;
        this.ctx.write('stderr', `${this.ctx.argv[0]}: bad option: ${a}\n`);
        return this.ctx.exit(9);
      }
      break;
    }
    const rest = args.slice(i);
    for (const p of preload) this.modules.requireFrom(p, this.cwd + '/[preload]', null);
    if (evalCode !== null) {
      this.mode = print ? 'print' : 'eval';
      this.process.argv = ['/usr/local/bin/node', ...rest];
      const file = `${this.cwd === '/' ? '' : this.cwd}/[eval]`;
      this.loadingMain = true;
      const result = this.modules.runSource(evalCode, file, true);
      this.loadingMain = false;
      if (print) this.ctx.write('stdout', `${typeof result === 'string' ? result : inspect(result, this.inspectOpts)}\n`);
      return;
    }
    const script = !interactive && rest.length && args[i - 1] !== '-' ? rest[0] : null;
    if (script) {
      this.mode = 'script';
      const file = resolvePath(this.cwd, script);
      this.process.argv = ['/usr/local/bin/node', file, ...rest.slice(1)];
      this.process.mainModule = undefined;
      this.loadingMain = true;
      this.loadMain(file, script);
      this.loadingMain = false;
      return;
    }
    if (interactive || (this.ctx.spec.tty && this.ctx.spec.interactive)) {
      this.mode = 'repl';
      this.repl = new NodeRepl(this, this.ctx, this.fl);
      this.repl.start(!!(this.ctx.spec.tty && this.ctx.spec.interactive));
      return;
    }
    this.mode = 'stdin-script';
    this.stdinHold = this.ctx.hold();
  }

  input(text: string): void {
    if (this.mode === 'repl') return this.repl!.input(text);
    if (this.mode === 'stdin-script') {
      this.stdinText += text;
      return;
    }
    if (this.stdinEnded) return;
    const chunk = this.stdin._encoding ? text : NodeBuffer.from(text);
    this.stdin.emit('data', chunk);
  }

  inputEnd(): void {
    if (this.mode === 'repl') return this.repl!.end();
    if (this.mode === 'stdin-script') {
      this.mode = 'script';
      this.stdinHold?.();
      this.stdinHold = null;
      this.process.argv = ['/usr/local/bin/node', '-'];
      this.loadingMain = true;
      this.modules.runSource(this.stdinText, `${this.cwd === '/' ? '' : this.cwd}/[stdin]`, true);
      this.loadingMain = false;
      return;
    }
    if (this.stdinEnded) return;
    this.stdinEnded = true;
    this.stdinHold?.();
    this.stdinHold = null;
    this.stdin.emit('end');
  }

  signal(sig: Signal): boolean {
    if (this.process.listenerCount(sig) > 0) {
      this.process.emit(sig, sig);
      return true;
    }
    if (this.mode === 'repl' && sig === 'SIGINT') return this.repl!.interrupt('');
    return false;
  }

  interrupt(pending: string): boolean {
    if (this.mode === 'repl') return this.repl!.interrupt(pending);
    return this.signal('SIGINT');
  }

  idle(): void {
    if (this.mode === 'repl' || this.mode === 'stdin-script' || this.exiting) return;
    if (this.process.listenerCount('beforeExit') > 0) {
      this.process.emit('beforeExit', this.process.exitCode ?? 0);
      return; // the kernel calls idle() again if nothing was scheduled
    }
    this.exit(this.process.exitCode ?? 0);
  }

  /** process.exit: emits 'exit' then ends the program. */
  exit(code: number): void {
    if (this.exiting) return;
    this.exiting = true;
    this.process.exitCode = code;
    try {
      this.process.emit('exit', code);
    } catch (e) {
      this.printUncaught(e);
      code = 7;
    }
    this.ctx.exit(this.process.exitCode ?? code);
  }

  uncaught(e: unknown): void {
    if (e instanceof ProcessExit) return;
    if (this.mode === 'repl' && this.repl) return this.repl.uncaught(e);
    if (this.process.listenerCount('uncaughtException') > 0) {
      this.process.emit('uncaughtException', e, 'uncaughtException');
      return;
    }
    this.printUncaught(e);
    this.exiting = true;
    this.ctx.exit(this.fl.legacy ? 1 : 1);
  }

  /** Node 15+ crashes on an unhandled rejection; older versions print warnings and go on. */
  unhandledRejection(reason: unknown): void {
    if (this.mode === 'repl' && this.repl) return this.repl.uncaught(reason);
    if (this.process.listenerCount('unhandledRejection') > 0) {
      this.process.emit('unhandledRejection', reason, Promise.resolve());
      return;
    }
    if (this.fl.major < 15) {
      this.report.printRejectionWarning(this.process.pid, reason);
      return;
    }
    this.report.printRejectionCrash(reason);
    this.exiting = true;
    this.ctx.exit(1);
  }

  /** An error's stack as the program should see it: its own frames, never the sandbox's. */
  cleanStack(e: Error): string {
    return this.report.cleanStack(e);
  }

  /** Prints an uncaught exception the way node does (source line, caret, stack) to stderr. */
  printUncaught(e: unknown): void {
    this.report.printUncaught(e);
  }

  private loadMain(file: string, shown: string): void {
    const resolved = this.modules.resolveFile(file);
    if (!resolved) {
      this.printUncaught(moduleNotFound(this.fl, file, []));
      void shown;
      this.exiting = true;
      this.ctx.exit(1);
      return;
    }
    const src = this.ctx.fs.readFile(resolved);
    this.modules.runSource(decodeText(src ?? new Uint8Array()), resolved, true);
  }

  /** A built-in module (`fs`, `http`...), made once per program. */
  builtin(name: string): any {
    return this.builtins.get(name);
  }

  immediate(cb: () => void): number {
    return this.ctx.setTimer(0, cb);
  }

  /** Globals visible to REPL code. */
  replGlobals(): { names: string[]; values: any[] } {
    return { names: GLOBAL_NAMES, values: this.modules.globalsFor() };
  }

  /** A require bound to the REPL's cwd. */
  replRequire(): any {
    const file = `${this.cwd === '/' ? '' : this.cwd}/repl`;
    return this.modules.makeRequire(Object.assign(new Module('<repl>', file, undefined), { loaded: true }));
  }
}
