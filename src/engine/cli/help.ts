/**
 * Help texts in the layout of the docker 28 client (cobra + docker's own templates): `docker --help`,
 * `docker <group>` / `docker <group> --help`, `docker <cmd> --help`, and the pflag option list wrapped
 * exactly like `FlagUsagesWrapped(79)` (docker wraps at the terminal width - 1; 80 columns without a terminal).
 */
import type { CommandSpec, FlagSpec } from './command';
import { goQuote } from '../core/format';

/** The help text docker gives every `--format` flag of a list command (table, json, template). */
export const FORMAT_USAGE_TABLE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** The help text of `--format` on commands without a table (version, info, inspect). */
export const FORMAT_USAGE_JSON =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** Management commands (docker 28's "Management Commands"), with their help line. */
export const MANAGEMENT_GROUPS: Record<string, string> = {
  builder: 'Manage builds',
  buildx: 'Docker Buildx',
  checkpoint: 'Manage checkpoints',
  compose: 'Docker Compose',
  container: 'Manage containers',
  context: 'Manage contexts',
  image: 'Manage images',
  manifest: 'Manage Docker image manifests and manifest lists',
  network: 'Manage networks',
  plugin: 'Manage plugins',
  system: 'Manage Docker',
  trust: 'Manage trust on Docker images',
  volume: 'Manage volumes',
  config: 'Manage Swarm configs',
  node: 'Manage Swarm nodes',
  secret: 'Manage Swarm secrets',
  service: 'Manage Swarm services',
  stack: 'Manage Swarm stacks',
  swarm: 'Manage Swarm',
  debug: 'Layerlab debugging tools (not a Docker command)',
};

const SWARM_GROUPS = new Set(['config', 'node', 'secret', 'service', 'stack', 'swarm']);

/** docker 28's "Common Commands", in its order. */
export const COMMON_COMMANDS = ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'];

/** The value name pflag shows after a flag: a `backquoted` word in the usage, else one from the type. */
function unquoteUsage(f: FlagSpec): { varname: string; usage: string } {
  const m = /`([^`]*)`/.exec(f.usage);
  if (m) return { varname: m[1], usage: f.usage.replace(/`([^`]*)`/, '$1') };
  if (f.valueName !== undefined) return { varname: f.valueName, usage: f.usage };
  const byType: Record<string, string> = {
    bool: '',
    string: 'string',
    stringArray: 'stringArray',
    stringSlice: 'strings',
    int: 'int',
    uint: 'uint',
    float: 'float',
    duration: 'duration',
    list: 'list',
    map: 'map',
  };
  return { varname: byType[f.type] ?? f.type, usage: f.usage };
}

function defaultSuffix(f: FlagSpec): string {
  const d = f.default;
  if (d === undefined || d === '' || d === false || d === 'false') return '';
  // docker 28's pflag shows a zero duration ("(default 0s)") but hides zero numbers given as numbers.
  if (typeof d === 'number' && d === 0 && ['int', 'uint', 'float'].includes(f.type)) return '';
  if (f.type === 'bool' && d === true && f.type === 'bool') return ' (default true)';
  if (f.type === 'string') return ` (default ${goQuote(String(d))})`;
  return ` (default ${String(d)})`;
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap(i, w, s): wraps s to width w, indenting continuation lines by i. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.split('\n').join('\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.split('\n').join(r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.split('\n').join('\n' + ' '.repeat(i));
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += '\n' + ' '.repeat(i) + t.split('\n').join('\n' + ' '.repeat(i));
  }
  return r;
}

/** pflag FlagUsagesWrapped(cols): the "Options:" block body, flags in the order given (docker sorts none). */
export function flagUsages(flags: FlagSpec[], cols = 79): string {
  const lines: string[] = [];
  let maxlen = 0;
  const visible = [...flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of visible) {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const { varname, usage } = unquoteUsage(f);
    if (varname) line += ' ' + varname;
    line += '\x00';
    if (line.length > maxlen) maxlen = line.length;
    line += usage + defaultSuffix(f);
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - sidx);
    out += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}

const trimRight = (s: string) => s.replace(/\s+$/, '');

