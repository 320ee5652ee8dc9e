/**
 * The CLI's command list (src/engine/cli/commands/index.ts), for tab completion of commands and flags: asked of
 * the engine once it is up (the CLI's code stays in the engine's worker, not on the page).
 */
import type { EngineClient } from '../engine/engineClient';

export interface Registry {
  commands: string[][];
  flagsFor(path: string[]): string[];
}

export async function commandRegistry(engine: Promise<EngineClient | null>): Promise<Registry | null> {
  try {
    const client = await engine;
    if (!client) return null;
    const { commands, flags } = await client.commandTable();
    return { commands, flagsFor: (path) => flags[path.join(' ')] ?? [] };
  } catch {
    return null;
  }
}
