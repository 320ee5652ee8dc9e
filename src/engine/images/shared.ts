/**
 * Structural sharing for image configs. The legacy builder makes an image per instruction, each carrying the whole
 * config and history of the ones before it: with plain copies, a Dockerfile of thousands of ENV or LABEL lines costs
 * memory and time quadratic in its length. Here the growing parts (Env, OnBuild, Labels, ExposedPorts, Volumes,
 * history) are persistent lists of frozen chunks that consecutive images share; only the chunks a step changed are
 * new. A chunk keeps its canonical JSON text, so an image ID (sha256 of the canonical config) is computed from shared
 * pieces. `sharedImageConfig` gives the store an `ImageConfigJSON` whose big fields (config, container_config,
 * history) are materialized on read, so every reader sees the same plain values as before.
 *
 * The pieces are immutable: never change a list, map or history entry taken from a shared config.
 */
import { CANONICAL, canonicalJSON, type ContainerConfig, type HistoryEntry, type ImageConfigJSON } from './config';
import { containerConfigFields, historyEntry, imageConfigFields, isObject, objectAny, SnapshotShapeError, str, type Check } from './shape';

/** Elements per chunk (a chunk grows to 2 × CHUNK by inserts before it splits). */
const CHUNK = 64;

type Chunk<T> = readonly T[];

/** Canonical texts of array chunks and of sorted map-entry chunks (kept per chunk, shared by every list holding it). */
const arrayTexts = new WeakMap<Chunk<unknown>, string>();
const entryTexts = new WeakMap<Chunk<unknown>, string>();

/** A persistent list: versions share their unchanged chunks. Every chunk but the last has at least CHUNK elements. */
export class SharedList<T> {
  readonly length: number;

  private constructor(readonly chunks: readonly Chunk<T>[]) {
    let n = 0;
    for (const c of chunks) n += c.length;
    this.length = n;
  }

  static empty<T>(): SharedList<T> {
    return new SharedList<T>([]);
  }

  /** The list of `items`, reusing the chunks of `prev` whose elements are the very same (===) at the same places. */
  static of<T>(items: readonly T[], prev?: SharedList<T>): SharedList<T> {
    const out: Chunk<T>[] = [];
    let off = 0;
    if (prev) {
      for (const c of prev.chunks) {
        const end = off + c.length;
        if (end > items.length || (c.length < CHUNK && end < items.length)) break;
        let same = true;
        for (let i = 0; i < c.length; i++) {
          if (items[off + i] !== c[i]) {
            same = false;
            break;
          }
        }
        out.push(same ? c : items.slice(off, end));
        off = end;
      }
    }
    for (; off < items.length; off += CHUNK) out.push(items.slice(off, off + CHUNK));
    return new SharedList(out);
  }

  /** This list's first `keep` elements followed by `add` (sharing the chunks that stay whole). */
  derive(keep: number, add: readonly T[]): SharedList<T> {
    const total = keep + add.length;
    const out: Chunk<T>[] = [];
    let off = 0;
    let ci = 0;
    for (; ci < this.chunks.length; ci++) {
      const c = this.chunks[ci];
      const end = off + c.length;
      if (end > keep || (c.length < CHUNK && end < total)) break;
      out.push(c);
      off = end;
    }
    const rest: T[] = [];
    for (; ci < this.chunks.length && off < keep; ci++) {
      const c = this.chunks[ci];
      for (let i = 0; i < c.length && off < keep; i++, off++) rest.push(c[i]);
    }
    for (const x of add) rest.push(x);
    for (let i = 0; i < rest.length; i += CHUNK) out.push(rest.slice(i, i + CHUNK));
    return new SharedList(out);
  }

