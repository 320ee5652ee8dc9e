/** `docker network ls`: the NETWORK ID / NAME / DRIVER / SCOPE table, sorted by name (docker 28). */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { FORMAT_USAGE_TABLE } from '../help';
import { goJSONTime } from '../../containers/inspect';
import type { Network } from '../../networks/types';

/** The filters `docker network ls -f` takes that Layerlab applies. */
function matches(n: Network, key: string, value: string): boolean {
  switch (key) {
    case 'driver':
      return n.Driver === value;
    case 'name':
      return n.Name.includes(value);
    case 'id':
      return n.Id.startsWith(value);
    case 'type':
      return value === 'custom' ? !n.BuiltIn : value === 'builtin' ? n.BuiltIn : false;
    case 'scope':
      return n.Scope === value;
    case 'label': {
      const eq = value.indexOf('=');
      return eq < 0 ? value in n.Labels : n.Labels[value.slice(0, eq)] === value.slice(eq + 1);
    }
    default:
      return true;
  }
}

export const networkLsCommand: CommandSpec = {
  path: ['network', 'ls'],
  aliases: [['network', 'list']],
  usage: 'docker network ls [OPTIONS]',
  short: 'List networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    { name: 'format', type: 'string', usage: FORMAT_USAGE_TABLE },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  run({ engine, io, flags }) {
    const filters: [string, string][] = [];
    for (const f of flags.strings('filter')) {
      const eq = f.indexOf('=');
      if (eq < 0) return cliError(io, `bad format of filter (expected name=value)`);
      const key = f.slice(0, eq);
      if (!['driver', 'name', 'id', 'type', 'scope', 'label', 'dangling'].includes(key)) return cliError(io, `Error response from daemon: invalid filter '${key}'`);
      if (key === 'type' && !['custom', 'builtin'].includes(f.slice(eq + 1))) return cliError(io, `Error response from daemon: invalid filter: 'type'='${f.slice(eq + 1)}'`);
      filters.push([key, f.slice(eq + 1)]);
    }
    // Filters on the same key are alternatives; different keys must all match.
    const keys = [...new Set(filters.map(([k]) => k))];
    const list = engine.networks.list().filter((n) => keys.every((k) => filters.some(([fk, v]) => fk === k && matches(n, k, v))));
    const trunc = !flags.bool('no-trunc');
    if (flags.bool('quiet')) {
      for (const n of list) io.stdout(`${trunc ? n.Id.slice(0, 12) : n.Id}\n`);
      return 0;
    }
    const rows = list.map((n) => ({
      ID: trunc ? n.Id.slice(0, 12) : n.Id,
      Name: n.Name,
      Driver: n.Driver,
      Scope: n.Scope,
      IPv4: 'true',
      IPv6: 'false',
      Internal: String(n.Internal),
      Labels: Object.entries(n.Labels).map(([k, v]) => `${k}=${v}`).join(','),
      CreatedAt: goJSONTime(n.Created),
    }));
    try {
      io.stdout(formatList(flags.string('format'), 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', rows, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' }));
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
