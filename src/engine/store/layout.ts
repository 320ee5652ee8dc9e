/**
 * The content-addressed layout an engine snapshot is stored in, as Docker keeps /var/lib/docker, shared by every
 * host (the CLI's state folder, the web app's IndexedDB):
 *
 *   meta            the snapshot with each sealed layer replaced by `{ $layer: <hex> }`, big contents by `$h`
 *                   and each section (SECTIONS) by `{ $section: <hex> }`
 *   layers/<hex>    a sealed layer's entries, named by its diffId: written once, never rewritten
 *   blobs/<hex>     a file's bytes, named by their SHA-256: stored once, however many layers hold them
 *   sections/<hex>  a big part of the snapshot few commands use (the build records and cache), as JSON text named
 *                   by its SHA-256: read on first use, written only when it changed
 *
 * A save is planned here (`planSave`) and applied by a host in this order: new blobs, new layers, new sections,
 * meta, then the records nothing references any more (`garbage`). Applied in that order a save interrupted
 * anywhere leaves a loadable store: meta only ever references records written before it. Pure: hashing is injected.
 */
import type { EngineSnapshot } from '../engine';
import { fromBase64, toBase64 } from '../fs/serialize';

export const STORE_FORMAT = 'layerlab-store-1';
/** Contents at least this long (as text or base64) are stored as blobs; smaller ones stay in their record. */
export const BLOB_MIN = 512;
/**
 * Top-level snapshot keys kept in their own record and restored unread: most commands (`ps`, `image ls`) never
 * need them, and their size grows with history. A section holds plain JSON (no layers, no blob references).
 */
export const SECTIONS: readonly string[] = ['build'];

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** A stored sealed layer: its entries (contents replaced by blob references) and the blobs they reference. */
export interface LayerRecord {
  blobs: string[];
  entries: Json[];
}

/** What a host has stored, listed when a save starts. */
export interface StoredKeys {
  layers: ReadonlySet<string>;
  blobs: ReadonlySet<string>;
  sections: ReadonlySet<string>;
}

