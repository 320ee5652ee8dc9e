/** `docker logs` / `docker container logs`: -f, -t (RFC3339Nano, fixed width), -n/--tail, --since, --until. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import type { LogEntry } from '../../containers/types';

/** Docker's RFC3339NanoFixed for a virtual ms time: 2026-11-23T09:00:03.123000000Z. */
export function logTimestamp(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** Splits chunked output into lines (each keeps its newline and its chunk's time). */
export function logLines(entries: LogEntry[]): LogEntry[] {
  const out: LogEntry[] = [];
  const open: Partial<Record<'stdout' | 'stderr', LogEntry>> = {};
  for (const e of entries) {
    let text = e.text;
    while (text.length) {
      const nl = text.indexOf('\n');
      const piece = nl < 0 ? text : text.slice(0, nl + 1);
      text = nl < 0 ? '' : text.slice(nl + 1);
      const cur = open[e.stream];
      if (cur) {
        cur.text += piece;
        if (piece.endsWith('\n')) delete open[e.stream];
      } else {
        const line = { stream: e.stream, text: piece, time: e.time };
        out.push(line);
        if (!piece.endsWith('\n')) open[e.stream] = line;
      }
    }
  }
  return out;
}

/** A `--since`/`--until` value: a duration back from now ("42m", "10s", "1h30m") or a timestamp. */
export function parseLogTime(v: string, now: number): number | null {
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const dur = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(v);
  if (dur && v !== '') return now - ((Number(dur[1] ?? 0) * 60 + Number(dur[2] ?? 0)) * 60 + Number(dur[3] ?? 0)) * 1000 - Number(dur[4] ?? 0);
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

export const logsCommand: CommandSpec = {
  path: ['container', 'logs'],
  aliases: [['logs']],
  usage: 'docker container logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run({ engine, io, flags, args }) {
    const store = engine.containers;
    await store.sync();
    const f = store.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    const now = engine.env.clock.now();
    const since = flags.string('since') ? parseLogTime(flags.string('since'), now) : null;
    const until = flags.string('until') ? parseLogTime(flags.string('until'), now) : null;
    if (flags.string('since') && since === null) return cliError(io, `invalid value for "since": failed to parse value as time or duration: "${flags.string('since')}"`);
    if (flags.string('until') && until === null) return cliError(io, `invalid value for "until": failed to parse value as time or duration: "${flags.string('until')}"`);
    const tail = flags.string('tail');
    const ts = flags.bool('timestamps');
    const show = (l: LogEntry) => {
      const text = ts ? `${logTimestamp(l.time)} ${l.text}` : l.text;
      if (l.stream === 'stderr' && !c.config.Tty) io.stderr(text);
      else io.stdout(text);
    };
    let lines = logLines(c.logs).filter((l) => (since === null || l.time >= since) && (until === null || l.time <= until));
    if (tail !== 'all' && tail !== '') {
      const n = Number(tail);
      if (Number.isInteger(n) && n >= 0) lines = n === 0 ? [] : lines.slice(-n);
    }
    lines.forEach(show);
    if (!flags.bool('follow') || !store.isRunning(c) || until !== null) return 0;
    // Follow: new output as virtual time passes, until the container exits or Ctrl-C.
    let partial = '';
    const unsub = store.onOutput(c, (e) => {
      if (!ts) return show({ stream: e.stream, text: e.text, time: e.time });
      const text = partial + e.text;
      const parts = text.split(/(?<=\n)/);
      partial = parts[parts.length - 1].endsWith('\n') ? '' : parts.pop()!;
      for (const p of parts) show({ stream: e.stream, text: p, time: e.time });
    });
    const aborted = new Promise<void>((r) => io.signal?.addEventListener('abort', () => r(), { once: true }));
    try {
      while (store.isRunning(c) && !io.signal?.aborted) {
        await Promise.race([store.waitTick(), aborted]);
        await store.settleOne(c);
      }
    } finally {
      unsub();
    }
    return 0;
  },
};
