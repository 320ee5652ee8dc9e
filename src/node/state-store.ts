/**
 * The headless CLI's persistent state as a content-addressed store, laid out as Docker keeps /var/lib/docker:
 *
 *   <state>/meta.json          the engine snapshot, each sealed layer replaced by a reference, big contents by digest
 *   <state>/layers/<hex>.json  a sealed layer's entries (named by its diffId; written once, never rewritten)
 *   <state>/blobs/<hex>        a file's bytes (named by their SHA-256; stored once, however many layers hold them)
 *
 * A command writes only what is new: blobs and layers it has not stored yet, then meta.json (atomically, fsynced),
 * and nothing at all when meta.json would not change. Blobs and layers no longer referenced are removed after
 * meta.json is written, so a kill at any moment leaves a consistent store (at worst some unreferenced files that
 * the next write removes). `LAYERLAB_STATE` names the folder; an old single-file state there is migrated.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineSnapshot } from '../engine/engine';
import { loadStateFile } from './state-file';

const FORMAT = 'layerlab-store-1';
/** Contents at least this long (as text or base64) are stored as blobs; smaller ones stay in their record. */
const BLOB_MIN = 512;

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLAB_STATE || join(homedir(), '.layerlab', 'state');
}

export interface LoadResult {
  snapshot?: EngineSnapshot;
  /** A message for stderr (a damaged state moved aside, a migration). */
  warning?: string;
  /** The state exists but can be neither used nor moved aside: the command must not run (it would overwrite it). */
  fatal?: string;
  /** meta.json as read: a save that would write the same text writes nothing. */
  metaText?: string;
  /** An old single-file state to remove once the store is written. */
  migrateFrom?: string;
}

