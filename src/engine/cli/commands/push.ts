/** `docker push` / `docker image push`: pushes to the logged-in user's namespace on the mock Docker Hub. */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { parseReference } from '../../images/reference';

export const pushCommand: CommandSpec = {
  path: ['image', 'push'],
  aliases: [['push']],
  usage: 'docker image push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image signing' },
    { name: 'platform', type: 'string', usage: "Push a platform-specific manifest as a single-platform image to the registry. Image index won't be pushed, meaning that other manifests, including attestations won't be preserved. 'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run({ engine, io, flags, args }) {
    const parsed = parseReference(args[0]);
    if (!parsed.ok) return cliError(io, parsed.error.message);
    const quiet = flags.bool('quiet');
    if (!parsed.value.tag && !parsed.value.digest && !quiet) io.stdout('Using default tag: latest\n');
    let captured = '';
    const res = engine.registry.push(args[0], (t) => (quiet ? (captured += t) : io.stdout(t)));
    void captured;
    if (!res.ok) return cliError(io, res.error.message);
    if (quiet) io.stdout(`${args[0].includes(':') ? args[0] : args[0] + ':latest'}\n`);
    return 0;
  },
};
