/** `docker network rm`: each removed network's name as typed; -f ignores networks that do not exist. */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';

export const networkRmCommand: CommandSpec = {
  path: ['network', 'rm'],
  aliases: [['network', 'remove']],
  usage: 'docker network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    let failed = false;
    for (const ref of args) {
      const r = engine.networks.remove(ref);
      if (r.ok) {
        io.stdout(`${ref}\n`);
        continue;
      }
      if (flags.bool('force') && r.error.code === 'networks.not-found') continue;
      io.stderr(`${DAEMON_ERROR_PREFIX}${r.error.message}\n`);
      failed = true;
    }
    // cli/command/network/remove.go returns a bare cli.StatusError, which the docker 28 client prints as such.
    if (failed) io.stderr('exit status 1\n');
    return failed ? 1 : 0;
  },
};
