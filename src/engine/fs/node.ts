/**
 * Filesystem nodes: what a layer stores at a path. File content is either real bytes or a "synthetic"
 * descriptor (size + seed) for big simulated binaries, so a 60 MB `npm install` costs a few bytes of memory.
 */

export type NodeType = 'file' | 'dir' | 'symlink';

/** Content that is never materialised: identified by its seed, `size` bytes long. */
export interface SyntheticContent {
  seed: string;
  size: number;
}

export interface FsNode {
  type: NodeType;
  /** Permission bits (0o755), without the type bits. */
  mode: number;
  uid: number;
  gid: number;
  /** Files: content length; symlinks: target length; dirs: 0. */
  size: number;
  /** File content (files only; absent for synthetic files). */
  data?: Uint8Array;
  /** Big simulated file content (files only). */
  synthetic?: SyntheticContent;
  /** Symlink target. */
  target?: string;
  /** Modification time, ms since epoch (not part of any digest, like Docker's COPY checksum). */
  mtime: number;
  /** Dirs only: this directory hides everything below it in lower layers (overlay "opaque", `.wh..wh..opq`). */
  opaque?: boolean;
}

/** A deletion marker in a layer (the `.wh.<name>` file of the OCI layer format). */
export interface Whiteout {
  type: 'whiteout';
}

export type LayerEntry = FsNode | Whiteout;

export const WHITEOUT: Whiteout = Object.freeze({ type: 'whiteout' }) as Whiteout;

export function isWhiteout(e: LayerEntry | undefined): e is Whiteout {
  return !!e && e.type === 'whiteout';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function textBytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function bytesText(b: Uint8Array): string {
  return decoder.decode(b);
}

export interface NodeInit {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

export function fileNode(content: Uint8Array | string | SyntheticContent, init: NodeInit = {}): FsNode {
  // Object literals of one fixed shape (no spreads): COPY creates thousands of these per build.
  const mode = init.mode ?? 0o644;
  const uid = init.uid ?? 0;
  const gid = init.gid ?? 0;
  const mtime = init.mtime ?? 0;
  if (typeof content === 'string') {
    const data = encoder.encode(content);
    return { type: 'file', mode, uid, gid, mtime, size: data.length, data };
  }
  // ArrayBuffer.isView, not instanceof: bytes may come from another realm (a jsdom window, a worker).
  if (ArrayBuffer.isView(content)) return { type: 'file', mode, uid, gid, mtime, size: content.length, data: content };
  return { type: 'file', mode, uid, gid, mtime, size: content.size, synthetic: { seed: content.seed, size: content.size } };
}

export function dirNode(init: NodeInit = {}): FsNode {
  return { type: 'dir', mode: init.mode ?? 0o755, uid: init.uid ?? 0, gid: init.gid ?? 0, size: 0, mtime: init.mtime ?? 0 };
}

export function symlinkNode(target: string, init: NodeInit = {}): FsNode {
  return { type: 'symlink', mode: 0o777, uid: init.uid ?? 0, gid: init.gid ?? 0, size: target.length, target, mtime: init.mtime ?? 0 };
}

/**
 * Spare room behind file contents that grew by appending: the view a file holds → the larger buffer it is the
 * start of. A view can grow in place once (its entry is then taken), so views shared by several files or layers
 * never see each other's appends; each append copies only the new bytes, and the whole file only when the
 * buffer is full (doubling), so repeated appends cost time linear in the bytes written.
 */
const spareRoom = new WeakMap<Uint8Array, Uint8Array>();

/** Bytes copied by appendBytes so far (the measure that appends stay linear). */
export const appendCopies = { bytes: 0 };

/** `old` followed by `add`, reusing spare room behind `old` when it has some. Neither argument changes. */
export function appendBytes(old: Uint8Array, add: Uint8Array): Uint8Array {
  const length = old.length + add.length;
  const backing = spareRoom.get(old);
  let buf: Uint8Array;
  if (backing && backing.length >= length) {
    spareRoom.delete(old);
    buf = backing;
    buf.set(add, old.length);
    appendCopies.bytes += add.length;
  } else {
    buf = new Uint8Array(Math.max(length, old.length * 2, 256));
    buf.set(old);
    buf.set(add, old.length);
    appendCopies.bytes += length;
  }
  const view = buf.subarray(0, length);
  spareRoom.set(view, buf);
  return view;
}

/** Digests of byte arrays, computed once per array (the same Uint8Array is shared by every layer that holds it). */
const digestCache = new WeakMap<Uint8Array, string>();

/** The content identity of a file: sha256 of its bytes, or of its synthetic descriptor. */
export function contentDigest(node: FsNode, sha256: (d: Uint8Array | string) => string): string {
  if (node.type === 'symlink') return 'link:' + (node.target ?? '');
  if (node.type === 'dir') return '';
  if (node.synthetic) return sha256(`synthetic:${node.synthetic.seed}:${node.synthetic.size}`);
  const data = node.data ?? new Uint8Array(0);
  let d = digestCache.get(data);
  if (d === undefined) {
    d = sha256(data);
    digestCache.set(data, d);
  }
  return d;
}

/** The digest of these bytes if it is already known (never hashes). */
export function knownDigest(data: Uint8Array): string | undefined {
  return digestCache.get(data);
}

/** Lets a caller that already hashed some bytes (the build-context cache) share the digest. */
export function rememberDigest(data: Uint8Array, digest: string): void {
  digestCache.set(data, digest);
}

/** Content of a file as bytes. Synthetic content is generated deterministically (capped at `max` bytes). */
export function nodeBytes(node: FsNode, max = 1 << 20): Uint8Array {
  if (node.data) return node.data;
  if (!node.synthetic) return new Uint8Array(0);
  const n = Math.min(node.synthetic.size, max);
  const out = new Uint8Array(n);
  let h = 2166136261;
  for (let i = 0; i < node.synthetic.seed.length; i++) h = Math.imul(h ^ node.synthetic.seed.charCodeAt(i), 16777619);
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) + i;
    out[i] = h & 0xff;
  }
  return out;
}

export function cloneNode(n: FsNode, patch: Partial<FsNode> = {}): FsNode {
  const c: FsNode = { ...n, ...patch };
  if (c.type !== 'dir') delete c.opaque;
  return c;
}
