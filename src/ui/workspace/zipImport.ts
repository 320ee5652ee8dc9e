/**
 * Importing a .zip (or several files) into a workspace without freezing the page. The zip's central
 * directory is read first (a few milliseconds even for 10,000 entries), so a zip over the limits is refused
 * at once, saying the limit; otherwise the entries are inflated one by one from the directory (fflate:
 * `inflateSync` into a buffer of the declared size for small entries, the worker-backed async `inflate` for
 * large ones), yielding to the page every few milliseconds and reporting progress. fflate's `Unzip` stream
 * was measured at 1.7 s of buffer growth for 1,900 small files (one 32 kB inflater each); sizing the output
 * from the directory avoids it and also caps memory at the declared sizes the limits were checked against.
 * The files are handed over in one piece at the end (one edit, one save), and nothing is added when the
 * import fails or is cancelled.
 */
import { inflate, inflateSync } from 'fflate';
import { contentOf, normalizePath, type FileContent } from './workspace';

export interface ImportLimits {
  maxFiles: number;
  /** Total unpacked size, bytes. */
  maxTotalBytes: number;
  /** One file's unpacked size, bytes. */
  maxFileBytes: number;
}

/**
 * A workspace is a build context kept in the browser (memory, IndexedDB, and the engine's context reads):
 * a few thousand files and tens of megabytes keep every part responsive.
 */
export const IMPORT_LIMITS: ImportLimits = { maxFiles: 5000, maxTotalBytes: 50_000_000, maxFileBytes: 20_000_000 };

export type ImportError =
  | { kind: 'too-many-files'; count: number; max: number }
  | { kind: 'too-large'; size: number; max: number }
  | { kind: 'file-too-large'; path: string; size: number; max: number }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'cancelled' };

export type ImportResult = { ok: true; files: Record<string, FileContent> } | { ok: false; error: ImportError };

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOptions {
  limits?: ImportLimits;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Gives the page a turn (tests pass a counter). */
  yieldToPage?: () => Promise<void>;
  /** Entries of at least this many compressed bytes are inflated in a worker. */
  workerBytes?: number;
  /**
   * The workspace path of an entry (its name normalised by default), or null to leave it out: left-out
   * entries (a .dockerignore's exclusions) are neither counted against the limits nor read.
   */
  pathOf?: (name: string) => string | null;
  /** The zip's directory when the caller has read it already (it is not read twice). */
  directory?: ZipDirectory;
}

/** Gives the page a turn (a timer task) between slices of an import. */
export const defaultYield = () => new Promise<void>((r) => setTimeout(r, 0));

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipDirectory {
  /** File entries (directories not counted). */
  files: number;
  entries: ZipEntry[];
  /** Declared unpacked size of all files, bytes. */
  totalSize: number;
  /** The largest file, as declared. */
  largest: { path: string; size: number } | null;
}

/** Reads a zip's central directory (entry count and declared sizes); null when the end record is missing. */
export function readZipDirectory(b: Uint8Array): ZipDirectory | null {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  const loc = eocd - 20;
  if ((entries === 0xffff || cdOffset === 0xffffffff) && loc >= 0 && u32(b, loc) === 0x07064b50) {
    const z = u64(b, loc + 8);
    if (z + 56 <= b.length && u32(b, z) === 0x06064b50) {
      entries = u64(b, z + 32);
      cdOffset = u64(b, z + 48);
    }
  }
  const dir: ZipDirectory = { files: 0, entries: [], totalSize: 0, largest: null };
  const names = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64: the real values are in the extra field 0x0001, in this order, for those that overflowed
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; e += 4 + u16(b, e + 2)) {
        if (u16(b, e) !== 1) continue;
        let o = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, o);
          o += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, o);
          o += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, o);
        break;
      }
    }
    if (!name.endsWith('/')) {
      dir.entries.push({ name, method, flags, compressedSize, size, localOffset });
      dir.files++;
      dir.totalSize += size;
      if (!dir.largest || size > dir.largest.size) dir.largest = { path: name, size };
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return dir;
}

