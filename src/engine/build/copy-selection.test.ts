import { describe, expect, it } from 'vitest';
import { attachFiles, FileList, memoFiles, patchSelection, SelectionMemos, sourceChecksum, type CopyItem } from './copy-selection';
import { sha256Hex } from '../core/sha256';
import { fileNode } from '../fs/node';
import type { ContextEntry } from '../core/host';

function list(n: number, tag = (i: number) => `644:${i}`): FileList {
  const l = FileList.empty();
  for (let i = 0; i < n; i++) l.set(`src/f${String(i).padStart(4, '0')}`, tag(i));
  return l;
}

describe('COPY file lists', () => {
  it('names exactly the changed, added and removed paths', () => {
    const a = list(100);
    const b = list(100, (i) => (i === 7 ? 'changed' : `644:${i}`));
    expect(b.diff(a)).toEqual(['src/f0007']);
    const c = FileList.empty();
    c.set('src/new', 'x');
    for (let i = 1; i < 100; i++) c.set(`src/f${String(i).padStart(4, '0')}`, `644:${i}`);
    expect(c.diff(a)).toEqual(['src/f0000', 'src/new']);
  });

  it('a patched list reads like one built from scratch, and so does a memo restored from a snapshot', () => {
    const a = list(100);
    const b = a.patched([[3, 'new3']])!;
    const c = b.patched([[5, 'new5']])!;
    expect(c.diff(b)).toEqual(['src/f0005']);
    expect(c.diff(a)).toEqual(['src/f0003', 'src/f0005']);
    expect(c.record).toEqual(list(100, (i) => (i === 3 ? 'new3' : i === 5 ? 'new5' : `644:${i}`)).record);
    expect(a.record['src/f0003']).toBe('644:3');
    const memo = attachFiles<{ text: string; files?: Record<string, string> }>({ text: 'COPY . .' }, c);
    const restored = JSON.parse(JSON.stringify(memo)) as { files: Record<string, string> };
    expect(restored.files['src/f0005']).toBe('new5');
    expect(list(100).diff(memoFiles(restored)!)).toEqual(['src/f0003', 'src/f0005']);
  });
});

describe('COPY selection patching', () => {
  const entries = new Map<string, ContextEntry>();
  const items: CopyItem[] = [];
  const files = FileList.empty();
  for (let i = 0; i < 600; i++) {
    const path = `d/f${i}`;
    const content = new TextEncoder().encode(`file ${i}`);
    entries.set(path, { path, type: 'file', mode: 0o644, content });
    items.push({ src: path, target: `/app/${path}`, node: fileNode(content, { mode: 0o644 }), digest: sha256Hex(content) });
    files.set(path, `644:${i}`);
  }
  const memo = { gen: 4, roots: ['.'], items, files, pieces: sourceChecksum(items, sha256Hex).pieces, index: SelectionMemos.index(items)! };
  const remake = (e: ContextEntry, old: CopyItem) => ({ item: { ...old, node: fileNode(e.content!, { mode: e.mode }), digest: sha256Hex(e.content!) }, tag: `${e.mode.toString(8)}:new` });

  it('replaces modified files and gives the checksum a fresh selection would have', () => {
    const edited = new Map(entries);
    const content = new TextEncoder().encode('edited');
    edited.set('d/f42', { path: 'd/f42', type: 'file', mode: 0o644, content });
    const r = patchSelection(memo, { prevGen: 4, gen: 5, changed: ['d/f42'], removed: false }, ['.'], (p) => edited.get(p), remake)!;
    expect(r.changed).toEqual([42]);
    expect(r.items[42].digest).toBe(sha256Hex(content));
    expect(r.items[41]).toBe(items[41]);
    const fresh = r.items.map((it) => ({ ...it }));
    expect(sourceChecksum(r.items, sha256Hex, memo, r.changed).checksum).toBe(sourceChecksum(fresh, sha256Hex).checksum);
    expect(sourceChecksum(fresh, sha256Hex).checksum).not.toBe(sourceChecksum(items, sha256Hex).checksum);
  });

  it('selects afresh after an added or removed file, or from a memo of another generation', () => {
    const added = new Map(entries);
    added.set('d/new', { path: 'd/new', type: 'file', mode: 0o644, content: new Uint8Array(1) });
    expect(patchSelection(memo, { prevGen: 4, gen: 5, changed: ['d/new'], removed: false }, ['.'], (p) => added.get(p), remake)).toBeNull();
    expect(patchSelection(memo, { prevGen: 4, gen: 5, changed: [], removed: true }, ['.'], (p) => entries.get(p), remake)).toBeNull();
    expect(patchSelection(memo, { prevGen: 3, gen: 5, changed: ['d/f1'], removed: false }, ['.'], (p) => entries.get(p), remake)).toBeNull();
  });
});
