/**
 * What a host (the browser app or the Node CLI) gives the engine besides time and randomness.
 */

/** One entry of a build context, as the host sees it. Paths are POSIX, relative to the context root, no leading "./". */
export interface ContextEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits, e.g. 0o644. */
  mode: number;
  /** File content (files only). */
  content?: Uint8Array;
  /** Symlink target (symlinks only). */
  target?: string;
  /** Modification time (ms since the epoch) when the host knows it (a folder on disk): COPY and ADD keep it. */
  mtime?: number;
}

/** Reads the host side of a build context: the workspace in the browser, a directory on disk in Node. */
export interface ContextReader {
  /**
   * Every entry under `dir` (relative to the host's working directory; "." is the working directory),
   * recursively, directories included. Returns null when `dir` does not exist.
   */
  list(dir: string): Promise<ContextEntry[] | null>;
  /** One file's bytes relative to the working directory (used for `-f path/Dockerfile` and `--env-file`), or null. */
  readFile(path: string): Promise<Uint8Array | null>;
  /** Writes a file relative to the working directory (`docker cp` out of a container); absent on read-only hosts. */
  writeFile?(path: string, data: Uint8Array, mode?: number): Promise<void> | void;
}

/** An in-memory context: what tests and the browser workspace use. */
export function memoryContext(files: Record<string, string | Uint8Array | { content: string | Uint8Array; mode?: number; mtime?: number }>): ContextReader {
  const enc = new TextEncoder();
  const entries: ContextEntry[] = [];
  const dirs = new Set<string>();
  for (const [path, v] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    const spec = typeof v === 'string' || v instanceof Uint8Array ? { content: v } : v;
    const content = typeof spec.content === 'string' ? enc.encode(spec.content) : spec.content;
    entries.push(Object.freeze({ path, type: 'file', mode: spec.mode ?? 0o644, content, ...('mtime' in spec ? { mtime: spec.mtime } : {}) }) as ContextEntry);
  }
  for (const d of dirs) entries.push(Object.freeze({ path: d, type: 'dir', mode: 0o755 }) as ContextEntry);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // "./x" and "." lose their leading dot; a dotfile (".env") keeps it.
  const strip = (p: string) => p.replace(/^\.(?:\/+|$)/, '').replace(/\/+$/, '');
  return {
    async list(dir) {
      const d = strip(dir);
      // Entries are frozen, so the listing can share them (a big context is listed on every build).
      if (d === '') return entries.slice();
      if (!dirs.has(d)) return null;
      return entries
        .filter((e) => e.path.startsWith(d + '/'))
        .map((e) => ({ ...e, path: e.path.slice(d.length + 1) }));
    },
    async readFile(path) {
      const e = entries.find((x) => x.path === strip(path) && x.type === 'file');
      return e?.content ?? null;
    },
  };
}
