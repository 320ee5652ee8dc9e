/** `docker volume inspect`: the volumes as Docker's API shows them (JSON, or -f TEMPLATE per volume). */
import type { CommandSpec } from '../command';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';
import { FORMAT_USAGE_JSON } from '../help';
import { inspectVolume } from '../../volumes/inspect';
import { printInspected } from './image-inspect';

export const volumeInspectCommand: CommandSpec = {
  path: ['volume', 'inspect'],
  usage: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { min: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE_JSON }],
  run(ctx) {
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const name of ctx.args) {
      const v = ctx.engine.volumes.get(name);
      if (v) objs.push(inspectVolume(v));
      else errors.push(`${DAEMON_ERROR_PREFIX}get ${name}: no such volume`);
    }
    // A template sees Go's typed values: a volume without labels or options has nil maps, printed "map[]".
    const fmt = ctx.flags.string('format');
    const typed = fmt && fmt !== 'json' ? objs.map((o) => ({ ...o, Labels: o.Labels ?? {}, Options: o.Options ?? {} })) : objs;
    return printInspected(ctx, typed, errors);
  },
};