  /** How many leading elements this list and `other` have in common (whole shared chunks are skipped at once). */
  commonPrefix(other: SharedList<T>): number {
    let n = 0;
    const a = this.chunks;
    const b = other.chunks;
    for (let ci = 0; ci < a.length && ci < b.length; ci++) {
      if (a[ci] === b[ci]) {
        n += a[ci].length;
        continue;
      }
      const x = a[ci];
      const y = b[ci];
      let i = 0;
      while (i < x.length && i < y.length && x[i] === y[i]) i++;
      n += i;
      if (i < x.length || x.length !== y.length) return n;
    }
    return n;
  }

  /** Where index `i` is: [chunk, offset]; for i === length, just after the last element. */
  private locate(i: number): [number, number] {
    let ci = 0;
    while (ci < this.chunks.length - 1 && i >= this.chunks[ci].length) i -= this.chunks[ci++].length;
    return [ci, i];
  }

  at(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const [ci, k] = this.locate(i);
    return this.chunks[ci][k];
  }

  set(i: number, v: T): SharedList<T> {
    const [ci, k] = this.locate(i);
    const c = this.chunks[ci].slice();
    c[k] = v;
    const chunks = this.chunks.slice();
    chunks[ci] = c;
    return new SharedList(chunks);
  }

  insert(i: number, v: T): SharedList<T> {
    if (!this.chunks.length) return new SharedList([[v]]);
    const [ci, k] = this.locate(i);
    const c = this.chunks[ci].slice();
    c.splice(k, 0, v);
    const chunks = this.chunks.slice();
    if (c.length >= 2 * CHUNK) chunks.splice(ci, 1, c.slice(0, CHUNK), c.slice(CHUNK));
    else chunks[ci] = c;
    return new SharedList(chunks);
  }

  toArray(): T[] {
    const out: T[] = [];
    for (const c of this.chunks) for (const x of c) out.push(x);
    return out;
  }

  /** The elements from index `from` on (chunks before it are skipped whole). */
  slice(from: number): T[] {
    const out: T[] = [];
    let off = 0;
    for (const c of this.chunks) {
      if (off + c.length <= from) {
        off += c.length;
        continue;
      }
      for (let i = Math.max(0, from - off); i < c.length; i++) out.push(c[i]);
      off += c.length;
    }
    return out;
  }

  /** Joined with `+`, not `join`: the engine keeps the pieces as a rope, so the text is copied once, when hashed. */
  [CANONICAL](): string {
    let out = '[';
    for (let i = 0; i < this.chunks.length; i++) {
      const c = this.chunks[i];
      let t = arrayTexts.get(c);
      if (t === undefined) {
        t = c.map((x) => (x === undefined ? 'null' : canonicalJSON(x))).join(',');
        // A short (last) chunk is copied by the next version anyway: its text is not worth keeping.
        if (c.length >= CHUNK) arrayTexts.set(c, t);
      }
      out += i ? ',' + t : t;
    }
    return out + ']';
  }
}

type Entry<V> = readonly [string, V];

function isEmptyObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) return false;
  return true;
}

/** The value of every `{}` entry in a shared map (ExposedPorts, Volumes): one frozen object, compared by identity. */
const EMPTY: Record<string, never> = Object.freeze({});

/** An entry's stored value: a copy as cloneConfig makes it, `EMPTY` for `{}`. */
function entryValue<V>(v: V): V {
  return isEmptyObject(v) ? (EMPTY as V) : jsonClone(v);
}

/** Whether a plain value `a` equals a stored entry value `b`. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (b === EMPTY) return isEmptyObject(a);
  return canonicalJSON(a) === canonicalJSON(b);
}

/** A copy as `cloneConfig` makes it (JSON round trip), without the round trip for strings and `{}`. */
function jsonClone<V>(v: V): V {
  if (typeof v !== 'object' || v === null) return v;
  if (isEmptyObject(v)) return {} as V;
  return JSON.parse(JSON.stringify(v)) as V;
}

/**
 * A persistent string-keyed map (Labels, ExposedPorts, Volumes): its entries in insertion order (what the plain
 * object enumerates) and sorted by key (what canonical JSON needs), both shared lists of the same entry pairs.
 */
