/**
 * The store layout kept in memory: the reference host for the layout's tests (every write counted, a save can
 * be cut off after any number of writes, as a crash would) and the fallback where a host has no storage.
 */
import type { EngineSnapshot } from '../engine';
import { sha256Hex } from '../core/sha256';
import { applySave, planSave, restoreSnapshot, type LayerRecord, type SaveStats, type StoreWriter } from './layout';

export class MemoryStore {
  meta: string | undefined;
  readonly layers = new Map<string, LayerRecord>();
  readonly blobs = new Map<string, Uint8Array>();
  /** Every put and delete so far, in order (`blob:<hex>`, `layer:<hex>`, `meta`, `-layer:<hex>`, `-blob:<hex>`). */
  readonly log: string[] = [];
  /** When set, a save stops (throws) once this many more writes were made. */
  crashAfter: number | undefined;
  /** The meta text this host last wrote or read: an identical save writes nothing. */
  private known: string | undefined;

  load(): EngineSnapshot | undefined {
    this.known = this.meta;
    if (this.meta === undefined) return undefined;
    return restoreSnapshot(this.meta, {
      hasLayer: (hex) => this.layers.has(hex),
      layer: (hex) => this.layers.get(hex)!,
      blob: (hex) => this.blobs.get(hex),
    });
  }

  save(snap: EngineSnapshot): SaveStats {
    const stored = { layers: new Set(this.layers.keys()), blobs: new Set(this.blobs.keys()) };
    const plan = planSave(snap, stored, this.known, sha256Hex);
    const step = (what: string, apply: () => void) => {
      if (this.crashAfter !== undefined && this.crashAfter-- <= 0) throw new Error(`crashed before ${what}`);
      apply();
      this.log.push(what);
    };
    const w: StoreWriter = {
      putBlob: (hex, bytes) => step(`blob:${hex}`, () => this.blobs.set(hex, bytes)),
      putLayer: (hex, rec) => step(`layer:${hex}`, () => this.layers.set(hex, rec)),
      putMeta: (text) => step('meta', () => (this.meta = text)),
      deleteLayer: (hex) => step(`-layer:${hex}`, () => this.layers.delete(hex)),
      deleteBlob: (hex) => step(`-blob:${hex}`, () => this.blobs.delete(hex)),
    };
    const stats = applySave(plan, stored, (hex) => this.layers.get(hex)?.blobs, w, this.known === undefined);
    if (plan.meta !== null) this.known = plan.meta;
    return stats;
  }
}
