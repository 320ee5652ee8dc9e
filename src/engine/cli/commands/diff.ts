/** `docker diff` / `docker container diff`: C/A/D lines from the container's writable layer. */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

export const diffCommand: CommandSpec = {
  path: ['container', 'diff'],
  aliases: [['diff']],
  usage: 'docker container diff CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  args: { min: 1, max: 1 },
  flags: [],
  async run({ engine, io, args }) {
    await engine.containers.sync();
    const f = engine.containers.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    io.stdout(engine.containers.diff(f.value).map((d) => `${d.kind} ${d.path}\n`).join(''));
    return 0;
  },
};
