/**
 * `docker run` / `docker container run` and the flags it shares with `docker create`: implicit pull
 * ("Unable to find image 'x:latest' locally"), create, start, and either print the ID (-d) or attach
 * (stream output, feed stdin for -i, exit with the container's status).
 */
import type { CommandContext, CommandSpec, FlagSpec } from '../command';
import { withHelpError, withHelpText } from '../daemon-error';
import { displayPath } from '../help';
import { parseReference, familiarString, withDefaultTag } from '../../images/reference';
import type { CreateOptions } from '../../containers/store';
import { mainTarget, runSession, writeOutput } from '../../containers/session';

export const CONTAINER_FLAGS: FlagSpec[] = [
  { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)' },
  { name: 'attach', short: 'a', type: 'list', usage: 'Attach to STDIN, STDOUT or STDERR' },
  { name: 'cap-add', type: 'list', usage: 'Add Linux capabilities' },
  { name: 'cap-drop', type: 'list', usage: 'Drop Linux capabilities' },
  { name: 'cidfile', type: 'string', usage: 'Write the container ID to the file' },
  { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { name: 'cpus', type: 'string', valueName: 'decimal', usage: 'Number of CPUs' },
  { name: 'device', type: 'list', usage: 'Add a host device to the container' },
  { name: 'dns', type: 'list', usage: 'Set custom DNS servers' },
  { name: 'domainname', type: 'string', usage: 'Container NIS domain name' },
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
  { name: 'expose', type: 'list', usage: 'Expose a port or a range of ports' },
  { name: 'group-add', type: 'list', usage: 'Add additional groups to join' },
  { name: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
  { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
  { name: 'init', type: 'bool', usage: 'Run an init inside the container that forwards signals and reaps processes' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
  { name: 'label', short: 'l', type: 'list', usage: 'Set meta data on a container' },
  { name: 'link', type: 'list', usage: 'Add link to another container' },
  { name: 'log-driver', type: 'string', usage: 'Logging driver for the container' },
  { name: 'log-opt', type: 'list', usage: 'Log driver options' },
  { name: 'memory', short: 'm', type: 'string', valueName: 'bytes', usage: 'Memory limit' },
  { name: 'mount', type: 'string', valueName: 'mount', usage: 'Attach a filesystem mount to the container' },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'network', type: 'string', valueName: 'network', usage: 'Connect a container to a network' },
  { name: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
  { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
  { name: 'privileged', type: 'bool', usage: 'Give extended privileges to this container' },
  { name: 'publish', short: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'publish-all', short: 'P', type: 'bool', usage: 'Publish all exposed ports to random ports' },
  { name: 'pull', type: 'string', default: 'missing', usage: 'Pull image before running ("always", "missing", "never")' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the pull output' },
  { name: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
  { name: 'restart', type: 'string', default: 'no', usage: 'Restart policy to apply when a container exits' },
  { name: 'rm', type: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { name: 'security-opt', type: 'list', usage: 'Security Options' },
  { name: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
  { name: 'stop-timeout', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
  { name: 'tmpfs', type: 'list', usage: 'Mount a tmpfs directory' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
  { name: 'volume', short: 'v', type: 'list', usage: 'Bind mount a volume' },
  { name: 'volumes-from', type: 'list', usage: 'Mount volumes from the specified container(s)' },
  { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
];

export const RUN_ONLY_FLAGS: FlagSpec[] = [
  { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
  { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
  { name: 'sig-proxy', type: 'bool', default: true, usage: 'Proxy received signals to the process' },
];

const sortFlags = (f: FlagSpec[]) => [...f].sort((a, b) => (a.name < b.name ? -1 : 1));

/** Reads `--env-file` files through the host context (the workspace or the working directory). */
async function envFiles(ctx: CommandContext): Promise<{ ok: true; env: string[] } | { ok: false; error: string }> {
  const out: string[] = [];
  for (const path of ctx.flags.strings('env-file')) {
    const data = await ctx.engine.context.readFile(path);
    if (!data) return { ok: false, error: `open ${path}: no such file or directory` };
    for (const raw of new TextDecoder().decode(data).split(/\r?\n/)) {
      const line = raw.replace(/^\s+/, '');
      if (!line || line.startsWith('#')) continue;
      if (/\s/.test(line.split('=')[0])) return { ok: false, error: `variable '${line.split('=')[0]}' contains whitespaces` };
      out.push(line);
    }
  }
  return { ok: true, env: out };
}

/** Makes sure the image is local (implicit pull per --pull); returns an exit code on failure. */
async function ensureImage(ctx: CommandContext, image: string): Promise<number | null> {
  const { engine, io, flags } = ctx;
  const policy = flags.string('pull') || 'missing';
  if (!['always', 'missing', 'never'].includes(policy)) {
    return withHelpError(ctx, `invalid pull option: '${policy}': must be one of "always", "missing" or "never"`, { daemon: false });
  }
  const local = engine.images.get(image);
  if (local && policy !== 'always') return null;
  const parsed = parseReference(image);
  if (!parsed.ok) return withHelpError(ctx, parsed.error.message, { daemon: false });
  const ref = withDefaultTag(parsed.value);
  if (policy === 'never') return withHelpError(ctx, `No such image: ${familiarString(ref)}`);
  if (!local) io.stderr(`Unable to find image '${familiarString(ref)}' locally\n`);
  const r = await engine.registry.pullInteractive(ref, { out: (t) => io.stderr(t), tty: io.stdoutIsTTY, columns: io.columns, quiet: flags.bool('quiet') });
  if (!r.ok) return withHelpError(ctx, r.error.message);
  return null;
}

/** Builds create options from the flags; returns an exit code on a flag error. */
export async function createOptions(ctx: CommandContext, attach: boolean): Promise<CreateOptions | number> {
  const { flags, args, io } = ctx;
  const ef = await envFiles(ctx);
  if (!ef.ok) return withHelpError(ctx, ef.error, { daemon: false });
  const labels: Record<string, string> = {};
  for (const l of flags.strings('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  if (flags.strings('volume').length || flags.has('mount') || flags.strings('volumes-from').length) {
    io.stderr('layerlab: volumes and mounts are not simulated yet; the container runs without them\n');
  }
  const restart = flags.string('restart') || 'no';
  if (restart !== 'no' && flags.bool('rm')) return withHelpError(ctx, 'conflicting options: cannot specify both --restart and --rm', { daemon: false });
  if (!/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(restart)) {
    return withHelpError(ctx, `invalid restart policy '${restart}'`, { daemon: false });
  }
  return {
    image: args[0],
    name: flags.has('name') ? flags.string('name') : undefined,
    cmd: args.slice(1),
    entrypoint: flags.has('entrypoint') ? flags.string('entrypoint') : undefined,
    env: [...ef.env, ...flags.strings('env')],
    workdir: flags.has('workdir') ? flags.string('workdir') : undefined,
    hostname: flags.has('hostname') ? flags.string('hostname') : undefined,
    user: flags.has('user') ? flags.string('user') : undefined,
    tty: flags.bool('tty'),
    interactive: flags.bool('interactive'),
    publish: flags.strings('publish'),
    publishAll: flags.bool('publish-all'),
    autoRemove: flags.bool('rm'),
    restart,
    labels,
    expose: flags.strings('expose'),
    stopSignal: flags.has('stop-signal') ? flags.string('stop-signal') : undefined,
    stopTimeout: flags.has('stop-timeout') ? flags.int('stop-timeout') : undefined,
    attach,
  };
}

/** Exit status docker run reports when the container could not start (runStartContainerErr). */
export function startErrorExit(code: number | undefined): number {
  return code === 126 || code === 127 ? code : 125;
}

export const runCommand: CommandSpec = {
  path: ['container', 'run'],
  aliases: [['run']],
  usage: 'docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: sortFlags([...CONTAINER_FLAGS, ...RUN_ONLY_FLAGS]),
  async run(ctx) {
    const { engine, io, flags, args } = ctx;
    const detach = flags.bool('detach');
    const interactive = flags.bool('interactive');
    const tty = flags.bool('tty');
    if (detach && flags.strings('attach').length) return withHelpError(ctx, 'Conflicting options: -a and -d', { daemon: false });
    if (!detach && interactive && tty && !io.stdinIsTTY) {
      io.stderr('the input device is not a TTY\n');
      return 1;
    }
    await engine.containers.sync();
    const pulled = await ensureImage(ctx, args[0]);
    if (pulled !== null) return pulled;
    const opts = await createOptions(ctx, !detach);
    if (typeof opts === 'number') return opts;
    const created = engine.containers.create(opts);
    if (!created.ok) return withHelpError(ctx, created.error.message);
    const c = created.value;
    if (detach) {
      const s = await engine.containers.start(c.id);
      if (!s.ok) {
        io.stderr(withHelpText(displayPath(ctx.spec, ctx.invokedAs), `Error response from daemon: ${s.error.message}`));
        if (opts.autoRemove) await engine.containers.remove(c.id, true);
        return startErrorExit(s.error.exitCode);
      }
      io.stdout(`${c.id}\n`);
      return 0;
    }
    const s = await engine.containers.start(c.id, { onOutput: (e) => writeOutput(io, e, tty) });
    if (!s.ok) {
      io.stderr(withHelpText(displayPath(ctx.spec, ctx.invokedAs), `Error response from daemon: ${s.error.message}`));
      if (opts.autoRemove) await engine.containers.remove(c.id, true);
      return startErrorExit(s.error.exitCode);
    }
    return runSession(engine.containers, io, mainTarget(engine.containers, c.id), {
      stdin: interactive,
      tty,
      sigProxy: flags.bool('sig-proxy'),
      subscribed: true,
    });
  },
};

export const createCommand: CommandSpec = {
  path: ['container', 'create'],
  aliases: [['create']],
  usage: 'docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: sortFlags(CONTAINER_FLAGS),
  async run(ctx) {
    const { engine, io, args } = ctx;
    await engine.containers.sync();
    const pulled = await ensureImage(ctx, args[0]);
    if (pulled !== null) return pulled;
    const opts = await createOptions(ctx, false);
    if (typeof opts === 'number') return opts;
    const created = engine.containers.create(opts);
    if (!created.ok) return withHelpError(ctx, created.error.message);
    io.stdout(`${created.value.id}\n`);
    return 0;
  },
};
