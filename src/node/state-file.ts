/**
 * The headless CLI's persistent state: one JSON file (LAYERLAB_STATE, default ~/.layerlab/state.json) holding
 * `engine.snapshot()`. Written atomically (temp file + rename), so a crash never leaves half a file. A damaged
 * file is moved aside (never silently overwritten) and the engine starts fresh, with a message saying so.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EngineSnapshot } from '../engine/engine';

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLAB_STATE || join(homedir(), '.layerlab', 'state.json');
}

export interface LoadResult {
  snapshot?: EngineSnapshot;
  /** A message for stderr when the file was damaged and moved aside. */
  warning?: string;
}

/** Reads the state file. Missing → fresh engine. Damaged → moved to `<path>.damaged` with a warning. */
export function loadState(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { warning: `layerlab: cannot read state file ${path} (${code ?? String(e)}); starting with an empty engine\n` };
  }
  let reason: string;
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && (data as { version?: unknown }).version === 1) return { snapshot: data as EngineSnapshot };
    reason = 'not a Layerlab state (version 1) object';
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e);
  }
  const aside = `${path}.damaged`;
  try {
    renameSync(path, aside);
    return { warning: `layerlab: state file ${path} is damaged (${reason}); moved it to ${aside} and started with an empty engine\n` };
  } catch {
    return { warning: `layerlab: state file ${path} is damaged (${reason}); starting with an empty engine\n` };
  }
}

/** Writes the snapshot atomically: temp file in the same directory, fsync, rename over the old file. */
export function saveState(path: string, snap: EngineSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(snap));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left to clean
    }
    throw e;
  }
}
