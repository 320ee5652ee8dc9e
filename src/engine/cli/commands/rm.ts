/** `docker rm` / `docker container rm` (-f kills a running container first). */
import type { CommandSpec } from '../command';
import { eachContainer } from './container-util';

export const rmCommand: CommandSpec = {
  path: ['container', 'rm'],
  aliases: [['container', 'remove'], ['rm']],
  usage: 'docker container rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    return eachContainer(io, args, (ref) => engine.containers.remove(ref, flags.bool('force')));
  },
};
