import { describe, expect, it } from 'vitest';
import { EditJournal, JOURNAL_KEY, replayJournal, type StorageLike } from './journal';
import type { Workspace } from '../workspace/workspace';

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const ws = (id: string, files: Workspace['files']): Workspace => ({ id, name: id, tag: id, files });

describe('The edit journal', () => {
  it('is written before the edit returns and replays on the next page of the tab', () => {
    const storage = memoryStorage();
    const j = new EditJournal(storage, () => 1000);
    j.writeFiles('a', { Dockerfile: 'FROM alpine\nRUN x\n', 'logo.png': new Uint8Array([0, 255]) });
    j.writeFiles('a', { 'old.txt': null });
    expect(storage.map.get(JOURNAL_KEY)).toContain('RUN x');
    // the page is reloaded before IndexedDB got the edit: the record is older than the journal
    const next = new EditJournal(storage);
    const r = replayJournal([ws('a', { Dockerfile: 'FROM alpine\n', 'old.txt': 'x' }), ws('b', { f: '1' })], next.read(), { a: 500, b: 500 });
    expect(r.changed).toEqual(['a']);
    expect(r.workspaces[0].files).toEqual({ Dockerfile: 'FROM alpine\nRUN x\n', 'logo.png': new Uint8Array([0, 255]) });
    expect(r.workspaces[1]).toEqual(ws('b', { f: '1' }));
  });

  it('drops an entry once a save containing it is stored, but not when edits came after the save began', () => {
    const storage = memoryStorage();
    const j = new EditJournal(storage);
    j.writeFiles('a', { f: '1' });
    const gen = j.generation('a');
    j.writeFiles('a', { f: '12' }); // typed while the save was under way
    j.saved('a', gen);
    expect(j.has('a')).toBe(true);
    j.saved('a', j.generation('a'));
    expect(j.has('a')).toBe(false);
    expect(storage.map.has(JOURNAL_KEY)).toBe(false);
  });

  it('does not replay an entry older than the saved record (another save already has it)', () => {
    const storage = memoryStorage();
    new EditJournal(storage, () => 100).writeFiles('a', { f: 'old' });
    const r = replayJournal([ws('a', { f: 'newer' })], new EditJournal(storage).read(), { a: 200 });
    expect(r.changed).toEqual([]);
    expect(r.workspaces[0].files.f).toBe('newer');
  });

  it('replays created and removed workspaces and tags', () => {
    const storage = memoryStorage();
    const j = new EditJournal(storage);
    j.created(ws('new', { Dockerfile: 'FROM scratch\n' }));
    j.setTag('new', 'mine:1');
    j.removed('b');
    const r = replayJournal([ws('a', {}), ws('b', {})], new EditJournal(storage).read(), {});
    expect(r.workspaces.map((w) => w.id)).toEqual(['a', 'new']);
    expect(r.workspaces[1]).toMatchObject({ tag: 'mine:1', files: { Dockerfile: 'FROM scratch\n' } });
  });

  it('keeps working in memory when sessionStorage is full, and ignores a garbled journal', () => {
    const full: StorageLike = {
      getItem: () => '{not json',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const j = new EditJournal(full);
    expect(j.read()).toEqual({});
    expect(() => j.writeFiles('a', { f: 'x' })).not.toThrow();
    expect(j.has('a')).toBe(true);
  });
});
