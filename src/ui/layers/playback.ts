/**
 * The pace of a build on screen, shared by the layer stack and the terminal: a build's finished steps are
 * revealed one at a time (the speed setting; at once with prefers-reduced-motion), can be paused and stepped,
 * and the terminal releases a build's output only up to the step the stack shows. So the terminal's FINISHED
 * and the summary line never run ahead of the stack.
 * A build that finishes steps faster than the pace shows them (thousands of ENV lines) is revealed a quarter of
 * the steps still hidden per tick while more than `MAX_BACKLOG` are, so the reveal ends seconds after the build
 * instead of steps × pace later; the last `MAX_BACKLOG` steps (a whole ordinary Dockerfile) come one per tick.
 */
import { create } from 'zustand';

export interface PlaybackState {
  /** The build being revealed (its build-started time), or null. */
  key: number | null;
  /** Steps revealed so far. */
  revealed: number;
  /** Steps finished so far (known from the build's events). */
  total: number;
  paused: boolean;
  /** ms per step; 0 reveals at once. */
  stepMs: number;
}

export const usePlayback = create<PlaybackState>(() => ({ key: null, revealed: 0, total: 0, paused: false, stepMs: 0 }));

let timer: ReturnType<typeof setTimeout> | null = null;

/** Steps the reveal may fall behind the build before it shows several per tick. */
export const MAX_BACKLOG = 30;

/** How many steps the next tick reveals: one, or a quarter of the hidden ones while more than `MAX_BACKLOG` are. */
export function stepsPerTick(revealed: number, total: number): number {
  const behind = total - revealed;
  return behind > MAX_BACKLOG ? Math.ceil(behind / 4) : 1;
}

function schedule(): void {
  const s = usePlayback.getState();
  if (timer || s.paused || s.revealed >= s.total) return;
  if (s.stepMs <= 0) {
    usePlayback.setState({ revealed: s.total });
    return;
  }
  timer = setTimeout(() => {
    timer = null;
    const t = usePlayback.getState();
    if (!t.paused && t.revealed < t.total) usePlayback.setState({ revealed: Math.min(t.total, t.revealed + stepsPerTick(t.revealed, t.total)) });
    schedule();
  }, s.stepMs);
}

/** A new build starts: nothing revealed yet. */
export function startPlayback(key: number, stepMs: number): void {
  if (timer) clearTimeout(timer);
  timer = null;
  usePlayback.setState({ key, revealed: 0, total: 0, paused: false, stepMs });
}

/** The build has finished `total` steps so far. */
export function setFinished(key: number, total: number): void {
  if (usePlayback.getState().key !== key) return;
  usePlayback.setState({ total });
  schedule();
}

export function setPaused(paused: boolean): void {
  usePlayback.setState({ paused });
  if (paused && timer) {
    clearTimeout(timer);
    timer = null;
  }
  schedule();
}

/** Reveals the next finished step now (paused or not). */
export function stepOnce(): void {
  const s = usePlayback.getState();
  if (s.revealed < s.total) usePlayback.setState({ revealed: s.revealed + 1 });
}

/** Shows everything at once (a speed change to Instant). */
export function setStepMs(stepMs: number): void {
  usePlayback.setState({ stepMs });
  schedule();
}

/** Resolves once `n` steps of build `key` are revealed (or another build took over). */
export function whenRevealed(key: number, n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (s: PlaybackState) => s.key !== key || s.revealed >= n;
    if (check(usePlayback.getState())) return resolve();
    const off = usePlayback.subscribe((s) => {
      if (check(s)) {
        off();
        resolve();
      }
    });
  });
}
