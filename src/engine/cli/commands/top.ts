/** `docker top` / `docker container top`: the container's processes, ps -ef style. */
import type { CommandSpec } from '../command';
import { daemonError } from '../daemon-error';
import { formatTable } from '../format/tabwriter';
import { commandText } from '../../containers/format';

export const topCommand: CommandSpec = {
  path: ['container', 'top'],
  aliases: [['top']],
  usage: 'docker container top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: { min: 1 },
  flags: [],
  async run({ engine, io, args }) {
    const store = engine.containers;
    await store.sync();
    const f = store.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    if (!store.isRunning(c)) return daemonError(io, `container ${c.id} is not running`);
    const start = new Date(c.state.StartedAt);
    const stime = `${String(start.getUTCHours()).padStart(2, '0')}:${String(start.getUTCMinutes()).padStart(2, '0')}`;
    const secs = Math.floor(Math.max(0, engine.env.clock.now() - c.state.StartedAt) / 1000 / 200);
    const time = `${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor(secs / 60) % 60).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}`;
    const uid = c.config.User ? c.config.User.split(':')[0] : 'root';
    const rows = [
      ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      [uid, String(c.state.Pid), String(c.state.Pid - 23), '0', stime, c.config.Tty ? 'pts/0' : '?', time, commandText(c)],
    ];
    io.stdout(formatTable(rows));
    return 0;
  },
};
