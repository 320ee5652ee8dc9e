/**
 * The build context as the builder sees it: the host's entries after .dockerignore, with content digests
 * computed once per file and reused across builds (keyed by path, size, mode and content identity).
 */
import type { ContextEntry } from '../core/host';
import { rememberDigest } from '../fs/node';
import { sortedIndex } from '../fs/path';
import { pathMatch } from '../images/reference';
import type { IgnoreMatcher } from './dockerignore';
import { cleanPath } from '../core/clean-path';

const EMPTY = new Uint8Array(0);

interface CachedHash {
  size: number;
  mode: number;
  data: Uint8Array;
  digest: string;
}

/** Per-file digest cache shared by all builds of an engine. */
export class ContextHashCache {
  /** Context dir -> path -> last digest (nested, so a lookup never builds a key string). */
  private dirs = new Map<string, Map<string, CachedHash>>();
  /** Bytes hashed since creation (for measurements). */
  hashedBytes = 0;
  constructor(private sha256: (d: Uint8Array | string) => string) {}

  digest(dir: string, e: ContextEntry): string {
    return this.digestIn(this.dir(dir), e);
  }

  /** The per-path map of one context dir (look it up once per build, then use `digestIn`). */
  dir(dir: string): Map<string, CachedHash> {
    let map = this.dirs.get(dir);
    if (!map) this.dirs.set(dir, (map = new Map()));
    return map;
  }

  digestIn(map: Map<string, CachedHash>, e: ContextEntry): string {
    const data = e.content ?? EMPTY;
    const c = map.get(e.path);
    if (c && c.size === data.length && c.mode === e.mode) {
      if (c.data === data || sameBytes(c.data, data)) {
        if (c.data !== data) rememberDigest(data, c.digest);
        c.data = data;
        return c.digest;
      }
    }
    const digest = this.sha256(data);
    this.hashedBytes += data.length;
    rememberDigest(data, digest);
    map.set(e.path, { size: data.length, mode: e.mode, data, digest });
    return digest;
  }
}

/** Byte equality, a machine word at a time when both arrays are 4-byte aligned (re-read files are compared, not re-hashed). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && n >= 64) {
    const words = n >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    for (let w = 0; w < words; w++) if (wa[w] !== wb[w]) return false;
    i = words << 2;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface SelectedFile {
  /** Path relative to the context root. */
  path: string;
  entry: ContextEntry;
  digest: string;
}

export class BuildContext {
  readonly paths: string[];
  /** The included entries in listing order, parent directories the host did not list included (cheap to walk). */
  list: ContextEntry[] = [];
  private map: Map<string, ContextEntry> | null = null;
  /** `list[i]` is the entry of `paths[i]` (a sorted listing with nothing added): lookups binary-search `paths`. */
  private indexed = false;

  constructor(
    all: ContextEntry[],
    readonly ignore: IgnoreMatcher,
    private cache: ContextHashCache,
    private cacheKeyPrefix: string,
  ) {
    const noIgnore = ignore.patterns.length === 0;
    const listed: string[] = [];
    let sorted = true;
    for (const e of all) {
      if (!noIgnore && ignore.excludes(e.path)) continue;
      const p = e.path;
      // A repeated path also clears `sorted` (the map then keeps the last entry per path).
      if (sorted && listed.length && listed[listed.length - 1] >= p) sorted = false;
      listed.push(p);
      this.list.push(e);
    }
    const has = (d: string) => (this.map ? this.map.has(d) : sortedIndex(listed, d) >= 0);
    if (!sorted) this.buildMap();
    // Parent directories always exist (hosts may list only files; an excluded dir still holds re-included files).
    let lastParent = '';
    let added = false;
    for (let i = 0, n = listed.length; i < n; i++) {
      const p = listed[i];
      let slash = p.lastIndexOf('/');
      // Sorted listings put siblings together: the parent just checked needs no second look.
      if (slash > 0 && slash === lastParent.length && p.startsWith(lastParent)) continue;
      if (slash > 0) lastParent = p.slice(0, slash);
      while (slash > 0) {
        const d = p.slice(0, slash);
        if (has(d)) break;
        const dir: ContextEntry = { path: d, type: 'dir', mode: 0o755 };
        this.buildMap().set(d, dir);
        this.list.push(dir);
        added = true;
        slash = d.lastIndexOf('/');
      }
    }
    // Hosts usually list in order already; sort only when they did not (or parents were added).
    this.paths = added || !sorted ? [...this.buildMap().keys()].sort() : listed;
    if (!sorted) this.list = [...this.buildMap().values()];
    this.indexed = sorted && !added;
  }

