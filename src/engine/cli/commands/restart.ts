/** `docker restart` / `docker container restart`. */
import type { CommandSpec } from '../command';
import { eachContainer } from './container-util';

export const restartCommand: CommandSpec = {
  path: ['container', 'restart'],
  aliases: [['restart']],
  usage: 'docker container restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    const t = flags.has('timeout') ? flags.int('timeout') : undefined;
    return eachContainer(io, args, (ref) => engine.containers.restart(ref, t));
  },
};
