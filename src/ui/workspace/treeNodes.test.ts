import { describe, expect, it } from 'vitest';
import { fileTree, fileTreeInSlices, shareFileTree, type TreeNode } from './treeNodes';

const outline = (nodes: TreeNode[]): unknown[] => nodes.map((n) => (n.kind === 'dir' ? { [n.path]: outline(n.children) } : `${n.path} ${n.size}`));

describe('the file tree', () => {
  it('puts directories first, then files, each by name, with UTF-8 sizes', () => {
    const files = { 'b.txt': 'hé', 'src/z.js': '1', 'src/lib/a.js': new Uint8Array(3), 'A.md': '', 'src/B.js': '22', 'docs/x': 'x' };
    expect(outline(fileTree(files))).toEqual([{ docs: ['docs/x 1'] }, { src: [{ 'src/lib': ['src/lib/a.js 3'] }, 'src/B.js 2', 'src/z.js 1'] }, 'A.md 0', 'b.txt 3']);
  });

  it('keeps a file and a directory of the same name apart', () => {
    expect(outline(fileTree({ a: '1', 'a/b': '22' }))).toEqual([{ a: ['a/b 2'] }, 'a 1']);
  });

  it('lays a big project out in slices, to the same tree, and answers from it afterwards', async () => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\n' };
    for (let i = 0; i < 5000; i++) files[`src/d${i % 50}/f${i}.txt`] = `file ${i}\n`;
    let turns = 0;
    const ahead = await fileTreeInSlices(files, async () => void turns++);
    expect(turns).toBeGreaterThan(50);
    expect(outline(ahead)).toEqual(outline(fileTree({ ...files })));
    expect(fileTree(files)).toBe(ahead);
    const copy = { ...files };
    shareFileTree(files, copy);
    expect(fileTree(copy)).toBe(ahead);
    expect(fileTree({ ...files })).not.toBe(ahead);
  });
});
