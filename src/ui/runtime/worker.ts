/// <reference lib="webworker" />
/** The sandbox Web Worker: runs one container process with the runtime's worker core. */
import { createWorkerCore } from '../../engine/runtime/worker-core';
import type { HostMessage } from '../../engine/runtime/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createWorkerCore((m) => scope.postMessage(m), () => performance.now());
// One process per worker, so the worker's unhandled rejections are that process's.
scope.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
  ev.preventDefault();
  core.unhandledRejection(ev.reason);
});
scope.onmessage = (ev: MessageEvent<HostMessage>) => core(ev.data);
