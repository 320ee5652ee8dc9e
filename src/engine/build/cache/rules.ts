/**
 * The cache rules of a builder, behind one interface: how a step finds its cached result, runs on a miss, and
 * records itself (BuildKit: cache keys over op definitions, buildkit.ts; legacy: probe configs among the parent
 * image's children and an image per step, legacy.ts), plus the few places the two builders print or allow
 * different things. The dispatch phase and the instruction handlers only call this interface.
 */
import type { Instruction } from '../../dockerfile/index';
import type { Layer } from '../../fs/layer';
import type { BuildRun } from '../builder';
import type { FileList } from '../copy-selection';
import type { Builder } from '../events';
import type { LogLine, StagePlan, StageState } from '../types';
import { BuildKitRules } from './buildkit';
import { LegacyRules } from './legacy';

/** What running a step produced. */
export interface StepResult {
  layer: Layer;
  durationMs: number;
  logs: LogLine[];
  /** RUN: the process's exit code (non-zero fails the step). */
  exitCode?: number;
  /** RUN: the command as Docker names it in errors (`/bin/sh -c make`). */
  command?: string;
  /** RUN: a line the builder adds to a failed command's output (why Layerlab stopped it). */
  note?: string;
}

/** A RUN, COPY or ADD step as both builders describe it. */
export interface StepOp {
  /** BuildKit: the op definition, hashed with the parent key into the cache key. */
  def: string;
  /** BuildKit: the history entry's created_by. */
  createdBy: string;
  /** Legacy: the history entry's created_by. */
  legacyCreatedBy: string;
  /** Legacy: the probe config's Cmd (what a cached child image's container_config must hold). */
  probe: string[];
  /** Legacy: the step runs in an intermediate container (` ---> Running in ...`). */
  container: boolean;
  ignoreCache: boolean;
  /** RUN: the environment (miss reasons name changed variables). */
  env?: Record<string, string>;
  /** COPY/ADD: the selected files (miss reasons name changed files). */
  files?: FileList;
  /** COPY --link: the layer does not depend on the layers below. */
  link?: boolean;
  /** COPY --from a stage: that stage's first miss makes this one's reason. */
  fromStage?: StageState | null;
  /** Runs the step; `hostname` is the step container's (BuildKit: buildkitsandbox; legacy: the container ID). */
  exec(ctx: { hostname: string }): Promise<StepResult>;
}

/** A metadata instruction's history texts. */
export interface MetadataTexts {
  /** BuildKit's created_by (null: no history entry, e.g. ONBUILD). */
  createdBy: string | null;
  legacyCreatedBy: string;
  legacyText: string;
}

export interface CacheRules {
  readonly builder: Builder;
  /** RUN sees declared build args even where ENV sets the same name (BuildKit); legacy: ENV wins. */
  readonly argsOverrideEnv: boolean;
  /** Features only BuildKit has: COPY heredocs, COPY --link, RUN --mount=type=bind from the context. */
  readonly buildkitFeatures: boolean;
  /** A step that fails before it runs still shows its vertex (BuildKit progress). */
  readonly showsFailedVertex: boolean;
  /** Stages to build for this target, ascending. */
  stagesToBuild(target: number, baseOf: (number | null)[], deps: Set<number>[]): number[];
  /** Before the first stage (legacy: the global ARG steps; BuildKit: FROM vertices and the context transfer). */
  begin(): void;
  /** A stage's FROM step. */
  fromStep(p: StagePlan, imageId: string | undefined): void;
  /** Before an instruction runs (legacy: `Step N/M : ...`). */
  announce(p: StagePlan, ins: Instruction, trigger: boolean): void;
  /** Rejects what this builder does not support, in Docker's words. */
  accept(ins: Instruction): void;
  metadata(st: StageState, ins: Instruction, idx: number, texts: MetadataTexts): Promise<void>;
  workdir(st: StageState, ins: Instruction, idx: number, path: string): Promise<void>;
  step(st: StageState, ins: Instruction, idx: number, op: StepOp): Promise<void>;
  /** After a stage's last instruction: the stage's image ID ('' when not an image of its own). */
  endStage(st: StageState): string;
  /** After the last stage. */
  end(finalId: string): void;
  /** The export step's vertex. */
  exportVertex(finalId: string, tags: string[]): void;
}

export function rulesFor(run: BuildRun): CacheRules {
  return run.builder === 'legacy' ? new LegacyRules(run) : new BuildKitRules(run);
}
