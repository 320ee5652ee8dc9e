/**
 * How a rebuilt COPY reuses its previous layer: the shape of a COPY (lower layers, destination, flags, each item's
 * target and type), the node a copied item becomes, and glob matching over a stage's or image's files.
 */
import type { Layer } from '../../fs/layer';
import { knownDigest, type FsNode, type LayerEntry } from '../../fs/node';
import { joinPath } from '../../fs/path';
import type { UnionFs } from '../../fs/union';

/** What a COPY's execution decisions depend on: the lower layers, destination, flags, and each item's target and type. */
export interface CopyShape {
  lower: Layer[];
  key: string;
  targets: string[];
  types: string[];
  /** The layer this COPY made last time (its nodes are immutable once sealed), and the items it was made of. */
  layer: Layer | null;
  items: unknown[];
  /** Bytes of the files it copied (the step's simulated duration). */
  bytes: number;
}

/** Below this many items a COPY simply runs its per-item checks (the shape is not worth remembering). */
export const COPY_SHAPE_MIN = 64;

export function copyShape(lower: Layer[], dest: string, dirSyntax: boolean, uid: number | undefined, gid: number | undefined, mode: number | undefined, keepOwner: boolean, items: { target: string; node: FsNode }[]): CopyShape {
  const targets = new Array<string>(items.length);
  const types = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    targets[i] = items[i].target;
    types[i] = items[i].node.type;
  }
  return { lower: lower.slice(), key: `${dest}\0${dirSyntax}\0${uid}\0${gid}\0${mode}\0${keepOwner}`, targets, types, layer: null, items, bytes: 0 };
}

/** The same lower layers: the same objects, or sealed layers with the same diffIds (same paths, types, modes, owners). */
export function sameLayers(a: Layer[], b: Layer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x.sealed && y.sealed && x.diffId === y.diffId && x.diffId !== '')) return false;
  }
  return true;
}

export function sameCopyShape(a: CopyShape, b: CopyShape): boolean {
  if (a.key !== b.key || a.targets.length !== b.targets.length || !sameLayers(a.lower, b.lower)) return false;
  for (let i = 0; i < a.targets.length; i++) if (a.targets[i] !== b.targets[i] || a.types[i] !== b.types[i]) return false;
  return true;
}

/**
 * The node a rebuilt COPY puts at `it.target`: the previous run's node when it is the same apart from its mtime (an
 * unchanged file keeps its timestamp and the layer's diffId pieces are reused), else a new one with this owner/mode.
 */
export function copiedNode(it: { target: string; node: FsNode; digest: string; mtime?: number }, before: Layer | null, uid: number | undefined, gid: number | undefined, mode: number | undefined, keepOwner: boolean, now: number): FsNode {
  const src = it.node;
  const u = uid ?? (keepOwner ? src.uid : 0);
  const g = gid ?? (keepOwner ? src.gid : 0);
  const m = mode !== undefined && src.type !== 'symlink' ? mode : src.mode;
  const old = before?.entries.get(it.target);
  // A source whose modification time is known gives it to the copy (and a new time is a new node).
  if (old && sameNodeAs(old, src, u, g, m, it.digest) && (it.mtime === undefined || (old as FsNode).mtime === it.mtime)) return old as FsNode;
  const node = ownedNode(src, u, g, it.mtime ?? now);
  node.mode = m;
  if (node.type === 'dir') delete node.opaque;
  return node;
}

/**
 * Is `a` (a sealed layer's node) what COPY would make of source node `b` with this owner and mode, apart from the
 * mtime? Then a rebuilt COPY keeps it. (Copied directories never carry the opaque mark.)
 */
export function sameNodeAs(a: LayerEntry, b: FsNode, uid: number, gid: number, mode: number, digest: string): boolean {
  if (a.type !== b.type) return false;
  const n = a as FsNode;
  if (n.mode !== mode || n.uid !== uid || n.gid !== gid || n.size !== b.size || n.synthetic !== b.synthetic || n.target !== b.target) return false;
  if (b.type === 'dir' ? n.opaque : n.opaque !== b.opaque) return false;
  // Same bytes: the same array, or (a host that re-reads files each build) arrays already known to have this digest.
  return n.data === b.data || (!!n.data && !!b.data && b.type === 'file' && knownDigest(n.data) === digest && knownDigest(b.data) === digest);
}

/** A copy of a node with a new owner and mtime (fixed-shape literal, same fields as `{ ...n, uid, gid, mtime }`). */
export function ownedNode(n: FsNode, uid: number, gid: number, mtime: number): FsNode {
  const c: FsNode = { type: n.type, mode: n.mode, uid, gid, size: n.size, mtime };
  if (n.data !== undefined) c.data = n.data;
  if (n.synthetic !== undefined) c.synthetic = n.synthetic;
  if (n.target !== undefined) c.target = n.target;
  if (n.opaque !== undefined) c.opaque = n.opaque;
  return c;
}

export function globFs(fs: UnionFs, pattern: string): string[] {
  const parts = pattern.split('/').filter(Boolean);
  let bases = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    for (const b of bases) {
      if (!/[*?[]/.test(part)) {
        const p = joinPath(b, part);
        if (fs.lstat(p)) next.push(p);
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdir(b);
      } catch {
        continue;
      }
      for (const n of names) if (pathMatchSafe(part, n)) next.push(joinPath(b, n));
    }
    bases = next;
  }
  return bases;
}

function pathMatchSafe(p: string, n: string): boolean {
  const re = new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(n);
}

