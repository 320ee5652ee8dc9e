/** A tiny promise wrapper over one IndexedDB object store of JSON-like values. */

const DB_NAME = 'layerlab';
const STORE = 'kv';

export interface KvStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes and deletes several records in one transaction: all of them or none (a full disk leaves every
   * record as it was). `undefined` deletes the key.
   */
  write(records: Record<string, unknown>): Promise<void>;
  keys(): Promise<string[]>;
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
    write: (records) =>
      new Promise<void>((resolve, reject) => {
        const t = db.transaction(STORE, 'readwrite');
        t.oncomplete = () => resolve();
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error ?? new Error('the save was aborted'));
        try {
          const s = t.objectStore(STORE);
          for (const [k, v] of Object.entries(records)) {
            if (v === undefined) s.delete(k);
            else s.put(v, k);
          }
        } catch (e) {
          try {
            t.abort();
          } catch {
            // already finished
          }
          reject(e);
        }
      }),
    keys: async () => (await req(tx('readonly').getAllKeys())).map(String),
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
    write: async (records) => {
      for (const [k, v] of Object.entries(records)) {
        if (v === undefined) m.delete(k);
        else m.set(k, v);
      }
    },
    keys: async () => [...m.keys()],
    clear: async () => m.clear(),
  };
}

/** The browser refused a write because the site's storage is full. */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}
