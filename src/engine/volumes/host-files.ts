/**
 * The host side of bind mounts (`-v "$(pwd)"/src:/app/src`, `-v .:/app`, `--mount type=bind`): a folder of the
 * host that a container reads and writes. The CLI gives its working directory; the browser gives the editor's
 * workspace. Paths are absolute host paths; only paths inside `root()` can be mounted.
 */
import type { ContextEntry } from '../core/host';
import { normalizePath } from '../fs/path';

export interface HostFiles {
  /** The absolute host path of the working directory (what `$(pwd)` and "." stand for), e.g. "/home/me/app" or "/workspace". */
  root(): string;
  /** Every entry under the host directory `dir` (paths relative to it), recursively; null when it is not a directory. */
  list(dir: string): Promise<ContextEntry[] | null>;
  /** A host file's bytes, or null (also for a directory). */
  readFile(path: string): Promise<Uint8Array | null>;
  /** Creates or replaces a host file (parents exist). */
  writeFile(path: string, data: Uint8Array, mode?: number): Promise<void>;
  /** Creates a host directory and its missing parents. */
  mkdir(path: string): Promise<void>;
  /** Removes a host file, symlink or directory (recursively). */
  remove(path: string): Promise<void>;
  /** Grows whenever the host files change outside containers (an edit in the workspace), so mounts reload. */
  version?(): number;
}

/** Whether `path` is the host root or below it. */
export function insideRoot(root: string, path: string): boolean {
  const r = root.replace(/\/+$/, '') || '/';
  return r === '/' || path === r || path.startsWith(r + '/');
}

/** `./src`, `.` or `src/x` against the host root, normalised (".." resolved). */
export function hostPath(root: string, p: string): string {
  return normalizePath(p, root);
}
