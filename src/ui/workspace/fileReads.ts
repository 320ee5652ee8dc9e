/**
 * How an upload asks for the sizes and bytes of the files picked or dropped: in batches, from a worker
 * (fileReads.worker.ts) where the browser can start one, else on the page. A worker that fails to start or
 * answer is left for the page's own reads, so an upload never depends on it.
 */

/** Sizes and bytes of files, a batch at a time. */
export interface FileReads {
  sizes(files: File[]): Promise<number[]>;
  read(files: File[]): Promise<Uint8Array[]>;
  dispose(): void;
}

export interface FileReadAsk {
  id: number;
  op: 'size' | 'read';
  files: File[];
}

export type FileReadAnswer = { id: number; sizes: number[] } | { id: number; buffers: ArrayBuffer[] } | { id: number; error: string };

/** Reads on the page (no worker). */
export const pageFileReads: FileReads = {
  sizes: async (files) => files.map((f) => f.size),
  read: (files) => Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))),
  dispose: () => undefined,
};

/** A port to a worker that answers FileReadAsk messages (a Worker; a MessagePort in tests). */
export interface FileReadPort {
  postMessage(m: FileReadAsk): void;
  addEventListener(type: 'message', l: (e: MessageEvent<FileReadAnswer>) => void): void;
  addEventListener(type: 'error', l: () => void): void;
}

/**
 * Reads through `port`; once the port fails (an error event, or an answer that says the worker could not read a
 * file), every read after that, and those waiting, are done on the page instead.
 */
export function portFileReads(port: FileReadPort, close: () => void): FileReads {
  let seq = 0;
  let broken = false;
  const waiting = new Map<number, { ok: (a: FileReadAnswer) => void; fail: () => void }>();
  port.addEventListener('message', (e) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    w.ok(e.data);
  });
  port.addEventListener('error', () => {
    broken = true;
    for (const w of waiting.values()) w.fail();
    waiting.clear();
  });
  const ask = (op: FileReadAsk['op'], files: File[]) =>
    new Promise<FileReadAnswer | null>((ok) => {
      if (broken) return ok(null);
      const id = ++seq;
      waiting.set(id, { ok, fail: () => ok(null) });
      port.postMessage({ id, op, files });
    });
  return {
    async sizes(files) {
      const a = await ask('size', files);
      return a && 'sizes' in a ? a.sizes : pageFileReads.sizes(files);
    },
    async read(files) {
      const a = await ask('read', files);
      return a && 'buffers' in a ? a.buffers.map((b) => new Uint8Array(b)) : pageFileReads.read(files);
    },
    dispose: close,
  };
}

/** Reads through a new worker, or on the page where workers are not available. */
export function startFileReads(): FileReads {
  if (typeof Worker !== 'function') return pageFileReads;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./fileReads.worker.ts', import.meta.url), { type: 'module', name: 'layerlab-file-reads' });
  } catch {
    return pageFileReads;
  }
  return portFileReads(worker, () => worker.terminate());
}
