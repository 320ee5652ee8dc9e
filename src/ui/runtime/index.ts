/**
 * The browser's container sandbox, picked up by src/ui/engine/browserEngine.ts (`createBrowserSandbox`).
 * Uses Web Workers started inside the opaque-origin sandbox frame when the platform has them, else returns null
 * (the engine then runs processes in-page).
 */
import type { SandboxHost } from '../../engine/runtime/process';
import { SandboxFrameLauncher } from './sandbox-frame';
import { WebWorkerHost } from './web-worker-host';

/** The worker bundled into one classic script, as text: a chunk of its own, loaded when the first frame starts. */
const workerScript = () => import('virtual:layerlab-sandbox-worker').then((m) => m.default);

export function createBrowserSandbox(): SandboxHost | null {
  if (typeof Worker !== 'function' || typeof document === 'undefined') return null;
  return new WebWorkerHost({ launcher: new SandboxFrameLauncher(workerScript) });
}

export { WebWorkerHost };
