/**
 * The process core: one simulated process (plus the children a shell starts) with its virtual clock, terminal
 * line discipline, signals, ports and exit. It is the same code in every host: the in-process host calls it
 * directly; the worker hosts run it inside the worker (worker-core.ts) and talk to it through messages.
 */
import type { ExitEvent, ExitReason, HttpRequest, HttpResponse, OutputEvent, PeerLookup, PeerNetwork, PeerReply, ProcessFs, ProcessSpec, Signal, StdStream } from './process';
import { cpuLimitMessage, DEFAULT_CPU_MS_PER_SLICE, DEFAULT_PIDS_LIMIT, DEFAULT_SPIN_BUDGET, signalExitCode, spinLimitMessage } from './process';
import { VirtualScheduler } from './scheduler';
import { withDevices } from './devices';
import type { ResolvedProgram } from './executables';

/** The spec without the filesystem: what crosses a worker boundary. */
export type ProcessSpecData = Omit<ProcessSpec, 'fs' | 'network'>;

export interface KernelEvents {
  output(e: OutputEvent): void;
  exit(e: ExitEvent): void;
  /** Listening ports changed. */
  ports?(ports: number[]): void;
  /** A synchronous slice of user code starts / ends (the worker hosts' CPU watchdog listens to these). */
  slice?(phase: 'start' | 'end'): void;
}

export type HttpHandler = (req: HttpRequest) => Promise<HttpResponse>;

