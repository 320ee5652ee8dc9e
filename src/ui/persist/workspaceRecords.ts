/**
 * How workspaces are laid out in the key/value store: one record per workspace (`ws:<id>`), so a save writes
 * only the workspaces that changed and two tabs editing different workspaces never write the same record.
 * - `ws:<id>`: `{ version: 2, savedAt, workspace }` (`savedAt`: when the saved state was taken, ms)
 * - `ws-order`: `{ version: 2, ids }`, the order of the workspace picker; a record missing from it is still
 *   loaded (after the listed ones), so two tabs adding workspaces at once lose neither
 * - `ws-view`: `{ activeId, openFile }`, the last tab's choice of workspace and open files
 * The first layout kept every workspace in one record (`workspaces`, a `SavedWorkspaces`); it is migrated in
 * one transaction the first time it is found (an imported file is written in that layout too).
 */
import type { Workspace } from '../workspace/workspace';
import type { KvStore } from './idb';
import { DamagedStoreError, validateWorkspaces, type SavedWorkspaces } from './saved';

export const WS_PREFIX = 'ws:';
export const ORDER_KEY = 'ws-order';
export const VIEW_KEY = 'ws-view';
export const LEGACY_KEY = 'workspaces';

export const wsKey = (id: string): string => WS_PREFIX + id;

export interface WorkspaceRecord {
  version: 2;
  savedAt: number;
  workspace: Workspace;
}

export interface LoadedWorkspaces {
  saved: SavedWorkspaces;
  /** When each workspace's record was taken (journal entries older than it are already in it). */
  savedAt: Record<string, number>;
}

export function workspaceRecord(ws: Workspace, savedAt: number): WorkspaceRecord {
  return { version: 2, savedAt, workspace: ws };
}

export function orderRecord(ids: string[]): { version: 2; ids: string[] } {
  return { version: 2, ids };
}

export function viewRecord(activeId: string, openFile: Record<string, string>): { activeId: string; openFile: Record<string, string> } {
  return { activeId, openFile };
}

/** Validates one `ws:<id>` record (a damaged one makes the store damaged, as before). */
export function validateRecord(v: unknown): WorkspaceRecord {
  const r = v as WorkspaceRecord;
  if (!r || typeof r !== 'object' || r.version !== 2 || typeof r.savedAt !== 'number') throw new DamagedStoreError('workspaces', 'a workspace record is malformed');
  validateWorkspaces({ version: 1, workspaces: [r.workspace] });
  return r;
}

/** The records that replace everything with `saved` (and delete the workspaces not in it). */
function layoutOf(saved: SavedWorkspaces, existingKeys: string[], now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of existingKeys) if (k.startsWith(WS_PREFIX)) out[k] = undefined;
  for (const w of saved.workspaces) out[wsKey(w.id)] = workspaceRecord(w, now);
  out[ORDER_KEY] = orderRecord(saved.workspaces.map((w) => w.id));
  out[VIEW_KEY] = viewRecord(saved.activeId, saved.openFile);
  out[LEGACY_KEY] = undefined;
  return out;
}

/**
 * Reads the saved workspaces (undefined when none are saved), migrating the one-record layout first.
 * Throws DamagedStoreError when a record cannot be understood.
 */
export async function loadWorkspaces(kv: KvStore, now: number): Promise<LoadedWorkspaces | undefined> {
  const keys = await kv.keys();
  if (keys.includes(LEGACY_KEY)) {
    const legacy = validateWorkspaces(await kv.get(LEGACY_KEY));
    await kv.write(layoutOf(legacy, keys, now));
    return { saved: legacy, savedAt: Object.fromEntries(legacy.workspaces.map((w) => [w.id, now])) };
  }
  const wsKeys = keys.filter((k) => k.startsWith(WS_PREFIX));
  if (wsKeys.length === 0) return undefined;
  const order = (await kv.get<{ ids?: unknown }>(ORDER_KEY))?.ids;
  const listed = Array.isArray(order) ? order.filter((x): x is string => typeof x === 'string') : [];
  const present = new Set(wsKeys.map((k) => k.slice(WS_PREFIX.length)));
  const ids = [...new Set(listed.filter((id) => present.has(id)))];
  for (const id of [...present].sort()) if (!ids.includes(id)) ids.push(id);
  const workspaces: Workspace[] = [];
  const savedAt: Record<string, number> = {};
  for (const id of ids) {
    const r = validateRecord(await kv.get(wsKey(id)));
    workspaces.push(r.workspace);
    savedAt[r.workspace.id] = r.savedAt;
  }
  const view = (await kv.get<{ activeId?: unknown; openFile?: unknown }>(VIEW_KEY)) ?? {};
  const saved = validateWorkspaces({ version: 1, workspaces, activeId: view.activeId, openFile: view.openFile });
  return { saved, savedAt };
}

/** Reads one workspace's record as another tab saved it (undefined: deleted, or unreadable). */
export async function readWorkspace(kv: KvStore, id: string): Promise<WorkspaceRecord | undefined> {
  try {
    const v = await kv.get(wsKey(id));
    return v === undefined ? undefined : validateRecord(v);
  } catch {
    return undefined;
  }
}

/** Every key of the new and the old layout that holds workspaces (for a reset, an import or an export). */
export function isWorkspaceKey(k: string): boolean {
  return k.startsWith(WS_PREFIX) || k === ORDER_KEY || k === VIEW_KEY || k === LEGACY_KEY;
}