/** `docker <path> --help`. `invoked` is the path as typed (its usage line follows it, like docker's aliases). */
export function commandHelp(spec: CommandSpec, invoked: string[] = spec.path, cols = 79): string {
  let out = `Usage:  ${usageLine(spec, invoked)}\n\n${spec.long ?? spec.short}\n`;
  if (spec.aliases && spec.aliases.length) {
    out += `\nAliases:\n  ${[spec.path, ...spec.aliases].map((p) => `docker ${p.join(' ')}`).join(', ')}\n`;
  }
  const opts = flagUsages(spec.flags, cols);
  if (opts) out += `\nOptions:\n${trimRight(opts)}\n`;
  return out;
}

/** How docker names a command in messages: an alias under the same parent shows the canonical path (cobra), a top-level alias shows itself. */
export function displayPath(spec: CommandSpec, invoked: string[]): string[] {
  if (invoked.length === spec.path.length && invoked.slice(0, -1).join(' ') === spec.path.slice(0, -1).join(' ')) return spec.path;
  return invoked;
}

/** The usage line ("docker images [OPTIONS] [REPOSITORY[:TAG]]") for the path as invoked. */
export function usageLine(spec: CommandSpec, invoked: string[] = spec.path): string {
  const canonical = `docker ${spec.path.join(' ')}`;
  const shown = `docker ${displayPath(spec, invoked).join(' ')}`;
  if (spec.usage.startsWith(canonical)) return shown + spec.usage.slice(canonical.length);
  return spec.usage;
}

function commandList(entries: Array<[string, string]>): string {
  const pad = Math.max(11, ...entries.map(([n]) => n.length));
  return entries.map(([n, s]) => `  ${n.padEnd(pad)} ${s}\n`).join('');
}

/** `docker image` / `docker image --help`: the subcommands registered under a management group. */
export function groupHelp(group: string, commands: CommandSpec[]): string {
  const subs = new Map<string, string>();
  for (const c of commands) {
    for (const p of [c.path, ...(c.aliases ?? [])]) {
      // Same-parent aliases (image list) are cobra aliases and not listed; other paths are commands of their own in docker.
      if (p.length === 2 && p[0] === group && (p === c.path || c.path.length !== 2 || c.path[0] !== group)) subs.set(p[1], c.short);
    }
  }
  const entries = [...subs.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return (
    `Usage:  docker ${group} COMMAND\n\n${MANAGEMENT_GROUPS[group] ?? `Manage ${group}`}\n\nCommands:\n${commandList(entries)}\n` +
    `Run 'docker ${group} COMMAND --help' for more information on a command.\n`
  );
}


/** `docker --help`: docker 28's sections, listing the commands Layerlab has. */
export function topLevelHelp(commands: CommandSpec[], cols = 79, globalFlags: FlagSpec[] = []): string {
  const top = new Map<string, string>();
  const groups = new Set<string>();
  for (const c of commands) {
    for (const p of [c.path, ...(c.aliases ?? [])]) {
      // A one-word plugin command with subcommands of its own (compose) is listed with the management commands.
      if (p.length === 2 || (p.length === 1 && p[0] in MANAGEMENT_GROUPS)) groups.add(p[0]);
      else if (p.length === 1) top.set(p[0], c.short);
    }
  }
  const common = COMMON_COMMANDS.filter((n) => top.has(n)).map((n): [string, string] => [n, top.get(n)!]);
  const mgmt = [...groups].filter((g) => !SWARM_GROUPS.has(g)).sort().map((g): [string, string] => [g, MANAGEMENT_GROUPS[g] ?? `Manage ${g}`]);
  const swarm = [...groups].filter((g) => SWARM_GROUPS.has(g)).sort().map((g): [string, string] => [g, MANAGEMENT_GROUPS[g]]);
  const rest = [...top.entries()].filter(([n]) => !COMMON_COMMANDS.includes(n) && !groups.has(n)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let out = 'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n';
  if (common.length) out += `\nCommon Commands:\n${commandList(common)}`;
  if (mgmt.length) out += `\nManagement Commands:\n${commandList(mgmt)}`;
  if (swarm.length) out += `\nSwarm Commands:\n${commandList(swarm)}`;
  if (rest.length) out += `\nCommands:\n${commandList(rest)}`;
  out += `\nGlobal Options:\n${flagUsages(globalFlags, cols)}\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n`;
  return out;
}
