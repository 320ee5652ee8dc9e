/** `docker system prune`: stopped containers, unused networks, (--volumes) unused anonymous volumes, dangling (or with -a unused) images and build cache. */
import type { CommandSpec } from '../command';
import { humanSize } from '../../core/format';
import { confirm } from './image-util';
import { pruneImages } from './image-prune';
import { cacheId } from './builder-prune';

export const systemPruneCommand: CommandSpec = {
  path: ['system', 'prune'],
  usage: 'docker system prune [OPTIONS]',
  short: 'Remove unused data',
  args: { max: 0, message: '"docker system prune" accepts no arguments.' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  async run({ engine, io, flags }) {
    const all = flags.bool('all');
    if (!flags.bool('force')) {
      const items = [
        'all stopped containers',
        'all networks not used by at least one container',
        ...(flags.bool('volumes') ? ['all anonymous volumes not used by at least one container'] : []),
        all ? 'all images without at least one container associated to them' : 'all dangling images',
        all ? 'all build cache' : 'unused build cache',
      ];
      if (!(await confirm(io, `WARNING! This will remove:\n${items.map((i) => `  - ${i}`).join('\n')}\n`))) return 0;
    }
    let reclaimed = 0;
    const containers = engine.containers;
    if (containers) {
      await containers.sync?.();
      const { ids, reclaimed: r } = containers.prune();
      reclaimed += r;
      if (ids.length) io.stdout(`Deleted Containers:\n${ids.map((i) => i + '\n').join('')}\n`);
    }
    const networks = engine.networks.prune();
    if (networks.length) io.stdout(`Deleted Networks:\n${networks.map((n) => n + '\n').join('')}\n`);
    if (flags.bool('volumes')) {
      const vols = engine.volumes.prune();
      reclaimed += vols.reclaimed;
      if (vols.names.length) io.stdout(`Deleted Volumes:\n${vols.names.map((n) => n + '\n').join('')}\n`);
    }
    const img = pruneImages(engine, all);
    reclaimed += img.reclaimed;
    if (img.lines.length) io.stdout(`Deleted Images:\n${img.lines.map((l) => l + '\n').join('')}\n`);
    const { removed, reclaimed: cacheBytes } = engine.buildService.prune(all);
    reclaimed += cacheBytes;
    if (removed.length) {
      io.stdout(`Deleted build cache objects:\n${removed.map((r) => cacheId(engine, r.key) + '\n').join('')}\n`);
    }
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
