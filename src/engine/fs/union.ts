/**
 * A union view over a stack of read-only layers plus one writable layer on top: what a RUN step or a
 * container sees and writes into. Reads walk the stack top-down (no tree copies); writes go to the
 * upper layer (copy-up of single nodes, whiteouts for deletions, opaque dirs for re-created dirs).
 *
 * Errors are thrown as FsError (code + POSIX-style message); callers (the shell simulator, COPY) turn them into
 * the text a real tool prints.
 */
import { Layer, type Sha256 } from './layer';
import { appendBytes, cloneNode, dirNode, fileNode, isWhiteout, nodeBytes, symlinkNode, WHITEOUT, type FsNode, type NodeInit, type SyntheticContent } from './node';
import { ancestors, basename, dirname, isWithin, joinPath, normalizePath } from './path';
import { hiddenBy, SealedStack } from './sealed-stack';

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'ELOOP' | 'EINVAL';

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Symbolic link loop',
  EINVAL: 'Invalid argument',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(MESSAGES[code]);
  }
  /** "No such file or directory" etc. */
  get text(): string {
    return MESSAGES[this.code];
  }
}

export interface Stat extends FsNode {
  /** The resolved path (symlinks followed). */
  path: string;
}

export interface WriteOptions extends NodeInit {
  /** Create missing parent directories. */
  parents?: boolean;
}

const ROOT: FsNode = dirNode();

export class UnionFs {
  readonly upper: Layer;
  /** Bottom first. */
  readonly lower: readonly Layer[];
  /** Timestamp for new nodes. */
  now: () => number;
  /** The lower layers' remembered lookups, when all of them are sealed (undefined: not asked yet). */
  private sealedLower: SealedStack | null | undefined;

  constructor(lower: readonly Layer[], upper: Layer = new Layer(), now: () => number = () => 0) {
    this.lower = lower;
    this.upper = upper;
    this.now = now;
  }

  // ---------- reading ----------

  /** The entry at an exact (already resolved) path, honouring whiteouts and opaque dirs; no symlink following. */
  lookupRaw(path: string): FsNode | null {
    if (path === '/') {
      for (let i = this.lower.length; i >= 0; i--) {
        const e = (i === this.lower.length ? this.upper : this.lower[i]).get('/');
        if (e && !isWhiteout(e)) return e;
      }
      return ROOT;
    }
    const sealed = this.sealedStack();
    if (sealed) {
      const e = this.upper.get(path);
      if (e) return isWhiteout(e) ? null : e;
      if (this.upper.hides && hiddenBy(this.upper, path)) return null;
      return sealed.lookup(path);
    }
    for (let i = this.lower.length; i >= 0; i--) {
      const layer = i === this.lower.length ? this.upper : this.lower[i];
      const e = layer.get(path);
      if (e) return isWhiteout(e) ? null : e;
      if (layer.hides && hiddenBy(layer, path)) return null;
    }
    return null;
  }

  /** The same lookup against the lower layers only (what a committed upper layer changed from). */
  lookupLower(path: string): FsNode | null {
    const sealed = path === '/' ? null : this.sealedStack();
    if (sealed) return sealed.lookup(path);
    return new UnionFs(this.lower.slice(0, -1), this.lower[this.lower.length - 1] ?? new Layer()).lookupRaw(path);
  }

  private sealedStack(): SealedStack | null {
    if (this.sealedLower === undefined) this.sealedLower = SealedStack.of(this.lower);
    return this.sealedLower;
  }

  /**
   * Resolves symlinks in every component (and in the last one when `followLast`).
   * Returns the real path and its node (null when the final component does not exist but its parent does).
   */
  resolve(path: string, followLast = true, cwd = '/'): { path: string; node: FsNode | null } {
    const norm = normalizePath(path, cwd);
    if (norm === '/') return { path: '/', node: this.lookupRaw('/') };
    // Each component's path is a prefix of the normalised path until a symlink is met; then resolveLinks.
    let from = 1;
    for (;;) {
      const slash = norm.indexOf('/', from);
      const last = slash < 0;
      const next = last ? norm : norm.slice(0, slash);
      const node = this.lookupRaw(next);
      if (!node) {
        if (last) return { path: next, node: null };
        throw new FsError('ENOENT', next);
      }
      if (node.type === 'symlink' && (!last || followLast)) return this.resolveLinks(norm, followLast);
      if (last) return { path: next, node };
      if (node.type !== 'dir') throw new FsError('ENOTDIR', next);
      from = slash + 1;
    }
  }

