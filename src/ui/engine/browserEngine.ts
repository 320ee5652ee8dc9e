/**
 * The one Engine instance of the app, made in the engine host (engineHost.ts: in the engine worker, or on the
 * page's thread when no worker can start), with the browser's clock, crypto-backed randomness and SHA-256
 * (sha256.ts). The build context is the active workspace; container processes run in the Web Worker sandbox the
 * page brokers (src/ui/runtime/), or in the host's thread when there is none.
 */
import { Engine, type EngineSnapshot } from '../../engine/engine';
import type { ContextReader } from '../../engine/core/host';
import type { RandomSource } from '../../engine/core/env';
import type { SandboxHost } from '../../engine/runtime/process';
import { loadNpmRegistry, setNpmRegistryLoader } from '../../engine/runtime/packages/npm-registry/source';
import { fetchNpmRegistry } from './npmRegistry';

export const cryptoRandom: RandomSource = {
  next() {
    const a = new Uint32Array(1);
    crypto.getRandomValues(a);
    return a[0] / 4294967296;
  },
};

export async function createBrowserEngine(context: ContextReader, snapshot: EngineSnapshot | undefined, workerSandbox: SandboxHost | null): Promise<Engine> {
  setNpmRegistryLoader(fetchNpmRegistry);
  let sandbox = workerSandbox;
  if (!sandbox) {
    // No worker host: run container processes on the page's thread, yielding to the event loop between slices.
    // Programs there read the npm registry synchronously, so its data is fetched now.
    void loadNpmRegistry();
    const { InProcessHost } = await import('../../engine/runtime/in-process-host');
    sandbox = new InProcessHost({ yieldToHost: () => new Promise((r) => setTimeout(r, 0)), wallNow: () => performance.now() });
  }
  const engine = new Engine({ env: { clock: { now: () => Date.now() }, random: cryptoRandom }, context, sandbox });
  notifyAfterTask(engine);
  // Detached containers keep running in real time while the page is open.
  engine.containers.autoAdvance(250);
  if (snapshot) {
    try {
      engine.restore(snapshot);
    } catch (e) {
      throw new DamagedStateError('engine', e);
    }
  }
  return engine;
}

/**
 * Makes the engine's change listeners (the app store's re-render and save, lesson checks) hear about changes
 * once per task, right after it, instead of in the middle of it: a `docker run` creates, starts and spawns its
 * container in one go and the panels re-render while the sandbox worker runs the program, instead of before the
 * worker even gets the process. Pending notifications are delivered at once when the page is being hidden or
 * left, so the save on leaving sees the last change. `schedule` runs its callback after the current task.
 */
export function notifyAfterTask(engine: Engine, schedule: (cb: () => void) => void = afterTask, win: Pick<Window, 'addEventListener'> | null = typeof window === 'undefined' ? null : window): void {
  engine.deferChanges(schedule);
  const flush = () => engine.flushChanges();
  // Capture on window: before the app's own pagehide / visibilitychange handlers that save.
  win?.addEventListener('pagehide', flush, true);
  win?.addEventListener('visibilitychange', flush, true);
}

/** The next task (a MessageChannel message: not clamped like nested timers). */
export function afterTask(cb: () => void): void {
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      cb();
    };
    ch.port2.postMessage(0);
  } else setTimeout(cb, 0);
}

export class DamagedStateError extends Error {
  constructor(
    readonly part: string,
    override readonly cause: unknown,
  ) {
    super(`saved ${part} state could not be restored: ${String(cause)}`);
  }
}
