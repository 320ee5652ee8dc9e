/**
 * The builder's shared types: options and result of a build, what the builder needs from the engine, and the
 * per-stage plan and state the phases and instruction handlers pass around.
 */
import type { ImageRef } from '../images/reference';
import type { EngineEnv } from '../core/env';
import type { Result, SourceRange } from '../core/errors';
import type { ContextEntry, ContextReader } from '../core/host';
import type { Instruction, Stage, StageScope } from '../dockerfile/index';
import type { Layer } from '../fs/layer';
import type { UnionFs } from '../fs/union';
import type { ContainerConfig, HistoryEntry } from '../images/config';
import type { SharedImageConfig } from '../images/shared';
import type { ImageRecord, ImageStore } from '../images/store';
import type { SandboxHost } from '../runtime/process';
import type { BuildCache } from './cache/store';
import type { ContextHashCache } from './context';
import type { Builder, MissReason } from './events';
import type { BuildMemos } from './memos';
import type { BuildFailure, Vertex } from './output';
import type { BuildRecord } from './records';

export interface BuildOptions {
  /** Context directory relative to the host's working directory ("." by default). */
  contextDir?: string;
  /** `-f`: Dockerfile path relative to the working directory (default `<context>/Dockerfile`). */
  dockerfile?: string;
  /** Dockerfile text given directly (the UI editor); wins over reading the file. */
  dockerfileText?: string;
  /** Context entries given directly (the UI workspace); wins over `engine.context.list`. */
  contextEntries?: ContextEntry[];
  tags?: string[];
  buildArgs?: Record<string, string>;
  target?: string;
  noCache?: boolean;
  noCacheFilter?: string[];
  /** Default: legacy when io.env.DOCKER_BUILDKIT is "0", else BuildKit. */
  builder?: Builder;
  progress?: 'auto' | 'plain' | 'tty' | 'quiet' | 'rawjson';
  quiet?: boolean;
  check?: boolean;
  labels?: Record<string, string>;
}

export interface BuildResult {
  exitCode: number;
  imageId?: string;
  record: BuildRecord;
}

/** A registry as the builder needs it (the registry's `Registry` satisfies it). */
export interface BuildRegistry {
  pull(ref: string, opts: { out: (s: string) => void; quiet?: boolean; tty?: boolean; columns?: number }): Result<{ image: ImageRecord }>;
  /** Whether the registry has the image, without pulling it (predictions). */
  lookup(ref: ImageRef): Result<unknown>;
}

export interface BuildHost {
  env: EngineEnv;
  context: ContextReader;
  images: ImageStore;
  registry: BuildRegistry | null;
  cache: BuildCache;
  hashCache: ContextHashCache;
  memos: BuildMemos;
  /** Runs RUN steps' processes (the engine's sandbox host). */
  sandbox: SandboxHost;
}

export const METADATA = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER', 'ONBUILD']);
/** A BuildRecord step keeps the first changes of its layer, for the UI's diff view. */
export const MAX_RECORDED_CHANGES = 200;

export const LAYER_OPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
export const MAX_LAYERS = 125;
export const DEFAULT_SHELL = ['/bin/sh', '-c'];
export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

/** A failed build: BuildKit's failure (message, vertex, source range) and the legacy builder's text. */
export class BuildAbort {
  constructor(readonly failure: BuildFailure, readonly legacyText?: string) {}
}

export interface FailOptions {
  range?: SourceRange;
  /** Layerlab's own line after the error (what the simulation has instead). */
  note?: string;
  solve?: boolean;
  vertex?: Vertex;
  legacy?: string;
}

export interface StagePlan {
  index: number;
  stage: Stage;
  /** "build", "stage-1". */
  display: string;
  base: { kind: 'scratch' } | { kind: 'stage'; index: number } | { kind: 'image'; ref: string; canonical: string; image?: ImageRecord; pulledOutput?: string };
  /** Instructions to run: ONBUILD triggers of the base first, then the stage's own. */
  instructions: { ins: Instruction; trigger: boolean }[];
  /** BuildKit numbered steps in this stage. */
  total: number;
  /** Stages this one copies from. */
  deps: Set<number>;
  /** Simulated time the base image's pull took (0 when it was in the store). */
  pullMs?: number;
}

export interface StageState {
  plan: StagePlan;
  layers: Layer[];
  config: ContainerConfig;
  history: HistoryEntry[];
  /** Legacy: the shared config of the stage's last step image, whose lists the next step's image shares. */
  shared?: SharedImageConfig;
  scope: StageScope;
  key: string;
  firstMiss: { line: number; instruction: string } | null;
  lastLayerTime: number;
  imageId?: string;
  cmdSet: boolean;
  unknown: boolean;
  stepNo: number;
  opOrdinal: number;
  /** Where each key sits in `config.Env` (ENV updates it in place). */
  envIndex?: { env: string[]; length: number; at: Map<string, number> };
  fs(): UnionFs;
}

export interface StepOutcome {
  cached: boolean;
  reason?: MissReason;
  layer?: Layer;
  durationMs: number;
}

/** One line of a step's output, `t` ms after the vertex started. */
export interface LogLine {
  t: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

export const sortedEnv = (env: Record<string, string>) => Object.keys(env).sort().map((k) => `${k}=${env[k]}`);
