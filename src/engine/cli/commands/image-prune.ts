/** `docker image prune`: dangling images (or with -a every image no container uses), after a [y/N] prompt. */
import type { CommandSpec } from '../command';
import type { Engine } from '../../engine';
import { humanSize } from '../../core/format';
import { confirm, usersOf } from './image-util';

/** Removes images; returns the prune lines (`untagged: …`, `deleted: …`) and the bytes freed from image layers. */
export function pruneImages(engine: Engine, all: boolean): { lines: string[]; reclaimed: number } {
  const store = engine.images;
  const users = usersOf(engine);
  const sizes = new Map<string, number>();
  for (const img of store.all()) for (const l of store.layers(img.id)) sizes.set(l.diffId, l.size);
  const before = new Set(store.layerRefCounts().keys());
  const lines: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const img of store.list()) {
      if (!store.has(img.id) || users(img.id).length || store.children(img.id).length) continue;
      if (!all && !img.dangling) continue;
      const r = store.remove(img.id, { force: true, usersOf: users });
      if (!r.ok) continue;
      for (const l of r.value) lines.push(l.replace(/^Untagged:/, 'untagged:').replace(/^Deleted:/, 'deleted:'));
      changed = true;
    }
  }
  const after = new Set(store.layerRefCounts().keys());
  let reclaimed = 0;
  for (const d of before) if (!after.has(d)) reclaimed += sizes.get(d) ?? 0;
  return { lines, reclaimed };
}

export const imagePruneCommand: CommandSpec = {
  path: ['image', 'prune'],
  usage: 'docker image prune [OPTIONS]',
  short: 'Remove unused images',
  args: { max: 0, message: '"docker image prune" accepts no arguments.' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ engine, io, flags }) {
    await (engine as { containers?: { sync?: () => Promise<void> } }).containers?.sync?.();
    const all = flags.bool('all');
    if (!flags.bool('force')) {
      const warning = all ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.';
      if (!(await confirm(io, warning))) return 0;
    }
    const { lines, reclaimed } = pruneImages(engine, all);
    if (lines.length) io.stdout(`Deleted Images:\n${lines.map((l) => l + '\n').join('')}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
