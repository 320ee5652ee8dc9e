/**
 * `docker compose`: the Compose v2 CLI plugin (cmd/compose/compose.go in docker/compose v2.39). Its own flags
 * come before the subcommand (`docker compose -f app.yml -p demo up -d`); the subcommands live in
 * compose-commands.ts and are dispatched here with the same flag parser and help layout as docker's commands.
 */
import type { CommandContext, CommandSpec, FlagSpec } from '../command';
import { commandHelp } from '../help';
import { parseFlags } from '../parse-flags';
import { helpColumns } from '../docker';
import { COMPOSE_SUBCOMMANDS, REAL_COMPOSE_COMMANDS, type ComposeCommand } from './compose-commands';

const ROOT_FLAGS: FlagSpec[] = [
  { name: 'all-resources', type: 'bool', usage: 'Include all resources, even those not used by services' },
  { name: 'ansi', type: 'string', default: 'auto', usage: 'Control when to print ANSI control characters ("never"|"always"|"auto")' },
  { name: 'compatibility', type: 'bool', usage: 'Run compose in backward compatibility mode' },
  { name: 'dry-run', type: 'bool', usage: 'Execute command in dry run mode' },
  { name: 'env-file', type: 'stringArray', usage: 'Specify an alternate environment file' },
  { name: 'file', short: 'f', type: 'stringArray', usage: 'Compose configuration files' },
  { name: 'parallel', type: 'int', default: -1, usage: 'Control max parallelism, -1 for unlimited' },
  { name: 'profile', type: 'stringArray', usage: 'Specify a profile to enable' },
  { name: 'progress', type: 'string', usage: 'Set type of progress output (auto, tty, plain, json, quiet)' },
  { name: 'project-directory', type: 'string', usage: 'Specify an alternate working directory\n(default: the path of the, first specified, Compose file)' },
  { name: 'project-name', short: 'p', type: 'string', usage: 'Project name' },
  { name: 'version', short: 'v', type: 'bool', usage: 'Show the Docker Compose version information', hidden: true },
  { name: 'workdir', type: 'string', usage: 'DEPRECATED! USE --project-directory INSTEAD.\nSpecify an alternate working directory\n(default: the path of the, first specified, Compose file)' },
];

/** `docker compose --help`: the command's own help, then its subcommands (the docker CLI plugin template). */
function rootHelp(spec: CommandSpec, cols: number): string {
  const list = [...COMPOSE_SUBCOMMANDS].sort((a, b) => (a.spec.path[1] < b.spec.path[1] ? -1 : 1));
  const pad = Math.max(11, ...list.map((c) => c.spec.path[1].length));
  return (
    `${commandHelp(spec, spec.path, cols)}\nCommands:\n${list.map((c) => `  ${c.spec.path[1].padEnd(pad)} ${c.spec.short}\n`).join('')}\n` +
    "Run 'docker compose COMMAND --help' for more information on a command.\n"
  );
}

async function dispatch(ctx: CommandContext): Promise<number> {
  const { io, args, flags } = ctx;
  const cols = helpColumns(io);
  if (flags.bool('version') && !args.length) return runSub(ctx, COMPOSE_SUBCOMMANDS.find((c) => c.spec.path[1] === 'version')!, []);
  if (!args.length) {
    io.stdout(rootHelp(ctx.spec, cols));
    return 0;
  }
  const sub = COMPOSE_SUBCOMMANDS.find((c) => c.spec.path[1] === args[0] || c.aliases?.includes(args[0]));
  if (!sub) {
    if (REAL_COMPOSE_COMMANDS.includes(args[0])) {
      io.stderr(`docker: 'docker compose ${args[0]}' is a real docker command that Layerlab does not simulate yet\n\nRun 'docker compose --help' for the commands Layerlab has\n`);
      return 1;
    }
    io.stdout(rootHelp(ctx.spec, cols));
    io.stderr(`unknown docker command: "compose ${args[0]}"\n`);
    return 1;
  }
  return runSub(ctx, sub, args.slice(1));
}

async function runSub(ctx: CommandContext, sub: ComposeCommand, argv: string[]): Promise<number> {
  const { io } = ctx;
  const shown = `docker compose ${sub.spec.path[1]}`;
  const parsed = parseFlags(sub.spec.flags, argv, { interspersed: !sub.spec.stopAtFirstArg });
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n\nUsage:  ${sub.spec.usage}\n\nRun '${shown} --help' for more information\n`);
    return 1;
  }
  for (const n of parsed.notices) io.stdout(`${n}\n`);
  if (parsed.help) {
    io.stdout(commandHelp({ ...sub.spec, run: dispatch }, sub.spec.path, helpColumns(io)));
    return 0;
  }
  const min = sub.spec.args?.min ?? 0;
  const max = sub.spec.args?.max;
  if (parsed.args.length < min || (max !== undefined && parsed.args.length > max)) {
    // cobra's own argument checks (compose uses cobra.MinimumNArgs / NoArgs).
    const msg =
      max === 0
        ? `unknown command "${parsed.args[0]}" for "${shown}"`
        : `requires at least ${min} arg(s), only received ${parsed.args.length}`;
    io.stderr(`${msg}\n`);
    return 1;
  }
  if (ctx.flags.bool('dry-run')) {
    io.stderr('layerlab: docker compose --dry-run is not simulated yet\n');
    return 1;
  }
  return sub.run({ ...ctx, flags: parsed.flags, args: parsed.args }, ctx.flags);
}

export const composeCommand: CommandSpec = {
  path: ['compose'],
  usage: 'docker compose [OPTIONS] COMMAND',
  short: 'Docker Compose',
  long: 'Define and run multi-container applications with Docker',
  stopAtFirstArg: true,
  flags: ROOT_FLAGS,
  help: (spec, _invoked, cols) => rootHelp(spec, cols),
  run: dispatch,
};
