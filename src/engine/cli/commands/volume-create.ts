/** `docker volume create [OPTIONS] [VOLUME]`: prints the volume's name (an existing name is not an error). */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';

/** `KEY=VALUE` flags as a map (a bare KEY maps to ""). */
function keyValues(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    out[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? '' : kv.slice(eq + 1);
  }
  return out;
}

export const volumeCreateCommand: CommandSpec = {
  path: ['volume', 'create'],
  usage: 'docker volume create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { max: 1 },
  flags: [
    { name: 'availability', type: 'string', default: 'active', usage: 'Cluster Volume availability ("active", "pause", "drain")' },
    { name: 'driver', short: 'd', type: 'string', default: 'local', usage: 'Specify volume driver name' },
    { name: 'group', type: 'string', usage: 'Cluster Volume group (cluster volumes)' },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { name: 'limit-bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes' },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', short: 'o', type: 'map', default: 'map[]', usage: 'Set driver specific options' },
    { name: 'required-bytes', type: 'bytes', usage: 'Maximum size of the Cluster Volume in bytes' },
    { name: 'scope', type: 'string', default: 'single', usage: 'Cluster Volume access scope ("single", "multi")' },
    { name: 'secret', type: 'map', default: 'map[]', usage: 'Cluster Volume secrets' },
    { name: 'sharing', type: 'string', default: 'none', usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")' },
    { name: 'topology-preferred', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in' },
    { name: 'topology-required', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from' },
    { name: 'type', type: 'string', default: 'block', usage: 'Cluster Volume access type ("mount", "block")' },
  ],
  run({ engine, io, flags, args }) {
    const name = args[0] ?? (flags.has('name') ? flags.string('name') : undefined);
    if (args[0] && flags.has('name') && flags.string('name') !== args[0]) {
      io.stderr(`Conflicting options: either specify --name or provide positional arg, not both\n`);
      return 1;
    }
    const labels = keyValues(flags.strings('label'));
    const options = keyValues(flags.strings('opt'));
    const r = engine.volumes.create(name || undefined, { labels, options, driver: flags.has('driver') ? flags.string('driver') : undefined });
    if (!r.ok) return daemonError(io, r.error.message);
    if (Object.keys(options).length) io.stderr('layerlab: driver options (-o) are kept in inspect but not simulated; the volume is a plain local folder\n');
    io.stdout(`${r.value.Name}\n`);
    return 0;
  },
};
