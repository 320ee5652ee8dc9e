/**
 * `docker run` / `docker container run` and the flags it shares with `docker create`: implicit pull
 * ("Unable to find image 'x:latest' locally"), create, start, and either print the ID (-d) or attach
 * (stream output, feed stdin for -i, exit with the container's status).
 */
import type { CommandContext, CommandSpec } from '../command';
import { CREATE_FLAGS, RUN_FLAGS } from './run-flags';
import { parseGoDuration, ramInBytes } from '../parse-flags';
import { withHelpError, withHelpText } from '../daemon-error';
import { parseReference, familiarString, withDefaultTag } from '../../images/reference';
import type { CreateOptions } from '../../containers/store';
import { parsePortSpec } from '../../containers/ports';
import { mainTarget, runSession, writeOutput } from '../../containers/session';
import { mountOptions } from './run-mounts';

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

/** Makes sure the image is local (implicit pull per --pull, checked by createOptions); returns an exit code on failure. */
async function ensureImage(ctx: CommandContext, image: string): Promise<number | null> {
  const { engine, io, flags } = ctx;
  const policy = flags.string('pull') || 'missing';
  const local = engine.images.get(image);
  if (local && policy !== 'always') return null;
  const parsed = parseReference(image);
  if (!parsed.ok) return withHelpError(ctx, parsed.error.message, { daemon: false });
  const ref = withDefaultTag(parsed.value);
  if (policy === 'never') return withHelpError(ctx, `No such image: ${familiarString(ref)}`);
  if (!local) io.stderr(`Unable to find image '${familiarString(ref)}' locally\n`);
  const r = await engine.registry.pullInteractive(ref, { out: (t) => io.stderr(t), tty: io.stdoutIsTTY, columns: io.columns, quiet: flags.bool('quiet') });
  if (!r.ok) {
    const code = withHelpError(ctx, r.error.message);
    if (r.error.hint) io.stderr(`${r.error.hint}\n`);
    return code;
  }
  return null;
}

/**
 * Builds create options from the flags, checking what the docker client checks before it asks the daemon for
 * anything (so before any pull); returns an exit code on a flag error.
 */
