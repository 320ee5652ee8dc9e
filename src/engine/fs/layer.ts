/**
 * A layer: a change set over the layers below it (paths added or changed, whiteouts for deletions).
 * Committed layers are immutable and identified by a diffId: sha256 over a canonical serialization of
 * their entries (paths, types, modes, owners, sizes, content digests, symlink targets; no mtimes).
 */
import { contentDigest, isWhiteout, type FsNode, type LayerEntry } from './node';
import { basename, dirname, sortedIndex } from './path';

export type Sha256 = (d: Uint8Array | string) => string;

/** What a layer changed relative to the layers below it. */
export interface LayerDiffSummary {
  added: number;
  modified: number;
  removed: number;
}

export interface LayerChange {
  path: string;
  kind: 'A' | 'C' | 'D';
  type: FsNode['type'] | 'whiteout';
  size: number;
}

/** DiffID of an empty layer (an empty tar archive, 1024 zero bytes), as Docker reports it. */
export const EMPTY_LAYER_DIFF_ID = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

export class Layer {
  private _entries: Map<string, LayerEntry> | null;
  private _hides = false;
  /** Reads the entries of a layer restored from a host's store, on first use (see `Layer.lazy`). */
  private load: (() => Map<string, LayerEntry>) | null = null;
  /** What `load` was made from, so that saving a layer never read gives back the same reference unread. */
  source: unknown = null;
  private childIndex: Map<string, Set<string>> | null = null;

  /** path -> node or whiteout. */
  get entries(): Map<string, LayerEntry> {
    return this._entries ?? this.materialize();
  }

  /** True when the layer holds any whiteout or opaque dir (lookups must then check ancestors). */
  get hides(): boolean {
    if (!this._entries) this.materialize();
    return this._hides;
  }

  set hides(v: boolean) {
    this._hides = v;
  }

  /** False for a layer restored from a store whose entries have not been read yet. */
  get loaded(): boolean {
    return this._entries !== null;
  }

  /**
   * A sealed layer whose entries are read on first use: a host restoring a large store gives layers this way, so
   * a command reads only the layers it touches (`docker version` or `ps` none at all).
   */
  static lazy(load: () => Map<string, LayerEntry>, source: unknown): Layer {
    const l = new Layer(new Map(), false);
    l._entries = null;
    l.load = load;
    l.source = source;
    return l;
  }

  private materialize(): Map<string, LayerEntry> {
    const load = this.load;
    if (!load) throw new Error('layer has no entries');
    this.load = null;
    const entries = load();
    this._entries = entries;
    for (const e of entries.values()) if (isWhiteout(e) || (e as FsNode).opaque) this._hides = true;
    return entries;
  }
  /** Set by `seal`. */
  diffId = '';
  /** Sum of file and symlink sizes in this layer (what `docker history` shows). */
  size = 0;
  /** Summary against the lower layers at commit time. */
  summary: LayerDiffSummary = { added: 0, modified: 0, removed: 0 };
  sealed = false;

  /** `hides`: already known for these entries (a copy of another layer's map); otherwise they are scanned. */
  constructor(entries?: Map<string, LayerEntry>, hides?: boolean) {
    this._entries = entries ?? new Map();
    if (hides !== undefined) this._hides = hides;
    else for (const e of this._entries.values()) if (isWhiteout(e) || (e as FsNode).opaque) this._hides = true;
  }

  /** Set by `patched`: a sealed layer with the same paths (and lower layers) whose summary this one shares. */
  private basis: { layer: Layer; sizeDelta: number; changed: string[] } | null = null;
  /** Piece digests of a sealed layer of more than DIFF_TREE_MIN entries (see computeDiffId), and the hash they used. */
  private pieces: string[] | null = null;
  private piecesSha: Sha256 | null = null;

