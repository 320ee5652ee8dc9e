/**
 * Catalog layers as real filesystem layers: a `CatalogLayer`'s generated entries become a sealed
 * `fs/Layer` (diffId from content). Sealed layers are cached per key, so every image sharing a layer shares
 * the same object and diffId.
 */
import { Layer, type Sha256 } from '../fs/layer';
import { dirNode, fileNode, symlinkNode, type FsNode } from '../fs/node';
import type { CatalogLayer, RootfsEntry } from './catalog/types';

const cache = new Map<string, Layer>();

function toNode(e: RootfsEntry, mtime: number): FsNode {
  const init = { mode: e.mode, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime };
  if (e.type === 'dir') return dirNode(init);
  if (e.type === 'symlink') return symlinkNode(e.target ?? '', init);
  if (e.content !== undefined) {
    const n = fileNode(e.content, init);
    // A program marker standing in for a big binary: readable marker bytes, the size of the real thing.
    if (e.size !== undefined && e.size > n.size) n.size = e.size;
    return n;
  }
  return fileNode({ seed: `layerlab:${e.path}:${e.size ?? 0}`, size: e.size ?? 0 }, init);
}

/** The sealed layer for a catalog layer (cached by key). `mtime` is the layer's creation time. */
export function materializeLayer(l: CatalogLayer, sha256: Sha256, mtime = 0): Layer {
  const hit = cache.get(l.key);
  if (hit) return hit;
  const layer = new Layer();
  for (const e of l.files()) layer.set(e.path, toNode(e, mtime));
  layer.seal(sha256);
  cache.set(l.key, layer);
  return layer;
}

/** The registry's blob digest (compressed layer) for a diffId: deterministic, sha256-looking. */
export function blobDigest(diffId: string, sha256: Sha256): string {
  return 'sha256:' + sha256(`layerlab-blob\n${diffId}`);
}
