/**
 * The browser SandboxHost: one module Web Worker per container process, so an endless loop or a memory hog in
 * a learner's program never freezes the page. The CPU watchdog (engine/runtime/worker-host.ts) terminates a
 * worker whose synchronous slice runs past `limits.cpuMsPerSlice` (default 2 s): exit 137, reason 'cpu-limit'.
 * Memory: browsers give no per-worker heap limit; a worker that crashes (e.g. out of memory) ends with reason
 * 'error' (or 'oom' when the error message says so).
 *
 * Start-up: starting a module worker and evaluating the runtime in it takes tens of milliseconds, so the host
 * keeps one idle worker ready (started when the page is idle, and again after each use), which also runs a short
 * throwaway program to compile the runtime's common paths (worker-core.ts `warmUp`). A spawn takes it, so
 * `docker run` waits neither for a worker to boot nor for cold code; each worker still runs one container process.
 */
import { err, ok, type Result } from '../../engine/core/errors';
import { resolveExecutable } from '../../engine/runtime/executables';
import type { ProcessSpec, SandboxHost, SandboxProcess, SpawnError } from '../../engine/runtime/process';
import type { WorkerMessage } from '../../engine/runtime/protocol';
import { WorkerProcess } from '../../engine/runtime/worker-host';
import { IDLE_WORKER_NAME, WORKER_NAME } from './worker-names';

/** A started worker that has no process yet; `error` is set when it failed while waiting. */
interface Spare {
  worker: Worker;
  error: ErrorEvent | null;
}

export interface WebWorkerHostOptions {
  /** Keep one idle worker ready (default true). */
  prestart?: boolean;
  /** Delay before the first idle worker is started (ms; default 1000, so it does not compete with page load). */
  firstPrestartDelayMs?: number;
  /** Delay before the next one is started after a spawn took the idle worker (ms; default 100, so booting it
   * does not compete with the process that just started). */
  nextPrestartDelayMs?: number;
}

/** `ahead`: started before any process needs it (it warms up while idle, see worker.ts). */
function newSandboxWorker(ahead: boolean): Worker {
  // Literal options in both: Vite bundles the worker from these `new Worker(new URL(...))` expressions.
  return ahead
    ? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: IDLE_WORKER_NAME })
    : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });
}

/** Runs `fn` when the page is idle (at most `timeout` ms later). */
function whenIdle(fn: () => void, timeout: number): void {
  const w = globalThis as unknown as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 50);
}

export class WebWorkerHost implements SandboxHost {
  readonly kind = 'web-worker' as const;
  private spare: Spare | null = null;
  private prestarting = false;
  private readonly prestart: boolean;
  private readonly nextDelay: number;

  constructor(opts: WebWorkerHostOptions = {}) {
    this.prestart = opts.prestart ?? true;
    this.nextDelay = opts.nextPrestartDelayMs ?? 100;
    this.schedulePrestart(opts.firstPrestartDelayMs ?? 1000);
  }

  /** Starts the next idle worker `delayMs` from now, when the page has nothing else to do. */
  private schedulePrestart(delayMs: number): void {
    if (!this.prestart || this.spare || this.prestarting) return;
    this.prestarting = true;
    setTimeout(
      () =>
        whenIdle(() => {
          this.prestarting = false;
          if (this.spare) return;
          const spare: Spare = { worker: newSandboxWorker(true), error: null };
          spare.worker.onerror = (ev: ErrorEvent) => {
            ev.preventDefault();
            spare.error = ev;
          };
          this.spare = spare;
        }, 1000),
      delayMs,
    );
  }

  /** The idle worker if it is healthy, else a new one. */
  private takeWorker(): Worker {
    const s = this.spare;
    this.spare = null;
    this.schedulePrestart(this.nextDelay);
    if (s && !s.error) {
      s.worker.onerror = null;
      return s.worker;
    }
    s?.worker.terminate();
    return newSandboxWorker(false);
  }

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const worker = this.takeWorker();
    const pid = spec.pid ?? 1;
    let terminated = false;
    const proc = new WorkerProcess(
      pid,
      r.value.kind,
      {
        postMessage: (m) => worker.postMessage(m),
        terminate: () => {
          if (terminated) return;
          terminated = true;
          worker.terminate();
        },
      },
      spec,
      {
        wallNow: () => performance.now(),
        setInterval: (cb, ms) => window.setInterval(cb, ms),
        clearInterval: (h) => window.clearInterval(h as number),
      },
    );
    worker.onmessage = (ev: MessageEvent<WorkerMessage>) => proc.handle(ev.data);
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      const msg = ev.message || 'the sandbox worker crashed';
      if (/memory/i.test(msg)) proc.fail('oom', `the process ran out of memory (${msg})`);
      else proc.fail('error', `sandbox worker failed: ${msg}`, 1);
    };
    return ok(proc);
  }
}
