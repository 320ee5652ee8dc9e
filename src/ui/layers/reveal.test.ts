import { describe, expect, it } from 'vitest';
import type { BuildEvent, StepInfo } from '../../engine/build/events';
import { applyBuildEvents } from './model';
import { revealOf } from './reveal';

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
