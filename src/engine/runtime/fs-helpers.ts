/**
 * Path normalisation and the derived filesystem operations (mkdir -p, rm -rf, appendFile, copy, walk) the
 * runtime builds on top of the small `ProcessFs` contract.
 */
import type { FsErrno, FsStat, ProcessFs } from './process';
import { normalizePath } from '../fs/path';

const enc = new TextEncoder();
const dec = new TextDecoder();

export const encodeText = (s: string): Uint8Array => enc.encode(s);
export const decodeText = (b: Uint8Array): string => dec.decode(b);

/** Normalises a POSIX path against `cwd`: resolves ".", ".." and repeated slashes. Always absolute. */
export function resolvePath(cwd: string, p: string): string {
  return normalizePath(p, cwd);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i <= 0) return '/';
  return p.slice(0, i);
}

export function basename(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}

export function exists(fs: ProcessFs, path: string): boolean {
  return fs.stat(path) !== null;
}

export function isDir(fs: ProcessFs, path: string): boolean {
  return fs.stat(path)?.type === 'dir';
}

export function readText(fs: ProcessFs, path: string): string | null {
  const b = fs.readFile(path);
  return b ? decodeText(b) : null;
}

export function writeText(fs: ProcessFs, path: string, text: string, mode?: number): FsErrno | null {
  return fs.writeFile(path, encodeText(text), mode);
}

export function appendFile(fs: ProcessFs, path: string, data: Uint8Array): FsErrno | null {
  if (fs.appendFile) return fs.appendFile(path, data);
  const st = fs.stat(path);
  if (st?.type === 'dir') return 'EISDIR';
  const old = st ? fs.readFile(path) ?? new Uint8Array() : new Uint8Array();
  const merged = new Uint8Array(old.length + data.length);
  merged.set(old, 0);
  merged.set(data, old.length);
  return fs.writeFile(path, merged, st?.mode);
}

/** mkdir -p */
export function mkdirp(fs: ProcessFs, path: string, mode = 0o755): FsErrno | null {
  const st = fs.stat(path);
  if (st) return st.type === 'dir' ? null : 'EEXIST';
  if (path !== '/') {
    const e = mkdirp(fs, dirname(path), mode);
    if (e) return e;
  }
  return fs.mkdir(path, mode);
}

/** rm -r (without -f semantics: missing path is ENOENT). */
export function rmrf(fs: ProcessFs, path: string): FsErrno | null {
  const st = fs.lstat ? fs.lstat(path) : fs.stat(path);
  if (!st) return 'ENOENT';
  if (st.type === 'dir') {
    for (const name of fs.readdir(path) ?? []) {
      const e = rmrf(fs, path === '/' ? `/${name}` : `${path}/${name}`);
      if (e) return e;
    }
  }
  return fs.rm(path);
}

/** Copies a file or (recursively) a directory. */
export function copy(fs: ProcessFs, from: string, to: string): FsErrno | null {
  const st = fs.stat(from);
  if (!st) return 'ENOENT';
  if (st.type === 'dir') {
    const e = mkdirp(fs, to, st.mode);
    if (e) return e;
    for (const name of fs.readdir(from) ?? []) {
      const e2 = copy(fs, `${from}/${name}`, `${to}/${name}`);
      if (e2) return e2;
    }
    return null;
  }
  const data = fs.readFile(from);
  if (!data) return 'ENOENT';
  return fs.writeFile(to, data, st.mode);
}

/**
 * `path` with every symlink on the way resolved (readlink -f, realpath); null when a component is missing (the
 * last one may be, with `allowMissing` true; with 'rest', the missing part is kept as written: /dev/stdout ->
 * /proc/self/fd/1 where /proc has no such files) or the links loop.
 */
export function realPath(fs: ProcessFs, path: string, allowMissing: boolean | 'rest' = false): string | null {
  const parts = path.split('/').filter(Boolean);
  let cur = '/';
  for (let i = 0, hops = 0; i < parts.length; i++) {
    const next = cur === '/' ? `/${parts[i]}` : `${cur}/${parts[i]}`;
    const st = fs.lstat?.(next) ?? fs.stat(next);
    if (!st) {
      if (allowMissing === 'rest') return [next, ...parts.slice(i + 1)].join('/');
      if (allowMissing && i === parts.length - 1) return next;
      return null;
    }
    if (st.type === 'symlink') {
      if (++hops > 40) return null;
      const resolved = resolvePath(cur, fs.readlink?.(next) ?? '');
      parts.splice(0, i + 1, ...resolved.split('/').filter(Boolean));
      cur = '/';
      i = -1;
      continue;
    }
    cur = next;
  }
  return cur;
}

export interface WalkEntry {
  path: string;
  stat: FsStat;
}

/** Every entry under `root` (root included), depth first, sorted. Symlinked directories are not followed. */
export function walk(fs: ProcessFs, root = '/'): WalkEntry[] {
  const out: WalkEntry[] = [];
  const visit = (p: string) => {
    const st = fs.lstat ? fs.lstat(p) : fs.stat(p);
    if (!st) return;
    out.push({ path: p, stat: st });
    if (st.type !== 'dir') return;
    for (const name of fs.readdir(p) ?? []) visit(p === '/' ? `/${name}` : `${p}/${name}`);
  };
  visit(root);
  return out;
}

/** Node-style error text for an errno: "ENOENT: no such file or directory". */
export const ERRNO_TEXT: Record<FsErrno, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  ENOTEMPTY: 'directory not empty',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EINVAL: 'invalid argument',
  ENOSPC: 'no space left on device',
  EBUSY: 'resource busy or locked',
  ENXIO: 'no such device or address',
};

/** Numeric errno values as Node reports them (negative on Linux). */
export const ERRNO_NUMBER: Record<FsErrno, number> = {
  ENOENT: -2,
  EEXIST: -17,
  ENOTDIR: -20,
  EISDIR: -21,
  ENOTEMPTY: -39,
  EACCES: -13,
  EROFS: -30,
  EINVAL: -22,
  ENOSPC: -28,
  EBUSY: -16,
  ENXIO: -6,
};
