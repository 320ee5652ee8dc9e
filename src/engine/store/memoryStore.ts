/**
 * The store layout kept in memory: the reference host for the layout's tests (every write counted, a save can
 * be cut off after any number of writes, as a crash would) and the fallback where a host has no storage.
 */
import type { EngineSnapshot } from '../engine';
import { sha256Hex } from '../core/sha256';
import { applySave, DamagedStore, planSave, restoreSnapshot, type LayerRecord, type SaveStats, type StoreWriter } from './layout';

export class MemoryStore {
  meta: string | undefined;
  readonly layers = new Map<string, LayerRecord>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly sections = new Map<string, string>();
  /**
   * Every put and delete so far, in order (`blob:<hex>`, `layer:<hex>`, `section:<hex>`, `meta`, `-layer:<hex>`,
   * `-blob:<hex>`, `-section:<hex>`).
   */
  readonly log: string[] = [];
  /** Sections read back so far (by hex), in order: an unread section is never read. */
  readonly sectionReads: string[] = [];
  /** Stored layers whose blob lists a save read (by hex), in order: garbage collection reads them. */
  readonly blobListReads: string[] = [];
  /** When set, a save stops (throws) once this many more writes were made. */
  crashAfter: number | undefined;
  /** The meta text this host last wrote or read: an identical save writes nothing. */
  private known: string | undefined;
  /** Section texts this host read or wrote (by hex): a section saved with the same text is not hashed again. */
  private knownSections = new Map<string, string>();

  load(): EngineSnapshot | undefined {
    this.known = this.meta;
    this.knownSections.clear();
    if (this.meta === undefined) return undefined;
    return restoreSnapshot(this.meta, {
      hasLayer: (hex) => this.layers.has(hex),
      layer: (hex) => this.layers.get(hex)!,
      blob: (hex) => this.blobs.get(hex),
      hasSection: (hex) => this.sections.has(hex),
      section: (hex) => {
        const text = this.sections.get(hex);
        if (text === undefined) throw new DamagedStore(`section ${hex} is missing`);
        this.sectionReads.push(hex);
        this.knownSections.set(hex, text);
        return text;
      },
    });
  }

  save(snap: EngineSnapshot): SaveStats {
    const stored = { layers: new Set(this.layers.keys()), blobs: new Set(this.blobs.keys()), sections: new Set(this.sections.keys()) };
    const plan = planSave(snap, stored, this.known, sha256Hex, this.knownSections);
    const step = (what: string, apply: () => void) => {
      if (this.crashAfter !== undefined && this.crashAfter-- <= 0) throw new Error(`crashed before ${what}`);
      apply();
      this.log.push(what);
    };
    const w: StoreWriter = {
      putBlob: (hex, bytes) => step(`blob:${hex}`, () => this.blobs.set(hex, bytes)),
      putLayer: (hex, rec) => step(`layer:${hex}`, () => this.layers.set(hex, rec)),
      putSection: (hex, text) => step(`section:${hex}`, () => this.sections.set(hex, text)),
      putMeta: (text) => step('meta', () => (this.meta = text)),
      deleteLayer: (hex) => step(`-layer:${hex}`, () => this.layers.delete(hex)),
      deleteBlob: (hex) => step(`-blob:${hex}`, () => this.blobs.delete(hex)),
      deleteSection: (hex) => step(`-section:${hex}`, () => this.sections.delete(hex)),
    };
    const stats = applySave(
      plan,
      stored,
      (hex) => {
        this.blobListReads.push(hex);
        return this.layers.get(hex)?.blobs;
      },
      w,
      this.known === undefined,
    );
    if (plan.meta !== null) {
      this.known = plan.meta;
      for (const [hex, text] of plan.sections) this.knownSections.set(hex, text);
      for (const hex of [...this.knownSections.keys()]) if (!plan.sectionRefs.has(hex)) this.knownSections.delete(hex);
    }
    return stats;
  }
}
