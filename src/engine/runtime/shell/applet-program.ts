/** Runs one applet as a whole program (`docker run alpine cat /etc/hostname`, `docker exec c ls -l`). */
import type { Program, ProgramContext } from '../kernel';
import { lookupHost, netRequest } from '../net-client';
import { APPLET_IMPLS, echo, type AppletEnv, type AppletIO } from '../coreutils';

export class AppletProgram implements Program {
  private buffered = '';
  private waiting: ((s: string) => void) | null = null;
  private ended = false;
  constructor(
    private ctx: ProgramContext,
    private applet: string,
  ) {}

  start(): void {
    const impl = APPLET_IMPLS[this.applet] ?? echo;
    const io: AppletIO = {
      readStdin: () =>
        this.ended
          ? Promise.resolve(this.buffered)
          : new Promise((resolve) => {
              this.waiting = resolve;
            }),
      out: (t) => this.ctx.write('stdout', t),
      err: (t) => this.ctx.write('stderr', t),
    };
    const u = (this.ctx.spec.user ?? 'root').split(':')[0];
    const env: AppletEnv = {
      fs: this.ctx.fs,
      cwd: this.ctx.cwd,
      env: this.ctx.env,
      hostname: this.ctx.spec.hostname,
      ip: this.ctx.spec.ipAddress ?? '172.17.0.2',
      user: u === '0' || u === '' ? 'root' : u,
      now: () => this.ctx.now(),
      sleep: (ms) => new Promise<boolean>((resolve) => this.ctx.setTimer(ms, () => resolve(true))),
      tty: this.ctx.spec.tty,
      columns: 80,
      processes: () => [...(this.ctx.spec.peers ?? []).map((p): [number, string] => [p.pid, p.command]), [this.ctx.pid, this.ctx.argv.join(' ')] as [number, string]].sort((a, b) => a[0] - b[0]),
      which: () => null,
      http: (url, opts) => netRequest(this.ctx, url, opts),
      lookup: (host) => lookupHost(this.ctx, host),
      listen: (port, handler) => this.ctx.listen(port, handler),
      unlisten: (port) => this.ctx.unlisten(port),
      exec: (argv, io, o) => this.ctx.spawnChild(argv, { env: o?.env ?? this.ctx.env, cwd: o?.cwd ?? this.ctx.cwd, out: io.out, err: io.err, ...(io.stdin !== undefined ? { stdin: io.stdin } : {}) }),
    };
    const release = this.ctx.hold();
    void Promise.resolve(impl([this.applet, ...this.ctx.argv.slice(1)], io, env)).then((code) => {
      release();
      this.ctx.exit(code);
    });
  }

  input(text: string): void {
    this.buffered += text;
  }

  inputEnd(): void {
    this.ended = true;
    const w = this.waiting;
    this.waiting = null;
    w?.(this.buffered);
  }
}
