// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { portFileReads, type FileReadAnswer, type FileReadAsk, type FileReadPort } from './fileReads';
import { uploadFolder, type UploadSource } from './upload';

/** A port that answers as the worker does (or fails as a worker that cannot start), counting the batches. */
function fakeWorker(opts: { broken?: boolean } = {}) {
  const asks: FileReadAsk['op'][] = [];
  const onMessage: ((e: MessageEvent<FileReadAnswer>) => void)[] = [];
  const onError: (() => void)[] = [];
  const port: FileReadPort = {
    postMessage(m) {
      asks.push(m.op);
      setTimeout(async () => {
        if (opts.broken) return onError.forEach((l) => l());
        const data: FileReadAnswer = m.op === 'size' ? { id: m.id, sizes: m.files.map((f) => f.size) } : { id: m.id, buffers: await Promise.all(m.files.map((f) => f.arrayBuffer())) };
        onMessage.forEach((l) => l({ data } as MessageEvent<FileReadAnswer>));
      });
    },
    addEventListener(type: 'message' | 'error', l: ((e: MessageEvent<FileReadAnswer>) => void) | (() => void)) {
      if (type === 'message') onMessage.push(l as (e: MessageEvent<FileReadAnswer>) => void);
      else onError.push(l as () => void);
    },
  };
  return { port, asks };
}

function picked(n: number): UploadSource[] {
  return Array.from({ length: n }, (_, i) => {
    const file = new File([`file ${i}\n`], `f${i}.txt`);
    const path = `proj/src/f${i}.txt`;
    return {
      path,
      get size(): number {
        throw new Error('sized one by one');
      },
      read: () => Promise.reject(new Error('read one by one')),
      file,
    };
  });
}

describe('reading uploaded files in batches', () => {
  it('sizes 500 and reads 64 files a message, and the project comes out whole', async () => {
    const w = fakeWorker();
    const r = await uploadFolder(picked(1200), { reads: portFileReads(w.port, () => undefined), yieldToPage: () => Promise.resolve() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.files)).toHaveLength(1200);
    expect(r.files['src/f1199.txt']).toBe('file 1199\n');
    expect(w.asks.filter((a) => a === 'size')).toHaveLength(3);
    expect(w.asks.filter((a) => a === 'read')).toHaveLength(Math.ceil(1200 / 64));
  });

  it('reads on the page when the worker fails', async () => {
    const w = fakeWorker({ broken: true });
    const reads = portFileReads(w.port, () => undefined);
    const files = [new File(['a'], 'a'), new File(['bc'], 'b')];
    expect(await reads.sizes(files)).toEqual([1, 2]);
    expect((await reads.read(files)).map((b) => new TextDecoder().decode(b))).toEqual(['a', 'bc']);
    // once broken, it no longer asks the worker
    await reads.read(files);
    expect(w.asks).toEqual(['size']);
  });
});