/** The engine's state no longer fits in one metadata text. */
export class StateTooBigError extends Error {
  constructor() {
    super('the state is too big to save (over 512 MiB as JSON); the previous state was kept and this command\'s changes were not saved: remove containers or images (docker rm, docker rmi, docker system prune) and try again');
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SEALED = /^sha256:([0-9a-f]{64})$/;
const HEX = /^[0-9a-f]{64}$/;

/** A layer as the engine serialises it (fs/serialize.ts LayerJSON). */
function isLayerJSON(v: Obj): boolean {
  return typeof v.diffId === 'string' && typeof v.size === 'number' && (Array.isArray(v.entries) || typeof v.entries === 'function');
}

/** A layer's entries, or the function a layer restored unread holds instead (it reads them from this store). */
const entriesOf = (v: Obj): Json[] => (typeof v.entries === 'function' ? (v.entries as () => Json[])() : (v.entries as Json[]));

function writeAtomic(file: string, data: string | Uint8Array, sync = false): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeFileSync(fd, data);
    if (sync) fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

// ---------------------------------------------------------------- writing

class Writer {
  /** Blobs and layers present on disk (listed once per save). */
  private readonly blobs: Set<string>;
  private readonly layers: Set<string>;
  /** Blobs referenced from meta.json itself (unsealed layers: containers' writable layers). */
  readonly inlineBlobs = new Set<string>();
  readonly layerRefs = new Set<string>();

  constructor(private readonly dir: string) {
    mkdirSync(join(dir, 'blobs'), { recursive: true });
    mkdirSync(join(dir, 'layers'), { recursive: true });
    this.blobs = new Set(readdirSync(join(dir, 'blobs')));
    this.layers = new Set(readdirSync(join(dir, 'layers')).map((f) => f.replace(/\.json$/, '')));
  }

  private putBlob(bytes: Uint8Array): string {
    const hex = createHash('sha256').update(bytes).digest('hex');
    if (!this.blobs.has(hex)) {
      writeAtomic(join(this.dir, 'blobs', hex), bytes);
      this.blobs.add(hex);
    }
    return hex;
  }

  private entries(list: Json[], blobsOut: Set<string>): Json[] {
    return list.map((pair) => {
      if (!Array.isArray(pair) || !isObj(pair[1])) return pair;
      const e = pair[1];
      let hex: string | undefined;
      let text = false;
      if (typeof e.x === 'string' && e.x.length >= BLOB_MIN) {
        hex = this.putBlob(Buffer.from(e.x, 'utf8'));
        text = true;
      } else if (typeof e.b === 'string' && e.b.length >= BLOB_MIN) {
        hex = this.putBlob(Buffer.from(e.b, 'base64'));
      }
      if (!hex) return pair;
      blobsOut.add(hex);
      const { x: _x, b: _b, ...rest } = e;
      return [pair[0], { ...rest, $h: hex, ...(text ? { $t: 1 } : {}) }];
    });
  }

  /** A snapshot value with its layers stored aside. */
  value(v: Json): Json {
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (!isObj(v)) return v;
    if (isLayerJSON(v)) return this.layer(v);
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.value(x);
    return out;
  }

  private layer(v: Obj): Json {
    const sealed = SEALED.exec(v.diffId as string);
    if (!sealed) return { ...v, entries: this.entries(entriesOf(v), this.inlineBlobs) };
    const hex = sealed[1];
    this.layerRefs.add(hex);
    // A layer still unread since this store gave it is on disk already: it is never read to be saved.
    if (!this.layers.has(hex)) {
      const blobs = new Set<string>();
      const entries = this.entries(entriesOf(v), blobs);
      writeAtomic(join(this.dir, 'layers', `${hex}.json`), JSON.stringify({ blobs: [...blobs], entries }));
      this.layers.add(hex);
    }
    // The summary is against the layers below at commit time: the same content may sit on other bases.
    const { entries: _e, ...rest } = v;
    return { ...rest, $layer: hex };
  }

  /** Removes layers no longer referenced, then blobs no layer and no record references. */
  collect(): void {
    for (const hex of this.layers) {
      if (!this.layerRefs.has(hex)) rmSync(join(this.dir, 'layers', `${hex}.json`), { force: true });
    }
    const live = new Set(this.inlineBlobs);
    for (const hex of this.layerRefs) {
      const file = JSON.parse(readFileSync(join(this.dir, 'layers', `${hex}.json`), 'utf8')) as { blobs: string[] };
      for (const b of file.blobs) live.add(b);
    }
    for (const hex of this.blobs) if (!live.has(hex)) rmSync(join(this.dir, 'blobs', hex), { force: true });
  }
}

/** Layer references and blob references of a meta.json text (to tell whether anything may have become garbage). */
function referencesOf(metaText: string | undefined): { layers: Set<string>; blobs: Set<string> } {
  const layers = new Set<string>();
  const blobs = new Set<string>();
  if (metaText) {
    for (const m of metaText.matchAll(/"\$layer":"([0-9a-f]{64})"/g)) layers.add(m[1]);
    for (const m of metaText.matchAll(/"\$h":"([0-9a-f]{64})"/g)) blobs.add(m[1]);
  }
  return { layers, blobs };
}

/**
 * Writes the snapshot into the store: new blobs and layers, then meta.json atomically; nothing when meta.json
 * would be unchanged. Unreferenced layers and blobs are removed afterwards, when something was dropped.
 */
export function saveStore(path: string, snap: EngineSnapshot, loaded: LoadResult = {}): void {
  if (existsSync(path) && !statSync(path).isDirectory()) {
    // An old single-file state: set it aside until the store is written (a crash meanwhile is recovered at load).
    renameSync(path, `${path}.v1`);
    loaded = { ...loaded, migrateFrom: `${path}.v1` };
  }
  const w = new Writer(path);
  let text: string;
  try {
    text = JSON.stringify({ format: FORMAT, snapshot: w.value(snap as unknown as Json) });
  } catch (e) {
    if (e instanceof RangeError) throw new StateTooBigError();
    throw e;
  }
  if (text !== loaded.metaText) {
    writeAtomic(join(path, 'meta.json'), text, true);
    const before = referencesOf(loaded.metaText);
    const dropped = [...before.layers].some((h) => !w.layerRefs.has(h)) || [...before.blobs].some((h) => !w.inlineBlobs.has(h));
    if (dropped || loaded.migrateFrom || !loaded.metaText) w.collect();
  }
  if (loaded.migrateFrom) rmSync(loaded.migrateFrom, { force: true });
}

// ---------------------------------------------------------------- reading

class DamagedStore extends Error {}

class Reader {
  private readonly blobCache = new Map<string, Buffer>();
  constructor(private readonly dir: string) {}

  private blob(hex: string): Buffer {
    if (!HEX.test(hex)) throw new DamagedStore(`bad blob reference ${hex.slice(0, 80)}`);
    let b = this.blobCache.get(hex);
    if (!b) {
      try {
        b = readFileSync(join(this.dir, 'blobs', hex));
      } catch {
        throw new DamagedStore(`blob ${hex} is missing`);
      }
      this.blobCache.set(hex, b);
    }
    return b;
  }

  private entries(list: Json[]): Json[] {
    return list.map((pair) => {
      if (!Array.isArray(pair) || !isObj(pair[1]) || typeof pair[1].$h !== 'string') return pair;
      const { $h, $t, ...rest } = pair[1];
      const bytes = this.blob($h);
      return [pair[0], $t ? { ...rest, x: bytes.toString('utf8') } : { ...rest, b: bytes.toString('base64') }];
    });
  }

  value(v: Json): Json {
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (!isObj(v)) return v;
    if (typeof v.$layer === 'string') {
      const hex = v.$layer;
      const file = join(this.dir, 'layers', `${hex}.json`);
      if (!HEX.test(hex) || !existsSync(file)) throw new DamagedStore(`layer ${hex.slice(0, 80)} is missing or damaged`);
      const { $layer: _l, ...rest } = v;
      // Read when the engine first uses the layer (fs/serialize.ts): most commands never do.
      const entries = (): Json[] => {
        let stored: { entries: Json[] };
        try {
          stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Json[] };
        } catch (e) {
          throw new DamagedStore(`state ${this.dir}: layer ${hex} cannot be read (${e instanceof Error ? e.message : String(e)})`);
        }
        return this.entries(stored.entries);
      };
      return { ...rest, entries } as unknown as Json;
    }
    if (isLayerJSON(v)) return { ...v, entries: this.entries(v.entries as Json[]) };
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.value(x);
    return out;
  }
}

/** Moves meta.json aside (never silently overwritten) so the engine starts fresh. */
function setAside(path: string, reason: string): LoadResult {
  const meta = join(path, 'meta.json');
  const aside = `${meta}.damaged`;
  try {
    renameSync(meta, aside);
    return { warning: `layerlab: state ${path} is damaged (${reason}); moved its meta.json to ${aside} and started with an empty engine\n` };
  } catch (e) {
    return { fatal: `layerlab: state ${path} is damaged (${reason}) and could not be moved aside (${(e as NodeJS.ErrnoException).code ?? String(e)}); move it away to start fresh\n` };
  }
}

/** Reads the store. Missing → fresh engine. An old single-file state → read, and migrated at the next save. */
export function loadStore(path: string): LoadResult {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { fatal: `layerlab: cannot read state ${path} (${code ?? String(e)}); fix its permissions or move it away\n` };
    // A migration that stopped before the store was written left the old file aside.
    if (existsSync(`${path}.v1`)) return { ...loadStateFile(`${path}.v1`), migrateFrom: `${path}.v1` };
    return {};
  }
  if (!isDir) return loadStateFile(path);
  let text: string;
  try {
    text = readFileSync(join(path, 'meta.json'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return existsSync(`${path}.v1`) ? { ...loadStateFile(`${path}.v1`), migrateFrom: `${path}.v1` } : {};
    return { fatal: `layerlab: cannot read state ${path} (${code ?? String(e)}); fix its permissions or move it away\n` };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (!isObj(data) || data.format !== FORMAT || !isObj(data.snapshot)) return setAside(path, `not a Layerlab store (${FORMAT})`);
    const snapshot = new Reader(path).value(data.snapshot) as Obj;
    if (snapshot.version !== 1) return setAside(path, 'not a Layerlab state (version 1)');
    return { snapshot: snapshot as unknown as EngineSnapshot, metaText: text };
  } catch (e) {
    return setAside(path, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Keeps a copy of meta.json as `meta.json.damaged` when part of it could not be restored (a damaged container
 * entry the engine skipped), so nothing is dropped without a copy. Returns the message for stderr.
 */
export function keepDamagedCopy(path: string, what: string): string {
  const meta = join(path, 'meta.json');
  const aside = `${meta}.damaged`;
  try {
    copyFileSync(meta, aside);
    return `layerlab: state ${path} is partly damaged (${what}); kept a copy of its meta.json at ${aside}\n`;
  } catch (e) {
    return `layerlab: state ${path} is partly damaged (${what}); could not keep a copy (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`;
  }
}

/** Bytes the store holds on disk (blobs, layers and meta.json). */
export function storeSize(path: string): number {
  let n = 0;
  const add = (f: string) => {
    try {
      n += statSync(f).size;
    } catch {
      // removed meanwhile
    }
  };
  add(join(path, 'meta.json'));
  for (const sub of ['blobs', 'layers']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(path, sub));
    } catch {
      continue;
    }
    for (const f of names) add(join(path, sub, f));
  }
  return n;
}
