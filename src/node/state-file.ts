/**
 * The headless CLI's persistent state: one JSON file (LAYERLAB_STATE, default ~/.layerlab/state.json) holding
 * `engine.snapshot()`. Written atomically (temp file + rename), so a crash never leaves half a file; a state too
 * big for one JSON text is refused before anything is written. A damaged file is moved aside (never silently
 * overwritten) and the engine starts fresh, with a message saying so. Concurrent commands: see state-lock.ts.
 */
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
  /** The file exists but can be neither used nor moved aside: the command must not run (it would overwrite it). */
  fatal?: string;
}

/** Reads the state file. Missing → fresh engine. Damaged → moved to `<path>.damaged` with a warning. */
export function loadState(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { fatal: `layerlab: cannot read state file ${path} (${code ?? String(e)}); fix its permissions or move it away\n` };
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
  } catch (e) {
    return { fatal: `layerlab: state file ${path} is damaged (${reason}) and could not be moved aside (${(e as NodeJS.ErrnoException).code ?? String(e)}); move it away to start fresh\n` };
  }
}

/** The engine's state no longer fits in one state file. */
export class StateTooBigError extends Error {
  constructor() {
    super('the state is too big to save (over 512 MiB as JSON); the previous state was kept and this command\'s changes were not saved: remove containers or images (docker rm, docker rmi, docker system prune) and try again');
  }
}

/**
 * Keeps a copy of the state file as `<path>.damaged` when part of it could not be restored (a damaged container
 * entry the engine skipped), so nothing is dropped without a copy. Returns the message for stderr.
 */
export function keepDamagedCopy(path: string, what: string): string {
  const aside = `${path}.damaged`;
  try {
    copyFileSync(path, aside);
    return `layerlab: state file ${path} is partly damaged (${what}); kept a copy at ${aside}\n`;
  } catch (e) {
    return `layerlab: state file ${path} is partly damaged (${what}); could not keep a copy (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`;
  }
}

/** Writes the snapshot atomically: temp file in the same directory, fsync, rename over the old file. */
export function saveState(path: string, snap: EngineSnapshot): void {
  // Serialise first: a state over V8's longest string (~512 MiB) cannot be written, and the old file must stay.
  let text: string;
  try {
    text = JSON.stringify(snap);
  } catch (e) {
    if (e instanceof RangeError) throw new StateTooBigError();
    throw e;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left to clean
    }
    throw e;
  }
  closeSync(fd);
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
