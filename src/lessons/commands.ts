/**
 * Turns a docker argv (as the engine received it) into a canonical command path, resolving the
 * short aliases Docker accepts: `docker images` = `docker image ls`, `docker rmi` = `docker image rm`,
 * `docker run` = `docker container run`, ... Checks compare canonical paths, so either spelling passes.
 */

const TOP_ALIASES: Record<string, string> = {
  images: 'image ls',
  rmi: 'image rm',
  build: 'image build',
  pull: 'image pull',
  push: 'image push',
  history: 'image history',
  tag: 'image tag',
  run: 'container run',
  create: 'container create',
  start: 'container start',
  stop: 'container stop',
  kill: 'container kill',
  rm: 'container rm',
  ps: 'container ls',
  logs: 'container logs',
  exec: 'container exec',
  commit: 'container commit',
  diff: 'container diff',
  attach: 'container attach',
  top: 'container top',
  port: 'container port',
  cp: 'container cp',
  inspect: 'inspect',
  buildx: 'buildx',
  builder: 'builder',
  system: 'system',
  version: 'version',
  info: 'system info',
  login: 'login',
  logout: 'logout',
  search: 'search',
};

const SUB_ALIASES: Record<string, string> = { list: 'ls', remove: 'rm', ps: 'ls' };
const GROUPS = new Set(['image', 'container', 'system', 'builder', 'buildx', 'network', 'volume', 'compose']);
/** Global flags that take a value (`docker --context x ps`). */
const GLOBAL_WITH_VALUE = new Set(['--context', '-c', '--host', '-H', '--log-level', '-l', '--config']);

export interface CanonicalCommand {
  command: string;
  args: string[];
}

export function canonicalCommand(argv: readonly string[]): CanonicalCommand {
  let i = 0;
  if (argv[0] === 'docker') i++;
  while (i < argv.length && argv[i].startsWith('-')) {
    if (GLOBAL_WITH_VALUE.has(argv[i])) i++;
    i++;
  }
  const first = argv[i];
  if (first === undefined) return { command: '', args: [] };
  if (GROUPS.has(first)) {
    const sub = argv[i + 1];
    if (sub === undefined || sub.startsWith('-')) return { command: first, args: argv.slice(i + 1) };
    let path = `${first} ${SUB_ALIASES[sub] ?? sub}`;
    if (first === 'buildx' && sub === 'build') path = 'image build';
    if (first === 'builder' && sub === 'build') path = 'image build';
    return { command: path, args: argv.slice(i + 2) };
  }
  return { command: TOP_ALIASES[first] ?? first, args: argv.slice(i + 1) };
}

/** Positional (non-flag) arguments; flags known to take a value skip their value. */
export function positionalArgs(args: readonly string[], flagsWithValue: readonly string[] = []): string[] {
  const withValue = new Set(flagsWithValue);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      if (!a.includes('=') && withValue.has(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
