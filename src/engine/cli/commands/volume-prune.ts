/** `docker volume prune`: unused anonymous volumes (-a: unused named ones too), after a [y/N] prompt (-f skips it). */
import type { CommandSpec } from '../command';
import { humanSize } from '../../core/format';
import { confirm } from './image-util';

export const volumePruneCommand: CommandSpec = {
  path: ['volume', 'prune'],
  usage: 'docker volume prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers.sync();
    const all = flags.bool('all');
    const warning = all ? 'WARNING! This will remove all local volumes not used by at least one container.' : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
    if (!flags.bool('force') && !(await confirm(io, warning))) return 0;
    const { names, reclaimed } = engine.volumes.prune({ all });
    if (names.length) io.stdout(`Deleted Volumes:\n${names.map((n) => n + '\n').join('')}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
