/** `docker image inspect` and `docker inspect` (containers first via engine.containers, then images). */
import type { CommandSpec, CommandContext } from '../command';
import { cliError } from '../daemon-error';
import { formatObject, TemplateError } from '../format/template';
import { dockerJSON, inspectImage } from '../../images/inspect';
import { displayRef } from '../../images/store';
import { inspectContainer } from '../../containers/inspect';
import { inspectNetwork } from '../../networks/inspect';
import { inspectVolume } from '../../volumes/inspect';

const FORMAT_USAGE = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** Prints inspect objects (JSON, or `-f TEMPLATE` per object), then the errors; 1 when there were any. */
export function printInspected(ctx: CommandContext, objs: Record<string, unknown>[], errors: string[]): number {
  const fmt = ctx.flags.string('format');
  try {
    if (fmt && fmt !== 'json') for (const o of objs) ctx.io.stdout(formatObject(fmt, o));
    else ctx.io.stdout(dockerJSON(objs) + '\n');
  } catch (e) {
    if (e instanceof TemplateError) return cliError(ctx.io, e.message);
    throw e;
  }
  for (const e of errors) ctx.io.stderr(e + '\n');
  return errors.length ? 1 : 0;
}

export const imageInspectCommand: CommandSpec = {
  path: ['image', 'inspect'],
  usage: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE },
    { name: 'platform', type: 'string', usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
  ],
  run(ctx) {
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of ctx.args) {
      const o = inspectImage(ctx.engine.images, ref);
      if (o) objs.push(o);
      else errors.push(`Error response from daemon: No such image: ${displayRef(ref)}`);
    }
    return printInspected(ctx, objs, errors);
  },
};

export const inspectCommand: CommandSpec = {
  path: ['inspect'],
  usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
  async run(ctx) {
    const type = ctx.flags.string('type');
    if (type && !['container', 'image', 'network', 'volume', 'node', 'service', 'task', 'secret', 'config', 'plugin'].includes(type)) {
      return cliError(ctx.io, `"${type}" is not a valid value for --type`);
    }
    const containers = (ctx.engine as { containers?: { sync?: () => Promise<void>; get?: (r: string) => unknown } }).containers;
    if (containers?.sync && type !== 'image') await containers.sync();
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of ctx.args) {
      if (type !== 'image' && containers?.get) {
        const c = containers.get(ref);
        if (c) {
          const store = ctx.engine.containers;
          const cc = c as Parameters<typeof inspectContainer>[1];
          objs.push(inspectContainer(store, cc, { size: ctx.flags.bool('size'), imageSize: ctx.engine.images.size(cc.imageId) }));
          continue;
        }
      }
      if (type === '' || type === 'image') {
        const o = inspectImage(ctx.engine.images, ref);
        if (o) {
          objs.push(o);
          continue;
        }
      }
      // cli/command/system/inspect.go tries containers, images, then networks (and volumes, ...).
      const n = type === '' || type === 'network' ? ctx.engine.networks.get(ref) : undefined;
      if (n) {
        objs.push(inspectNetwork(ctx.engine.networks, n));
        continue;
      }
      const volume = type === '' || type === 'volume' ? ctx.engine.volumes.get(ref) : undefined;
      if (volume) {
        objs.push(inspectVolume(volume));
        continue;
      }
      errors.push(type ? `Error: No such ${type}: ${ref}` : `Error: No such object: ${ref}`);
    }
    return printInspected(ctx, objs, errors);
  },
};
