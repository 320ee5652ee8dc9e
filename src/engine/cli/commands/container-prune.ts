/** `docker container prune`: removes stopped containers after a [y/N] prompt (-f skips it). */
import type { CommandSpec } from '../command';
import { humanSize } from '../../core/format';
import { confirm } from './image-util';

export const containerPruneCommand: CommandSpec = {
  path: ['container', 'prune'],
  usage: 'docker container prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { max: 0 },
  flags: [
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers.sync();
    if (!flags.bool('force') && !(await confirm(io, 'WARNING! This will remove all stopped containers.'))) return 0;
    const { ids, reclaimed } = engine.containers.prune();
    if (ids.length) io.stdout(`Deleted Containers:\n${ids.map((i) => i + '\n').join('')}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
