/**
 * Bringing a project in: a folder (picked with a folder input, or dropped) or a .zip becomes a workspace. The
 * folder's root `.dockerignore` is applied at upload time with the engine's own matcher: what it excludes is
 * never read, never counted against the limits and never stored (a node_modules or .git it ignores costs
 * nothing); the Dockerfile and the .dockerignore are kept, as the docker CLI always sends them. Files are read
 * a few at a time, the page getting a turn every few milliseconds, with progress and cancel.
 */
import { ignoreMatcher } from '../../engine/build/dockerignore';
import { checkPickedFiles, defaultYield, importZip, readZipDirectory, readZipEntry, IMPORT_LIMITS, type ImportError, type ImportLimits, type ImportProgress } from './zipImport';
import { contentOf, normalizePath, type FileContent } from './workspace';

/** A file to upload: its path inside the project, its size, and how to read it. */
export interface UploadSource {
  path: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export interface UploadOptions {
  limits?: ImportLimits;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  yieldToPage?: () => Promise<void>;
  /** Files read at the same time. */
  parallel?: number;
}

export interface Skipped {
  count: number;
  /** Top-level folders the .dockerignore left out whole (node_modules, .git, …). */
  dirs: string[];
}

export type UploadResult = { ok: true; files: Record<string, FileContent>; skipped: Skipped } | { ok: false; error: ImportError };

const ALWAYS_SENT = new Set(['Dockerfile', '.dockerignore']);

/**
 * What a .dockerignore keeps: a function from a project path to its workspace path (null: left out), and the
 * count of what it left out. A .dockerignore that does not parse filters nothing (the build reports it).
 */
export function dockerignoreFilter(text: string | null): (path: string) => string | null {
  const m = ignoreMatcher(text);
  return (path) => {
    const p = normalizePath(path);
    if (!p) return null;
    if (!m.ok || ALWAYS_SENT.has(p)) return p;
    return m.value.excludes(p) ? null : p;
  };
}

/** Counts left-out paths as they are seen, and the top-level folders left out whole (every path under them). */
class SkippedCount {
  private count = 0;
  private readonly tops = new Map<string, boolean>();
  add(path: string, kept: boolean): void {
    if (!kept) this.count++;
    const i = path.indexOf('/');
    if (i < 0) return;
    const top = path.slice(0, i);
    this.tops.set(top, (this.tops.get(top) ?? true) && !kept);
  }
  summary(): Skipped {
    return { count: this.count, dirs: [...this.tops].filter(([, whole]) => whole).map(([t]) => t).sort() };
  }
}

/** The top-level folders of left-out paths that were left out whole (every path under them left out). */
function skippedSummary(all: string[], kept: Set<string>): Skipped {
  const s = new SkippedCount();
  for (const p of all) s.add(p, kept.has(p));
  return s.summary();
}

/** The common top folder of a set of paths, or '' when they do not share one. */
export function commonRoot(paths: string[]): string {
  let root: string | null = null;
  for (const p of paths) {
    const i = p.indexOf('/');
    const top = i < 0 ? '' : p.slice(0, i);
    if (root === null) root = top;
    if (top !== root || !top) return '';
  }
  return root ?? '';
}

const stripRoot = (root: string) => (p: string) => (root ? p.slice(root.length + 1) : p);

/** Reads a folder's files (the .dockerignore applied first), in slices, with progress. */
export async function uploadFolder(sources: UploadSource[], opts: UploadOptions = {}): Promise<UploadResult> {
  const limits = opts.limits ?? IMPORT_LIMITS;
  const yieldToPage = opts.yieldToPage ?? defaultYield;
  // every step over thousands of files goes in slices, the page getting a turn every few milliseconds: a
  // picked file's path is a DOM attribute (slow by the thousand), then matching, then sizes (a file's size may
  // cost the browser a look at the disk), then reading
  let lastYield = performance.now();
  const slice = async () => {
    if (performance.now() - lastYield > 8) {
      await yieldToPage();
      lastYield = performance.now();
    }
  };
  const paths: string[] = [];
  for (const s of sources) {
    paths.push(s.path);
    await slice();
  }
  const root = commonRoot(paths);
  const rel = stripRoot(root);
  const ignoreAt = paths.findIndex((p) => rel(p) === '.dockerignore');
  const ignoreFile = ignoreAt < 0 ? undefined : sources[ignoreAt];
  let text: string | null = null;
  if (ignoreFile) {
    try {
      text = new TextDecoder().decode(await ignoreFile.read());
    } catch {
      text = null;
    }
  }
  const keep = dockerignoreFilter(text);
  const picked: { source: UploadSource; path: string }[] = [];
  const sized: { name: string; size: number }[] = [];
  const skipped = new SkippedCount();
  for (let i = 0; i < sources.length; i++) {
    if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
    const p = keep(rel(paths[i]));
    skipped.add(rel(paths[i]), !!p);
    if (p) {
      picked.push({ source: sources[i], path: p });
      sized.push({ name: p, size: sources[i].size });
    }
    await slice();
  }
  const refused = checkPickedFiles(sized, limits);
  if (refused) return { ok: false, error: refused };
  const files: Record<string, FileContent> = {};
  const total = picked.length;
  let next = 0;
  let done = 0;
  opts.onProgress?.({ done, total });
  const worker = async (): Promise<void> => {
    while (next < total && !opts.signal?.aborted) {
      const { source, path } = picked[next++];
      const bytes = await source.read();
      files[path] = contentOf(bytes);
      done++;
      if (performance.now() - lastYield > 8) {
        lastYield = performance.now();
        opts.onProgress?.({ done, total });
        await yieldToPage();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.parallel ?? 8, Math.max(1, total)) }, worker));
  } catch (e) {
    return { ok: false, error: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (opts.signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
  opts.onProgress?.({ done, total });
  return { ok: true, files, skipped: skipped.summary() };
}

/** A .zip as a project: one top folder in it is the project's root; its .dockerignore applies. */
export async function uploadZip(bytes: Uint8Array, opts: UploadOptions = {}): Promise<UploadResult> {
  const dir = readZipDirectory(bytes);
  if (!dir) return { ok: false, error: { kind: 'unreadable', detail: 'no zip end-of-central-directory record' } };
  const names = dir.entries.map((e) => e.name.replace(/\\/g, '/').replace(/^\.?\//, ''));
  const root = commonRoot(names);
  const rel = stripRoot(root);
  const ignoreEntry = dir.entries.find((_e, i) => rel(names[i]) === '.dockerignore');
  let text: string | null = null;
  if (ignoreEntry) {
    try {
      text = new TextDecoder().decode(await readZipEntry(bytes, ignoreEntry));
    } catch {
      text = null;
    }
  }
  const keep = dockerignoreFilter(text);
  // each entry's path worked out once: the limits check and the unpacking both ask for it
  const paths = new Map<string, string | null>();
  dir.entries.forEach((e, i) => paths.set(e.name, keep(rel(names[i]))));
  const r = await importZip(bytes, { ...opts, directory: dir, pathOf: (name) => paths.get(name) ?? null });
  if (!r.ok) return r;
  const all = names.map(rel).map((p) => normalizePath(p)).filter((p): p is string => !!p);
  return { ok: true, files: r.files, skipped: skippedSummary(all, new Set(Object.keys(r.files))) };
}

/**
 * Files from a file or folder input (`webkitdirectory`: paths relative to the picked folder's parent). The size
 * is asked for only when needed (it may cost a look at the disk), so files a .dockerignore excludes cost nothing.
 */
export function sourcesFromFiles(files: File[], path: (f: File) => string = (f) => f.webkitRelativePath || f.name): UploadSource[] {
  return files.map((f) => ({
    // asked for in the upload's slices, not all at once when the files are picked
    get path() {
      return path(f);
    },
    get size() {
      return f.size;
    },
    read: async () => new Uint8Array(await f.arrayBuffer()),
  }));
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntryLike extends EntryLike {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntryLike extends EntryLike {
  createReader(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

/**
 * The files of what was dropped (DataTransferItem.webkitGetAsEntry): folders are walked (readEntries gives
 * at most 100 entries a call, so it is called until it gives none). A folder the dropped folder's
 * .dockerignore excludes whole is not even walked (as Docker skips it when no `!` pattern could bring a file
 * back): `prunedDirs` names those. A dropped .zip comes back as `zip`.
 */
export async function sourcesFromDrop(items: DataTransferItemList): Promise<{ sources: UploadSource[]; zip?: File; name: string; prunedDirs: string[] }> {
  const roots: EntryLike[] = [];
  for (const item of [...items]) {
    const e = item.kind === 'file' ? (item.webkitGetAsEntry() as EntryLike | null) : null;
    if (e) roots.push(e);
  }
  const fileOf = (e: EntryLike) => new Promise<File>((ok, fail) => (e as FileEntryLike).file(ok, fail));
  const list = async (e: EntryLike): Promise<EntryLike[]> => {
    const reader = (e as DirEntryLike).createReader();
    const out: EntryLike[] = [];
    for (;;) {
      const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) return out;
      out.push(...batch);
    }
  };
  if (roots.length === 1 && roots[0].isFile && roots[0].name.toLowerCase().endsWith('.zip')) {
    const zip = await fileOf(roots[0]);
    return { sources: [], zip, name: zip.name, prunedDirs: [] };
  }
  const single = roots.length === 1 && roots[0].isDirectory ? roots[0] : null;
  const top = single ? await list(single) : roots;
  const ignoreEntry = top.find((e) => e.isFile && e.name === '.dockerignore');
  const m = ignoreMatcher(ignoreEntry ? new TextDecoder().decode(new Uint8Array(await (await fileOf(ignoreEntry)).arrayBuffer())) : null);
  const prune = m.ok && !m.value.hasExclusions ? m.value : null;
  const prunedDirs: string[] = [];
  const sources: UploadSource[] = [];
  const base = single ? `${single.name}/` : '';
  const walk = async (e: EntryLike, rel: string): Promise<void> => {
    if (e.isFile) {
      const file = await fileOf(e);
      sources.push({ path: base + rel, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });
      return;
    }
    if (!e.isDirectory) return;
    if (prune?.excludes(rel)) {
      prunedDirs.push(rel);
      return;
    }
    for (const child of await list(e)) await walk(child, `${rel}/${child.name}`);
  };
  for (const e of top) await walk(e, e.name);
  return { sources, name: single?.name ?? 'project', prunedDirs };
}
