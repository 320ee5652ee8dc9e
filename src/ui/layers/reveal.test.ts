import { describe, expect, it } from 'vitest';
import type { BuildEvent, StepInfo } from '../../engine/build/events';
import { applyBuildEvents } from './model';
import { revealOf, RevealTracker } from './reveal';

const step = (index: number, line: number, instruction: string): StepInfo => ({ index, stage: '', line, name: `${instruction} x`, instruction, metadataOnly: false });
const steps = [step(0, 1, 'FROM'), step(1, 2, 'RUN'), step(2, 3, 'COPY'), step(3, 4, 'RUN')];
const finished = (s: number): BuildEvent => ({ type: 'step-finished', step: s, outcome: 'built', durationMs: 5, time: s, reason: { kind: 'first-build' } });

describe('revealOf: a build shown step by step', () => {
  const view = applyBuildEvents(null, [
    { type: 'build-started', builder: 'legacy', steps, time: 0 },
    finished(1),
    finished(2),
    finished(3),
    { type: 'build-finished', imageId: 'sha256:i', tags: [], durationMs: 20, time: 4 },
  ])!;
  const shown = (revealed: number) => view.bands.map((b) => revealOf(view, revealed).band(b)).map((b) => `${b.line}:${b.status}${b.running ? '*' : ''}`);

  it('shows the revealed steps as they finished, the next one running, the rest pending; the base always', () => {
    expect(shown(0)).toEqual(['1:base', '2:pending*', '3:pending', '4:pending']);
    expect(shown(2)).toEqual(['1:base', '2:built', '3:built', '4:pending*']);
    expect(shown(3)).toEqual(['1:base', '2:built', '3:built', '4:built']);
    expect(shown(Number.POSITIVE_INFINITY)).toEqual(shown(3));
  });

  it('gives the status as shown without making the band', () => {
    const r = revealOf(view, 1);
    expect(view.bands.map((b) => r.status(b))).toEqual(view.bands.map((b) => r.band(b).status));
    expect(r.band(view.bands[2]).reason).toBeUndefined();
  });

  it('shows the failed step once every finished step is revealed', () => {
    const failed = applyBuildEvents(null, [
      { type: 'build-started', builder: 'legacy', steps, time: 0 },
      finished(1),
      { type: 'step-started', step: 2, time: 2 },
      { type: 'build-failed', step: 2, message: 'boom', time: 3 },
    ])!;
    const at = (n: number) => failed.bands.map((b) => revealOf(failed, n).band(b)).map((b) => `${b.line}:${b.status}${b.failed ? '!' : ''}`);
    expect(at(0)).toEqual(['1:base', '2:pending', '3:pending', '4:pending']);
    expect(at(1)).toEqual(['1:base', '2:built', '3:pending!', '4:pending']);
  });
});

describe('RevealTracker: the reveal of a build followed frame by frame', () => {
  const many = Array.from({ length: 40 }, (_, i) => step(i, i + 1, i ? 'RUN' : 'FROM'));
  const outcome = (s: number) => (s % 7 === 3 ? 'built' : 'cached') as 'built' | 'cached';
  const done = (s: number): BuildEvent => ({ type: 'step-finished', step: s, outcome: outcome(s), durationMs: 5, time: s, reason: outcome(s) === 'built' ? { kind: 'first-build' } : undefined });

  it('shows what a reveal worked out from scratch shows, and finds the first rebuilt layer as a scan does', () => {
    const tracker = new RevealTracker();
    let view = applyBuildEvents(null, [{ type: 'build-started', builder: 'legacy', steps: many, time: 0 }])!;
    let revealed = 0;
    for (let s = 1; s < 40; s++) {
      view = applyBuildEvents(view, [{ type: 'step-started', step: s, time: s }, done(s)])!;
      revealed = Math.min(view.finishOrder.length, revealed + (s % 3));
      const r = tracker.reveal(view, revealed);
      const scratch = revealOf(view, revealed);
      expect(view.bands.map((b) => r.band(b))).toEqual(view.bands.map((b) => scratch.band(b)));
      const first = view.bands.find((b) => b.status !== 'base' && ['built', 'will-rebuild'].includes(scratch.status(b)));
      expect(tracker.firstRebuilt(view, revealed, (b) => b.status !== 'base')).toBe(first);
    }
  });

  it('starts over for another build', () => {
    const tracker = new RevealTracker();
    const a = applyBuildEvents(null, [{ type: 'build-started', builder: 'legacy', steps, time: 0 }, finished(1), finished(2)])!;
    tracker.reveal(a, 2);
    expect(tracker.firstRebuilt(a, 2, () => true)?.line).toBe(2);
    const b = applyBuildEvents(null, [{ type: 'build-started', builder: 'legacy', steps, time: 10 }, finished(3)])!;
    expect(b.bands.map((x) => tracker.reveal(b, 1).band(x).status)).toEqual(['base', 'pending', 'pending', 'built']);
    expect(tracker.firstRebuilt(b, 1, () => true)?.line).toBe(4);
  });
});
