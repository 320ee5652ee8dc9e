/** A tiny promise wrapper over one IndexedDB object store of JSON-like values. */

const DB_NAME = 'layerlab';
const STORE = 'kv';

export interface KvStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  clear(): Promise<void>;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function openKv(): Promise<KvStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    get: <T,>(key: string) => req(tx('readonly').get(key)) as Promise<T | undefined>,
    set: async (key, value) => {
      await req(tx('readwrite').put(value, key));
    },
    clear: async () => {
      await req(tx('readwrite').clear());
    },
  };
}

/** An in-memory store: used when IndexedDB is unavailable (private windows of some browsers) and in tests. */
export function memoryKv(): KvStore {
  const m = new Map<string, unknown>();
  return {
    get: async <T,>(k: string) => m.get(k) as T | undefined,
    set: async (k, v) => {
      m.set(k, v);
    },
    clear: async () => m.clear(),
  };
}
