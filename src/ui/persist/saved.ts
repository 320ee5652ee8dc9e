/**
 * What Layerlab saves (workspaces, engine snapshot, settings), how a damaged store is recognised, and the
 * one-file export/import format.
 */
import type { EngineSnapshot } from '../../engine/engine';
import type { Workspace, FileContent } from '../workspace/workspace';

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  lang: 'en' | 'ko';
  theme: Theme;
  presenter: boolean;
  builder: 'buildkit' | 'legacy';
  noCache: boolean;
  heightMode: 'linear' | 'log' | 'uniform';
  /** Milliseconds per build step in the layer animation (0: no animation). */
  stepMs: number;
}

export interface SavedWorkspaces {
  version: 1;
  workspaces: Workspace[];
  activeId: string;
  openFile: Record<string, string>;
}

export class DamagedStoreError extends Error {
  constructor(readonly part: string, detail: string) {
    super(`${part}: ${detail}`);
  }
}

function isFileContent(v: unknown): v is FileContent {
  return typeof v === 'string' || v instanceof Uint8Array;
}

export function validateWorkspaces(v: unknown): SavedWorkspaces {
  const o = v as SavedWorkspaces;
  if (!o || typeof o !== 'object' || o.version !== 1 || !Array.isArray(o.workspaces)) throw new DamagedStoreError('workspaces', 'not a workspace list');
  for (const w of o.workspaces) {
    if (!w || typeof w.id !== 'string' || typeof w.name !== 'string' || !w.files || typeof w.files !== 'object')
      throw new DamagedStoreError('workspaces', 'a workspace is malformed');
    if (typeof w.tag !== 'string') w.tag = w.name;
    for (const [p, c] of Object.entries(w.files)) if (typeof p !== 'string' || !isFileContent(c)) throw new DamagedStoreError('workspaces', `file ${p} is malformed`);
  }
  if (typeof o.activeId !== 'string') o.activeId = o.workspaces[0]?.id ?? '';
  if (!o.openFile || typeof o.openFile !== 'object') o.openFile = {};
  return o;
}

export function validateSettings(v: unknown, defaults: Settings): Settings {
  if (v === undefined) return defaults;
  if (!v || typeof v !== 'object') throw new DamagedStoreError('settings', 'not an object');
  const s = { ...defaults, ...(v as Partial<Settings>) };
  if (s.lang !== 'en' && s.lang !== 'ko') s.lang = defaults.lang;
  if (!['system', 'light', 'dark'].includes(s.theme)) s.theme = defaults.theme;
  if (!['linear', 'log', 'uniform'].includes(s.heightMode)) s.heightMode = defaults.heightMode;
  if (typeof s.stepMs !== 'number' || !(s.stepMs >= 0 && s.stepMs <= 5000)) s.stepMs = defaults.stepMs;
  s.presenter = !!s.presenter;
  s.noCache = !!s.noCache;
  if (s.builder !== 'buildkit' && s.builder !== 'legacy') s.builder = 'buildkit';
  return s;
}

export function validateEngineSnapshot(v: unknown): EngineSnapshot | undefined {
  if (v === undefined) return undefined;
  if (!v || typeof v !== 'object' || (v as EngineSnapshot).version !== 1) throw new DamagedStoreError('engine', 'not an engine snapshot');
  return v as EngineSnapshot;
}

// ---- export / import as one JSON file ----

export const EXPORT_FORMAT = 'layerlab-export';

interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  workspaces: SavedWorkspaces;
  engine?: EngineSnapshot;
  settings: Settings;
}

const B64 = '__base64__';

export function toB64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromB64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function exportAll(workspaces: SavedWorkspaces, engine: EngineSnapshot | undefined, settings: Settings, now: Date): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), workspaces, engine, settings };
  return JSON.stringify(file, (_k, v) => (v instanceof Uint8Array ? { [B64]: toB64(v) } : v));
}

/**
 * The damaged screen's export: whatever the store still holds, unvalidated, in the export file's shape so
 * the learner's files survive a reset (records that could not be read at all are listed in `unreadable`).
 */
export function exportRaw(records: Record<string, unknown>, unreadable: string[], now: Date): string {
  const file = { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), damaged: true, unreadable, ...records };
  return JSON.stringify(file, (_k, v) => (v instanceof Uint8Array ? { [B64]: toB64(v) } : v));
}

export function importAll(text: string, defaults: Settings): { workspaces: SavedWorkspaces; engine?: EngineSnapshot; settings: Settings } {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_k, v) => (v && typeof v === 'object' && typeof v[B64] === 'string' && Object.keys(v).length === 1 ? fromB64(v[B64]) : v));
  } catch {
    throw new DamagedStoreError('import', 'not a JSON file');
  }
  const f = raw as ExportFile;
  if (!f || f.format !== EXPORT_FORMAT || f.version !== 1) throw new DamagedStoreError('import', 'not a Layerlab export');
  return {
    workspaces: validateWorkspaces(f.workspaces),
    engine: validateEngineSnapshot(f.engine ?? undefined),
    settings: validateSettings(f.settings, defaults),
  };
}
