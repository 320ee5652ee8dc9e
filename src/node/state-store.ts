/**
 * The headless CLI's persistent state as a content-addressed store, laid out as Docker keeps /var/lib/docker:
 *
 *   <state>/meta.json            the engine snapshot, each sealed layer replaced by a reference, big contents by
 *                                digest, the build records and cache by a reference to their section
 *   <state>/layers/<hex>.json    a sealed layer's entries (named by its diffId; written once, never rewritten)
 *   <state>/blobs/<hex>          a file's bytes (named by their SHA-256; stored once, however many layers hold them)
 *   <state>/sections/<hex>.json  the build records and cache (named by the SHA-256 of the text; read only by the
 *                                commands that use them: `ps` or `image ls` never do)
 *
 * A command writes only what is new: blobs, layers and sections it has not stored yet, then meta.json (atomically,
 * fsynced), and nothing at all when meta.json would not change. Records no longer referenced are removed after
 * meta.json is written, so a kill at any moment leaves a consistent store (at worst some unreferenced files that
 * the next write removes). `LAYERLAB_STATE` names the folder; an old single-file state there is migrated, and a
 * meta.json holding the build slice inline (the store's first form) is read as it is and rewritten at the next save.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineSnapshot } from '../engine/engine';
import { loadStateFile } from './state-file';
import { applySave, DamagedStore, HEX, planSave, restoreSnapshot, type LayerRecord } from '../engine/store/layout';

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
  /** Section texts read during the command (by hex): a section saved with the same text is not hashed again. */
  sections?: Map<string, string>;
  /** An old single-file state to remove once the store is written. */
  migrateFrom?: string;
}

/** The engine's state no longer fits in one metadata text. */
export class StateTooBigError extends Error {
  constructor() {
    super('the state is too big to save (over 512 MiB as JSON); the previous state was kept and this command\'s changes were not saved: remove containers or images (docker rm, docker rmi, docker system prune) and try again');
  }
}

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

const sectionFile = (path: string, hex: string) => join(path, 'sections', `${hex}.json`);

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Writes the snapshot into the store: new blobs and layers, then meta.json atomically; nothing when meta.json
 * would be unchanged. Unreferenced layers and blobs are removed afterwards, when something was dropped.
 */
export function saveStore(path: string, snap: EngineSnapshot, loaded: LoadResult = {}): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === false) {
    // An old single-file state: set it aside until the store is written (a crash meanwhile is recovered at load).
    renameSync(path, `${path}.v1`);
    loaded = { ...loaded, migrateFrom: `${path}.v1` };
  }
  // What the store holds, listed when the plan first asks: a save that leaves meta.json as it was (`ps`, `image
  // ls`) reads no folder when no layer or blob is in question.
  const listed = (sub: string, keep: (f: string) => string | undefined): Set<string> => {
    let names: string[] = [];
    try {
      names = readdirSync(join(path, sub));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    return new Set(names.map(keep).filter((k): k is string => k !== undefined));
  };
  let blobs: Set<string> | undefined;
  let layers: Set<string> | undefined;
  let sections: Set<string> | undefined;
  const jsonHex = (f: string) => (f.endsWith('.json') && HEX.test(f.slice(0, -5)) ? f.slice(0, -5) : undefined);
  const stored = {
    get blobs() {
      return (blobs ??= listed('blobs', (f) => (HEX.test(f) ? f : undefined)));
    },
    get layers() {
      return (layers ??= listed('layers', jsonHex));
    },
    get sections() {
      return (sections ??= listed('sections', jsonHex));
    },
  };
  let plan;
  try {
    plan = planSave(snap, stored, loaded.metaText, sha256, loaded.sections);
  } catch (e) {
    if (e instanceof RangeError) throw new StateTooBigError();
    throw e;
  }
  const layerFile = (hex: string) => join(path, 'layers', `${hex}.json`);
  const blobsOf = (hex: string): string[] | undefined => {
    try {
      return (JSON.parse(readFileSync(layerFile(hex), 'utf8')) as { blobs: string[] }).blobs;
    } catch {
      return undefined;
    }
  };
  if (plan.meta === null && !loaded.migrateFrom) return;
  mkdirSync(join(path, 'blobs'), { recursive: true });
  mkdirSync(join(path, 'layers'), { recursive: true });
  if (plan.sections.size) mkdirSync(join(path, 'sections'), { recursive: true });
  applySave(
    plan,
    stored,
    blobsOf,
    {
      putBlob: (hex, bytes) => writeAtomic(join(path, 'blobs', hex), bytes),
      putLayer: (hex, rec) => writeAtomic(layerFile(hex), JSON.stringify(rec)),
      // fsynced: meta.json, fsynced next, names it
      putSection: (hex, text) => writeAtomic(sectionFile(path, hex), text, true),
      putMeta: (text) => writeAtomic(join(path, 'meta.json'), text, true),
      deleteLayer: (hex) => rmSync(layerFile(hex), { force: true }),
      deleteBlob: (hex) => rmSync(join(path, 'blobs', hex), { force: true }),
      deleteSection: (hex) => rmSync(sectionFile(path, hex), { force: true }),
    },
    !!loaded.migrateFrom || !loaded.metaText,
  );
  if (loaded.migrateFrom) rmSync(loaded.migrateFrom, { force: true });
}

