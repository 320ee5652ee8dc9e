/**
 * The browser's container sandbox. The page owns the opaque-origin sandbox frame and its Web Workers:
 * - `createSandboxBroker()`: for an engine running in its own worker (src/ui/engine/engine.worker.ts): the page
 *   side of sandbox-broker.ts; the engine worker gets the returned port and makes a `WebWorkerHost` over a
 *   `BrokeredLauncher` (`brokeredSandbox(port)`);
 * - `createBrowserSandbox()`: for an engine on the page's thread.
 * Both return null when the platform has no workers (the engine then runs processes in its own thread).
 */
import type { SandboxHost } from '../../engine/runtime/process';
import { SandboxFrameLauncher } from './sandbox-frame';
import { WebWorkerHost } from './web-worker-host';
import { serveSandboxBroker } from './sandbox-broker';

/** The worker bundled into one classic script, as text: a chunk of its own, loaded when the first frame starts. */
const workerScript = () => import('virtual:layerlab-sandbox-worker').then((m) => m.default);

export function createBrowserSandbox(): SandboxHost | null {
  if (typeof Worker !== 'function' || typeof document === 'undefined') return null;
  return new WebWorkerHost({ launcher: new SandboxFrameLauncher(workerScript) });
}

/** The page's sandbox broker: the port to hand to the engine worker. */
export function createSandboxBroker(): MessagePort | null {
  if (typeof Worker !== 'function' || typeof document === 'undefined') return null;
  const { port1, port2 } = new MessageChannel();
  serveSandboxBroker(port1, new SandboxFrameLauncher(workerScript));
  return port2;
}

export { WebWorkerHost };
