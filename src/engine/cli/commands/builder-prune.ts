/**
 * `docker builder prune` (buildx prune in docker 28): clears BuildKit cache records (dangling ones, or all
 * with -a) after buildx's one-line [y/N] prompt; prints the removed records and `Total:` with buildx's
 * tab-padded tabwriter layout.
 */
import type { CommandSpec } from '../command';
import type { Engine } from '../../engine';
import { humanDuration, humanSizeP4 } from '../../core/format';

/** The 25-character ID BuildKit shows for a cache record. */
export function cacheId(engine: Engine, key: string): string {
  const h = engine.env.sha256('cache-id:' + key);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 25; i++) out += alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % 36];
  return out;
}

/** Go tabwriter(minwidth 1, tabwidth 8, padding 1, padchar '\t') over one block of rows. */
function tabPadded(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length + 1)));
  const cellw = widths.map((w) => Math.ceil(w / 8) * 8);
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + '\t'.repeat(Math.ceil((cellw[i] - [...c].length) / 8)) : c)).join('') + '\n').join('');
}

/** Prunes the build cache and renders buildx's listing; returns the text and the bytes freed. */
export function pruneBuildCache(engine: Engine, all: boolean): { text: string; reclaimed: number; total: number } {
  const now = engine.env.clock.now();
  const { removed } = engine.buildService.prune(all);
  let text = '';
  let total = 0;
  removed.forEach((r, i) => {
    total += r.size;
    const row = [cacheId(engine, r.key).padEnd(40), 'true '.padEnd(5), humanSizeP4(r.size).padEnd(10), `${humanDuration(Math.max(0, now - r.lastUsed))} ago`];
    text += tabPadded(i === 0 ? [['ID', 'RECLAIMABLE', 'SIZE', 'LAST ACCESSED'], row] : [row]);
  });
  return { text, reclaimed: total, total };
}

export const builderPruneCommand: CommandSpec = {
  path: ['builder', 'prune'],
  aliases: [['buildx', 'prune']],
  usage: 'docker builder prune',
  short: 'Remove build cache',
  args: { max: 0, message: '"docker builder prune" accepts no arguments.' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'keep-storage', type: 'string', valueName: 'bytes', usage: 'Amount of disk space to keep for cache' },
  ],
  async run({ engine, io, flags }) {
    const all = flags.bool('all');
    if (!flags.bool('force')) {
      const warning = all ? 'WARNING! This will remove all build cache. Are you sure you want to continue?' : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
      io.stdout(`${warning} [y/N] `);
      let answer = '';
      if (io.stdin) {
        for (;;) {
          const chunk = await io.stdin.read();
          if (chunk === null) break;
          answer += chunk;
          if (answer.includes('\n')) break;
        }
      }
      const a = answer.split('\n')[0].trim().toLowerCase();
      if (a !== 'y' && a !== 'yes') {
        if (!io.stdin || answer === '') io.stdout('\n');
        return 0;
      }
    }
    const { text, total } = pruneBuildCache(engine, all);
    io.stdout(text);
    io.stdout(`Total:\t${humanSizeP4(total)}\n`);
    return 0;
  },
};
