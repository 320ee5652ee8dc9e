/**
 * The `docker compose` subcommands Layerlab has: flags, usage and help texts of docker/compose v2.39
 * (cmd/compose/*.go), each running the Compose logic of src/engine/compose/ on the simulated engine.
 */
import type { CommandContext, CommandSpec, FlagSpec, ParsedFlags } from '../command';
import { formatList, TemplateError } from '../format/template';
import { formatTable } from '../format/tabwriter';
import { goQuote, humanDuration, truncateDisplay } from '../../core/format';
import { logTimestamp } from './logs';
import { randomId } from '../../containers/names';
import { loadProject } from '../../compose/load';
import { EngineBackend } from '../../compose/engine-backend';
import { progressMode } from '../../compose/progress';
import { configImages, configJson, configYaml } from '../../compose/config';
import * as compose from '../../compose/project';
import * as oneoff from '../../compose/oneoff';
import { listProjects, projectFromLabels } from '../../compose/ls';
import type { ComposeProject } from '../../compose/model';
import { COMPOSE_VERSION, LABEL } from '../../compose/model';

export interface ComposeCommand {
  spec: Omit<CommandSpec, 'run'>;
  aliases?: string[];
  run(ctx: Omit<CommandContext, 'spec'>, root: ParsedFlags): Promise<number>;
}

/** Real Compose v2 commands Layerlab does not have (answered "not simulated", not "unknown"). */
export const REAL_COMPOSE_COMMANDS = [
  'attach', 'bridge', 'commit', 'cp', 'create', 'events', 'export', 'images', 'kill', 'pause', 'port', 'publish', 'pull',
  'push', 'rm', 'scale', 'stats', 'top', 'unpause', 'volumes', 'wait', 'watch', 'alpha',
];

/** The host's working directory as an absolute path (`$PWD`; the browser workspace is `/workspace`). */
function cwdOf(ctx: Omit<CommandContext, 'spec'>): string {
  const pwd = ctx.io.env.PWD;
  return pwd && pwd.startsWith('/') ? pwd.replace(/\/+$/, '') || '/' : '/workspace';
}

function session(ctx: Omit<CommandContext, 'spec'>, root: ParsedFlags): compose.Session | string {
  const { io } = ctx;
  const mode = progressMode(root.string('progress') || io.env.COMPOSE_PROGRESS || '', io.stdoutIsTTY);
  if (!mode) return `unsupported --progress value "${root.string('progress')}"`;
  const ansi = root.string('ansi') || io.env.COMPOSE_ANSI || 'auto';
  if (!['never', 'always', 'auto'].includes(ansi)) return `unexpected value for --ansi "${ansi}", accepted values: never, always, auto`;
  return {
    backend: new EngineBackend(ctx.engine),
    io,
    progress: ansi === 'never' && mode === 'tty' ? 'plain' : mode,
    color: ansi === 'always' || (ansi === 'auto' && io.stdoutIsTTY),
    cwd: cwdOf(ctx),
  };
}

/** Loads the project and prints Compose's warnings; returns an exit code on failure. */
async function project(ctx: Omit<CommandContext, 'spec'>, root: ParsedFlags, s: compose.Session, byName: boolean): Promise<ComposeProject | number> {
  const r = await loadProject({
    context: ctx.engine.context,
    files: root.strings('file'),
    projectName: root.string('project-name') || undefined,
    projectDirectory: root.string('project-directory') || root.string('workdir') || undefined,
    envFiles: root.strings('env-file'),
    env: ctx.io.env,
    cwd: s.cwd,
  });
  if (!r.ok) {
    // Without a Compose file, commands on existing containers work from the project's name (-p), as Compose's do.
    const name = root.string('project-name') || ctx.io.env.COMPOSE_PROJECT_NAME;
    if (byName && name && r.error.code === 'COMPOSE_FILE_NOT_FOUND' && !root.strings('file').length) {
      await s.backend.sync();
      return projectFromLabels(s.backend, name, s.cwd);
    }
    ctx.io.stderr(`${r.error.message}\n`);
    return 1;
  }
  for (const w of r.value.warnings) compose.warn(s, w);
  return r.value.project;
}

