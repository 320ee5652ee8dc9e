/** `docker network connect`: joins a container to a network (an address at once when it is running). */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

export const networkConnectCommand: CommandSpec = {
  path: ['network', 'connect'],
  usage: 'docker network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    { name: 'gw-priority', type: 'int', usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', type: 'list', usage: 'Add link to another container' },
    { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
  ],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    if (flags.has('ip') || flags.has('ip6')) io.stderr('layerlab: --ip and --ip6 are not simulated; the container gets the next free address\n');
    const r = engine.networks.connect(args[0], args[1], { aliases: flags.strings('alias') });
    return r.ok ? 0 : daemonError(io, r.error.message);
  },
};
