/**
 * .dockerignore as moby/patternmatcher and moby/buildkit's ignorefile read it: `#` comments in column 1,
 * trimmed lines, filepath.Clean, one leading "/" removed, `!` re-includes, the last matching pattern wins,
 * and a pattern that matches a parent directory matches everything below it.
 *
 * Each pattern is compiled once to tokens (runs of `**` collapsed into one). Matching is an NFA simulation
 * over the token positions (no backtracking), and one pass over the path also answers every parent directory
 * (the state after each "/" is the parent's answer): O(pattern × path) per pattern even for 1,000-character
 * adversarial patterns and paths (long runs of double stars and slashes, or "*a" repeated).
 */
import { err, ok, engineError, type Result } from '../core/errors';
import { cleanPath } from '../core/clean-path';

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

function compile(pattern: string): Tok[] {
  const toks: Tok[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        const last = toks[toks.length - 1];
        // (.*/)?(.*/)? is (.*/)? and (.*/)?.* is .*: keep one token so runs of ** cost nothing.
        if (last?.t === 'dstarslash') toks.pop();
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

const LIT = 0;
const ANY = 1;
const CLASS = 2;
const STAR = 3;
const DSTAR = 4;
const DSTARSLASH = 5;
const SLASH = 47;

/** Tokens as flat arrays for the matcher's inner loop. */
interface Program {
  n: number;
  kind: Uint8Array;
  /** LIT: the UTF-16 code unit; CLASS: index into `classes`. */
  arg: Float64Array;
  classes: { negate: boolean; ranges: Float64Array; ascii: Uint8Array }[];
  /** Reused state sets and marks (2n+2 states). */
  mark: Uint32Array;
  a: Int32Array;
  b: Int32Array;
}

const programs = new WeakMap<Tok[], Program>();

/** Adds state i to `set` (after `len` states) and the positions its stars may skip to (a star matches the empty string); returns the new length. */
function push(set: Int32Array, len: number, mark: Uint32Array, gen: number, kind: Uint8Array, n: number, i: number): number {
  while (mark[i] !== gen) {
    mark[i] = gen;
    set[len++] = i;
    if (i < n && kind[i] >= STAR) i++;
    else break;
  }
  return len;
}

function classMatch(ranges: Float64Array, negate: boolean, c: number): boolean {
  let m = false;
  for (let r = 0; r < ranges.length; r += 2) if (ranges[r] <= c && c <= ranges[r + 1]) m = true;
  return m !== negate;
}

function program(toks: Tok[]): Program {
  let p = programs.get(toks);
  if (p) return p;
  const n = toks.length;
  const kind = new Uint8Array(n);
  const arg = new Float64Array(n);
  const classes: Program['classes'] = [];
  const code = (ch: string | undefined) => (ch === undefined ? NaN : ch.charCodeAt(0));
  toks.forEach((t, i) => {
    if (t.t === 'lit') {
      kind[i] = LIT;
      arg[i] = code(t.c);
    } else if (t.t === 'any') kind[i] = ANY;
    else if (t.t === 'star') kind[i] = STAR;
    else if (t.t === 'dstar') kind[i] = DSTAR;
    else if (t.t === 'dstarslash') kind[i] = DSTARSLASH;
    else {
      kind[i] = CLASS;
      arg[i] = classes.length;
      const ranges = Float64Array.from(t.ranges.flatMap(([lo, hi]) => [code(lo), code(hi)]));
      // The answer for each ASCII character, precomputed: the inner loop then does one lookup.
      const ascii = new Uint8Array(128);
      for (let c = 0; c < 128; c++) ascii[c] = classMatch(ranges, t.negate, c) ? 1 : 0;
      classes.push({ negate: t.negate, ranges, ascii });
    }
  });
  p = { n, kind, arg, classes, mark: new Uint32Array(2 * n + 2), a: new Int32Array(2 * n + 2), b: new Int32Array(2 * n + 2) };
  programs.set(toks, p);
  return p;
}

/**
 * Does the whole of `s` match the tokens, or (with `parents`) does any parent directory of `s` (the text before
 * one of its "/")? Thompson-style simulation: the set of live states, each added once per step. States 0..n
 * are token positions; n+1+i is "inside the optional any-text-then-slash of token i" (a ** not at the end):
 * it has consumed text, so unlike position i it can no longer skip to i+1 without a "/".
 */
function matchToks(toks: Tok[], s: string, parents = false): boolean {
  const { n, kind, arg, classes, mark, a, b } = program(toks);
  mark.fill(0);
  let gen = 1;
  let cur = a;
  let next = b;
  let curLen = 0;
  let nextLen = 0;
  nextLen = push(next, nextLen, mark, gen, kind, n, 0);
  [cur, next] = [next, cur];
  curLen = nextLen;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (parents && c === SLASH && mark[n] === gen) return true; // s[0..k) is a parent directory and matches
    gen++;
    nextLen = 0;
    for (let j = 0; j < curLen; j++) {
      const st = cur[j];
      if (st === n) continue;
      if (st > n) {
        // inside a ** that must end with "/": any character keeps it there; a "/" may also close it
        nextLen = push(next, nextLen, mark, gen, kind, n, st);
        if (c === SLASH) nextLen = push(next, nextLen, mark, gen, kind, n, st - n);
        continue;
      }
      switch (kind[st]) {
        case LIT:
          if (arg[st] === c) nextLen = push(next, nextLen, mark, gen, kind, n, st + 1);
          break;
        case ANY:
          if (c !== SLASH) nextLen = push(next, nextLen, mark, gen, kind, n, st + 1);
          break;
        case CLASS: {
          const cl = classes[arg[st]];
          if (c < 128 ? cl.ascii[c] === 1 : classMatch(cl.ranges, cl.negate, c)) nextLen = push(next, nextLen, mark, gen, kind, n, st + 1);
          break;
        }
        case STAR:
          if (c !== SLASH) nextLen = push(next, nextLen, mark, gen, kind, n, st);
          break;
        case DSTAR:
          nextLen = push(next, nextLen, mark, gen, kind, n, st);
          break;
        case DSTARSLASH:
          nextLen = push(next, nextLen, mark, gen, kind, n, n + 1 + st);
          if (c === SLASH) nextLen = push(next, nextLen, mark, gen, kind, n, st + 1);
          break;
      }
    }
    if (nextLen === 0) return false;
    [cur, next] = [next, cur];
    curLen = nextLen;
  }
  return mark[n] === gen;
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
    let matched = false;
    for (const p of this.patterns) {
      // Only a pattern that can change the answer is run: an exclusion after a non-match changes nothing.
      if (p.exclusion !== matched) continue;
      if (matchToks(p.toks, file, true)) matched = !p.exclusion;
    }
    return matched;
  }
}

export function ignoreMatcher(text: string | null): Result<IgnoreMatcher> {
  if (text === null) return ok(new IgnoreMatcher([]));
  const r = parseDockerignore(text);
  return r.ok ? ok(new IgnoreMatcher(r.value)) : r;
}
