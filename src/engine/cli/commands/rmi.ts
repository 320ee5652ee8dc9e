/** `docker image rm` / `docker rmi`: Untagged/Deleted lines, Docker's conflict errors. */
import type { CommandSpec } from '../command';
import { usersOf } from './image-util';

export const rmiCommand: CommandSpec = {
  path: ['image', 'rm'],
  aliases: [['image', 'remove'], ['rmi']],
  usage: 'docker image rm [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
    { name: 'platform', type: 'stringSlice', valueName: 'strings', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
  async run({ engine, io, flags, args }) {
    await (engine as { containers?: { sync?: () => Promise<void> } }).containers?.sync?.();
    let code = 0;
    for (const ref of args) {
      const r = engine.images.remove(ref, { force: flags.bool('force'), noPrune: flags.bool('no-prune'), usersOf: usersOf(engine) });
      if (r.ok) {
        for (const l of r.value) io.stdout(l + '\n');
      } else {
        io.stderr(`Error response from daemon: ${r.error.message}\n`);
        code = 1;
      }
    }
    return code;
  },
};
