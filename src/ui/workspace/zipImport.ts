/**
 * Importing a .zip (or several files) into a workspace without freezing the page. The zip's central
 * directory is read first (a few milliseconds even for 10,000 entries), so a zip over the limits is refused
 * at once, saying the limit; otherwise the archive is streamed through fflate's `Unzip` + `UnzipInflate`,
 * a chunk at a time, yielding to the page between chunks and reporting progress. The files are handed over
 * in one piece at the end (one edit, one save), and nothing is added when the import fails or is cancelled.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { isProbablyText, normalizePath, type FileContent } from './workspace';

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
export const IMPORT_LIMITS: ImportLimits = { maxFiles: 2000, maxTotalBytes: 50_000_000, maxFileBytes: 20_000_000 };

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
  /** Compressed bytes handed to the inflater per turn. */
  chunkBytes?: number;
}

const defaultYield = () => new Promise<void>((r) => setTimeout(r, 0));

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

export interface ZipDirectory {
  /** File entries (directories not counted). */
  files: number;
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
  const dir: ZipDirectory = { files: 0, totalSize: 0, largest: null };
  const names = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff) {
      // ZIP64: the real size is in the extra field 0x0001
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; e += 4 + u16(b, e + 2)) {
        if (u16(b, e) === 1) {
          size = u64(b, e + 4);
          break;
        }
      }
    }
    if (!name.endsWith('/')) {
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

const asContent = (data: Uint8Array): FileContent => (isProbablyText(data) ? new TextDecoder().decode(data) : data);

/** Unpacks a .zip into workspace files (paths normalised; entries with unusable paths left out). */
export async function importZip(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const limits = opts.limits ?? IMPORT_LIMITS;
  const yieldToPage = opts.yieldToPage ?? defaultYield;
  const chunkBytes = opts.chunkBytes ?? 64 * 1024;
  const dir = readZipDirectory(bytes);
  if (!dir) return { ok: false, error: { kind: 'unreadable', detail: 'no zip end-of-central-directory record' } };
  const refused = checkDirectory(dir, limits);
  if (refused) return { ok: false, error: refused };

  const files: Record<string, FileContent> = {};
  let done = 0;
  let count = 0;
  let total = 0;
  let failure: ImportError | null = null;
  const unzip = new Unzip((file) => {
    if (failure || file.name.endsWith('/')) return;
    if (++count > limits.maxFiles) {
      failure = { kind: 'too-many-files', count, max: limits.maxFiles };
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = { kind: 'unreadable', detail: `${file.name}: ${err.message}` };
        return;
      }
      size += chunk.length;
      total += chunk.length;
      // the directory may understate sizes: the limits hold for what is really unpacked
      if (size > limits.maxFileBytes) failure = { kind: 'file-too-large', path: file.name, size, max: limits.maxFileBytes };
      else if (total > limits.maxTotalBytes) failure = { kind: 'too-large', size: total, max: limits.maxTotalBytes };
      if (failure) return;
      parts.push(chunk);
      if (!final) return;
      const data = parts.length === 1 ? parts[0] : concat(parts, size);
      const p = normalizePath(file.name);
      if (p) files[p] = asContent(data);
      done++;
    };
    try {
      file.start();
    } catch (e) {
      failure = { kind: 'unreadable', detail: `${file.name}: ${e instanceof Error ? e.message : String(e)}` };
    }
  });
  unzip.register(UnzipInflate);
  let lastYield = performance.now();
  for (let i = 0; i < bytes.length || i === 0; i += chunkBytes) {
    if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
    try {
      unzip.push(bytes.subarray(i, i + chunkBytes), i + chunkBytes >= bytes.length);
    } catch (e) {
      failure ??= { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
    }
    if (failure) return { ok: false, error: failure };
    if (performance.now() - lastYield > 12) {
      opts.onProgress?.({ done, total: dir.files });
      await yieldToPage();
      lastYield = performance.now();
    }
  }
  if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
  opts.onProgress?.({ done, total: dir.files });
  return { ok: true, files };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Files picked one by one (not a zip): the same limits, checked before anything is read. */
export function checkPickedFiles(files: { name: string; size: number }[], limits: ImportLimits = IMPORT_LIMITS): ImportError | null {
  const dir: ZipDirectory = { files: files.length, totalSize: 0, largest: null };
  for (const f of files) {
    dir.totalSize += f.size;
    if (!dir.largest || f.size > dir.largest.size) dir.largest = { path: f.name, size: f.size };
  }
  return checkDirectory(dir, limits);
}
