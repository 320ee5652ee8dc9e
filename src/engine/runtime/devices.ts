/**
 * A container's /dev, as Docker makes it for every container and every build step: a tmpfs mounted over the
 * image's /dev holding the character devices (null, zero, full, random, urandom, tty, pts/ptmx; console with a
 * tty), the links stdin/stdout/stderr -> /proc/self/fd/N, fd -> /proc/self/fd and ptmx -> pts/ptmx, and the
 * directories shm, mqueue and pts. The kernel lays it over the process's filesystem (`withDevices`), so every
 * program (shell, applets, node) reads and writes the devices the same way, and nothing written under /dev
 * reaches the container's writable layer (`docker diff`) or a build step's layer, as on Docker.
 *
 * Reads: /dev/null is empty; /dev/zero and /dev/full give zeros, /dev/random and /dev/urandom bytes of the process's
 * injected randomness, READ_BYTES at a time (a whole-file read; reads do not stream). Writes: vanish, except
 * /dev/full (ENOSPC) and /dev/tty (the terminal; ENXIO without one). /proc/self/fd is not simulated: the shell
 * opens /dev/stdout and the other fd links as the descriptor they name (`fdOfPath`), and the applets read
 * /dev/stdin as their standard input.
 */
import type { FsErrno, FsStat, ProcessFs, SyntheticFile } from './process';
import { MemoryFs } from './memory-fs';
import { appendFile, realPath } from './fs-helpers';

/** Bytes one read of an endless device (/dev/zero, /dev/urandom) gives: one pipe buffer. */
export const READ_BYTES = 64 * 1024;

type DeviceKind = 'null' | 'zero' | 'full' | 'random' | 'tty' | 'other';

interface Device {
  kind: DeviceKind;
  major: number;
  minor: number;
  mode: number;
  gid: number;
}

/** Docker's device nodes (major, minor as `ls -l /dev` shows them in a container). */
const DEVICES: Record<string, Device> = {
  '/dev/full': { kind: 'full', major: 1, minor: 7, mode: 0o666, gid: 0 },
  '/dev/null': { kind: 'null', major: 1, minor: 3, mode: 0o666, gid: 0 },
  '/dev/random': { kind: 'random', major: 1, minor: 8, mode: 0o666, gid: 0 },
  '/dev/tty': { kind: 'tty', major: 5, minor: 0, mode: 0o666, gid: 0 },
  '/dev/urandom': { kind: 'random', major: 1, minor: 9, mode: 0o666, gid: 0 },
  '/dev/zero': { kind: 'zero', major: 1, minor: 5, mode: 0o666, gid: 0 },
  '/dev/pts/ptmx': { kind: 'other', major: 5, minor: 2, mode: 0o666, gid: 0 },
};

/** With a terminal (`-t`), the console is the container's pty (group tty). */
const CONSOLE: Device = { kind: 'tty', major: 136, minor: 0, mode: 0o620, gid: 5 };

const LINKS: Record<string, string> = {
  '/dev/fd': '/proc/self/fd',
  '/dev/ptmx': 'pts/ptmx',
  '/dev/stderr': '/proc/self/fd/2',
  '/dev/stdin': '/proc/self/fd/0',
  '/dev/stdout': '/proc/self/fd/1',
};

export interface DeviceOptions {
  /** The process's injected randomness (0 <= x < 1): /dev/random and /dev/urandom. */
  random(): number;
  /** Whether the process has a terminal (`-t`): /dev/tty and /dev/console. */
  tty: boolean;
  /** Writes to the terminal (/dev/tty with a tty). */
  terminal?(text: string): void;
  /** Writes to the process's stdout (1) or stderr (2) by path (a program writing the file /dev/stdout). */
  descriptor?(fd: 1 | 2, text: string): void;
  /** When /dev was mounted (the container's start): the entries' times. */
  mountedAt: number;
}

const inDev = (path: string) => path === '/dev' || path.startsWith('/dev/');

/** Whether a path is on /dev's tmpfs (its directories have tmpfs sizes and no blocks). */
export const onDevTmpfs = inDev;

