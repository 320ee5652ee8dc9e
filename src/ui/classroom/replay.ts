/** The state of a build at a point of its recorded event stream: what the replay scrubber shows. */
import type { BuildEvent, MissReason, StepInfo } from '../../engine/build/events';

export interface ReplayStep {
  info: StepInfo;
  status: 'pending' | 'running' | 'cached' | 'built' | 'failed';
  reason?: MissReason;
  durationMs: number;
  logs: string[];
}

export interface ReplayState {
  builder: 'buildkit' | 'legacy' | null;
  steps: ReplayStep[];
  finished?: { imageId: string; tags: string[]; durationMs: number };
  failed?: { message: string };
  /** Time of the event at the position, relative to the first event (ms). */
  elapsedMs: number;
}

/** Applies events[0..upto) (upto clamped to the stream length). */
export function replayAt(events: readonly BuildEvent[], upto: number): ReplayState {
  const n = Math.max(0, Math.min(upto, events.length));
  const st: ReplayState = { builder: null, steps: [], elapsedMs: 0 };
  const t0 = events[0]?.time ?? 0;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    st.elapsedMs = e.time - t0;
    const step = (k: number) => st.steps.find((s) => s.info.index === k);
    switch (e.type) {
      case 'build-started':
        st.builder = e.builder;
        st.steps = e.steps.map((info) => ({ info, status: 'pending', durationMs: 0, logs: [] }));
        break;
      case 'step-started': {
        const s = step(e.step);
        if (s) s.status = 'running';
        break;
      }
      case 'log': {
        const s = step(e.step);
        if (s) s.logs.push(e.text);
        break;
      }
      case 'step-finished': {
        const s = step(e.step);
        if (s) {
          s.status = e.outcome;
          s.reason = e.reason;
          s.durationMs = e.durationMs;
        }
        break;
      }
      case 'build-finished':
        st.finished = { imageId: e.imageId, tags: e.tags, durationMs: e.durationMs };
        break;
      case 'build-failed': {
        st.failed = { message: e.message };
        const s = e.step === null ? undefined : step(e.step);
        if (s) s.status = 'failed';
        break;
      }
    }
  }
  return st;
}
