/** Runs inside a worker_thread: wires the runtime's worker core to the parent port. */
import { parentPort } from 'node:worker_threads';
import { createWorkerCore } from '../../engine/runtime/worker-core';
import type { HostMessage } from '../../engine/runtime/protocol';

if (!parentPort) throw new Error('worker-main must run in a worker thread');
const port = parentPort;
const core = createWorkerCore((m) => port.postMessage(m), () => performance.now());
// One process per worker, so the thread's unhandled rejections are that process's.
process.on('unhandledRejection', (reason) => core.unhandledRejection(reason));
port.on('message', (m: HostMessage) => core(m));
