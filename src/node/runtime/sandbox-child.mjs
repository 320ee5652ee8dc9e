// The sandbox child process: one container process per Node process. Started by child-process-host.ts with
// the permission model (reads only this file and the runtime bundle; no writes, child processes, workers,
// addons or WASI), code generation from strings disabled for this realm, and where available no network.
// The runtime (and so the learner's code) runs inside a vm context whose own code generation is allowed: code
// that climbs from a learner object to `Function` gets the context's, which sees no `process`, `require` or
// host module; a host object's `Function` cannot compile strings at all.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { clearTimeout, setImmediate, setTimeout } from 'node:timers';
import vm from 'node:vm';

const { TextEncoder, TextDecoder, URL, URLSearchParams, queueMicrotask, structuredClone } = globalThis;

const send = process.send?.bind(process);
if (!send) throw new Error('sandbox-child must be started with an IPC channel');
const [bundle, globalName] = process.argv.slice(2);
const code = readFileSync(bundle, 'utf8');

// What the runtime needs from the platform, nothing more (no process, no require, no fetch, no host console).
const context = vm.createContext(
  {
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    queueMicrotask,
    setImmediate,
    setTimeout,
    clearTimeout,
    structuredClone,
    crypto: globalThis.crypto,
  },
  { name: 'layerlab sandbox', codeGeneration: { strings: true, wasm: false } },
);
vm.runInContext(code, context, { filename: 'layerlab-sandbox.js' });
const { createWorkerCore } = context[globalName];
// Learner code can reach the context's global object: leave nothing of the runtime's entry there.
context[globalName] = undefined;
const core = createWorkerCore(
  (m) => {
    if (process.connected) send(m);
  },
  // The kernel's loop checks measure this process's CPU time: on a busy machine a starved program is not a loop.
  () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
);
// One container process per Node process, so its unhandled rejections are that process's.
process.on('unhandledRejection', (reason) => core.unhandledRejection(reason));
process.on('message', (m) => core(m));
// The host went away (the CLI exited): nothing is left to run for.
process.on('disconnect', () => process.exit(0));
