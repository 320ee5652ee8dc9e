/** `docker stats` / `docker container stats` (one frame; `--no-stream` is the one-shot form). */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { FORMAT_USAGE_TABLE } from '../help';
import { formatList, TemplateError } from '../format/template';
import { humanSize } from '../../core/format';
import type { Container } from '../../containers/types';

/** go-units BytesSize: base 1024, "9.52MiB". */
export function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number(n.toPrecision(3)).toString()}${units[i]}`;
}

const LIMIT = 8_222_298_112; // 7.66GiB, a typical Docker Desktop VM

function row(c: Container, now: number, trunc: boolean) {
  const running = c.state.Status === 'running';
  const seed = parseInt(c.id.slice(0, 6), 16);
  const isNode = /node/.test(c.path + ' ' + c.args.join(' ')) || /docker-entrypoint/.test(c.path);
  const mem = running ? (isNode ? 9_000_000 + (seed % 3_000_000) : 400_000 + (seed % 600_000)) : 0;
  const up = Math.max(0, now - c.state.StartedAt) / 1000;
  const rx = running ? Math.round(866 + up * 3.1) : 0;
  return {
    Container: trunc ? c.id.slice(0, 12) : c.id,
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Name: c.name,
    CPUPerc: running ? `${((seed % 7) / 100).toFixed(2)}%` : '0.00%',
    MemUsage: `${bytesSize(mem)} / ${running ? bytesSize(LIMIT) : '0B'}`,
    MemPerc: running ? `${((mem / LIMIT) * 100).toFixed(2)}%` : '0.00%',
    NetIO: `${humanSize(rx)} / ${humanSize(running ? 126 : 0)}`,
    BlockIO: `${humanSize(0)} / ${humanSize(0)}`,
    PIDs: running ? '1' : '0',
  };
}

export const statsCommand: CommandSpec = {
  path: ['container', 'stats'],
  aliases: [['stats']],
  usage: 'docker container stats [OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'format', type: 'string', usage: FORMAT_USAGE_TABLE },
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
  async run({ engine, io, flags, args }) {
    const store = engine.containers;
    await store.sync();
    let list: Container[];
    if (args.length) {
      list = [];
      for (const a of args) {
        const f = store.find(a);
        if (!f.ok) return daemonError(io, f.error.message);
        list.push(f.value);
      }
    } else list = store.list().filter((c) => flags.bool('all') || store.isRunning(c));
    const frame = () => {
      const rows = list.map((c) => row(c, engine.env.clock.now(), !flags.bool('no-trunc')));
      return formatList(flags.string('format'), 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}', rows, {
          Container: 'CONTAINER',
          ID: 'CONTAINER ID',
          Name: 'NAME',
          CPUPerc: 'CPU %',
          MemUsage: 'MEM USAGE / LIMIT',
          MemPerc: 'MEM %',
          NetIO: 'NET I/O',
          BlockIO: 'BLOCK I/O',
          PIDs: 'PIDS',
      });
    };
    try {
      io.stdout(frame());
      // Streaming (the default): a new frame each tick until Ctrl-C; a terminal redraws in place.
      if (!flags.bool('no-stream') && io.signal && !io.signal.aborted) {
        const aborted = new Promise<void>((r) => io.signal!.addEventListener('abort', () => r(), { once: true }));
        while (!io.signal.aborted) {
          await Promise.race([store.waitTick(1000), aborted]);
          if (io.signal.aborted) break;
          io.stdout((io.stdoutIsTTY ? '\x1b[2J\x1b[H' : '') + frame());
        }
      }
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
