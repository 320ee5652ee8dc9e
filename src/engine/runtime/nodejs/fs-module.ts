/** Node's `fs` (sync, callback and promises APIs) over the process's ProcessFs. */
import type { FsErrno, FsStat, ProcessFs } from '../process';
import { appendFile, copy, mkdirp, resolvePath, rmrf } from '../fs-helpers';
import { fsError, type NodeFlavour } from './node-errors';
import { NodeBuffer, wrapBytes } from './globals';
import { createFsStreams } from './fs-streams';

export interface FsModuleHost {
  fs: ProcessFs;
  fl: NodeFlavour;
  cwd(): string;
  /** Runs cb on a later turn (callback API). */
  defer(cb: () => void): void;
  now(): number;
  Date: DateConstructor;
}

class Stats {
  dev = 2049;
  ino: number;
  mode: number;
  nlink = 1;
  uid = 0;
  gid = 0;
  rdev = 0;
  size: number;
  blksize = 4096;
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  birthtime: Date;
  constructor(
    st: FsStat,
    path: string,
    D: DateConstructor,
    private kind = st.type,
  ) {
    let h = 0;
    for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) >>> 0;
    this.ino = h % 1000000;
    this.mode = (st.type === 'dir' ? 0o040000 : st.type === 'symlink' ? 0o120000 : st.type === 'char' ? 0o020000 : 0o100000) | st.mode;
    this.size = st.size;
    this.blocks = Math.ceil(st.size / 512);
    this.atimeMs = this.mtimeMs = this.ctimeMs = this.birthtimeMs = st.mtimeMs;
    this.atime = this.mtime = this.ctime = this.birthtime = new D(st.mtimeMs);
    Object.defineProperty(this, 'kind', { enumerable: false });
  }
  isFile(): boolean {
    return this.kind === 'file';
  }
  isDirectory(): boolean {
    return this.kind === 'dir';
  }
  isSymbolicLink(): boolean {
    return this.kind === 'symlink';
  }
  isFIFO(): boolean {
    return false;
  }
  isSocket(): boolean {
    return false;
  }
  isBlockDevice(): boolean {
    return false;
  }
  isCharacterDevice(): boolean {
    return this.kind === 'char';
  }
}

class Dirent {
  constructor(
    public name: string,
    private kind: FsStat['type'],
  ) {
    Object.defineProperty(this, 'kind', { enumerable: false });
  }
  isFile(): boolean {
    return this.kind === 'file';
  }
  isDirectory(): boolean {
    return this.kind === 'dir';
  }
  isSymbolicLink(): boolean {
    return this.kind === 'symlink';
  }
}

function encodingOf(opts: unknown): string | null {
  if (typeof opts === 'string') return opts;
  if (opts && typeof opts === 'object' && typeof (opts as any).encoding === 'string') return (opts as any).encoding;
  return null;
}

function toBytes(data: unknown, encoding?: string | null): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return NodeBuffer.from(data, encoding ?? 'utf8');
  return NodeBuffer.from(String(data));
}

