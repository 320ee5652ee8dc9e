// @vitest-environment node
/**
 * The engine state is saved into the content-addressed store: the former single `engine` record moves into it
 * with the first save, and a save the browser refuses (a full disk) keeps what was saved before and says so.
 */
import { describe, expect, it, vi } from 'vitest';
import { memoryKv } from '../persist/idb';
import { memoryEngineStore, type EngineStore } from '../persist/engineStore';
import { MemoryStore } from '../../engine/store/memoryStore';
import { bufferIO } from '../../engine/core/io';

async function freshStore() {
  vi.resetModules();
  return import('./store');
}

describe('saving the engine state', () => {
  it('moves the former single record into the store, then saves only what changed', async () => {
    const kv = memoryKv();
    const first = await freshStore();
    await first.useApp.getState().init({ kv });
    await first.useApp.getState().build();
    await kv.set('engine', await first.useApp.getState().engine!.snapshot());

    const mem = new MemoryStore();
    const m = await freshStore();
    await m.useApp.getState().init({ kv, engineStore: memoryEngineStore(mem) });
    const engine = m.useApp.getState().engine!;
    await engine.run(['tag', 'web-ping', 'again:1'], bufferIO());
    m.useApp.getState().flushSaves();
    await vi.waitFor(async () => expect(await kv.get('engine')).toBeUndefined());
    expect(mem.meta).toContain('again:1');
    const written = mem.log.length;
    expect(written).toBeGreaterThan(3);

    // a tag is metadata: the next save writes the meta record alone
    await engine.run(['tag', 'web-ping', 'again:2'], bufferIO());
    m.useApp.getState().flushSaves();
    await vi.waitFor(() => expect(mem.log.length).toBe(written + 1));
    expect(mem.log.at(-1)).toBe('meta');
  });

  it('keeps the saved state and says the storage is full when the browser refuses a save', async () => {
    const mem = new MemoryStore();
    const inner = memoryEngineStore(mem);
    let full = false;
    const store: EngineStore = {
      ...inner,
      save: (snap) => (full ? Promise.reject(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })) : inner.save(snap)),
    };
    const m = await freshStore();
    await m.useApp.getState().init({ kv: memoryKv(), engineStore: store });
    await m.useApp.getState().build();
    m.useApp.getState().flushSaves();
    await vi.waitFor(() => expect(mem.meta).toContain('web-ping'));
    const before = mem.meta;
    full = true;
    await m.useApp.getState().engine!.run(['tag', 'web-ping', 'kept:1'], bufferIO());
    m.useApp.getState().flushSaves();
    await vi.waitFor(() => expect(m.useApp.getState().saveError).toMatch(/storage quota for this site is full/));
    expect(mem.meta).toBe(before);
    // space freed: the next save goes through and the message goes away
    full = false;
    await m.useApp.getState().engine!.run(['tag', 'web-ping', 'kept:2'], bufferIO());
    m.useApp.getState().flushSaves();
    await vi.waitFor(() => expect(mem.meta).toContain('kept:2'));
  });
});
