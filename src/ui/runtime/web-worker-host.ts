/**
 * The browser SandboxHost: one module Web Worker per container process, so an endless loop or a memory hog in
 * a learner's program never freezes the page. The CPU watchdog (engine/runtime/worker-host.ts) terminates a
 * worker whose synchronous slice runs past `limits.cpuMsPerSlice` (default 2 s): exit 137, reason 'cpu-limit'.
 * Memory: browsers give no per-worker heap limit; a worker that crashes (e.g. out of memory) ends with reason
 * 'error' (or 'oom' when the error message says so).
 */
import { err, ok, type Result } from '../../engine/core/errors';
import { resolveExecutable } from '../../engine/runtime/executables';
import type { ProcessSpec, SandboxHost, SandboxProcess, SpawnError } from '../../engine/runtime/process';
import type { WorkerMessage } from '../../engine/runtime/protocol';
import { WorkerProcess } from '../../engine/runtime/worker-host';

export class WebWorkerHost implements SandboxHost {
  readonly kind = 'web-worker' as const;

  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError> {
    const r = resolveExecutable(spec.fs, spec.argv, spec.env, spec.cwd);
    if (!r.ok) return err(r.error);
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `layerlab-${spec.hostname}` });
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
