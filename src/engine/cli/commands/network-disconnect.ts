/** `docker network disconnect`: removes a container's endpoint on a network. */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

export const networkDisconnectCommand: CommandSpec = {
  path: ['network', 'disconnect'],
  usage: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { min: 2, max: 2 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    const r = engine.networks.disconnect(args[0], args[1], flags.bool('force'));
    return r.ok ? 0 : daemonError(io, r.error.message);
  },
};
