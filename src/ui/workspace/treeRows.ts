/**
 * The file tree as the rows a list shows: the nested tree (fileTree) flattened in order, the children of an
 * open directory after it, with each row's level and place among its siblings (what an ARIA tree announces
 * when only some rows are in the DOM). A directory holding many files starts closed, so a big project opens
 * on its top level; the learner's own choices (open/closed) override that.
 */
import type { TreeNode } from './treeNodes';

/** Directories with more files than this under them start closed. */
export const AUTO_OPEN_FILES = 50;

export interface TreeRowModel {
  node: TreeNode;
  /** 1 for the top level. */
  level: number;
  /** 1-based place among its siblings, and their count. */
  posinset: number;
  setsize: number;
  /** The parent directory's path ('' at the top level). */
  parent: string;
  /** Directories: whether their children follow. */
  open: boolean;
}

const counts = new WeakMap<TreeNode, number>();

/** How many files a node stands for (1 for a file, every file under it for a directory). */
export function fileCount(n: TreeNode): number {
  if (n.kind === 'file') return 1;
  let c = counts.get(n);
  if (c === undefined) {
    c = 0;
    for (const x of n.children) c += fileCount(x);
    counts.set(n, c);
  }
  return c;
}

/** Whether a directory is open: the learner's choice, else open unless it holds many files. */
export function isOpen(n: TreeNode, choices: ReadonlyMap<string, boolean>): boolean {
  return choices.get(n.path) ?? fileCount(n) <= AUTO_OPEN_FILES;
}

/** The rows shown, in order. */
export function treeRows(tree: TreeNode[], choices: ReadonlyMap<string, boolean>): TreeRowModel[] {
  const out: TreeRowModel[] = [];
  const walk = (nodes: TreeNode[], level: number, parent: string) => {
    nodes.forEach((node, i) => {
      const open = node.kind === 'dir' && isOpen(node, choices);
      out.push({ node, level, posinset: i + 1, setsize: nodes.length, parent, open });
      if (open) walk(node.children, level + 1, node.path);
    });
  };
  walk(tree, 1, '');
  return out;
}

/** The directories a path sits in, outermost first ('a/b/c.txt' → ['a', 'a/b']). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
