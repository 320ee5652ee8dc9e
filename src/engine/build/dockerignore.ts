/**
 * .dockerignore as moby/patternmatcher and moby/buildkit's ignorefile read it: `#` comments in column 1,
 * trimmed lines, filepath.Clean, one leading "/" removed, `!` re-includes, the last matching pattern wins,
 * and a pattern that matches a parent directory matches everything below it.
 *
 * Matching is an NFA simulation over the pattern's tokens (no backtracking): O(pattern × path) even for
 * 1,000-character patterns full of stars.
 */
import { err, ok, engineError, type Result } from '../core/errors';

type Tok =
  | { t: 'lit'; c: string }
  | { t: 'any' } // ?  (one char, not /)
  | { t: 'star' } // *  (any run, not /)
  | { t: 'dstar' } // ** at the end: anything
  | { t: 'dstarslash' } // ** elsewhere: (.*/)?
  | { t: 'class'; negate: boolean; ranges: [string, string][] };

export interface IgnorePattern {
  text: string;
  exclusion: boolean;
  toks: Tok[];
}

/** Go's filepath.Clean for slash paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? (rooted ? '/' : '.') : s;
}

function compile(pattern: string): Tok[] {
  const toks: Tok[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        toks.push(i + 1 >= pattern.length ? { t: 'dstar' } : { t: 'dstarslash' });
      } else toks.push({ t: 'star' });
    } else if (c === '?') toks.push({ t: 'any' });
    else if (c === '\\' && i + 1 < pattern.length) toks.push({ t: 'lit', c: pattern[++i] });
    else if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (pattern[j] === '^' || pattern[j] === '!') {
        negate = true;
        j++;
      }
      const ranges: [string, string][] = [];
      let first = true;
      while (j < pattern.length && (pattern[j] !== ']' || first)) {
        first = false;
        let lo = pattern[j];
        if (lo === '\\') lo = pattern[++j];
        let hi = lo;
        if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
          hi = pattern[j + 2] === '\\' ? pattern[j + 3] : pattern[j + 2];
          j += pattern[j + 2] === '\\' ? 3 : 2;
        }
        ranges.push([lo, hi]);
        j++;
      }
      if (j >= pattern.length) toks.push({ t: 'lit', c: '[' });
      else {
        toks.push({ t: 'class', negate, ranges });
        i = j;
      }
    } else toks.push({ t: 'lit', c });
  }
  return toks;
}

/** Does the whole of `s` match the tokens? Thompson-style simulation over token positions. */
function matchToks(toks: Tok[], s: string): boolean {
  const n = toks.length;
  let cur = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array) => {
    for (let i = 0; i < n; i++) {
      if (set[i] && (toks[i].t === 'star' || toks[i].t === 'dstar' || toks[i].t === 'dstarslash')) set[i + 1] = 1;
    }
  };
  cur[0] = 1;
  close(cur);
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const t = toks[i];
      switch (t.t) {
        case 'lit':
          if (t.c === c) next[i + 1] = 1;
          break;
        case 'any':
          if (c !== '/') next[i + 1] = 1;
          break;
        case 'class': {
          let m = false;
          for (const [lo, hi] of t.ranges) if (lo <= c && c <= hi) m = true;
          if (m !== t.negate) next[i + 1] = 1;
          break;
        }
        case 'star':
          if (c !== '/') next[i] = 1;
          break;
        case 'dstar':
          next[i] = 1;
          break;
        case 'dstarslash':
          next[i] = 1;
          if (c === '/') next[i + 1] = 1;
          break;
      }
    }
    close(next);
    for (let i = 0; i <= n; i++) if (next[i]) any = true;
    if (!any) return false;
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

/** Reads a .dockerignore text into patterns, or Docker's error. */
export function parseDockerignore(text: string): Result<IgnorePattern[]> {
  const out: IgnorePattern[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const raw of lines) {
    if (raw.startsWith('#')) continue;
    let pattern = raw.trim();
    if (pattern === '') continue;
    let exclusion = false;
    if (pattern.startsWith('!')) {
      if (pattern.length === 1) return err(engineError('dockerignore.invalid', 'illegal exclusion pattern: "!"'));
      exclusion = true;
      pattern = pattern.slice(1).trim();
    }
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    if (pattern === '.' ) continue;
    out.push({ text: (exclusion ? '!' : '') + pattern, exclusion, toks: compile(pattern) });
  }
  return ok(out);
}

export class IgnoreMatcher {
  readonly hasExclusions: boolean;
  constructor(readonly patterns: IgnorePattern[]) {
    this.hasExclusions = patterns.some((p) => p.exclusion);
  }

  /** MatchesOrParentMatches: is this context path (relative, slash-separated) excluded? */
  excludes(path: string): boolean {
    if (this.patterns.length === 0) return false;
    const file = cleanPath(path);
    const parents = file.split('/');
    parents.pop();
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let m = matchToks(p.toks, file);
      if (!m) {
        let acc = '';
        for (const part of parents) {
          acc = acc ? acc + '/' + part : part;
          if (matchToks(p.toks, acc)) {
            m = true;
            break;
          }
        }
      }
      if (m) matched = !p.exclusion;
    }
    return matched;
  }
}

export function ignoreMatcher(text: string | null): Result<IgnoreMatcher> {
  if (text === null) return ok(new IgnoreMatcher([]));
  const r = parseDockerignore(text);
  return r.ok ? ok(new IgnoreMatcher(r.value)) : r;
}
