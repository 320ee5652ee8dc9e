/**
 * The `docker` command-line front: global flags, command lookup (canonical paths and aliases), pflag-style
 * flag parsing, help, and usage errors with the texts and exit codes of the docker 28 client.
 * Commands themselves live in ./commands/ (see ./README.md: "How to add a docker subcommand").
 *
 * Exit codes: 0 ok; 1 command failed / wrong argument count / unknown command; 125 flag errors (and
 * run/create errors); commands may return 126/127 (cannot invoke / not found in the container).
 */
import type { CliIO } from '../core/io';
import type { CommandSpec, FlagSpec } from './command';
import type { Engine } from '../engine';
import { ENGINE_VERSION } from '../engine';
import { commands as registeredCommands } from './commands/index';
import { parseFlags } from './parse-flags';
import { commandHelp, displayPath, groupHelp, MANAGEMENT_GROUPS, topLevelHelp, usageLine } from './help';

/** docker's global options (accepted before the command; Layerlab has one simulated daemon, so most are no-ops). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'config', type: 'string', default: '/root/.docker', usage: 'Location of client config files' },
  {
    name: 'context',
    short: 'c',
    type: 'string',
    usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
  { name: 'log-level', short: 'l', type: 'string', default: 'info', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")' },
  { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { name: 'tlscacert', type: 'string', default: '/root/.docker/ca.pem', usage: 'Trust certs signed only by this CA' },
  { name: 'tlscert', type: 'string', default: '/root/.docker/cert.pem', usage: 'Path to TLS certificate file' },
  { name: 'tlskey', type: 'string', default: '/root/.docker/key.pem', usage: 'Path to TLS key file' },
  { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
  { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
];

/** Docker wraps help at the width of the terminal on stdin, minus one; 80 columns without one. */
export function helpColumns(io: CliIO): number {
  return (io.stdinIsTTY && io.columns > 0 ? io.columns : 80) - 1;
}

/** Every docker 28 top-level command, so a real command Layerlab lacks is not called "unknown". */
export const DOCKER_TOP_LEVEL_COMMANDS = [
  'run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info',
  'attach', 'commit', 'cp', 'create', 'diff', 'events', 'export', 'history', 'import', 'inspect', 'kill', 'load',
  'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'rmi', 'save', 'start', 'stats', 'stop', 'tag', 'top',
  'unpause', 'update', 'wait', 'compose', 'scout', 'init', 'debug',
];

/** docker 28's subcommands of the usual groups, so `docker image save` is "not simulated", not "unknown". */
export const DOCKER_SUBCOMMANDS: Record<string, string[]> = {
  image: ['build', 'history', 'import', 'inspect', 'load', 'ls', 'list', 'prune', 'pull', 'push', 'rm', 'remove', 'save', 'tag'],
  container: ['attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'inspect', 'kill', 'logs', 'ls', 'list', 'ps', 'pause', 'port', 'prune', 'rename', 'restart', 'rm', 'remove', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait'],
  system: ['df', 'events', 'info', 'prune'],
  builder: ['build', 'prune'],
  network: ['connect', 'create', 'disconnect', 'inspect', 'ls', 'list', 'prune', 'rm', 'remove'],
  volume: ['create', 'inspect', 'ls', 'list', 'prune', 'rm', 'remove', 'update'],
  context: ['create', 'export', 'import', 'inspect', 'ls', 'list', 'rm', 'remove', 'show', 'update', 'use'],
};

const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

/** Where `word` names a command: the spec and the path as typed. */
interface Match {
  spec: CommandSpec;
  invoked: string[];
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Finds the command for the leading words of argv (two-word paths first). */
export function findCommand(commands: CommandSpec[], words: string[]): Match | null {
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const head = words.slice(0, n);
    for (const spec of commands) {
      for (const p of [spec.path, ...(spec.aliases ?? [])]) {
        if (samePath(p, head)) return { spec, invoked: head };
      }
    }
  }
  return null;
}

