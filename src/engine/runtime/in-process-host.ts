/**
 * The in-process SandboxHost: runs the kernel on the caller's thread. Used by unit tests, by the engine when no
 * worker host is injected, and inside the workers themselves. It cannot interrupt a synchronous infinite loop in
 * user code (nothing on the same thread can); the worker hosts enforce CPU and memory limits.
 */
import { err, ok, type Result } from '../core/errors';
import { resolveExecutable, type ResolvedProgram } from './executables';
import { Kernel, type KernelEvents, type ProcessSpecData } from './kernel';
import { changedPaths, type FsChange } from './memory-fs';
import type { ExitEvent, HttpRequest, HttpResponse, OutputEvent, PeerNetwork, ProcessFs, ProcessSpec, ProgramKind, SandboxHost, SandboxProcess, Signal, SpawnError } from './process';
import { ProcessEvents } from './process-events';
import { createProgram } from './programs';

/** Splits a spec into its cloneable data and its filesystem (and network). */
export function specData(spec: ProcessSpec): ProcessSpecData {
  const { fs: _fs, network: _network, ...data } = spec;
  return data;
}

/** A SandboxProcess over a Kernel running on this thread. */
export class KernelProcess implements SandboxProcess {
  readonly kernel: Kernel;
  readonly exited: Promise<ExitEvent>;
  private readonly events = new ProcessEvents();

  constructor(
    readonly pid: number,
    readonly kind: ProgramKind,
    spec: ProcessSpecData,
    fs: ProcessFs,
    argv: string[],
    extraEvents: Partial<KernelEvents> = {},
    yieldToHost?: () => Promise<void>,
    wallNow?: () => number,
    network?: PeerNetwork,
    /** The argv already resolved by the caller (a host's spawn), so the program file is not looked up twice. */
    resolvedArgv?: ResolvedProgram,
  ) {
    this.exited = this.events.exited;
    const events: KernelEvents = {
      output: (e) => {
        extraEvents.output?.(e);
        this.events.output(e);
      },
      exit: (e) => {
        this.events.finish(e, () => extraEvents.exit?.(e));
      },
      ports: extraEvents.ports,
      slice: extraEvents.slice,
    };
    const resolved = resolvedArgv ? ok(resolvedArgv) : resolveExecutable(fs, argv, spec.env, spec.cwd);
    if (!resolved.ok) throw new Error(resolved.error.message);
    this.kernel = new Kernel({
      spec,
      fs,
      resolved: resolved.value,
      events,
      createProgram,
      resolve: (a, env, cwd) => {
        const r = resolveExecutable(fs, a, env, cwd);
        return r.ok ? r.value : { error: r.error.message, exitCode: r.error.exitCode };
      },
      yieldToHost,
      wallNow,
      network,
    });
    void this.kernel.start();
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
    return this.kernel.now();
  }

  write(text: string): void {
    void this.kernel.write(text);
  }

  closeStdin(): void {
    void this.kernel.closeStdin();
  }

  kill(signal: Signal = 'SIGTERM'): Promise<void> {
    return this.kernel.kill(signal);
  }

  advanceTo(t: number): Promise<void> {
    return this.kernel.advanceTo(t);
  }

  httpRequest(port: number, req: HttpRequest): Promise<HttpResponse> {
    return this.kernel.httpRequest(port, req);
  }

  /** This process reads the container's own filesystem, which already has the changes: its programs are told. */
  updateFiles(changes: FsChange[]): void {
    void this.kernel.filesChanged(changedPaths(changes));
  }

  listeningPorts(): number[] {
    return this.kernel.listeningPorts();
  }

  dispose(): void {
    if (!this.events.exit) this.kernel.terminate(137, 'killed', 'disposed');
  }
}

export interface InProcessHostOptions {
  /** Lets the host's event loop run between slices (default: microtask hops only). */
  yieldToHost?: () => Promise<void>;
  /** The host's wall clock (ms), so the kernel can stop a shell loop after `limits.cpuMsPerSlice`; without it a
   * loop is stopped after DEFAULT_SPIN_BUDGET iterations (deterministic). Synchronous JavaScript cannot be stopped
   * in process. */
  wallNow?: () => number;
}

export class InProcessHost implements SandboxHost {
  readonly kind = 'in-process' as const;
  constructor(private opts: InProcessHostOptions = {}) {}

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const data = specData(spec);
    const pid = spec.pid ?? 1;
    return ok(new KernelProcess(pid, r.value.kind, { ...data, pid }, spec.fs, spec.argv, {}, this.opts.yieldToHost, this.opts.wallNow, spec.network, r.value));
  }
}
