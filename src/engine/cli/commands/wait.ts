/** `docker wait` / `docker container wait`: blocks until each container stops, then prints its exit code. */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';

export const waitCommand: CommandSpec = {
  path: ['container', 'wait'],
  aliases: [['wait']],
  usage: 'docker container wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { min: 1 },
  flags: [],
  async run({ engine, io, args }) {
    const store = engine.containers;
    await store.sync();
    let failed = false;
    const aborted = new Promise<void>((r) => io.signal?.addEventListener('abort', () => r(), { once: true }));
    for (const ref of args) {
      const f = store.find(ref);
      if (!f.ok) {
        io.stderr(`${DAEMON_ERROR_PREFIX}${f.error.message}\n`);
        failed = true;
        continue;
      }
      const id = f.value.id;
      while (!io.signal?.aborted) {
        const c = store.get(id);
        if (!c || !(store.isRunning(c) || c.state.Status === 'restarting')) break;
        await Promise.race([store.waitTick(), aborted]);
        const now = store.get(id);
        if (now) await store.settleOne(now);
      }
      if (io.signal?.aborted) return 130;
      io.stdout(`${store.exitCodeOf(id)}\n`);
    }
    return failed ? 1 : 0;
  },
};