/** What a program (node, sh, an applet, hello) gets from the kernel. One per program instance. */
export interface ProgramContext {
  readonly argv: string[];
  readonly env: Record<string, string>;
  readonly cwd: string;
  readonly spec: ProcessSpecData;
  readonly fs: ProcessFs;
  readonly pid: number;
  /** Is this the process's main program (a container's pid 1 when spec.pid is 1)? */
  readonly isMain: boolean;
  now(): number;
  random(): number;
  write(stream: StdStream, text: string): void;
  /** Ends this program. For the main program this ends the process. */
  exit(code: number, reason?: ExitReason, signal?: Signal): void;
  /** Virtual timers owned by this program (cleared when it exits). `ref` timers keep it alive. */
  setTimer(delay: number, cb: () => void, repeat?: boolean): number;
  clearTimer(id: number): void;
  setTimerRef(id: number, ref: boolean): void;
  hasTimer(id: number): boolean;
  /** Keeps the program alive until the returned function is called (servers, pending requests, readers). */
  hold(): () => void;
  listen(port: number, handler: HttpHandler): 'EADDRINUSE' | null;
  unlisten(port: number): void;
  /** Calls a server listening in this process (a localhost request), or null if nothing listens on the port. */
  localRequest(port: number, req: HttpRequest): Promise<HttpResponse> | null;
  /** A request to another container by name or address; null when the process has no container network. */
  peerRequest(host: string, port: number, req: HttpRequest): Promise<PeerReply> | null;
  /** The address of another container by name or address; null when the process has no container network. */
  peerLookup(host: string): Promise<PeerLookup> | null;
  /** Runs another program in the foreground (the shell running `node app.js`); resolves with its exit code. */
  /**
   * Runs a program as a child and resolves with its exit status. `out`/`err` capture its output (a pipe or a
   * redirection in the shell); without them it writes to the process's own output.
   */
  spawnChild(argv: string[], opts: { env: Record<string, string>; cwd: string; background?: boolean; out?: (text: string) => void; err?: (text: string) => void; stdin?: string; onSpawn?: (child: ChildHandle) => void }): Promise<number>;
  /**
   * Programs that loop on their own (the shell's `while`/`until`/`for`) call this once per iteration. When one slice
   * has run longer than the CPU limit (wall time from the host's clock, or an iteration budget without one), the
   * process ends with 137 / 'cpu-limit' like the worker hosts' watchdog would end it, and this throws to unwind.
   */
  spin(): void;
  /** Wraps a callback so exceptions go to the program's uncaught handler. */
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

export interface Program {
  start(): void;
  /** Input: a cooked line ending in "\n" (tty) or a raw chunk (pipe). */
  input?(text: string): void;
  inputEnd?(): void;
  /** Returns true if the program handled the signal; false applies the default action. */
  signal?(sig: Signal): boolean;
  /** Ctrl-C in a tty: like SIGINT but the REPL and shell treat it as "cancel line". Defaults to signal(). */
  interrupt?(pendingLine: string): boolean;
  /** Nothing keeps the program alive any more (no ref timers, no holds). Node exits here; others ignore it. */
  idle?(): void;
  /** Files changed outside the process (an edited bind mount): absolute paths (`node --watch` restarts). */
  filesChanged?(paths: string[]): void;
  /** An exception escaped a guarded callback. */
  uncaught?(e: unknown): void;
  /** A promise rejected with nobody handling it (reported by worker hosts, which see the platform's event). */
  unhandledRejection?(reason: unknown): void;
  /** The terminal shows "^C" for Ctrl-C unless the program draws its own (the Node REPL). */
  readonly ownsTty?: boolean;
}

export type ProgramFactory = (ctx: ProgramContext, resolved: ResolvedProgram) => Program;

/** Thrown inside user code to unwind the stack after process.exit(); never reaches the user. */
export class ProcessExit {
  constructor(readonly code: number) {}
}

/** A running child program, for the parent that started it (`node --watch` ends and restarts its child). */
export interface ChildHandle {
  /** Ends the child at once with the signal's status; its timers and listening ports go with it. */
  kill(signal: Signal): void;
}

interface Ctx {
  ctx: ProgramContext;
  /** Ports this program listens on (released when it exits). */
  ports?: Set<number>;
  program: Program | null;
  timers: Set<number>;
  holds: number;
  done: boolean;
  onExit: (code: number, reason: ExitReason, signal?: Signal) => void;
  /** Where a child's output goes when its parent captures it (pipes, redirections). */
  sink?: { out?: (text: string) => void; err?: (text: string) => void };
  /** Its stdin is a pipe or file from the parent shell, not the terminal. */
  pipedStdin?: boolean;
}

export interface KernelOptions {
  spec: ProcessSpecData;
  fs: ProcessFs;
  resolved: ResolvedProgram;
  events: KernelEvents;
  /** Creates programs (node.ts, shell.ts, ...); injected to keep the kernel independent of them. */
  createProgram: (ctx: ProgramContext, resolved: ResolvedProgram) => Program;
  /** Resolves an argv for a child (PATH lookup). */
  resolve: (argv: string[], env: Record<string, string>, cwd: string) => ResolvedProgram | { error: string; exitCode: number };
  /** Lets pending host work (and the microtask queue) run; default: `macrotask()`. */
  yieldToHost?: () => Promise<void>;
  /** The host's wall clock in ms, for the loop check of `spin()` (measuring only; virtual time is separate). */
  wallNow?: () => number;
  /** The container's networks (ProcessSpec.network). */
  network?: PeerNetwork;
}

/**
 * Resolves on the next macrotask, after the whole microtask queue has drained. Uses setImmediate (Node) or a
 * MessageChannel (browsers, workers): scheduling only, no clock is read.
 */
/** The scheduling globals `macrotask` may find on the platform (none of them is in the engine's lib). */
interface SchedulingGlobals {
  setImmediate?: (cb: () => void) => unknown;
  setTimeout?: (cb: () => void, ms: number) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(m: unknown): void } };
}

export function macrotask(): Promise<void> {
  const g = globalThis as SchedulingGlobals;
  const { setImmediate, setTimeout, MessageChannel } = g;
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (typeof MessageChannel === 'function') {
    return new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        r();
      };
      ch.port2.postMessage(0);
    });
  }
  if (typeof setTimeout === 'function') return new Promise((r) => setTimeout(r, 0));
  return (async () => {
    for (let i = 0; i < 200; i++) await Promise.resolve();
  })();
}

