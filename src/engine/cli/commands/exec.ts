/** `docker exec` / `docker container exec`: a second process in a running container (-i, -t, -e, -w, -u, -d). */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { processTarget, runSession } from '../../containers/session';

export const execCommand: CommandSpec = {
  path: ['container', 'exec'],
  aliases: [['exec']],
  usage: 'docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  stopAtFirstArg: true,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  async run({ engine, io, flags, args }) {
    const interactive = flags.bool('interactive');
    const tty = flags.bool('tty');
    const detach = flags.bool('detach');
    if (!detach && interactive && tty && !io.stdinIsTTY) {
      io.stderr('the input device is not a TTY\n');
      return 1;
    }
    const env = [...flags.strings('env')];
    for (const path of flags.strings('env-file')) {
      const data = await engine.context.readFile(path);
      if (!data) return cliError(io, `open ${path}: no such file or directory`);
      for (const l of new TextDecoder().decode(data).split(/\r?\n/)) if (l.trim() && !l.trim().startsWith('#')) env.push(l.trim());
    }
    const store = engine.containers;
    const r = await store.exec(args[0], {
      cmd: args.slice(1),
      env,
      workdir: flags.has('workdir') ? flags.string('workdir') : undefined,
      user: flags.has('user') ? flags.string('user') : undefined,
      tty,
      interactive,
    });
    if (!r.ok) {
      if (r.error.exitCode !== undefined) {
        io.stdout(`${r.error.message}\r\n`);
        return r.error.exitCode;
      }
      return daemonError(io, r.error.message);
    }
    const proc = r.value;
    if (detach) {
      await proc.advanceTo(engine.env.clock.now());
      return 0;
    }
    return runSession(store, io, processTarget(store, proc), { stdin: interactive, tty });
  },
};