export class SharedMap<V> {
  private constructor(
    readonly order: SharedList<Entry<V>>,
    readonly sorted: SharedList<Entry<V>>,
  ) {}

  get size(): number {
    return this.order.length;
  }

  static fromEntries<V>(entries: readonly Entry<V>[]): SharedMap<V> {
    const sorted = entries.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new SharedMap(SharedList.of(entries), SharedList.of(sorted));
  }

  /** The map of `obj` (values copied as cloneConfig does), sharing `prev`'s chunks when `obj` only changed values or added keys. */
  static of<V>(obj: Record<string, V>, prev?: SharedMap<V>): SharedMap<V> {
    let keys = Object.keys(obj);
    for (const k of keys) {
      if (obj[k] === undefined) {
        keys = keys.filter((x) => obj[x] !== undefined);
        break;
      }
    }
    if (prev && keys.length >= prev.size) {
      let order = prev.order;
      let sorted = prev.sorted;
      let i = 0;
      let ok = true;
      outer: for (const c of prev.order.chunks) {
        for (const [k, v] of c) {
          if (keys[i] !== k) {
            ok = false;
            break outer;
          }
          const x = obj[k];
          if (x !== v && !sameValue(x, v)) {
            const e: Entry<V> = [k, entryValue(obj[k])];
            order = order.set(i, e);
            sorted = sorted.set(lowerBound(sorted, k), e);
          }
          i++;
        }
      }
      if (ok) {
        for (; i < keys.length; i++) {
          const k = keys[i];
          const e: Entry<V> = [k, entryValue(obj[k])];
          order = order.insert(order.length, e);
          sorted = sorted.insert(lowerBound(sorted, k), e);
        }
        return order === prev.order ? prev : new SharedMap(order, sorted);
      }
    }
    return SharedMap.fromEntries(keys.map((k): Entry<V> => [k, entryValue(obj[k])]));
  }

  /** This map's first `keep` entries (insertion order) and then `add`. */
  derive(keep: number, add: readonly Entry<V>[]): SharedMap<V> {
    const order = this.order.derive(keep, add);
    if (keep !== this.size) return SharedMap.fromEntries(order.toArray());
    let sorted = this.sorted;
    for (const e of add) sorted = sorted.insert(lowerBound(sorted, e[0]), e);
    return new SharedMap(order, sorted);
  }

  toObject(): Record<string, V> {
    const out: Record<string, V> = {};
    for (const c of this.order.chunks) {
      for (const [k, v] of c) {
        // An own "__proto__" key (as JSON.parse makes it), not a prototype change.
        if (k === '__proto__') Object.defineProperty(out, k, { value: jsonClone(v), writable: true, enumerable: true, configurable: true });
        else out[k] = jsonClone(v);
      }
    }
    return out;
  }

  [CANONICAL](): string {
    let out = '{';
    for (let i = 0; i < this.sorted.chunks.length; i++) {
      const c = this.sorted.chunks[i];
      let t = entryTexts.get(c);
      if (t === undefined) {
        t = c.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJSON(v)).join(',');
        if (c.length >= CHUNK) entryTexts.set(c, t);
      }
      out += i ? ',' + t : t;
    }
    return out + '}';
  }
}

/** Index of the first entry whose key is not below `key` (binary search over chunks, then within one). */
function lowerBound<V>(list: SharedList<Entry<V>>, key: string): number {
  const chunks = list.chunks;
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid];
    if (c[c.length - 1][0] < key) lo = mid + 1;
    else hi = mid;
  }
  let base = 0;
  for (let i = 0; i < lo; i++) base += chunks[i].length;
  if (lo === chunks.length) return base;
  const c = chunks[lo];
  let a = 0;
  let b = c.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (c[m][0] < key) a = m + 1;
    else b = m;
  }
  return base + a;
}

// ---------------------------------------------------------------- configs