  /**
   * A new layer holding `before`'s entries with some existing paths given new entries (a rebuilt COPY after
   * files were modified). The caller guarantees the same lower layers, so the change summary is `before`'s.
   * Paths not in `before` make an ordinary layer (no shortcut).
   */
  static patched(before: Layer, changes: [path: string, entry: LayerEntry][]): Layer {
    const l = new Layer(new Map(before.entries), before.hides);
    let sizeDelta = 0;
    let samePaths = before.sealed;
    for (const [p, e] of changes) {
      const old = l.entries.get(p);
      if (!old) samePaths = false;
      else if (!isWhiteout(old) && old.type !== 'dir') sizeDelta -= old.size;
      if (!isWhiteout(e) && e.type !== 'dir') sizeDelta += e.size;
      l.set(p, e);
    }
    if (samePaths) {
      l.sorted = before.sortedPaths();
      l.basis = { layer: before, sizeDelta, changed: changes.map(([p]) => p) };
    }
    return l;
  }

  get(path: string): LayerEntry | undefined {
    return this.entries.get(path);
  }

  set(path: string, e: LayerEntry): void {
    if (this.sealed) throw new Error('layer is sealed');
    if (isWhiteout(e) || (e as FsNode).opaque) this.hides = true;
    const had = this.entries.has(path);
    this.entries.set(path, e);
    if (!had) {
      this.sorted = null;
      this.basis = null;
    }
    if (!had && this.childIndex && path !== '/') {
      const d = dirname(path);
      let s = this.childIndex.get(d);
      if (!s) this.childIndex.set(d, (s = new Set()));
      s.add(basename(path));
    }
  }

  delete(path: string): void {
    if (this.sealed) throw new Error('layer is sealed');
    if (!this.entries.delete(path)) return;
    this.sorted = null;
    this.basis = null;
    if (this.childIndex && path !== '/') this.childIndex.get(dirname(path))?.delete(basename(path));
  }

  /** Names of entries (nodes and whiteouts) directly under `dir` in this layer only. */
  children(dir: string): Iterable<string> {
    if (!this.childIndex) {
      const idx = new Map<string, Set<string>>();
      for (const p of this.entries.keys()) {
        if (p === '/') continue;
        const d = dirname(p);
        let s = idx.get(d);
        if (!s) idx.set(d, (s = new Set()));
        s.add(basename(p));
      }
      this.childIndex = idx;
    }
    return this.childIndex.get(dir) ?? [];
  }

  /** Paths in this layer at or under `root`. */
  pathsUnder(root: string): string[] {
    const out: string[] = [];
    const prefix = root === '/' ? '/' : root + '/';
    for (const p of this.entries.keys()) if (p === root || p.startsWith(prefix)) out.push(p);
    return out;
  }

  private sorted: string[] | null = null;