export async function createOptions(ctx: CommandContext, attach: boolean): Promise<CreateOptions | number> {
  const { flags, args, io } = ctx;
  const policy = flags.string('pull') || 'missing';
  if (!['always', 'missing', 'never'].includes(policy)) {
    return withHelpError(ctx, `invalid pull option: '${policy}': must be one of "always", "missing" or "never"`, { daemon: false });
  }
  const ef = await envFiles(ctx);
  if (!ef.ok) return withHelpError(ctx, ef.error, { daemon: false });
  for (const p of flags.strings('publish')) {
    const r = parsePortSpec(p);
    if (!r.ok) return withHelpError(ctx, r.error.message, { daemon: false });
  }
  const network = flags.has('network') ? flags.string('network') : undefined;
  const networkAliases = flags.strings('network-alias');
  if (networkAliases.length && (!network || ['bridge', 'default', 'host', 'none'].includes(network))) {
    // moby daemon/create.go (verifyNetworkingConfig): aliases need Docker's embedded DNS.
    return withHelpError(ctx, 'network-scoped alias is supported only for containers in user defined networks');
  }
  if (network === 'host' && flags.strings('publish').length) io.stderr('WARNING: Published ports are discarded when using host network mode\n');
  const healthcheck = healthcheckOptions(ctx);
  if (typeof healthcheck === 'string') return withHelpError(ctx, healthcheck, { daemon: false });
  const labels: Record<string, string> = {};
  for (const l of flags.strings('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const mounts = await mountOptions(ctx);
  if (typeof mounts === 'number') return mounts;
  if (flags.strings('volumes-from').length) io.stderr('layerlab: --volumes-from is not simulated yet; the container runs without those volumes\n');
  const memory = flags.has('memory') ? (ramInBytes(flags.string('memory')) ?? 0) : undefined;
  // The daemon's check (daemon/daemon_unix.go verifyPlatformContainerResources).
  if (memory !== undefined && memory > 0 && memory < 6 * 1024 * 1024) return withHelpError(ctx, 'Minimum memory limit allowed is 6MB');
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
    network,
    ...(networkAliases.length ? { networkAliases } : {}),
    ...(healthcheck ? { healthcheck } : {}),
    attach,
    ...(memory ? { memory } : {}),
    ...(flags.has('pids-limit') ? { pidsLimit: flags.int('pids-limit') } : {}),
    mounts,
  };
}

/** Milliseconds of a duration flag in nanoseconds (Docker's API unit). */
const ns = (ms: number) => Math.round(ms * 1e6);

/**
 * The `--health-*` flags as the docker client turns them into `Config.Healthcheck` (cli/command/container/opts.go):
 * `--no-healthcheck` is `["NONE"]` and conflicts with the others; `--health-cmd` becomes `CMD-SHELL`; negative
 * durations or retries are refused. Undefined when no flag was given; a string is the client's error.
 */
function healthcheckOptions({ flags }: CommandContext): CreateOptions['healthcheck'] | string | undefined {
  const dur = (name: string) => (flags.has(name) ? (parseGoDuration(flags.string(name)) ?? 0) : 0);
  const interval = dur('health-interval');
  const timeout = dur('health-timeout');
  const startPeriod = dur('health-start-period');
  const retries = flags.has('health-retries') ? flags.int('health-retries') : 0;
  const any = flags.has('health-cmd') || interval || timeout || startPeriod || retries;
  if (flags.bool('no-healthcheck')) {
    if (any) return '--no-healthcheck conflicts with --health-* options';
    return { test: ['NONE'] };
  }
  if (!any) return undefined;
  if (interval < 0) return '--health-interval cannot be negative';
  if (timeout < 0) return '--health-timeout cannot be negative';
  if (retries < 0) return '--health-retries cannot be negative';
  if (startPeriod < 0) return '--health-start-period cannot be negative';
  return {
    test: flags.has('health-cmd') && flags.string('health-cmd') ? ['CMD-SHELL', flags.string('health-cmd')] : [],
    ...(interval ? { interval: ns(interval) } : {}),
    ...(timeout ? { timeout: ns(timeout) } : {}),
    ...(retries ? { retries } : {}),
    ...(startPeriod ? { startPeriod: ns(startPeriod) } : {}),
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
  flags: RUN_FLAGS,
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
    const opts = await createOptions(ctx, !detach);
    if (typeof opts === 'number') return opts;
    const pulled = await ensureImage(ctx, args[0]);
    if (pulled !== null) return pulled;
    const created = engine.containers.create(opts);
    if (!created.ok) return withHelpError(ctx, created.error.message);
    const c = created.value;
    if (detach) {
      const s = await engine.containers.start(c.id);
      if (!s.ok) {
        io.stderr(withHelpText(ctx.spec, `Error response from daemon: ${s.error.message}`));
        if (opts.autoRemove) await engine.containers.remove(c.id, true, true);
        return startErrorExit(s.error.exitCode);
      }
      io.stdout(`${c.id}\n`);
      return 0;
    }
    const s = await engine.containers.start(c.id, { onOutput: (e) => writeOutput(io, e, tty) });
    if (!s.ok) {
      io.stderr(withHelpText(ctx.spec, `Error response from daemon: ${s.error.message}`));
      if (opts.autoRemove) await engine.containers.remove(c.id, true, true);
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
  flags: CREATE_FLAGS,
  async run(ctx) {
    const { engine, io, args } = ctx;
    await engine.containers.sync();
    const opts = await createOptions(ctx, false);
    if (typeof opts === 'number') return opts;
    const pulled = await ensureImage(ctx, args[0]);
    if (pulled !== null) return pulled;
    const created = engine.containers.create(opts);
    if (!created.ok) return withHelpError(ctx, created.error.message);
    io.stdout(`${created.value.id}\n`);
    return 0;
  },
};
