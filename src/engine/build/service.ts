/**
 * The engine's build subsystem: runs builds, keeps the BuildKit cache, the per-file context digests and
 * the recent BuildRecords, and fans build events out to listeners (the UI).
 */
import type { EngineEnv } from '../core/env';
import type { ContextReader } from '../core/host';
import type { CliIO } from '../cli/io';
import type { ImageStore } from '../images/store';
import { BuildRun, type BuildOptions, type BuildRegistry, type BuildResult } from './builder';
import { BuildCache, type CacheRecord, type CacheSnapshot } from './cache';
import { ContextHashCache } from './context';
import type { BuildEvent, BuildEventListener } from './events';
import type { BuildPrediction, BuildRecord } from './records';

export interface BuildServiceHost {
  env: EngineEnv;
  context: ContextReader;
  images: ImageStore;
  registry: BuildRegistry | null;
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
  records: BuildRecord[] = [];
  private listeners = new Set<BuildEventListener>();

  constructor(private host: () => BuildServiceHost) {
    const h = host();
    this.hashCache = new ContextHashCache((d) => h.env.sha256(d));
    h.images.extraLayerRoots = () => this.cache.diffIds();
  }

  private runHost() {
    const h = this.host();
    return { env: h.env, context: h.context, images: h.images, registry: h.registry, cache: this.cache, hashCache: this.hashCache };
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
    const used = images.layerRefCounts();
    const removed = this.cache.prune((r) => !all && used.has(r.diffId));
    const freed = images.gcLayers();
    let reclaimed = 0;
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
    this.cache.restore(s?.cache);
    this.records = s?.records ?? [];
  }
}
