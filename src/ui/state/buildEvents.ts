/**
 * The store's intake of build events: they wait here and are applied once per frame, all at once (`apply`),
 * so a build of thousands of steps makes one store update and one render per frame, not one per event. Each
 * batch folds into the workspace's build history (layers/model.ts) and drives the stack's reveal (playback.ts).
 */
import type { BuildEvent } from '../../engine/build/events';
import { applyBuildEvents, metaKey } from '../layers/model';
import { setFinished, startPlayback } from '../layers/playback';
import type { BuildHistory } from './buildHistory';

/** What the intake reads and writes of the app's store. */
export interface BuildEventStore {
  get(): { builds: Record<string, BuildHistory>; knownMeta: Record<string, string[]>; dirty: Record<string, boolean>; stepMs: number };
  set(patch: { builds?: Record<string, BuildHistory>; knownMeta?: Record<string, string[]>; dirty?: Record<string, boolean> }): void;
  /** A build ended (finished or failed): the history is worth saving. */
  ended(): void;
}

/** The pace of the stack's reveal: the speed setting, or at once with prefers-reduced-motion. */
function revealStepMs(stepMs: number): number {
  const reduced = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 0 : stepMs;
}

export interface BuildEventQueue {
  /** A build event of workspace `wsId`; `paced`: the Build button started the build (its reveal is paced). */
  push(wsId: string, e: BuildEvent, paced: boolean): void;
  /** Applies the queued events now (also before anything reads the builds' progress). */
  apply(): void;
}

export function buildEventQueue(store: BuildEventStore): BuildEventQueue {
  let queued: { wsId: string; e: BuildEvent; paced: boolean }[] = [];
  let scheduled = false;

  /** Events of one workspace, of which only the first may be a build-started. */
  const applyEvents = (wsId: string, batch: { e: BuildEvent; paced: boolean }[]) => {
    const s = store.get();
    const hist = s.builds[wsId] ?? { last: null, previous: null };
    const first = batch[0].e;
    const events = batch.map((b) => b.e);
    const next: BuildHistory =
      first.type === 'build-started'
        ? { previous: hist.last?.state === 'finished' ? hist.last : hist.previous, last: applyBuildEvents(null, events, s.knownMeta[wsId] ?? []) }
        : { ...hist, last: applyBuildEvents(hist.last, events) };
    store.set({ builds: { ...s.builds, [wsId]: next } });
    // The stack reveals the build's steps at the chosen pace when the Build button started it (the terminal's
    // output is paced with it, see the store's build()); a build typed in the terminal is shown as its events come.
    if (first.type === 'build-started') {
      startPlayback(first.time, batch[0].paced ? revealStepMs(store.get().stepMs) : 0);
      store.set({ dirty: { ...store.get().dirty, [wsId]: false } });
    }
    if (next.last && events.some((e) => e.type !== 'log' && e.type !== 'step-started')) setFinished(next.last.startedAt, next.last.finishOrder.length);
    if (next.last && events.some((e) => e.type === 'build-finished')) {
      const keys = new Set(store.get().knownMeta[wsId] ?? []);
      for (const b of next.last.bands) if (b.metadataOnly) keys.add(metaKey(b));
      store.set({ knownMeta: { ...store.get().knownMeta, [wsId]: [...keys] } });
    }
    if (events.some((e) => e.type === 'build-finished' || e.type === 'build-failed')) store.ended();
  };

  const apply = () => {
    scheduled = false;
    const queue = queued;
    queued = [];
    for (let i = 0; i < queue.length; ) {
      const wsId = queue[i].wsId;
      let j = i + 1;
      while (j < queue.length && queue[j].wsId === wsId && queue[j].e.type !== 'build-started') j++;
      applyEvents(wsId, queue.slice(i, j));
      i = j;
    }
  };

  return {
    push(wsId, e, paced) {
      queued.push({ wsId, e, paced });
      if (scheduled) return;
      scheduled = true;
      const run = () => {
        if (scheduled) apply();
      };
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
      // a hidden page gets no frames
      setTimeout(run, 100);
    },
    apply,
  };
}
