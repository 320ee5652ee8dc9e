/**
 * The engine's build subsystem: runs builds, keeps the BuildKit cache, the per-file context digests and
 * the recent BuildRecords, and fans build events out to listeners (the UI).
 */
import type { EngineEnv } from '../core/env';
import type { ContextReader } from '../core/host';
import type { CliIO } from '../core/io';
import type { ImageStore } from '../images/store';
import { BuildRun, type BuildOptions, type BuildRegistry, type BuildResult } from './builder';
import { BuildMemos } from './memos';
import type { SandboxHost } from '../runtime/process';
import { InProcessHost } from '../runtime/in-process-host';
import { BuildCache, type CacheRecord, type CacheSnapshot } from './cache/store';
import { ContextHashCache } from './context';
import type { BuildEvent, BuildEventListener } from './events';
import type { BuildPrediction, BuildRecord } from './records';
import { arrayOf, bool, checkShape, nullable, num, oneOf, optional, shape, str, strings, type Check } from '../images/shape';

export interface BuildServiceHost {
  env: EngineEnv;
  context: ContextReader;
  images: ImageStore;
  registry: BuildRegistry | null;
  /** The engine's sandbox host (RUN steps run there); an in-process host when the engine has none. */
  sandbox: SandboxHost | null;
  changed(): void;
}

export interface BuildSnapshot {
  cache: CacheSnapshot;
  records: BuildRecord[];
}

const MAX_RECORDS = 20;

export class BuildService {
  readonly cache = new BuildCache();
  readonly hashCache: ContextHashCache;
  readonly memos = new BuildMemos();
  private fallbackHost: SandboxHost | null = null;
  records: BuildRecord[] = [];
  private listeners = new Set<BuildEventListener>();

  constructor(private host: () => BuildServiceHost) {
    const h = host();
    this.hashCache = new ContextHashCache((d) => h.env.sha256(d));
    h.images.extraLayerRoots = () => this.cache.diffIds();
  }

  private runHost() {
    const h = this.host();
    const sandbox = h.sandbox ?? (this.fallbackHost ??= new InProcessHost());
    return { env: h.env, context: h.context, images: h.images, registry: h.registry, cache: this.cache, hashCache: this.hashCache, memos: this.memos, sandbox };
  }

  async build(opts: BuildOptions, io: CliIO, onEvent?: (e: BuildEvent) => void): Promise<BuildResult> {
    const run = new BuildRun(this.runHost(), opts, io, (e) => {
      onEvent?.(e);
      for (const l of this.listeners) l(e);
    });
    const result = await run.run();
    if (!opts.check) {
      this.records = [...this.records, result.record].slice(-MAX_RECORDS);
    }
    this.host().changed();
    return result;
  }

  predict(opts: BuildOptions): Promise<BuildPrediction> {
    return new BuildRun(this.runHost(), opts, null, () => {}, true).predict();
  }

  onEvent(listener: BuildEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `docker builder prune`: removes cache records (all with `all`, else those whose layer no image uses). */
  prune(all: boolean): { removed: CacheRecord[]; reclaimed: number } {
    const images = this.host().images;
    // BuildKit's pulled base images are part of its cache: `-a` removes them too.
    let reclaimed = all ? images.dropBuilderImages() : 0;
    const used = images.layerRefCounts();
    const removed = this.cache.prune((r) => !all && used.has(r.diffId));
    const freed = images.gcLayers();
    const counted = new Set<string>();
    for (const r of removed) {
      if (counted.has(r.diffId)) continue;
      counted.add(r.diffId);
      if (freed.has(r.diffId) || !used.has(r.diffId)) reclaimed += r.size;
    }
    this.host().changed();
    return { removed, reclaimed };
  }

  snapshot(): BuildSnapshot {
    return { cache: this.cache.snapshot(), records: this.records.slice(-10) };
  }

  restore(s: BuildSnapshot | undefined): void {
    if (s !== undefined && s !== null) checkShape(buildSnapshot, s, 'build');
    this.cache.restore(s?.cache);
    this.records = s?.records ?? [];
  }
}

const missReason: Check = (v, w) => {
  shape({ kind: oneOf('first-build', 'no-cache', 'instruction-changed', 'parent-changed', 'files-changed', 'env-changed', 'build-arg-changed', 'base-image-changed') })(v, w);
  const r = v as Record<string, unknown>;
  if (r.kind === 'instruction-changed') shape({ previous: optional(str) })(v, w);
  if (r.kind === 'parent-changed') shape({ line: num, instruction: str, moved: optional(bool) })(v, w);
  if (r.kind === 'files-changed') shape({ files: strings })(v, w);
  if (r.kind === 'env-changed' || r.kind === 'build-arg-changed') shape({ names: strings })(v, w);
  if (r.kind === 'base-image-changed') shape({ image: str })(v, w);
};
const recordStep = shape({
  index: num,
  stage: str,
  line: nullable(num),
  name: str,
  instruction: str,
  metadataOnly: bool,
  outcome: oneOf('cached', 'built', 'failed', 'skipped'),
  reason: optional(missReason),
  layer: optional(shape({ digest: str, size: num, added: num, modified: num, removed: num })),
  changes: optional(arrayOf(shape({ path: str, kind: oneOf('A', 'C', 'D'), type: oneOf('file', 'dir', 'symlink', 'whiteout'), size: num }))),
  durationMs: num,
  cacheKey: optional(str),
});
const buildRecord = shape({
  id: str,
  builder: oneOf('buildkit', 'legacy'),
  time: num,
  durationMs: num,
  contextDir: str,
  dockerfile: str,
  target: optional(str),
  tags: strings,
  imageId: optional(str),
  steps: arrayOf(recordStep),
  error: optional(str),
  warnings: strings,
});
/** The build slice: `cache` is checked by BuildCache.restore. */
const buildSnapshot: Check = (v, w) => {
  shape({ records: optional(arrayOf(buildRecord)) })(v, w);
};