  /** `resolve` of a normalised path that goes through symlinks. */
  private resolveLinks(norm: string, followLast: boolean): { path: string; node: FsNode | null } {
    let hops = 0;
    const parts = norm.split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = joinPath(cur, parts[i]);
      const node = this.lookupRaw(next);
      const last = i === parts.length - 1;
      if (!node) {
        if (last) return { path: next, node: null };
        throw new FsError('ENOENT', next);
      }
      if (node.type === 'symlink' && (!last || followLast)) {
        if (++hops > 40) throw new FsError('ELOOP', next);
        const target = normalizePath(node.target ?? '', cur);
        const rest = parts.slice(i + 1);
        parts.splice(0, parts.length, ...target.split('/').filter(Boolean), ...rest);
        i = -1;
        cur = '/';
        continue;
      }
      if (!last && node.type !== 'dir') throw new FsError('ENOTDIR', next);
      cur = next;
      if (last) return { path: cur, node };
    }
    return { path: '/', node: this.lookupRaw('/') };
  }

  /** stat (follows symlinks); null when missing. */
  stat(path: string, cwd = '/'): Stat | null {
    try {
      const r = this.resolve(path, true, cwd);
      return r.node ? { ...r.node, path: r.path } : null;
    } catch {
      return null;
    }
  }

  /** lstat (does not follow a final symlink); null when missing. */
  lstat(path: string, cwd = '/'): Stat | null {
    try {
      const r = this.resolve(path, false, cwd);
      return r.node ? { ...r.node, path: r.path } : null;
    } catch {
      return null;
    }
  }

  exists(path: string, cwd = '/'): boolean {
    return this.stat(path, cwd) !== null;
  }

  /** Names in a directory, sorted. Throws ENOENT / ENOTDIR. */
  readdir(path: string, cwd = '/'): string[] {
    const r = this.resolve(path, true, cwd);
    if (!r.node) throw new FsError('ENOENT', r.path);
    if (r.node.type !== 'dir') throw new FsError('ENOTDIR', r.path);
    const dir = r.path;
    const names = new Set<string>();
    for (let i = this.lower.length; i >= 0; i--) {
      const layer = i === this.lower.length ? this.upper : this.lower[i];
      for (const n of layer.children(dir)) names.add(n);
      const own = layer.get(dir);
      if (own && (isWhiteout(own) || (own as FsNode).opaque)) break;
      if (layer.hides && dir !== '/' && ancestors(dir).some((a) => { const ae = layer.get(a); return !!ae && (isWhiteout(ae) || !!(ae as FsNode).opaque); })) break;
    }
    const out: string[] = [];
    for (const n of names) if (this.lookupRaw(joinPath(dir, n))) out.push(n);
    return out.sort();
  }

  /** File bytes (symlinks followed). Throws ENOENT / EISDIR. */
  readFile(path: string, cwd = '/'): Uint8Array {
    const r = this.resolve(path, true, cwd);
    if (!r.node) throw new FsError('ENOENT', r.path);
    if (r.node.type === 'dir') throw new FsError('EISDIR', r.path);
    return nodeBytes(r.node);
  }

  readText(path: string, cwd = '/'): string {
    return new TextDecoder().decode(this.readFile(path, cwd));
  }

  /** Every path under `root` (depth-first, sorted), with its node; root included. Symlinks are not followed. */
  walk(root: string, cwd = '/'): { path: string; node: FsNode }[] {
    const r = this.resolve(root, true, cwd);
    if (!r.node) return [];
    const out: { path: string; node: FsNode }[] = [];
    const visit = (p: string, n: FsNode) => {
      out.push({ path: p, node: n });
      if (n.type !== 'dir') return;
      for (const name of this.readdir(p)) {
        const cp = joinPath(p, name);
        const cn = this.lookupRaw(cp);
        if (cn) visit(cp, cn);
      }
    };
    visit(r.path, r.node);
    return out;
  }

  /** Total size of files under a path. */
  du(root: string, cwd = '/'): number {
    let s = 0;
    for (const { node } of this.walk(root, cwd)) if (node.type === 'file') s += node.size;
    return s;
  }

  // ---------- writing (into the upper layer) ----------

  private put(path: string, node: FsNode): void {
    const prev = this.upper.get(path);
    // A directory created where a lower one was deleted in this layer must hide the old contents.
    if (node.type === 'dir' && prev && isWhiteout(prev)) node = { ...node, opaque: true };
    this.upper.set(path, node);
  }

  /** Parent directory of `path` must exist (or is created with `parents`). Returns the resolved parent path. */
  private parentFor(path: string, parents: boolean | undefined, init: NodeInit): string {
    const norm = normalizePath(path);
    const parent = dirname(norm);
    // resolve throws ENOENT when a directory above the parent is missing too (mkdir -p /a/b/c on a bare /)
    const r = parents ? this.resolveSafe(parent, true) : this.resolve(parent, true);
    if (!r || !r.node) {
      if (!parents) throw new FsError('ENOENT', norm);
      this.mkdir(parent, { parents: true, uid: init.uid, gid: init.gid });
      return this.resolve(parent, true).path;
    }
    if (r.node.type !== 'dir') throw new FsError('ENOTDIR', norm);
    return r.path;
  }

  mkdir(path: string, opts: WriteOptions = {}): void {
    const norm = normalizePath(path);
    if (norm === '/') return;
    const r = this.resolveSafe(norm, true);
    if (r && r.node) {
      if (r.node.type === 'dir') {
        if (opts.parents) return;
        throw new FsError('EEXIST', norm);
      }
      throw new FsError(opts.parents ? 'ENOTDIR' : 'EEXIST', norm);
    }
    const parent = this.parentFor(norm, opts.parents, opts);
    this.put(joinPath(parent, basename(norm)), dirNode({ mode: opts.mode ?? 0o755, uid: opts.uid, gid: opts.gid, mtime: this.now() }));
  }

  mkdirp(path: string, init: NodeInit = {}): void {
    this.mkdir(path, { ...init, parents: true });
  }

  private resolveSafe(path: string, followLast: boolean): { path: string; node: FsNode | null } | null {
    try {
      return this.resolve(path, followLast);
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Writes a whole file (creates or replaces; keeps an existing file's mode and owner unless given). */
  writeFile(path: string, content: Uint8Array | string | SyntheticContent, opts: WriteOptions = {}): void {
    const parentPath = this.parentFor(path, opts.parents, opts);
    let target = joinPath(parentPath, basename(normalizePath(path)));
    let existing = this.lookupRaw(target);
    if (existing?.type === 'symlink') {
      const r = this.resolve(target, true);
      target = r.path;
      existing = r.node;
      if (!existing) this.parentFor(target, opts.parents, opts);
    }
    if (existing?.type === 'dir') throw new FsError('EISDIR', target);
    const node = fileNode(content, {
      mode: opts.mode ?? existing?.mode ?? 0o644,
      uid: opts.uid ?? existing?.uid ?? 0,
      gid: opts.gid ?? existing?.gid ?? 0,
      mtime: this.now(),
    });
    this.put(target, node);
  }

  appendFile(path: string, content: Uint8Array | string, opts: WriteOptions = {}): void {
    const st = this.stat(path);
    if (!st) return this.writeFile(path, content, opts);
    if (st.type === 'dir') throw new FsError('EISDIR', st.path);
    const add = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.writeFile(st.path, appendBytes(nodeBytes(st), add), { mode: st.mode, uid: st.uid, gid: st.gid });
  }

  /** Creates an empty file or updates the mtime of an existing path. */
  touch(path: string, opts: NodeInit = {}): void {
    const st = this.stat(path);
    if (!st) return this.writeFile(path, new Uint8Array(0), opts);
    this.put(st.path, cloneNode(this.lookupRaw(st.path)!, { mtime: this.now() }));
  }

  symlink(target: string, path: string, init: NodeInit = {}): void {
    const norm = normalizePath(path);
    if (this.lookupRaw(norm)) throw new FsError('EEXIST', norm);
    const parent = this.parentFor(norm, false, init);
    this.put(joinPath(parent, basename(norm)), symlinkNode(target, { ...init, mtime: this.now() }));
  }

  /** Puts a node exactly as given (COPY/ADD/cp use it to carry modes and owners). */
  putNode(path: string, node: FsNode, parents = true): void {
    const norm = normalizePath(path);
    const parent = this.parentFor(norm, parents, { uid: node.uid, gid: node.gid });
    const p = joinPath(parent, basename(norm));
    const existing = this.lookupRaw(p);
    if (existing && existing.type === 'dir' && node.type === 'dir') {
      this.put(p, cloneNode(node, { opaque: undefined }));
      return;
    }
    if (existing && existing.type === 'dir' && node.type !== 'dir') this.removeTree(p);
    this.put(p, cloneNode(node, { opaque: undefined }));
  }

  /** Removes a path (and, with `recursive`, everything below it). `force` ignores a missing path. */
  rm(path: string, opts: { recursive?: boolean; force?: boolean } = {}): void {
    const norm = normalizePath(path);
    let r: { path: string; node: FsNode | null } | null;
    try {
      r = this.resolve(norm, false);
    } catch (e) {
      if (opts.force && e instanceof FsError) return;
      throw e;
    }
    if (!r.node) {
      if (opts.force) return;
      throw new FsError('ENOENT', norm);
    }
    if (r.node.type === 'dir' && !opts.recursive) throw new FsError('EISDIR', norm);
    if (r.path === '/') {
      for (const n of this.readdir('/')) this.removeTree(joinPath('/', n));
      return;
    }
    this.removeTree(r.path);
  }

  /** rmdir: only an empty directory. */
  rmdir(path: string): void {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', normalizePath(path));
    if (st.type !== 'dir') throw new FsError('ENOTDIR', st.path);
    if (this.readdir(st.path).length) throw new FsError('ENOTEMPTY', st.path);
    this.removeTree(st.path);
  }

  private removeTree(p: string): void {
    for (const q of this.upper.pathsUnder(p)) this.upper.delete(q);
    if (this.lowerHas(p)) this.upper.set(p, WHITEOUT);
  }

  private lowerHas(p: string): boolean {
    return this.lower.length > 0 && this.lookupLower(p) !== null;
  }

  /** Copies a file, symlink or (with `recursive`) a directory tree. Like `cp`: into an existing dir as its basename. */
  cp(src: string, dst: string, opts: { recursive?: boolean; preserve?: boolean; cwd?: string } = {}): void {
    const cwd = opts.cwd ?? '/';
    const s = this.resolve(src, true, cwd);
    if (!s.node) throw new FsError('ENOENT', normalizePath(src, cwd));
    if (s.node.type === 'dir' && !opts.recursive) throw new FsError('EISDIR', s.path);
    let d = normalizePath(dst, cwd);
    const dst0 = this.stat(d);
    if (dst0?.type === 'dir') d = joinPath(dst0.path, basename(s.path));
    if (isWithin(d, s.path) && s.node.type === 'dir') throw new FsError('EINVAL', d);
    this.copyTree(s.path, d, opts.preserve ?? false);
  }

  /** Copies the tree at resolved `from` to exactly `to`. */
  copyTree(from: string, to: string, preserve: boolean, fromFs: UnionFs = this, init?: { uid?: number; gid?: number; mode?: number }): void {
    const items = fromFs.walk(from);
    const now = this.now();
    for (const { path, node } of items) {
      const rel = path === from ? '' : path.slice(from === '/' ? 1 : from.length + 1);
      const target = rel === '' ? to : joinPath(to, rel);
      const patch: Partial<FsNode> = preserve ? {} : { mtime: now };
      if (init?.uid !== undefined) patch.uid = init.uid;
      if (init?.gid !== undefined) patch.gid = init.gid;
      if (init?.mode !== undefined && node.type !== 'symlink') patch.mode = init.mode;
      this.putNode(target, cloneNode(node, patch));
    }
  }

  /** Renames (moves) a path; into an existing dir as its basename. */
  mv(src: string, dst: string, cwd = '/'): void {
    const s = this.resolve(src, false, cwd);
    if (!s.node) throw new FsError('ENOENT', normalizePath(src, cwd));
    let d = normalizePath(dst, cwd);
    const dst0 = this.stat(d);
    if (dst0?.type === 'dir') d = joinPath(dst0.path, basename(s.path));
    if (d === s.path) return;
    if (s.node.type === 'dir' && isWithin(d, s.path)) throw new FsError('EINVAL', d);
    this.copyTree(s.path, d, true);
    this.removeTree(s.path);
  }

  chmod(path: string, mode: number | ((old: number, type: FsNode['type']) => number), opts: { recursive?: boolean; cwd?: string } = {}): void {
    this.update(path, opts, (n) => (n.type === 'symlink' ? {} : { mode: typeof mode === 'number' ? mode : mode(n.mode, n.type) }));
  }

  chown(path: string, uid: number, gid: number | undefined, opts: { recursive?: boolean; cwd?: string } = {}): void {
    this.update(path, opts, (n) => ({ uid, gid: gid ?? n.gid }));
  }

  private update(path: string, opts: { recursive?: boolean; cwd?: string }, patch: (n: FsNode) => Partial<FsNode>): void {
    const r = this.resolve(path, true, opts.cwd);
    if (!r.node) throw new FsError('ENOENT', normalizePath(path, opts.cwd));
    const items = opts.recursive ? this.walk(r.path) : [{ path: r.path, node: r.node }];
    for (const { path: p, node } of items) {
      const upd = cloneNode(node, patch(node));
      // Copy-up keeps a lower directory's contents visible: never mark it opaque.
      delete upd.opaque;
      if (node.opaque) upd.opaque = true;
      this.upper.set(p, upd);
    }
  }

  /** Seals the upper layer (diffId, size, change summary against the lower stack). */
  commit(sha256: Sha256): Layer {
    return this.upper.seal(sha256, (p) => this.lookupLower(p));
  }

  /** A read-only view of lower + upper as a new stack (for a following step). */
  layers(): Layer[] {
    return [...this.lower, this.upper];
  }
}
