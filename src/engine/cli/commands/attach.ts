/** `docker attach` / `docker container attach`: the terminal joins a running container's main process. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { mainTarget, runSession } from '../../containers/session';

export const attachCommand: CommandSpec = {
  path: ['container', 'attach'],
  aliases: [['attach']],
  usage: 'docker container attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', default: true, usage: 'Proxy all received signals to the process' },
  ],
  async run({ engine, io, flags, args }) {
    const store = engine.containers;
    await store.sync();
    const f = store.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    if (!store.isRunning(c)) return cliError(io, 'You cannot attach to a stopped container, start it first');
    if (c.state.Status === 'paused') return cliError(io, 'You cannot attach to a paused container, unpause it first');
    const stdin = c.config.OpenStdin && !flags.bool('no-stdin');
    if (stdin && c.config.Tty && !io.stdinIsTTY) {
      io.stderr('the input device is not a TTY\n');
      return 1;
    }
    return runSession(store, io, mainTarget(store, c.id), { stdin, tty: c.config.Tty, sigProxy: flags.bool('sig-proxy') });
  },
};
