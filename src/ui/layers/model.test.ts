import { describe, expect, it } from 'vitest';
import type { BuildEvent, StepInfo } from '../../engine/build/events';
import { applyBuildEvent, applyBuildEvents, finishedStepCounter, predictedBands, type BuildView } from './model';
import { buildCounts } from './buildModel';
import { describeReason } from './reasons';

const step = (index: number, line: number | null, instruction: string, name: string, metadataOnly = false): StepInfo => ({
  index,
  stage: 'stage-0',
  line,
  name,
  instruction,
  metadataOnly,
});

const steps = [
  step(0, null, 'internal', '[internal] load build definition from Dockerfile'),
  step(1, 1, 'FROM', 'FROM docker.io/diamol/node:latest'),
  step(2, 3, 'ENV', 'ENV TARGET="blog.sixeyed.com"', true),
  step(3, 4, 'WORKDIR', 'WORKDIR /web-ping'),
  step(4, 5, 'COPY', 'COPY app.js .'),
  step(5, 6, 'CMD', 'CMD ["node", "/web-ping/app.js"]', true),
];

/**
 * The events applied one by one; applied as one batch (as the app does per frame), the view is the same; the
 * finished steps counted as the events come (which paces the terminal) are the view's finishOrder at every event.
 */
function run(events: BuildEvent[]): BuildView | null {
  const count = finishedStepCounter();
  const v = events.reduce<BuildView | null>((v, e) => {
    const next = applyBuildEvent(v, e);
    expect(count(e)).toBe(next?.finishOrder.length ?? 0);
    return next;
  }, null);
  expect(applyBuildEvents(null, events)).toEqual(v);
  return v;
}

describe('Layer stack model', () => {
  it('shows one band per instruction, the base image as a base band, and hides internal steps', () => {
    const v = run([{ type: 'build-started', builder: 'buildkit', steps, time: 0 }])!;
    expect(v.bands.map((b) => `${b.line}:${b.status}`)).toEqual(['1:base', '3:pending', '4:pending', '5:pending', '6:pending']);
  });

  it('records outcomes, reasons, layer facts and the order steps finished in', () => {
    const v = run([
      { type: 'build-started', builder: 'buildkit', steps, time: 0 },
      { type: 'step-finished', step: 3, outcome: 'cached', durationMs: 0, time: 1, layer: { digest: 'sha256:a', size: 0, added: 1, modified: 0, removed: 0 } },
      { type: 'step-started', step: 4, time: 1 },
      {
        type: 'step-finished',
        step: 4,
        outcome: 'built',
        durationMs: 120,
        time: 2,
        reason: { kind: 'files-changed', files: ['app.js'] },
        layer: { digest: 'sha256:b', size: 846, added: 1, modified: 0, removed: 0 },
      },
      { type: 'build-finished', imageId: 'sha256:img', tags: ['web-ping:latest'], durationMs: 300, time: 3 },
    ])!;
    const copy = v.bands.find((b) => b.line === 5)!;
    expect(copy).toMatchObject({ status: 'built', size: 846, digest: 'sha256:b', running: false });
    expect(describeReason('en', copy.reason)).toBe('app.js changed');
    expect(v.finishOrder).toEqual([3, 4]);
    expect(v.state).toBe('finished');
    expect(buildCounts(v)).toMatchObject({ built: 1, cached: 1, config: 2, bytesRebuilt: 846, durationMs: 300 });
  });

  it('marks the steps a prediction would rebuild and the rest cached', () => {
    const last = run([
      { type: 'build-started', builder: 'buildkit', steps, time: 0 },
      ...[2, 3, 4, 5].map((s) => ({ type: 'step-finished' as const, step: s, outcome: 'built' as const, durationMs: 10, time: 1 })),
    ]);
    const pred = steps.map((s) => ({ step: s, outcome: (s.index >= 4 ? 'built' : 'cached') as 'built' | 'cached' | 'metadata', reason: s.index === 4 ? { kind: 'files-changed' as const, files: ['app.js'] } : undefined }));
    const bands = predictedBands(
      pred.map((p) => (p.step.index === 4 ? { ...p, step: { ...p.step, name: '[3/3] COPY app.js .' } } : p)),
      last,
    );
    expect(bands.find((b) => b.line === 5)?.durationMs).toBe(10);
    expect(bands.map((b) => `${b.line}:${b.status}`)).toEqual(['1:base', '3:cached', '4:cached', '5:will-rebuild', '6:will-rebuild']);
  });

  it('shows a new metadata-only instruction as built under BuildKit, and a known one as cached', () => {
    const evs = (known: string[]) =>
      [
        { type: 'build-started', builder: 'buildkit', steps, time: 0 },
        { type: 'step-finished', step: 2, outcome: 'cached', durationMs: 0, time: 1 },
      ].reduce<BuildView | null>((v, e) => applyBuildEvent(v, e as BuildEvent, known), null)!;
    expect(evs([]).bands.find((b) => b.line === 3)?.status).toBe('built');
    expect(evs(['stage-0|ENV TARGET="blog.sixeyed.com"']).bands.find((b) => b.line === 3)?.status).toBe('cached');
  });

  it('carries the cascade from a rebuilt layer to the metadata-only entries after it (BuildKit)', () => {
    const known = ['stage-0|ENV TARGET="blog.sixeyed.com"', 'stage-0|CMD ["node", "/web-ping/app.js"]'];
    const v = [
      { type: 'build-started', builder: 'buildkit', steps, time: 0 },
      { type: 'step-finished', step: 2, outcome: 'cached', durationMs: 0, time: 1 },
      { type: 'step-finished', step: 3, outcome: 'cached', durationMs: 0, time: 1 },
      { type: 'step-finished', step: 4, outcome: 'built', durationMs: 5, time: 2, reason: { kind: 'files-changed', files: ['app.js'] } },
      { type: 'step-finished', step: 5, outcome: 'cached', durationMs: 0, time: 2 },
    ].reduce<BuildView | null>((acc, e) => applyBuildEvent(acc, e as BuildEvent, known), null)!;
    expect(v.bands.map((b) => `${b.line}:${b.status}`)).toEqual(['1:base', '3:cached', '4:cached', '5:built', '6:built']);
    expect(describeReason('en', v.bands.find((b) => b.line === 6)?.reason)).toContain('line 5');
    const pred = predictedBands(
      steps.map((s) => ({ step: s, outcome: (s.metadataOnly ? 'metadata' : s.index === 4 ? 'built' : 'cached') as 'built' | 'cached' | 'metadata' })),
      v,
      known,
    );
    expect(pred.map((b) => `${b.line}:${b.status}`)).toEqual(['1:base', '3:cached', '4:cached', '5:will-rebuild', '6:will-rebuild']);
  });

  it('says why in Korean too', () => {
    expect(describeReason('ko', { kind: 'parent-changed', line: 4, instruction: 'COPY' })).toContain('4번째 줄');
    expect(describeReason('en', { kind: 'env-changed', names: ['TARGET'] })).toBe('ENV TARGET changed');
  });
});