/** What one save writes, in the order a host applies it. */
export interface SavePlan {
  blobs: Map<string, Uint8Array>;
  layers: Map<string, LayerRecord>;
  /** New section texts by the SHA-256 hex of their text. */
  sections: Map<string, string>;
  /** The new meta text; null when it would be the same as the last one (nothing is written then). */
  meta: string | null;
  /** Sealed layers the meta references. */
  layerRefs: Set<string>;
  /** Blobs the meta references itself (unsealed layers: containers' writable layers). */
  inlineBlobs: Set<string>;
  /** Sections the meta references. */
  sectionRefs: Set<string>;
  /** Something the previous meta referenced is no longer referenced: there may be garbage to remove. */
  dropped: boolean;
  /**
   * A layer or an inline blob was dropped: only then can a blob have become garbage (a save that only replaces a
   * section, as every build does, need not read the layers' blob lists).
   */
  droppedData: boolean;
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SEALED = /^sha256:([0-9a-f]{64})$/;
export const HEX = /^[0-9a-f]{64}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The store's records do not fit together (a missing layer or blob, a bad reference). */
export class DamagedStore extends Error {}

/**
 * A section restored unread: calling it (or JSON.stringify, through toJSON) reads and parses its record. A save
 * of the same function references the stored record again without reading it.
 */
export type StoredSection = (() => unknown) & { toJSON(): unknown };
/** Unread sections restoreSnapshot gave out -> the hex of their record. */
const storedSections = new WeakMap<object, string>();

/**
 * `v` with `f` applied to each of its members: the same object or array when `f` changed none (most of a snapshot
 * holds no layer: walking it allocates nothing), else a copy with the changed members.
 */
function copyOnWrite(v: Json, f: (x: Json) => Json): Json {
  if (Array.isArray(v)) {
    let out: Json[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const y = f(v[i]);
      if (y !== v[i]) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  if (!isObj(v)) return v;
  let out: Obj | undefined;
  for (const k of Object.keys(v)) {
    const x = v[k];
    const y = f(x);
    if (y !== x) (out ??= { ...v })[k] = y;
  }
  return out ?? v;
}

/** A layer as the engine serialises it (fs/serialize.ts LayerJSON). */
function isLayerJSON(v: Obj): boolean {
  return typeof v.diffId === 'string' && typeof v.size === 'number' && (Array.isArray(v.entries) || typeof v.entries === 'function');
}

/** A layer's entries, or the function a layer restored unread holds instead (it reads them from the store). */
const entriesOf = (v: Obj): Json[] => (typeof v.entries === 'function' ? (v.entries as () => Json[])() : (v.entries as Json[]));

/**
 * Plans a save of `snap` against what is stored: the blobs, layers and sections not stored yet, and the meta text
 * unless it equals `previousMeta`. A layer already stored is not read (an unread layer stays unread), nor is an
 * unread section; a section whose text is one of `knownSections` (hex -> text the host read or wrote) is not hashed.
 */
export function planSave(
  snap: EngineSnapshot,
  stored: StoredKeys,
  previousMeta: string | undefined,
  sha256: (b: Uint8Array) => string,
  knownSections?: ReadonlyMap<string, string>,
): SavePlan {
  const plan: SavePlan = { blobs: new Map(), layers: new Map(), sections: new Map(), meta: null, layerRefs: new Set(), inlineBlobs: new Set(), sectionRefs: new Set(), dropped: false, droppedData: false };
  const putBlob = (bytes: Uint8Array): string => {
    const hex = sha256(bytes);
    if (!stored.blobs.has(hex)) plan.blobs.set(hex, bytes);
    return hex;
  };
  const entries = (list: Json[], blobsOut: Set<string>): Json[] =>
    list.map((pair) => {
      if (!Array.isArray(pair) || !isObj(pair[1])) return pair;
      const e = pair[1];
      let hex: string | undefined;
      let text = false;
      if (typeof e.x === 'string' && e.x.length >= BLOB_MIN) {
        hex = putBlob(encoder.encode(e.x));
        text = true;
      } else if (typeof e.b === 'string' && e.b.length >= BLOB_MIN) {
        hex = putBlob(fromBase64(e.b));
      }
      if (!hex) return pair;
      blobsOut.add(hex);
      const { x: _x, b: _b, ...rest } = e;
      return [pair[0], { ...rest, $h: hex, ...(text ? { $t: 1 } : {}) }];
    });
  const layer = (v: Obj): Json => {
    const sealed = SEALED.exec(v.diffId as string);
    if (!sealed) return { ...v, entries: entries(entriesOf(v), plan.inlineBlobs) };
    const hex = sealed[1];
    plan.layerRefs.add(hex);
    if (!stored.layers.has(hex) && !plan.layers.has(hex)) {
      const blobs = new Set<string>();
      const list = entries(entriesOf(v), blobs);
      plan.layers.set(hex, { blobs: [...blobs], entries: list });
    }
    // The summary is against the layers below at commit time: the same content may sit on other bases.
    const { entries: _e, ...rest } = v;
    return { ...rest, $layer: hex };
  };
  const value = (v: Json): Json => (isObj(v) && isLayerJSON(v) ? layer(v) : copyOnWrite(v, value));
  const section = (v: unknown): Json => {
    let hex = typeof v === 'function' ? storedSections.get(v) : undefined;
    if (hex === undefined) {
      const text = JSON.stringify(typeof v === 'function' ? (v as () => unknown)() : v);
      if (knownSections) for (const [h, t] of knownSections) if (t === text) hex = h;
      if (hex === undefined) {
        hex = sha256(encoder.encode(text));
        if (!stored.sections.has(hex)) plan.sections.set(hex, text);
      }
    }
    plan.sectionRefs.add(hex);
    return { $section: hex };
  };
  const top: Obj = {};
  for (const [k, v] of Object.entries(snap)) {
    if (v === undefined) continue;
    top[k] = SECTIONS.includes(k) && v !== null ? section(v) : value(v as Json);
  }
  const text = JSON.stringify({ format: STORE_FORMAT, snapshot: top });
  if (text !== previousMeta) {
    plan.meta = text;
    const before = referencesOf(previousMeta);
    plan.droppedData = [...before.layers].some((h) => !plan.layerRefs.has(h)) || [...before.blobs].some((h) => !plan.inlineBlobs.has(h));
    plan.dropped = plan.droppedData || [...before.sections].some((h) => !plan.sectionRefs.has(h));
  }
  return plan;
}

/**
 * The records a store holds that the plan's meta no longer references: layers, then blobs no live layer and
 * no meta entry references. `blobsOf` gives a stored layer's blob list; when one cannot be told (undefined), or
 * without `blobsOf` (no blob can have been dropped), no blob is removed this time (a later save removes them).
 */
export function garbage(plan: SavePlan, stored: StoredKeys, blobsOf: ((hex: string) => readonly string[] | undefined) | undefined): { layers: string[]; blobs: string[]; sections: string[] } {
  const layers = [...stored.layers].filter((h) => !plan.layerRefs.has(h));
  const sections = [...stored.sections].filter((h) => !plan.sectionRefs.has(h));
  if (!blobsOf) return { layers, blobs: [], sections };
  const live = new Set(plan.inlineBlobs);
  for (const hex of plan.layerRefs) {
    const list = plan.layers.get(hex)?.blobs ?? blobsOf(hex);
    if (!list) return { layers, blobs: [], sections };
    for (const b of list) live.add(b);
  }
  return { layers, blobs: [...stored.blobs].filter((h) => !live.has(h)), sections };
}

/** Layer, blob and section references of a meta text (to tell whether anything may have become garbage). */
export function referencesOf(metaText: string | undefined): { layers: Set<string>; blobs: Set<string>; sections: Set<string> } {
  const layers = new Set<string>();
  const blobs = new Set<string>();
  const sections = new Set<string>();
  if (metaText) {
    for (const m of metaText.matchAll(/"\$layer":"([0-9a-f]{64})"/g)) layers.add(m[1]);
    for (const m of metaText.matchAll(/"\$h":"([0-9a-f]{64})"/g)) blobs.add(m[1]);
    for (const m of metaText.matchAll(/"\$section":"([0-9a-f]{64})"/g)) sections.add(m[1]);
  }
  return { layers, blobs, sections };
}

/** How a host reads its records back (synchronously: an async host reads them into memory first). */
export interface StoreReader {
  hasLayer(hex: string): boolean;
  /** A stored layer; throws DamagedStore when it cannot be read. */
  layer(hex: string): LayerRecord;
  /** A stored blob; undefined when missing. */
  blob(hex: string): Uint8Array | undefined;
  hasSection(hex: string): boolean;
  /** A stored section's text; throws DamagedStore when it cannot be read. */
  section(hex: string): string;
}

/**
 * The snapshot a meta text holds. Sealed layers come back unread: their entries are a function that reads
 * them on the engine's first use (fs/serialize.ts), so most commands never read most layers. Sections come back
 * unread too, as a StoredSection the subsystem calls on first use (an older meta holding them inline still loads).
 */
export function restoreSnapshot(metaText: string, reader: StoreReader): EngineSnapshot {
  const data: unknown = JSON.parse(metaText);
  if (!isObj(data) || data.format !== STORE_FORMAT || !isObj(data.snapshot)) throw new DamagedStore(`not a Layerlab store (${STORE_FORMAT})`);
  const cache = new Map<string, Uint8Array>();
  const blob = (hex: string): Uint8Array => {
    if (!HEX.test(hex)) throw new DamagedStore(`bad blob reference ${hex.slice(0, 80)}`);
    let b = cache.get(hex);
    if (!b) {
      b = reader.blob(hex);
      if (!b) throw new DamagedStore(`blob ${hex} is missing`);
      cache.set(hex, b);
    }
    return b;
  };
  const entries = (list: Json[]): Json[] =>
    list.map((pair) => {
      if (!Array.isArray(pair) || !isObj(pair[1]) || typeof pair[1].$h !== 'string') return pair;
      const { $h, $t, ...rest } = pair[1];
      const bytes = blob($h);
      return [pair[0], $t ? { ...rest, x: decoder.decode(bytes) } : { ...rest, b: toBase64(bytes) }];
    });
  const value = (v: Json): Json => {
    if (!isObj(v)) return copyOnWrite(v, value);
    if (typeof v.$layer === 'string') {
      const hex = v.$layer;
      if (!HEX.test(hex) || !reader.hasLayer(hex)) throw new DamagedStore(`layer ${hex.slice(0, 80)} is missing or damaged`);
      const { $layer: _l, ...rest } = v;
      return { ...rest, entries: () => entries(reader.layer(hex).entries) } as unknown as Json;
    }
    if (isLayerJSON(v)) return { ...v, entries: entries(v.entries as Json[]) };
    return copyOnWrite(v, value);
  };
  const section = (key: string, hex: Json): StoredSection => {
    if (typeof hex !== 'string' || !HEX.test(hex)) throw new DamagedStore(`${key} record ${String(hex).slice(0, 80)} is not a record reference`);
    // A missing or unreadable record is found on first use: the subsystem that reads it decides what follows.
    const read = (): unknown => {
      if (!reader.hasSection(hex)) throw new DamagedStore(`${key} record ${hex} is missing`);
      const text = reader.section(hex);
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new DamagedStore(`${key} record ${hex} is damaged (${e instanceof Error ? e.message : String(e)})`);
      }
    };
    const fn = Object.assign(read, { toJSON: read });
    storedSections.set(fn, hex);
    return fn;
  };
  const snapshot: Obj = {};
  for (const [k, v] of Object.entries(data.snapshot)) snapshot[k] = SECTIONS.includes(k) && isObj(v) && '$section' in v ? (section(k, v.$section) as unknown as Json) : value(v);
  if (snapshot.version !== 1) throw new DamagedStore('not a Layerlab state (version 1)');
  return snapshot as unknown as EngineSnapshot;
}

/** A snapshot with every unread layer and section read: plain JSON, for a one-file export. */
export function materialize(snap: EngineSnapshot): EngineSnapshot {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'function') return walk((v as () => unknown)());
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = k === 'entries' && typeof x === 'function' ? (x as () => unknown)() : walk(x);
    return out;
  };
  return walk(snap) as EngineSnapshot;
}

