/**
 * What a COPY/ADD selects from its sources, and how a rebuild redoes that work in proportion to what changed.
 *
 * - `FileList`: the per-file tags (`path -> mode:digest`) a step memo keeps for the miss reason, with their order.
 * - `sourceChecksum`: the content checksum in the COPY's cache key, hashed in pieces so unchanged pieces are reused.
 * - `SelectionMemo` / `patchSelection`: a COPY of context directories remembers its last selection; when the
 *   build's context transfer (builder `execute`) found only modified files since the build that made the memo,
 *   the new selection is the old one with those items replaced, instead of a walk over every file.
 * The results are the same as a fresh selection (same items, order, tags and checksum): only the work differs.
 */
import type { ContextEntry } from '../core/host';
import type { FsNode } from '../fs/node';
import { octal } from '../fs/layer';

export interface CopyItem {
  /** Source path (context-relative, or absolute in a stage/image). */
  src: string;
  target: string;
  node: FsNode;
  digest: string;
}

/**
 * A COPY's per-file tags (`path -> mode:digest`), in selection order. The step memo exposes them as a plain record
 * (what it snapshots); the order is kept so the next build compares two big lists in one pass, and a patched list
 * builds its record only when something reads it.
 */
export class FileList {
  private rec: Record<string, string> | null;
  private seen: Set<string> | null = null;
  private static nextId = 1;
  private readonly id = FileList.nextId++;
  /** For a patched list: the id of the list it was patched from and the positions whose tag changed. */
  private from: { id: number; changed: number[] } | null = null;

  private constructor(
    private keys: string[] | null,
    private vals: string[],
    rec: Record<string, string> | null,
    /** Unmaterialized record: a materialized list plus tags by position (merged, so no chain of lists builds up). */
    private base: { list: FileList; changes: Map<number, string> } | null = null,
  ) {
    this.rec = rec;
  }

  static empty(): FileList {
    return new FileList([], [], {});
  }

  /** A list known only as a record (a memo restored from a snapshot). */
  static fromRecord(r: Record<string, string>): FileList {
    return new FileList(null, [], r);
  }

  get record(): Record<string, string> {
    if (!this.rec) {
      const b = this.base!;
      const r = Object.assign({}, b.list.record);
      for (const [i, tag] of b.changes) r[this.keys![i]] = tag;
      this.rec = r;
      this.base = null;
    }
    return this.rec;
  }

  set(path: string, tag: string): void {
    if (this.keys) {
      const seen = (this.seen ??= new Set());
      if (seen.has(path)) this.keys = null;
      else {
        seen.add(path);
        this.keys.push(path);
        this.vals.push(tag);
      }
    }
    this.record[path] = tag;
  }

  /** The same list with the tags at some positions replaced (the paths stay); null when the order is unknown. */
  patched(changes: [index: number, tag: string][]): FileList | null {
    if (!this.keys) return null;
    const vals = this.vals.slice();
    const base = this.base ? { list: this.base.list, changes: new Map(this.base.changes) } : { list: this, changes: new Map<number, string>() };
    const changed: number[] = [];
    for (const [i, tag] of changes) {
      if (vals[i] !== tag) changed.push(i);
      vals[i] = tag;
      base.changes.set(i, tag);
    }
    const l = new FileList(this.keys, vals, null, base);
    l.from = { id: this.id, changed };
    return l;
  }

  /** Paths whose tag differs between `prev` and this list (added, changed or removed), sorted. */
  diff(prev: FileList): string[] {
    const a = prev;
    // Patched from `prev`: the changed positions are known.
    if (this.from && this.from.id === prev.id && this.keys) return this.from.changed.map((i) => this.keys![i]).sort();
    if (a.keys && this.keys && a.keys.length === this.keys.length) {
      // Same paths in the same order (the usual rebuild): one pass over both lists.
      const out: string[] = [];
      let same = true;
      for (let i = 0; i < a.keys.length; i++) {
        if (a.keys[i] !== this.keys[i]) {
          same = false;
          break;
        }
        if (a.vals[i] !== this.vals[i]) out.push(this.keys[i]);
      }
      if (same) return out.sort();
    }
    const ra = a.record;
    const rb = this.record;
    const out: string[] = [];
    for (const k of Object.keys(rb)) if (ra[k] !== rb[k]) out.push(k);
    for (const k of Object.keys(ra)) if (!(k in rb)) out.push(k);
    return out.sort();
  }
}

/** Memo object -> its file list (memos made in this session; restored ones have a plain `files` record). */
const memoLists = new WeakMap<object, FileList>();

/** Gives a step memo its `files` (an enumerable getter, so snapshots and shape checks see the plain record). */
export function attachFiles<T extends { files?: Record<string, string> }>(memo: T, list: FileList | undefined): T {
  if (!list) return memo;
  memoLists.set(memo, list);
  Object.defineProperty(memo, 'files', { get: () => list.record, enumerable: true, configurable: true });
  return memo;
}

/** A step memo's file list, if it has one. */
export function memoFiles(memo: { files?: Record<string, string> }): FileList | undefined {
  const l = memoLists.get(memo);
  if (l) return l;
  return memo.files ? FileList.fromRecord(memo.files) : undefined;
}

/** The text a COPY's source checksum is computed over: one line per copied item. */
function checksumText(items: CopyItem[], from = 0, to = items.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const it = items[i];
    out += (i > from ? '\n' : '') + it.src + '\t' + it.target + '\t' + it.node.type + '\t' + octal(it.node.mode) + '\t' + it.digest;
  }
  return out;
}

