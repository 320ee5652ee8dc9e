/**
 * Host files kept in memory as a flat map of relative POSIX paths to contents (directories implied by paths): the
 * browser's workspace, and tests. `root` is the absolute path the map stands for ("/workspace").
 */
import type { ContextEntry } from '../core/host';
import { normalizePath } from '../fs/path';
import { insideRoot, type HostFiles } from './host-files';

export interface FileMap {
  /** The current files (relative paths, no leading "/"). */
  files(): Record<string, string | Uint8Array>;
  /** Creates or replaces one file. */
  write(path: string, data: Uint8Array): void;
  /** Removes a file, or a directory with everything below it. */
  remove(path: string): void;
  /** Grows whenever the files change outside containers (absent: never). */
  version?(): number;
}

export function memoryHostFiles(root: string, map: FileMap): HostFiles {
  const base = normalizePath(root);
  const enc = new TextEncoder();
  /** Directories containers made that hold no file yet (a flat map cannot show them). */
  const emptyDirs = new Set<string>();
  const rel = (path: string): string | null => {
    const p = normalizePath(path, base);
    if (!insideRoot(base, p)) return null;
    return p === base ? '' : p.slice(base === '/' ? 1 : base.length + 1);
  };
  const bytes = (c: string | Uint8Array) => (typeof c === 'string' ? enc.encode(c) : c);
  return {
    root: () => base,
    async list(dir) {
      const d = rel(dir);
      if (d === null) return null;
      const prefix = d ? d + '/' : '';
      const out = new Map<string, ContextEntry>();
      const addDirs = (path: string) => {
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++) {
          const p = parts.slice(0, i).join('/');
          if (!out.has(p)) out.set(p, { path: p, type: 'dir', mode: 0o755 });
        }
      };
      let found = d === '' || emptyDirs.has(d);
      for (const [path, content] of Object.entries(map.files())) {
        if (path === d) return null;
        if (!path.startsWith(prefix)) continue;
        found = true;
        const r = path.slice(prefix.length);
        addDirs(r);
        out.set(r, { path: r, type: 'file', mode: 0o644, content: bytes(content) });
      }
      for (const e of emptyDirs) {
        if (!e.startsWith(prefix)) continue;
        const r = e.slice(prefix.length);
        addDirs(r + '/x');
      }
      if (!found) return null;
      return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async readFile(path) {
      const r = rel(path);
      const c = r === null ? undefined : map.files()[r];
      return c === undefined ? null : bytes(c);
    },
    async writeFile(path, data) {
      const r = rel(path);
      if (r) map.write(r, data);
    },
    async mkdir(path) {
      const r = rel(path);
      if (r) emptyDirs.add(r);
    },
    async remove(path) {
      const r = rel(path);
      if (!r) return;
      for (const e of [...emptyDirs]) if (e === r || e.startsWith(r + '/')) emptyDirs.delete(e);
      map.remove(r);
    },
    version: () => map.version?.() ?? 0,
  };
}
