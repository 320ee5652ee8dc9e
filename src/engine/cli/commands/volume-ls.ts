/** `docker volume ls` (alias `list`): a DRIVER / VOLUME NAME table, -q names only, --format, -f filters. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { FORMAT_USAGE_TABLE } from '../help';
import type { Engine } from '../../engine';
import type { Volume } from '../../volumes/types';

/** The fields `--format` templates see (docker 28's volume formatter; cluster-only ones are "N/A"). */
function row(v: Volume): Record<string, string> {
  const labels = Object.entries(v.Labels ?? {}).map(([k, x]) => `${k}=${x}`).join(',');
  return { Availability: 'N/A', Driver: v.Driver, Group: 'N/A', Labels: labels, Links: 'N/A', Mountpoint: v.Mountpoint, Name: v.Name, Scope: v.Scope, Size: 'N/A', Status: 'N/A' };
}

/** `-f key=value` filters: dangling, name (substring), label (key or key=value), driver. An error is the daemon's text. */
function matcher(engine: Engine, filters: string[]): ((v: Volume) => boolean) | string {
  const tests: ((v: Volume) => boolean)[] = [];
  for (const f of filters) {
    const eq = f.indexOf('=');
    if (eq < 0) return `bad format of filter (expected name=value)`;
    const key = f.slice(0, eq);
    const value = f.slice(eq + 1);
    if (key === 'dangling') {
      if (!['true', 'false', '1', '0'].includes(value.toLowerCase())) return `invalid filter 'dangling=${value}'`;
      const want = value === 'true' || value === '1';
      tests.push((v) => (engine.containers.usersOfVolume(v.Name).length === 0) === want);
    } else if (key === 'name') tests.push((v) => v.Name.includes(value));
    else if (key === 'driver') tests.push((v) => v.Driver === value);
    else if (key === 'label') {
      const [k, x] = value.split('=', 2);
      tests.push((v) => !!v.Labels && k in v.Labels && (x === undefined || v.Labels[k] === x));
    } else return `invalid filter '${key}'`;
  }
  return (v) => tests.every((t) => t(v));
}

export const volumeLsCommand: CommandSpec = {
  path: ['volume', 'ls'],
  aliases: [['volume', 'list']],
  usage: 'docker volume ls [OPTIONS]',
  short: 'List volumes',
  args: { max: 0 },
  flags: [
    { name: 'cluster', type: 'bool', usage: 'Display only cluster volumes, and use cluster volume list formatting' },
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    { name: 'format', type: 'string', usage: FORMAT_USAGE_TABLE },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers.sync();
    const match = matcher(engine, flags.strings('filter'));
    if (typeof match === 'string') return daemonError(io, match);
    const volumes = engine.volumes.list().filter(match);
    const format = flags.bool('quiet') && !flags.string('format') ? '{{.Name}}' : flags.string('format');
    try {
      io.stdout(formatList(format, 'table {{.Driver}}\t{{.Name}}', volumes.map(row), { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' }));
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