  /**
   * Paths in sorted order (do not mutate the result), kept until a path is added or removed. A layer with the same path set
   * as a recently sorted one (a rebuilt COPY) reuses that order after checking every path, instead of sorting again.
   */
  sortedPaths(): string[] {
    if (this.sorted) return this.sorted;
    const n = this.entries.size;
    let out: string[] | undefined;
    const prev = n >= SORTED_REUSE_MIN ? recentSorted.get(n) : undefined;
    if (prev) {
      let same = true;
      for (let i = 0; i < prev.length; i++) {
        if (!this.entries.has(prev[i])) {
          same = false;
          break;
        }
      }
      // Same size and every (distinct) path present: the same set, so the same order.
      if (same) out = prev;
    }
    if (!out) {
      out = [...this.entries.keys()].sort();
      if (n >= SORTED_REUSE_MIN) {
        if (recentSorted.size >= 32 && !recentSorted.has(n)) recentSorted.clear();
        recentSorted.set(n, out);
      }
    }
    this.sorted = out;
    return out;
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  /** Canonical text the diffId is computed over (sorted paths; whiteouts as `.wh.` names like the OCI format). */
  canonical(sha256: Sha256): string {
    return this.canonicalRange(sha256, this.sortedPaths(), 0, this.entries.size);
  }

  /** Canonical lines of sorted paths [from, to). */
  private canonicalRange(sha256: Sha256, paths: string[], from: number, to: number): string {
    let out = '';
    for (let i = from; i < to; i++) {
      const p = paths[i];
      const e = this.entries.get(p)!;
      if (i > from) out += '\n';
      if (isWhiteout(e)) {
        const d = dirname(p);
        out += `${d === '/' ? '' : d}/.wh.${basename(p)}`;
        continue;
      }
      const n = e as FsNode;
      out += p + '\t' + n.type + '\t' + octal(n.mode) + '\t' + owner(n.uid, n.gid) + '\t' + sizeAndDigest(n, sha256);
      if (n.opaque) out += `\n${p === '/' ? '' : p}/.wh..wh..opq`;
    }
    return out;
  }

  /**
   * The diffId: sha256 of the canonical text for layers of up to DIFF_TREE_MIN entries (every image layer of the
   * catalog, so their ids are what they always were); above that, sha256 over the digests of consecutive
   * DIFF_CHUNK-line pieces of it (a hash tree, so a layer that shares most entries with an
   * earlier one, such as a COPY rebuilt after a one-file edit, hashes only the pieces that differ). Either way
   * it depends on the content only: the same entries give the same diffId however the layer was made.
   */
  private computeDiffId(sha256: Sha256): string {
    const n = this.entries.size;
    if (n === 0) return EMPTY_LAYER_DIFF_ID;
    const paths = this.sortedPaths();
    if (n <= DIFF_TREE_MIN) return 'sha256:' + sha256(this.canonicalRange(sha256, paths, 0, n));
    // A patched layer with the same paths as its sealed basis: only the pieces holding a changed path differ.
    const b = this.basis;
    let dirty: Set<number> | null = null;
    if (b && b.layer.pieces && b.layer.piecesSha === sha256 && b.layer.pieces.length === Math.ceil(n / DIFF_CHUNK)) {
      dirty = new Set();
      for (const p of b.changed) dirty.add(Math.floor(sortedIndex(paths, p) / DIFF_CHUNK));
    }
    const pieces: string[] = [];
    let digests = 'layerlab-diff-chunks/' + DIFF_CHUNK;
    for (let from = 0; from < n; from += DIFF_CHUNK) {
      const to = Math.min(n, from + DIFF_CHUNK);
      if (dirty && !dirty.has(from / DIFF_CHUNK)) {
        const d = b!.layer.pieces![from / DIFF_CHUNK];
        pieces.push(d);
        digests += '\n' + d;
        continue;
      }
      const first = this.entries.get(paths[from])!;
      const known = chunkDigests.get(first);
      let digest: string | undefined;
      if (known && known.sha256 === sha256 && known.paths.length === to - from) {
        digest = known.digest;
        for (let i = from; i < to; i++) {
          const j = i - from;
          if (known.paths[j] !== paths[i] || known.entries[j] !== this.entries.get(paths[i])) {
            digest = undefined;
            break;
          }
        }
      }
      if (digest === undefined) {
        digest = sha256(this.canonicalRange(sha256, paths, from, to));
        const entries = new Array<LayerEntry>(to - from);
        for (let i = from; i < to; i++) entries[i - from] = this.entries.get(paths[i])!;
        chunkDigests.set(first, { sha256, paths: paths.slice(from, to), entries, digest });
      }
      pieces.push(digest);
      digests += '\n' + digest;
    }
    this.pieces = pieces;
    this.piecesSha = sha256;
    return 'sha256:' + sha256(digests);
  }

  /** Freezes the layer and computes diffId, size and (against `lowerLookup`) the change summary. */
  seal(sha256: Sha256, lowerLookup?: (path: string) => FsNode | null): this {
    if (this.sealed) return this;
    // An empty change set has the diffId of an empty tar, as in Docker (`RUN true` still adds this layer).
    this.diffId = this.computeDiffId(sha256);
    if (this.basis && this.basis.layer.sealed) {
      this.size = this.basis.layer.size + this.basis.sizeDelta;
      this.summary = { ...this.basis.layer.summary };
      this.basis = null;
      this.sealed = true;
      return this;
    }
    let size = 0;
    const sum: LayerDiffSummary = { added: 0, modified: 0, removed: 0 };
    for (const [p, e] of this.entries) {
      if (isWhiteout(e)) {
        sum.removed++;
        continue;
      }
      if (e.type !== 'dir') size += e.size;
      const lower = lowerLookup ? lowerLookup(p) : null;
      if (lower) sum.modified++;
      else sum.added++;
    }
    this.size = size;
    this.summary = sum;
    this.sealed = true;
    return this;
  }

  /** Every change in this layer (or the first `limit`), sorted by path; `lowerLookup` tells added from changed. */
  changes(lowerLookup?: (path: string) => FsNode | null, limit = Infinity): LayerChange[] {
    const sorted = this.sortedPaths();
    return (sorted.length > limit ? sorted.slice(0, limit) : sorted).map((p) => {
      const e = this.entries.get(p)!;
      if (isWhiteout(e)) return { path: p, kind: 'D' as const, type: 'whiteout' as const, size: 0 };
      const lower = lowerLookup ? lowerLookup(p) : null;
      return { path: p, kind: lower ? ('C' as const) : ('A' as const), type: e.type, size: e.type === 'dir' ? 0 : e.size };
    });
  }
}

/** Canonical lines per diffId piece, and the entry count above which a diffId is a hash tree (`Layer.computeDiffId`). */
const DIFF_CHUNK = 64;
const DIFF_TREE_MIN = 512;

/**
 * Digests of diffId pieces, keyed by the piece's first entry: reused when a later layer has the same paths holding
 * the same (immutable, sealed) entry objects. Entries are shared between layers when a rebuilt COPY keeps the nodes
 * of unchanged files.
 */
const chunkDigests = new WeakMap<object, { sha256: Sha256; paths: string[]; entries: LayerEntry[]; digest: string }>();

/** Sorted path lists of recent big layers, by path count (see `Layer.sortedPaths`). */
const SORTED_REUSE_MIN = 64;
const recentSorted = new Map<number, string[]>();

// Canonical-line pieces, cached: a COPY of thousands of files would otherwise format the same numbers thousands of times.
const octals = new Map<number, string>();
/** A file mode in octal ("644"), cached: big layers and COPY listings format the same modes thousands of times. */
export function octal(mode: number): string {
  let s = octals.get(mode);
  if (s === undefined) {
    s = mode.toString(8);
    if (octals.size < 4096) octals.set(mode, s);
  }
  return s;
}

const owners = new Map<number, string>();
function owner(uid: number, gid: number): string {
  if (uid > 0xffff || gid > 0xffff || uid < 0 || gid < 0 || !Number.isInteger(uid) || !Number.isInteger(gid)) return `${uid}:${gid}`;
  const k = uid * 0x10000 + gid;
  let s = owners.get(k);
  if (s === undefined) {
    s = `${uid}:${gid}`;
    if (owners.size < 4096) owners.set(k, s);
  }
  return s;
}

/** `size \t digest` of a file's bytes, kept per byte array (the same array is shared by every layer and rebuild that copies it). */
const tails = new WeakMap<Uint8Array, string>();
function sizeAndDigest(n: FsNode, sha256: Sha256): string {
  if (n.type !== 'file' || n.synthetic || !n.data || n.size !== n.data.length) return n.size + '\t' + contentDigest(n, sha256);
  let t = tails.get(n.data);
  if (t === undefined) {
    t = n.size + '\t' + contentDigest(n, sha256);
    tails.set(n.data, t);
  }
  return t;
}

/** Chain ID of a layer stack (OCI image spec): chain(L0) = diffId0, chain(Ln) = sha256(chain(Ln-1) + " " + diffIdn). */
export function chainIds(diffIds: string[], sha256: Sha256): string[] {
  const out: string[] = [];
  let prev = '';
  for (const d of diffIds) {
    prev = prev === '' ? d : 'sha256:' + sha256(`${prev} ${d}`);
    out.push(prev);
  }
  return out;
}
