/**
 * The browser's container sandbox, picked up by src/ui/engine/browserEngine.ts (`createBrowserSandbox`).
 * Uses Web Workers when the platform has them, else returns null (the engine falls back to in-page execution).
 */
import type { SandboxHost } from '../../engine/runtime/process';
import { WebWorkerHost } from './web-worker-host';

export function createBrowserSandbox(): SandboxHost | null {
  if (typeof Worker !== 'function') return null;
  return new WebWorkerHost();
}

export { WebWorkerHost };