/** Items per piece of a big COPY's source checksum, and the item count above which it is hashed in pieces. */
const CHECKSUM_CHUNK = 64;
const CHECKSUM_TREE_MIN = 512;
/** Digests of recent checksum pieces by their text, per hash function. */
const checksumPieceCaches = new WeakMap<object, Map<string, string>>();

export interface SourceChecksum {
  checksum: string;
  /** Piece digests (null for a selection of up to CHECKSUM_TREE_MIN items, hashed whole). */
  pieces: string[] | null;
}

/**
 * The content checksum of a COPY's sources (part of its cache key): sha256 of the items' lines, or for more than
 * CHECKSUM_TREE_MIN items (so the keys of ordinary COPYs stay what they were), sha256 over the digests of CHECKSUM_CHUNK-line pieces. A piece whose items are the very
 * objects of `prev` (a patched selection) keeps its digest; others are looked up by text before hashing.
 */
export function sourceChecksum(items: CopyItem[], sha: (d: string) => string, prev?: { items: CopyItem[]; pieces: string[] | null }, changed?: number[]): SourceChecksum {
  if (items.length <= CHECKSUM_TREE_MIN) return { checksum: sha(checksumText(items)), pieces: null };
  let cache = checksumPieceCaches.get(sha);
  if (!cache) checksumPieceCaches.set(sha, (cache = new Map()));
  const pieces: string[] = [];
  const samePrev = prev && prev.pieces && prev.items.length === items.length ? prev : null;
  // Known changed positions (a patched selection): the other pieces are the previous ones.
  const dirty = samePrev && changed ? new Set(changed.map((i) => Math.floor(i / CHECKSUM_CHUNK))) : null;
  let digests = 'layerlab-checksum-chunks/' + CHECKSUM_CHUNK;
  for (let from = 0, k = 0; from < items.length; from += CHECKSUM_CHUNK, k++) {
    const to = Math.min(items.length, from + CHECKSUM_CHUNK);
    let d: string | undefined;
    if (dirty && !dirty.has(k)) d = samePrev!.pieces![k];
    else if (samePrev && !dirty) {
      let same = true;
      for (let i = from; i < to && same; i++) same = samePrev.items[i] === items[i];
      if (same) d = samePrev.pieces![k];
    }
    if (d === undefined) {
      const text = checksumText(items, from, to);
      d = cache.get(text);
      if (d === undefined) {
        d = sha(text);
        if (cache.size >= 8192) cache.clear();
        cache.set(text, d);
      }
    }
    pieces.push(d);
    digests += '\n' + d;
  }
  return { checksum: sha(digests), pieces };
}

/** What the context transfer of this build found changed since the previous build of the same context dir. */
export interface ContextDelta {
  /** Generation of the context the previous build saw, and of this one. */
  prevGen: number;
  gen: number;
  /** Paths added or modified (mode, content, type). */
  changed: string[];
  /** Some path of the previous build is gone. */
  removed: boolean;
}

/** A COPY's last selection from context directories (in memory only). */
export interface SelectionMemo {
  gen: number;
  roots: string[];
  items: CopyItem[];
  files: FileList;
  pieces: string[] | null;
  /** Source path -> index in `items`. */
  index: Map<string, number>;
}

/** Last selections per COPY (kind, sources, destination), per engine; bounded. */
export class SelectionMemos {
  private m = new Map<string, SelectionMemo>();
  get(key: string): SelectionMemo | undefined {
    return this.m.get(key);
  }
  set(key: string, memo: SelectionMemo): void {
    if (this.m.size >= 64 && !this.m.has(key)) this.m.clear();
    this.m.set(key, memo);
  }
  /** Indexes the items of a fresh selection for later patching (once per full selection). */
  static index(items: CopyItem[]): Map<string, number> | null {
    const index = new Map<string, number>();
    for (let i = 0; i < items.length; i++) {
      if (index.has(items[i].src)) return null;
      index.set(items[i].src, i);
    }
    return index;
  }
}

/**
 * The selection of a COPY of context directories `roots` ("." or directories), given its memo from the build the
 * delta starts at: every changed path below a root must be an item already (a modified file or symlink of the
 * same type), else null (added or removed paths change the shape: select afresh). `remake` builds the new item.
 */
export function patchSelection(
  memo: SelectionMemo,
  delta: ContextDelta,
  roots: string[],
  entry: (path: string) => ContextEntry | undefined,
  remake: (e: ContextEntry, old: CopyItem) => { item: CopyItem; tag: string },
): { items: CopyItem[]; files: FileList; changed: number[] } | null {
  if (delta.removed || memo.gen !== delta.prevGen || memo.roots.length !== roots.length) return null;
  for (let i = 0; i < roots.length; i++) if (memo.roots[i] !== roots[i]) return null;
  const patches: [number, CopyItem, string][] = [];
  for (const p of delta.changed) {
    let below = false;
    for (const r of roots) {
      if (r === '.' || p.startsWith(r + '/')) below = true;
      else if (p === r) return null;
    }
    if (!below) continue;
    const i = memo.index.get(p);
    const e = entry(p);
    if (i === undefined || !e || e.type === 'dir' || e.type !== memo.items[i].node.type) return null;
    const { item, tag } = remake(e, memo.items[i]);
    patches.push([i, item, tag]);
  }
  const files = memo.files.patched(patches.map(([i, , tag]) => [i, tag]));
  if (!files) return null;
  const items = memo.items.slice();
  for (const [i, item] of patches) items[i] = item;
  return { items, files, changed: patches.map(([i]) => i) };
}

