/**
 * The runtime's `ProcessFs` over a container's union filesystem (image layers + writable layer).
 * While a process is being replayed (headless CLI: each invocation re-runs a detached container from its
 * start), writes at virtual times already applied earlier are skipped, so replays do not apply them twice.
 */
import { FsError, type UnionFs } from '../fs/union';
import { nodeBytes } from '../fs/node';
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
 * The `/etc/hosts` Docker Engine 28 writes for a container on the default bridge (moby v28 libnetwork/etchosts
 * `Build` with the IPv6 defaults, as for a container whose loopback has ::1; sandbox_dns_unix.go `makeHostsRecs`):
 * one `IP<TAB>names` line per record, the container's address last, named by its hostname (and, for a dotted
 * hostname, its first label too). Without an address (no network) there is no container line.
 */
export function etcHostsText(hostname: string, domainname: string, ip: string): string {
  let text = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
  if (!ip) return text;
  let names = domainname ? `${hostname}.${domainname}` : hostname;
  const dot = names.indexOf('.');
  if (dot >= 0) names += ' ' + names.slice(0, dot);
  text += `${ip}\t${names}\n`;
  return text;
}

export function unionProcessFs(fs: UnionFs, guard: ReplayGuard = { skipWrites: () => false }, mounts: Mounts = new Map()): ProcessFs & Required<PeekableFs> {
  const mounted = (path: string) => (mounts.size ? mounts.get(path) : undefined);
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
      const s = fs.stat(path);
      return s ? toStat(s) : null;
    },
    lstat(path) {
      const m = mounted(path);
      if (m) return mountStat(m);
      const s = fs.lstat(path);
      return s ? toStat(s) : null;
    },
    readFile(path) {
      const m = mounted(path);
      if (m) return m.data;
      try {
        const s = fs.stat(path);
        if (!s || s.type !== 'file') return null;
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
        fs.writeFile(path, data, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid, gid: st?.gid });
      });
    },
    mkdir(path, mode) {
      return write(() => fs.mkdir(path, { mode: mode ?? 0o755 }));
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
        fs.writeFile(path, { seed: content.seed, size: content.size }, { mode: mode ?? st?.mode ?? 0o644, uid: st?.uid, gid: st?.gid });
      });
    },
    chown(path, uid, gid) {
      return write(() => fs.chown(path, uid, gid));
    },
    symlink(target, path) {
      return write(() => {
        if (fs.lstat(path)) throw new FsError('EEXIST', path);
        fs.symlink(target, path);
      });
    },
  };
}
