/// <reference lib="webworker" />
/** The sandbox Web Worker: runs one container process with the runtime's worker core. */
import { createWorkerCore } from '../../engine/runtime/worker-core';
import type { HostMessage } from '../../engine/runtime/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createWorkerCore((m) => scope.postMessage(m));
scope.onmessage = (ev: MessageEvent<HostMessage>) => handle(ev.data);
