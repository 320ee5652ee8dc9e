/**
 * A write-ahead journal of edits not yet in IndexedDB, written synchronously to the tab's `sessionStorage` on
 * every edit. IndexedDB writes are asynchronous and the saves are debounced, so a reload right after typing
 * used to lose the last edit; `sessionStorage` survives a reload of the same tab, is written before the edit
 * returns, and belongs to one tab (two tabs never replay each other's journal).
 *
 * Entries hold absolute values (a file's content, a deletion, a tag, a whole new workspace), so replaying one
 * twice is harmless. An entry for a workspace is dropped once a save that contains it has reached IndexedDB
 * (`saved(id, generation)`); it is replayed at start only if it is newer than the saved record.
 * When `sessionStorage` is full or blocked the journal keeps working in memory (the IndexedDB save still
 * happens; only a reload inside the save's delay can lose the edit then).
 */
import type { FileContent, Workspace } from '../workspace/workspace';
import { fromB64, toB64 } from './saved';

export const JOURNAL_KEY = 'layerlab.journal';

type Stored = string | { b64: string } | null;

export interface JournalEntry {
  /** Time of the last edit in it (ms). */
  at: number;
  /** The workspace was created here (its whole content at creation), or removed. */
  created?: { name: string; tag: string; files: Record<string, Stored> };
  removed?: boolean;
  tag?: string;
  /** Path -> new content, or null for a deletion. */
  files: Record<string, Stored>;
}

export interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

const enc = (c: FileContent): Stored => (typeof c === 'string' ? c : { b64: toB64(c) });
const dec = (s: Stored): FileContent | null => (s === null ? null : typeof s === 'string' ? s : fromB64(s.b64));

function sessionStore(): StorageLike | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export class EditJournal {
  private entries: Record<string, JournalEntry> = {};
  private gens: Record<string, number> = {};

  constructor(
    private storage: StorageLike | null = sessionStore(),
    private now: () => number = () => Date.now(),
  ) {}

  /** The entries left by this tab's previous page (to replay), as stored. */
  read(): Record<string, JournalEntry> {
    try {
      const raw = this.storage?.getItem(JOURNAL_KEY);
      const v = raw ? (JSON.parse(raw) as unknown) : null;
      if (!v || typeof v !== 'object') return {};
      const out: Record<string, JournalEntry> = {};
      for (const [id, e] of Object.entries(v as Record<string, JournalEntry>))
        if (e && typeof e === 'object' && typeof e.at === 'number' && e.files && typeof e.files === 'object') out[id] = e;
      this.entries = out;
      return out;
    } catch {
      return {};
    }
  }

  private entry(id: string): JournalEntry {
    this.gens[id] = (this.gens[id] ?? 0) + 1;
    const e = (this.entries[id] ??= { at: 0, files: {} });
    e.at = this.now();
    return e;
  }

  private persist(): void {
    if (!this.storage) return;
    try {
      if (Object.keys(this.entries).length === 0) this.storage.removeItem(JOURNAL_KEY);
      else this.storage.setItem(JOURNAL_KEY, JSON.stringify(this.entries));
    } catch {
      // full or blocked: the journal stays in memory
    }
  }

  writeFiles(id: string, files: Record<string, FileContent | null>): void {
    const e = this.entry(id);
    for (const [p, c] of Object.entries(files)) e.files[p] = c === null ? null : enc(c);
    this.persist();
  }

  setTag(id: string, tag: string): void {
    this.entry(id).tag = tag;
    this.persist();
  }

  created(ws: Workspace): void {
    const e = this.entry(ws.id);
    e.removed = undefined;
    e.files = {};
    e.created = { name: ws.name, tag: ws.tag, files: Object.fromEntries(Object.entries(ws.files).map(([p, c]) => [p, enc(c)])) };
    this.persist();
  }

  removed(id: string): void {
    const e = this.entry(id);
    e.removed = true;
    e.created = undefined;
    e.files = {};
    this.persist();
  }

  /** A marker of the edits made so far to a workspace (pass it back to `saved`). */
  generation(id: string): number {
    return this.gens[id] ?? 0;
  }

  /** A save containing every edit up to `generation` has reached IndexedDB. */
  saved(id: string, generation: number): void {
    if (!(id in this.entries) || this.generation(id) !== generation) return;
    delete this.entries[id];
    this.persist();
  }

  has(id: string): boolean {
    return id in this.entries;
  }

  clear(): void {
    this.entries = {};
    this.persist();
  }
}

/**
 * Applies journal entries newer than the saved records to the loaded workspaces. Returns the new list and the
 * ids it changed (they need saving).
 */
export function replayJournal(
  workspaces: Workspace[],
  entries: Record<string, JournalEntry>,
  savedAt: Record<string, number>,
): { workspaces: Workspace[]; changed: string[] } {
  let list = workspaces.slice();
  const changed: string[] = [];
  for (const [id, e] of Object.entries(entries).sort((a, b) => a[1].at - b[1].at)) {
    if (savedAt[id] !== undefined && e.at < savedAt[id]) continue;
    if (e.removed) {
      if (list.some((w) => w.id === id) && list.length > 1) {
        list = list.filter((w) => w.id !== id);
        changed.push(id);
      }
      continue;
    }
    let ws = list.find((w) => w.id === id);
    if (e.created) {
      const files: Record<string, FileContent> = {};
      for (const [p, s] of Object.entries(e.created.files)) {
        const c = dec(s);
        if (c !== null) files[p] = c;
      }
      const fresh: Workspace = { id, name: String(e.created.name), tag: String(e.created.tag), files };
      list = ws ? list.map((w) => (w.id === id ? fresh : w)) : [...list, fresh];
      ws = fresh;
    }
    if (!ws) continue;
    const files = { ...ws.files };
    for (const [p, s] of Object.entries(e.files)) {
      const c = dec(s);
      if (c === null) delete files[p];
      else files[p] = c;
    }
    const next: Workspace = { ...ws, files, tag: typeof e.tag === 'string' ? e.tag : ws.tag };
    list = list.map((w) => (w.id === id ? next : w));
    changed.push(id);
  }
  return { workspaces: list, changed };
}
