/**
 * A debounced save with a maximum wait: `schedule()` after each change saves `waitMs` after the last
 * change, but never later than `maxWaitMs` after the first unsaved one, so a stream of changes (a running
 * container's output) cannot starve the save. `flush()` saves now if anything is pending (page hidden or
 * being left).
 */
export interface SaveScheduler {
  schedule(): void;
  flush(): void;
  readonly pending: boolean;
}

export interface TimerHost {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}

const defaultTimers: TimerHost = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createSaveScheduler(save: () => void, waitMs: number, maxWaitMs: number, timers: TimerHost = defaultTimers): SaveScheduler {
  let timer: unknown = null;
  let firstPending: number | null = null;
  const run = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    firstPending = null;
    save();
  };
  return {
    schedule() {
      const now = timers.now();
      if (firstPending === null) firstPending = now;
      if (timer !== null) timers.clearTimeout(timer);
      const delay = Math.max(0, Math.min(waitMs, firstPending + maxWaitMs - now));
      timer = timers.setTimeout(run, delay);
    },
    flush() {
      if (firstPending !== null) run();
    },
    get pending() {
      return firstPending !== null;
    },
  };
}
