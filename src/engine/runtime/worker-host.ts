/**
 * The host side of a worker-isolated process, shared by the Web Worker host (src/ui/runtime/) and the Node
 * child-process host (src/node/runtime/). It snapshots the container's files into the worker, applies the
 * worker's writes back to the real ProcessFs, and runs the CPU watchdog from outside: the host pings the worker
 * every few tens of ms and a worker whose event loop does not answer within `limits.cpuMsPerSlice` (default
 * 2000 ms of wall time) is terminated, exit 137 with reason 'cpu-limit'. Nothing the worker says can switch the
 * watchdog off (its 'slice' messages are informational), so user code that reaches the platform's messaging
 * cannot forge its way past it. Memory: the adapter reports 'oom' when the platform tells it.
 */
import { applyFsChange } from './memory-fs';
import { walk } from './fs-helpers';
import type { FsChange, FsSnapshotEntry } from './memory-fs';
import { ProcessEvents } from './process-events';
import { hasNpmRegistryLoader, loadNpmRegistry } from './packages/npm-registry/source';
import type { HostMessage, WorkerMessage } from './protocol';
import type { ExitEvent, ExitReason, HttpRequest, HttpResponse, OutputEvent, ProcessFs, ProcessSpec, ProgramKind, SandboxProcess, Signal } from './process';
import { cpuLimitMessage, DEFAULT_CPU_MS_PER_SLICE, signalExitCode } from './process';

/** What a platform worker must offer. */
export interface WorkerLike {
  postMessage(m: HostMessage): void;
  terminate(): void;
  /** Optional: told when the host starts/stops waiting for replies (Node: ref()/unref() the worker so an idle
   * detached container does not keep the CLI process alive). */
  setBusy?(busy: boolean): void;
}

/** Host facilities for the watchdog: wall-clock ms (for measuring only) and an interval timer. */
export interface WatchdogTimers {
  wallNow(): number;
  /** Optional: CPU ms the worker has used so far (a child process's utime + stime), or null when unknown. With it,
   * a worker that misses its pong only because the machine is overloaded is not taken for a loop: it is ended once
   * it has used `cpuMsPerSlice` of CPU since the ping, or after STARVED_WALL_FACTOR times that of wall time. */
  cpuNow?(): number | null;
  setInterval(cb: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}


/** See WatchdogTimers.cpuNow: the wall-time bound for a worker that misses its pong on a busy machine. */
export const STARVED_WALL_FACTOR = 5;

/** Output a process may produce before the host discards the rest (one line says so): bounds the log. */
export const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Binary files bigger than this travel to the worker as their size only (they read as zeros there). */
export const SNAPSHOT_BINARY_LIMIT = 16 * 1024;

function isBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) return true;
  }
  return false;
}

/**
 * Optional on a ProcessFs given to a worker host: the first `max` bytes of a regular file (symlinks followed) and
 * the length `readFile` would return, without producing the rest. The containers' union filesystem offers it, so
 * a snapshot can tell a big generated binary (libcrypto, npm's placeholders) from text without generating a
 * megabyte of it first.
 */
export interface PeekableFs {
  peekFile?(path: string, max: number): { head: Uint8Array; length: number } | null;
}

/**
 * A snapshot of every entry of a ProcessFs (what the worker's MemoryFs starts from). Large binary files (image
 * binaries, npm placeholders) are sent as their size only, so spawning stays cheap; programs in the sandbox never
 * execute them (executables are identified by marker or name, see executables.ts).
 */
export function snapshotFs(fs: ProcessFs & PeekableFs): FsSnapshotEntry[] {
  const out: FsSnapshotEntry[] = [];
  for (const { path, stat } of walk(fs, '/')) {
    if (path === '/') continue;
    if (stat.type === 'file') {
      if (stat.size > SNAPSHOT_BINARY_LIMIT) {
        const peek = fs.peekFile?.(path, 1024);
        if (peek) {
          if (isBinary(peek.head)) out.push({ path, type: 'file', mode: stat.mode, mtimeMs: stat.mtimeMs, omittedSize: peek.length });
          else out.push({ path, type: 'file', mode: stat.mode, mtimeMs: stat.mtimeMs, data: fs.readFile(path) ?? new Uint8Array() });
          continue;
        }
        const data = fs.readFile(path) ?? new Uint8Array();
        if (isBinary(data)) out.push({ path, type: 'file', mode: stat.mode, mtimeMs: stat.mtimeMs, omittedSize: data.length });
        else out.push({ path, type: 'file', mode: stat.mode, mtimeMs: stat.mtimeMs, data });
        continue;
      }
      out.push({ path, type: 'file', mode: stat.mode, mtimeMs: stat.mtimeMs, data: fs.readFile(path) ?? new Uint8Array() });
    } else if (stat.type === 'symlink') out.push({ path, type: 'symlink', mode: stat.mode, mtimeMs: stat.mtimeMs, target: fs.readlink?.(path) ?? '' });
    else out.push({ path, type: 'dir', mode: stat.mode, mtimeMs: stat.mtimeMs });
  }
  return out;
}

