/**
 * The worker side of the worker hosts: receives HostMessages, runs one process on a MemoryFs built from the
 * snapshot, and posts WorkerMessages. Used by src/ui/runtime/worker.ts and src/node/runtime/worker-main.ts.
 */
import { KernelProcess } from './in-process-host';
import { resolveExecutable } from './executables';
import { MemoryFs } from './memory-fs';
import type { HostMessage, WorkerMessage } from './protocol';

export interface WorkerCore {
  (m: HostMessage): void;
  /** Feed the platform's unhandled-rejection events here (Node: process 'unhandledRejection'; browsers:
   * 'unhandledrejection' with preventDefault()). */
  unhandledRejection(reason: unknown): void;
}

/** `wallNow`: the worker's clock (performance.now), for the kernel's loop check (see Kernel spin()). */
export function createWorkerCore(post: (m: WorkerMessage) => void, wallNow?: () => number): WorkerCore {
  let proc: KernelProcess | null = null;
  const fail = (message: string) => post({ t: 'fatal', message });
  const core = ((m: HostMessage) => {
    try {
      if (m.t === 'spawn') {
        const fs = MemoryFs.from(m.files);
        fs.onChange = (change) => post({ t: 'fs', change });
        const r = resolveExecutable(fs, m.spec.argv, m.spec.env, m.spec.cwd);
        if (!r.ok) return fail(r.error.message);
        proc = new KernelProcess(m.spec.pid ?? 1, r.value.kind, m.spec, fs, m.spec.argv, {
          exit: (e) => post({ t: 'exit', e }),
          ports: (ports) => post({ t: 'ports', ports }),
          slice: (phase) => post({ t: 'slice', phase }),
        }, undefined, wallNow);
        fs.now = () => proc?.now() ?? m.spec.startTime;
        proc.onOutput((e) => post({ t: 'output', e }));
        return;
      }
      if (!proc) return fail('no process');
      const p = proc;
      switch (m.t) {
        case 'stdin':
          p.write(m.text);
          return;
        case 'stdin-end':
          p.closeStdin();
          return;
        case 'kill':
          void p.kill(m.signal).then(() => post({ t: 'done', id: m.id, now: p.now() }));
          return;
        case 'advance':
          void p.advanceTo(m.time).then(() => post({ t: 'done', id: m.id, now: p.now() }));
          return;
        case 'http':
          p.httpRequest(m.port, m.req).then(
            (res) => post({ t: 'http-response', id: m.id, res }),
            (e: unknown) => post({ t: 'http-response', id: m.id, error: e instanceof Error ? e.message : String(e) }),
          );
          return;
      }
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }) as WorkerCore;
  core.unhandledRejection = (reason) => proc?.kernel.unhandledRejection(reason);
  return core;
}
