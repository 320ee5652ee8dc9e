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
    if (!r.ok) {
      daemonError(io, r.error.message);
      io.stderr(`Error: failed to rename container named ${args[0]}\n`);
      return 1;
    }
    return 0;
  },
};
