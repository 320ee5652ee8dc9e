/// <reference lib="webworker" />
/** The sandbox Web Worker: runs one container process with the runtime's worker core. */
import { createWorkerCore, warmUp } from '../../engine/runtime/worker-core';
import type { HostMessage } from '../../engine/runtime/protocol';
import { IDLE_WORKER_NAME } from './worker-names';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createWorkerCore((m) => scope.postMessage(m), () => performance.now());
// One process per worker, so the worker's unhandled rejections are that process's.
scope.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
  ev.preventDefault();
  core.unhandledRejection(ev.reason);
});
scope.onmessage = (ev: MessageEvent<HostMessage>) => core(ev.data);
// A worker started ahead of time (web-worker-host.ts) compiles the runtime's common paths while it waits, so
// the container process it is given later starts warm. A worker started for a spawn goes straight to it.
if (scope.name === IDLE_WORKER_NAME) void warmUp(() => performance.now());