  private buildMap(): Map<string, ContextEntry> {
    if (!this.map) {
      const m = new Map<string, ContextEntry>();
      for (const e of this.list) m.set(e.path, e);
      this.map = m;
    }
    return this.map;
  }

  /** Included entries by path (built on first use; `get` and `has` avoid it for sorted listings). */
  get entries(): ReadonlyMap<string, ContextEntry> {
    return this.buildMap();
  }

  get(path: string): ContextEntry | undefined {
    if (this.map || !this.indexed) return this.buildMap().get(path);
    const i = sortedIndex(this.paths, path);
    return i >= 0 ? this.list[i] : undefined;
  }

  /** Sum of included file sizes. */
  get size(): number {
    let s = 0;
    for (const e of this.list) if (e.type === 'file') s += e.content?.length ?? 0;
    return s;
  }

  private hashes: Map<string, CachedHash> | null = null;

  /** Content digest of a file ('dir', 'link:<target>' for the others), from the engine's hash cache. */
  digest(e: ContextEntry): string {
    if (e.type === 'symlink') return 'link:' + (e.target ?? '');
    if (e.type === 'dir') return 'dir';
    return this.cache.digestIn((this.hashes ??= this.cache.dir(this.cacheKeyPrefix)), e);
  }

  has(path: string): boolean {
    const p = cleanPath(path).replace(/^\/+/, '');
    return p === '.' || p === '' || this.get(p) !== undefined;
  }

  /**
   * Resolves one COPY source (already expanded) to context paths: exact path or a filepath.Match glob.
   * Returns the matched roots (files or dirs) relative to the context, or null when nothing matches.
   */
  match(src: string): string[] | null {
    let p = cleanPath(src);
    while (p.startsWith('/')) p = p.slice(1);
    if (p === '' || p === '.') return ['.'];
    if (/[*?[]/.test(p)) {
      const out = this.paths.filter((x) => pathMatch(p, x));
      return out.length ? out : null;
    }
    return this.get(p) ? [p] : null;
  }

  /** Every file, dir and symlink at or under a root (".": everything), sorted. */
  under(root: string): SelectedFile[] {
    const out: SelectedFile[] = [];
    if (root === '.') {
      for (let i = 0; i < this.paths.length; i++) {
        const p = this.paths[i];
        const e = this.indexed ? this.list[i] : this.get(p)!;
        out.push({ path: p, entry: e, digest: this.digest(e) });
      }
      return out;
    }
    const prefix = root + '/';
    const self = this.get(root);
    if (self) out.push({ path: root, entry: self, digest: this.digest(self) });
    if (self?.type === 'dir') {
      // `paths` is sorted, so everything below `root/` is one contiguous run: binary-search its start
      // (a glob matching many dirs would otherwise scan the whole context once per match).
      let lo = 0;
      let hi = this.paths.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.paths[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.paths.length && this.paths[i].startsWith(prefix); i++) {
        const p = this.paths[i];
        const e = this.indexed ? this.list[i] : this.get(p)!;
        out.push({ path: p, entry: e, digest: this.digest(e) });
      }
    }
    return out;
  }
}

/** Size of the tar the legacy client sends ("Sending build context to Docker daemon  2.048kB"). */
export function tarSize(entries: Iterable<ContextEntry>): number {
  let n = 1024;
  for (const e of entries) {
    n += 512;
    if (e.type === 'file') n += Math.ceil((e.content?.length ?? 0) / 512) * 512;
  }
  return n;
}

