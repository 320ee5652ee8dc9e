/** Runs inside a worker_thread: wires the runtime's worker core to the parent port. */
import { parentPort } from 'node:worker_threads';
import { createWorkerCore } from '../../engine/runtime/worker-core';
import type { HostMessage } from '../../engine/runtime/protocol';

if (!parentPort) throw new Error('worker-main must run in a worker thread');
const port = parentPort;
const handle = createWorkerCore((m) => port.postMessage(m));
port.on('message', (m: HostMessage) => handle(m));
