import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../engine/engine';
import { loadStore, saveStore, StateTooBigError } from './state-store';
import { loadStateFile } from './state-file';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const big = (c: string) => c.repeat(2000);
const hex = (c: string) => c.repeat(64);
/** A layer as fs/serialize.ts writes it. */
function layer(id: string, files: Record<string, string>, summary = { added: 1, modified: 0, removed: 0 }) {
  return {
    diffId: id ? `sha256:${hex(id)}` : '',
    size: Object.values(files).reduce((n, t) => n + t.length, 0),
    summary,
    entries: Object.entries(files).map(([p, x]) => [p, { t: 'file', m: 0o644, u: 0, g: 0, s: x.length, x }]),
  };
}
function snapshot(layers: ReturnType<typeof layer>[], upper = layer('', { '/tmp/note': big('n') })): EngineSnapshot {
  return {
    version: 1,
    images: { layers, images: [{ id: 'sha256:img' }], tags: [['web:latest', 'sha256:img']] },
    containers: { containers: [{ id: 'c1', name: 'web', upper }] },
  };
}
/** A loaded snapshot with every unread layer and section read (they come back as functions that read them on first use). */
function read(v: unknown): unknown {
  if (typeof v === 'function') return read(v());
  if (Array.isArray(v)) return v.map(read);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, read(x)]));
}
const load = (p: string) => read(loadStore(p).snapshot);
const files = (p: string, sub: string) => (existsSync(join(p, sub)) ? readdirSync(join(p, sub)).sort() : []);
const mtime = (f: string) => statSync(f).mtimeMs;

