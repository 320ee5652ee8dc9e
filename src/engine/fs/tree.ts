/** Builds a sealed layer from a plain description of files (base images, tests, the registry's catalog). */
import { Layer, type Sha256 } from './layer';
import { dirNode, fileNode, symlinkNode, type FsNode, type SyntheticContent } from './node';
import { ancestors, normalizePath } from './path';

export type TreeSpec = Record<
  string,
  | string
  | Uint8Array
  | { content?: string | Uint8Array; synthetic?: SyntheticContent | number; mode?: number; uid?: number; gid?: number }
  | { dir: true; mode?: number; uid?: number; gid?: number }
  | { symlink: string }
>;

/**
 * `layerFromTree(sha, {'/bin/busybox': {synthetic: 800000, mode: 0o755}, '/bin/sh': {symlink: 'busybox'}, '/etc/hostname': 'x\n'})`.
 * Parent directories are created (0755 root). A path ending in "/" is a directory.
 */
export function layerFromTree(sha256: Sha256, spec: TreeSpec, mtime = 0): Layer {
  const layer = new Layer();
  const ensureDir = (p: string) => {
    if (p === '/' || layer.get(p)) return;
    layer.set(p, dirNode({ mtime }));
  };
  for (const [rawPath, v] of Object.entries(spec)) {
    const isDir = rawPath.endsWith('/') || (typeof v === 'object' && !(v instanceof Uint8Array) && 'dir' in v);
    const p = normalizePath(rawPath);
    for (const a of ancestors(p).reverse()) ensureDir(a);
    let node: FsNode;
    if (isDir) {
      const o = (typeof v === 'object' ? v : {}) as { mode?: number; uid?: number; gid?: number };
      node = dirNode({ mode: o.mode, uid: o.uid, gid: o.gid, mtime });
    } else if (typeof v === 'string' || v instanceof Uint8Array) node = fileNode(v, { mtime });
    else if ('symlink' in v) node = symlinkNode(v.symlink, { mtime });
    else {
      const o = v as { content?: string | Uint8Array; synthetic?: SyntheticContent | number; mode?: number; uid?: number; gid?: number };
      const content =
        o.synthetic !== undefined ? (typeof o.synthetic === 'number' ? { seed: p, size: o.synthetic } : o.synthetic) : (o.content ?? '');
      node = fileNode(content, { mode: o.mode, uid: o.uid, gid: o.gid, mtime });
    }
    layer.set(p, node);
  }
  return layer.seal(sha256);
}
