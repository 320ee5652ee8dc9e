/**
 * The state of a build at a point of its recorded event stream: what the replay scrubber shows. Statuses and
 * reasons come from the layer stack's model (layers/buildModel.ts), so Replay and the stack say the same thing.
 */
import type { BuildEvent } from '../../engine/build/events';
import { viewOfEvents } from '../layers/buildModel';
import type { BuildView } from '../layers/model';

export interface ReplayState {
  /** The build as the stack would show it after events[0..upto). */
  view: BuildView | null;
  /** Output lines per step index. */
  logs: Record<number, string[]>;
  finished?: { imageId: string; tags: string[]; durationMs: number };
  failed?: { message: string };
  /** Time of the event at the position, relative to the first event (ms). */
  elapsedMs: number;
}

/**
 * Applies events[0..upto) (upto clamped to the stream length). `knownMeta`: the config entries earlier builds
 * of the workspace had (the stack's `BuildView.knownMeta` of this build), so a config entry reads the same.
 */
export function replayAt(events: readonly BuildEvent[], upto: number, knownMeta: string[] = []): ReplayState {
  const n = Math.max(0, Math.min(upto, events.length));
  const t0 = events[0]?.time ?? 0;
  const st: ReplayState = { view: viewOfEvents(events, knownMeta, n), logs: {}, elapsedMs: n ? events[n - 1].time - t0 : 0 };
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (e.type === 'log') (st.logs[e.step] ??= []).push(e.text);
    else if (e.type === 'build-finished') st.finished = { imageId: e.imageId, tags: e.tags, durationMs: e.durationMs };
    else if (e.type === 'build-failed') st.failed = { message: e.message };
  }
  return st;
}