describe('the state store', () => {
  it('gives back exactly the snapshot it was given', () => {
    const p = join(dir, 'roundtrip');
    const snap = snapshot([layer('a', { '/app/a.js': big('a'), '/app/small': 'hi' }), layer('b', { '/bin/tool': big('b') }, { added: 0, modified: 1, removed: 0 })]);
    saveStore(p, snap);
    expect(load(p)).toEqual(snap);
  });

  it('stores each layer once and each content once, however many layers hold it', () => {
    const p = join(dir, 'dedupe');
    const shared = big('s');
    saveStore(p, snapshot([layer('a', { '/one': shared })]));
    const first = files(p, 'layers');
    const layerFile = join(p, 'layers', first[0]);
    const before = mtime(layerFile);
    const loaded = loadStore(p);
    saveStore(p, snapshot([layer('a', { '/one': shared }), layer('b', { '/one': shared, '/two': big('t') })]), loaded);
    expect(files(p, 'layers')).toHaveLength(2);
    // blobs: the shared content, the new file and the container's note: three, not four
    expect(files(p, 'blobs')).toHaveLength(3);
    expect(mtime(layerFile)).toBe(before);
  });

  it('reads a layer only when it is used, and saves an unread layer without reading it', () => {
    const p = join(dir, 'lazy');
    saveStore(p, snapshot([layer('a', { '/a': big('a') })]));
    const loaded = loadStore(p);
    // Its contents vanish: nothing notices until the layer is read.
    for (const b of files(p, 'blobs')) rmSync(join(p, 'blobs', b));
    expect(() => saveStore(p, loaded.snapshot!, loaded)).not.toThrow();
    const images = loaded.snapshot!.images as { layers: { entries: () => unknown }[] };
    expect(() => images.layers[0].entries()).toThrow(/blob [0-9a-f]{64} is missing/);
  });

  it('writes nothing when nothing changed', () => {
    const p = join(dir, 'unchanged');
    const snap = snapshot([layer('a', { '/x': big('x') })]);
    saveStore(p, snap);
    const meta = join(p, 'meta.json');
    const before = mtime(meta);
    const text = readFileSync(meta, 'utf8');
    saveStore(p, snap, loadStore(p));
    expect(mtime(meta)).toBe(before);
    expect(readFileSync(meta, 'utf8')).toBe(text);
  });

  it('frees a removed layer and the contents only it held', () => {
    const p = join(dir, 'gc');
    saveStore(p, snapshot([layer('a', { '/keep': big('k') }), layer('b', { '/keep': big('k'), '/gone': big('g') })]));
    saveStore(p, snapshot([layer('a', { '/keep': big('k') })]), loadStore(p));
    expect(files(p, 'layers')).toEqual([`${hex('a')}.json`]);
    expect(files(p, 'blobs')).toHaveLength(2); // /keep and the container's note
    expect(load(p)).toEqual(snapshot([layer('a', { '/keep': big('k') })]));
  });

  it('keeps the build slice in a section of its own, read only when used, and migrates a meta holding it inline', () => {
    const p = join(dir, 'sections');
    const build = { cache: { records: [], memos: [['buildkit|./Dockerfile', [['0:1', { text: 'COPY . .', key: 'k', parentKey: 'p', files: { 'a.txt': 'sha256:1' } }]]]] }, records: [{ id: 'b1', steps: [] }] };
    const snap = { ...snapshot([layer('a', { '/a': big('a') })]), build };
    saveStore(p, snap);
    const [section] = files(p, 'sections');
    expect(section).toMatch(/^[0-9a-f]{64}\.json$/);
    const meta = join(p, 'meta.json');
    expect(readFileSync(meta, 'utf8')).toContain(`"build":{"$section":"${section.slice(0, 64)}"}`);
    expect(load(p)).toEqual(snap);

    // A command that never uses it (ps, image ls) neither reads nor writes it: damage there goes unnoticed...
    const loaded = loadStore(p);
    writeFileSync(join(p, 'sections', section), '{"cache":');
    const before = mtime(meta);
    saveStore(p, loaded.snapshot!, loaded);
    expect(mtime(meta)).toBe(before);
    // ...until one uses it
    expect(() => (loaded.snapshot!.build as () => unknown)()).toThrow(/^build record [0-9a-f]{64} is damaged/);

    // The store's first form held the slice inline: it loads, and the next save moves it into a section.
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(`{"$section":"${section.slice(0, 64)}"}`, JSON.stringify(build)));
    rmSync(join(p, 'sections'), { recursive: true });
    const old = loadStore(p);
    expect(old.warning).toBeUndefined();
    expect(old.snapshot!.build).toEqual(build);
    saveStore(p, old.snapshot!, old);
    expect(files(p, 'sections')).toEqual([section]);
    expect(load(p)).toEqual(snap);
  });

  it('migrates a single-file state into a store and removes the old file', () => {
    const p = join(dir, 'old-state.json');
    const snap = snapshot([layer('a', { '/a': big('a') })]);
    writeFileSync(p, JSON.stringify(snap));
    const loaded = loadStore(p);
    expect(read(loaded.snapshot)).toEqual(snap);
    saveStore(p, loaded.snapshot!, loaded);
    expect(statSync(p).isDirectory()).toBe(true);
    expect(existsSync(`${p}.v1`)).toBe(false);
    expect(load(p)).toEqual(snap);
  });

  it('recovers a migration that stopped before the store was written', () => {
    const p = join(dir, 'half-migrated');
    const snap = snapshot([layer('a', { '/a': big('a') })]);
    writeFileSync(`${p}.v1`, JSON.stringify(snap));
    const loaded = loadStore(p);
    expect(read(loaded.snapshot)).toEqual(snap);
    saveStore(p, loaded.snapshot!, loaded);
    expect(existsSync(`${p}.v1`)).toBe(false);
    expect(load(p)).toEqual(snap);
  });

  it('moves a damaged meta.json aside and starts fresh, and a missing layer counts as damage', () => {
    const p = join(dir, 'damaged');
    saveStore(p, snapshot([layer('a', { '/a': big('a') })]));
    rmSync(join(p, 'layers', `${hex('a')}.json`));
    const r = loadStore(p);
    expect(r.snapshot).toBeUndefined();
    expect(r.warning).toMatch(/^layerlab: state .*damaged is damaged \(layer a+ is missing or damaged\); moved its meta.json to .*meta\.json\.damaged and started with an empty engine\n$/);
    expect(existsSync(join(p, 'meta.json.damaged'))).toBe(true);
  });

  it('refuses a state too big for one JSON text and keeps the previous one', () => {
    const p = join(dir, 'big');
    const snap = snapshot([layer('a', { '/a': big('a') })]);
    saveStore(p, snap);
    // What V8 throws past its longest string (~512 MiB), without building one.
    const huge = { version: 1, images: { toJSON: () => { throw new RangeError('Invalid string length'); } } } as unknown as EngineSnapshot;
    expect(() => saveStore(p, huge, loadStore(p))).toThrow(StateTooBigError);
    expect(load(p)).toEqual(snap);
    expect(readdirSync(p).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops rather than overwrite a damaged single-file state it cannot move aside', () => {
    const sub = join(dir, 'ro');
    const path = join(sub, 'state.json');
    mkdirSync(sub);
    writeFileSync(path, '{"version": 1, "images": ');
    chmodSync(sub, 0o500);
    try {
      const r = loadStateFile(path);
      if (process.getuid?.() === 0) return; // root can always rename
      expect(r.fatal).toMatch(/is damaged .* and could not be moved aside \(EACCES\); move it away to start fresh/);
      expect(r.snapshot).toBeUndefined();
    } finally {
      chmodSync(sub, 0o700);
    }
  });
});
