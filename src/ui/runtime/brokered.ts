/** The engine worker's sandbox: a WebWorkerHost whose workers the page starts (sandbox-broker.ts). */
import type { SandboxHost } from '../../engine/runtime/process';
import { BrokeredLauncher } from './sandbox-broker';
import { WebWorkerHost } from './web-worker-host';

export function brokeredSandbox(port: MessagePort): SandboxHost {
  return new WebWorkerHost({ launcher: new BrokeredLauncher(port) });
}
