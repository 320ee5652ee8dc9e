/** `docker build` (BuildKit by default, the legacy builder with DOCKER_BUILDKIT=0): runs `engine.build`. */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { parseReference } from '../../images/reference';
import type { BuildOptions } from '../../build/builder';

function keyValues(list: string[], env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq < 0) {
      // `--build-arg NAME` takes the value from the client's environment (and is dropped when unset).
      const v = env[kv];
      if (v !== undefined) out[kv] = v;
    } else out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

export const buildCommand: CommandSpec = {
  path: ['build'],
  aliases: [['image', 'build'], ['builder', 'build'], ['buildx', 'build'], ['buildx', 'b']],
  usage: 'docker build [OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
    { name: 'build-arg', type: 'list', usage: 'Set build-time variables' },
    { name: 'cache-from', type: 'stringArray', usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
    { name: 'check', type: 'bool', usage: 'Shorthand for "--call=check"' },
    { name: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { name: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
    { name: 'label', type: 'list', usage: 'Set metadata for an image' },
    { name: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
    { name: 'network', type: 'string', default: 'default', usage: 'Set the networking mode for the "RUN" instructions during build' },
    { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    { name: 'no-cache-filter', type: 'stringArray', usage: 'Do not cache specified stages' },
    { name: 'platform', type: 'stringArray', usage: 'Set target platform for build' },
    { name: 'progress', type: 'string', default: 'auto', usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output' },
    { name: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
    { name: 'rm', type: 'bool', default: true, usage: 'Remove intermediate containers after a successful build', hidden: true },
    { name: 'tag', short: 't', type: 'list', usage: 'Name and optionally a tag (format: "name:tag")' },
    { name: 'target', type: 'string', usage: 'Set the target build stage to build' },
  ],
  async run({ engine, io, flags, args }) {
    const legacy = io.env.DOCKER_BUILDKIT === '0';
    const tags = flags.strings('tag');
    for (const t of tags) {
      const r = parseReference(t);
      if (!r.ok) {
        if (legacy) return cliError(io, `invalid argument "${t}" for "-t, --tag" flag: ${r.error.message}\nSee 'docker build --help'.`);
        const why = r.error.message.replace(/^invalid reference format: repository name \([^)]*\) must be lowercase$/, 'repository name must be lowercase');
        return cliError(io, `ERROR: invalid tag "${t}": ${why}`);
      }
    }
    const progress = flags.string('progress') || 'auto';
    if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress)) return cliError(io, `ERROR: failed to build: invalid progress mode ${progress}`);
    if (flags.has('check') && legacy) return cliError(io, 'unknown flag: --check\nSee \'docker build --help\'.');
    const opts: BuildOptions = {
      contextDir: args[0],
      dockerfile: flags.string('file') || undefined,
      tags,
      buildArgs: keyValues(flags.strings('build-arg'), io.env),
      labels: keyValues(flags.strings('label'), io.env),
      target: flags.string('target') || undefined,
      noCache: flags.bool('no-cache'),
      noCacheFilter: flags.strings('no-cache-filter').flatMap((s) => s.split(',')).filter(Boolean),
      builder: legacy ? 'legacy' : 'buildkit',
      progress: progress as BuildOptions['progress'],
      quiet: flags.bool('quiet'),
      check: flags.bool('check'),
    };
    if (args[0] === '-') {
      // `docker build - < Dockerfile`: the Dockerfile comes on stdin and there is no context.
      let text = '';
      if (io.stdin) for (let c = await io.stdin.read(); c !== null; c = await io.stdin.read()) text += c;
      opts.dockerfileText = text;
      opts.contextEntries = [];
      opts.contextDir = '-';
    }
    const r = await engine.build(opts, io);
    return r.exitCode;
  },
};