/** Bytes a plan writes (blobs, layer records, sections and meta as stored text), for figures and tests. */
export function planBytes(plan: SavePlan): number {
  let n = plan.meta?.length ?? 0;
  for (const t of plan.sections.values()) n += t.length;
  for (const b of plan.blobs.values()) n += b.length;
  for (const l of plan.layers.values()) n += JSON.stringify(l).length;
  return n;
}

/** The writes a host performs, called in the store's order. */
export interface StoreWriter {
  putBlob(hex: string, bytes: Uint8Array): void;
  putLayer(hex: string, record: LayerRecord): void;
  putSection(hex: string, text: string): void;
  putMeta(text: string): void;
  deleteLayer(hex: string): void;
  deleteBlob(hex: string): void;
  deleteSection(hex: string): void;
}

/** What a save wrote and removed. */
export interface SaveStats {
  blobsWritten: number;
  layersWritten: number;
  sectionsWritten: number;
  metaWritten: boolean;
  bytesWritten: number;
  layersDeleted: number;
  blobsDeleted: number;
  sectionsDeleted: number;
}

/**
 * Applies a plan: new blobs, new layers, new sections, meta, then (when `collect`, or when something was
 * dropped) the records no longer referenced. Nothing at all when the meta is unchanged.
 */
export function applySave(plan: SavePlan, stored: StoredKeys, blobsOf: (hex: string) => readonly string[] | undefined, w: StoreWriter, collect = false): SaveStats {
  const stats: SaveStats = { blobsWritten: 0, layersWritten: 0, sectionsWritten: 0, metaWritten: false, bytesWritten: 0, layersDeleted: 0, blobsDeleted: 0, sectionsDeleted: 0 };
  if (plan.meta === null) return stats;
  for (const [hex, bytes] of plan.blobs) w.putBlob(hex, bytes);
  for (const [hex, rec] of plan.layers) w.putLayer(hex, rec);
  for (const [hex, text] of plan.sections) w.putSection(hex, text);
  w.putMeta(plan.meta);
  stats.blobsWritten = plan.blobs.size;
  stats.layersWritten = plan.layers.size;
  stats.sectionsWritten = plan.sections.size;
  stats.metaWritten = true;
  stats.bytesWritten = planBytes(plan);
  if (plan.dropped || collect) {
    const all = {
      layers: new Set([...stored.layers, ...plan.layers.keys()]),
      blobs: new Set([...stored.blobs, ...plan.blobs.keys()]),
      sections: new Set([...stored.sections, ...plan.sections.keys()]),
    };
    const g = garbage(plan, all, plan.droppedData || collect ? blobsOf : undefined);
    for (const hex of g.layers) w.deleteLayer(hex);
    for (const hex of g.blobs) w.deleteBlob(hex);
    for (const hex of g.sections) w.deleteSection(hex);
    stats.layersDeleted = g.layers.length;
    stats.blobsDeleted = g.blobs.length;
    stats.sectionsDeleted = g.sections.length;
  }
  return stats;
}
