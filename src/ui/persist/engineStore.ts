/**
 * The engine's saved state in IndexedDB, in the content-addressed layout of src/engine/store/layout.ts: database
 * `layerlab-engine`, object stores `meta` (one record, `current`: the snapshot with layers and sections by
 * reference), `layers` (a sealed layer's entries by diffId hex), `blobs` (file bytes by SHA-256) and `sections`
 * (the build records and cache as JSON text, by its SHA-256; parsed on the engine's first use, saved again only
 * when changed). A save writes only what is new, in one readwrite transaction (blobs, layers and sections, then
 * meta, then the records nothing references any more): all of it or, on a full disk or a closed tab, none of it.
 *
 * Uses nothing but the `indexedDB` global: it runs in a window and in a Web Worker alike.
 */
import type { EngineSnapshot } from '../../engine/engine';
import { sha256Hex } from '../../engine/core/sha256';
import { applySave, DamagedStore, planSave, restoreSnapshot, type LayerRecord, type SaveStats, type StoreWriter } from '../../engine/store/layout';
import { MemoryStore } from '../../engine/store/memoryStore';

export const ENGINE_DB = 'layerlab-engine';
const META_KEY = 'current';
const STORES = ['meta', 'layers', 'blobs', 'sections'];

/** What the store holds, in bytes (layer records estimated at 64 bytes an entry). */
export interface StoreUsage {
  blobs: number;
  blobBytes: number;
  layers: number;
  layerBytes: number;
  /** The meta record and the sections it references. */
  metaBytes: number;
}

