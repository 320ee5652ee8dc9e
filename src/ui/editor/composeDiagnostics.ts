/**
 * Editor diagnostics for a Compose file of the workspace (compose.yaml, compose.yml, docker-compose.yml,
 * docker-compose.yaml): the engine's Compose loader (src/engine/compose/load.ts, the one `docker compose` uses)
 * reads the workspace as `docker compose -f <file> config` would, and its first problem (a YAML syntax error, an
 * unknown key, a wrong type, an undefined service/network/volume: Compose reports one at a time) becomes a marker
 * on its line, in Compose's words. Compose's warnings that point at a key (the obsolete `version`) become
 * warnings there. Loaded lazily, like the Dockerfile parser.
 */
import type { Diagnostic } from './parserBridge';
import type { SourceRange } from '../../engine/core/errors';
import type { FileContent } from '../workspace/workspace';
import { memoryContext } from '../../engine/core/host';

/** The folder the workspace stands for in docker commands (as `$(pwd)` in the terminal). */
const ROOT = '/workspace';

export type ComposeModule = typeof import('../../engine/compose/load');
let cached: Promise<ComposeModule | null> | null = null;

export function loadComposeLoader(): Promise<ComposeModule | null> {
  if (!cached) cached = import('../../engine/compose/load').catch(() => null);
  return cached;
}

/** Whether `path` (workspace-relative) is a file `docker compose` finds by its default names. */
export function isComposeFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].includes(name);
}

const lineRange = (line: number, text: string): SourceRange => ({ start: { line, column: 1 }, end: { line, column: (text.split('\n')[line - 1] ?? '').length + 1 } });

/** The problems `docker compose` would report for the Compose file at `path` of the workspace `files`. */
export async function diagnoseCompose(mod: ComposeModule, files: Record<string, FileContent>, path: string): Promise<Diagnostic[]> {
  const text = typeof files[path] === 'string' ? (files[path] as string) : '';
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  let r;
  try {
    r = await mod.loadProject({ context: memoryContext(files), files: [path], env: {}, cwd: ROOT, ...(dir ? { projectDirectory: dir } : {}) });
  } catch {
    // a loader crash must not break the editor
    return [];
  }
  if (!r.ok) {
    const e = r.error;
    return [{ severity: 'error', code: e.code, message: e.message, range: e.range ?? lineRange(1, text), fixes: [] }];
  }
  const out: Diagnostic[] = [];
  for (const w of r.value.warnings) {
    if (!/the attribute `version` is obsolete/.test(w)) continue;
    const line = text.split('\n').findIndex((l) => /^version\s*:/.test(l)) + 1;
    if (line > 0) out.push({ severity: 'warning', code: 'COMPOSE_VERSION', message: w, range: lineRange(line, text), fixes: [] });
  }
  return out;
}
