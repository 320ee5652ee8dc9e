/**
 * The typed stream a build emits, so the UI animates exactly the facts the CLI prints.
 * Emitted in order: build-started, then per step step-started / log* / step-finished, then build-finished or build-failed.
 */
import type { SourceRange } from '../core/errors';

export type Builder = 'buildkit' | 'legacy';

/** Why a step did not come from the cache. */
export type MissReason =
  | { kind: 'first-build' }
  | { kind: 'no-cache' }
  | { kind: 'instruction-changed'; previous?: string }
  /** The layer below changed: rebuilt at `line`, or (moved) the instruction now below is `line`, where it was not before. */
  | { kind: 'parent-changed'; line: number; instruction: string; moved?: boolean }
  | { kind: 'files-changed'; files: string[] }
  | { kind: 'env-changed'; names: string[] }
  | { kind: 'build-arg-changed'; names: string[] }
  | { kind: 'base-image-changed'; image: string };

export interface StepInfo {
  /** 0-based index of this step in the build's step list. */
  index: number;
  /** Stage name or index ("build", "stage-1", ...). */
  stage: string;
  /** Dockerfile line of the instruction (first line), or null for the base image / internal steps. */
  line: number | null;
  range?: SourceRange;
  /** The instruction as the CLI names it ("RUN npm install", "FROM docker.io/library/node:18"). */
  name: string;
  /** The instruction keyword (FROM, RUN, COPY, ENV, ...). */
  instruction: string;
  /** True when the instruction changes only the image config (BuildKit: never a step in the output). */
  metadataOnly: boolean;
}

export type BuildEvent =
  | { type: 'build-started'; builder: Builder; steps: StepInfo[]; time: number }
  | { type: 'step-started'; step: number; time: number }
  | { type: 'log'; step: number; text: string; stream: 'stdout' | 'stderr'; time: number }
  | {
      type: 'step-finished';
      step: number;
      outcome: 'cached' | 'built';
      /** Present when the step produced a filesystem layer. */
      layer?: { digest: string; size: number; added: number; modified: number; removed: number };
      /** Simulated duration in ms (0 for a cache hit). */
      durationMs: number;
      /** Present when outcome is 'built'. */
      reason?: MissReason;
      time: number;
    }
  | { type: 'build-finished'; imageId: string; tags: string[]; durationMs: number; time: number }
  | { type: 'build-failed'; step: number | null; message: string; time: number };

export type BuildEventListener = (e: BuildEvent) => void;
