/** `docker rename` / `docker container rename`. */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

export const renameCommand: CommandSpec = {
  path: ['container', 'rename'],
  aliases: [['rename']],
  usage: 'docker container rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { min: 2, max: 2 },
  flags: [],
  async run({ engine, io, args }) {
    await engine.containers.sync();
    const r = engine.containers.rename(args[0], args[1]);
    if (!r.ok) return daemonError(io, r.error.message);
    return 0;
  },
};
