/**
 * The web app's engine save over history, in process: a 2,000-file / 20 MB context (`FROM busybox`, `COPY . .`)
 * rebuilt after one-file edits. "Before" is the former save (the whole `engine.snapshot()` as one record: its
 * JSON size and the time to take and serialise it); "after" is the content-addressed layout the IndexedDB store
 * writes (persist/engineStore.ts runs the same planSave/applySave; here on the in-memory host): the bytes one
 * save writes, the bytes stored in all, and the time of a save (snapshot + plan).
 */
import { testEngine } from '../../src/engine/build/testkit';
import { MemoryStore } from '../../src/engine/store/memoryStore';
import { median, mb, ms, type Row } from './table';

export interface WebStoreFigures {
  after: number;
  wholeBytes: number;
  wholeMs: number;
  storedBytes: number;
  writtenBytes: number;
  saveMs: number;
}

const storedBytes = (s: MemoryStore) => {
  let n = s.meta?.length ?? 0;
  for (const b of s.blobs.values()) n += b.length;
  for (const l of s.layers.values()) n += JSON.stringify(l).length;
  for (const t of s.sections.values()) n += t.length;
  return n;
};

export async function measureWebStore(points = [1, 20], runs = 3): Promise<WebStoreFigures[]> {
  const files: Record<string, string> = { Dockerfile: 'FROM busybox\nCOPY . .\n' };
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  for (let i = 0; i < 2000; i++) files[`src/f${i}.txt`] = String.fromCharCode(...Array.from({ length: 10_000 }, () => 97 + (rnd() % 26)));
  const t = testEngine(files);
  const store = new MemoryStore();
  const out: WebStoreFigures[] = [];
  await t.build({ tags: ['big'] });
  store.save(t.engine.snapshot());
  for (let n = 1; n <= Math.max(...points); n++) {
    files['src/f1.txt'] += `edit ${n}\n`;
    t.setFiles({ ...files });
    await t.build({ tags: ['big'] });
    if (!points.includes(n)) {
      store.save(t.engine.snapshot());
      continue;
    }
    let wholeBytes = 0;
    const wholeMs = median(
      Array.from({ length: runs }, () => {
        const t0 = performance.now();
        wholeBytes = JSON.stringify(t.engine.snapshot()).length;
        return performance.now() - t0;
      }),
    );
    const t0 = performance.now();
    const stats = store.save(t.engine.snapshot());
    const saveMs = performance.now() - t0;
    out.push({ after: n, wholeBytes, wholeMs, storedBytes: storedBytes(store), writtenBytes: stats.bytesWritten, saveMs });
  }
  return out;
}

export async function benchWebStore(): Promise<Row[]> {
  const figs = await measureWebStore();
  return figs.flatMap((f) => [
    {
      issue: '18',
      figure: `web engine save after ${f.after} one-file rebuild(s) of a 2,000-file 20 MB context: bytes written, content-addressed vs whole snapshot`,
      value: `${mb(f.writtenBytes)} vs ${mb(f.wholeBytes)} (stored in all: ${mb(f.storedBytes)})`,
      target: '≈ changed bytes, ≪ whole',
      pass: f.writtenBytes < f.wholeBytes / 10,
    },
    {
      issue: '18',
      figure: `web engine save time after ${f.after} one-file rebuild(s): content-addressed vs whole snapshot`,
      value: `${ms(f.saveMs)} vs ${ms(f.wholeMs)}`,
      target: 'does not grow with history',
      pass: null,
      note: 'in process (Node), the IndexedDB write itself not included',
    },
  ]);
}

if (process.argv[1]?.endsWith('webStore.ts')) {
  for (const f of await measureWebStore()) console.log(JSON.stringify({ ...f, wholeMB: +(f.wholeBytes / 2 ** 20).toFixed(2), storedMB: +(f.storedBytes / 2 ** 20).toFixed(2), writtenMB: +(f.writtenBytes / 2 ** 20).toFixed(3) }));
}
