/// <reference lib="webworker" />
/**
 * The sandbox Web Worker: runs one container process with the runtime's worker core. It is bundled into one
 * self-contained classic script (vite.config.ts, `virtual:layerlab-sandbox-worker`) and started from a blob: URL
 * inside the opaque-origin sandbox frame (public/sandbox.html), so it has neither the app's origin nor network.
 * Its first message carries the MessagePort to the page: everything else travels through that port, never through
 * the worker's own postMessage (which only reaches the frame, and the frame ignores it).
 */
import { createWorkerCore, warmUp } from '../../engine/runtime/worker-core';
import type { HostMessage, WorkerMessage } from '../../engine/runtime/protocol';
import { IDLE_WORKER_NAME } from './worker-names';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let port: MessagePort | null = null;
const early: WorkerMessage[] = [];
const core = createWorkerCore((m) => (port ? port.postMessage(m) : early.push(m)), () => performance.now());
// One process per worker, so the worker's unhandled rejections are that process's.
scope.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
  ev.preventDefault();
  core.unhandledRejection(ev.reason);
});
scope.onmessage = (ev: MessageEvent) => {
  if (port || ev.ports.length !== 1) return;
  scope.onmessage = null;
  port = ev.ports[0];
  port.onmessage = (e: MessageEvent<HostMessage>) => core(e.data);
  for (const m of early.splice(0)) port.postMessage(m);
};
// A worker started ahead of time (web-worker-host.ts) compiles the runtime's common paths while it waits, so
// the container process it is given later starts warm. A worker started for a spawn goes straight to it.
if (scope.name === IDLE_WORKER_NAME) void warmUp(() => performance.now());
