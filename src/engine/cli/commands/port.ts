/** `docker port` / `docker container port`. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { portLines } from '../../containers/ports';

export const portCommand: CommandSpec = {
  path: ['container', 'port'],
  aliases: [['port']],
  usage: 'docker container port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { min: 1, max: 2 },
  flags: [],
  async run({ engine, io, args }) {
    await engine.containers.sync();
    const f = engine.containers.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    const bindings = engine.containers.isRunning(c) ? c.hostConfig.PortBindings : [];
    const lines = portLines(bindings, args[1]);
    if (args[1] && !lines.length) {
      const p = args[1].includes('/') ? args[1] : `${args[1]}/tcp`;
      return cliError(io, `Error: No public port '${p}' published for ${args[0]}`);
    }
    io.stdout(lines.map((l) => l + '\n').join(''));
    return 0;
  },
};
