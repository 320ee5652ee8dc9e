/**
 * Starts the app's engine and returns the page's client of it: in a Web Worker (engine.worker.ts, its own
 * chunk) with the sandbox brokered by the page, or — where no worker can start (a platform without module
 * workers, tests under Node) — on the page's thread behind a MessageChannel, with the same client and protocol.
 * A saved snapshot that cannot be restored is a DamagedStateError (the app shows the damaged screen).
 */
import type { EngineSnapshot } from '../../engine/engine';
import type { FileContent } from '../workspace/workspace';
import { EngineClient } from './engineClient';
import type { EngineStore } from '../persist/engineStore';

/** How long the worker may take to load before the engine starts on the page instead. */
const WORKER_BOOT_MS = 20_000;

export interface StartEngineOptions {
  files: Record<string, FileContent>;
  /** The state to restore instead of the engine store's (the former single-record layout: plain data). */
  snapshot?: EngineSnapshot;
  /**
   * The page's engine store and what it loaded: an engine on the page restores that and saves into it; a worker
   * opens the same database itself.
   */
  store: EngineStore;
  loaded?: EngineSnapshot;
  /** Never start a worker (tests; the in-page fallback). */
  inPage?: boolean;
}

async function loadSandbox(): Promise<typeof import('../runtime/index') | null> {
  try {
    return await import('../runtime/index');
  } catch (e) {
    console.warn('Layerlab: the container sandbox could not start', e);
    return null;
  }
}

export async function startEngine(opts: StartEngineOptions): Promise<EngineClient> {
  if (!opts.inPage && typeof Worker === 'function') {
    const client = await startInWorker(opts);
    if (client) return client;
  }
  return startInPage(opts);
}

/** Null when the worker could not start (its script did not load). */
async function startInWorker(opts: StartEngineOptions): Promise<EngineClient | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-engine' });
  } catch (e) {
    console.warn('Layerlab: the engine worker could not start; the engine runs on the page', e);
    return null;
  }
  const failed = new Promise<'failed'>((resolve) => {
    worker.addEventListener('error', () => resolve('failed'), { once: true });
    setTimeout(() => resolve('failed'), WORKER_BOOT_MS);
  });
  const runtime = await loadSandbox();
  const sandbox = runtime?.createSandboxBroker() ?? undefined;
  const client = new EngineClient(worker, () => worker.terminate(), 'worker');
  const r = await Promise.race([client.start({ files: opts.files, snapshot: opts.snapshot, sandbox }), failed]);
  if (r === 'failed') {
    worker.terminate();
    console.warn('Layerlab: the engine worker could not start; the engine runs on the page');
    return null;
  }
  if (!r.ok) {
    worker.terminate();
    throw new Error(r.detail);
  }
  return client;
}

async function startInPage(opts: StartEngineOptions): Promise<EngineClient> {
  const { port1, port2 } = new MessageChannel();
  const { serveEngine } = await import('./engineHost');
  serveEngine(port2, {
    async sandbox() {
      return (await loadSandbox())?.createBrowserSandbox() ?? null;
    },
    store: async () => ({ load: async () => opts.loaded, save: (snap) => opts.store.save(snap), usage: () => opts.store.usage() }),
    kv: () => Promise.reject(new Error('the page writes its records itself')),
  });
  port1.start();
  port2.start();
  const client = new EngineClient(port1, () => {
    port1.close();
    port2.close();
  }, 'page');
  const r = await client.start({ files: opts.files, snapshot: opts.snapshot });
  if (!r.ok) {
    client.dispose();
    throw new Error(r.detail);
  }
  return client;
}
