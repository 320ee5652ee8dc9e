/** `docker network prune`: user-defined networks without a running container, after a [y/N] prompt. */
import type { CommandSpec } from '../command';
import { confirm } from './image-util';

export const networkPruneCommand: CommandSpec = {
  path: ['network', 'prune'],
  usage: 'docker network prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers.sync();
    if (!flags.bool('force') && !(await confirm(io, 'WARNING! This will remove all custom networks not used by at least one container.'))) return 0;
    const names = engine.networks.prune();
    if (names.length) io.stdout(`Deleted Networks:\n${names.map((n) => n + '\n').join('')}\n`);
    return 0;
  },
};
