/** `docker volume rm` (alias `remove`): prints each removed name; a volume a container uses stays ("volume is in use"). */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';

export const volumeRmCommand: CommandSpec = {
  path: ['volume', 'rm'],
  aliases: [['volume', 'remove']],
  usage: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    let failed = false;
    for (const name of args) {
      const r = engine.volumes.remove(name, flags.bool('force'));
      if (r.ok) io.stdout(`${name}\n`);
      else {
        io.stderr(`${DAEMON_ERROR_PREFIX}${r.error.message}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
