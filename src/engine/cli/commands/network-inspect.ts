/** `docker network inspect`: a JSON array (4-space indent) or a --format template per network. */
import type { CommandSpec } from '../command';
import { FORMAT_USAGE_JSON } from '../help';
import { printInspected } from './image-inspect';
import { inspectNetwork } from '../../networks/inspect';

export const networkInspectCommand: CommandSpec = {
  path: ['network', 'inspect'],
  usage: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE_JSON },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  async run(ctx) {
    const { engine, args } = ctx;
    await engine.containers.sync();
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of args) {
      const n = engine.networks.get(ref);
      // The docker 28 client asks the daemon for each network and prints its answer.
      if (!n) errors.push(`Error response from daemon: network ${ref} not found`);
      else objs.push(inspectNetwork(engine.networks, n));
    }
    return printInspected(ctx, objs, errors);
  },
};
