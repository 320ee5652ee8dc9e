import { describe, expect, it } from 'vitest';
import type { BuildEvent, StepInfo } from '../../engine/build/events';
import { replayAt } from './replay';

const info = (index: number, name: string): StepInfo => ({ index, stage: 'stage-0', line: index + 1, name, instruction: name.split(' ')[0], metadataOnly: false });
const events: BuildEvent[] = [
  { type: 'build-started', builder: 'buildkit', steps: [info(0, 'FROM node'), info(1, 'COPY . /app'), info(2, 'RUN npm install')], time: 1000 },
  { type: 'step-started', step: 0, time: 1000 },
  { type: 'step-finished', step: 0, outcome: 'cached', durationMs: 0, time: 1000 },
  { type: 'step-started', step: 1, time: 1001 },
  { type: 'step-finished', step: 1, outcome: 'built', reason: { kind: 'files-changed', files: ['server.js'] }, durationMs: 40, time: 1041 },
  { type: 'step-started', step: 2, time: 1041 },
  { type: 'log', step: 2, text: 'added 0 packages', stream: 'stdout', time: 2000 },
  { type: 'step-finished', step: 2, outcome: 'built', reason: { kind: 'parent-changed', line: 2, instruction: 'COPY . /app' }, durationMs: 2500, time: 3541 },
  { type: 'build-finished', imageId: 'sha256:abc', tags: ['node-web:latest'], durationMs: 2541, time: 3541 },
];
const statuses = (st: ReturnType<typeof replayAt>) => st.view?.bands.map((b) => `${b.status}${b.running ? '+running' : ''}`) ?? [];

describe('Build replay', () => {
  it('shows each step as it was at the scrubber position', () => {
    expect(replayAt(events, 0).view).toBeNull();
    expect(statuses(replayAt(events, 4))).toEqual(['base', 'pending+running', 'pending']);
    const mid = replayAt(events, 7);
    expect(mid.view!.bands[1]).toMatchObject({ status: 'built', reason: { kind: 'files-changed', files: ['server.js'] } });
    expect(mid.logs[2]).toEqual(['added 0 packages']);
    expect(mid.finished).toBeUndefined();
    const end = replayAt(events, 999);
    expect(end.finished?.imageId).toBe('sha256:abc');
    expect(end.elapsedMs).toBe(2541);
  });

  it('marks the failing step', () => {
    const failed: BuildEvent[] = [...events.slice(0, 6), { type: 'build-failed', step: 2, message: 'exit code: 1', time: 1500 }];
    const st = replayAt(failed, failed.length);
    expect(st.view!.bands[2]).toMatchObject({ failed: true, status: 'pending' });
    expect(st.failed?.message).toBe('exit code: 1');
  });
});
