/** `docker start` / `docker container start` (-a attaches, -i feeds stdin). */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';
import { mainTarget, runSession, writeOutput } from '../../containers/session';

export const startCommand: CommandSpec = {
  path: ['container', 'start'],
  aliases: [['start']],
  usage: 'docker container start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { min: 1 },
  flags: [
    { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint' },
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', short: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  async run({ engine, io, flags, args }) {
    await engine.containers.sync();
    const attach = flags.bool('attach') || flags.bool('interactive');
    if (attach) {
      if (args.length > 1) {
        io.stderr('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      const f = engine.containers.find(args[0]);
      if (!f.ok) {
        io.stderr(`${DAEMON_ERROR_PREFIX}${f.error.message}\n`);
        return 1;
      }
      const c = f.value;
      const tty = c.config.Tty;
      const s = await engine.containers.start(c.id, { onOutput: (e) => writeOutput(io, e, tty) });
      if (!s.ok) {
        io.stderr(`${DAEMON_ERROR_PREFIX}${s.error.message}\n`);
        return 1;
      }
      return runSession(engine.containers, io, mainTarget(engine.containers, c.id), {
        stdin: flags.bool('interactive') && c.config.OpenStdin,
        tty,
        subscribed: true,
      });
    }
    const failed: string[] = [];
    for (const ref of args) {
      const r = await engine.containers.start(ref);
      if (r.ok) io.stdout(`${ref}\n`);
      else {
        failed.push(ref);
        io.stderr(`${DAEMON_ERROR_PREFIX}${r.error.message}\n`);
      }
    }
    if (failed.length) {
      io.stderr(`failed to start containers: ${failed.join(', ')}\n`);
      return 1;
    }
    return 0;
  },
};
