/**
 * The runtime's `ProcessFs` over a union filesystem: a container's (image layers + writable layer) or a build
 * step's (the stage's layers + the step's new layer). New files and directories belong to `owner` (the process's
 * user). While a container's process is being replayed (headless CLI: each invocation re-runs a detached container from its
 * start), writes at virtual times already applied earlier are skipped, so replays do not apply them twice.
 */
import { FsError, type UnionFs } from './union';
import { appendBytes, nodeBytes } from './node';
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

/**
 * A directory subtree served by another filesystem (a volume, a bind-mounted folder, a tmpfs): paths at and
 * under `target` read and write `fs`, whose root is the mount point. `readOnly`: writers get EROFS.
 */
export interface MountedTree {
  target: string;
  fs: UnionFs;
  readOnly: boolean;
  /** Told the path (inside the mount) of each change a process made there (a bind mount copies it to the host). */
  onWrite?: (path: string) => void;
}

/** The filesystem that serves an absolute, normalised path, and the path inside it (the deepest mount wins). */
export function routeMount(fs: UnionFs, trees: readonly MountedTree[], path: string): { fs: UnionFs; path: string; readOnly: boolean; tree?: MountedTree } {
  let best: MountedTree | null = null;
  for (const t of trees) {
    if ((path === t.target || path.startsWith(t.target + '/')) && (!best || t.target.length > best.target.length)) best = t;
  }
  if (!best) return { fs, path, readOnly: false };
  return { fs: best.fs, path: path.slice(best.target.length) || '/', readOnly: best.readOnly, tree: best };
}

/** Who creates new files (the process's uid and gid). */
export interface Owner {
  uid: number;
  gid: number;
}

export function unionProcessFs(
  root: UnionFs,
  guard: ReplayGuard = { skipWrites: () => false },
  mounts: Mounts = new Map(),
  owner: Owner = { uid: 0, gid: 0 },
  trees: readonly MountedTree[] = [],
): ProcessFs & Required<PeekableFs> {
  const mounted = (path: string) => (mounts.size ? mounts.get(path) : undefined);
  const at = (path: string): ReturnType<typeof routeMount> => (trees.length ? routeMount(root, trees, path) : { fs: root, path, readOnly: false });
  const told = (r: ReturnType<typeof routeMount>, e: FsErrno | null): FsErrno | null => {
    if (!e && r.tree?.onWrite && !guard.skipWrites()) r.tree.onWrite(r.path);
    return e;
  };
  /** A write at `path` in the filesystem that serves it; a read-only mount refuses it. */
  const writeAt = (path: string, f: (fs: UnionFs, p: string) => void): FsErrno | null => {
    const r = at(path);
    if (r.readOnly) return 'EROFS';
    return told(r, write(() => f(r.fs, r.path)));
  };
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
    stat(full) {
      const m = mounted(full);
      if (m) return mountStat(m);
      const { fs, path } = at(full);
      if (surelyMissing(fs, path)) return null;
      const s = fs.stat(path);
      return s ? toStat(s) : null;
    },
    lstat(full) {
      const m = mounted(full);
      if (m) return mountStat(m);
      const { fs, path } = at(full);
      if (surelyMissing(fs, path)) return null;
      const s = fs.lstat(path);
      return s ? toStat(s) : null;
    },
    readFile(full) {
      const m = mounted(full);
      if (m) return m.data;
      const { fs, path } = at(full);
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
    peekFile(full, max) {
      const m = mounted(full);
      if (m) return { head: m.data.subarray(0, max), length: m.data.length };
      const { fs, path } = at(full);
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
      const r = at(path);
      try {
        names = r.fs.readdir(r.path);
      } catch {
        return null;
      }
      // A mount point shows in its directory even when the image has no such file.
      for (const p of [...mounts.keys(), ...trees.map((t) => t.target)]) {
        const slash = p.lastIndexOf('/');
        const name = p.slice(slash + 1);
        if ((p.slice(0, slash) || '/') === path && !names.includes(name)) names = [...names, name].sort();
      }
      return names;
    },
    readlink(full) {
      const { fs, path } = at(full);
      const s = fs.lstat(path);
      return s && s.type === 'symlink' ? (s.target ?? '') : null;
    },
    writeFile(path, data, mode) {
      const m = mounted(path);
      if (m) {
        if (!guard.skipWrites()) mounts.set(path, { data, mtime: m.mtime });
        return null;
      }
      return writeAt(path, (fs, p) => {
        const st = fs.stat(p);
        if (st?.type === 'dir') throw new FsError('EISDIR', p);
        fs.writeFile(p, data, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid ?? owner.uid, gid: st?.gid ?? owner.gid });
      });
    },
    appendFile(path, data, mode) {
      const m = mounted(path);
      if (m) {
        if (!guard.skipWrites()) mounts.set(path, { data: appendBytes(m.data, data), mtime: m.mtime });
        return null;
      }
      return writeAt(path, (fs, p) => {
        const st = fs.stat(p);
        if (st?.type === 'dir') throw new FsError('EISDIR', p);
        if (st) fs.appendFile(p, data);
        else fs.writeFile(p, new Uint8Array(data), { mode: mode ?? 0o644, uid: owner.uid, gid: owner.gid });
      });
    },
    mkdir(path, mode) {
      if (trees.some((t) => t.target === path)) return 'EEXIST';
      return writeAt(path, (fs, p) => fs.mkdir(p, { mode: mode ?? 0o755, uid: owner.uid, gid: owner.gid }));
    },
    rm(path) {
      // A mount point cannot be removed while mounted.
      if (trees.some((t) => t.target === path)) return 'EBUSY';
      return writeAt(path, (fs, p) => {
        const st = fs.lstat(p);
        if (!st) throw new FsError('ENOENT', p);
        if (st.type === 'dir') fs.rmdir(p);
        else fs.rm(p);
      });
    },
    rename(from, to) {
      const a = at(from);
      const b = at(to);
      if (a.readOnly || b.readOnly) return 'EROFS';
      if (a.fs === b.fs) return told(b, told(a, write(() => a.fs.mv(a.path, b.path))));
      // Across mounts: a copy, then the original goes (what mv does after EXDEV).
      const moved = write(() => {
        const s = a.fs.lstat(a.path);
        if (!s) throw new FsError('ENOENT', a.path);
        const d = b.fs.stat(b.path);
        const dest = d?.type === 'dir' ? (b.path === '/' ? '' : b.path) + '/' + a.path.slice(a.path.lastIndexOf('/') + 1) : b.path;
        b.fs.copyTree(s.path, dest, true, a.fs);
        a.fs.rm(s.path, { recursive: true });
      });
      return told(b, told(a, moved));
    },
    chmod(path, mode) {
      return writeAt(path, (fs, p) => fs.chmod(p, mode));
    },
    writeSynthetic(full, content, mode) {
      return writeAt(full, (fs, path) => {
        const st = fs.stat(path);
        if (st?.type === 'dir') throw new FsError('EISDIR', path);
        fs.writeFile(path, { seed: content.seed, size: content.size }, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid ?? owner.uid, gid: st?.gid ?? owner.gid });
      });
    },
    chown(path, uid, gid) {
      return writeAt(path, (fs, p) => fs.chown(p, uid, gid));
    },
    symlink(target, path) {
      return writeAt(path, (fs, p) => {
        if (fs.lstat(p)) throw new FsError('EEXIST', p);
        fs.symlink(target, p, { uid: owner.uid, gid: owner.gid });
      });
    },
  };
}
