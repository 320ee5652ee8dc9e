/**
 * `node`: runs a JavaScript file (CommonJS, plus simple ES module syntax) with a small Node-compatible surface on
 * the process's virtual clock and filesystem. Modes, as real node picks them:
 *   node FILE [args] | node -e CODE | node -p CODE | node -v | node -i / node on a TTY (REPL) |
 *   node with piped stdin (reads the script from stdin, runs it at end of input) | node without stdin (exits 0).
 */
import type { Program, ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import type { Signal } from '../process';
import { SIGNAL_NUMBERS } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';
import { createVirtualDate, createMath, NodeBuffer } from './globals';
import { format, inspect } from './inspect';
import { createEventsModule, EventEmitter } from './events';
import { createPathModule } from './path-module';
import { createFsModule } from './fs-module';
import { createHttpModule } from './http';
import { createExpressModule } from './express';
import {
  createAssertModule,
  createBufferModule,
  createOsModule,
  createQuerystringModule,
  createReadlineModule,
  createUrlModule,
  createUtilModule,
} from './builtins';
import { moduleNotFound, versionedMessage, withStack, type NodeFlavour } from './node-errors';
import { esmToCjs, looksLikeEsm } from './esm';
import { NodeRepl } from './repl';

export const DEFAULT_NODE_VERSION = 'v10.16.0';

export function nodeFlavour(env: Record<string, string>): NodeFlavour {
  const raw = env.NODE_VERSION ? (env.NODE_VERSION.startsWith('v') ? env.NODE_VERSION : `v${env.NODE_VERSION}`) : DEFAULT_NODE_VERSION;
  const major = parseInt(raw.slice(1), 10) || 10;
  return { version: raw, major, legacy: major < 12 };
}

interface Module {
  id: string;
  filename: string;
  loaded: boolean;
  exports: any;
  parent: Module | null;
  children: Module[];
  paths: string[];
  require?: (id: string) => any;
}

const BUILTINS = new Set([
  'fs', 'fs/promises', 'path', 'os', 'events', 'util', 'url', 'http', 'https', 'assert', 'querystring', 'buffer',
  'readline', 'timers', 'string_decoder', 'stream', 'crypto', 'child_process', 'net', 'dns', 'zlib', 'tty', 'vm',
  'worker_threads', 'cluster', 'process', 'console', 'assert/strict', 'path/posix', 'timers/promises',
]);

/** Packages that are implemented by the runtime when their folder exists in node_modules. */
const SHIMMED_PACKAGES = new Set(['express', 'body-parser', 'cors', 'dotenv', 'morgan']);

/**
 * Globals user code sees through the module wrapper's parameters. Host globals that would leak the real world
 * (network, the worker's messaging, the page) are shadowed: undefined unless the sandbox provides its own.
 */
const GLOBAL_NAMES = [
  'process', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  'Buffer', 'global', 'globalThis', 'Date', 'Math', 'performance', 'queueMicrotask', 'fetch', 'crypto', 'XMLHttpRequest',
  'WebSocket', 'EventSource', 'self', 'window', 'document', 'navigator', 'location', 'postMessage', 'importScripts',
  'close', 'onmessage', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'MessageChannel', 'Request', 'Response', 'Headers',
];
const WRAP_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', ...GLOBAL_NAMES];

/** Real package sources are text; Layerlab's npm placeholders are not. */
function looksLikeText(src: string): boolean {
  const sample = src.slice(0, 2000);
  return !/[\u0000-\u0008\u000e-\u001a\ufffd]/.test(sample);
}

/** A package whose code is not available (npm placeholders): requiring it works, using it explains. */
function simulatedPackage(name: string): any {
  const fail = (what: string) => {
    const e: any = new Error(`The package '${name}' is installed, but Layerlab simulates npm packages and cannot run its code (${what}). Packages that run here: express, body-parser, cors, dotenv, morgan.`);
    e.code = 'ERR_LAYERLAB_SIMULATED_PACKAGE';
    return e;
  };
  const target = function () {
    throw fail('called');
  };
  return new Proxy(target, {
    get: (_t, prop) => {
      if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'default') return simulatedPackage(name);
      return () => {
        throw fail(String(prop));
      };
    },
    apply: () => {
      throw fail('called');
    },
    construct: () => {
      throw fail('new');
    },
  });
}

export class NodeProgram implements Program {
  readonly fl: NodeFlavour;
  readonly Date: DateConstructor;
  readonly Math: Math;
  process: any;
  console: any;
  private cwd: string;
  private cache = new Map<string, Module>();
  private builtinCache = new Map<string, any>();
  private mode: 'script' | 'eval' | 'print' | 'stdin-script' | 'repl' | 'none' = 'none';
  private stdinText = '';
  private stdin: any;
  private stdinEnded = false;
  private stdinHold: (() => void) | null = null;
  private repl: NodeRepl | null = null;
  private requestNo = 0;
  private loadingMain = false;
  private userGlobal: any;
  private exiting = false;
  private inspectOpts: { legacy: boolean; stackOf: (e: Error) => string };
  private startTime: number;
  /** Per module: how many characters of wrapper precede the user's code on line 1. */
  private col1Offset = new Map<string, number>();

  constructor(readonly ctx: ProgramContext) {
    this.fl = nodeFlavour(ctx.env);
    this.cwd = ctx.cwd;
    this.startTime = ctx.now();
    this.Date = createVirtualDate(() => ctx.now());
    this.Math = createMath(() => ctx.random());
    this.inspectOpts = { legacy: this.fl.legacy, stackOf: (e) => this.cleanStack(e) };
    this.process = this.makeProcess();
    this.console = this.makeConsole();
    this.userGlobal = this.makeGlobal();
  }

  get ownsTty(): boolean {
    return this.mode === 'repl';
  }

  // ---- program entry points -------------------------------------------------------------------------------

