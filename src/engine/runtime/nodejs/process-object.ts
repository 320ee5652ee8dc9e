/**
 * The `process` object of a node program: identity (version, pid, argv, env), cwd/chdir, exit/abort/kill,
 * clocks on the virtual time (uptime, hrtime), nextTick, and the stdout/stderr/stdin streams.
 */
import type { ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import type { Signal } from '../process';
import { SIGNAL_NUMBERS } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';
import { EventEmitter } from './events';
import type { NodeFlavour } from './node-errors';

/** The program behind `process`: its working directory, exit and signal handling, and its hold on stdin. */
export interface ProcessHost {
  readonly ctx: ProgramContext;
  readonly fl: NodeFlavour;
  readonly startTime: number;
  cwd(): string;
  setCwd(dir: string): void;
  exit(code: number): void;
  signal(sig: Signal): boolean;
  immediate(cb: () => void): number;
  /** Reading stdin keeps the process alive until the input ends (when the program does not already wait for it). */
  holdStdin(): void;
  releaseStdin(): void;
  stdinEnded(): boolean;
}

export function createProcess(host: ProcessHost): any {
  const ctx = host.ctx;
  const p: any = new EventEmitter();
  // `Object.prototype.toString.call(process)` is '[object process]' in Node: libraries test it to tell Node from
  // a browser (axios picks its http adapter by it).
  Object.defineProperty(p, Symbol.toStringTag, { value: 'process', configurable: true });
  const versionNum = host.fl.version.slice(1);
  p.title = 'node';
  p.version = host.fl.version;
  p.versions = { node: versionNum, v8: host.fl.legacy ? '6.8.275.32-node.52' : '11.3.244.8-node.16', uv: '1.28.0', modules: '64' };
  p.arch = 'x64';
  p.platform = 'linux';
  p.release = { name: 'node', lts: host.fl.major === 10 ? 'Dubnium' : undefined };
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
  p.cwd = () => host.cwd();
  p.chdir = (d: string) => {
    const t = resolvePath(host.cwd(), d);
    if (ctx.fs.stat(t)?.type !== 'dir') {
      const e: any = new Error(`ENOENT: no such file or directory, chdir ${host.cwd()} -> '${d}'`);
      e.code = 'ENOENT';
      e.errno = -2;
      e.syscall = 'chdir';
      throw e;
    }
    host.setCwd(t);
  };
  p.exit = (code?: number) => {
    const c = code === undefined ? p.exitCode ?? 0 : Number(code) | 0;
    host.exit(c);
    throw new ProcessExit(c);
  };
  p.abort = () => {
    ctx.exit(134, 'signal');
    throw new ProcessExit(134);
  };
  p.kill = (pid: number, sig: string | number = 'SIGTERM') => {
    const name = (typeof sig === 'number' ? Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === sig)?.[0] : sig) as Signal | undefined;
    if (pid === p.pid && name) {
      host.immediate(() => {
        if (!host.signal(name)) ctx.exit(128 + SIGNAL_NUMBERS[name], 'signal', name);
      });
    }
    return true;
  };
  p.uptime = () => (ctx.now() - host.startTime) / 1000;
  const hr = (prev?: [number, number]) => {
    const ns = (ctx.now() - host.startTime) * 1e6 + 1e9;
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
  hr.bigint = () => BigInt(Math.round((ctx.now() - host.startTime) * 1e6 + 1e9));
  p.hrtime = hr;
  p.memoryUsage = () => ({ rss: 30_000_000, heapTotal: 6_000_000, heapUsed: 4_000_000, external: 800_000 });
  p.cpuUsage = () => ({ user: 30000, system: 10000 });
  p.nextTick = (fn: (...a: any[]) => void, ...args: any[]) => queueMicrotask(ctx.guard(() => fn(...args)));
  p.umask = () => 0o22;
  p.getuid = () => 0;
  p.getgid = () => 0;
  p.geteuid = () => 0;
  p.getegid = () => 0;
  let warnedOnce = false;
  p.emitWarning = (w: string | Error, type?: string | { type?: string; code?: string }, code?: string) => {
    const o = typeof type === 'object' && type ? type : { type, code };
    const kind = o.type ?? (typeof w === 'string' ? 'Warning' : w.name);
    const text = typeof w === 'string' ? w : w.message;
    let line = `(node:${p.pid}) ${o.code ? `[${o.code}] ` : ''}${kind}: ${text}\n`;
    if (!warnedOnce && host.fl.major >= 14) line += `(Use \`node --trace-${kind === 'DeprecationWarning' ? 'deprecation' : 'warnings'} ...\` to show where the warning was created)\n`;
    warnedOnce = true;
    ctx.write('stderr', line);
  };
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
      if (typeof done === 'function') host.immediate(done as () => void);
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
  const attach = () => host.holdStdin();
  stdin.resume = () => {
    attach();
    return stdin;
  };
  stdin.pause = () => {
    host.releaseStdin();
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
      if (host.stdinEnded() && ev === 'end') host.immediate(() => fn());
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
  p.stdin = stdin;
  return p;
}
