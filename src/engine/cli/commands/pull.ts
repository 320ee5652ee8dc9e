/** `docker pull` / `docker image pull`: pulls from Layerlab's mock Docker Hub (engine.registry). */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { parseReference } from '../../images/reference';

export const pullCommand: CommandSpec = {
  path: ['image', 'pull'],
  aliases: [['pull']],
  usage: 'docker image pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run({ engine, io, flags, args }) {
    const parsed = parseReference(args[0]);
    if (!parsed.ok) return cliError(io, parsed.error.message);
    const ref = parsed.value;
    const quiet = flags.bool('quiet');
    const allTags = flags.bool('all-tags');
    if (allTags && (ref.tag || ref.digest)) return cliError(io, 'tag can\'t be used with --all-tags/-a');
    const platform = flags.string('platform');
    if (platform && !/^linux(\/amd64)?$/.test(platform)) {
      return daemonError(io, `no matching manifest for ${platform} in the manifest list entries`);
    }
    const tags = allTags ? engine.registry.tags(ref.path) : [undefined];
    if (allTags && tags.length === 0) {
      const r = engine.registry.resolve({ ...ref, tag: 'latest' });
      if (!r.ok) return daemonError(io, r.error.message + (r.error.hint ? `\n${r.error.hint}` : ''));
    }
    if (!ref.tag && !ref.digest && !quiet && !allTags) io.stdout('Using default tag: latest\n');
    let last = '';
    for (const tag of tags) {
      const res = await engine.registry.pullInteractive(tag ? { ...ref, tag } : ref, {
        out: (t) => io.stdout(t),
        tty: io.stdoutIsTTY,
        columns: io.columns,
        quiet,
      });
      if (!res.ok) return daemonError(io, res.error.message + (res.error.hint ? `\n${res.error.hint}` : ''));
      last = allTags ? `${res.value.ref.domain}/${res.value.ref.path}` : res.value.canonical;
    }
    io.stdout(`${last}\n`);
    return 0;
  },
};
