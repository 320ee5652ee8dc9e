/** `docker container prune`: removes stopped containers after a [y/N] prompt (-f skips it). */
import type { CommandSpec } from '../command';
import { humanSize } from '../../core/format';

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
    if (!flags.bool('force')) {
      io.stdout('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
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
    const { ids, reclaimed } = engine.containers.prune();
    if (ids.length) io.stdout(`Deleted Containers:\n${ids.map((i) => i + '\n').join('')}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