export function createFsModule(h: FsModuleHost): any {
  const fs = h.fs;
  const abs = (p: unknown): string => {
    if (p instanceof Uint8Array) p = new TextDecoder().decode(p);
    if (p && typeof p === 'object' && 'pathname' in (p as any)) p = (p as any).pathname;
    if (typeof p !== 'string') {
      const e: any = new TypeError(`The "path" argument must be of type string or an instance of Buffer or URL. Received ${p === undefined ? 'undefined' : typeof p}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    return resolvePath(h.cwd(), p);
  };
  const fail = (code: FsErrno, syscall: string, path: string, dest?: string): never => {
    throw fsError(h.fl, code, syscall, path, dest);
  };
  const shown = (p: unknown) => (typeof p === 'string' ? p : String(p));

  const sync: Record<string, (...a: any[]) => any> = {
    readFileSync(p: unknown, opts?: unknown) {
      const path = abs(p);
      const st = fs.stat(path);
      if (!st) fail('ENOENT', 'open', shown(p));
      if (st!.type === 'dir') fail('EISDIR', 'read', shown(p));
      const data = fs.readFile(path) ?? new Uint8Array();
      const enc = encodingOf(opts);
      const buf = wrapBytes(data);
      return enc ? buf.toString(enc) : buf;
    },
    writeFileSync(p: unknown, data: unknown, opts?: unknown) {
      const path = abs(p);
      const flag = opts && typeof opts === 'object' ? (opts as any).flag : undefined;
      const bytes = toBytes(data, encodingOf(opts));
      const e = flag === 'a' ? appendFile(fs, path, bytes) : fs.writeFile(path, bytes, (opts as any)?.mode);
      if (e) fail(e, 'open', shown(p));
    },
    appendFileSync(p: unknown, data: unknown, opts?: unknown) {
      const e = appendFile(fs, abs(p), toBytes(data, encodingOf(opts)));
      if (e) fail(e, 'open', shown(p));
    },
    existsSync(p: unknown) {
      try {
        return fs.stat(abs(p)) !== null;
      } catch {
        return false;
      }
    },
    accessSync(p: unknown) {
      if (!fs.stat(abs(p))) fail('ENOENT', 'access', shown(p));
    },
    statSync(p: unknown, opts?: any) {
      const path = abs(p);
      const st = fs.stat(path);
      if (!st) {
        if (opts?.throwIfNoEntry === false) return undefined;
        fail('ENOENT', 'stat', shown(p));
      }
      return new Stats(st!, path, h.Date);
    },
    lstatSync(p: unknown) {
      const path = abs(p);
      const st = fs.lstat ? fs.lstat(path) : fs.stat(path);
      if (!st) fail('ENOENT', 'lstat', shown(p));
      return new Stats(st!, path, h.Date);
    },
    readdirSync(p: unknown, opts?: any) {
      const path = abs(p);
      const st = fs.stat(path);
      if (!st) fail('ENOENT', 'scandir', shown(p));
      if (st!.type !== 'dir') fail('ENOTDIR', 'scandir', shown(p));
      const names = fs.readdir(path) ?? [];
      if (opts && typeof opts === 'object' && opts.withFileTypes) {
        return names.map((n) => new Dirent(n, (fs.lstat ?? fs.stat).call(fs, `${path === '/' ? '' : path}/${n}`)?.type ?? 'file'));
      }
      return names;
    },
    mkdirSync(p: unknown, opts?: any) {
      const path = abs(p);
      const recursive = typeof opts === 'object' && opts?.recursive;
      if (recursive) {
        const existed = fs.stat(path);
        const e = mkdirp(fs, path);
        if (e) fail(e, 'mkdir', shown(p));
        return existed ? undefined : path;
      }
      const e = fs.mkdir(path, typeof opts === 'number' ? opts : opts?.mode);
      if (e) fail(e, 'mkdir', shown(p));
      return undefined;
    },
    rmSync(p: unknown, opts?: any) {
      const path = abs(p);
      const st = fs.lstat ? fs.lstat(path) : fs.stat(path);
      if (!st) {
        if (opts?.force) return;
        fail('ENOENT', 'rm', shown(p));
      }
      if (st!.type === 'dir' && !opts?.recursive) {
        const e: any = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${shown(p)}`);
        e.code = 'ERR_FS_EISDIR';
        throw e;
      }
      const e = rmrf(fs, path);
      if (e) fail(e, 'rm', shown(p));
    },
    rmdirSync(p: unknown, opts?: any) {
      const path = abs(p);
      const st = fs.stat(path);
      if (!st) fail('ENOENT', 'rmdir', shown(p));
      if (st!.type !== 'dir') fail('ENOTDIR', 'rmdir', shown(p));
      const e = opts?.recursive ? rmrf(fs, path) : fs.rm(path);
      if (e) fail(e, 'rmdir', shown(p));
    },
    unlinkSync(p: unknown) {
      const path = abs(p);
      const st = fs.lstat ? fs.lstat(path) : fs.stat(path);
      if (!st) fail('ENOENT', 'unlink', shown(p));
      if (st!.type === 'dir') fail('EISDIR', 'unlink', shown(p));
      const e = fs.rm(path);
      if (e) fail(e, 'unlink', shown(p));
    },
    renameSync(a: unknown, b: unknown) {
      const e = fs.rename(abs(a), abs(b));
      if (e) fail(e, 'rename', shown(a), shown(b));
    },
    copyFileSync(a: unknown, b: unknown) {
      const st = fs.stat(abs(a));
      if (!st) fail('ENOENT', 'copyfile', shown(a), shown(b));
      const e = copy(fs, abs(a), abs(b));
      if (e) fail(e, 'copyfile', shown(a), shown(b));
    },
    cpSync(a: unknown, b: unknown) {
      const e = copy(fs, abs(a), abs(b));
      if (e) fail(e, 'cp', shown(a), shown(b));
    },
    chmodSync(p: unknown, mode: number | string) {
      const m = typeof mode === 'string' ? parseInt(mode, 8) : mode;
      const e = fs.chmod ? fs.chmod(abs(p), m) : fs.stat(abs(p)) ? null : 'ENOENT';
      if (e) fail(e, 'chmod', shown(p));
    },
    realpathSync(p: unknown) {
      const path = abs(p);
      if (!fs.stat(path)) fail('ENOENT', 'lstat', shown(p));
      return path;
    },
    readlinkSync(p: unknown) {
      const t = fs.readlink?.(abs(p));
      if (t == null) fail('EINVAL', 'readlink', shown(p));
      return t;
    },
  };

  const mod: any = { ...sync, constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 }, Stats, Dirent };
  mod.F_OK = 0;
  mod.R_OK = 4;
  mod.W_OK = 2;
  mod.X_OK = 1;
  const promises: any = {};
  for (const [name, fn] of Object.entries(sync)) {
    const base = name.replace(/Sync$/, '');
    if (base === 'exists') {
      mod.exists = (p: unknown, cb: (x: boolean) => void) => {
        const r = fn(p);
        h.defer(() => cb(r));
      };
      continue;
    }
    mod[base] = (...args: any[]) => {
      const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      let result: any;
      let error: any = null;
      try {
        result = fn(...args);
      } catch (e) {
        error = e;
      }
      if (cb) h.defer(() => (base === 'access' || base.startsWith('write') || base.startsWith('append') || base === 'unlink' || base === 'rename' || base === 'rm' || base === 'rmdir' || base === 'copyFile' || base === 'chmod' ? cb(error) : cb(error, result)));
    };
    promises[base] = async (...args: any[]) => fn(...args);
  }
  mod.promises = promises;
  Object.assign(mod, createFsStreams(sync, abs));
  return mod;
}