function checkDirectory(dir: ZipDirectory, limits: ImportLimits): ImportError | null {
  if (dir.files > limits.maxFiles) return { kind: 'too-many-files', count: dir.files, max: limits.maxFiles };
  if (dir.totalSize > limits.maxTotalBytes) return { kind: 'too-large', size: dir.totalSize, max: limits.maxTotalBytes };
  if (dir.largest && dir.largest.size > limits.maxFileBytes) return { kind: 'file-too-large', path: dir.largest.path, size: dir.largest.size, max: limits.maxFileBytes };
  return null;
}


/** Unpacks a .zip into workspace files (paths normalised; entries with unusable paths left out). */
export async function importZip(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const limits = opts.limits ?? IMPORT_LIMITS;
  const yieldToPage = opts.yieldToPage ?? defaultYield;
  const workerBytes = opts.workerBytes ?? 1024 * 1024;
  const whole = opts.directory ?? readZipDirectory(bytes);
  if (!whole) return { ok: false, error: { kind: 'unreadable', detail: 'no zip end-of-central-directory record' } };
  const pathOf = opts.pathOf ?? normalizePath;
  const dir = opts.pathOf ? keptEntries(whole, pathOf) : whole;
  const refused = checkDirectory(dir, limits);
  if (refused) return { ok: false, error: refused };

  const files: Record<string, FileContent> = {};
  let done = 0;
  // The total is known from the directory: say it before the first entry is read, and let the page show it.
  opts.onProgress?.({ done, total: dir.files });
  await yieldToPage();
  let lastYield = performance.now();
  for (const e of dir.entries) {
    if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
    let data: Uint8Array;
    try {
      data = await readZipEntry(bytes, e, workerBytes);
    } catch (err) {
      return { ok: false, error: { kind: 'unreadable', detail: `${e.name}: ${err instanceof Error ? err.message : String(err)}` } };
    }
    const p = pathOf(e.name);
    if (p) files[p] = contentOf(data);
    done++;
    if (performance.now() - lastYield > 8) {
      opts.onProgress?.({ done, total: dir.files });
      await yieldToPage();
      lastYield = performance.now();
    }
  }
  if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
  opts.onProgress?.({ done, total: dir.files });
  return { ok: true, files };
}

/** The directory without the entries `pathOf` leaves out. */
function keptEntries(dir: ZipDirectory, pathOf: (name: string) => string | null): ZipDirectory {
  const out: ZipDirectory = { files: 0, entries: [], totalSize: 0, largest: null };
  for (const e of dir.entries) {
    if (pathOf(e.name) === null) continue;
    out.entries.push(e);
    out.files++;
    out.totalSize += e.size;
    if (!out.largest || e.size > out.largest.size) out.largest = { path: e.name, size: e.size };
  }
  return out;
}

/** One entry's bytes (throws with the reason when it cannot be read). */
export async function readZipEntry(bytes: Uint8Array, e: ZipEntry, workerBytes = 1024 * 1024): Promise<Uint8Array> {
  if (e.flags & 1) throw new Error('encrypted entries are not supported');
  const h = e.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new Error('local header not found');
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const raw = bytes.subarray(start, start + e.compressedSize);
  if (raw.length !== e.compressedSize) throw new Error('the archive is truncated');
  if (e.method === 0) return raw.slice(0, e.size);
  if (e.method !== 8) throw new Error(`compression method ${e.method} is not supported`);
  if (e.compressedSize >= workerBytes) return inflateInWorker(raw, e.size);
  // the output buffer has the declared size: a lying directory gets a truncated file, never more memory
  return inflateSync(raw, { out: new Uint8Array(e.size) });
}

/** fflate's worker-backed inflate (the page keeps running meanwhile); inline where workers are missing. */
function inflateInWorker(raw: Uint8Array, size: number): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return Promise.resolve(inflateSync(raw, { out: new Uint8Array(size) }));
  return new Promise((resolve, reject) => {
    try {
      inflate(raw.slice(), { size }, (err, out) => (err ? reject(err) : resolve(out.length > size ? out.subarray(0, size) : out)));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** Files picked one by one (not a zip): the same limits, checked before anything is read. */
export function checkPickedFiles(files: { name: string; size: number }[], limits: ImportLimits = IMPORT_LIMITS): ImportError | null {
  const dir: ZipDirectory = { files: files.length, entries: [], totalSize: 0, largest: null };
  for (const f of files) {
    dir.totalSize += f.size;
    if (!dir.largest || f.size > dir.largest.size) dir.largest = { path: f.name, size: f.size };
  }
  return checkDirectory(dir, limits);
}