/** The descriptor a path opens (`/dev/stdout`, `/dev/fd/2`, `/proc/self/fd/0`), following links; else null. */
export function fdOfPath(fs: ProcessFs, path: string): number | null {
  const direct = /^\/proc\/self\/fd\/(\d+)$/.exec(path);
  if (direct) return Number(direct[1]);
  if (!inDev(path)) return null;
  const real = realPath(fs, path, 'rest');
  const m = real ? /^\/proc\/self\/fd\/(\d+)$/.exec(real) : null;
  return m ? Number(m[1]) : null;
}

/** The process's filesystem with Docker's /dev laid over it. */
export function withDevices(inner: ProcessFs, opts: DeviceOptions): ProcessFs {
  const tree = new MemoryFs();
  tree.now = () => opts.mountedAt;
  const devices = new Map<string, Device>(Object.entries(DEVICES));
  if (opts.tty) devices.set('/dev/console', CONSOLE);
  for (const [path, mode] of [['/dev', 0o755], ['/dev/mqueue', 0o1777], ['/dev/pts', 0o755], ['/dev/shm', 0o1777]] as const) {
    tree.load({ path, type: 'dir', mode, mtimeMs: opts.mountedAt });
  }
  for (const [path, target] of Object.entries(LINKS)) tree.load({ path, type: 'symlink', mode: 0o777, target, mtimeMs: opts.mountedAt });
  for (const [path, d] of devices) tree.load({ path, type: 'file', mode: d.mode, mtimeMs: opts.mountedAt });

  /** The device at a path (links followed unless `noFollow`), with its path in the tree. */
  const deviceAt = (path: string, noFollow = false): Device | undefined => {
    const d = devices.get(path);
    if (d || noFollow) return d;
    const real = realPath(tree, path);
    return real ? devices.get(real) : undefined;
  };
  const deviceStat = (d: Device): FsStat => ({ type: 'char', size: 0, mode: d.mode, mtimeMs: opts.mountedAt, uid: 0, gid: d.gid, device: { major: d.major, minor: d.minor } });
  /** A tmpfs directory's size is 40 bytes and 20 per entry (devpts shows 0), as `ls -l` shows them. */
  const treeStat = (path: string, st: FsStat | null): FsStat | null => {
    if (!st || st.type !== 'dir') return st;
    const real = realPath(tree, path) ?? path;
    return { ...st, size: real === '/dev/pts' ? 0 : 40 + 20 * (tree.readdir(real)?.length ?? 0) };
  };
  const bytes = (kind: DeviceKind): Uint8Array | null => {
    switch (kind) {
      case 'zero':
      case 'full':
        return new Uint8Array(READ_BYTES);
      case 'random': {
        const out = new Uint8Array(READ_BYTES);
        for (let i = 0; i < out.length; i += 4) {
          const v = Math.floor(opts.random() * 0x1_0000_0000);
          for (let j = 0; j < 4 && i + j < out.length; j++) out[i + j] = (v >>> (8 * j)) & 0xff;
        }
        return out;
      }
      case 'tty':
        // Reading the terminal through /dev/tty is not simulated (the applets read it as their stdin).
        return null;
      default:
        return new Uint8Array(0);
    }
  };
  const write = (d: Device, data: Uint8Array): FsErrno | null => {
    if (d.kind === 'full') return data.length ? 'ENOSPC' : null;
    if (d.kind === 'tty') {
      if (!opts.tty) return 'ENXIO';
      if (data.length) opts.terminal?.(new TextDecoder().decode(data));
    }
    return null;
  };
  /** Removes the device a path names (rm /dev/null), so a new file can take its place. */
  const forget = (path: string) => devices.delete(path);
  /** Where a link of the tree leads out of it (/dev/stdout -> /proc/self/fd/1), else null. */
  const outside = (path: string): string | null => {
    const real = realPath(tree, path, 'rest');
    return real && !inDev(real) ? real : null;
  };
  /** A write through a link out of /dev: stdout and stderr are the process's; other paths the filesystem's. */
  const writeOut = (real: string, data: Uint8Array, append: boolean, mode?: number): FsErrno | null => {
    const fd = /^\/proc\/self\/fd\/([12])$/.exec(real);
    if (fd) {
      if (data.length) opts.descriptor?.(Number(fd[1]) as 1 | 2, new TextDecoder().decode(data));
      return null;
    }
    return append ? appendFile(inner, real, data) : inner.writeFile(real, data, mode);
  };

  return {
    stat(path) {
      if (!inDev(path)) return inner.stat(path);
      const d = deviceAt(path);
      if (d) return deviceStat(d);
      const st = tree.stat(path);
      if (st) return treeStat(path, st);
      // A link out of the tree (/dev/stdout -> /proc/self/fd/1) leads to the process's filesystem.
      const out = outside(path);
      return out ? inner.stat(out) : null;
    },
    lstat(path) {
      if (!inDev(path)) return inner.lstat ? inner.lstat(path) : inner.stat(path);
      const d = deviceAt(path, true);
      return d ? deviceStat(d) : treeStat(path, tree.lstat(path));
    },
    readlink(path) {
      return inDev(path) ? tree.readlink(path) : inner.readlink ? inner.readlink(path) : null;
    },
    readFile(path) {
      if (!inDev(path)) return inner.readFile(path);
      const d = deviceAt(path);
      if (d) return bytes(d.kind);
      const out = outside(path);
      return out ? inner.readFile(out) : tree.readFile(path);
    },
    readdir(path) {
      if (inDev(path)) return tree.readdir(path);
      const names = inner.readdir(path);
      return path === '/' && names && !names.includes('dev') ? [...names, 'dev'].sort() : names;
    },
    writeFile(path, data, mode) {
      if (!inDev(path)) return inner.writeFile(path, data, mode);
      const d = deviceAt(path);
      if (d) return write(d, data);
      const out = outside(path);
      return out ? writeOut(out, data, false, mode) : tree.writeFile(path, data, mode);
    },
    appendFile(path, data, mode) {
      if (!inDev(path)) return inner.appendFile ? inner.appendFile(path, data, mode) : appendFile(inner, path, data);
      const d = deviceAt(path);
      if (d) return write(d, data);
      const out = outside(path);
      return out ? writeOut(out, data, true) : tree.appendFile(path, data, mode);
    },
    mkdir(path, mode) {
      return inDev(path) ? tree.mkdir(path, mode) : inner.mkdir(path, mode);
    },
    rm(path) {
      if (!inDev(path)) return inner.rm(path);
      const e = tree.rm(path);
      if (!e) forget(path);
      return e;
    },
    rename(from, to) {
      if (inDev(from) !== inDev(to)) return moveAcross(inDev(from) ? tree : inner, inDev(to) ? tree : inner, from, to);
      if (!inDev(from)) return inner.rename(from, to);
      const d = devices.get(from);
      const e = tree.rename(from, to);
      if (!e && d) {
        forget(from);
        devices.set(to, d);
      }
      return e;
    },
    chmod(path, mode) {
      if (!inDev(path)) return inner.chmod ? inner.chmod(path, mode) : null;
      const d = deviceAt(path);
      if (d) d.mode = mode;
      return tree.chmod(path, mode);
    },
    chown(path, uid, gid) {
      return inDev(path) ? tree.chown(path, uid, gid) : inner.chown ? inner.chown(path, uid, gid) : null;
    },
    symlink(target, path) {
      return inDev(path) ? tree.symlink(target, path) : inner.symlink ? inner.symlink(target, path) : 'EINVAL';
    },
    writeSynthetic(path, content: SyntheticFile, mode) {
      if (inDev(path)) return tree.writeSynthetic(path, content, mode);
      return inner.writeSynthetic ? inner.writeSynthetic(path, content, mode) : 'EINVAL';
    },
  };
}

/** A move between /dev's tmpfs and the rest (another filesystem): a copy of a file, then the original goes. */
function moveAcross(from: ProcessFs, to: ProcessFs, a: string, b: string): FsErrno | null {
  const st = from.lstat ? from.lstat(a) : from.stat(a);
  if (!st) return 'ENOENT';
  if (st.type !== 'file') return 'EINVAL';
  const data = from.readFile(a) ?? new Uint8Array();
  return to.writeFile(b, data, st.mode) ?? from.rm(a);
}
