/**
 * A new workspace: named as asked (an id made from the name, numbered when taken), empty but for a Dockerfile
 * or a copy of another workspace's files (sharing the file tree laid out for them, if any).
 */
import { shareFileTree } from '../workspace/treeNodes';
import type { Workspace } from '../workspace/workspace';

export function newWorkspace(name: string, taken: ReadonlySet<string>, from?: Workspace): Workspace {
  const base = name.trim() || 'workspace';
  const slug = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  let id = slug;
  for (let i = 2; taken.has(id); i++) id = `${slug}-${i}`;
  if (!from) return { id, name: base, tag: id, files: { Dockerfile: 'FROM alpine\n\nCMD ["echo", "hello"]\n' } };
  const files = { ...from.files };
  shareFileTree(from.files, files);
  return { ...from, id, name: base, files };
}
