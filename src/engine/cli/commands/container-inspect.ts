/** `docker container inspect`: a JSON array (4-space indent) or a --format template per container. */
import type { CommandSpec } from '../command';
import { FORMAT_USAGE_JSON } from '../help';
import { printInspected } from './image-inspect';
import { inspectContainer } from '../../containers/inspect';

export const containerInspectCommand: CommandSpec = {
  path: ['container', 'inspect'],
  usage: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE_JSON },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run(ctx) {
    const { engine, flags, args } = ctx;
    const store = engine.containers;
    await store.sync();
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of args) {
      const c = store.get(ref);
      if (!c) {
        errors.push(`Error: No such container: ${ref}`);
        continue;
      }
      objs.push(inspectContainer(store, c, { size: flags.bool('size'), imageSize: engine.images.size(c.imageId) }));
    }
    return printInspected(ctx, objs, errors);
  },
};