/** The common start of every project command: a session and the loaded project. */
async function open(ctx: Omit<CommandContext, 'spec'>, root: ParsedFlags, byName = false): Promise<{ s: compose.Session; p: ComposeProject } | number> {
  const s = session(ctx, root);
  if (typeof s === 'string') {
    ctx.io.stderr(`${s}\n`);
    return 1;
  }
  const p = await project(ctx, root, s, byName);
  return typeof p === 'number' ? p : { s, p };
}

const timeoutOf = (f: ParsedFlags) => (f.has('timeout') ? f.int('timeout') : undefined);

/** Flags Layerlab accepts for the help but does not simulate: say so rather than ignore them. */
function unsupported(ctx: Omit<CommandContext, 'spec'>, cmd: string, names: string[]): number | null {
  const given = names.find((n) => ctx.flags.has(n));
  if (!given) return null;
  ctx.io.stderr(`layerlab: docker compose ${cmd} --${given} is not simulated yet\n`);
  return 1;
}

const UP_FLAGS: FlagSpec[] = [
  { name: 'abort-on-container-exit', type: 'bool', usage: 'Stops all containers if any container was stopped. Incompatible with -d' },
  { name: 'abort-on-container-failure', type: 'bool', usage: 'Stops all containers if any container exited with failure. Incompatible with -d' },
  { name: 'always-recreate-deps', type: 'bool', usage: 'Recreate dependent containers. Incompatible with --no-recreate.' },
  { name: 'attach', type: 'stringArray', usage: 'Restrict attaching to the specified services. Incompatible with --attach-dependencies.' },
  { name: 'attach-dependencies', type: 'bool', usage: 'Automatically attach to log output of dependent services' },
  { name: 'build', type: 'bool', usage: 'Build images before starting containers' },
  { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: Run containers in the background' },
  { name: 'exit-code-from', type: 'string', usage: 'Return the exit code of the selected service container. Implies --abort-on-container-exit' },
  { name: 'force-recreate', type: 'bool', usage: "Recreate containers even if their configuration and image haven't changed" },
  { name: 'menu', type: 'bool', usage: 'Enable interactive shortcuts when running attached. Incompatible with --detach. Can also be enable/disable by setting COMPOSE_MENU environment var.' },
  { name: 'no-attach', type: 'stringArray', usage: 'Do not attach (stream logs) to the specified services' },
  { name: 'no-build', type: 'bool', usage: "Don't build an image, even if it's policy" },
  { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
  { name: 'no-deps', type: 'bool', usage: "Don't start linked services" },
  { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
  { name: 'no-recreate', type: 'bool', usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
  { name: 'no-start', type: 'bool', usage: "Don't start the services after creating them" },
  { name: 'pull', type: 'string', default: 'policy', usage: 'Pull image before running ("always"|"missing"|"never")' },
  { name: 'quiet-build', type: 'bool', usage: 'Suppress the build output' },
  { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
  { name: 'remove-orphans', type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
  { name: 'renew-anon-volumes', short: 'V', type: 'bool', usage: 'Recreate anonymous volumes instead of retrieving data from the previous containers' },
  { name: 'scale', type: 'stringArray', usage: 'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.' },
  { name: 'timeout', short: 't', type: 'int', usage: 'Use this timeout in seconds for container shutdown when attached or when containers are already running' },
  { name: 'timestamps', type: 'bool', usage: 'Show timestamps' },
  { name: 'wait', type: 'bool', usage: 'Wait for services to be running|healthy. Implies detached mode.' },
  { name: 'wait-timeout', type: 'int', usage: 'Maximum duration in seconds to wait for the project to be running|healthy' },
  { name: 'watch', short: 'w', type: 'bool', usage: 'Watch source code and rebuild/refresh containers when files are updated.' },
  { name: 'yes', short: 'y', type: 'bool', usage: 'Assume "yes" as answer to all prompts and run non-interactively' },
];

const up: ComposeCommand = {
  spec: { path: ['compose', 'up'], usage: 'docker compose up [OPTIONS] [SERVICE...]', short: 'Create and start containers', flags: UP_FLAGS },
  async run(ctx, root) {
    const f = ctx.flags;
    const no = unsupported(ctx, 'up', ['scale', 'watch', 'menu', 'attach', 'no-attach', 'attach-dependencies', 'exit-code-from', 'abort-on-container-failure', 'renew-anon-volumes', 'always-recreate-deps']);
    if (no !== null) return no;
    if (f.bool('detach') && f.bool('abort-on-container-exit')) {
      ctx.io.stderr('--abort-on-container-exit and --detach are incompatible\n');
      return 1;
    }
    if (f.bool('force-recreate') && f.bool('no-recreate')) {
      ctx.io.stderr('--force-recreate and --no-recreate are incompatible\n');
      return 1;
    }
    const pull = f.string('pull') === 'policy' ? 'missing' : f.string('pull');
    if (!['always', 'missing', 'never'].includes(pull)) {
      ctx.io.stderr(`invalid --pull option "${f.string('pull')}"\n`);
      return 1;
    }
    const o = await open(ctx, root);
    if (typeof o === 'number') return o;
    return compose.up(o.s, o.p, {
      services: ctx.args,
      detach: f.bool('detach') || f.bool('wait'),
      build: f.bool('build'),
      noBuild: f.bool('no-build'),
      pull,
      forceRecreate: f.bool('force-recreate'),
      noRecreate: f.bool('no-recreate'),
      noStart: f.bool('no-start'),
      removeOrphans: f.bool('remove-orphans'),
      noDeps: f.bool('no-deps'),
      timeout: timeoutOf(f),
      noLogPrefix: f.bool('no-log-prefix'),
      timestamps: f.bool('timestamps'),
      abortOnContainerExit: f.bool('abort-on-container-exit'),
      wait: f.bool('wait'),
    });
  },
};

const down: ComposeCommand = {
  spec: {
    path: ['compose', 'down'],
    usage: 'docker compose down [OPTIONS] [SERVICES]',
    short: 'Stop and remove containers, networks',
    flags: [
      { name: 'remove-orphans', type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
      { name: 'rmi', type: 'string', usage: 'Remove images used by services. "local" remove only images that don\'t have a custom tag ("local"|"all")' },
      { name: 'timeout', short: 't', type: 'int', usage: 'Specify a shutdown timeout in seconds' },
      { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove named volumes declared in the "volumes" section of the Compose file and anonymous volumes attached to containers' },
    ],
  },
  async run(ctx, root) {
    const rmi = ctx.flags.string('rmi');
    if (rmi && rmi !== 'local' && rmi !== 'all') {
      ctx.io.stderr(`invalid value for --rmi: ${rmi}\n`);
      return 1;
    }
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    return compose.down(o.s, o.p, { volumes: ctx.flags.bool('volumes'), removeOrphans: ctx.flags.bool('remove-orphans'), rmi, timeout: timeoutOf(ctx.flags), services: ctx.args });
  },
};

const FORMAT_HELP =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

const ps: ComposeCommand = {
  spec: {
    path: ['compose', 'ps'],
    usage: 'docker compose ps [OPTIONS] [SERVICE...]',
    short: 'List containers',
    flags: [
      { name: 'all', short: 'a', type: 'bool', usage: 'Show all stopped containers (including those created by the run command)' },
      { name: 'filter', type: 'string', usage: 'Filter services by a property (supported filters: status)' },
      { name: 'format', type: 'string', default: 'table', usage: FORMAT_HELP },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      { name: 'orphans', type: 'bool', default: true, usage: 'Include orphaned services (not declared by project)' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
      { name: 'services', type: 'bool', usage: 'Display services' },
      { name: 'status', type: 'stringArray', usage: 'Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]' },
    ],
  },
  async run(ctx, root) {
    const { flags: f, io } = ctx;
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) {
      io.stderr(`${bad}\n`);
      return 1;
    }
    await o.s.backend.sync();
    const statuses = [...f.strings('status')];
    const filter = f.string('filter');
    if (filter) {
      const m = /^status=(.*)$/.exec(filter);
      if (!m) {
        io.stderr(`no filter ${filter.split('=')[0]}\n`);
        return 1;
      }
      statuses.push(m[1]);
    }
    const all = f.bool('all') || statuses.length > 0;
    let list = compose.projectContainers(o.s, o.p, { all, oneoff: f.bool('all'), services: ctx.args });
    if (!f.bool('orphans')) list = list.filter((c) => o.p.services[c.labels[LABEL.service]]);
    if (statuses.length) list = list.filter((c) => statuses.includes(c.state));
    if (f.bool('services')) {
      io.stdout([...new Set(list.map((c) => c.labels[LABEL.service]))].map((n) => `${n}\n`).join(''));
      return 0;
    }
    if (f.bool('quiet')) {
      io.stdout(list.map((c) => `${c.id}\n`).join(''));
      return 0;
    }
    const trunc = !f.bool('no-trunc');
    const now = o.s.backend.now();
    const rows = list.map((c) => ({
      ID: trunc ? c.id.slice(0, 12) : c.id,
      Name: c.name,
      Names: c.name,
      Image: c.image,
      Command: goQuote(trunc ? truncateDisplay(c.command, 20) : c.command),
      Project: c.labels[LABEL.project],
      Service: c.labels[LABEL.service],
      RunningFor: `${humanDuration(Math.max(0, now - c.created))} ago`,
      State: c.state,
      Status: c.status,
      Health: c.health ?? '',
      ExitCode: c.exitCode,
      Ports: c.ports,
      Labels: Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(','),
    }));
    try {
      io.stdout(
        formatList(f.string('format'), 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}', rows, {
          ID: 'CONTAINER ID', Name: 'NAME', Names: 'NAMES', Image: 'IMAGE', Command: 'COMMAND', Project: 'PROJECT', Service: 'SERVICE',
          RunningFor: 'CREATED', State: 'STATE', Status: 'STATUS', Health: 'HEALTH', ExitCode: 'EXIT CODE', Ports: 'PORTS', Labels: 'LABELS',
        }),
      );
    } catch (e) {
      if (e instanceof TemplateError) {
        io.stderr(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    return 0;
  },
};

const logs: ComposeCommand = {
  spec: {
    path: ['compose', 'logs'],
    usage: 'docker compose logs [OPTIONS] [SERVICE...]',
    short: 'View output from containers',
    flags: [
      { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
      { name: 'index', type: 'int', usage: 'index of the container if service has multiple replicas' },
      { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
      { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
      { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
      { name: 'tail', short: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs for each container' },
      { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
      { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    ],
  },
  async run(ctx, root) {
    const no = unsupported(ctx, 'logs', ['since', 'until']);
    if (no !== null) return no;
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) {
      ctx.io.stderr(`${bad}\n`);
      return 1;
    }
    return compose.logs(o.s, o.p, {
      services: ctx.args,
      follow: ctx.flags.bool('follow'),
      tail: ctx.flags.string('tail'),
      timestamps: ctx.flags.bool('timestamps'),
      noLogPrefix: ctx.flags.bool('no-log-prefix'),
      stamp: logTimestamp,
    });
  },
};

const build: ComposeCommand = {
  spec: {
    path: ['compose', 'build'],
    usage: 'docker compose build [OPTIONS] [SERVICE...]',
    short: 'Build or rebuild services',
    flags: [
      { name: 'build-arg', type: 'stringArray', usage: 'Set build-time variables for services' },
      { name: 'builder', type: 'string', usage: 'Set builder to use' },
      { name: 'check', type: 'bool', usage: 'Check build configuration' },
      { name: 'memory', short: 'm', type: 'bytes', usage: 'Set memory limit for the build container. Not supported by BuildKit.' },
      { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
      { name: 'print', type: 'bool', usage: 'Print equivalent bake file' },
      { name: 'provenance', type: 'string', usage: 'Add a provenance attestation' },
      { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
      { name: 'push', type: 'bool', usage: 'Push service images' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output' },
      { name: 'sbom', type: 'string', usage: 'Add a SBOM attestation' },
      { name: 'ssh', type: 'string', usage: "Set SSH authentications used when building service images. (use 'default' for using your default SSH Agent)" },
      { name: 'with-dependencies', type: 'bool', usage: 'Also build dependencies (transitively)' },
    ],
  },
  async run(ctx, root) {
    const no = unsupported(ctx, 'build', ['push', 'print', 'check', 'ssh', 'builder', 'provenance', 'sbom']);
    if (no !== null) return no;
    const o = await open(ctx, root);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) {
      ctx.io.stderr(`${bad}\n`);
      return 1;
    }
    // --build-arg overrides the file's args for every service that builds.
    for (const kv of ctx.flags.strings('build-arg')) {
      const eq = kv.indexOf('=');
      const k = eq < 0 ? kv : kv.slice(0, eq);
      const v = eq < 0 ? ctx.io.env[kv] : kv.slice(eq + 1);
      if (v === undefined) continue;
      for (const svc of Object.values(o.p.services)) if (svc.build) svc.build.args[k] = v;
    }
    const r = await compose.buildServices(o.s, o.p, { services: ctx.args, noCache: ctx.flags.bool('no-cache'), quiet: ctx.flags.bool('quiet'), force: true });
    if (!r.ok) {
      if (r.error.message) ctx.io.stderr(`${r.error.message}\n`);
      return 1;
    }
    return 0;
  },
};

const SERVICE_TIMEOUT: FlagSpec = { name: 'timeout', short: 't', type: 'int', usage: 'Specify a shutdown timeout in seconds' };

const stop: ComposeCommand = {
  spec: { path: ['compose', 'stop'], usage: 'docker compose stop [OPTIONS] [SERVICE...]', short: 'Stop services', flags: [SERVICE_TIMEOUT] },
  async run(ctx, root) {
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) return (ctx.io.stderr(`${bad}\n`), 1);
    return compose.stop(o.s, o.p, ctx.args, timeoutOf(ctx.flags));
  },
};

const start: ComposeCommand = {
  spec: { path: ['compose', 'start'], usage: 'docker compose start [SERVICE...]', short: 'Start services', flags: [] },
  async run(ctx, root) {
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) return (ctx.io.stderr(`${bad}\n`), 1);
    return compose.start(o.s, o.p, ctx.args);
  },
};

const restart: ComposeCommand = {
  spec: {
    path: ['compose', 'restart'],
    usage: 'docker compose restart [OPTIONS] [SERVICE...]',
    short: 'Restart service containers',
    flags: [{ name: 'no-deps', type: 'bool', usage: "Don't restart dependent services" }, SERVICE_TIMEOUT],
  },
  async run(ctx, root) {
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    const bad = compose.checkServices(o.p, ctx.args);
    if (bad) return (ctx.io.stderr(`${bad}\n`), 1);
    return compose.restart(o.s, o.p, ctx.args, timeoutOf(ctx.flags));
  },
};

const exec: ComposeCommand = {
  spec: {
    path: ['compose', 'exec'],
    usage: 'docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]',
    short: 'Execute a command in a running container',
    args: { min: 2 },
    stopAtFirstArg: true,
    flags: [
      { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: Run command in the background' },
      { name: 'env', short: 'e', type: 'stringArray', usage: 'Set environment variables' },
      { name: 'index', type: 'int', usage: 'Index of the container if service has multiple replicas' },
      { name: 'interactive', short: 'i', type: 'bool', default: true, usage: 'Keep STDIN open even if not attached', hidden: true },
      { name: 'no-tty', short: 'T', type: 'bool', usage: 'Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.' },
      { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the process' },
      { name: 'tty', short: 't', type: 'bool', default: true, usage: 'Allocate a pseudo-TTY', hidden: true },
      { name: 'user', short: 'u', type: 'string', usage: 'Run the command as this user' },
      { name: 'workdir', short: 'w', type: 'string', usage: 'Path to workdir directory for this command' },
    ],
  },
  async run(ctx, root) {
    const f = ctx.flags;
    const o = await open(ctx, root, true);
    if (typeof o === 'number') return o;
    // -T (default: no terminal on stdout) turns the TTY off; stdin stays open unless -i=false.
    const tty = f.has('no-tty') ? !f.bool('no-tty') : ctx.io.stdoutIsTTY;
    return oneoff.exec(o.s, o.p, ctx.args[0], ctx.args.slice(1), {
      detach: f.bool('detach'),
      env: f.strings('env'),
      index: f.int('index'),
      user: f.string('user') || undefined,
      workdir: f.string('workdir') || undefined,
      tty,
      interactive: f.bool('interactive') && !f.bool('detach'),
    });
  },
};

const run: ComposeCommand = {
  spec: {
    path: ['compose', 'run'],
    usage: 'docker compose run [OPTIONS] SERVICE [COMMAND] [ARGS...]',
    short: 'Run a one-off command on a service',
    args: { min: 1 },
    stopAtFirstArg: true,
    flags: [
      { name: 'build', type: 'bool', usage: 'Build image before starting container' },
      { name: 'cap-add', type: 'list', usage: 'Add Linux capabilities' },
      { name: 'cap-drop', type: 'list', usage: 'Drop Linux capabilities' },
      { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
      { name: 'entrypoint', type: 'string', usage: 'Override the entrypoint of the image' },
      { name: 'env', short: 'e', type: 'stringArray', usage: 'Set environment variables' },
      { name: 'env-from-file', type: 'stringArray', usage: 'Set environment variables from file' },
      { name: 'interactive', short: 'i', type: 'bool', default: true, usage: 'Keep STDIN open even if not attached' },
      { name: 'label', short: 'l', type: 'stringArray', usage: 'Add or override a label' },
      { name: 'name', type: 'string', usage: 'Assign a name to the container' },
      { name: 'no-TTY', short: 'T', type: 'bool', usage: 'Disable pseudo-TTY allocation (default: auto-detected)' },
      { name: 'no-deps', type: 'bool', usage: "Don't start linked services" },
      { name: 'publish', short: 'p', type: 'stringArray', usage: "Publish a container's port(s) to the host" },
      { name: 'pull', type: 'string', default: 'policy', usage: 'Pull image before running ("always"|"missing"|"never")' },
      { name: 'quiet', short: 'q', type: 'bool', usage: "Don't print anything to STDOUT" },
      { name: 'quiet-build', type: 'bool', usage: 'Suppress progress output from the build process' },
      { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
      { name: 'remove-orphans', type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
      { name: 'rm', type: 'bool', usage: 'Automatically remove the container when it exits' },
      { name: 'service-ports', short: 'P', type: 'bool', usage: "Run command with all service's ports enabled and mapped to the host" },
      { name: 'tty', short: 't', type: 'bool', default: true, usage: 'Allocate a pseudo-TTY', hidden: true },
      { name: 'use-aliases', type: 'bool', usage: "Use the service's network useAliases in the network(s) the container connects to" },
      { name: 'user', short: 'u', type: 'string', usage: 'Run as specified username or uid' },
      { name: 'volume', short: 'v', type: 'stringArray', usage: 'Bind mount a volume' },
      { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
    ],
  },
  async run(ctx, root) {
    const f = ctx.flags;
    const no = unsupported(ctx, 'run', ['cap-add', 'cap-drop', 'env-from-file', 'volume', 'use-aliases']);
    if (no !== null) return no;
    const o = await open(ctx, root);
    if (typeof o === 'number') return o;
    const detach = f.bool('detach');
    const tty = f.has('no-TTY') ? !f.bool('no-TTY') : f.has('tty') ? f.bool('tty') : ctx.io.stdoutIsTTY && ctx.io.stdinIsTTY;
    const slug = randomId(ctx.engine.env.random);
    return oneoff.run(o.s, o.p, ctx.args[0], ctx.args.slice(1), {
      detach,
      env: f.strings('env'),
      labels: f.strings('label'),
      rm: f.bool('rm'),
      name: f.string('name') || undefined,
      user: f.string('user') || undefined,
      workdir: f.string('workdir') || undefined,
      entrypoint: f.has('entrypoint') ? f.string('entrypoint') : undefined,
      noDeps: f.bool('no-deps'),
      publish: f.strings('publish'),
      servicePorts: f.bool('service-ports'),
      tty,
      interactive: f.bool('interactive') && !detach,
      quietPull: f.bool('quiet-pull'),
      build: f.bool('build'),
      slug,
    });
  },
};

const config: ComposeCommand = {
  spec: {
    path: ['compose', 'config'],
    usage: 'docker compose config [OPTIONS] [SERVICE...]',
    short: 'Parse, resolve and render compose file in canonical format',
    flags: [
      { name: 'environment', type: 'bool', usage: 'Print environment used for interpolation.' },
      { name: 'format', type: 'string', usage: 'Format the output. Values: [yaml | json]' },
      { name: 'hash', type: 'string', usage: 'Print the service config hash, one per line.' },
      { name: 'images', type: 'bool', usage: 'Print the image names, one per line.' },
      { name: 'networks', type: 'bool', usage: 'Print the network names, one per line.' },
      { name: 'no-interpolate', type: 'bool', usage: "Don't interpolate environment variables" },
      { name: 'output', short: 'o', type: 'string', usage: 'Save to file (default to stdout)' },
      { name: 'profiles', type: 'bool', usage: 'Print the profile names, one per line.' },
      { name: 'quiet', short: 'q', type: 'bool', usage: "Only validate the configuration, don't print anything" },
      { name: 'services', type: 'bool', usage: 'Print the service names, one per line.' },
      { name: 'volumes', type: 'bool', usage: 'Print the volume names, one per line.' },
    ],
  },
  async run(ctx, root) {
    const { flags: f, io } = ctx;
    const no = unsupported(ctx, 'config', ['no-interpolate', 'hash']);
    if (no !== null) return no;
    const o = await open(ctx, root);
    if (typeof o === 'number') return o;
    const p = o.p;
    const lines = (xs: string[]) => xs.map((x) => `${x}\n`).join('');
    let out: string;
    if (f.bool('quiet')) return 0;
    if (f.bool('services')) out = lines(Object.keys(p.services).sort());
    else if (f.bool('volumes')) out = lines(Object.keys(p.volumes).sort());
    else if (f.bool('networks')) out = lines(Object.keys(p.networks).sort());
    else if (f.bool('images')) out = lines(configImages(p));
    else if (f.bool('profiles')) out = '';
    else if (f.bool('environment')) out = lines(Object.keys(p.environment).sort().map((k) => `${k}=${p.environment[k]}`));
    else {
      const fmt = f.string('format') || 'yaml';
      if (fmt !== 'yaml' && fmt !== 'json') {
        io.stderr(`unsupported format "${fmt}"\n`);
        return 1;
      }
      const bad = compose.checkServices(p, ctx.args);
      if (bad) return (io.stderr(`${bad}\n`), 1);
      out = fmt === 'json' ? configJson(p, ctx.args) : configYaml(p, ctx.args);
    }
    const file = f.string('output');
    if (file) {
      if (!ctx.engine.context.writeFile) {
        io.stderr('layerlab: this workspace is read-only; config -o cannot write files here\n');
        return 1;
      }
      await ctx.engine.context.writeFile(file, new TextEncoder().encode(out));
      return 0;
    }
    io.stdout(out);
    return 0;
  },
};

const ls: ComposeCommand = {
  spec: {
    path: ['compose', 'ls'],
    usage: 'docker compose ls [OPTIONS]',
    short: 'List running compose projects',
    args: { max: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', usage: 'Show all stopped Compose projects' },
      { name: 'filter', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', default: 'table', usage: 'Format the output. Values: [table | json]' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display project names' },
    ],
  },
  async run(ctx, root) {
    const s = session(ctx, root);
    if (typeof s === 'string') return (ctx.io.stderr(`${s}\n`), 1);
    await s.backend.sync();
    let list = listProjects(s.backend, ctx.flags.bool('all'));
    for (const flt of ctx.flags.strings('filter')) {
      const m = /^name=(.*)$/.exec(flt);
      if (!m) return (ctx.io.stderr(`invalid filter '${flt.split('=')[0]}'\n`), 1);
      list = list.filter((x) => x.name.includes(m[1]));
    }
    if (ctx.flags.bool('quiet')) {
      ctx.io.stdout(list.map((x) => `${x.name}\n`).join(''));
      return 0;
    }
    const fmt = ctx.flags.string('format');
    if (fmt === 'json') {
      ctx.io.stdout(`${JSON.stringify(list.map((x) => ({ Name: x.name, Status: x.status, ConfigFiles: x.configFiles })))}\n`);
      return 0;
    }
    if (fmt !== 'table' && fmt !== '') return (ctx.io.stderr(`format value ${JSON.stringify(fmt)} could not be parsed: parsing failed\n`), 1);
    ctx.io.stdout(formatTable([['NAME', 'STATUS', 'CONFIG FILES'], ...list.map((x) => [x.name, x.status, x.configFiles])]));
    return 0;
  },
};

const version: ComposeCommand = {
  spec: {
    path: ['compose', 'version'],
    usage: 'docker compose version [OPTIONS]',
    short: 'Show the Docker Compose version information',
    args: { max: 0 },
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output. Values: [pretty | json]. (Default: pretty)' },
      { name: 'short', type: 'bool', usage: "Shows only Compose's version number" },
    ],
  },
  async run(ctx) {
    if (ctx.flags.bool('short')) ctx.io.stdout(`${COMPOSE_VERSION}\n`);
    else if (ctx.flags.string('format') === 'json') ctx.io.stdout(`{"version":"v${COMPOSE_VERSION}"}\n`);
    else ctx.io.stdout(`Docker Compose version v${COMPOSE_VERSION}\n`);
    return 0;
  },
};

export const COMPOSE_SUBCOMMANDS: ComposeCommand[] = [build, config, down, exec, logs, ls, ps, restart, run, start, stop, up, version];
