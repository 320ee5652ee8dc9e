/** `docker network create`: a user-defined bridge network on the next free address pool; prints its ID. */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

export const networkCreateCommand: CommandSpec = {
  path: ['network', 'create'],
  usage: 'docker network create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { name: 'aux-address', type: 'map', default: 'map[]', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver' },
    { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
    { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
    { name: 'driver', short: 'd', type: 'string', default: 'bridge', usage: 'Driver to manage the Network' },
    { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', type: 'string', default: 'default', usage: 'IP Address Management Driver' },
    { name: 'ipam-opt', type: 'map', default: 'map[]', usage: 'Set IPAM driver specific options' },
    { name: 'ipv4', type: 'bool', default: true, usage: 'Enable or disable IPv4 address assignment' },
    { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network' },
    { name: 'opt', short: 'o', type: 'map', default: 'map[]', usage: 'Set driver specific options' },
    { name: 'scope', type: 'string', usage: "Control the network's scope" },
    { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  run({ engine, io, flags, args }) {
    const labels: Record<string, string> = {};
    for (const l of flags.strings('label')) {
      const eq = l.indexOf('=');
      labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
    }
    const r = engine.networks.create(args[0], {
      driver: flags.string('driver') || 'bridge',
      labels,
      subnet: flags.strings('subnet')[0],
      gateway: flags.strings('gateway')[0],
      internal: flags.bool('internal'),
      attachable: flags.bool('attachable'),
    });
    if (!r.ok) return daemonError(io, r.error.message);
    io.stdout(`${r.value.Id}\n`);
    return 0;
  },
};
