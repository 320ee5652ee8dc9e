/**
 * An in-memory `ProcessFs`: used by tests, by the worker side of the Web Worker / worker_threads hosts (loaded
 * from a snapshot of the container's files) and as a scratch fs. Writes can be observed through `onChange`, which
 * is how a worker sends its writes back to the engine-side filesystem.
 */
import type { FsErrno, FsStat, ProcessFs, SyntheticFile } from './process';
import { appendFile, basename, dirname, encodeText, resolvePath } from './fs-helpers';
import { appendBytes, nodeBytes } from '../fs/node';

interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtimeMs: number;
  data?: Uint8Array;
  /** A file whose bytes are generated from a seed when read (ProcessFs.writeSynthetic). */
  synthetic?: SyntheticFile;
  target?: string;
  children?: Map<string, Node>;
  uid?: number;
  gid?: number;
}

/** A serialisable description of one entry, used to ship a filesystem to a worker. */
export interface FsSnapshotEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtimeMs?: number;
  data?: Uint8Array;
  target?: string;
  /** Content left out of the snapshot (large binaries): the file reads as this many zero bytes. */
  omittedSize?: number;
  /** Content given by a seed and a size (ProcessFs.writeSynthetic). */
  synthetic?: SyntheticFile;
}

/** A change made to a MemoryFs, replayable on another ProcessFs with `applyFsChange`. */
export type FsChange =
  | { op: 'writeFile'; path: string; data: Uint8Array; mode?: number }
  | { op: 'append'; path: string; data: Uint8Array }
  | { op: 'mkdir'; path: string; mode?: number }
  | { op: 'rm'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'writeSynthetic'; path: string; content: SyntheticFile; mode?: number }
  | { op: 'chown'; path: string; uid: number; gid: number }
  | { op: 'symlink'; target: string; path: string };

/** Bytes a synthetic file reads as (the same generator, and cap, as the union filesystem's). */
export function syntheticBytes(content: SyntheticFile): Uint8Array {
  return nodeBytes({ type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: content.size, synthetic: content });
}

/** The paths a list of changes touches. */
export function changedPaths(changes: FsChange[]): string[] {
  return changes.flatMap((c) => (c.op === 'rename' ? [c.from, c.to] : [c.path]));
}

export function applyFsChange(fs: ProcessFs, c: FsChange): FsErrno | null {
  switch (c.op) {
    case 'writeFile':
      return fs.writeFile(c.path, c.data, c.mode);
    case 'append':
      return appendFile(fs, c.path, c.data);
    case 'mkdir':
      return fs.mkdir(c.path, c.mode);
    case 'rm':
      return fs.rm(c.path);
    case 'rename':
      return fs.rename(c.from, c.to);
    case 'chmod':
      return fs.chmod ? fs.chmod(c.path, c.mode) : null;
    case 'writeSynthetic':
      return fs.writeSynthetic ? fs.writeSynthetic(c.path, c.content, c.mode) : fs.writeFile(c.path, syntheticBytes(c.content), c.mode);
    case 'chown':
      return fs.chown ? fs.chown(c.path, c.uid, c.gid) : null;
    case 'symlink':
      return fs.symlink ? fs.symlink(c.target, c.path) : 'EINVAL';
  }
}

export class MemoryFs implements ProcessFs {
  private root: Node = { type: 'dir', mode: 0o755, mtimeMs: 0, children: new Map() };
  /** Called after every successful mutation. */
  onChange?: (change: FsChange) => void;
  /** Supplies mtimes for writes (virtual time); defaults to 0. */
  now: () => number = () => 0;

  /** Builds a MemoryFs from a map of path → text/bytes (parents created) or from snapshot entries. */
  static from(files: Record<string, string | Uint8Array | { content: string | Uint8Array; mode?: number }> | FsSnapshotEntry[]): MemoryFs {
    const fs = new MemoryFs();
    if (Array.isArray(files)) {
      for (const e of files) fs.load(e);
      return fs;
    }
    for (const [path, v] of Object.entries(files)) {
      const spec = typeof v === 'string' || v instanceof Uint8Array ? { content: v } : v;
      const data = typeof spec.content === 'string' ? encodeText(spec.content) : spec.content;
      if (path.endsWith('/')) {
        fs.load({ path: path.slice(0, -1), type: 'dir', mode: spec.mode ?? 0o755 });
      } else fs.load({ path, type: 'file', mode: spec.mode ?? 0o644, data });
    }
    return fs;
  }