// ---------------------------------------------------------------- reading

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
  const sections = new Map<string, string>();
  // The layers folder listed once (one read, not one lookup per layer an image references).
  let layers: Set<string> | undefined;
  const storedLayers = (): Set<string> => {
    let names: string[] = [];
    try {
      names = readdirSync(join(path, 'layers'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    return new Set(names.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
  };
  try {
    const snapshot = restoreSnapshot(text, {
      hasLayer: (hex) => (layers ??= storedLayers()).has(hex),
      layer: (hex) => {
        try {
          return JSON.parse(readFileSync(join(path, 'layers', `${hex}.json`), 'utf8')) as LayerRecord;
        } catch (e) {
          throw new DamagedStore(`state ${path}: layer ${hex} cannot be read (${e instanceof Error ? e.message : String(e)})`);
        }
      },
      blob: (hex) => {
        try {
          return readFileSync(join(path, 'blobs', hex));
        } catch {
          return undefined;
        }
      },
      hasSection: (hex) => existsSync(sectionFile(path, hex)),
      // Read on the first use of the build records or cache, during the command.
      section: (hex) => {
        let t: string;
        try {
          t = readFileSync(sectionFile(path, hex), 'utf8');
        } catch (e) {
          throw new DamagedStore(`section ${hex} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
        sections.set(hex, t);
        return t;
      },
    });
    return { snapshot, metaText: text, sections };
  } catch (e) {
    return setAside(path, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Keeps a copy of meta.json as `meta.json.damaged` (and of the section records it names, as `<hex>.json.damaged`)
 * when part of the state could not be restored (a damaged container entry the engine skipped, a build section that
 * cannot be read), so nothing is dropped without a copy. Returns the message for stderr.
 */
export function keepDamagedCopy(path: string, what: string): string {
  const meta = join(path, 'meta.json');
  const aside = `${meta}.damaged`;
  try {
    copyFileSync(meta, aside);
    // and the section records it names (kept beside them: the next save removes the records meta no longer names)
    for (const m of readFileSync(meta, 'utf8').matchAll(/"\$section":"([0-9a-f]{64})"/g)) {
      if (existsSync(sectionFile(path, m[1]))) copyFileSync(sectionFile(path, m[1]), `${sectionFile(path, m[1])}.damaged`);
    }
    return `layerlab: state ${path} is partly damaged (${what}); kept a copy of its meta.json at ${aside}\n`;
  } catch (e) {
    return `layerlab: state ${path} is partly damaged (${what}); could not keep a copy (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`;
  }
}

/** Bytes the store holds on disk (blobs, layers, sections and meta.json). */
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
  for (const sub of ['blobs', 'layers', 'sections']) {
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
