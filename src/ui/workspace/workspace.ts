/**
 * A workspace is one build context the learner edits: a flat map of POSIX paths to file contents.
 * Directories are implied by paths. Text files are strings, uploaded binaries are bytes.
 */
import { memoryContext, type ContextReader } from '../../engine/core/host';
import type { HostFiles } from '../../engine/volumes/host-files';
import { memoryHostFiles } from '../../engine/volumes/memory-host-files';

export type FileContent = string | Uint8Array;

export interface Workspace {
  id: string;
  name: string;
  /** The default image tag for the Build button. */
  tag: string;
  files: Record<string, FileContent>;
}

/** Normalises a user-typed path: POSIX separators, no leading "./" or "/", no "..", no empty segments. Null when invalid. */
export function normalizePath(input: string): string | null {
  const parts = input.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return null;
  return parts.join('/');
}

export function textOf(content: FileContent | undefined): string {
  if (content === undefined) return '';
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

export function sizeOf(content: FileContent): number {
  if (typeof content !== 'string') return content.length;
  // UTF-8 length without encoding (the file tree asks for every file on each render)
  let n = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < content.length && (content.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as a workspace file: their text when they look like text we can edit (valid UTF-8, no NUL bytes), else the bytes. */
export function contentOf(bytes: Uint8Array): FileContent {
  if (bytes.includes(0)) return bytes;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

export function renameFile(ws: Workspace, from: string, to: string): Workspace {
  const files: Record<string, FileContent> = {};
  for (const [p, c] of Object.entries(ws.files)) {
    if (p === from) files[to] = c;
    else if (p.startsWith(from + '/')) files[to + p.slice(from.length)] = c;
    else files[p] = c;
  }
  return { ...ws, files };
}

export function deletePath(ws: Workspace, path: string): Workspace {
  const files: Record<string, FileContent> = {};
  for (const [p, c] of Object.entries(ws.files)) if (p !== path && !p.startsWith(path + '/')) files[p] = c;
  return { ...ws, files };
}

/** The engine's view of a workspace: `docker build .` reads this. */
export function workspaceContext(ws: Workspace): ContextReader {
  return memoryContext(ws.files);
}

/** The folder the workspace stands for in docker commands: `$(pwd)` in the terminal, the host side of `-v .:/app`. */
export const WORKSPACE_ROOT = '/workspace';

/** What bind mounts read and write: the active workspace's files, through the store's edits (text stays text). */
export function workspaceHostFiles(access: {
  files(): Record<string, FileContent>;
  writeFile(path: string, content: FileContent): void;
  deletePath(path: string): void;
  version(): number;
}): HostFiles {
  return memoryHostFiles(WORKSPACE_ROOT, {
    files: access.files,
    write: (path, data) => access.writeFile(path, contentOf(data)),
    remove: access.deletePath,
    version: access.version,
  });
}

/** The stage names declared with `FROM ... AS name`, in order (for the target picker and completion). */
export function stageNames(dockerfile: string): string[] {
  const out: string[] = [];
  for (const line of dockerfile.split('\n')) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/i.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}
