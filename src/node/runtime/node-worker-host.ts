/**
 * The Node SandboxHost: each process runs in its own worker_thread (worker-entry.mjs loads tsx, then the
 * runtime's worker core). Enforces the CPU watchdog (see engine/runtime/worker-host.ts) and memory through V8's
 * resourceLimits (`limits.memoryBytes`, default 256 MiB): running out ends the process with 137 / 'oom'.
 */
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../engine/core/errors';
import { resolveExecutable } from '../../engine/runtime/executables';
import type { ProcessSpec, SandboxHost, SandboxProcess, SpawnError } from '../../engine/runtime/process';
import type { WorkerMessage } from '../../engine/runtime/protocol';
import { WorkerProcess } from '../../engine/runtime/worker-host';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export class NodeWorkerHost implements SandboxHost {
  readonly kind = 'node-worker' as const;

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const memMb = Math.max(16, Math.round((spec.limits?.memoryBytes ?? 256 * 1024 * 1024) / (1024 * 1024)));
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: memMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, memMb / 8)) },
      stdout: false,
      stderr: false,
    });
    const pid = spec.pid ?? 1;
    let proc: WorkerProcess | null = null;
    let exiting = false;
    const adapter = {
      postMessage: (m: unknown) => worker.postMessage(m),
      terminate: () => {
        if (exiting) return;
        exiting = true;
        void worker.terminate();
      },
      // An idle worker (a detached container between commands) must not keep the CLI's event loop alive.
      setBusy: (busy: boolean) => {
        if (exiting) return;
        if (busy) worker.ref();
        else worker.unref();
      },
    };
    worker.unref();
    proc = new WorkerProcess(pid, r.value.kind, adapter, spec, {
      wallNow: () => performance.now(),
      setInterval: (cb, ms) => {
        const h = setInterval(cb, ms);
        h.unref?.();
        return h;
      },
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    });
    const p = proc;
    worker.on('message', (m: WorkerMessage) => p.handle(m));
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') p.fail('oom', `the process ran out of its memory limit (${memMb} MiB)`);
      else p.fail('error', `sandbox worker failed: ${e.message}`, 1);
    });
    worker.on('exit', () => {
      if (!p.exitStatus()) p.fail('error', 'sandbox worker exited unexpectedly', 1);
    });
    return ok(p);
  }
}
