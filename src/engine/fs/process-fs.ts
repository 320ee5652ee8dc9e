/**
 * The runtime's `ProcessFs` over a union filesystem: a container's (image layers + writable layer) or a build
 * step's (the stage's layers + the step's new layer). New files and directories belong to `owner` (the process's
 * user). While a container's process is being replayed (headless CLI: each invocation re-runs a detached container from its
 * start), writes at virtual times already applied earlier are skipped, so replays do not apply them twice.
 */
import { FsError, type UnionFs } from './union';
import { nodeBytes } from './node';
import type { FsErrno, FsStat, ProcessFs } from '../runtime/process';
import type { PeekableFs } from '../runtime/worker-host';

function errno(e: unknown): FsErrno {
  if (e instanceof FsError) {
    const c = e.code;
    if (c === 'ELOOP') return 'EINVAL';
    return c as FsErrno;
  }
  return 'EINVAL';
}

function toStat(n: { type: 'file' | 'dir' | 'symlink'; size: number; mode: number; mtime: number; uid: number; gid: number }): FsStat {
  return { type: n.type, size: n.size, mode: n.mode, mtimeMs: n.mtime, uid: n.uid, gid: n.gid };
}

/** How many bytes `UnionFs.readFile` (nodeBytes' default cap) produces of a synthetic file; process-fs.test.ts checks it. */
const SYNTHETIC_READ_CAP = 1 << 20;

export interface ReplayGuard {
  /** True while the process's current virtual time is not after the time already applied. */
  skipWrites(): boolean;
}

/**
 * Files Docker bind-mounts into every container from outside its filesystem (`/etc/hostname` holds the container's
 * hostname, `/etc/hosts` its address): processes see and may rewrite them, but they never reach the writable layer (`docker diff`, `commit`).
 */
export type Mounts = Map<string, { data: Uint8Array; mtime: number }>;

/**
 * Whether an absolute, normalised path surely does not exist: walking from the root through real directories, a
 * component is missing or is not a directory. Answered with plain lookups, while `UnionFs.stat` reports a missing
 * path by throwing, which costs a stack trace per miss (a PATH lookup misses several times per command).
 */
function surelyMissing(fs: UnionFs, path: string): boolean {
  if (path === '/') return false;
  let from = 1;
  for (;;) {
    const slash = path.indexOf('/', from);
    const node = fs.lookupRaw(slash < 0 ? path : path.slice(0, slash));
    if (!node) return true;
    if (node.type === 'symlink') return false;
    if (slash < 0) return false;
    if (node.type !== 'dir') return true;
    from = slash + 1;
  }
}

/** Who creates new files (the process's uid and gid). */
export interface Owner {
  uid: number;
  gid: number;
}

export function unionProcessFs(fs: UnionFs, guard: ReplayGuard = { skipWrites: () => false }, mounts: Mounts = new Map(), owner: Owner = { uid: 0, gid: 0 }): ProcessFs & Required<PeekableFs> {
  const mounted = (path: string) => (mounts.size ? mounts.get(path) : undefined);
  const generated = new Map<string, Uint8Array>();
  const mountStat = (m: { data: Uint8Array; mtime: number }): FsStat => ({ type: 'file', size: m.data.length, mode: 0o644, mtimeMs: m.mtime });
  const write = (f: () => void): FsErrno | null => {
    if (guard.skipWrites()) return null;
    try {
      f();
      return null;
    } catch (e) {
      return errno(e);
    }
  };
  return {
    stat(path) {
      const m = mounted(path);
      if (m) return mountStat(m);
      if (surelyMissing(fs, path)) return null;
      const s = fs.stat(path);
      return s ? toStat(s) : null;
    },
    lstat(path) {
      const m = mounted(path);
      if (m) return mountStat(m);
      if (surelyMissing(fs, path)) return null;
      const s = fs.lstat(path);
      return s ? toStat(s) : null;
    },
    readFile(path) {
      const m = mounted(path);
      if (m) return m.data;
      try {
        const s = fs.stat(path);
        if (!s || s.type !== 'file') return null;
        if (!s.data && s.synthetic) {
          // A generated binary (busybox, node) is read each time a program runs it: generate its bytes once.
          const id = `${s.synthetic.size}:${s.synthetic.seed}`;
          let bytes = generated.get(id);
          if (!bytes) generated.set(id, (bytes = fs.readFile(path)));
          return bytes;
        }
        return fs.readFile(path);
      } catch {
        return null;
      }
    },
    peekFile(path, max) {
      const m = mounted(path);
      if (m) return { head: m.data.subarray(0, max), length: m.data.length };
      // The head of what readFile returns, without generating a synthetic file's (up to a megabyte of) content.
      const s = fs.stat(path);
      if (!s || s.type !== 'file') return null;
      if (s.data) return { head: s.data.subarray(0, max), length: s.data.length };
      if (!s.synthetic) return { head: new Uint8Array(0), length: 0 };
      const length = Math.min(s.synthetic.size, SYNTHETIC_READ_CAP);
      return { head: nodeBytes(s, Math.min(max, length)), length };
    },
    readdir(path) {
      let names: string[];
      try {
        names = fs.readdir(path);
      } catch {
        return null;
      }
      // A mount point shows in its directory even when the image has no such file.
      for (const p of mounts.keys()) {
        const slash = p.lastIndexOf('/');
        const name = p.slice(slash + 1);
        if ((p.slice(0, slash) || '/') === path && !names.includes(name)) names = [...names, name].sort();
      }
      return names;
    },
    readlink(path) {
      const s = fs.lstat(path);
      return s && s.type === 'symlink' ? (s.target ?? '') : null;
    },
    writeFile(path, data, mode) {
      const m = mounted(path);
      if (m) {
        if (!guard.skipWrites()) mounts.set(path, { data, mtime: m.mtime });
        return null;
      }
      return write(() => {
        const st = fs.stat(path);
        if (st?.type === 'dir') throw new FsError('EISDIR', path);
        fs.writeFile(path, data, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid ?? owner.uid, gid: st?.gid ?? owner.gid });
      });
    },
    mkdir(path, mode) {
      return write(() => fs.mkdir(path, { mode: mode ?? 0o755, uid: owner.uid, gid: owner.gid }));
    },
    rm(path) {
      return write(() => {
        const st = fs.lstat(path);
        if (!st) throw new FsError('ENOENT', path);
        if (st.type === 'dir') fs.rmdir(path);
        else fs.rm(path);
      });
    },
    rename(from, to) {
      return write(() => fs.mv(from, to));
    },
    chmod(path, mode) {
      return write(() => fs.chmod(path, mode));
    },
    writeSynthetic(path, content, mode) {
      return write(() => {
        const st = fs.stat(path);
        if (st?.type === 'dir') throw new FsError('EISDIR', path);
        fs.writeFile(path, { seed: content.seed, size: content.size }, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid ?? owner.uid, gid: st?.gid ?? owner.gid });
      });
    },
    chown(path, uid, gid) {
      return write(() => fs.chown(path, uid, gid));
    },
    symlink(target, path) {
      return write(() => {
        if (fs.lstat(path)) throw new FsError('EEXIST', path);
        fs.symlink(target, path, { uid: owner.uid, gid: owner.gid });
      });
    },
  };
}