export interface EngineStore {
  /** The saved snapshot (undefined when nothing was saved yet); throws DamagedStore when its records do not fit. */
  load(): Promise<EngineSnapshot | undefined>;
  /** Saves what changed since the last load or save. Saves run one after another, in the order asked. */
  save(snapshot: EngineSnapshot): Promise<SaveStats>;
  usage(): StoreUsage;
  /** Removes every record (an import replaces the engine state). */
  clear(): Promise<void>;
  close(): void;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Sizes of what this page knows is stored (loaded or written here), kept as records come and go. */
class Sizes {
  readonly blobs = new Map<string, number>();
  readonly layers = new Map<string, number>();
  readonly sections = new Map<string, number>();
  meta = 0;
  usage(): StoreUsage {
    let blobBytes = 0;
    let layerBytes = 0;
    let metaBytes = this.meta;
    for (const n of this.blobs.values()) blobBytes += n;
    for (const n of this.layers.values()) layerBytes += n;
    for (const n of this.sections.values()) metaBytes += n;
    return { blobs: this.blobs.size, blobBytes, layers: this.layers.size, layerBytes, metaBytes };
  }
}

export async function openEngineStore(name = ENGINE_DB): Promise<EngineStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    // version 2 added `sections`; a version-1 database keeps its records, and its meta (build slice inline) loads
    const open = indexedDB.open(name, 2);
    open.onupgradeneeded = () => {
      for (const s of STORES) if (!open.result.objectStoreNames.contains(s)) open.result.createObjectStore(s);
    };
    open.onsuccess = () => {
      // A newer page that upgrades the database is not held up by this one: this one lets go of it.
      open.result.onversionchange = () => open.result.close();
      resolve(open.result);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  /** Records read at load, which unread layers read from on the engine's first use. */
  const layerRecords = new Map<string, LayerRecord>();
  const blobBytes = new Map<string, Uint8Array>();
  /** The blobs each layer this page knows references (for garbage collection). */
  const layerBlobs = new Map<string, readonly string[]>();
  /** Section texts stored (read at load or written here): the reader's source, and texts a save need not hash. */
  const sectionTexts = new Map<string, string>();
  const sizes = new Sizes();
  /** The meta text last read or written here: a save that would write the same writes nothing. */
  let known: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<EngineSnapshot | undefined> => {
    const t = db.transaction(STORES, 'readonly');
    const [meta, lk, lv, bk, bv, sk, sv] = await Promise.all([
      req(t.objectStore('meta').get(META_KEY)) as Promise<unknown>,
      req(t.objectStore('layers').getAllKeys()),
      req(t.objectStore('layers').getAll()) as Promise<LayerRecord[]>,
      req(t.objectStore('blobs').getAllKeys()),
      req(t.objectStore('blobs').getAll()) as Promise<Uint8Array[]>,
      req(t.objectStore('sections').getAllKeys()),
      req(t.objectStore('sections').getAll()) as Promise<unknown[]>,
    ]);
    sk.forEach((k, i) => {
      if (typeof sv[i] !== 'string') return;
      sectionTexts.set(String(k), sv[i]);
      sizes.sections.set(String(k), sv[i].length);
    });
    lk.forEach((k, i) => {
      const rec = lv[i];
      if (!rec || !Array.isArray(rec.blobs) || !Array.isArray(rec.entries)) return;
      layerRecords.set(String(k), rec);
      layerBlobs.set(String(k), rec.blobs);
      sizes.layers.set(String(k), rec.entries.length * 64);
    });
    bk.forEach((k, i) => {
      if (!(bv[i] instanceof Uint8Array)) return;
      blobBytes.set(String(k), bv[i]);
      sizes.blobs.set(String(k), bv[i].length);
    });
    if (meta === undefined) return undefined;
    if (typeof meta !== 'string') throw new DamagedStore('the engine record is not a store meta text');
    known = meta;
    sizes.meta = meta.length;
    // every layer's blobs are checked now: a missing one is found at start, not in the middle of a build
    for (const rec of layerRecords.values()) for (const b of rec.blobs) if (!blobBytes.has(b)) throw new DamagedStore(`blob ${b} is missing`);
    return restoreSnapshot(meta, {
      hasLayer: (hex) => layerRecords.has(hex),
      layer: (hex) => layerRecords.get(hex)!,
      blob: (hex) => blobBytes.get(hex),
      hasSection: (hex) => sectionTexts.has(hex),
      section: (hex) => {
        const text = sectionTexts.get(hex);
        if (text === undefined) throw new DamagedStore(`section ${hex} is missing`);
        return text;
      },
    });
  };

  const saveNow = (snap: EngineSnapshot): Promise<SaveStats> =>
    new Promise<SaveStats>((resolve, reject) => {
      const t = db.transaction(STORES, 'readwrite');
      const L = t.objectStore('layers');
      const B = t.objectStore('blobs');
      const S = t.objectStore('sections');
      const M = t.objectStore('meta');
      let stats: SaveStats | undefined;
      let plan: ReturnType<typeof planSave> | undefined;
      const deleted = { layers: [] as string[], blobs: [] as string[], sections: [] as string[] };
      let failed: unknown;
      t.oncomplete = () => {
        if (!plan || !stats) return reject(failed ?? new Error('the save did not run'));
        if (plan.meta !== null) {
          known = plan.meta;
          sizes.meta = plan.meta.length;
        }
        for (const [hex, rec] of plan.layers) {
          layerBlobs.set(hex, rec.blobs);
          sizes.layers.set(hex, rec.entries.length * 64);
        }
        for (const [hex, b] of plan.blobs) sizes.blobs.set(hex, b.length);
        for (const [hex, text] of plan.sections) {
          sectionTexts.set(hex, text);
          sizes.sections.set(hex, text.length);
        }
        for (const hex of deleted.sections) {
          sectionTexts.delete(hex);
          sizes.sections.delete(hex);
        }
        for (const hex of deleted.layers) {
          layerBlobs.delete(hex);
          layerRecords.delete(hex);
          sizes.layers.delete(hex);
        }
        for (const hex of deleted.blobs) {
          blobBytes.delete(hex);
          sizes.blobs.delete(hex);
        }
        resolve(stats);
      };
      t.onabort = () => reject(failed ?? t.error ?? new Error('the save was aborted'));
      // What is stored is listed inside the transaction: another tab's save cannot slip in between.
      const lr = L.getAllKeys();
      const br = B.getAllKeys();
      const sr = S.getAllKeys();
      // planned in the last listing's success callback, while the transaction is still active
      const plan_ = () => {
        if (lr.readyState !== 'done' || br.readyState !== 'done' || sr.readyState !== 'done') return;
        try {
          const stored = { layers: new Set(lr.result.map(String)), blobs: new Set(br.result.map(String)), sections: new Set(sr.result.map(String)) };
          plan = planSave(snap, stored, known, sha256Hex, sectionTexts);
          const w: StoreWriter = {
            putBlob: (hex, bytes) => B.put(bytes, hex),
            putLayer: (hex, rec) => L.put(rec, hex),
            putSection: (hex, text) => S.put(text, hex),
            putMeta: (text) => M.put(text, META_KEY),
            deleteLayer: (hex) => {
              L.delete(hex);
              deleted.layers.push(hex);
            },
            deleteBlob: (hex) => {
              B.delete(hex);
              deleted.blobs.push(hex);
            },
            deleteSection: (hex) => {
              S.delete(hex);
              deleted.sections.push(hex);
            },
          };
          stats = applySave(plan, stored, (hex) => layerBlobs.get(hex), w, known === undefined);
        } catch (e) {
          failed = e;
          try {
            t.abort();
          } catch {
            // already finished
          }
        }
      };
      lr.onsuccess = plan_;
      br.onsuccess = plan_;
      sr.onsuccess = plan_;
    });

  return {
    load,
    save(snapshot) {
      const run = queue.then(() => saveNow(snapshot));
      queue = run.catch(() => undefined);
      return run;
    },
    usage: () => sizes.usage(),
    clear: async () => {
      await queue;
      const t = db.transaction(STORES, 'readwrite');
      await Promise.all(STORES.map((n) => req(t.objectStore(n).clear())));
      for (const m of [layerRecords, blobBytes, layerBlobs, sectionTexts, sizes.blobs, sizes.layers, sizes.sections]) m.clear();
      known = undefined;
      sizes.meta = 0;
    },
    close: () => db.close(),
  };
}

/** The same API in memory: where IndexedDB is missing (some private windows) and in tests. */
export function memoryEngineStore(store = new MemoryStore()): EngineStore {
  return {
    load: async () => store.load(),
    save: async (snap) => store.save(snap),
    usage: () => {
      let blobBytes = 0;
      for (const b of store.blobs.values()) blobBytes += b.length;
      let entries = 0;
      for (const l of store.layers.values()) entries += l.entries.length;
      let metaBytes = store.meta?.length ?? 0;
      for (const t of store.sections.values()) metaBytes += t.length;
      return { blobs: store.blobs.size, blobBytes, layers: store.layers.size, layerBytes: entries * 64, metaBytes };
    },
    clear: async () => {
      store.meta = undefined;
      store.layers.clear();
      store.blobs.clear();
      store.sections.clear();
      store.load();
    },
    close: () => undefined,
  };
}

/** Removes the whole engine database (reset). */
export function deleteEngineStore(name = ENGINE_DB): Promise<void> {
  return new Promise((resolve) => {
    const d = indexedDB.deleteDatabase(name);
    d.onsuccess = d.onerror = d.onblocked = () => resolve();
  });
}
