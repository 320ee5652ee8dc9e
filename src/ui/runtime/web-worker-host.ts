/**
 * The browser SandboxHost: one Web Worker per container process, so an endless loop or a memory hog in a
 * learner's program never freezes the page. The workers run inside the opaque-origin sandbox frame
 * (sandbox-frame.ts): no access to the app's origin, storage, DOM or network; the page talks to each through a
 * MessagePort and checks every message it gets back (worker-message.ts): a message outside the protocol ends
 * that process with an error. The CPU watchdog (engine/runtime/worker-host.ts) terminates a worker whose
 * synchronous slice runs past `limits.cpuMsPerSlice` (default 2 s): exit 137, reason 'cpu-limit'.
 * Memory: browsers give no per-worker heap limit. A worker that exhausts memory takes down the frame's process;
 * the page notices (the frame stops answering), ends the process that was running code as OOM-killed (137) and
 * every other process of that frame with an error, and starts a new frame for the next process.
 *
 * Start-up: starting a worker and evaluating the runtime in it takes tens of milliseconds, so the host keeps one
 * idle worker ready (started when the page is idle, and again after each use), which also runs a short throwaway
 * program to compile the runtime's common paths (worker-core.ts `warmUp`). A spawn takes it, so `docker run`
 * waits neither for a worker to boot nor for cold code; each worker still runs one container process.
 */
import { err, ok, type Result } from '../../engine/core/errors';
import { resolveExecutable } from '../../engine/runtime/executables';
import type { ProcessSpec, SandboxHost, SandboxProcess, SpawnError } from '../../engine/runtime/process';
import { WorkerProcess } from '../../engine/runtime/worker-host';
import type { SandboxChannel, SandboxFailure, SandboxLauncher } from './sandbox-channel';
import { checkWorkerMessage } from '../../engine/runtime/worker-message';
import { IDLE_WORKER_NAME, WORKER_NAME } from './worker-names';

/** A started worker that has no process yet; `failure` is set when it failed while waiting. */
interface Spare {
  channel: SandboxChannel;
  failure: SandboxFailure | null;
}

export interface WebWorkerHostOptions {
  /** Keep one idle worker ready (default true). */
  prestart?: boolean;
  /** Delay before the first idle worker is started (ms; default 1000, so it does not compete with page load). */
  firstPrestartDelayMs?: number;
  /** Delay before the next one is started after a spawn took the idle worker (ms; default 100, so booting it
   * does not compete with the process that just started). */
  nextPrestartDelayMs?: number;
  /** Starts the workers: the opaque-origin sandbox frame (sandbox-frame.ts) in the app. */
  launcher: SandboxLauncher;
}

/** The exit of a process whose sandbox failed outside the protocol. `running`: it was running code then. */
export function failureExit(f: SandboxFailure, running: boolean): { reason: 'oom' | 'error'; message: string; code: number } {
  if (f.kind === 'crash') {
    return running
      ? { reason: 'oom', code: 137, message: `out of memory: the browser ended the sandbox process running the container (${f.message})` }
      : { reason: 'error', code: 137, message: `the browser's sandbox process ended (${f.message})` };
  }
  if (/memory/i.test(f.message)) return { reason: 'oom', code: 137, message: `the process ran out of memory (${f.message})` };
  return { reason: 'error', code: 1, message: `sandbox worker failed: ${f.message}` };
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
  private readonly launcher: SandboxLauncher;

  constructor(opts: WebWorkerHostOptions) {
    this.launcher = opts.launcher;
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
          const spare: Spare = { channel: this.launcher.launch(IDLE_WORKER_NAME), failure: null };
          spare.channel.onfailure = (f) => {
            spare.failure = f;
            // A frame that died takes its idle worker with it: get the next one ready in a new frame.
            if (this.spare === spare) {
              this.spare = null;
              this.schedulePrestart(this.nextDelay);
            }
          };
          this.spare = spare;
        }, 1000),
      delayMs,
    );
  }

  /** The idle worker if it is healthy, else a new one. */
  private takeChannel(): SandboxChannel {
    const s = this.spare;
    this.spare = null;
    if (s && !s.failure) {
      s.channel.onfailure = null;
      this.schedulePrestart(this.nextDelay);
      return s.channel;
    }
    s?.channel.terminate();
    const ch = this.launcher.launch(WORKER_NAME);
    this.schedulePrestart(this.nextDelay);
    return ch;
  }

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const channel = this.takeChannel();
    const pid = spec.pid ?? 1;
    let running = false;
    const proc = new WorkerProcess(
      pid,
      r.value.kind,
      { postMessage: (m) => channel.postMessage(m), terminate: () => channel.terminate() },
      spec,
      {
        wallNow: () => performance.now(),
        // The watchdog waits while the sandbox does not answer: if it died, the process ends as a crash.
        setInterval: (cb, ms) => setInterval(() => channel.responsive?.() !== false && cb(), ms),
        clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
      },
    );
    channel.onmessage = (data) => {
      const c = checkWorkerMessage(data);
      if (!c.ok) {
        proc.fail('error', `sandbox: the container's process sent a message outside the protocol (${c.problem}); it was stopped`, 1);
        return;
      }
      if (c.message.t === 'slice') running = c.message.phase === 'start';
      proc.handle(c.message);
    };
    channel.onfailure = (f) => {
      const e = failureExit(f, running);
      proc.fail(e.reason, e.message, e.code);
    };
    return ok(proc);
  }
}
