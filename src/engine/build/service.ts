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
  /** Part of the restored state could not be read and starts empty: `what` says which, in one line. */
  damaged(what: string): void;
}

export interface BuildSnapshot {
  cache: CacheSnapshot;
  records: BuildRecord[];
}

/**
 * The build slice as a snapshot holds it: plain, or a function giving it on first use (a store keeps the slice in
 * its own record and restores it unread: `ps` or `image ls` never read the build history).
 */
export type BuildSection = BuildSnapshot | (() => unknown);

const MAX_RECORDS = 20;

export class BuildService {
  private readonly buildCache = new BuildCache();
  readonly hashCache: ContextHashCache;
  readonly memos = new BuildMemos();
  private fallbackHost: SandboxHost | null = null;
  private buildRecords: BuildRecord[] = [];
  /** A slice restored unread: read and checked on the first use of the cache or the records. */
  private deferred: (() => unknown) | null = null;
  private listeners = new Set<BuildEventListener>();

  /** The BuildKit cache (records and step memos). */
  get cache(): BuildCache {
    this.readDeferred();
    return this.buildCache;
  }

  /** Recent builds, oldest first. */
  get records(): BuildRecord[] {
    this.readDeferred();
    return this.buildRecords;
  }

  set records(list: BuildRecord[]) {
    this.readDeferred();
    this.buildRecords = list;
  }

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

  /** The slice to persist: a slice restored unread and not used since is given back as it came, still unread. */
  snapshot(): BuildSection {
    if (this.deferred) return this.deferred;
    return { cache: this.buildCache.snapshot(), records: this.buildRecords.slice(-10) };
  }

  /** Restores a slice; one given as a function is read on first use (its errors are thrown then). */
  restore(s: BuildSection | undefined): void {
    if (typeof s === 'function') {
      this.buildCache.restore(undefined);
      this.buildRecords = [];
      this.deferred = s;
      return;
    }
    this.deferred = null;
    this.restoreNow(s);
  }

  private readDeferred(): void {
    const read = this.deferred;
    if (!read) return;
    this.deferred = null;
    try {
      this.restoreNow(read() as BuildSnapshot | undefined);
    } catch (e) {
      // A stored slice that cannot be read or fails its checks: builds go on with an empty cache and history (as
      // after `docker builder prune -a`), the host says so, and the next save stores the empty slice.
      this.restoreNow(undefined);
      this.host().damaged(`the build cache and history could not be read and start empty: ${e instanceof Error ? e.message : String(e)}`);
      this.host().changed();
    }
  }

  private restoreNow(s: BuildSnapshot | undefined): void {
    if (s !== undefined && s !== null) checkShape(buildSnapshot, s, 'build');
    this.buildCache.restore(s?.cache);
    this.buildRecords = s?.records ?? [];
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
