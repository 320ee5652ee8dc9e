/** `docker stop` / `docker container stop`: the stop signal, then SIGKILL after the timeout (virtual seconds). */
import type { CommandSpec } from '../command';
import { eachContainer } from './container-util';

export const stopCommand: CommandSpec = {
  path: ['container', 'stop'],
  aliases: [['stop']],
  usage: 'docker container stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    const t = flags.has('timeout') ? flags.int('timeout') : undefined;
    const sig = flags.has('signal') ? flags.string('signal') : undefined;
    return eachContainer(io, args, (ref) => engine.containers.stop(ref, t, sig));
  },
};
