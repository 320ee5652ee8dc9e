/**
 * The headless CLI's former state format: one JSON file holding `engine.snapshot()`. Read only, to migrate it into
 * the store (state-store.ts). A damaged file is moved aside (never silently overwritten) and the engine starts
 * fresh, with a message saying so.
 */
import { readFileSync, renameSync } from 'node:fs';
import type { EngineSnapshot } from '../engine/engine';
import type { LoadResult } from './state-store';

/** Reads a single-file state. Damaged → moved to `<path>.damaged` with a warning. */
export function loadStateFile(path: string): LoadResult {
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
