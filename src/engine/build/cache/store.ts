/**
 * The BuildKit build cache (cache records by key, each holding one layer) and the per-Dockerfile step memos
 * the builder compares against to explain misses. Both survive snapshot/restore; `builder prune` clears the
 * records (the memos only remember what the previous build looked like).
 */

import { SelectionMemos } from '../copy-selection';
import { arrayOf, checkShape, num, oneOf, optional, recordOf, shape, str, strings, tuple } from '../../images/shape';

export interface CacheRecord {
  key: string;
  /** The layer this step produced. */
  diffId: string;
  size: number;
  /** Step name as BuildKit shows it ("[2/5] RUN npm install"). */
  description: string;
  /** 'regular' (RUN/COPY/ADD layers), 'source.local' (context), 'internal'. */
  type: 'regular' | 'source.local' | 'internal';
  /** Virtual time the layer was built (image history uses it). */
  created: number;
  lastUsed: number;
  usage: number;
  /** Simulated duration when it was built. */
  durationMs: number;
  /** The instruction's history entry (created_by). */
  createdBy: string;
}

export interface StepMemo {
  text: string;
  key: string;
  parentKey: string;
  env?: Record<string, string>;
  buildArgs?: string[];
  /** COPY/ADD: source file path -> digest prefix. */
  files?: Record<string, string>;
  baseId?: string;
}

/** One file the local source sent: its mode and content digest. */
export interface TransferredFile {
  mode: number;
  digest: string;
  /** The bytes last sent (files), so an unchanged array needs no digest lookup next time. */
  content?: Uint8Array;
}

export interface CacheSnapshot {
  records: CacheRecord[];
  memos: [string, [string, StepMemo][]][];
}

export class BuildCache {
  readonly records = new Map<string, CacheRecord>();
  /** Build identity ("buildkit|./Dockerfile") -> step id ("0:3") -> memo. */
  readonly memos = new Map<string, Map<string, StepMemo>>();
  /** What the local source last sent per context dir (path -> mode:digest), for "transferring context: N". Not persisted. */
  readonly transfers = new Map<string, Map<string, TransferredFile>>();
  /** The same records in the order of the last listing (a rebuild with the same listing order walks them by index). */
  readonly transferOrders = new Map<string, { paths: string[]; recs: TransferredFile[] }>();
  /** Per context dir, how many builds have transferred it (ContextDelta generations). Not persisted. */
  readonly transferGens = new Map<string, number>();
  /** Last COPY selections, for rebuilds that patch instead of walking the context (copy-selection.ts). Not persisted. */
  readonly selections = new SelectionMemos();

  get(key: string): CacheRecord | undefined {
    return this.records.get(key);
  }

  put(r: CacheRecord): void {
    this.records.set(r.key, r);
  }

  /** Layers the cache holds (the image store must not free them). */
  diffIds(): string[] {
    return [...this.records.values()].map((r) => r.diffId);
  }

  totalSize(): number {
    const seen = new Set<string>();
    let s = 0;
    for (const r of this.records.values()) {
      if (seen.has(r.diffId)) continue;
      seen.add(r.diffId);
      s += r.size;
    }
    return s;
  }

  /** Removes every record (`builder prune -a`) or only those not used by `keep` (`builder prune`). Returns them. */
  prune(keep: (r: CacheRecord) => boolean = () => false): CacheRecord[] {
    const removed: CacheRecord[] = [];
    for (const [k, r] of this.records) {
      if (keep(r)) continue;
      this.records.delete(k);
      removed.push(r);
    }
    return removed;
  }

  memo(build: string): Map<string, StepMemo> {
    let m = this.memos.get(build);
    if (!m) this.memos.set(build, (m = new Map()));
    return m;
  }

  snapshot(): CacheSnapshot {
    return {
      records: [...this.records.values()].map((r) => ({ ...r })),
      memos: [...this.memos].map(([k, m]) => [k, [...m]]),
    };
  }

  restore(s: CacheSnapshot | undefined): void {
    if (s !== undefined && s !== null) checkShape(cacheSnapshot, s, 'build.cache');
    this.records.clear();
    this.memos.clear();
    if (s === undefined || s === null) return;
    for (const r of s.records ?? []) this.records.set(r.key, r);
    for (const [k, m] of s.memos ?? []) this.memos.set(k, new Map(m));
  }
}

const cacheRecord = shape({
  key: str,
  diffId: str,
  size: num,
  description: str,
  type: oneOf('regular', 'source.local', 'internal'),
  created: num,
  lastUsed: num,
  usage: num,
  durationMs: num,
  createdBy: str,
});
const stepMemo = shape({ text: str, key: str, parentKey: str, env: optional(recordOf(str)), buildArgs: optional(strings), files: optional(recordOf(str)), baseId: optional(str) });
const cacheSnapshot = shape({ records: optional(arrayOf(cacheRecord)), memos: optional(arrayOf(tuple(str, arrayOf(tuple(str, stepMemo))))) });
