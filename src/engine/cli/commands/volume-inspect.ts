/** `docker volume inspect`: the volumes as Docker's API shows them (JSON, or -f TEMPLATE per volume). */
import type { CommandSpec } from '../command';
import { cliError, DAEMON_ERROR_PREFIX } from '../daemon-error';
import { formatObject, TemplateError } from '../format/template';
import { dockerJSON } from '../../images/inspect';
import type { Volume } from '../../volumes/types';

/** A volume in the API's key order (the `Anonymous` bookkeeping flag is Layerlab's own and not shown). */
export function inspectVolume(v: Volume): Record<string, unknown> {
  return { CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope };
}

export const volumeInspectCommand: CommandSpec = {
  path: ['volume', 'inspect'],
  usage: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
  run({ engine, io, flags, args }) {
    const objs: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const name of args) {
      const v = engine.volumes.get(name);
      if (v) objs.push(inspectVolume(v));
      else errors.push(`${DAEMON_ERROR_PREFIX}get ${name}: no such volume`);
    }
    const fmt = flags.string('format');
    try {
      if (fmt && fmt !== 'json') for (const o of objs) io.stdout(formatObject(fmt, o));
      else io.stdout(dockerJSON(objs) + '\n');
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    for (const e of errors) io.stderr(e + '\n');
    return errors.length ? 1 : 0;
  },
};
