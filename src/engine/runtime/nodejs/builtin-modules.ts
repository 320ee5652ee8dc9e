// The packages the built-ins come from ship no types of their own: their declarations, for the whole program.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./library-types.d.ts" />
/**
 * The table of Node's built-in modules (`require('fs')`, `require('node:http')`...): each is made once per
 * program, on first require. Modules Node has but the sandbox does not simulate load, and fail loudly when used.
 */
import type { ProgramContext } from '../kernel';
import { createEventsModule } from './events';
import { createPathModule } from './path-module';
import { createFsModule } from './fs-module';
import { createHttpModule } from './http';
import {
  createAssertModule,
  createBufferModule,
  createOsModule,
  createQuerystringModule,
  createReadlineModule,
  createUrlModule,
  createUtilModule,
} from './builtins';
import type { NodeFlavour } from './node-errors';
import { createStreamModule } from './stream-module';
import { createCryptoModule } from './crypto-module';
import { createZlibModule } from './zlib-module';
import { createAsyncHooksModule } from './async-hooks-module';
import { createNetModule, createTtyModule } from './net-tty-modules';
import { createChildProcessModule } from './child-process-module';
import { StringDecoder } from 'string_decoder/lib/string_decoder.js';

export const BUILTINS = new Set([
  'fs', 'fs/promises', 'path', 'os', 'events', 'util', 'url', 'http', 'https', 'assert', 'querystring', 'buffer',
  'readline', 'timers', 'string_decoder', 'stream', 'crypto', 'child_process', 'net', 'dns', 'zlib', 'tty', 'vm',
  'worker_threads', 'cluster', 'process', 'console', 'assert/strict', 'path/posix', 'timers/promises', 'module',
  'async_hooks', 'stream/promises', 'util/types', 'perf_hooks', 'diagnostics_channel', 'punycode', 'http2', 'dgram', 'tls',
]);

/** The program the built-in modules belong to: its context, clock, working directory and globals. */
export interface BuiltinHost {
  readonly ctx: ProgramContext;
  readonly fl: NodeFlavour;
  readonly startTime: number;
  readonly Date: DateConstructor;
  readonly process: any;
  readonly console: any;
  /** The program's global object (its timers back `timers` and `timers/promises`). */
  readonly userGlobal: any;
  cwd(): string;
  immediate(cb: () => void): number;
}

export class BuiltinModules {
  private cache = new Map<string, any>();
  private requestNo = 0;

  constructor(private readonly host: BuiltinHost) {}

  get(name: string): any {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const host = this.host;
    let m: any;
    switch (name) {
      case 'fs':
        m = createFsModule({ fs: host.ctx.fs, fl: host.fl, cwd: () => host.cwd(), defer: (cb) => host.immediate(cb), now: () => host.ctx.now(), Date: host.Date });
        break;
      case 'fs/promises':
        m = this.get('fs').promises;
        break;
      case 'path':
      case 'path/posix':
        m = createPathModule(() => host.cwd());
        break;
      case 'os':
        m = createOsModule(host.ctx, () => host.ctx.now() - host.startTime);
        break;
      case 'events':
        m = createEventsModule();
        break;
      case 'util':
        m = createUtilModule(host.fl, (msg, code) => host.process.emitWarning(msg, 'DeprecationWarning', code));
        break;
      case 'util/types':
        m = this.get('util').types;
        break;
      case 'crypto':
        m = createCryptoModule(host.ctx);
        break;
      case 'zlib':
        m = createZlibModule((cb) => host.immediate(cb));
        break;
      case 'async_hooks':
        m = createAsyncHooksModule();
        break;
      case 'child_process':
        m = createChildProcessModule({ ctx: host.ctx, cwd: () => host.cwd(), env: () => host.process.env });
        break;
      case 'net':
        m = createNetModule();
        break;
      case 'tty':
        m = createTtyModule(!!host.ctx.spec.tty);
        break;
      case 'perf_hooks':
        m = { performance: host.userGlobal.performance };
        break;
      case 'stream/promises':
        m = this.get('stream').promises;
        break;
      case 'url':
        m = createUrlModule();
        break;
      case 'http':
      case 'https':
        m = createHttpModule(
          {
            ctx: host.ctx,
            fl: host.fl,
            nextRequestNumber: () => ++this.requestNo,
            localRequest: (port, req) => host.ctx.localRequest(port, req),
            immediate: (cb) => host.immediate(cb),
            Date: host.Date,
          },
          name === 'https',
        );
        break;
      case 'assert':
      case 'assert/strict':
        m = createAssertModule(host.fl);
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
        m = { setTimeout: host.userGlobal.setTimeout, clearTimeout: host.userGlobal.clearTimeout, setInterval: host.userGlobal.setInterval, clearInterval: host.userGlobal.clearInterval, setImmediate: host.userGlobal.setImmediate, clearImmediate: host.userGlobal.clearImmediate };
        break;
      case 'timers/promises':
        m = { setTimeout: (ms: number, v?: unknown) => new Promise((r) => host.userGlobal.setTimeout(() => r(v), ms)), setImmediate: (v?: unknown) => new Promise((r) => host.userGlobal.setImmediate(() => r(v))) };
        break;
      case 'process':
        m = host.process;
        break;
      case 'console':
        m = host.console;
        break;
      case 'string_decoder':
        m = { StringDecoder };
        break;
      case 'stream':
        m = createStreamModule();
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
    this.cache.set(name, m);
    return m;
  }
}
