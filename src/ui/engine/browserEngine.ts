/**
 * The one Engine instance of the page, with the browser's clock, crypto-backed randomness and the pure TS
 * SHA-256 (the default). The build context is the active workspace; the container sandbox is the runtime
 * engineer's Web Worker host (src/ui/runtime/) when it exists.
 */
import { Engine, type EngineSnapshot } from '../../engine/engine';
import type { ContextReader } from '../../engine/core/host';
import type { RandomSource } from '../../engine/core/env';

export const cryptoRandom: RandomSource = {
  next() {
    const a = new Uint32Array(1);
    crypto.getRandomValues(a);
    return a[0] / 4294967296;
  },
};

/** Hooks other browser pieces (the worker sandbox) can register before the engine is created. */
const sandboxModules = import.meta.glob('../runtime/index.ts');

export async function createBrowserEngine(context: ContextReader, snapshot?: EngineSnapshot): Promise<Engine> {
  const opts: Record<string, unknown> = { env: { clock: { now: () => Date.now() }, random: cryptoRandom }, context };
  const load = Object.values(sandboxModules)[0];
  if (load) {
    try {
      const m = (await load()) as { createBrowserSandbox?: () => unknown };
      if (typeof m.createBrowserSandbox === 'function') opts.sandbox = m.createBrowserSandbox();
    } catch (e) {
      console.warn('Layerlab: the container sandbox could not start', e);
    }
  }
  const engine = new Engine(opts as ConstructorParameters<typeof Engine>[0]);
  notifyAfterTask(engine);
  const e = engine as unknown as { sandbox?: unknown };
  if (opts.sandbox && 'sandbox' in engine) e.sandbox = opts.sandbox;
  if ('sandbox' in engine && !e.sandbox) {
    // No worker host: run container processes on the page's thread, yielding to the event loop between slices.
    const { InProcessHost } = await import('../../engine/runtime/in-process-host');
    e.sandbox = new InProcessHost({ yieldToHost: () => new Promise((r) => setTimeout(r, 0)), wallNow: () => performance.now() });
  }
  // Detached containers keep running in real time while the page is open.
  const containers = (engine as unknown as { containers?: { autoAdvance?: (ms: number) => unknown } }).containers;
  if (typeof containers?.autoAdvance === 'function') containers.autoAdvance(250);
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
  const listeners = new Set<() => void>();
  let pending = false;
  const flush = () => {
    if (!pending) return;
    pending = false;
    for (const l of [...listeners]) l();
  };
  engine.subscribe(() => {
    if (pending) return;
    pending = true;
    schedule(flush);
  });
  // Capture on window: before the app's own pagehide / visibilitychange handlers that save.
  win?.addEventListener('pagehide', flush, true);
  win?.addEventListener('visibilitychange', flush, true);
  engine.subscribe = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

/** The next task (a MessageChannel message: not clamped like nested timers). */
function afterTask(cb: () => void): void {
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
