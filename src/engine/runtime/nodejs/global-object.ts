/**
 * The global object a node program sees: timers shaped like Node's Timeout/Immediate on the process's virtual
 * clock, process, console, Buffer, the virtual Date and Math, performance, Web Crypto (17+) and fetch (18+).
 * Host globals that would leak the real world are shadowed (see GLOBAL_NAMES).
 */
import type { ProgramContext } from '../kernel';
import { inspect, type InspectOptions } from './inspect';
import type { NodeFlavour } from './node-errors';
import { NodeBuffer } from './globals';
import { Headers, nodeFetch, Request, Response } from './fetch';

/**
 * Globals user code sees through the module wrapper's parameters. Host globals that would leak the real world
 * (network, the worker's messaging, the page) are shadowed: undefined unless the sandbox provides its own.
 */
export const GLOBAL_NAMES = [
  'process', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  'Buffer', 'global', 'globalThis', 'Date', 'Math', 'performance', 'queueMicrotask', 'fetch', 'crypto', 'XMLHttpRequest',
  'WebSocket', 'EventSource', 'self', 'window', 'document', 'navigator', 'location', 'postMessage', 'importScripts',
  'close', 'onmessage', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'MessageChannel', 'Request', 'Response', 'Headers',
];

/** What the global object is made of: the program's context, process and console, and its built-in modules. */
export interface GlobalHost {
  readonly ctx: ProgramContext;
  readonly fl: NodeFlavour;
  readonly startTime: number;
  readonly process: any;
  readonly console: any;
  readonly Date: DateConstructor;
  readonly Math: Math;
  readonly inspectOpts: InspectOptions;
  builtin(name: string): any;
}

export function createGlobal(host: GlobalHost): any {
  const ctx = host.ctx;
  const clampDelay = (d: unknown) => {
    const n = Number(d);
    return !Number.isFinite(n) || n < 1 || n > 2147483647 ? 1 : Math.floor(n);
  };
  const startTime = host.startTime;
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
    process: host.process,
    console: host.console,
    Buffer: NodeBuffer,
    Date: host.Date,
    Math: host.Math,
    setTimeout: (fn: (...a: any[]) => void, ms?: unknown, ...args: any[]) => {
      if (typeof fn !== 'function') throw callbackError(host, fn);
      const d = clampDelay(ms);
      // Called as the Timeout's method, so stacks name it `Timeout._onTimeout` as Node's do.
      const t: Timeout = new Timeout(ctx.setTimer(d, () => (t._onTimeout as (...a: any[]) => void)(...args)), d, fn, args, false);
      return t;
    },
    setInterval: (fn: (...a: any[]) => void, ms?: unknown, ...args: any[]) => {
      if (typeof fn !== 'function') throw callbackError(host, fn);
      const d = clampDelay(ms);
      const t: Timeout = new Timeout(ctx.setTimer(d, () => (t._onTimeout as (...a: any[]) => void)(...args), true), d, fn, args, true);
      return t;
    },
    setImmediate: (fn: (...a: any[]) => void, ...args: any[]) => new Immediate(ctx.setTimer(0, () => fn(...args))),
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear,
    queueMicrotask: (fn: () => void) => queueMicrotask(ctx.guard(fn)),
    performance: { now: () => ctx.now() - host.startTime, timeOrigin: host.startTime },
    URL: (globalThis as any).URL,
    URLSearchParams: (globalThis as any).URLSearchParams,
    TextEncoder,
    TextDecoder,
    crypto: host.fl.major >= 17 ? webCrypto(ctx) : undefined,
  });
  if (host.fl.major >= 18) own({ fetch: (input: unknown, init?: any) => nodeFetch((name) => host.builtin(name), input, init ?? {}), Headers, Request, Response });
  // util.promisify(setTimeout) and (setImmediate) resolve after the delay, as in Node.
  const promisified = Symbol.for('nodejs.util.promisify.custom');
  g.setTimeout[promisified] = (ms?: unknown, v?: unknown) => new Promise((r) => g.setTimeout(() => r(v), ms));
  g.setImmediate[promisified] = (v?: unknown) => new Promise((r) => g.setImmediate(() => r(v)));
  own({ global: g, globalThis: g });
  return g;
}

/** globalThis.crypto (Node 17+): seeded, so runs replay identically. */
function webCrypto(ctx: ProgramContext): any {
  const rnd = () => ctx.random();
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

function callbackError(host: GlobalHost, fn: unknown): Error {
  const e: any = new TypeError(host.fl.legacy ? '"callback" argument must be a function' : `The "callback" argument must be of type function. Received ${inspect(fn, host.inspectOpts)}`);
  e.code = 'ERR_INVALID_CALLBACK';
  return e;
}
