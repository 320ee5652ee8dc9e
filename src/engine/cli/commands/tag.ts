/** `docker image tag` / `docker tag`. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { parseReference } from '../../images/reference';
import { displayRef } from '../../images/store';

export const tagCommand: CommandSpec = {
  path: ['image', 'tag'],
  aliases: [['tag']],
  usage: 'docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { min: 2, max: 2 },
  flags: [],
  run({ engine, io, args }) {
    const [source, target] = args;
    const t = parseReference(target);
    if (!t.ok) return cliError(io, `Error parsing reference: "${target}" is not a valid repository/tag: ${t.error.message}`);
    if (!engine.images.get(source)) return daemonError(io, `No such image: ${displayRef(source)}`);
    const r = engine.images.tag(source, target);
    if (!r.ok) return daemonError(io, r.error.message);
    return 0;
  },
};
