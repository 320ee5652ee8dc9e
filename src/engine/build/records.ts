/** What the engine remembers about builds: BuildRecords for the UI and lessons (`engine.builds`). */
import type { SourceRange } from '../core/errors';
import type { LayerChange } from '../fs/layer';
import type { Builder, MissReason } from './events';

export interface BuildRecordStep {
  index: number;
  stage: string;
  line: number | null;
  name: string;
  instruction: string;
  metadataOnly: boolean;
  /** `skipped`: not reached (an earlier step failed); `failed`: this step failed. */
  outcome: 'cached' | 'built' | 'failed' | 'skipped';
  reason?: MissReason;
  layer?: { digest: string; size: number; added: number; modified: number; removed: number };
  /** The first changes of the layer (at most 200), for the UI's diff view. */
  changes?: LayerChange[];
  durationMs: number;
  /** BuildKit cache key (or legacy image ID) of the step, for the UI's "why" view. */
  cacheKey?: string;
}

export interface BuildRecord {
  id: string;
  builder: Builder;
  /** Engine clock when the build started. */
  time: number;
  durationMs: number;
  contextDir: string;
  dockerfile: string;
  target?: string;
  tags: string[];
  imageId?: string;
  steps: BuildRecordStep[];
  error?: string;
  warnings: string[];
}

/** One row of `engine.predictBuild()`: per Dockerfile instruction. */
export interface PredictedStep {
  /** Same index as the StepInfo of a real build (FROM, then every instruction of each built stage). */
  index: number;
  line: number | null;
  stage: string;
  name: string;
  instruction: string;
  metadataOnly: boolean;
  prediction: 'cached' | 'will-rebuild' | 'metadata' | 'unknown';
  reason?: MissReason;
}

export interface BuildPrediction {
  builder: Builder;
  steps: PredictedStep[];
  error?: string;
  /** Where the build will fail (a FROM whose image the registry lacks, a bad instruction). */
  errorRange?: SourceRange;
}