function seedFrom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class Kernel {
  readonly scheduler: VirtualScheduler;
  private exitEvent: ExitEvent | null = null;
  private stack: Ctx[] = [];
  /** Children started with `&`: they run, but input and Ctrl-C go to the foreground. */
  private background = new Set<Ctx>();
  private ports = new Map<number, HttpHandler>();
  private lineBuf = '';
  private escape = 0;
  private stdinClosed = false;
  private queue: Promise<void> = Promise.resolve();
  private rngState: number;
  private started = false;
  private onFinish: (() => void)[] = [];
  /** Requests to other containers still waiting for the engine's reply (virtual time waits for them). */
  private peersPending = new Set<Promise<unknown>>();
  private spins = 0;
  private sliceWallStart = 0;
  /** The current "instant": slices run at one virtual time within one host request (setImmediate chains,
   * zero-delay timers, deferred callbacks) count as one stretch of CPU for the cpu-limit. */
  private instant = { at: Number.NaN, wall: 0, slices: 0, fresh: true };

  /** The process's filesystem with Docker's /dev over it (devices.ts). */
  private readonly fs: ProcessFs;

  constructor(private opts: KernelOptions) {
    this.scheduler = new VirtualScheduler(opts.spec.startTime);
    this.rngState = (opts.spec.seed ?? seedFrom(opts.spec.hostname)) >>> 0;
    this.fs = withDevices(opts.fs, { random: () => this.random(), tty: opts.spec.tty, terminal: (text) => this.output('stdout', text), descriptor: (fd, text) => this.output(fd === 1 ? 'stdout' : 'stderr', text), mountedAt: opts.spec.startTime });
  }

  get exited(): ExitEvent | null {
    return this.exitEvent;
  }

  now(): number {
    return this.scheduler.now;
  }

  listeningPorts(): number[] {
    return [...this.ports.keys()].sort((a, b) => a - b);
  }

  private random(): number {
    this.rngState = (this.rngState + 0x6d2b79f5) >>> 0;
    let t = this.rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Serialises every external entry point so slices never interleave. */
  private enqueue<T>(fn: () => Promise<T> | T): Promise<T> {
    const p = this.queue.then(() => {
      this.instant.fresh = true;
      return fn();
    });
    this.queue = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  }

  /** Lets every pending microtask (promise chains of async programs) run before the slice counts as done. */
  private async settle(): Promise<void> {
    await (this.opts.yieldToHost ?? macrotask)();
  }

  /** Runs fn as one slice of user work, then lets microtasks settle and checks for idleness. */
  private async slice(fn: () => void, drain = true): Promise<void> {
    await this.sliceOnce(fn);
    if (!drain) return;
    // Work due "now" (setImmediate, zero-delay timers, deferred callbacks) runs without time passing.
    for (let i = 0; i < 10000 && !this.exitEvent; i++) {
      const t = this.scheduler.nextDue(this.scheduler.now);
      if (!t) break;
      if (t.repeat !== undefined) this.scheduler.rearm(t);
      else this.scheduler.clear(t.id);
      await this.sliceOnce(t.cb);
    }
  }

  private async sliceOnce(fn: () => void): Promise<void> {
    if (this.exitEvent) return;
    this.spins = 0;
    this.sliceWallStart = this.opts.wallNow?.() ?? 0;
    const inst = this.instant;
    if (inst.fresh || inst.at !== this.scheduler.now) Object.assign(inst, { at: this.scheduler.now, wall: this.sliceWallStart, slices: 0, fresh: false });
    inst.slices++;
    this.opts.events.slice?.('start');
    try {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof ProcessExit)) this.crash(e);
      }
      await this.settle();
    } finally {
      this.opts.events.slice?.('end');
    }
    if (this.instantOverBudget()) return;
    this.checkIdle();
  }

  /** Ends the process when work at one virtual instant (a `setImmediate` chain, a storm of zero-delay timers)
   * has run longer than the CPU budget: such a program never waits for anything, like a `while (true)`. */
  private instantOverBudget(): boolean {
    if (this.exitEvent) return true;
    const limitMs = this.opts.spec.limits?.cpuMsPerSlice ?? DEFAULT_CPU_MS_PER_SLICE;
    const clock = this.opts.wallNow;
    if (clock ? clock() - this.instant.wall <= limitMs : this.instant.slices < DEFAULT_SPIN_BUDGET) return false;
    this.finish(137, 'cpu-limit', undefined, clock ? cpuLimitMessage(limitMs) : spinLimitMessage(this.instant.slices));
    return true;
  }

  private crash(e: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (top?.program?.uncaught) top.program.uncaught(e);
    else {
      const text = e instanceof Error ? e.stack ?? String(e) : String(e);
      this.output('stderr', `${text}\n`);
      this.finish(1, 'error', undefined, 'runtime error');
    }
  }

  private isIdle(c: Ctx): boolean {
    if (c.done || c.holds > 0 || !c.program?.idle) return false;
    for (const id of c.timers) {
      const t = this.scheduler.get(id);
      if (t?.ref) return false;
      if (!t) c.timers.delete(id);
    }
    return true;
  }

  private checkIdle(): void {
    for (const c of [...this.background]) if (!this.exitEvent && this.isIdle(c)) c.program!.idle!();
    // Repeat: one program exiting can make its parent idle.
    for (let guard = 0; guard < 8 && !this.exitEvent; guard++) {
      const top = this.stack[this.stack.length - 1];
      if (!top || !this.isIdle(top)) return;
      const before = this.stack.length;
      top.program!.idle!();
      if (this.stack.length === before && !top.done) return;
    }
  }

  private output(stream: StdStream, text: string): void {
    if (!text || this.exitEvent) return;
    const out = this.opts.spec.tty ? text.replace(/\r?\n/g, '\r\n') : text;
    this.opts.events.output({ stream: this.opts.spec.tty ? 'stdout' : stream, text: out, time: this.scheduler.now });
  }

  private finish(code: number, reason: ExitReason, signal?: Signal, message?: string): void {
    if (this.exitEvent) return;
    this.exitEvent = { code, time: this.scheduler.now, reason, ...(signal ? { signal } : {}), ...(message ? { message } : {}) };
    this.scheduler.clearAll();
    for (const c of this.stack) c.done = true;
    for (const c of this.background) c.done = true;
    this.stack = [];
    this.background.clear();
    if (this.ports.size) {
      this.ports.clear();
      this.opts.events.ports?.([]);
    }
    this.opts.events.exit(this.exitEvent);
    for (const f of this.onFinish.splice(0)) f();
  }

  private makeContext(argv: string[], env: Record<string, string>, cwd: string, isMain: boolean, onExit: Ctx['onExit']): Ctx {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const k = this;
    const c: Ctx = { ctx: null as unknown as ProgramContext, program: null, timers: new Set(), holds: 0, done: false, onExit };
    const ctx: ProgramContext = {
      argv,
      env,
      cwd,
      spec: this.opts.spec,
      fs: this.fs,
      pid: isMain ? this.opts.spec.pid ?? 1 : (this.opts.spec.pid ?? 1) + this.stack.length + 6,
      isMain,
      now: () => k.scheduler.now,
      random: () => k.random(),
      write: (stream, text) => {
        if (c.done) return;
        const to = stream === 'stderr' ? c.sink?.err : c.sink?.out;
        if (to) to(text);
        else k.output(stream, text);
      },
      exit: (code, reason = 'exit', signal) => {
        if (c.done) return;
        c.done = true;
        for (const id of c.timers) k.scheduler.clear(id);
        c.timers.clear();
        if (!isMain && c.ports?.size) {
          for (const p of c.ports) k.ports.delete(p);
          k.opts.events.ports?.(k.listeningPorts());
        }
        c.onExit(code, reason, signal);
      },
      setTimer: (delay, cb, repeat) => {
        const t = k.scheduler.add(delay, ctx.guard(cb), repeat ? delay : undefined);
        c.timers.add(t.id);
        return t.id;
      },
      clearTimer: (id) => {
        if (c.timers.delete(id)) k.scheduler.clear(id);
      },
      setTimerRef: (id, ref) => {
        const t = k.scheduler.get(id);
        if (t && c.timers.has(id)) t.ref = ref;
      },
      hasTimer: (id) => c.timers.has(id) && k.scheduler.has(id),
      hold: () => {
        c.holds++;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          c.holds--;
        };
      },
      listen: (port, handler) => {
        if (k.ports.has(port)) return 'EADDRINUSE';
        k.ports.set(port, handler);
        (c.ports ??= new Set()).add(port);
        k.opts.events.ports?.(k.listeningPorts());
        return null;
      },
      unlisten: (port) => {
        c.ports?.delete(port);
        if (k.ports.delete(port)) k.opts.events.ports?.(k.listeningPorts());
      },
      peerRequest: (host, port, req) => {
        if (!k.opts.network) return null;
        const p = k.opts.network.request(host, port, req, k.scheduler.now);
        const pending = p.then(
          () => undefined,
          () => undefined,
        );
        k.peersPending.add(pending);
        void pending.then(() => k.peersPending.delete(pending));
        return p;
      },
      peerLookup: (host) => k.opts.network?.lookup?.(host) ?? null,
      localRequest: (port, req) => {
        const h = k.ports.get(port);
        return h ? h(req) : null;
      },
      spin: () => {
        if (c.done || k.exitEvent) throw new ProcessExit(137);
        k.spin();
      },
      spawnChild: (cargv, o) => {
        // Starting a program is CPU work like a loop iteration (a fork bomb never waits for anything).
        if (c.done || k.exitEvent || k.spinOver()) return Promise.resolve(137);
        if (k.stack.length + k.background.size >= (k.opts.spec.limits?.pids ?? DEFAULT_PIDS_LIMIT)) {
          // The process table of the container is full: the shell's fork fails, as under a pids limit.
          const name = (argv[0] ?? 'sh').slice(argv[0].lastIndexOf('/') + 1);
          ctx.write('stderr', `${name}: can't fork: Resource temporarily unavailable\n`);
          return Promise.resolve(2);
        }
        return k.spawnChild(cargv, o.env, o.cwd, !!o.background, o.out || o.err ? { out: o.out, err: o.err } : undefined, o.stdin, o.onSpawn);
      },
      guard:
        <A extends unknown[]>(fn: (...args: A) => void) =>
        (...args: A) => {
          if (c.done) return;
          try {
            fn(...args);
          } catch (e) {
            if (e instanceof ProcessExit) return;
            if (c.program?.uncaught) c.program.uncaught(e);
            else throw e;
          }
        },
    };
    c.ctx = ctx;
    return c;
  }

  private spawnChild(argv: string[], env: Record<string, string>, cwd: string, background = false, sink?: Ctx['sink'], stdin?: string, onSpawn?: (child: ChildHandle) => void): Promise<number> {
    const r = this.opts.resolve(argv, env, cwd);
    if ('error' in r) return Promise.resolve(r.exitCode);
    return new Promise<number>((resolveExit) => {
      const c = this.makeContext(r.argv, env, cwd, false, (code) => {
        const i = this.stack.indexOf(c);
        if (i >= 0) this.stack.splice(i, 1);
        this.background.delete(c);
        resolveExit(code);
      });
      c.sink = sink;
      if (background) this.background.add(c);
      else this.stack.push(c);
      onSpawn?.({ kill: (sig) => c.ctx.exit(signalExitCode(sig), 'signal', sig) });
      c.program = this.opts.createProgram(c.ctx, r);
      try {
        c.program.start();
      } catch (e) {
        if (!(e instanceof ProcessExit)) {
          if (c.program.uncaught) c.program.uncaught(e);
          else c.ctx.exit(1);
        }
      }
      if (stdin !== undefined) {
        // Piped input: the whole text, then end of input (the child never reads the terminal).
        c.pipedStdin = true;
        const p = c.program;
        void Promise.resolve().then(() => {
          if (c.done) return;
          try {
            if (stdin) p.input?.(stdin);
            if (!c.done) p.inputEnd?.();
          } catch (e) {
            if (!(e instanceof ProcessExit)) {
              if (p.uncaught) p.uncaught(e);
              else c.ctx.exit(1);
            }
          }
        });
      } else if (this.stdinClosed && !c.done) c.program.inputEnd?.();
      // The child may already have nothing left to do (`node -e 1`): look once its start has settled, even when the
      // parent started it between slices (a shell running its third command).
      void this.enqueue(() => this.slice(() => {}));
    });
  }

  /** Starts the main program at spec.startTime. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      if (this.started) return;
      this.started = true;
      const s = this.opts.spec;
      const main = this.makeContext(this.opts.resolved.argv, { ...s.env }, s.cwd, true, (code, reason, signal) =>
        this.finish(code, reason, signal),
      );
      this.stack.push(main);
      await this.slice(() => {
        main.program = this.opts.createProgram(main.ctx, this.opts.resolved);
        main.program.start();
      });
      if (!s.interactive) await this.closeStdinNow();
    });
  }

  private async closeStdinNow(): Promise<void> {
    if (this.stdinClosed) return;
    this.stdinClosed = true;
    const top = this.stdinReader();
    if (top?.program?.inputEnd) await this.slice(() => top.program!.inputEnd!());
  }

  /** The foreground program that reads the process's stdin (children fed by a pipe do not). */
  private stdinReader(): Ctx | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (!this.stack[i].pipedStdin) return this.stack[i];
    return undefined;
  }

  private deliver(text: string): Promise<void> {
    const top = this.stdinReader();
    if (!top?.program?.input) return Promise.resolve();
    return this.slice(() => top.program!.input!(text));
  }

  /** Terminal or pipe input. */
  write(text: string): Promise<void> {
    return this.enqueue(async () => {
      if (this.exitEvent || this.stdinClosed) return;
      if (!this.opts.spec.tty) {
        await this.deliver(text);
        return;
      }
      for (const ch of text) {
        if (this.exitEvent) return;
        if (this.escape > 0) {
          // Swallow ANSI escape sequences (arrow keys): ESC [ ... final byte.
          if (this.escape === 1 && ch === '[') this.escape = 2;
          else if (this.escape === 1 || /[@-~]/.test(ch)) this.escape = 0;
          continue;
        }
        if (ch === '\x1b') {
          this.escape = 1;
        } else if (ch === '\r' || ch === '\n') {
          const line = this.lineBuf;
          this.lineBuf = '';
          this.output('stdout', '\n');
          await this.deliver(line + '\n');
        } else if (ch === '\x7f' || ch === '\b') {
          if (this.lineBuf.length) {
            this.lineBuf = [...this.lineBuf].slice(0, -1).join('');
            this.opts.events.output({ stream: 'stdout', text: '\b \b', time: this.scheduler.now });
          }
        } else if (ch === '\x03') {
          const pending = this.lineBuf;
          this.lineBuf = '';
          const top = this.stack[this.stack.length - 1];
          if (!top?.program?.ownsTty) this.output('stdout', '^C');
          await this.slice(() => {
            const handled = top?.program?.interrupt ? top.program.interrupt(pending) : top?.program?.signal?.('SIGINT');
            if (!handled && top && !(top.ctx.isMain && (this.opts.spec.pid ?? 1) === 1)) {
              top.ctx.exit(signalExitCode('SIGINT'), 'signal', 'SIGINT');
            }
          });
        } else if (ch === '\x04') {
          if (this.lineBuf === '') {
            const top = this.stack[this.stack.length - 1];
            if (top?.program?.inputEnd) await this.slice(() => top.program!.inputEnd!());
          }
        } else if (ch >= ' ' || ch === '\t') {
          this.lineBuf += ch;
          this.output('stdout', ch);
        }
      }
    });
  }

  closeStdin(): Promise<void> {
    return this.enqueue(() => this.closeStdinNow());
  }

  /**
   * Signals go to the main program. Like Linux, a pid-1 process without a handler ignores SIGINT/SIGTERM
   * (so `docker stop` of a handler-less node app waits for the timeout and SIGKILLs it: exit 137).
   */
  kill(sig: Signal = 'SIGTERM'): Promise<void> {
    if (sig === 'SIGKILL') {
      // Not queued: SIGKILL must work even while a slice is stuck awaiting.
      this.finish(signalExitCode('SIGKILL'), 'killed', 'SIGKILL');
      return Promise.resolve();
    }
    return this.enqueue(async () => {
      if (this.exitEvent) return;
      const main = this.stack[0];
      await this.slice(() => {
        const handled = main?.program?.signal?.(sig) ?? false;
        if (!handled && main && (this.opts.spec.pid ?? 1) !== 1) main.ctx.exit(signalExitCode(sig), 'signal', sig);
      });
    });
  }

  /** Files changed outside the process (an edited bind mount): the running programs that want to know are told. */
  filesChanged(paths: string[]): Promise<void> {
    return this.enqueue(async () => {
      if (this.exitEvent || !paths.length) return;
      for (const c of [...this.stack, ...this.background]) {
        if (c.done || !c.program?.filesChanged) continue;
        const p = c.program;
        await this.slice(() => p.filesChanged!(paths));
      }
    });
  }

  /** The platform reports an unhandled promise rejection (only workers can: one process per global scope). */
  unhandledRejection(reason: unknown): void {
    if (this.exitEvent) return;
    const top = this.stack[this.stack.length - 1];
    if (top?.program?.unhandledRejection) {
      try {
        top.program.unhandledRejection(reason);
      } catch (e) {
        if (!(e instanceof ProcessExit)) this.crash(e);
      }
    }
  }

  private spin(): void {
    if (this.spinOver()) throw new ProcessExit(137);
  }

  /** Counts one unit of CPU work (a loop iteration, a program start); true once the process was ended for it. */
  private spinOver(): boolean {
    const n = ++this.spins;
    if (n % 256 !== 0) return false;
    const limitMs = this.opts.spec.limits?.cpuMsPerSlice ?? DEFAULT_CPU_MS_PER_SLICE;
    const clock = this.opts.wallNow;
    if (clock ? clock() - Math.min(this.sliceWallStart, this.instant.wall) <= limitMs : n < DEFAULT_SPIN_BUDGET) return false;
    this.finish(137, 'cpu-limit', undefined, clock ? cpuLimitMessage(limitMs) : spinLimitMessage(n));
    return true;
  }

  /** Ends the process from outside (host decisions: OOM, CPU limit). */
  terminate(code: number, reason: ExitReason, message?: string): void {
    this.finish(code, reason, reason === 'killed' ? 'SIGKILL' : undefined, message);
  }

  /**
   * Fires the timers due up to `t`. While a request to another container is pending, virtual time stands still
   * (the queue is free meanwhile): the engine may take any wall time to serve it, and its reply still lands at
   * the same virtual time in every run and replay.
   */
  async advanceTo(t: number): Promise<void> {
    for (;;) {
      const waitFor = await this.enqueue(async () => {
        for (let n = 0; !this.exitEvent; n++) {
          if (this.peersPending.size) return [...this.peersPending];
          const timer = this.scheduler.nextDue(t);
          if (!timer) break;
          this.scheduler.now = Math.max(this.scheduler.now, timer.at);
          if (timer.repeat !== undefined) this.scheduler.rearm(timer);
          else this.scheduler.clear(timer.id);
          await this.slice(timer.cb, false);
        }
        if (!this.exitEvent && this.peersPending.size) return [...this.peersPending];
        if (!this.exitEvent && t > this.scheduler.now) this.scheduler.now = t;
        await this.settle();
        return null;
      });
      if (!waitFor) return;
      let ended = () => {};
      const finished = new Promise<void>((r) => this.onFinish.push((ended = r)));
      await Promise.race([Promise.all(waitFor), finished]);
      this.onFinish = this.onFinish.filter((f) => f !== ended);
    }
  }

  httpRequest(port: number, req: HttpRequest): Promise<HttpResponse> {
    // The queue must not wait for the response (it may need virtual time to pass), so the promise is boxed.
    return this.enqueue(async () => {
      const h = this.ports.get(port);
      if (!h || this.exitEvent) throw Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED' });
      const box: { p: Promise<HttpResponse> | null } = { p: null };
      await this.slice(() => {
        box.p = h(req);
      });
      if (!box.p) throw new Error('socket hang up');
      return box;
    }).then(
      (box) =>
        new Promise<HttpResponse>((resolve, reject) => {
          // A process that dies before answering hangs up on the client.
          const hangUp = () => reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
          if (this.exitEvent) return hangUp();
          this.onFinish.push(hangUp);
          box.p!.then(resolve, reject);
        }),
    );
  }
}
