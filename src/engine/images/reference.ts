/**
 * Image references as distribution/reference parses them: `[domain/]path[:tag][@digest]`, normalised to the
 * canonical `docker.io/library/name:latest` and printed in the familiar form (`name:latest`).
 */
import { err, ok, type Result, engineError } from '../core/errors';

export interface ImageRef {
  /** "docker.io", "localhost:5000", "ghcr.io". */
  domain: string;
  /** "library/node", "diamol/ch03-web-ping". */
  path: string;
  tag?: string;
  /** "sha256:<64 hex>". */
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[a-fA-F0-9:]+\](?::[0-9]+)?$/;

export const DEFAULT_DOMAIN = 'docker.io';

/** Parses and normalises a reference as typed by a user (`docker pull x`, `-t x`). No default tag is added. */
export function parseReference(input: string): Result<ImageRef> {
  const bad = (extra = '') => err(engineError('invalid-reference', 'invalid reference format' + extra));
  if (!input || input.length > 255 + 140) return bad();
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad();
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return bad();
  }
  if (!rest) return bad();
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      if (!DOMAIN.test(first)) return bad();
      domain = first === 'index.docker.io' ? DEFAULT_DOMAIN : first;
      path = rest.slice(slash + 1);
    }
  }
  const comps = path.split('/');
  for (const c of comps) {
    if (!COMPONENT.test(c)) {
      if (COMPONENT.test(c.toLowerCase())) {
        const shown = domain === DEFAULT_DOMAIN && comps.length === 1 ? path : path;
        return err(engineError('invalid-reference', `invalid reference format: repository name (${domain === DEFAULT_DOMAIN && comps.length === 1 ? 'library/' + shown : shown}) must be lowercase`));
      }
      return bad();
    }
  }
  if (domain === DEFAULT_DOMAIN && comps.length === 1) path = 'library/' + path;
  return ok({ domain, path, tag, digest });
}

/** The reference with `:latest` added when it has neither tag nor digest. */
export function withDefaultTag(r: ImageRef): ImageRef {
  return r.tag || r.digest ? r : { ...r, tag: 'latest' };
}

/** "docker.io/library/node:18". */
export function fullName(r: ImageRef): string {
  return `${r.domain}/${r.path}`;
}

export function fullString(r: ImageRef): string {
  return fullName(r) + (r.tag ? ':' + r.tag : '') + (r.digest ? '@' + r.digest : '');
}

/** "node", "diamol/ch03-web-ping", "localhost:5000/x". */
export function familiarName(r: ImageRef): string {
  if (r.domain === DEFAULT_DOMAIN) return r.path.startsWith('library/') && r.path.split('/').length === 2 ? r.path.slice(8) : r.path;
  return `${r.domain}/${r.path}`;
}

export function familiarString(r: ImageRef): string {
  return familiarName(r) + (r.tag ? ':' + r.tag : '') + (r.digest ? '@' + r.digest : '');
}

/** Canonical "docker.io/library/x:latest" for a user-typed reference, or null when it does not parse. */
export function normalizeRef(input: string): string | null {
  const r = parseReference(input);
  return r.ok ? fullString(withDefaultTag(r.value)) : null;
}

/** Familiar "x:latest" for a user-typed or canonical reference (input returned as-is when it does not parse). */
export function familiarRef(input: string): string {
  const r = parseReference(input);
  return r.ok ? familiarString(withDefaultTag(r.value)) : input;
}

/** Go's path.Match: `*` and `?` do not cross "/", `[...]` classes with `^`/`!` negation and ranges, `\` escapes. */
export function pathMatch(pattern: string, name: string): boolean {
  // Iterative matcher with single-star backtracking per segment (linear-ish, no exponential blowup).
  let p = 0, n = 0, starP = -1, starN = -1;
  const matchClass = (pi: number, c: string): [boolean, number] => {
    let i = pi + 1;
    let negate = false;
    if (pattern[i] === '^' || pattern[i] === '!') {
      negate = true;
      i++;
    }
    let matched = false;
    let first = true;
    while (i < pattern.length && (pattern[i] !== ']' || first)) {
      first = false;
      let lo = pattern[i];
      if (lo === '\\') lo = pattern[++i];
      let hi = lo;
      if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
        hi = pattern[i + 2] === '\\' ? pattern[i + 3] : pattern[i + 2];
        i += pattern[i + 2] === '\\' ? 3 : 2;
      }
      if (lo <= c && c <= hi) matched = true;
      i++;
    }
    if (i >= pattern.length) return [false, -1];
    return [matched !== negate, i + 1];
  };
  while (n < name.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = ++p;
      starN = n;
      continue;
    }
    if (p < pattern.length && pc !== '*') {
      const c = name[n];
      let okc = false;
      let np = p + 1;
      if (pc === '?') okc = c !== '/';
      else if (pc === '[') {
        if (c !== '/') {
          const [m, next] = matchClass(p, c);
          if (next < 0) return false;
          okc = m;
          np = next;
        }
      } else if (pc === '\\') {
        okc = pattern[p + 1] === c;
        np = p + 2;
      } else okc = pc === c;
      if (okc) {
        p = np;
        n++;
        continue;
      }
    }
    if (starP >= 0 && name[starN] !== '/') {
      n = ++starN;
      p = starP;
      continue;
    }
    return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