  start(): void {
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
    for (const p of preload) this.requireFrom(p, this.cwd + '/[preload]', null);
    if (evalCode !== null) {
      this.mode = print ? 'print' : 'eval';
      this.process.argv = ['/usr/local/bin/node', ...rest];
      const file = `${this.cwd === '/' ? '' : this.cwd}/[eval]`;
      this.loadingMain = true;
      const result = this.runSource(evalCode, file, true);
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
      this.runSource(this.stdinText, `${this.cwd === '/' ? '' : this.cwd}/[stdin]`, true);
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

  private rejectionId = 0;

  /** Node 15+ crashes on an unhandled rejection; older versions print warnings and go on. */
  unhandledRejection(reason: unknown): void {
    if (this.mode === 'repl' && this.repl) return this.repl.uncaught(reason);
    if (this.process.listenerCount('unhandledRejection') > 0) {
      this.process.emit('unhandledRejection', reason, Promise.resolve());
      return;
    }
    const pid = this.process.pid;
    if (this.fl.major < 15) {
      const id = ++this.rejectionId;
      const shown = reason instanceof Error ? this.cleanStack(reason) : inspect(reason, this.inspectOpts);
      let text = `(node:${pid}) UnhandledPromiseRejectionWarning: ${shown}\n(node:${pid}) UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). (rejection id: ${id})\n`;
      if (id === 1) text += `(node:${pid}) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated. In the future, promise rejections that are not handled will terminate the Node.js process with a non-zero exit code.\n`;
      this.ctx.write('stderr', text);
      return;
    }
    if (reason instanceof Error) {
      this.printUncaught(reason);
    } else {
      const trailer = this.fl.major >= 18 ? `\nNode.js ${this.fl.version}\n` : '';
      this.ctx.write(
        'stderr',
        `node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n            ^\n\n[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(reason, this.inspectOpts)}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n${trailer}`,
      );
    }
    this.exiting = true;
    this.ctx.exit(1);
  }

  // ---- errors ----------------------------------------------------------------------------------------------

  private userFrames(stack: string): { frames: string[]; loc: { file: string; shown: string; line: number; col: number } | null } {
    const files = new Set([...this.cache.keys()]);
    const frames: string[] = [];
    let loc: { file: string; shown: string; line: number; col: number } | null = null;
    for (const raw of stack.split('\n')) {
      const m = /^\s+at (.*)$/.exec(raw);
      if (!m) continue;
      const where = /\(?((?:\/|\[)[^():]*?):(\d+):(\d+)\)?$/.exec(m[1]);
      if (!where || !files.has(where[1])) continue;
      const file = where[1];
      const line = Number(where[2]);
      // Line 1 of a module also holds the wrapper's header: take it off the column.
      const col = Number(where[3]) - (line === 1 ? this.col1Offset.get(file) ?? 0 : 0);
      const isEval = /\[(eval|stdin)\]$/.test(file);
      const shown = isEval ? file.slice(file.lastIndexOf('/') + 1) : file;
      let name = m[1].slice(0, m[1].length - where[0].length).trim();
      name = name.replace(/^eval$/, isEval ? '' : 'Object.<anonymous>').replace(/^Timeout\.eval /, 'Timeout._onTimeout ');
      frames.push(name ? `${name} (${shown}:${line}:${col})` : `${shown}:${line}:${col}`);
      if (!loc) loc = { file, shown, line, col };
    }
    return { frames, loc };
  }

  /** An error's stack as the program should see it: its own frames, never the sandbox's. */
  cleanStack(e: Error): string {
    const stack = typeof e.stack === 'string' && e.stack ? e.stack : `${e.name}: ${e.message}`;
    if ((e as any).__nodeStack) return stack;
    const i = stack.search(/\n\s+at /);
    const head = i >= 0 ? stack.slice(0, i) : stack;
    const { frames } = this.userFrames(stack);
    return head + frames.map((f) => `\n    at ${f}`).join('');
  }

  private sourceLine(file: string, line: number): string | null {
    const m = this.cache.get(file) as any;
    const src: string | undefined = m?.__source;
    if (src === undefined) return null;
    return src.split('\n')[line - 1] ?? null;
  }

  /** Prints an uncaught exception the way node does (source line, caret, stack) to stderr. */
  printUncaught(e: unknown): void {
    const fl = this.fl;
    if (e instanceof Error && typeof e.message === 'string') {
      const msg = versionedMessage(fl, e.message);
      if (msg !== e.message) {
        const stack = typeof e.stack === 'string' ? e.stack.replace(e.message, msg) : undefined;
        try {
          e.message = msg;
          if (stack) e.stack = stack;
        } catch {
          // frozen error objects keep their text
        }
      }
    }
    let out = '';
    const trailer = fl.major >= 18 ? `\nNode.js ${fl.version}\n` : '';
    if (e instanceof Error && (e as any).__unhandledErrorEvent) {
      out += fl.legacy ? "events.js:174\n      throw er; // Unhandled 'error' event\n      ^\n\n" : "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n\n";
      out += `${e.stack}\n`;
      if (fl.legacy) {
        out +=
          "Emitted 'error' event at:\n    at TLSSocket.socketErrorListener (_http_client.js:392:9)\n    at TLSSocket.emit (events.js:198:13)\n    at emitErrorNT (internal/streams/destroy.js:91:8)\n    at emitErrorAndCloseNT (internal/streams/destroy.js:59:3)\n    at process._tickCallback (internal/process/next_tick.js:63:19)\n";
      } else {
        out += "Emitted 'error' event on ClientRequest instance at:\n    at TLSSocket.socketErrorListener (node:_http_client:518:9)\n    at TLSSocket.emit (node:events:519:28)\n    at emitErrorNT (node:internal/streams/destroy:169:8)\n    at emitErrorCloseNT (node:internal/streams/destroy:128:3)\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)";
        const extra = this.extraProps(e);
        out += extra ? ` {\n${extra}\n}\n` : '\n';
      }
      this.ctx.write('stderr', out + trailer);
      return;
    }
    if (e instanceof Error) {
      const stack = typeof e.stack === 'string' ? e.stack : `${e.name}: ${e.message}`;
      const { frames, loc } = this.userFrames(stack);
      const syn = (e as any).__syntax as { file: string; line: number } | undefined;
      if (syn) {
        const src = this.sourceLine(syn.file, syn.line) ?? '';
        const shown = /\[(eval|stdin)\]$/.test(syn.file) ? syn.file.slice(syn.file.lastIndexOf('/') + 1) : syn.file;
        const frames = fl.legacy
          ? ['new Script (vm.js:80:7)', 'createScript (vm.js:274:10)', 'Object.runInThisContext (vm.js:326:10)', 'Module._compile (internal/modules/cjs/loader.js:664:28)', 'Object.Module._extensions..js (internal/modules/cjs/loader.js:712:10)', 'Module.load (internal/modules/cjs/loader.js:600:32)', 'tryModuleLoad (internal/modules/cjs/loader.js:539:12)', 'Function.Module._load (internal/modules/cjs/loader.js:531:3)', 'Function.Module.runMain (internal/modules/cjs/loader.js:754:12)', 'startup (internal/bootstrap/node.js:283:19)']
          : ['wrapSafe (node:internal/modules/cjs/loader:1281:20)', 'Module._compile (node:internal/modules/cjs/loader:1321:27)', 'Module._extensions..js (node:internal/modules/cjs/loader:1416:10)', 'Module.load (node:internal/modules/cjs/loader:1208:32)', 'Module._load (node:internal/modules/cjs/loader:1024:12)', 'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)', 'node:internal/main/run_main_module:28:49'];
        const indent = /^\s*/.exec(src)![0].length;
        out += `${shown}:${syn.line}\n${src}\n${' '.repeat(indent)}^\n\n${e.name}: ${e.message}\n${frames.map((f) => `    at ${f}\n`).join('')}`;
        this.ctx.write('stderr', out + trailer);
        return;
      }
      if ((e as any).code === 'MODULE_NOT_FOUND') {
        out += fl.legacy ? 'internal/modules/cjs/loader.js:638\n    throw err;\n    ^\n\n' : 'node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\n';
      } else if (loc) {
        const src = this.sourceLine(loc.file, loc.line);
        if (src !== null) {
          // Node points at the throw statement when the error was thrown on that line.
          const t = src.lastIndexOf('throw', loc.col - 1);
          const col = t >= 0 ? t + 1 : loc.col;
          out += `${loc.shown}:${loc.line}\n${src}\n${' '.repeat(Math.max(0, col - 1))}^\n\n`;
        }
      }
      const head = stack.split('\n    at ')[0];
      const internal = this.loadingMain && frames.length
        ? fl.legacy
          ? ['Module._compile (internal/modules/cjs/loader.js:778:30)', 'Object.Module._extensions..js (internal/modules/cjs/loader.js:789:10)', 'Module.load (internal/modules/cjs/loader.js:653:32)', 'tryModuleLoad (internal/modules/cjs/loader.js:593:12)', 'Function.Module._load (internal/modules/cjs/loader.js:585:3)', 'Function.Module.runMain (internal/modules/cjs/loader.js:831:12)', 'startup (internal/bootstrap/node.js:283:19)', 'bootstrapNodeJSCore (internal/bootstrap/node.js:622:3)']
          : ['Module._compile (node:internal/modules/cjs/loader:1358:14)', 'Module._extensions..js (node:internal/modules/cjs/loader:1416:10)', 'Module.load (node:internal/modules/cjs/loader:1208:32)', 'Module._load (node:internal/modules/cjs/loader:1024:12)', 'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)', 'node:internal/main/run_main_module:28:49']
        : [];
      // Frames of errors the runtime built in Node's shape are kept; otherwise only the program's own frames.
      const ownFrames = frames.length || !(e as any).__nodeStack ? frames : stack.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.replace(/^\s+at /, ''));
      out += head + [...ownFrames, ...internal].map((f) => `\n    at ${f}`).join('');
      if (!fl.legacy) {
        const extra = this.extraProps(e);
        if (extra) out += ` {\n${extra}\n}`;
      }
      out += '\n';
      this.ctx.write('stderr', out + trailer);
      return;
    }
    // A thrown non-Error value.
    out += fl.legacy ? `\n${inspect(e, this.inspectOpts)}\n` : `Uncaught ${inspect(e, this.inspectOpts)}\n`;
    this.ctx.write('stderr', out + trailer);
  }

  private extraProps(e: Error): string {
    const keys = Object.keys(e).filter((k) => k !== '__unhandledErrorEvent' && k !== 'stack' && k !== 'message');
    if (!keys.length) return '';
    return keys.map((k) => `  ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect((e as any)[k], { ...this.inspectOpts, depth: 1 })}`).join(',\n');
  }

  // ---- module system ---------------------------------------------------------------------------------------

  private compile(source: string, filename: string): (...args: any[]) => any {
    let src = source.replace(/^#!.*/, (m) => '//' + m.slice(2));
    if (looksLikeEsm(src)) src = esmToCjs(src);
    const head = `(function (${WRAP_PARAMS.join(', ')}) {`;
    this.col1Offset.set(filename, head.length + (src.length - source.replace(/^#!.*/, (m) => '//' + m.slice(2)).length > 0 && src.startsWith('Object.defineProperty(module.exports, "__esModule"') ? src.indexOf(';') + 2 : 0));
    try {
      return (0, eval)(`${head}${src}\n})\n//# sourceURL=${filename}`);
    } catch (e) {
      if (e instanceof SyntaxError) (e as any).__syntax = { file: filename, line: this.syntaxErrorLine(src) };
      throw e;
    }
  }

  /** The first line at which the source stops being a valid (if unfinished) program. */
  private syntaxErrorLine(src: string): number {
    const lines = src.split('\n');
    for (let i = 1; i <= lines.length; i++) {
      // A valid prefix of a function body only lacks its end: any other complaint is on line i.
      try {
        (0, eval)(`(function () {${lines.slice(0, i).join('\n')}\n`);
      } catch (e) {
        if (e instanceof SyntaxError && !/end of input|Unterminated template/.test(e.message)) return i;
      }
    }
    return lines.length;
  }

  private globalsFor(): any[] {
    const g = this.userGlobal;
    return GLOBAL_NAMES.map((n) => (n === 'global' || n === 'globalThis' ? g : Object.prototype.hasOwnProperty.call(g, n) ? g[n] : undefined));
  }

  /** Runs source as a module; returns the completion value for -e/-p (last expression via eval). */
  runSource(source: string, filename: string, isMain: boolean): unknown {
    const module: Module = { id: '.', filename, loaded: false, exports: {}, parent: null, children: [], paths: [] };
    (module as any).__source = source;
    this.cache.set(filename, module);
    const require = this.makeRequire(module);
    if (isMain) this.process.mainModule = module;
    const dir = filename.slice(0, filename.lastIndexOf('/')) || '/';
    try {
      if (filename.endsWith('[eval]') || filename.endsWith('[stdin]')) {
        // -e/-p: the value of the last expression is the result, like node's vm evaluation.
        const fn = (0, eval)(`(function (${WRAP_PARAMS.join(', ')}) { return eval(${JSON.stringify(source + `\n//# sourceURL=${filename}`)}); })`);
        try {
          return fn(module.exports, require, module, filename, dir, ...this.globalsFor());
        } catch (e) {
          if (e instanceof SyntaxError && !(e as any).__syntax && !/\n\s+at .*\[(eval|stdin)\]:\d+/.test(e.stack ?? '')) {
            (e as any).__syntax = { file: filename, line: this.syntaxErrorLine(source) };
          }
          throw e;
        }
      }
      const fn = this.compile(source, filename);
      fn(module.exports, require, module, filename, dir, ...this.globalsFor());
      module.loaded = true;
    } catch (e) {
      if (e instanceof ProcessExit) throw e;
      this.uncaught(e);
      throw new ProcessExit(1);
    }
    return undefined;
  }

  private loadMain(file: string, shown: string): void {
    const resolved = this.resolveFile(file);
    if (!resolved) {
      this.printUncaught(moduleNotFound(this.fl, file, []));
      void shown;
      this.exiting = true;
      this.ctx.exit(1);
      return;
    }
    const src = this.ctx.fs.readFile(resolved);
    this.runSource(decodeText(src ?? new Uint8Array()), resolved, true);
  }

  private resolveFile(p: string): string | null {
    const fs = this.ctx.fs;
    const isFile = (x: string) => fs.stat(x)?.type === 'file';
    if (isFile(p)) return p;
    for (const ext of ['.js', '.json', '.mjs', '.cjs']) if (isFile(p + ext)) return p + ext;
    if (fs.stat(p)?.type === 'dir') {
      const pkg = fs.readFile(`${p}/package.json`);
      if (pkg) {
        try {
          const main = JSON.parse(decodeText(pkg)).main;
          if (typeof main === 'string') {
            const r = this.resolveFile(resolvePath(p, main));
            if (r) return r;
          }
        } catch {
          // fall back to index.js
        }
      }
      for (const idx of ['index.js', 'index.json']) if (isFile(`${p}/${idx}`)) return `${p}/${idx}`;
    }
    return null;
  }

  private makeRequire(parent: Module): any {
    const req: any = (id: string) => this.requireFrom(id, parent.filename, parent);
    req.resolve = (id: string) => {
      if (BUILTINS.has(id.replace(/^node:/, ''))) return id;
      const r = this.resolveModule(id, parent.filename);
      if (!r) throw moduleNotFound(this.fl, id, [parent.filename]);
      return r.path;
    };
    req.cache = Object.fromEntries(this.cache);
    req.main = this.process.mainModule;
    parent.require = req;
    return req;
  }

  private resolveModule(id: string, fromFile: string): { path: string; shim?: string } | null {
    const dir = fromFile.slice(0, fromFile.lastIndexOf('/')) || '/';
    if (id.startsWith('./') || id.startsWith('../') || id.startsWith('/') || id === '.' || id === '..') {
      const p = this.resolveFile(resolvePath(dir, id));
      return p ? { path: p } : null;
    }
    const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
    let d = dir;
    for (;;) {
      const base = `${d === '/' ? '' : d}/node_modules/${name}`;
      if (this.ctx.fs.stat(base)?.type === 'dir') {
        if (SHIMMED_PACKAGES.has(name) && id === name) return { path: `${base}/index.js`, shim: name };
        const p = this.resolveFile(`${d === '/' ? '' : d}/node_modules/${id}`);
        if (p) return { path: p };
      }
      if (d === '/') break;
      d = d.slice(0, d.lastIndexOf('/')) || '/';
    }
    return null;
  }

  requireFrom(id: string, fromFile: string, parent: Module | null): any {
    if (typeof id !== 'string') {
      const e: any = new TypeError(`The "id" argument must be of type string. Received ${inspect(id, this.inspectOpts)}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const bare = id.replace(/^node:/, '');
    if (BUILTINS.has(bare) && !id.startsWith('.')) return this.builtin(bare);
    const r = this.resolveModule(id, fromFile);
    if (!r) {
      const stack: string[] = [];
      for (let m: Module | null = parent; m; m = m.parent) stack.push(m.filename);
      throw moduleNotFound(this.fl, id, stack.length ? stack : [fromFile]);
    }
    const cached = this.cache.get(r.path);
    if (cached) return cached.exports;
    if (r.shim) {
      const exp = this.shim(r.shim);
      this.cache.set(r.path, { id: r.path, filename: r.path, loaded: true, exports: exp, parent, children: [], paths: [] });
      return exp;
    }
    const module: Module = { id: r.path, filename: r.path, loaded: false, exports: {}, parent, children: [], paths: [] };
    parent?.children.push(module);
    this.cache.set(r.path, module);
    const src = decodeText(this.ctx.fs.readFile(r.path) ?? new Uint8Array());
    (module as any).__source = src;
    if (r.path.endsWith('.json')) {
      try {
        module.exports = JSON.parse(src);
      } catch (e) {
        this.cache.delete(r.path);
        throw withStack(new SyntaxError(`${r.path}: ${(e as Error).message}`), []);
      }
      module.loaded = true;
      return module.exports;
    }
    if (r.path.includes('/node_modules/') && !looksLikeText(src)) {
      // `npm install` in a Layerlab build writes placeholder package files: requiring works, using them says why not.
      const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(r.path)![1];
      module.exports = simulatedPackage(pkg);
      module.loaded = true;
      return module.exports;
    }
    const fn = this.compile(src, r.path);
    const dir = r.path.slice(0, r.path.lastIndexOf('/')) || '/';
    try {
      fn(module.exports, this.makeRequire(module), module, r.path, dir, ...this.globalsFor());
    } catch (e) {
      this.cache.delete(r.path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  private shim(name: string): any {
    if (name === 'express') return createExpressModule(this);
    if (name === 'body-parser') {
      const express = createExpressModule(this);
      return { json: express.json, urlencoded: express.urlencoded, text: express.text };
    }
    if (name === 'cors') {
      return () => (req: any, res: any, next: () => void) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        if (req.method === 'OPTIONS') {
          res.statusCode = 204;
          res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE');
          res.setHeader('Content-Length', '0');
          return res.end();
        }
        next();
      };
    }
    if (name === 'dotenv') {
      const config = (opts: { path?: string } = {}) => {
        const path = resolvePath(this.cwd, opts.path ?? '.env');
        const data = this.ctx.fs.readFile(path);
        if (!data) {
          const e: any = new Error(`ENOENT: no such file or directory, open '${path}'`);
          e.code = 'ENOENT';
          return { error: e };
        }
        const parsed: Record<string, string> = {};
        for (const line of decodeText(data).split(/\r?\n/)) {
          const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
          if (!m || line.trim().startsWith('#')) continue;
          let v = m[2];
          if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
          else v = v.replace(/\s+#.*$/, '');
          parsed[m[1]] = v;
          if (!(m[1] in this.process.env)) this.process.env[m[1]] = v;
        }
        return { parsed };
      };
      return { config, parse: (t: string) => Object.fromEntries(t.split(/\r?\n/).map((l) => /^\s*([\w.-]+)\s*=\s*(.*)$/.exec(l)).filter(Boolean).map((m) => [m![1], m![2]])) };
    }
    if (name === 'morgan') {
      return (fmt: string = 'dev') => (req: any, res: any, next: () => void) => {
        const start = this.ctx.now();
        res.on('finish', () => {
          const ms = (this.ctx.now() - start).toFixed(3);
          const len = res.getHeader('content-length') ?? '-';
          const url = req.originalUrl ?? req.url;
          let line: string;
          if (fmt === 'tiny') line = `${req.method} ${url} ${res.statusCode} ${len} - ${ms} ms`;
          else if (fmt === 'combined' || fmt === 'common') {
            const d = new this.Date();
            const stamp = d.toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3:$4 +0000');
            line = `::ffff:172.17.0.1 - - [${stamp}] "${req.method} ${url} HTTP/1.1" ${res.statusCode} ${len}${fmt === 'combined' ? ` "-" "${req.headers['user-agent'] ?? '-'}"` : ''}`;
          } else line = `${req.method} ${url} ${res.statusCode} ${ms} ms - ${len}`;
          this.ctx.write('stdout', line + '\n');
        });
        next();
      };
    }
    return {};
  }

  builtin(name: string): any {
    const hit = this.builtinCache.get(name);
    if (hit) return hit;
    let m: any;
    switch (name) {
      case 'fs':
        m = createFsModule({ fs: this.ctx.fs, fl: this.fl, cwd: () => this.cwd, defer: (cb) => this.immediate(cb), now: () => this.ctx.now(), Date: this.Date });
        break;
      case 'fs/promises':
        m = this.builtin('fs').promises;
        break;
      case 'path':
      case 'path/posix':
        m = createPathModule(() => this.cwd);
        break;
      case 'os':
        m = createOsModule(this.ctx, () => this.ctx.now() - this.startTime);
        break;
      case 'events':
        m = createEventsModule();
        break;
      case 'util':
        m = createUtilModule(this.fl);
        break;
      case 'url':
        m = createUrlModule();
        break;
      case 'http':
      case 'https':
        m = createHttpModule(
          {
            ctx: this.ctx,
            fl: this.fl,
            nextRequestNumber: () => ++this.requestNo,
            localRequest: (port, req) => this.ctx.localRequest(port, req),
            immediate: (cb) => this.immediate(cb),
            Date: this.Date,
          },
          name === 'https',
        );
        break;
      case 'assert':
      case 'assert/strict':
        m = createAssertModule(this.fl);
        break;
      case 'querystring':
        m = createQuerystringModule();
        break;
      case 'buffer':
        m = createBufferModule();
        break;
      case 'readline':
        m = createReadlineModule();
        break;
      case 'timers':
        m = { setTimeout: this.userGlobal.setTimeout, clearTimeout: this.userGlobal.clearTimeout, setInterval: this.userGlobal.setInterval, clearInterval: this.userGlobal.clearInterval, setImmediate: this.userGlobal.setImmediate, clearImmediate: this.userGlobal.clearImmediate };
        break;
      case 'timers/promises':
        m = { setTimeout: (ms: number, v?: unknown) => new Promise((r) => this.userGlobal.setTimeout(() => r(v), ms)), setImmediate: (v?: unknown) => new Promise((r) => this.userGlobal.setImmediate(() => r(v))) };
        break;
      case 'process':
        m = this.process;
        break;
      case 'console':
        m = this.console;
        break;
      case 'string_decoder':
        m = {
          StringDecoder: class {
            write(b: Uint8Array) {
              return decodeText(b);
            }
            end() {
              return '';
            }
          },
        };
        break;
      case 'stream':
        m = { Readable: EventEmitter, Writable: EventEmitter, Duplex: EventEmitter, Transform: EventEmitter, PassThrough: EventEmitter, Stream: EventEmitter };
        break;
      default: {
        // Present in Node but not simulated here: fail loudly at use, not at require.
        m = new Proxy(
          {},
          {
            get: (_t, prop) => {
              if (prop === '__esModule' || typeof prop === 'symbol') return undefined;
              const e = new Error(`The '${name}' module is not available in this sandbox (${String(prop)})`);
              (e as any).code = 'ERR_NOT_AVAILABLE';
              throw e;
            },
          },
        );
      }
    }
    this.builtinCache.set(name, m);
    return m;
  }

  immediate(cb: () => void): number {
    return this.ctx.setTimer(0, cb);
  }

  // ---- process, console, globals --------------------------------------------------------------------------

  private makeProcess(): any {
    const ctx = this.ctx;
    const p: any = new EventEmitter();
    const versionNum = this.fl.version.slice(1);
    p.title = 'node';
    p.version = this.fl.version;
    p.versions = { node: versionNum, v8: this.fl.legacy ? '6.8.275.32-node.52' : '11.3.244.8-node.16', uv: '1.28.0', modules: '64' };
    p.arch = 'x64';
    p.platform = 'linux';
    p.release = { name: 'node', lts: this.fl.major === 10 ? 'Dubnium' : undefined };
    p.env = { ...ctx.env };
    p.argv = ['/usr/local/bin/node'];
    p.argv0 = 'node';
    p.execArgv = [];
    p.execPath = '/usr/local/bin/node';
    p.pid = ctx.pid;
    p.ppid = ctx.isMain ? 0 : 1;
    p.exitCode = undefined;
    p.config = {};
    p.features = {};
    p.cwd = () => this.cwd;
    p.chdir = (d: string) => {
      const t = resolvePath(this.cwd, d);
      if (ctx.fs.stat(t)?.type !== 'dir') {
        const e: any = new Error(`ENOENT: no such file or directory, chdir ${this.cwd} -> '${d}'`);
        e.code = 'ENOENT';
        e.errno = -2;
        e.syscall = 'chdir';
        throw e;
      }
      this.cwd = t;
    };
    p.exit = (code?: number) => {
      const c = code === undefined ? p.exitCode ?? 0 : Number(code) | 0;
      this.exit(c);
      throw new ProcessExit(c);
    };
    p.abort = () => {
      this.ctx.exit(134, 'signal');
      throw new ProcessExit(134);
    };
    p.kill = (pid: number, sig: string | number = 'SIGTERM') => {
      const name = (typeof sig === 'number' ? Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === sig)?.[0] : sig) as Signal | undefined;
      if (pid === p.pid && name) {
        this.immediate(() => {
          if (!this.signal(name)) this.ctx.exit(128 + SIGNAL_NUMBERS[name], 'signal', name);
        });
      }
      return true;
    };
    p.uptime = () => (ctx.now() - this.startTime) / 1000;
    const hr = (prev?: [number, number]) => {
      const ns = (ctx.now() - this.startTime) * 1e6 + 1e9;
      let s = Math.floor(ns / 1e9);
      let n = Math.round(ns % 1e9);
      if (prev) {
        s -= prev[0];
        n -= prev[1];
        if (n < 0) {
          s--;
          n += 1e9;
        }
      }
      return [s, n];
    };
    hr.bigint = () => BigInt(Math.round((ctx.now() - this.startTime) * 1e6 + 1e9));
    p.hrtime = hr;
    p.memoryUsage = () => ({ rss: 30_000_000, heapTotal: 6_000_000, heapUsed: 4_000_000, external: 800_000 });
    p.cpuUsage = () => ({ user: 30000, system: 10000 });
    p.nextTick = (fn: (...a: any[]) => void, ...args: any[]) => queueMicrotask(ctx.guard(() => fn(...args)));
    p.umask = () => 0o22;
    p.getuid = () => 0;
    p.getgid = () => 0;
    p.geteuid = () => 0;
    p.getegid = () => 0;
    p.emitWarning = (w: string | Error) => ctx.write('stderr', `(node:${p.pid}) ${typeof w === 'string' ? `Warning: ${w}` : `${w.name}: ${w.message}`}\n`);
    const stream = (name: 'stdout' | 'stderr', fd: number) => {
      const s: any = new EventEmitter();
      s.fd = fd;
      s.isTTY = ctx.spec.tty ? true : undefined;
      s.columns = ctx.spec.tty ? 80 : undefined;
      s.rows = ctx.spec.tty ? 24 : undefined;
      s.writable = true;
      s.write = (chunk: unknown, enc?: unknown, cb?: unknown) => {
        const text = chunk instanceof Uint8Array ? decodeText(chunk) : String(chunk);
        ctx.write(name, text);
        const done = typeof enc === 'function' ? enc : cb;
        if (typeof done === 'function') this.immediate(done as () => void);
        return true;
      };
      s.end = (chunk?: unknown) => {
        if (chunk !== undefined && typeof chunk !== 'function') s.write(chunk);
      };
      s.cork = () => {};
      s.uncork = () => {};
      s.getColorDepth = () => (ctx.spec.tty ? 8 : 1);
      s.hasColors = () => !!ctx.spec.tty;
      return s;
    };
    p.stdout = stream('stdout', 1);
    p.stderr = stream('stderr', 2);
    const stdin: any = new EventEmitter();
    stdin.fd = 0;
    stdin.isTTY = ctx.spec.tty && ctx.spec.interactive ? true : undefined;
    stdin._encoding = null;
    stdin.setEncoding = (enc: string) => {
      stdin._encoding = enc || 'utf8';
      return stdin;
    };
    const attach = () => {
      if (!this.stdinHold && !this.stdinEnded && this.mode !== 'stdin-script' && this.mode !== 'repl') this.stdinHold = ctx.hold();
    };
    stdin.resume = () => {
      attach();
      return stdin;
    };
    stdin.pause = () => {
      this.stdinHold?.();
      this.stdinHold = null;
      return stdin;
    };
    stdin.setRawMode = () => stdin;
    stdin.unref = () => stdin.pause();
    stdin.ref = () => stdin;
    stdin.read = () => null;
    // Listening for data keeps the process alive until the input ends (the emitter's own `on` calls
    // `addListener`, so both are wrapped around the prototype's implementations, not each other).
    const listening = (ev: string, fn: (...a: any[]) => void) => {
      if (ev === 'data' || ev === 'readable' || ev === 'end') {
        attach();
        if (this.stdinEnded && ev === 'end') this.immediate(() => fn());
      }
      return stdin;
    };
    stdin.on = stdin.addListener = (ev: string, fn: (...a: any[]) => void) => {
      EventEmitter.prototype.addListener.call(stdin, ev, fn);
      return listening(ev, fn);
    };
    stdin.once = (ev: string, fn: (...a: any[]) => void) => {
      EventEmitter.prototype.once.call(stdin, ev, fn);
      return listening(ev, fn);
    };
    stdin.pipe = (dest: any) => {
      stdin.on('data', (c: unknown) => dest.write(c));
      stdin.on('end', () => dest.end?.());
      return dest;
    };
    this.stdin = stdin;
    p.stdin = stdin;
    return p;
  }

  private makeConsole(): any {
    const ctx = this.ctx;
    // On a terminal Node colours inspected values (not %s/%d substitutions).
    const opts = { ...this.inspectOpts, colors: !!ctx.spec.tty };
    let indent = '';
    const counts = new Map<string, number>();
    const timers = new Map<string, number>();
    const out = (stream: 'stdout' | 'stderr', args: unknown[]) => {
      const text = format(opts, ...args);
      ctx.write(stream, (indent ? text.split('\n').map((l) => indent + l).join('\n') : text) + '\n');
    };
    const c: any = {
      log: (...a: unknown[]) => out('stdout', a),
      info: (...a: unknown[]) => out('stdout', a),
      debug: (...a: unknown[]) => out('stdout', a),
      error: (...a: unknown[]) => out('stderr', a),
      warn: (...a: unknown[]) => out('stderr', a),
      trace: (...a: unknown[]) => out('stderr', [`Trace: ${format(opts, ...a)}\n    at <anonymous>`]),
      dir: (v: unknown, o?: any) => ctx.write('stdout', inspect(v, { ...opts, ...(o ?? {}) }) + '\n'),
      table: (v: unknown) => out('stdout', [v]),
      assert: (cond: unknown, ...a: unknown[]) => {
        if (!cond) out('stderr', a.length ? [`Assertion failed: ${format(opts, ...a)}`] : ['Assertion failed']);
      },
      count: (label = 'default') => {
        const n = (counts.get(label) ?? 0) + 1;
        counts.set(label, n);
        out('stdout', [`${label}: ${n}`]);
      },
      countReset: (label = 'default') => counts.delete(label),
      group: (...a: unknown[]) => {
        if (a.length) out('stdout', a);
        indent += '  ';
      },
      groupEnd: () => {
        indent = indent.slice(2);
      },
      time: (label = 'default') => timers.set(label, ctx.now()),
      timeEnd: (label = 'default') => {
        const t = timers.get(label);
        if (t === undefined) return;
        timers.delete(label);
        out('stdout', [`${label}: ${(ctx.now() - t).toFixed(3)}ms`]);
      },
      timeLog: (label = 'default', ...a: unknown[]) => {
        const t = timers.get(label);
        if (t !== undefined) out('stdout', [`${label}: ${(ctx.now() - t).toFixed(3)}ms`, ...a]);
      },
    };
    c.groupCollapsed = c.group;
    c.Console = function Console() {
      return c;
    };
    return c;
  }

  private makeGlobal(): any {
    const ctx = this.ctx;
    const clampDelay = (d: unknown) => {
      const n = Number(d);
      return !Number.isFinite(n) || n < 1 || n > 2147483647 ? 1 : Math.floor(n);
    };
    const startTime = this.startTime;
    class Timeout {
      declare readonly _id: number;
      _idleTimeout: number;
      _onTimeout: unknown;
      _timerArgs: unknown;
      _repeat: number | null;
      _destroyed = false;
      constructor(id: number, delay: number, fn: unknown, args: unknown[], repeat: boolean) {
        // Shaped like Node's Timeout when printed; the sandbox's timer id stays hidden.
        Object.defineProperty(this, '_id', { value: id, enumerable: false });
        this._idleTimeout = delay;
        this._onTimeout = fn;
        this._timerArgs = args.length ? args : undefined;
        this._repeat = repeat ? delay : null;
        Object.defineProperty(this, '_idleStart', { value: ctx.now() - startTime, enumerable: true, writable: true });
      }
      ref() {
        ctx.setTimerRef(this._id, true);
        return this;
      }
      unref() {
        ctx.setTimerRef(this._id, false);
        return this;
      }
      hasRef() {
        return true;
      }
      refresh() {
        return this;
      }
      [Symbol.toPrimitive]() {
        return this._id;
      }
    }
    class Immediate {
      constructor(readonly _id: number) {}
      ref() {
        return this;
      }
      unref() {
        ctx.setTimerRef(this._id, false);
        return this;
      }
      hasRef() {
        return true;
      }
    }
    const clear = (t: unknown) => {
      if (t instanceof Timeout || t instanceof Immediate) ctx.clearTimer(t._id);
      else if (typeof t === 'number') ctx.clearTimer(t);
    };
    // The user's global object inherits the language built-ins (JSON, Object, Promise...) from the real global,
    // but every name in GLOBAL_NAMES is its own property (possibly undefined), so host globals do not leak.
    const g: any = Object.create(globalThis);
    // defineProperty, not assignment: the real global's accessors (crypto, navigator...) must not run with g as this.
    const own = (o: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(o)) Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false });
    };
    own(Object.fromEntries(GLOBAL_NAMES.map((n) => [n, undefined])));
    own({
      process: this.process,
      console: this.console,
      Buffer: NodeBuffer,
      Date: this.Date,
      Math: this.Math,
      setTimeout: (fn: (...a: any[]) => void, ms?: unknown, ...args: any[]) => {
        if (typeof fn !== 'function') throw this.callbackError(fn);
        const d = clampDelay(ms);
        return new Timeout(ctx.setTimer(d, () => fn(...args)), d, fn, args, false);
      },
      setInterval: (fn: (...a: any[]) => void, ms?: unknown, ...args: any[]) => {
        if (typeof fn !== 'function') throw this.callbackError(fn);
        const d = clampDelay(ms);
        return new Timeout(ctx.setTimer(d, () => fn(...args), true), d, fn, args, true);
      },
      setImmediate: (fn: (...a: any[]) => void, ...args: any[]) => new Immediate(ctx.setTimer(0, () => fn(...args))),
      clearTimeout: clear,
      clearInterval: clear,
      clearImmediate: clear,
      queueMicrotask: (fn: () => void) => queueMicrotask(ctx.guard(fn)),
      performance: { now: () => ctx.now() - this.startTime, timeOrigin: this.startTime },
      URL: (globalThis as any).URL,
      URLSearchParams: (globalThis as any).URLSearchParams,
      TextEncoder,
      TextDecoder,
      crypto: this.fl.major >= 17 ? this.webCrypto() : undefined,
    });
    if (this.fl.major >= 18) own({ fetch: (input: unknown, init?: any) => this.fetch(input, init ?? {}, 0) });
    own({ global: g, globalThis: g });
    return g;
  }

  /** globalThis.crypto (Node 17+): seeded, so runs replay identically. */
  private webCrypto(): any {
    const rnd = () => this.ctx.random();
    return {
      getRandomValues<T extends ArrayBufferView>(a: T): T {
        const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        for (let i = 0; i < b.length; i++) b[i] = Math.floor(rnd() * 256);
        return a;
      },
      randomUUID(): string {
        const h = Array.from({ length: 16 }, () => Math.floor(rnd() * 256));
        h[6] = (h[6] & 0x0f) | 0x40;
        h[8] = (h[8] & 0x3f) | 0x80;
        const x = h.map((v) => v.toString(16).padStart(2, '0')).join('');
        return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
      },
    };
  }

  /** fetch() (Node 18+) over the http/https clients; follows redirects like undici. */
  private fetch(input: unknown, init: any, redirects: number): Promise<any> {
    return new Promise((resolve, reject) => {
      const U = (globalThis as any).URL;
      let url: any;
      try {
        url = new U(String((input as any)?.url ?? input));
      } catch (e) {
        const te: any = new TypeError('Failed to parse URL from ' + String(input));
        te.cause = e;
        return reject(te);
      }
      const mod = this.builtin(url.protocol === 'https:' ? 'https' : 'http');
      const method = String(init.method ?? 'GET').toUpperCase();
      const req = mod.request(url.href, { method, headers: init.headers ?? {} }, (res: any) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          const loc = res.headers.location;
          if (loc && [301, 302, 303, 307, 308].includes(res.statusCode) && init.redirect !== 'manual' && redirects < 20) {
            const next = new U(loc, url.href).href;
            const m = res.statusCode === 303 ? 'GET' : method;
            resolve(this.fetch(next, { ...init, method: m }, redirects + 1));
            return;
          }
          const headers = new Map<string, string>(Object.entries(res.headers as Record<string, string>));
          resolve({
            ok: res.statusCode >= 200 && res.statusCode < 300,
            status: res.statusCode,
            statusText: res.statusMessage,
            url: url.href,
            redirected: redirects > 0,
            headers: { get: (k: string) => headers.get(k.toLowerCase()) ?? null, has: (k: string) => headers.has(k.toLowerCase()), entries: () => headers.entries(), forEach: (f: (v: string, k: string) => void) => headers.forEach(f) },
            text: async () => body,
            json: async () => JSON.parse(body),
          });
        });
      });
      req.on('error', (e: Error) => {
        const te: any = new TypeError('fetch failed');
        te.cause = e;
        reject(te);
      });
      if (init.body !== undefined && init.body !== null) req.write(String(init.body));
      req.end();
    });
  }

  private callbackError(fn: unknown): Error {
    const e: any = new TypeError(this.fl.legacy ? '"callback" argument must be a function' : `The "callback" argument must be of type function. Received ${inspect(fn, this.inspectOpts)}`);
    e.code = 'ERR_INVALID_CALLBACK';
    return e;
  }

  /** Globals visible to REPL code. */
  replGlobals(): { names: string[]; values: any[] } {
    return { names: GLOBAL_NAMES, values: this.globalsFor() };
  }

  /** A require bound to the REPL's cwd. */
  replRequire(): any {
    const m: Module = { id: '<repl>', filename: `${this.cwd === '/' ? '' : this.cwd}/repl`, loaded: true, exports: {}, parent: null, children: [], paths: [] };
    return this.makeRequire(m);
  }
}