/** A container config whose list and map fields are shared (`LIST_FIELDS`, `MAP_FIELDS`); the rest plain JSON. */
export type SharedContainerConfig = Record<string, unknown>;

/** An image config JSON with shared config, container_config and history (the rest plain). */
export interface SharedImageConfig {
  [key: string]: unknown;
  config: SharedContainerConfig;
  container_config?: SharedContainerConfig;
  history: SharedList<HistoryEntry>;
}

export const LIST_FIELDS: ReadonlySet<string> = new Set(['Env', 'OnBuild']);
export const MAP_FIELDS: ReadonlySet<string> = new Set(['Labels', 'ExposedPorts', 'Volumes']);

/**
 * The shared form of a container config (as `cloneConfig` would copy it), reusing what it has in common with `prev`
 * (the config of the step before): unchanged lists and maps keep their chunks, unchanged plain fields their value.
 */
export function shareContainerConfig(c: ContainerConfig, prev?: SharedContainerConfig): SharedContainerConfig {
  const out: SharedContainerConfig = {};
  const src = c as Record<string, unknown>;
  for (const k of Object.keys(src)) {
    const v = src[k];
    if (v === undefined) continue;
    const p = prev?.[k];
    if (LIST_FIELDS.has(k) && Array.isArray(v)) out[k] = SharedList.of(v, p instanceof SharedList ? (p as SharedList<unknown>) : undefined);
    else if (MAP_FIELDS.has(k) && typeof v === 'object' && v !== null && !Array.isArray(v)) out[k] = SharedMap.of(v as Record<string, unknown>, p instanceof SharedMap ? (p as SharedMap<unknown>) : undefined);
    else out[k] = p !== undefined && !(p instanceof SharedList) && !(p instanceof SharedMap) && canonicalJSON(p) === canonicalJSON(v) ? p : jsonClone(v);
  }
  return out;
}

/**
 * The plain container config, with fresh values callers may keep or change. A shared list or map field becomes a
 * plain array or object when first read (then an ordinary property), so reading `Labels` does not copy `Env`.
 */
export function plainContainerConfig(c: SharedContainerConfig): ContainerConfig {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(c)) {
    const v = c[k];
    if (v instanceof SharedList || v instanceof SharedMap) {
      const settle = (self: Record<string, unknown>, value: unknown) => Object.defineProperty(self, k, { value, writable: true, enumerable: true, configurable: true });
      Object.defineProperty(out, k, {
        enumerable: true,
        configurable: true,
        get(this: Record<string, unknown>) {
          const value = v instanceof SharedList ? v.toArray() : (v as SharedMap<unknown>).toObject();
          settle(this, value);
          return value;
        },
        set(this: Record<string, unknown>, value: unknown) {
          settle(this, value);
        },
      });
    } else out[k] = jsonClone(v);
  }
  return out as ContainerConfig;
}

const sharedOf = new WeakMap<object, SharedImageConfig>();

/** The shared form behind an image config made by `sharedImageConfig`, if it is one. */
export function sharedConfigOf(cfg: ImageConfigJSON): SharedImageConfig | undefined {
  return sharedOf.get(cfg);
}

/**
 * An `ImageConfigJSON` over a shared config: small fields are plain properties, `config`, `container_config` and
 * `history` are materialized on each read (enumerable getters, so JSON.stringify and spreads see plain values).
 */
export function sharedImageConfig(s: SharedImageConfig): ImageConfigJSON {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(s)) {
    const v = s[k];
    if (v === undefined) continue;
    if (k === 'config' || k === 'container_config') Object.defineProperty(out, k, { enumerable: true, get: () => plainContainerConfig(v as SharedContainerConfig) });
    else if (v instanceof SharedList) Object.defineProperty(out, k, { enumerable: true, get: () => (v as SharedList<unknown>).toArray() });
    else out[k] = v;
  }
  const cfg = out as unknown as ImageConfigJSON;
  sharedOf.set(cfg, s);
  return cfg;
}