  /** Adds one entry, creating parents; no change notification. */
  load(e: FsSnapshotEntry): void {
    const parts = e.path.split('/').filter(Boolean);
    let dir = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = dir.children!.get(parts[i]);
      if (!next || next.type !== 'dir') {
        next = { type: 'dir', mode: 0o755, mtimeMs: 0, children: new Map() };
        dir.children!.set(parts[i], next);
      }
      dir = next;
    }
    if (parts.length === 0) {
      this.root.mode = e.mode;
      return;
    }
    const name = parts[parts.length - 1];
    const existing = dir.children!.get(name);
    if (e.type === 'dir') {
      if (existing?.type === 'dir') existing.mode = e.mode;
      else dir.children!.set(name, { type: 'dir', mode: e.mode, mtimeMs: e.mtimeMs ?? 0, children: new Map() });
    } else if (e.type === 'symlink') {
      dir.children!.set(name, { type: 'symlink', mode: e.mode, mtimeMs: e.mtimeMs ?? 0, target: e.target ?? '' });
    } else {
      if (e.synthetic) dir.children!.set(name, { type: 'file', mode: e.mode, mtimeMs: e.mtimeMs ?? 0, synthetic: { ...e.synthetic } });
      else dir.children!.set(name, { type: 'file', mode: e.mode, mtimeMs: e.mtimeMs ?? 0, data: e.data ?? new Uint8Array(e.omittedSize ?? 0) });
    }
  }

  /** Every entry as snapshot entries (root excluded), sorted by path. */
  snapshot(): FsSnapshotEntry[] {
    const out: FsSnapshotEntry[] = [];
    const visit = (n: Node, p: string) => {
      for (const [name, c] of [...n.children!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const cp = `${p}/${name}`;
        out.push({ path: cp, type: c.type, mode: c.mode, mtimeMs: c.mtimeMs, data: c.data, target: c.target, ...(c.synthetic ? { synthetic: { ...c.synthetic } } : {}) });
        if (c.type === 'dir') visit(c, cp);
      }
    };
    visit(this.root, '');
    return out;
  }

  private lookup(path: string, follow: boolean, depth = 0): Node | null {
    if (depth > 16) return null;
    const parts = path.split('/').filter(Boolean);
    let n: Node = this.root;
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      if (n.type !== 'dir') return null;
      const c = n.children!.get(parts[i]);
      if (!c) return null;
      cur += '/' + parts[i];
      if (c.type === 'symlink' && (follow || i < parts.length - 1)) {
        // Relative targets resolve from the link's directory, `..` included (npm -> ../lib/node_modules/...).
        const t = resolvePath(dirname(cur), c.target!);
        const rest = parts.slice(i + 1).join('/');
        return this.lookup(rest ? resolvePath(t, rest) : t, follow, depth + 1);
      }
      n = c;
    }
    return n;
  }

  private parentOf(path: string): Node | null {
    const p = this.lookup(dirname(path), true);
    return p && p.type === 'dir' ? p : null;
  }

  private toStat(n: Node): FsStat {
    return {
      type: n.type,
      size: n.type === 'file' ? (n.synthetic ? n.synthetic.size : n.data!.length) : n.type === 'symlink' ? n.target!.length : 4096,
      mode: n.mode,
      mtimeMs: n.mtimeMs,
      ...(n.uid !== undefined ? { uid: n.uid, gid: n.gid ?? 0 } : {}),
    };
  }

  stat(path: string): FsStat | null {
    const n = this.lookup(path, true);
    return n ? this.toStat(n) : null;
  }

  lstat(path: string): FsStat | null {
    const n = this.lookup(path, false);
    return n ? this.toStat(n) : null;
  }

  readlink(path: string): string | null {
    const n = this.lookup(path, false);
    return n?.type === 'symlink' ? n.target! : null;
  }

  readFile(path: string): Uint8Array | null {
    const n = this.lookup(path, true);
    if (n?.type !== 'file') return null;
    return n.synthetic ? syntheticBytes(n.synthetic) : n.data!;
  }

  readdir(path: string): string[] | null {
    const n = this.lookup(path, true);
    if (n?.type !== 'dir') return null;
    return [...n.children!.keys()].sort();
  }

  writeFile(path: string, data: Uint8Array, mode?: number): FsErrno | null {
    const parent = this.parentOf(path);
    if (!parent) return this.lookup(dirname(path), true) ? 'ENOTDIR' : 'ENOENT';
    const name = basename(path);
    if (!name) return 'EISDIR';
    let existing = parent.children!.get(name);
    if (existing?.type === 'symlink') existing = this.lookup(path, true) ?? undefined;
    if (existing?.type === 'dir') return 'EISDIR';
    const copy = new Uint8Array(data);
    if (existing && existing.type === 'file') {
      existing.data = copy;
      delete existing.synthetic;
      existing.mtimeMs = this.now();
      if (mode !== undefined) existing.mode = mode;
    } else {
      parent.children!.set(name, { type: 'file', mode: mode ?? 0o644, mtimeMs: this.now(), data: copy });
    }
    this.onChange?.({ op: 'writeFile', path, data: copy, mode });
    return null;
  }

  appendFile(path: string, data: Uint8Array, mode?: number): FsErrno | null {
    const n = this.lookup(path, true);
    if (!n) return this.writeFile(path, data, mode);
    if (n.type === 'dir') return 'EISDIR';
    if (n.type !== 'file') return 'EINVAL';
    const add = new Uint8Array(data);
    n.data = appendBytes(n.synthetic ? syntheticBytes(n.synthetic) : n.data!, add);
    delete n.synthetic;
    n.mtimeMs = this.now();
    this.onChange?.({ op: 'append', path, data: add });
    return null;
  }

  mkdir(path: string, mode?: number): FsErrno | null {
    if (this.lookup(path, false)) return 'EEXIST';
    const parent = this.parentOf(path);
    if (!parent) return 'ENOENT';
    parent.children!.set(basename(path), { type: 'dir', mode: mode ?? 0o755, mtimeMs: this.now(), children: new Map() });
    this.onChange?.({ op: 'mkdir', path, mode });
    return null;
  }

  rm(path: string): FsErrno | null {
    const parent = this.parentOf(path);
    const n = this.lookup(path, false);
    if (!parent || !n) return 'ENOENT';
    if (n.type === 'dir' && n.children!.size > 0) return 'ENOTEMPTY';
    parent.children!.delete(basename(path));
    this.onChange?.({ op: 'rm', path });
    return null;
  }

  rename(from: string, to: string): FsErrno | null {
    const pf = this.parentOf(from);
    const n = this.lookup(from, false);
    if (!pf || !n) return 'ENOENT';
    const pt = this.parentOf(to);
    if (!pt) return 'ENOENT';
    const target = pt.children!.get(basename(to));
    if (target?.type === 'dir' && n.type !== 'dir') return 'EISDIR';
    if (target?.type === 'dir' && target.children!.size > 0) return 'ENOTEMPTY';
    pf.children!.delete(basename(from));
    pt.children!.set(basename(to), n);
    this.onChange?.({ op: 'rename', from, to });
    return null;
  }

  writeSynthetic(path: string, content: SyntheticFile, mode?: number): FsErrno | null {
    const parent = this.parentOf(path);
    if (!parent) return this.lookup(dirname(path), true) ? 'ENOTDIR' : 'ENOENT';
    const name = basename(path);
    if (!name) return 'EISDIR';
    let existing = parent.children!.get(name);
    if (existing?.type === 'symlink') existing = this.lookup(path, true) ?? undefined;
    if (existing?.type === 'dir') return 'EISDIR';
    const synthetic = { seed: content.seed, size: Math.max(0, Math.round(content.size)) };
    if (existing && existing.type === 'file') {
      existing.synthetic = synthetic;
      existing.data = new Uint8Array(0);
      existing.mtimeMs = this.now();
      if (mode !== undefined) existing.mode = mode;
    } else {
      parent.children!.set(name, { type: 'file', mode: mode ?? 0o644, mtimeMs: this.now(), data: new Uint8Array(0), synthetic });
    }
    this.onChange?.({ op: 'writeSynthetic', path, content: synthetic, mode });
    return null;
  }

  symlink(target: string, path: string): FsErrno | null {
    if (this.lookup(path, false)) return 'EEXIST';
    const parent = this.parentOf(path);
    if (!parent) return 'ENOENT';
    parent.children!.set(basename(path), { type: 'symlink', mode: 0o777, mtimeMs: this.now(), target });
    this.onChange?.({ op: 'symlink', target, path });
    return null;
  }

  chown(path: string, uid: number, gid: number): FsErrno | null {
    const n = this.lookup(path, true);
    if (!n) return 'ENOENT';
    n.uid = uid;
    n.gid = gid;
    this.onChange?.({ op: 'chown', path, uid, gid });
    return null;
  }

  /** Owner ids set by chown (0:0 otherwise); ProcessFs has no owner in its stat. */
  owner(path: string): { uid: number; gid: number } | null {
    const n = this.lookup(path, true);
    return n ? { uid: n.uid ?? 0, gid: n.gid ?? 0 } : null;
  }

  chmod(path: string, mode: number): FsErrno | null {
    const n = this.lookup(path, true);
    if (!n) return 'ENOENT';
    n.mode = mode;
    this.onChange?.({ op: 'chmod', path, mode });
    return null;
  }
}