export class WorkerProcess implements SandboxProcess {
  readonly exited: Promise<ExitEvent>;
  private readonly events = new ProcessEvents();
  private pending = new Map<number, () => void>();
  private httpPending = new Map<number, { resolve: (r: HttpResponse) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private virtualNow: number;
  private ports: number[] = [];
  private watchdog: unknown;
  private cpuMs: number;
  private outputBytes = 0;
  /** Heartbeat: armed by the worker's first message (it has loaded the runtime and the files); then one ping
   * is outstanding at a time, sent at `pingSentAt`. */
  private armed = false;
  private pingN = 0;
  private pingSentAt: number | null = null;
  private pingCpu: number | null = null;
  private lastCheck: number | null = null;
  private tickMs: number;
  /** Set while the npm registry's data is being loaded for this process: later messages wait for it. */
  private gate: Promise<void> | null = null;

  constructor(
    readonly pid: number,
    readonly kind: ProgramKind,
    private worker: WorkerLike,
    private spec: ProcessSpec,
    private timers: WatchdogTimers,
  ) {
    this.exited = this.events.exited;
    this.virtualNow = spec.startTime;
    this.cpuMs = spec.limits?.cpuMsPerSlice ?? DEFAULT_CPU_MS_PER_SLICE;
    const { fs, network: _network, ...data } = spec;
    const spawn: HostMessage = { t: 'spawn', spec: { ...data, pid }, files: snapshotFs(fs) };
    // A program reads the npm registry synchronously (waiting for the host would let virtual time run on), so a
    // shell or npm process in an image with npm gets its data first; messages for the worker wait until it is sent.
    // A node process (most containers of a Node image) does not run npm and goes without.
    if (kind !== 'node' && kind !== 'hello' && hasNpmRegistryLoader() && fs.stat('/usr/local/bin/npm')) {
      this.gate = loadNpmRegistry().then((d) => {
        if (d) worker.postMessage({ t: 'npm-registry', data: d });
        worker.postMessage(spawn);
      });
    } else worker.postMessage(spawn);
    this.tickMs = Math.max(20, Math.min(250, this.cpuMs / 4));
    this.watchdog = timers.setInterval(() => this.check(), this.tickMs);
  }

  private post(m: HostMessage): void {
    if (this.gate) void this.gate.then(() => this.worker.postMessage(m));
    else this.worker.postMessage(m);
  }

  private check(): void {
    if (this.events.exit || !this.armed) return;
    const now = this.timers.wallNow();
    // This thread itself was stalled (a long task on the page or the CLI): a pong may be waiting in its queue,
    // so the worker is not judged on this round; it gets a fresh ping.
    const stalled = this.lastCheck !== null && now - this.lastCheck > Math.max(4 * this.tickMs, this.cpuMs / 2);
    this.lastCheck = now;
    if (stalled) this.pingSentAt = null;
    if (this.pingSentAt === null) {
      this.pingSentAt = now;
      this.pingCpu = this.timers.cpuNow?.() ?? null;
      this.post({ t: 'ping', n: ++this.pingN });
      return;
    }
    const waited = now - this.pingSentAt;
    if (waited <= this.cpuMs) return;
    const cpu = this.pingCpu === null ? null : this.timers.cpuNow?.() ?? null;
    if (cpu !== null && this.pingCpu !== null && cpu - this.pingCpu <= this.cpuMs && waited <= this.cpuMs * STARVED_WALL_FACTOR) return;
    this.fail('cpu-limit', cpuLimitMessage(this.cpuMs));
  }

  /** Ends the process from the host side (watchdog, OOM, worker error) and terminates the worker. */
  fail(reason: ExitReason, message: string, code = 137): void {
    if (this.events.exit) return;
    this.worker.terminate();
    this.finish({ code, time: this.virtualNow, reason, ...(reason === 'killed' ? { signal: 'SIGKILL' as Signal } : {}), message });
  }

  private finish(e: ExitEvent): void {
    const first = this.events.finish(e, () => {
      this.pingSentAt = null;
      this.timers.clearInterval(this.watchdog);
      this.ports = [];
    });
    if (!first) return;
    for (const done of this.pending.values()) done();
    this.pending.clear();
    for (const h of this.httpPending.values()) h.reject(new Error('socket hang up'));
    this.httpPending.clear();
    this.worker.terminate();
  }

  updateFiles(changes: FsChange[]): void {
    if (!this.events.exit && changes.length) this.post({ t: 'files', changes });
  }

  /** Feed every message from the worker here. */
  handle(m: WorkerMessage): void {
    if (this.events.exit && m.t !== 'done') return;
    this.armed = true;
    switch (m.t) {
      case 'output': {
        this.virtualNow = Math.max(this.virtualNow, m.e.time);
        if (this.outputBytes > MAX_OUTPUT_BYTES) return;
        this.outputBytes += m.e.text.length;
        const e: OutputEvent =
          this.outputBytes > MAX_OUTPUT_BYTES
            ? { stream: 'stderr', text: `\nlayerlab: this process wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB of output; the rest is discarded\n`, time: m.e.time }
            : m.e;
        this.events.output(e);
        return;
      }
      case 'fs':
        applyFsChange(this.spec.fs, m.change);
        return;
      case 'ports':
        this.ports = m.ports;
        return;
      case 'slice':
        return;
      case 'pong':
        if (m.n === this.pingN) this.pingSentAt = null;
        return;
      case 'exit':
        this.virtualNow = Math.max(this.virtualNow, m.e.time);
        this.finish(m.e);
        return;
      case 'done': {
        this.virtualNow = Math.max(this.virtualNow, m.now);
        const d = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.busyChanged();
        d?.();
        return;
      }
      case 'http-response': {
        const h = this.httpPending.get(m.id);
        this.httpPending.delete(m.id);
        this.busyChanged();
        if (!h) return;
        if (m.res) h.resolve(m.res);
        else h.reject(Object.assign(new Error(m.error ?? 'socket hang up'), { code: /ECONNREFUSED/.test(m.error ?? '') ? 'ECONNREFUSED' : undefined }));
        return;
      }
      case 'peer': {
        const reply = this.spec.network ? this.spec.network.request(m.host, m.port, m.req, m.time) : Promise.resolve({ kind: 'unknown' as const });
        void reply.then(
          (r) => !this.events.exit && this.worker.postMessage({ t: 'peer-reply', id: m.id, reply: r }),
          () => !this.events.exit && this.worker.postMessage({ t: 'peer-reply', id: m.id, reply: { kind: 'unknown' } }),
        );
        return;
      }
      case 'peer-lookup': {
        const lookup = this.spec.network?.lookup?.(m.host) ?? Promise.resolve({ kind: 'unknown' as const, embeddedDns: false });
        void lookup.then(
          (r) => !this.events.exit && this.worker.postMessage({ t: 'peer-lookup-reply', id: m.id, lookup: r }),
          () => !this.events.exit && this.worker.postMessage({ t: 'peer-lookup-reply', id: m.id, lookup: { kind: 'unknown', embeddedDns: false } }),
        );
        return;
      }
      case 'fatal':
        this.fail('error', `sandbox runtime error: ${m.message}`, 1);
        return;
    }
  }

  private busyChanged(): void {
    this.worker.setBusy?.(!this.events.exit && this.pending.size + this.httpPending.size > 0);
  }

  private request(make: (id: number) => HostMessage): Promise<void> {
    if (this.events.exit) return Promise.resolve();
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      this.pending.set(id, resolve);
      this.busyChanged();
      this.post(make(id));
    });
  }

  onOutput(listener: (e: OutputEvent) => void): () => void {
    return this.events.onOutput(listener);
  }

  onExit(listener: (e: ExitEvent) => void): () => void {
    return this.events.onExit(listener);
  }

  exitStatus(): ExitEvent | null {
    return this.events.exit;
  }

  now(): number {
    return this.virtualNow;
  }

  write(text: string): void {
    if (!this.events.exit) this.post({ t: 'stdin', text });
  }

  closeStdin(): void {
    if (!this.events.exit) this.post({ t: 'stdin-end' });
  }

  kill(signal: Signal = 'SIGTERM'): Promise<void> {
    if (this.events.exit) return Promise.resolve();
    if (signal === 'SIGKILL') {
      this.worker.terminate();
      this.finish({ code: signalExitCode('SIGKILL'), time: this.virtualNow, reason: 'killed', signal: 'SIGKILL' });
      return Promise.resolve();
    }
    return this.request((id) => ({ t: 'kill', id, signal }));
  }

  advanceTo(t: number): Promise<void> {
    return this.request((id) => ({ t: 'advance', id, time: t }));
  }

  httpRequest(port: number, req: HttpRequest): Promise<HttpResponse> {
    if (this.events.exit || !this.ports.includes(port)) {
      return Promise.reject(Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED' }));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.httpPending.set(id, { resolve, reject });
      this.busyChanged();
      this.post({ t: 'http', id, port, req });
    });
  }

  listeningPorts(): number[] {
    return [...this.ports];
  }

  dispose(): void {
    if (!this.events.exit) this.fail('killed', 'disposed');
    this.worker.terminate();
  }
}