/** Is `word` a management group with at least one Layerlab command under it? */
function isGroup(commands: CommandSpec[], word: string): boolean {
  return commands.some((c) => [c.path, ...(c.aliases ?? [])].some((p) => p.length === 2 && p[0] === word));
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/** docker 28's wrong-argument-count message (cli/required.go), or null when the count is fine. */
export function argCountError(spec: CommandSpec, invoked: string[], n: number): string | null {
  const min = spec.args?.min ?? 0;
  const max = spec.args?.max;
  if (n >= min && (max === undefined || n <= max)) return null;
  const path = `docker ${displayPath(spec, invoked).join(' ')}`;
  const usage = `Usage:  ${usageLine(spec, invoked)}`;
  let first: string;
  let hint = `Run '${path} --help' for more information`;
  if (spec.args?.message) first = spec.args.message;
  else if (max === 0) first = `docker: '${path}' accepts no arguments`;
  else if (max === undefined) {
    first = `docker: '${path}' requires at least ${min} ${plural(min)}`;
    hint = `See '${path} --help' for more information`;
  } else if (min === max) first = `docker: '${path}' requires ${min} ${plural(min)}`;
  else if (min === 0) {
    first = `docker: '${path}' requires at most ${max} ${plural(max)}`;
    // docker 28.2's RequiresMaxArgs really prints "SRun" (a stray S in its format string); we keep its text.
    hint = `SRun '${path} --help' for more information`;
  } else first = `docker: '${path}' requires at least ${min} and at most ${max} ${plural(max)}`;
  return `${first}\n\n${usage}\n\n${hint}\n`;
}

function flagError(io: CliIO, message: string, usage: string, helpPath: string): number {
  io.stderr(`${message}\n\nUsage:  ${usage}\n\nRun '${helpPath} --help' for more information\n`);
  return 125;
}

function notSimulated(io: CliIO, words: string[]): number {
  io.stderr(
    `docker: '${['docker', ...words].join(' ')}' is a real docker command that Layerlab does not simulate yet\n\nRun 'docker --help' for the commands Layerlab has\n`,
  );
  return 1;
}

/** Runs one command line (without the leading "docker"). */
export async function runDocker(engine: Engine, argv: string[], io: CliIO, commands: CommandSpec[] = registeredCommands): Promise<number> {
  const g = parseFlags(GLOBAL_FLAGS, argv, { interspersed: false });
  if (!g.ok) return flagError(io, g.message, 'docker [OPTIONS] COMMAND [ARG...]', 'docker');
  for (const n of g.notices) io.stdout(`${n}\n`);
  if (g.help) {
    io.stdout(topLevelHelp(commands, helpColumns(io), GLOBAL_FLAGS));
    return 0;
  }
  if (g.flags.bool('version')) {
    io.stdout(`Docker version ${ENGINE_VERSION}, build layerlab\n`);
    return 0;
  }
  const level = g.flags.string('log-level');
  if (g.flags.has('log-level') && !LOG_LEVELS.includes(level.toLowerCase())) {
    io.stderr(`Unable to parse logging level: ${level}\n`);
    return 1;
  }
  const context = g.flags.string('context');
  if (g.flags.has('context') && context !== 'default') {
    io.stderr(`Failed to initialize: unable to resolve docker endpoint: context "${context}": context not found\n`);
    return 1;
  }

  const words = g.args;
  if (words.length === 0) {
    io.stderr(topLevelHelp(commands, helpColumns(io), GLOBAL_FLAGS));
    return 0;
  }
  if (words[0] === 'help') return help(io, commands, words.slice(1));

  const match = findCommand(commands, words);
  if (match && !(match.invoked.length === 1 && isGroup(commands, words[0]))) {
    return runCommand(engine, io, match.spec, match.invoked, words.slice(match.invoked.length));
  }
  if (isGroup(commands, words[0])) return runGroup(io, commands, words[0], words.slice(1));

  // Not a Layerlab command: docker first parses the rest as root flags, then reports the unknown command.
  const rest = parseFlags(GLOBAL_FLAGS, words.slice(1), { interspersed: true });
  if (!rest.ok) return flagError(io, rest.message, 'docker [OPTIONS] COMMAND [ARG...]', 'docker');
  if (DOCKER_TOP_LEVEL_COMMANDS.includes(words[0]) || words[0] in MANAGEMENT_GROUPS) {
    const sub = words[0] in MANAGEMENT_GROUPS && words[1] && !words[1].startsWith('-') ? [words[0], words[1]] : [words[0]];
    return notSimulated(io, sub);
  }
  io.stderr(`docker: unknown command: docker ${words[0]}\n\nRun 'docker --help' for more information\n`);
  return 1;
}

function runGroup(io: CliIO, commands: CommandSpec[], group: string, rest: string[]): number {
  const p = parseFlags([], rest, { interspersed: true });
  if (!p.ok) return flagError(io, p.message, `docker ${group}`, `docker ${group}`);
  for (const n of p.notices) io.stdout(`${n}\n`);
  if (p.help) {
    io.stdout(groupHelp(group, commands));
    return 0;
  }
  if (p.args.length > 0) {
    if (DOCKER_SUBCOMMANDS[group]?.includes(p.args[0])) return notSimulated(io, [group, p.args[0]]);
    io.stderr(`docker: unknown command: docker ${group} ${p.args[0]}\n\nUsage:  docker ${group}\n\nRun 'docker ${group} --help' for more information\n`);
    return 1;
  }
  // `docker image` alone: the group's help, on stderr, exit 0 (as docker 28 does).
  io.stderr(groupHelp(group, commands));
  return 0;
}

function help(io: CliIO, commands: CommandSpec[], topic: string[]): number {
  if (topic.length === 0) {
    io.stdout(topLevelHelp(commands, helpColumns(io), GLOBAL_FLAGS));
    return 0;
  }
  const m = findCommand(commands, topic);
  if (m && m.invoked.length === topic.length && !(topic.length === 1 && isGroup(commands, topic[0]))) {
    io.stdout((m.spec.help ?? commandHelp)(m.spec, m.invoked, helpColumns(io)));
    return 0;
  }
  if (topic.length === 1 && isGroup(commands, topic[0])) {
    io.stdout(groupHelp(topic[0], commands));
    return 0;
  }
  io.stderr(`unknown help topic: ${topic.join(' ')}\n`);
  return 1;
}

async function runCommand(engine: Engine, io: CliIO, spec: CommandSpec, invoked: string[], argv: string[]): Promise<number> {
  const shown = `docker ${displayPath(spec, invoked).join(' ')}`;
  const parsed = parseFlags(spec.flags, argv, { interspersed: !spec.stopAtFirstArg });
  if (!parsed.ok) return flagError(io, parsed.message, usageLine(spec, invoked), shown);
  for (const n of parsed.notices) io.stdout(`${n}\n`);
  if (parsed.help) {
    io.stdout((spec.help ?? commandHelp)(spec, invoked, helpColumns(io)));
    return 0;
  }
  const countErr = argCountError(spec, invoked, parsed.args.length);
  if (countErr) {
    io.stderr(countErr);
    return 1;
  }
  try {
    return await spec.run({ engine, io, flags: parsed.flags, args: parsed.args, invokedAs: invoked, spec });
  } catch (e) {
    // A command must report errors itself; reaching here is a Layerlab bug, shown plainly instead of crashing.
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`layerlab: internal error in '${shown}': ${msg}\n`);
    return 1;
  }
}