/** Canonical JSON of one top-level field of an image config, without materializing a shared one. */
export function canonicalField(cfg: ImageConfigJSON, key: 'config' | 'container_config' | 'history'): string | undefined {
  const s = sharedOf.get(cfg);
  const v = s ? s[key] : cfg[key];
  return v === undefined ? undefined : canonicalJSON(v);
}

// ---------------------------------------------------------------- snapshots

/**
 * One field of a shared config in a snapshot, relative to a reference (the base image's config, or for
 * container_config the image's own config): `[key, 'v', value]` plain, `[key, 's']` the reference's value,
 * `[key, 'l', keep, added]` a list (the reference's first `keep` elements, then these), `[key, 'm', keep, entries]`
 * a map in insertion order, `[key, 'o', fields, 'config'?]` config or container_config field by field.
 */
export type SharedFieldJSON =
  | [string, 'v', unknown]
  | [string, 's']
  | [string, 'l', number, unknown[]]
  | [string, 'm', number, [string, unknown][]]
  | [string, 'o', SharedFieldJSON[]]
  | [string, 'o', SharedFieldJSON[], 'config'];

/** A shared image config in a snapshot: its fields relative to the config of `base` (an image stored before it). */
export interface SharedConfigJSON {
  base?: string;
  fields: SharedFieldJSON[];
}

function encodeFields(obj: Record<string, unknown>, ref: Record<string, unknown> | undefined, top: boolean): SharedFieldJSON[] {
  const out: SharedFieldJSON[] = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    const r = ref && Object.prototype.hasOwnProperty.call(ref, k) ? ref[k] : undefined;
    if (r !== undefined && v === r) out.push([k, 's']);
    else if (v instanceof SharedList) {
      const keep = r instanceof SharedList ? v.commonPrefix(r as SharedList<unknown>) : 0;
      out.push([k, 'l', keep, v.slice(keep)]);
    } else if (v instanceof SharedMap) {
      const keep = r instanceof SharedMap ? v.order.commonPrefix((r as SharedMap<unknown>).order) : 0;
      out.push([k, 'm', keep, (v as SharedMap<unknown>).order.slice(keep).map((e): [string, unknown] => [e[0], e[1]])]);
    } else if (top && k === 'config') out.push([k, 'o', encodeFields(v as Record<string, unknown>, isObject(r) ? r : undefined, false)]);
    else if (top && k === 'container_config') out.push([k, 'o', encodeFields(v as Record<string, unknown>, obj.config as Record<string, unknown>, false), 'config']);
    else out.push([k, 'v', v]);
  }
  return out;
}

/** A shared config's snapshot form relative to `base` (its parent's; without one, whole). */
export function encodeSharedConfig(s: SharedImageConfig, base?: SharedImageConfig): SharedFieldJSON[] {
  return encodeFields(s, base, true);
}

const fail = (where: string, what: string): never => {
  throw new SnapshotShapeError(where, what);
};

/** The check for each element a list field adds, per level. */
function listElement(top: boolean, k: string): Check | undefined {
  if (top) return k === 'history' ? historyEntry : undefined;
  return LIST_FIELDS.has(k) ? str : undefined;
}

function mapValue(k: string): Check | undefined {
  if (k === 'Labels') return str;
  return MAP_FIELDS.has(k) ? objectAny : undefined;
}

