/** Small built-in modules: os, util, url, assert, querystring, buffer, timers, readline, string_decoder. */
import { EventEmitter } from './events';
import { format, inspect } from './inspect';
import * as bufferLibrary from 'buffer';
import { invalidArgType, type NodeFlavour } from './node-errors';
import type { ProgramContext } from '../kernel';

export function createOsModule(ctx: ProgramContext, uptime: () => number): any {
  const ip = ctx.spec.ipAddress ?? '172.17.0.2';
  return {
    EOL: '\n',
    hostname: () => ctx.spec.hostname,
    platform: () => 'linux',
    type: () => 'Linux',
    arch: () => 'x64',
    release: () => '6.10.14-linuxkit',
    version: () => '#1 SMP Thu Oct 24 19:28:55 UTC 2024',
    machine: () => 'x86_64',
    homedir: () => ctx.env.HOME ?? '/root',
    tmpdir: () => ctx.env.TMPDIR ?? '/tmp',
    endianness: () => 'LE',
    uptime: () => Math.floor(uptime() / 1000) + 3600,
    loadavg: () => [0, 0, 0],
    totalmem: () => 8 * 1024 * 1024 * 1024,
    freemem: () => 6 * 1024 * 1024 * 1024,
    cpus: () => [0, 1].map(() => ({ model: 'Virtual CPU', speed: 2400, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
    networkInterfaces: () => ({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      // `--network none` gives no address: the loopback only.
      ...(ip ? { eth0: [{ address: ip, netmask: '255.255.0.0', family: 'IPv4', mac: ['02', '42', ...ip.split('.').map((n) => Number(n).toString(16).padStart(2, '0'))].join(':'), internal: false, cidr: `${ip}/16` }] } : {}),
    }),
    userInfo: () => ({ uid: 0, gid: 0, username: 'root', homedir: '/root', shell: '/bin/sh' }),
    constants: { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 } },
  };
}

/** `util`: format/inspect, inherits, deprecate (one warning per code), promisify (with .custom), types... */
/**
 * Terminal control sequences (ECMA-48): CSI (ESC [ or 0x9B, parameter and intermediate bytes, a final byte) and
 * OSC strings (ESC ], ended by BEL or ESC \), as `util.stripVTControlCharacters` removes them.
 */
const VT_CONTROL = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function createUtilModule(fl: NodeFlavour, warn: (message: string, code?: string) => void = () => undefined): any {
  const opts = { legacy: fl.legacy };
  const warned = new Set<string>();
  const custom = Symbol.for('nodejs.util.promisify.custom');
  const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);
  const util: any = {
    format: (...a: unknown[]) => format(opts, ...a),
    formatWithOptions: (_o: unknown, ...a: unknown[]) => format(opts, ...a),
    inspect: (v: unknown, o?: any) => inspect(v, { ...opts, ...(typeof o === 'object' ? o : {}) }),
    isDeepStrictEqual: (a: unknown, b: unknown) => deepEqual(a, b, true),
    inherits(ctor: any, superCtor: any) {
      if (typeof ctor !== 'function' || typeof superCtor !== 'function' || superCtor.prototype === undefined) {
        const e: any = new TypeError('The "ctor" and "superCtor" arguments must be of type function');
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    },
    promisify(fn: any) {
      if (fn && fn[custom]) return fn[custom];
      const p = function (this: unknown, ...args: any[]) {
        return new Promise((resolve, reject) => fn.call(this, ...args, (err: unknown, v: unknown) => (err ? reject(err) : resolve(v))));
      };
      Object.setPrototypeOf(p, Object.getPrototypeOf(fn));
      return Object.defineProperties(p, Object.getOwnPropertyDescriptors(fn));
    },
    callbackify(fn: (...a: any[]) => Promise<unknown>) {
      return (...args: any[]) => {
        const cb = args.pop();
        fn(...args).then((v) => cb(null, v), (e) => cb(e));
      };
    },
    deprecate(fn: (...a: any[]) => any, msg: string, code?: string) {
      let done = false;
      return function (this: unknown, ...args: any[]) {
        if (!done && !(code && warned.has(code))) {
          done = true;
          if (code) warned.add(code);
          warn(msg, code);
        }
        return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
      };
    },
    debuglog: () => Object.assign(() => undefined, { enabled: false }),
    stripVTControlCharacters(str: unknown) {
      if (typeof str !== 'string') throw invalidArgType('str', 'of type string', str);
      return str.replace(VT_CONTROL, '');
    },
    types: {
      isDate: (v: unknown) => tag(v) === 'Date',
      isRegExp: (v: unknown) => tag(v) === 'RegExp',
      isPromise: (v: unknown) => tag(v) === 'Promise',
      isMap: (v: unknown) => tag(v) === 'Map',
      isSet: (v: unknown) => tag(v) === 'Set',
      isNativeError: (v: unknown) => v instanceof Error,
      isUint8Array: (v: unknown) => v instanceof Uint8Array,
      isTypedArray: (v: unknown) => ArrayBuffer.isView(v) && !(v instanceof DataView),
      isArrayBufferView: (v: unknown) => ArrayBuffer.isView(v),
      isAnyArrayBuffer: (v: unknown) => v instanceof ArrayBuffer,
      isArrayBuffer: (v: unknown) => v instanceof ArrayBuffer,
      isAsyncFunction: (v: unknown) => tag(v) === 'AsyncFunction',
      isGeneratorFunction: (v: unknown) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
      isBoxedPrimitive: (v: unknown) => ['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(tag(v)) && typeof v === 'object',
      isProxy: () => false,
    },
    isArray: Array.isArray,
    isBoolean: (v: unknown) => typeof v === 'boolean',
    isBuffer: (v: unknown) => v instanceof Uint8Array && v.constructor?.name === 'Buffer',
    isFunction: (v: unknown) => typeof v === 'function',
    isNull: (v: unknown) => v === null,
    isNullOrUndefined: (v: unknown) => v === null || v === undefined,
    isNumber: (v: unknown) => typeof v === 'number',
    isObject: (v: unknown) => v !== null && typeof v === 'object',
    isPrimitive: (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    isString: (v: unknown) => typeof v === 'string',
    isSymbol: (v: unknown) => typeof v === 'symbol',
    isUndefined: (v: unknown) => v === undefined,
    isRegExp: (v: unknown) => tag(v) === 'RegExp',
    isDate: (v: unknown) => tag(v) === 'Date',
    isError: (v: unknown) => v instanceof Error,
    TextEncoder,
    TextDecoder,
  };
  util.inspect.custom = Symbol.for('nodejs.util.inspect.custom');
  util.promisify.custom = custom;
  return util;
}

function deepEqual(a: any, b: any, strict: boolean): boolean {
  if (strict ? Object.is(a, b) : a == b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(a[k], b[k], strict));
}

export function createAssertModule(fl: NodeFlavour): any {
  class AssertionError extends Error {
    code = 'ERR_ASSERTION';
    constructor(message: string, public actual?: unknown, public expected?: unknown, public operator?: string) {
      super(message);
      this.name = fl.legacy ? 'AssertionError [ERR_ASSERTION]' : 'AssertionError';
    }
  }
  const show = (v: unknown) => inspect(v, { legacy: fl.legacy });
  const ok = (v: unknown, msg?: string) => {
    if (!v) throw new AssertionError(msg ?? (fl.legacy ? `${show(v)} == true` : 'The expression evaluated to a falsy value:\n\n  assert(' + show(v) + ')\n'), v, true, '==');
  };
  const assert: any = ok;
  assert.ok = ok;
  assert.AssertionError = AssertionError;
  assert.equal = (a: unknown, b: unknown, m?: string) => {
    if (a != b) throw new AssertionError(m ?? `${show(a)} == ${show(b)}`, a, b, '==');
  };
  assert.notEqual = (a: unknown, b: unknown, m?: string) => {
    if (a == b) throw new AssertionError(m ?? `${show(a)} != ${show(b)}`, a, b, '!=');
  };
  assert.strictEqual = (a: unknown, b: unknown, m?: string) => {
    if (!Object.is(a, b)) throw new AssertionError(m ?? `Expected values to be strictly equal:\n\n${show(a)} !== ${show(b)}\n`, a, b, 'strictEqual');
  };
  assert.notStrictEqual = (a: unknown, b: unknown, m?: string) => {
    if (Object.is(a, b)) throw new AssertionError(m ?? `Expected "actual" to be strictly unequal to: ${show(b)}`, a, b, 'notStrictEqual');
  };
  assert.deepEqual = (a: unknown, b: unknown, m?: string) => {
    if (!deepEqual(a, b, false)) throw new AssertionError(m ?? `Expected values to be loosely deep-equal:\n\n${show(a)}\n\nshould loosely deep-equal\n\n${show(b)}`, a, b, 'deepEqual');
  };
  assert.deepStrictEqual = (a: unknown, b: unknown, m?: string) => {
    if (!deepEqual(a, b, true)) throw new AssertionError(m ?? `Expected values to be strictly deep-equal:\n${show(a)}\n\nshould equal\n\n${show(b)}`, a, b, 'deepStrictEqual');
  };
  assert.throws = (fn: () => void, _e?: unknown, m?: string) => {
    try {
      fn();
    } catch {
      return;
    }
    throw new AssertionError(m ?? 'Missing expected exception.', undefined, undefined, 'throws');
  };
  assert.fail = (m = 'Failed') => {
    throw new AssertionError(m);
  };
  assert.strict = assert;
  return assert;
}

export function createUrlModule(): any {
  const U = (globalThis as any).URL;
  const USP = (globalThis as any).URLSearchParams;
  return {
    URL: U,
    URLSearchParams: USP,
    parse(s: string, parseQuery = false) {
      let u: any;
      try {
        u = new U(s);
      } catch {
        try {
          u = new U(s, 'http://relative.invalid');
          const q = u.search ? u.search.slice(1) : null;
          return { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: u.hash || null, search: u.search || null, query: parseQuery ? Object.fromEntries(new USP(q ?? '')) : q, pathname: u.pathname, path: `${u.pathname}${u.search}`, href: s };
        } catch {
          return { href: s };
        }
      }
      const q = u.search ? u.search.slice(1) : null;
      return {
        protocol: u.protocol,
        slashes: true,
        auth: u.username ? `${u.username}${u.password ? ':' + u.password : ''}` : null,
        host: u.host,
        port: u.port || null,
        hostname: u.hostname,
        hash: u.hash || null,
        search: u.search || null,
        query: parseQuery ? Object.fromEntries(new USP(q ?? '')) : q,
        pathname: u.pathname,
        path: `${u.pathname}${u.search}`,
        href: u.href,
      };
    },
    format(o: any) {
      if (o instanceof U) return o.href;
      return `${o.protocol ? o.protocol + '//' : ''}${o.host ?? o.hostname ?? ''}${o.pathname ?? ''}${o.search ?? ''}${o.hash ?? ''}`;
    },
    resolve: (from: string, to: string) => new U(to, new U(from, 'resolve://')).href.replace(/^resolve:\/\//, ''),
    fileURLToPath: (u: any) => new U(String(u)).pathname,
    pathToFileURL: (p: string) => new U(`file://${p}`),
  };
}

export function createQuerystringModule(): any {
  const USP = (globalThis as any).URLSearchParams;
  return {
    parse: (s: string) => {
      const o: Record<string, string | string[]> = Object.create(null);
      for (const [k, v] of new USP(s)) {
        const cur = o[k];
        o[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
      }
      return o;
    },
    stringify: (o: Record<string, unknown>) =>
      Object.entries(o)
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(String(x ?? ''))}`))
        .join('&'),
    escape: encodeURIComponent,
    unescape: decodeURIComponent,
  };
}

/** readline.createInterface over process.stdin: 'line' events, question(), prompt(), close(). */
export function createReadlineModule(): any {
  class Interface extends EventEmitter {
    private buf = '';
    private closed = false;
    private promptText = '> ';
    private pending: ((a: string) => void)[] = [];
    constructor(private input: any, private output: any) {
      super();
      input.setEncoding?.('utf8');
      const onData = (chunk: unknown) => {
        this.buf += String(chunk);
        let i: number;
        while ((i = this.buf.indexOf('\n')) >= 0 && !this.closed) {
          const line = this.buf.slice(0, i).replace(/\r$/, '');
          this.buf = this.buf.slice(i + 1);
          const q = this.pending.shift();
          if (q) q(line);
          else this.emit('line', line);
        }
      };
      const onEnd = () => {
        if (this.buf && !this.closed) {
          const line = this.buf;
          this.buf = '';
          const q = this.pending.shift();
          if (q) q(line);
          else this.emit('line', line);
        }
        this.close();
      };
      input.on('data', onData);
      input.on('end', onEnd);
      this.detach = () => {
        input.removeListener('data', onData);
        input.removeListener('end', onEnd);
        input.pause?.();
      };
    }
    private detach: () => void;
    setPrompt(p: string): void {
      this.promptText = p;
    }
    getPrompt(): string {
      return this.promptText;
    }
    prompt(): void {
      this.output?.write?.(this.promptText);
    }
    question(q: string, a: unknown, b?: unknown): void {
      const cb = (typeof a === 'function' ? a : b) as (s: string) => void;
      this.output?.write?.(q);
      this.pending.push(cb);
    }
    write(s: string): void {
      this.output?.write?.(s);
    }
    close(): void {
      if (this.closed) return;
      this.closed = true;
      this.detach();
      this.emit('close');
    }
    pause(): this {
      return this;
    }
    resume(): this {
      return this;
    }
    [Symbol.asyncIterator](): AsyncIterator<string> {
      const lines: string[] = [];
      let wake: (() => void) | null = null;
      this.on('line', (l: string) => {
        lines.push(l);
        wake?.();
      });
      this.on('close', () => wake?.());
      return {
        next: async () => {
          while (!lines.length && !this.closed) await new Promise<void>((r) => (wake = r));
          if (lines.length) return { value: lines.shift()!, done: false };
          return { value: undefined, done: true };
        },
      };
    }
  }
  return {
    createInterface: (input: any, output?: any) => (input && input.input ? new Interface(input.input, input.output) : new Interface(input, output)),
    Interface,
  };
}

/** `require('buffer')`: a plain object as in Node (packages call `buffer.hasOwnProperty`), not a module namespace. */
export function createBufferModule(): any {
  const m: Record<string, unknown> = {};
  for (const k of Object.keys(bufferLibrary)) if (k !== 'default') m[k] = (bufferLibrary as Record<string, unknown>)[k];
  return m;
}
