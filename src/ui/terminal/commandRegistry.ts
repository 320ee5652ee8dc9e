/**
 * The CLI's command list (src/engine/cli/commands/index.ts), loaded lazily, for tab completion of commands and
 * flags.
 */
export interface Registry {
  commands: string[][];
  flagsFor(path: string[]): string[];
}

export async function commandRegistry(): Promise<Registry | null> {
  try {
    const { commands: specs } = await import('../../engine/cli/commands/index');
    const commands: string[][] = [];
    const flags = new Map<string, string[]>();
    for (const s of specs) {
      const names = (s.flags ?? []).filter((f) => !f.hidden).flatMap((f) => ['--' + f.name, ...(f.short ? ['-' + f.short] : [])]);
      for (const p of [s.path, ...(s.aliases ?? [])]) {
        commands.push(p);
        flags.set(p.join(' '), names);
      }
    }
    return { commands, flagsFor: (path) => flags.get(path.join(' ')) ?? [] };
  } catch {
    return null;
  }
}
