/** `docker kill` / `docker container kill` (default SIGKILL). */
import type { CommandSpec } from '../command';
import { eachContainer } from './container-util';

export const killCommand: CommandSpec = {
  path: ['container', 'kill'],
  aliases: [['kill']],
  usage: 'docker container kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { min: 1 },
  flags: [{ name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' }],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    const sig = flags.string('signal') || 'SIGKILL';
    return eachContainer(io, args, (ref) => engine.containers.kill(ref, sig));
  },
};
