/**
 * A workspace's files as a nested tree (directories first, then files, each sorted by name), what the files
 * panel shows. Laid out in one pass over the paths; a project of thousands of files can be laid out ahead, in
 * slices that give the page a turn (`fileTreeInSlices`), and is then not laid out again when it is shown.
 */
import { sizeOf, type FileContent } from './workspace';

export interface TreeNode {
  name: string;
  path: string;
  kind: 'file' | 'dir';
  size: number;
  children: TreeNode[];
}

type Files = Record<string, FileContent>;

/** Trees laid out ahead, by the files record they were laid out from. */
const laidOut = new WeakMap<Files, TreeNode[]>();

/** Files looked at (or directories sorted) between two checks of the clock while laying out in slices. */
const STRIDE = 64;

/**
 * The tree's order of names (`localeCompare`'s, without building a collator per comparison). Made on first use:
 * the first collator of a page loads the locale's collation data, a long task the start-up need not wait for.
 */
let collator: Intl.Collator | undefined;
const byKindThenName = (a: TreeNode, b: TreeNode) => (a.kind !== b.kind ? (a.kind === 'dir' ? -1 : 1) : (collator ??= new Intl.Collator()).compare(a.name, b.name));

/** Lays the tree out, pausing (yielding) every STRIDE files and directories: the caller decides whether to give the page a turn there. */
function* layOut(files: Files): Generator<void, TreeNode[]> {
  const root: TreeNode = { name: '', path: '', kind: 'dir', size: 0, children: [] };
  const dirs = new Map<string, TreeNode>();
  const dirOf = (path: string): TreeNode => {
    let d = dirs.get(path);
    if (d) return d;
    const i = path.lastIndexOf('/');
    d = { name: path.slice(i + 1), path, kind: 'dir', size: 0, children: [] };
    dirs.set(path, d);
    (i < 0 ? root : dirOf(path.slice(0, i))).children.push(d);
    return d;
  };
  let n = 0;
  for (const path in files) {
    const i = path.lastIndexOf('/');
    // a record's keys are unique: a file is met once, only directories are looked up
    (i < 0 ? root : dirOf(path.slice(0, i))).children.push({ name: path.slice(i + 1), path, kind: 'file', size: sizeOf(files[path]), children: [] });
    if (++n % STRIDE === 0) yield;
  }
  root.children.sort(byKindThenName);
  for (const d of dirs.values()) {
    d.children.sort(byKindThenName);
    if (++n % STRIDE === 0) yield;
  }
  return root.children;
}

/** The file tree of a workspace's files (the one laid out ahead for this very record, when there is one). */
export function fileTree(files: Files): TreeNode[] {
  const ahead = laidOut.get(files);
  if (ahead) return ahead;
  const steps = layOut(files);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Lays the tree of `files` out ahead, awaiting `slice()` every few files (it gives the page a turn when the
 * slice has lasted long enough): `fileTree(files)` then answers at once.
 */
export async function fileTreeInSlices(files: Files, slice: () => Promise<void>): Promise<TreeNode[]> {
  const steps = layOut(files);
  for (;;) {
    const r = steps.next();
    if (r.done) {
      laidOut.set(files, r.value);
      return r.value;
    }
    await slice();
  }
}

/** `copy` holds the same files as `files`: it shares the tree laid out ahead for `files`, if any. */
export function shareFileTree(files: Files, copy: Files): void {
  const ahead = laidOut.get(files);
  if (ahead) laidOut.set(copy, ahead);
}
