/** `docker rm` / `docker container rm` (-f kills a running container first; with -f a missing one is not a failure). */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';

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
    const force = flags.bool('force');
    let failed = false;
    for (const ref of args) {
      const r = await engine.containers.remove(ref, force, flags.bool('volumes'));
      if (r.ok) {
        io.stdout(`${ref}\n`);
        continue;
      }
      io.stderr(`${DAEMON_ERROR_PREFIX}${r.error.message}\n`);
      // cli/command/container/rm.go: with --force, "No such container" is reported but is not an error.
      if (!(force && r.error.code === 'containers.no-such')) failed = true;
    }
    return failed ? 1 : 0;
  },
};
