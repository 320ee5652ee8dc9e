import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { Engine } from '../engine';
import { testEngine } from '../build/testkit';
import { materialize } from './layout';
import { MemoryStore } from './memoryStore';

/** A build context of `n` files, each big enough to be stored as a blob. */
function context(n: number): Record<string, string> {
  const f: Record<string, string> = { Dockerfile: 'FROM busybox\nCOPY . /app\n' };
  for (let i = 0; i < n; i++) f[`src/f${i}.txt`] = `file ${i}\n`.repeat(80);
  return f;
}

/** An engine that built a context of `n` files, and a store holding its first save. */
async function builtAndSaved(n: number) {
  const files = context(n);
  const t = testEngine(files);
  await t.build();
  const store = new MemoryStore();
  store.save(t.engine.snapshot());
  return { files, t, store };
}

async function run(engine: Engine, ...argv: string[]): Promise<string> {
  const io = bufferIO();
  const code = await engine.run(argv, io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return io.out;
}

describe('the content-addressed engine store', () => {
  it('after a one-file rebuild, writes only the new layer, the changed content and the meta', async () => {
    const files = context(200);
    const t = testEngine(files);
    expect((await t.build()).exitCode).toBe(0);
    const store = new MemoryStore();
    const first = store.save(t.engine.snapshot());
    expect(first.layersWritten).toBeGreaterThanOrEqual(2);
    expect(first.blobsWritten).toBeGreaterThanOrEqual(200);

    t.setFiles({ ...files, 'src/f7.txt': 'edited\n'.repeat(100) });
    expect((await t.build()).exitCode).toBe(0);
    const logged = store.log.length;
    const second = store.save(t.engine.snapshot());
    expect(second).toMatchObject({ layersWritten: 1, blobsWritten: 1, sectionsWritten: 1, metaWritten: true, layersDeleted: 0, blobsDeleted: 0, sectionsDeleted: 1 });
    // the file contents are not written again: the meta names layers, layers name blobs
    expect(second.bytesWritten).toBeLessThan(first.bytesWritten / 2);
    // the build records and cache changed: a new section, named by the meta, and the old one removed after it
    expect(store.log.slice(logged).map((w) => w.replace(/:.*/, ''))).toEqual(['blob', 'layer', 'section', 'meta', '-section']);

    // nothing changed: nothing written
    expect(store.save(t.engine.snapshot())).toMatchObject({ metaWritten: false, blobsWritten: 0, layersWritten: 0 });
  });

  it('frees the layers and contents of removed images (rmi, prune) and keeps what others share', async () => {
    const { files, t, store } = await builtAndSaved(50);
    t.setFiles({ ...files, 'src/f1.txt': 'second\n'.repeat(100) });
    await t.build();
    store.save(t.engine.snapshot());
    const layers = store.layers.size;
    const blobs = store.blobs.size;
    // the first image is dangling now; prune removes it and the build cache that held its layer
    await run(t.engine, 'image', 'prune', '-f');
    await run(t.engine, 'builder', 'prune', '-af');
    const freed = store.save(t.engine.snapshot());
    expect(freed.layersDeleted).toBe(1);
    expect(freed.blobsDeleted).toBe(1);
    expect(store.layers.size).toBe(layers - 1);
    expect(store.blobs.size).toBe(blobs - 1);
    // the shared 49 files are still there: the remaining image restores whole
    const back = new Engine({ env: testEnv(), context: memoryContext({}), snapshot: store.load() });
    expect(await run(back, 'run', '--rm', 'app', 'cat', '/app/src/f2.txt')).toBe('file 2\n'.repeat(80));
    expect(await run(back, 'run', '--rm', 'app', 'cat', '/app/src/f1.txt')).toBe('second\n'.repeat(100));

    await run(t.engine, 'rmi', 'app');
    const gone = store.save(t.engine.snapshot());
    expect(gone.layersDeleted).toBe(1);
    expect(gone.blobsDeleted).toBe(50);
  });

  it('is loadable after a save cut off at any write, and the next save completes it', async () => {
    const files = context(20);
    const t = testEngine(files);
    await t.build();
    const base = new MemoryStore();
    base.save(t.engine.snapshot());
    const before = materialize(base.load()!);
    t.setFiles({ ...files, 'src/f3.txt': 'changed\n'.repeat(100) });
    await t.build();
    const snap = t.engine.snapshot();
    const after = materialize(snap);
    // writes of the second save: 1 blob, 1 layer, 1 section (the build records and cache), meta, the old section
    for (let cut = 0; cut <= 5; cut++) {
      const store = new MemoryStore();
      store.save(materialize(before));
      store.crashAfter = cut;
      if (cut < 5) expect(() => store.save(snap)).toThrow(/crashed before/);
      else store.save(snap);
      store.crashAfter = undefined;
      const loaded = store.load();
      expect(materialize(loaded!)).toEqual(cut < 4 ? before : after);
      store.save(snap);
      expect(materialize(store.load()!)).toEqual(after);
    }
  });

  it('gives back a snapshot a fresh engine restores, layers unread until used', async () => {
    const { store } = await builtAndSaved(10);
    const snap = store.load()!;
    const images = snap.images as { layers: { entries: unknown }[] };
    expect(images.layers.every((l) => typeof l.entries === 'function')).toBe(true);
    const back = new Engine({ env: testEnv(), context: memoryContext({}), snapshot: snap });
    // an unread layer is saved again without being read
    const again = new MemoryStore();
    for (const [k, v] of store.layers) again.layers.set(k, v);
    for (const [k, v] of store.blobs) again.blobs.set(k, v);
    for (const [k, v] of store.sections) again.sections.set(k, v);
    again.meta = store.meta;
    again.load();
    expect(again.save(back.snapshot()).metaWritten).toBe(false);
    expect(await run(back, 'run', '--rm', 'app', 'cat', '/app/src/f9.txt')).toBe('file 9\n'.repeat(80));
  });

  it('a no-change rebuild replaces the build section and reads no layer: only a dropped layer or content can free a blob', async () => {
    const { files, store } = await builtAndSaved(20);
    const engine = new Engine({ env: testEnv(), context: memoryContext(files), snapshot: store.load() });
    expect(await run(engine, 'build', '-q', '-t', 'app', '.')).toMatch(/^sha256:/);
    const stats = store.save(engine.snapshot());
    expect(stats).toMatchObject({ sectionsWritten: 1, sectionsDeleted: 1, layersDeleted: 0, blobsDeleted: 0 });
    expect(store.blobListReads).toEqual([]);
    // removing the image and the cache that holds its layer drops the layer: then blob lists are read, contents freed
    await run(engine, 'rmi', 'app');
    await run(engine, 'builder', 'prune', '-af');
    expect(store.save(engine.snapshot())).toMatchObject({ layersDeleted: 1, blobsDeleted: 20 });
    expect(store.blobListReads.length).toBeGreaterThan(0);
  });

  it('keeps the build records and cache in a section that ps and image ls never read, and saves it only changed', async () => {
    const { files, store } = await builtAndSaved(10);
    expect(store.meta).not.toContain('"records"');
    expect(store.sections.size).toBe(1);

    const engine = new Engine({ env: testEnv(), context: memoryContext(files), snapshot: store.load() });
    expect(await run(engine, 'ps', '-a')).toMatch(/^CONTAINER ID/);
    expect(await run(engine, 'image', 'ls', '--format', '{{.Repository}}')).toMatch(/^app\n/);
    expect(store.save(engine.snapshot())).toMatchObject({ metaWritten: false, sectionsWritten: 0 });
    expect(store.sectionReads).toEqual([]);

    // a command that uses them reads them once; unchanged, they are not written again
    expect(await run(engine, 'system', 'df', '--format', '{{.Type}} {{.TotalCount}}')).toMatch(/^Build Cache [1-9]/m);
    expect(store.sectionReads).toHaveLength(1);
    expect(store.save(engine.snapshot())).toMatchObject({ metaWritten: false, sectionsWritten: 0 });

    // and a rebuild after a restore finds its cache
    const again = new Engine({ env: testEnv(), context: memoryContext(files), snapshot: store.load() });
    const io = bufferIO();
    expect(await again.run(['build', '-t', 'app', '.'], io)).toBe(0);
    expect(io.err).toMatch(/CACHED/);
    expect(again.builds).toHaveLength(2);
  });

  it('loads a store whose meta holds the build slice inline, and moves it into a section at the next save', async () => {
    const { t, store } = await builtAndSaved(10);
    // the store's first form: the same meta with the section's text in place of its reference
    const [[hex, text]] = [...store.sections];
    store.meta = store.meta!.replace(`{"$section":"${hex}"}`, text);
    store.sections.clear();
    const old = store.load()!;
    expect(materialize(old)).toEqual(materialize(t.engine.snapshot()));
    const back = new Engine({ env: testEnv(), context: memoryContext({}), snapshot: old });
    expect(back.builds).toHaveLength(1);
    expect(store.save(back.snapshot())).toMatchObject({ metaWritten: true, sectionsWritten: 1 });
    expect([...store.sections.keys()]).toEqual([hex]);
    expect(store.meta).toContain(`{"$section":"${hex}"}`);
  });

  it('loads a meta whose section record is missing; the engine finds it on first use and starts that part empty', async () => {
    const { store } = await builtAndSaved(2);
    store.sections.clear();
    const engine = new Engine({ env: testEnv(), context: memoryContext({}), snapshot: store.load()! });
    const heard: string[] = [];
    engine.onDamage((what) => heard.push(what));
    let changes = 0;
    engine.subscribe(() => changes++);
    expect(engine.images.list().length).toBeGreaterThan(0);
    expect(heard).toEqual([]);
    expect(engine.builds).toEqual([]);
    expect(heard).toEqual([expect.stringMatching(/^the build cache and history could not be read and start empty: build record [0-9a-f]{64} is missing$/)]);
    expect(changes).toBe(1);
    // the next save stores the empty slice in place of the missing one
    expect(store.save(engine.snapshot())).toMatchObject({ metaWritten: true, sectionsWritten: 1 });
    expect(new Engine({ env: testEnv(), context: memoryContext({}), snapshot: store.load()! }).builds).toEqual([]);
  });
});
