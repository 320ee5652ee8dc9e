/** Builds a dive-like tree from a layer's file changes, with wasted-space hints. */
import type { LayerChangeView } from '../engine/engineApi';

export interface DiffNode {
  name: string;
  path: string;
  kind: 'A' | 'C' | 'D' | 'dir';
  size: number;
  children: DiffNode[];
}

export function diffTree(changes: LayerChangeView[]): DiffNode {
  const root: DiffNode = { name: '/', path: '/', kind: 'dir', size: 0, children: [] };
  for (const c of changes) {
    const parts = c.path.replace(/^\/+/, '').split('/').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      const path = '/' + parts.slice(0, i + 1).join('/');
      let child = node.children.find((x) => x.name === part);
      if (!child) {
        child = { name: part, path, kind: 'dir', size: 0, children: [] };
        node.children.push(child);
      }
      if (i === parts.length - 1 && (c.type !== 'dir' || child.children.length === 0)) {
        child.kind = c.kind;
        child.size = c.size;
      }
      node = child;
    });
  }
  const total = (n: DiffNode): number => {
    if (n.children.length) {
      n.children.sort((a, b) => a.name.localeCompare(b.name));
      const sum = n.children.reduce((s, c) => s + total(c), 0);
      if (n.kind === 'dir') n.size = sum;
      else n.size = Math.max(n.size, sum);
    }
    return n.size;
  };
  total(root);
  return root;
}

export interface WasteHint {
  kind: 'removed' | 'overwritten';
  path: string;
  size: number;
}

/** Files deleted or replaced by this layer still occupy space in the layers below it. */
export function wasteHints(changes: LayerChangeView[]): WasteHint[] {
  return changes
    .filter((c) => (c.kind === 'D' || c.kind === 'C') && c.type !== 'dir')
    .map((c) => ({ kind: c.kind === 'D' ? ('removed' as const) : ('overwritten' as const), path: c.path, size: c.lowerSize ?? c.size }))
    .filter((h) => h.size > 0)
    .sort((a, b) => b.size - a.size)
    .slice(0, 8);
}
