/**
 * How a node program reports what it did not catch, as node prints it on stderr: the source line and a caret,
 * the error's stack cut down to the program's own frames (never the sandbox's) plus Node's internal ones, extra
 * properties, unhandled 'error' events, syntax errors, and unhandled promise rejections per Node version.
 */
import type { ProgramContext } from '../kernel';
import { inspect, type InspectOptions } from './inspect';
import { versionedMessage, type NodeFlavour } from './node-errors';
import { ESM_RUN_FRAMES } from './esm-linker';

/** The program's modules, as far as stacks need them. */
export interface ModuleSources {
  isModuleFile(file: string): boolean;
  sourceLine(file: string, line: number): string | null;
}

/** The program being reported on. */
export interface ReportHost {
  readonly ctx: ProgramContext;
  readonly fl: NodeFlavour;
  readonly inspectOpts: InspectOptions;
  readonly modules: ModuleSources;
  /** True while the main module's top level runs (node then adds the loader's frames). */
  loadingMain(): boolean;
}

export class UncaughtReport {
  private rejectionId = 0;

  constructor(private readonly host: ReportHost) {}

  private userFrames(stack: string): { frames: string[]; loc: { file: string; shown: string; line: number; col: number } | null } {
    const modules = this.host.modules;
    const frames: string[] = [];
    let loc: { file: string; shown: string; line: number; col: number } | null = null;
    for (const raw of stack.split('\n')) {
      const m = /^\s+at (.*)$/.exec(raw);
      if (!m) continue;
      const where = /\(?((?:\/|\[|file:\/\/\/)[^():]*?):(\d+):(\d+)\)?$/.exec(m[1]);
      if (!where || !modules.isModuleFile(where[1])) continue;
      const file = where[1];
      const line = Number(where[2]);
      // Columns are the source's already (stack-format.ts takes the wrapper off line 1).
      const col = Number(where[3]);
      const isEval = /\[(eval|stdin)\]$/.test(file);
      const shown = isEval ? file.slice(file.lastIndexOf('/') + 1) : file;
      let name = m[1].slice(0, m[1].length - where[0].length).trim();
      name = name.replace(/^(Object\.)?eval$/, isEval ? '' : 'Object.<anonymous>').replace(/^Timeout\.eval /, 'Timeout._onTimeout ');
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

  /** Prints an uncaught exception the way node does (source line, caret, stack) to stderr. */
  printUncaught(e: unknown): void {
    const fl = this.host.fl;
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
      this.host.ctx.write('stderr', out + trailer);
      return;
    }
    if (e instanceof Error) {
      const stack = typeof e.stack === 'string' ? e.stack : `${e.name}: ${e.message}`;
      const { frames, loc } = this.userFrames(stack);
      const syn = (e as any).__syntax as { file: string; line: number } | undefined;
      if (syn) {
        const src = this.host.modules.sourceLine(syn.file, syn.line) ?? '';
        const shown = /\[(eval|stdin)\]$/.test(syn.file) ? syn.file.slice(syn.file.lastIndexOf('/') + 1) : syn.file;
        const frames = fl.legacy
          ? ['new Script (vm.js:80:7)', 'createScript (vm.js:274:10)', 'Object.runInThisContext (vm.js:326:10)', 'Module._compile (internal/modules/cjs/loader.js:664:28)', 'Object.Module._extensions..js (internal/modules/cjs/loader.js:712:10)', 'Module.load (internal/modules/cjs/loader.js:600:32)', 'tryModuleLoad (internal/modules/cjs/loader.js:539:12)', 'Function.Module._load (internal/modules/cjs/loader.js:531:3)', 'Function.Module.runMain (internal/modules/cjs/loader.js:754:12)', 'startup (internal/bootstrap/node.js:283:19)']
          : ['wrapSafe (node:internal/modules/cjs/loader:1281:20)', 'Module._compile (node:internal/modules/cjs/loader:1321:27)', 'Module._extensions..js (node:internal/modules/cjs/loader:1416:10)', 'Module.load (node:internal/modules/cjs/loader:1208:32)', 'Module._load (node:internal/modules/cjs/loader:1024:12)', 'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)', 'node:internal/main/run_main_module:28:49'];
        const indent = /^\s*/.exec(src)![0].length;
        out += `${shown}:${syn.line}\n${src}\n${' '.repeat(indent)}^\n\n${e.name}: ${e.message}\n${frames.map((f) => `    at ${f}\n`).join('')}`;
        this.host.ctx.write('stderr', out + trailer);
        return;
      }
      const header = (e as any).__header as string | undefined;
      if (header) {
        out += header;
      } else if ((e as any).code === 'MODULE_NOT_FOUND') {
        out += fl.legacy ? 'internal/modules/cjs/loader.js:638\n    throw err;\n    ^\n\n' : 'node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\n';
      } else if (loc) {
        const src = this.host.modules.sourceLine(loc.file, loc.line);
        if (src !== null) {
          // Node points at the throw statement when the error was thrown on that line.
          const t = loc.file.startsWith('file://') ? -1 : src.lastIndexOf('throw', loc.col - 1);
          const col = t >= 0 ? t + 1 : loc.col;
          out += `${loc.shown}:${loc.line}\n${src}\n${' '.repeat(Math.max(0, col - 1))}^\n\n`;
        }
      }
      const head = stack.split('\n    at ')[0];
      const internal = (e as any).__esmMain && frames.length
        ? ESM_RUN_FRAMES
        : this.host.loadingMain() && frames.length
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
      this.host.ctx.write('stderr', out + trailer);
      return;
    }
    // A thrown non-Error value.
    out += fl.legacy ? `\n${inspect(e, this.host.inspectOpts)}\n` : `Uncaught ${inspect(e, this.host.inspectOpts)}\n`;
    this.host.ctx.write('stderr', out + trailer);
  }

  /** Node < 15: an unhandled rejection is a warning (with a deprecation notice the first time), and the program goes on. */
  printRejectionWarning(pid: number, reason: unknown): void {
    const id = ++this.rejectionId;
    const shown = reason instanceof Error ? this.cleanStack(reason) : inspect(reason, this.host.inspectOpts);
    let text = `(node:${pid}) UnhandledPromiseRejectionWarning: ${shown}\n(node:${pid}) UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). (rejection id: ${id})\n`;
    if (id === 1) text += `(node:${pid}) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated. In the future, promise rejections that are not handled will terminate the Node.js process with a non-zero exit code.\n`;
    this.host.ctx.write('stderr', text);
  }

  /** Node 15+: an unhandled rejection is reported like an uncaught exception (the program then exits 1). */
  printRejectionCrash(reason: unknown): void {
    if (reason instanceof Error) {
      this.printUncaught(reason);
    } else {
      const trailer = this.host.fl.major >= 18 ? `\nNode.js ${this.host.fl.version}\n` : '';
      this.host.ctx.write(
        'stderr',
        `node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n            ^\n\n[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(reason, this.host.inspectOpts)}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n${trailer}`,
      );
    }
  }

  private extraProps(e: Error): string {
    const keys = Object.keys(e).filter((k) => k !== '__unhandledErrorEvent' && k !== 'stack' && k !== 'message');
    if (!keys.length) return '';
    return keys.map((k) => `  ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect((e as any)[k], { ...this.host.inspectOpts, depth: 1 })}`).join(',\n');
  }
}
