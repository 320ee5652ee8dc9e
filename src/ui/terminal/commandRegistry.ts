/**
 * The CLI's command list (src/engine/cli/commands/index.ts, by the CLI engineer), loaded if present, for
 * tab completion of commands and flags.
 */
interface Spec {
  path: string[];
  aliases?: string[][];
  flags?: { name: string; short?: string; hidden?: boolean }[];
}

const loaders = import.meta.glob('../../engine/cli/commands/index.ts');

export interface Registry {
  commands: string[][];
  flagsFor(path: string[]): string[];
}

export async function commandRegistry(): Promise<Registry | null> {
  const load = Object.values(loaders)[0];
  if (!load) return null;
  try {
    const m = (await load()) as Record<string, unknown>;
    const list = (Object.values(m).find((v) => Array.isArray(v) && v.length > 0 && Array.isArray((v[0] as Spec)?.path)) ?? []) as Spec[];
    if (list.length === 0) return null;
    const commands: string[][] = [];
    const byPath = new Map<string, Spec>();
    for (const s of list) {
      for (const p of [s.path, ...(s.aliases ?? [])]) {
        commands.push(p);
        byPath.set(p.join(' '), s);
      }
    }
    return {
      commands,
      flagsFor(path) {
        const s = byPath.get(path.join(' '));
        if (!s) return [];
        return (s.flags ?? []).filter((f) => !f.hidden).flatMap((f) => ['--' + f.name, ...(f.short ? ['-' + f.short] : [])]);
      },
    };
  } catch {
    return null;
  }
}
