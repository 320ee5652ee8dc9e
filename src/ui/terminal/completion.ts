/**
 * Tab completion for the terminal: docker commands and subcommands, flags of the command typed so far,
 * image references and container names. Pure: the caller passes what exists.
 */

export interface CompletionSource {
  /** Command paths, e.g. [["build"], ["image", "ls"], ["ps"]]. */
  commands: string[][];
  /** Flags (with dashes) for a command path. */
  flagsFor(path: string[]): string[];
  images: string[];
  containers: string[];
}

/** A fallback list of docker commands, used until the CLI's command registry is available. */
export const DEFAULT_COMMANDS: string[][] = [
  ['build'], ['run'], ['ps'], ['images'], ['pull'], ['push'], ['logs'], ['rm'], ['rmi'], ['exec'], ['stop'], ['start'],
  ['kill'], ['inspect'], ['tag'], ['history'], ['commit'], ['login'], ['search'], ['version'], ['info'],
  ['image', 'build'], ['image', 'ls'], ['image', 'pull'], ['image', 'push'], ['image', 'rm'], ['image', 'history'],
  ['image', 'inspect'], ['image', 'prune'], ['image', 'tag'],
  ['container', 'run'], ['container', 'ls'], ['container', 'logs'], ['container', 'rm'], ['container', 'stop'],
  ['container', 'start'], ['container', 'exec'], ['container', 'inspect'], ['container', 'commit'], ['container', 'kill'],
  ['system', 'df'], ['system', 'prune'], ['builder', 'prune'],
  ['volume', 'create'], ['volume', 'ls'], ['volume', 'inspect'], ['volume', 'rm'], ['volume', 'prune'],
];

const LOCAL = ['clear', 'help', 'docker'];

const IMAGE_CMDS = new Set(['run', 'pull', 'push', 'rmi', 'history', 'tag', 'inspect', 'create', 'image', 'save']);
const CONTAINER_CMDS = new Set(['logs', 'rm', 'exec', 'stop', 'start', 'kill', 'restart', 'inspect', 'commit', 'attach', 'port', 'top', 'diff', 'cp']);

export interface CompletionResult {
  /** Candidates for the word under the cursor. */
  candidates: string[];
  /** The longest common prefix of the candidates (what Tab inserts). */
  common: string;
}

export function complete(wordsBefore: string[], partial: string, src: CompletionSource): CompletionResult {
  const words = wordsBefore[0] === 'docker' ? wordsBefore.slice(1) : wordsBefore;
  let candidates: string[];
  const path = commandPath(words, src.commands);
  if (partial.startsWith('-')) {
    candidates = src.flagsFor(path);
  } else if (words.length === 0) {
    const top = new Set(src.commands.map((c) => c[0]));
    candidates = [...top, ...(wordsBefore[0] === 'docker' ? [] : LOCAL)];
  } else {
    const subs = src.commands.filter((c) => c.length > words.length && words.every((w, i) => c[i] === w)).map((c) => c[words.length]);
    if (subs.length) candidates = [...new Set(subs)];
    else {
      const last = path[path.length - 1] ?? '';
      const group = path[0];
      const wantsContainers = CONTAINER_CMDS.has(last) || (group === 'container' && last !== 'run' && last !== 'ls');
      const wantsImages = IMAGE_CMDS.has(last) || group === 'image' || last === 'run' || last === 'create';
      candidates = [...(wantsContainers ? src.containers : []), ...(wantsImages ? src.images : [])];
      if (!wantsContainers && !wantsImages) candidates = [...src.containers, ...src.images];
    }
  }
  candidates = [...new Set(candidates.filter((c) => c.startsWith(partial)))].sort();
  return { candidates, common: commonPrefix(candidates) || partial };
}

function commandPath(words: string[], commands: string[][]): string[] {
  let best: string[] = [];
  for (const c of commands) if (c.length > best.length && c.length <= words.length && c.every((w, i) => words[i] === w)) best = c;
  return best;
}

function commonPrefix(xs: string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}
