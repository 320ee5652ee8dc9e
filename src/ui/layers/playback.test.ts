import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKLOG, setFinished, startPlayback, stepsPerTick, usePlayback } from './playback';

describe('the reveal of a build', () => {
  afterEach(() => vi.useRealTimers());

  it('shows an ordinary Dockerfile one step per tick', () => {
    expect(stepsPerTick(0, 12)).toBe(1);
    expect(stepsPerTick(0, MAX_BACKLOG)).toBe(1);
  });

  it('catches up with a build of thousands of steps instead of taking steps × pace', () => {
    vi.useFakeTimers();
    startPlayback(1, 250);
    setFinished(1, 8000);
    let ticks = 0;
    while (usePlayback.getState().revealed < 8000 && ticks < 1000) {
      vi.advanceTimersByTime(250);
      ticks++;
    }
    expect(usePlayback.getState().revealed).toBe(8000);
    // a quarter of the hidden steps per tick down to MAX_BACKLOG, then one per tick: about 12 s, not 2,000 s
    expect(ticks).toBeLessThan(60);
    expect(ticks).toBeGreaterThanOrEqual(MAX_BACKLOG);
  });

  it('keeps the last steps at the chosen pace', () => {
    vi.useFakeTimers();
    startPlayback(2, 250);
    setFinished(2, MAX_BACKLOG + 100);
    const behind = () => usePlayback.getState().total - usePlayback.getState().revealed;
    while (behind() > MAX_BACKLOG) vi.advanceTimersByTime(250);
    expect(behind()).toBeGreaterThan(1);
    const at = usePlayback.getState().revealed;
    vi.advanceTimersByTime(250);
    expect(usePlayback.getState().revealed).toBe(at + 1);
  });
});
