// @vitest-environment node
/**
 * Nothing lost: each workspace is its own record, so a save writes only what changed and two tabs on
 * different workspaces keep both edits; an edit made just before a reload comes back from the journal; a
 * full disk is reported in words and leaves the saved records as they were.
 */
import { describe, expect, it, vi } from 'vitest';
import { memoryKv, type KvStore } from '../persist/idb';
import type { StorageLike } from '../persist/journal';
import type { Workspace } from '../workspace/workspace';

type StoreModule = typeof import('./store');

/** A page: its own store module; the engine never starts (these tests are about saving). */
async function page(kv: KvStore, opts: { journal?: StorageLike; channel?: boolean } = {}): Promise<StoreModule> {
  vi.resetModules();
  const m = await import('./store');
  void m.useApp.getState().init({ kv, startEngineAfter: new Promise(() => {}), ...opts });
  await vi.waitFor(() => expect(m.useApp.getState().phase).toBe('ready'));
  return m;
}

function sessionLike(): StorageLike {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const record = async (kv: KvStore, id: string) => ((await kv.get(`ws:${id}`)) as { workspace: Workspace } | undefined)?.workspace;
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('Saving workspaces', () => {
  it('writes only the record of the workspace that changed', async () => {
    const kv = memoryKv();
    const a = await page(kv);
    await settle();
    expect((await kv.keys()).filter((k) => k.startsWith('ws:')).length).toBeGreaterThan(1);
    const writes: string[][] = [];
    const write = kv.write.bind(kv);
    kv.write = (r) => (writes.push(Object.keys(r)), write(r));
    a.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# one\n');
    a.useApp.getState().flushSaves();
    await settle();
    expect(writes).toEqual([['ws:web-ping']]);
    expect((await record(kv, 'web-ping'))?.files.Dockerfile).toBe('FROM alpine\n# one\n');
  });

  it('keeps both edits when two tabs edit different workspaces, and refreshes the other tab', async () => {
    const kv = memoryKv();
    const one = await page(kv, { channel: true });
    await settle();
    const two = await page(kv, { channel: true });
    two.useApp.getState().selectWorkspace('multi-stage');
    one.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# tab one\n');
    two.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# tab two\n');
    one.useApp.getState().flushSaves();
    two.useApp.getState().flushSaves();
    await settle();
    expect((await record(kv, 'web-ping'))?.files.Dockerfile).toContain('# tab one');
    expect((await record(kv, 'multi-stage'))?.files.Dockerfile).toContain('# tab two');
    // each tab now shows the other's edit of the workspace it has in the background
    await vi.waitFor(() => expect(String(two.useApp.getState().workspaces.find((w) => w.id === 'web-ping')?.files.Dockerfile)).toContain('# tab one'));
    // a later save in tab two (another workspace) does not bring back the stale web-ping
    two.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# tab two again\n');
    two.useApp.getState().flushSaves();
    await settle();
    expect((await record(kv, 'web-ping'))?.files.Dockerfile).toContain('# tab one');
  });

  it('brings back an edit made right before a reload from the journal', async () => {
    const kv = memoryKv();
    const session = sessionLike();
    const first = await page(kv, { journal: session });
    await settle();
    const realWrite = kv.write.bind(kv);
    kv.write = () => new Promise(() => {}); // the page goes away before IndexedDB finishes
    first.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# typed just before the reload\n');
    first.useApp.getState().flushSaves();
    kv.write = realWrite;
    const second = await page(kv, { journal: session });
    const ws = second.useApp.getState().workspaces.find((w) => w.id === 'web-ping');
    expect(ws?.files.Dockerfile).toContain('# typed just before the reload');
    await settle();
    expect((await record(kv, 'web-ping'))?.files.Dockerfile).toContain('# typed just before the reload');
    expect(session.getItem('layerlab.journal')).toBeNull(); // cleared once IndexedDB has it
  });

  it('saves a new workspace of thousands of files to IndexedDB at once, not into the journal, and opens it', async () => {
    const kv = memoryKv();
    const session = sessionLike();
    const a = await page(kv, { journal: session });
    await settle();
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\n' };
    for (let i = 0; i < 2000; i++) files[`src/f${i}.txt`] = `file ${i}\n`;
    const writes: string[][] = [];
    const write = kv.write.bind(kv);
    kv.write = (r) => (writes.push(Object.keys(r)), write(r));
    a.useApp.getState().addWorkspace('proj', { id: '', name: 'proj', tag: 'proj', files });
    expect(session.getItem('layerlab.journal')).toBeNull();
    await vi.waitFor(() => expect(a.useApp.getState().activeId).toBe('proj'));
    await settle(); // well before the save's debounce
    expect(writes.flat()).toContain('ws:proj');
    expect(Object.keys((await record(kv, 'proj'))?.files ?? {})).toHaveLength(2001);
    // a small one goes into the journal and is opened on the spot
    a.useApp.getState().addWorkspace('small', { id: '', name: 'small', tag: 'small', files: { Dockerfile: 'FROM alpine\n' } });
    expect(a.useApp.getState().activeId).toBe('small');
    expect(session.getItem('layerlab.journal')).toContain('small');
  });

  it('says in words that the disk is full and leaves the saved records as they were', async () => {
    const kv = memoryKv();
    const a = await page(kv);
    await settle();
    const before = await record(kv, 'web-ping');
    const write = kv.write.bind(kv);
    kv.write = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    a.useApp.getState().writeFile('Dockerfile', 'FROM alpine\n# not saved\n');
    a.useApp.getState().flushSaves();
    await settle();
    expect(a.useApp.getState().saveError).toMatch(/storage quota .* full\. Everything saved before is kept/);
    expect(await record(kv, 'web-ping')).toEqual(before);
    // room again: the next save writes the waiting edit
    kv.write = write;
    a.useApp.getState().writeFile('x.txt', 'x');
    a.useApp.getState().flushSaves();
    await settle();
    expect((await record(kv, 'web-ping'))?.files.Dockerfile).toContain('# not saved');
    expect(a.useApp.getState().saveError).toBe('');
  });
});
