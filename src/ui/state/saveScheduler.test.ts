import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveScheduler } from './saveScheduler';

describe('Save scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, a debounce after the last of a few quick changes', () => {
    const save = vi.fn();
    const s = createSaveScheduler(save, 400, 1000);
    s.schedule();
    vi.advanceTimersByTime(200);
    s.schedule();
    vi.advanceTimersByTime(399);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('still saves at least every second while changes keep coming faster than the debounce', () => {
    const save = vi.fn();
    const s = createSaveScheduler(save, 400, 1000);
    for (let t = 0; t < 3000; t += 100) {
      s.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('flushes a pending save at once, and does nothing when nothing is pending', () => {
    const save = vi.fn();
    const s = createSaveScheduler(save, 400, 1000);
    s.flush();
    expect(save).not.toHaveBeenCalled();
    s.schedule();
    expect(s.pending).toBe(true);
    s.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
