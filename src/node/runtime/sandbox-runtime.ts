/**
 * What the sandbox child process evaluates inside its `vm` context: the runtime's worker core, bundled by
 * sandbox-bundle.ts into one script that defines the global `LayerlabSandbox`. No Node built-ins here.
 */
export { createWorkerCore } from '../../engine/runtime/worker-core';
