/** `docker ps` / `docker container ls`: Docker's table, -a, -q, -n/-l, -s, --no-trunc, --filter, --format. */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { FORMAT_USAGE_TABLE } from '../help';
import { formatList, TemplateError } from '../format/template';
import { humanDuration, humanSize, shortId } from '../../core/format';
import { commandColumn, imageColumn, portsColumn, statusText } from '../../containers/format';
import { pathMatch } from '../../images/reference';
import type { Container } from '../../containers/types';
import type { Engine } from '../../engine';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

function goTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

function matches(e: Engine, c: Container, key: string, value: string): boolean | string {
  switch (key) {
    case 'id':
      return c.id.startsWith(value);
    case 'name':
      try {
        return new RegExp(value).test(c.name);
      } catch {
        return c.name.includes(value);
      }
    case 'status':
      if (!['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'].includes(value)) {
        return `invalid filter 'status=${value}'`;
      }
      return c.state.Status === value || (value === 'created' && c.state.Status === 'exited' && !c.state.StartedAt);
    case 'exited':
      return c.state.Status === 'exited' && c.state.StartedAt > 0 && String(c.state.ExitCode) === value;
    case 'ancestor': {
      const img = e.images.get(value);
      return (img && img.id === c.imageId) || c.config.Image === value || pathMatch(value, c.config.Image);
    }
    case 'label': {
      const eq = value.indexOf('=');
      const k = eq < 0 ? value : value.slice(0, eq);
      return k in c.config.Labels && (eq < 0 || c.config.Labels[k] === value.slice(eq + 1));
    }
    case 'network': {
      const n = e.networks.get(value);
      return Object.keys(e.containers.endpointsOf(c)).some((name) => name === value || (!!n && n.Name === name));
    }
    case 'health':
      // daemon/list.go: starting, healthy, unhealthy, or none (no healthcheck).
      if (!['starting', 'healthy', 'unhealthy', 'none'].includes(value)) return `Unrecognised filter value for health: ${value}`;
      return (c.health?.Status ?? 'none') === value;
    case 'publish':
    case 'expose':
      return c.hostConfig.PortBindings.some((b) => b.containerPort === (value.includes('/') ? value : `${value}/tcp`) || String(b.hostPort) === value);
    default:
      return `invalid filter '${key}'`;
  }
}

export const psCommand: CommandSpec = {
  path: ['container', 'ls'],
  aliases: [['container', 'list'], ['container', 'ps'], ['ps']],
  usage: 'docker container ls [OPTIONS]',
  short: 'List containers',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: FORMAT_USAGE_TABLE },
    { name: 'last', short: 'n', type: 'int', default: -1, usage: 'Show n last created containers (includes all states)' },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers.sync();
    const now = engine.env.clock.now();
    const trunc = !flags.bool('no-trunc');
    let list = engine.containers.list();
    const last = flags.bool('latest') ? 1 : flags.int('last');
    const all = flags.bool('all') || last > 0;
    const filters = flags.strings('filter').map((f) => {
      const eq = f.indexOf('=');
      return eq < 0 ? { key: f, value: '' } : { key: f.slice(0, eq), value: f.slice(eq + 1) };
    });
    for (const f of filters) {
      if (!f.value && f.key !== '') return cliError(io, `Error response from daemon: invalid filter '${f.key}'`);
    }
    if (!all && !filters.some((f) => f.key === 'status' || f.key === 'exited')) list = list.filter((c) => engine.containers.isRunning(c) || c.state.Status === 'restarting');
    // Filters with the same key are ORed, different keys ANDed.
    const keys = [...new Set(filters.map((f) => f.key))];
    for (const k of keys) {
      const vals = filters.filter((f) => f.key === k).map((f) => f.value);
      for (const v of vals) {
        const probe = list.length ? matches(engine, list[0], k, v) : matches(engine, { id: '', name: '', state: { Status: 'created' }, config: { Labels: {}, Image: '' }, hostConfig: { PortBindings: [] }, imageId: '' } as unknown as Container, k, v);
        if (typeof probe === 'string') return cliError(io, `Error response from daemon: ${probe}`);
      }
      list = list.filter((c) => vals.some((v) => matches(engine, c, k, v) === true));
    }
    if (last > 0) list = list.slice(0, last);
    if (flags.bool('quiet') && !flags.has('format')) {
      io.stdout(list.map((c) => (trunc ? c.id.slice(0, 12) : c.id) + '\n').join(''));
      return 0;
    }
    const showSize = flags.bool('size');
    const rows = list.map((c) => {
      const rw = engine.containers.sizeRw(c);
      return {
        ID: trunc ? shortId(c.id) : c.id,
        Image: imageColumn(c, engine.images, trunc),
        Command: trunc ? commandColumn(c) : commandColumn(c, false),
        CreatedAt: goTime(c.created),
        RunningFor: `${humanDuration(Math.max(0, now - c.created))} ago`,
        Ports: portsColumn(c),
        State: c.state.StartedAt === 0 && c.state.Status === 'exited' ? 'created' : c.state.Status,
        Status: statusText(c, now),
        Size: `${humanSize(rw)} (virtual ${humanSize(rw + engine.images.size(c.imageId))})`,
        Names: c.name,
        Labels: Object.entries(c.config.Labels).map(([k, v]) => `${k}=${v}`).join(','),
        Mounts: '',
        Networks: Object.keys(engine.containers.endpointsOf(c)).sort().join(','),
        LocalVolumes: '0',
      };
    });
    const fmt = flags.string('format');
    const table = showSize && (fmt === '' || fmt === 'table') ? DEFAULT_TABLE + '\t{{.Size}}' : DEFAULT_TABLE;
    try {
      io.stdout(
        formatList(flags.bool('quiet') ? '{{.ID}}' : fmt, table, rows, {
          ID: 'CONTAINER ID',
          Image: 'IMAGE',
          Command: 'COMMAND',
          CreatedAt: 'CREATED AT',
          RunningFor: 'CREATED',
          Ports: 'PORTS',
          State: 'STATE',
          Status: 'STATUS',
          Size: 'SIZE',
          Names: 'NAMES',
          Labels: 'LABELS',
          Mounts: 'MOUNTS',
          Networks: 'NETWORKS',
          LocalVolumes: 'LOCAL VOLUMES',
        }),
      );
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
