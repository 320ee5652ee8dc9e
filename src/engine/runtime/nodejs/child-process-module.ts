/**
 * Node's `child_process` as far as the sandbox allows: the asynchronous forms run another program of the container
 * (through the shell for `exec`, directly for `execFile`/`spawn`) with its output collected or streamed.
 * The synchronous forms (execSync, spawnSync...) cannot wait inside the sandbox's event loop: they say so.
 */
import type { ProgramContext } from '../kernel';
import { EventEmitter } from './events';
import { NodeBuffer } from './globals';
import { PassThrough } from './stream-module';

export interface ChildProcessHost {
  ctx: ProgramContext;
  cwd(): string;
  env(): Record<string, string>;
}

export function createChildProcessModule(h: ChildProcessHost): any {
  let pids = 100;
  class ChildProcess extends EventEmitter {
    readonly pid = ++pids;
    readonly stdin = new PassThrough();
    readonly stdout = new PassThrough();
    readonly stderr = new PassThrough();
    exitCode: number | null = null;
    signalCode: string | null = null;
    killed = false;
    constructor(readonly spawnfile: string, readonly spawnargs: string[], opts: any) {
      super();
      const release = h.ctx.hold();
      const env = Object.fromEntries(Object.entries(opts?.env ?? h.env()).map(([k, v]) => [k, String(v)]));
      h.ctx
        .spawnChild(spawnargs, {
          env,
          cwd: opts?.cwd ?? h.cwd(),
          out: (t) => this.stdout.write(t),
          err: (t) => this.stderr.write(t),
          stdin: typeof opts?.input === 'string' ? opts.input : '',
        })
        .then(
          h.ctx.guard((code: number) => {
            release();
            this.exitCode = code;
            this.stdout.end();
            this.stderr.end();
            this.emit('exit', code, null);
            this.emit('close', code, null);
          }),
        );
    }
    kill(): boolean {
      this.killed = true;
      return false;
    }
    ref(): void {}
    unref(): void {}
  }
  const spawn = (file: string, args?: any, opts?: any) => {
    if (!Array.isArray(args)) {
      opts = args;
      args = [];
    }
    const argv = opts?.shell ? ['/bin/sh', '-c', [file, ...args].join(' ')] : [file, ...args.map(String)];
    return new ChildProcess(file, argv, opts);
  };
  const collect = (cp: ChildProcess, cmd: string, opts: any, cb?: (e: Error | null, out: any, err: any) => void) => {
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    cp.stdout.on('data', (c: Uint8Array) => out.push(NodeBuffer.from(c)));
    cp.stderr.on('data', (c: Uint8Array) => err.push(NodeBuffer.from(c)));
    cp.on('close', (code: number) => {
      if (!cb) return;
      const enc = opts?.encoding ?? 'utf8';
      const o = NodeBuffer.concat(out);
      const e = NodeBuffer.concat(err);
      const text = (b: any) => (enc === 'buffer' ? b : b.toString(enc));
      let error: any = null;
      if (code !== 0) {
        error = new Error(`Command failed: ${cmd}\n${e.toString()}`);
        error.code = code;
        error.killed = false;
        error.signal = null;
        error.cmd = cmd;
      }
      cb(error, text(o), text(e));
    });
    return cp;
  };
  const exec = (cmd: string, opts?: any, cb?: any) => {
    if (typeof opts === 'function') [cb, opts] = [opts, {}];
    return collect(new ChildProcess('/bin/sh', ['/bin/sh', '-c', cmd], opts), cmd, opts, cb);
  };
  const execFile = (file: string, args?: any, opts?: any, cb?: any) => {
    if (typeof args === 'function') [cb, args, opts] = [args, [], {}];
    else if (!Array.isArray(args)) [cb, opts, args] = [opts, args, []];
    if (typeof opts === 'function') [cb, opts] = [opts, {}];
    return collect(new ChildProcess(file, [file, ...args], opts), [file, ...args].join(' '), opts, cb);
  };
  const sync = (name: string) => () => {
    const e: any = new Error(`child_process.${name} is not available in this sandbox: a program cannot wait for another synchronously (use ${name.replace('Sync', '')} with a callback)`);
    e.code = 'ERR_NOT_AVAILABLE';
    throw e;
  };
  return {
    ChildProcess,
    spawn,
    exec,
    execFile,
    fork: sync('fork'),
    execSync: sync('execSync'),
    execFileSync: sync('execFileSync'),
    spawnSync: sync('spawnSync'),
  };
}
