import { describe, expect, it } from 'vitest';
import { fileTree } from './treeNodes';
import { AUTO_OPEN_FILES, ancestorsOf, fileCount, treeRows } from './treeRows';

const names = (rows: ReturnType<typeof treeRows>) => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.node.name}${r.node.kind === 'dir' ? (r.open ? '/ v' : '/ >') : ''}`);

describe('the file tree as rows', () => {
  it('lists a small project whole, directories first, with levels and places among siblings', () => {
    const rows = treeRows(fileTree({ Dockerfile: 'FROM alpine\n', 'src/app.js': '1', 'src/lib/util.js': '2', 'README.md': '#' }), new Map());
    expect(names(rows)).toEqual(['src/ v', '  lib/ v', '    util.js', '  app.js', 'Dockerfile', 'README.md']);
    const app = rows.find((r) => r.node.path === 'src/app.js')!;
    expect(app).toMatchObject({ level: 2, posinset: 2, setsize: 2, parent: 'src' });
    expect(rows[0]).toMatchObject({ level: 1, posinset: 1, setsize: 3, parent: '' });
  });

  it('starts a directory holding many files closed, and follows the learner’s choice', () => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\n' };
    for (let i = 0; i <= AUTO_OPEN_FILES; i++) files[`big/f${i}.txt`] = 'x';
    for (let i = 0; i < 3; i++) files[`small/f${i}.txt`] = 'x';
    const tree = fileTree(files);
    expect(fileCount(tree[0])).toBe(AUTO_OPEN_FILES + 1);
    expect(names(treeRows(tree, new Map()))).toEqual(['big/ >', 'small/ v', '  f0.txt', '  f1.txt', '  f2.txt', 'Dockerfile']);
    const opened = treeRows(tree, new Map([['big', true], ['small', false]]));
    expect(opened).toHaveLength(1 + AUTO_OPEN_FILES + 1 + 1 + 1);
    expect(names(opened).at(-2)).toBe('small/ >');
  });

  it('lays out a 5,000-file project as its top level until opened', () => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\n', '.dockerignore': '' };
    for (let i = 0; i < 4998; i++) files[`src/d${Math.floor(i / 100)}/f${i}.txt`] = `file ${i}\n`;
    const tree = fileTree(files);
    expect(names(treeRows(tree, new Map()))).toEqual(['src/ >', '.dockerignore', 'Dockerfile']);
    const src = treeRows(tree, new Map([['src', true]]));
    expect(src).toHaveLength(53);
    expect(src.every((r) => r.level === 1 || (r.node.kind === 'dir' && !r.open))).toBe(true);
  });

  it('names the directories a path sits in', () => {
    expect(ancestorsOf('a/b/c.txt')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('Dockerfile')).toEqual([]);
  });
});