function decodeFields(fields: unknown, ref: Record<string, unknown> | undefined, where: string, top: boolean): Record<string, unknown> {
  if (!Array.isArray(fields)) fail(where, 'is not a list');
  const out: Record<string, unknown> = {};
  // container_config may refer to config, wherever config is in the list: decode config first (keys keep their order).
  let config: Record<string, unknown> | undefined;
  if (top) {
    const at = (fields as unknown[]).findIndex((f) => Array.isArray(f) && f[0] === 'config');
    const f = (fields as unknown[])[at] as unknown[] | undefined;
    if (f && f[1] === 'o' && f[3] === undefined) config = decodeFields(f[2], isObject(ref?.config) ? ref.config : undefined, `${where}[${at}][2]`, false);
  }
  (fields as unknown[]).forEach((f, i) => {
    const w = `${where}[${i}]`;
    if (!Array.isArray(f) || typeof f[0] !== 'string') return fail(w, 'is not a field');
    const k = f[0];
    if (k === '__proto__') fail(w, 'names a forbidden field');
    const r = ref && Object.prototype.hasOwnProperty.call(ref, k) ? ref[k] : undefined;
    switch (f[1]) {
      case 's':
        if (r === undefined) fail(w, 'refers to a field its base does not have');
        out[k] = r;
        return;
      case 'v':
        if (f.length !== 3) fail(w, 'is not a value field');
        out[k] = f[2];
        return;
      case 'l': {
        const check = listElement(top, k);
        if (!check) return fail(w, 'is not a list field');
        const base = r instanceof SharedList ? (r as SharedList<unknown>) : SharedList.empty<unknown>();
        const keep = f[2] as unknown;
        if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0 || keep > base.length) fail(w, 'keeps more than its base has');
        if (!Array.isArray(f[3])) fail(w, 'adds no list');
        (f[3] as unknown[]).forEach((x, j) => check(x, `${w}[3][${j}]`));
        out[k] = base.derive(keep as number, f[3] as unknown[]);
        return;
      }
      case 'm': {
        const check = top ? undefined : mapValue(k);
        if (!check) return fail(w, 'is not a map field');
        const base = r instanceof SharedMap ? (r as SharedMap<unknown>) : SharedMap.fromEntries<unknown>([]);
        const keep = f[2] as unknown;
        if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0 || keep > base.size) fail(w, 'keeps more than its base has');
        if (!Array.isArray(f[3])) fail(w, 'adds no entries');
        (f[3] as unknown[]).forEach((e, j) => {
          if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string') fail(`${w}[3][${j}]`, 'is not an entry');
          check((e as unknown[])[1], `${w}[3][${j}][1]`);
        });
        out[k] = base.derive(keep as number, (f[3] as [string, unknown][]).map((e): Entry<unknown> => [e[0], entryValue(e[1])]));
        return;
      }
      case 'o': {
        if (!top || (k !== 'config' && k !== 'container_config')) return fail(w, 'is not a config field');
        if (f[3] !== undefined && f[3] !== 'config') fail(w, 'refers to an unknown field');
        if (k === 'config' && config) {
          out[k] = config;
          return;
        }
        const sub = f[3] === 'config' ? config : r;
        if (f[3] === 'config' && !sub) fail(w, 'refers to a config it does not have');
        out[k] = decodeFields(f[2], isObject(sub) ? sub : undefined, `${w}[2]`, false);
        return;
      }
      default:
        fail(w, 'is of an unknown kind');
    }
  });
  return out;
}

/**
 * A shared config from its snapshot form (relative to `base`, restored before it). Checks what it restores as
 * `imageConfigJSON` would check the plain config, field by field; throws SnapshotShapeError on damage.
 */
export function decodeSharedConfig(fields: unknown, base: SharedImageConfig | undefined, where: string): SharedImageConfig {
  const out = decodeFields(fields, base, where, true);
  for (const [k, check] of Object.entries(imageConfigFields)) {
    const v = out[k];
    if (k === 'history') {
      if (!(v instanceof SharedList)) fail(`${where}.history`, 'is not a list');
    } else if (k === 'config' || k === 'container_config') {
      if (v === undefined && k === 'container_config') continue;
      if (!isObject(v)) return fail(`${where}.${k}`, 'is not an object');
      for (const [f, x] of Object.entries(v)) {
        if (x instanceof SharedList || x instanceof SharedMap) continue; // checked element by element when decoded
        containerConfigFields[f]?.(x, `${where}.${k}.${f}`);
      }
    } else check(v, `${where}.${k}`);
  }
  return out as SharedImageConfig;
}
