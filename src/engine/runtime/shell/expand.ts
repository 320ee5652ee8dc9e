/**
 * Word expansion as busybox ash does it, in POSIX order: tilde, parameters (`$v`, `${v:-w}`, `${v#p}`, `${#v}`,
 * `${v:1:2}`, `${v/a/b}`...), command substitution (`$(...)`, backquotes), arithmetic (`$((...))`), field
 * splitting on IFS (only of unquoted expansion results), pathname expansion (globs) and quote removal.
 * `"$@"` gives one field per positional parameter. Errors (`${v?msg}`, `set -u`, arithmetic) are ExpandErrors.
 */
import { ArithError, evaluate } from './arith';
import { escapes } from './format';
import { expansionEnd } from './parse';

export interface ExpandHost {
  /** A variable or special parameter (`?`, `$`, `!`, `#`, `-`, `0`, `1`...), undefined when unset. */
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  positional(): string[];
  /** Runs a command substitution; its output. */
  subst(src: string): Promise<string>;
  /** Pathnames matching a pattern (quoted characters backslash-escaped), sorted; none: []. */
  glob(pattern: string): string[];
  nounset(): boolean;
}

export class ExpandError extends Error {}

const GLOB_CHARS = /[*?[]/;
const escapeGlob = (t: string) => t.replace(/[*?[\]\\]/g, '\\$&');

interface Field {
  lit: string;
  pat: string;
  glob: boolean;
}

/** Collects the fields of one word as expansion proceeds. */
class Acc {
  fields: Field[] = [];
  private cur: Field = { lit: '', pat: '', glob: false };
  private nonEmpty = false;
  private afterWs = false;

  constructor(
    private split: boolean,
    private ifs: string,
  ) {}

  quoted(t: string): void {
    if (!t) return;
    this.cur.lit += t;
    this.cur.pat += escapeGlob(t);
    this.nonEmpty = true;
    this.afterWs = false;
  }

  /** Characters of an expansion's result: glob characters are active, a backslash is not an escape. */
  private raw(t: string): void {
    if (!t) return;
    this.cur.lit += t;
    this.cur.pat += t.replace(/\\/g, '\\\\');
    if (GLOB_CHARS.test(t)) this.cur.glob = true;
    this.nonEmpty = true;
    this.afterWs = false;
  }

  literal(t: string): void {
    if (!t) return;
    this.cur.lit += t;
    this.cur.pat += t;
    if (GLOB_CHARS.test(t)) this.cur.glob = true;
    this.nonEmpty = true;
    this.afterWs = false;
  }

  /** An unquoted expansion's result: split on IFS, and its glob characters are active. */
  expansion(t: string): void {
    if (!this.split) {
      this.raw(t);
      return;
    }
    for (const c of t) {
      if (!this.ifs.includes(c)) {
        this.raw(c);
        continue;
      }
      if (' \t\n'.includes(c)) {
        if (this.nonEmpty) {
          this.push();
          this.afterWs = true;
        }
      } else {
        if (this.nonEmpty || !this.afterWs) this.push();
        this.afterWs = false;
      }
    }
  }

  /** Ends the field in progress when it has anything (between unquoted `$@` parameters). */
  breakField(): void {
    if (this.nonEmpty) this.push();
  }

  /** Ends the field in progress even when empty (between `"$@"` parameters). */
  push(): void {
    this.fields.push(this.cur);
    this.cur = { lit: '', pat: '', glob: false };
    this.nonEmpty = false;
  }

  finish(): Field[] {
    if (this.nonEmpty) this.push();
    return this.fields;
  }

  /** Marks the word as present even if empty (`""`). */
  mark(): void {
    this.nonEmpty = true;
  }
}

/** A glob pattern (backslash escapes, `*`, `?`, `[abc]`, `[!a-z]`) as RegExp source, unanchored. */
export function patternSource(pattern: string): string {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      src += (pattern[i] ?? '\\').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (c === '*') src += '[^]*';
    else if (c === '?') src += '[^]';
    else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!' || pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        src += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, j);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&');
      src += `[${negate ? '^' : ''}${body}]`;
      i = j;
    } else src += c.replace(/[.+^${}()|\\\]/-]/g, '\\$&');
  }
  return src;
}

/** A whole-string glob matcher (`ignoreCase` for find -iname). */
export function globRegex(pattern: string, ignoreCase = false): RegExp {
  try {
    return new RegExp(`^${patternSource(pattern)}$`, ignoreCase ? 'i' : '');
  } catch {
    return /(?!)/;
  }
}

const NAME_RE = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/;

export class Expander {
  constructor(private host: ExpandHost) {}

  private ifs(): string {
    return this.host.get('IFS') ?? ' \t\n';
  }

  /** All fields of the words: split and globbed (command arguments, `for` lists). */
  async fields(words: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      const acc = new Acc(true, this.ifs());
      await this.walk(w, false, acc, true);
      for (const f of acc.finish()) {
        const matches = f.glob ? this.host.glob(f.pat) : [];
        out.push(...(matches.length ? matches : [f.lit]));
      }
    }
    return out;
  }

  /** One string: no splitting, no globbing (assignments, redirection targets, `case` words). */
  async string(w: string, tilde = true): Promise<string> {
    const acc = new Acc(false, '');
    await this.walk(w, false, acc, tilde);
    return acc.finish().map((f) => f.lit).join('');
  }

  /** A pattern (case items, `${v%pattern}`): quoted characters match themselves. */
  async pattern(w: string): Promise<string> {
    const acc = new Acc(false, '');
    await this.walk(w, false, acc, true);
    return acc.finish().map((f) => f.pat).join('');
  }

  /** A here-document body: `$`, backquotes and `\` are special, quotes are not. */
  async hereDoc(body: string): Promise<string> {
    const acc = new Acc(false, '');
    await this.walkDouble(body, acc, true);
    return acc.finish().map((f) => f.lit).join('');
  }

  private async walk(s: string, _q: boolean, acc: Acc, tilde: boolean): Promise<void> {
    let i = 0;
    if (tilde && s[0] === '~') {
      const m = /^~([^/]*)/.exec(s)!;
      const home = m[1] === '' ? this.host.get('HOME') : m[1] === 'root' ? '/root' : undefined;
      if (home !== undefined) {
        acc.quoted(home);
        i = m[0].length;
      }
    }
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') {
        acc.quoted(s[i + 1] ?? '\\');
        i += 2;
      } else if (c === "'") {
        const e = s.indexOf("'", i + 1);
        acc.quoted(s.slice(i + 1, e));
        acc.mark();
        i = e + 1;
      } else if (c === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\') j += 2;
          else if (s[j] === '$' || s[j] === '`') j = s[j] === '$' && !/[({]/.test(s[j + 1] ?? '') ? j + 1 : expansionEnd(s, j);
          else j++;
        }
        const inner = s.slice(i + 1, j);
        if (!/\$\{?@/.test(inner)) acc.mark();
        await this.walkDouble(inner, acc, false);
        i = j + 1;
      } else if (c === '$' && s[i + 1] === "'") {
        const end = expansionEnd(s, i);
        acc.quoted(escapes(s.slice(i + 2, end - 1).replace(/\\'/g, "'"), false).text);
        acc.mark();
        i = end;
      } else if (c === '$' || c === '`') i = await this.dollar(s, i, false, acc);
      else {
        acc.literal(c);
        i++;
      }
    }
  }

  /** Double-quoted text (`nested`: the word of a `${v:-word}` inside double quotes, where `"` only nests). */
  private async walkDouble(s: string, acc: Acc, heredoc: boolean, nested = false): Promise<void> {
    let lit = '';
    for (let i = 0; i < s.length; ) {
      const c = s[i];
      if (nested && c === '"') {
        i++;
        continue;
      }
      if (c === '\\' && (heredoc ? '\\$`\n' : '\\$`"\n').includes(s[i + 1] ?? 'x')) {
        if (s[i + 1] !== '\n') lit += s[i + 1];
        i += 2;
      } else if (c === '$' || c === '`') {
        acc.quoted(lit);
        lit = '';
        i = await this.dollar(s, i, true, acc);
      } else {
        lit += c;
        i++;
      }
    }
    acc.quoted(lit);
  }

  private emit(v: string, quoted: boolean, acc: Acc): void {
    if (quoted) acc.quoted(v);
    else acc.expansion(v);
  }

  /** Expands the `$...` or backquote at s[i] into acc; the index after it. */
  private async dollar(s: string, i: number, quoted: boolean, acc: Acc): Promise<number> {
    if (s[i] === '`') {
      const end = expansionEnd(s, i);
      const src = s.slice(i + 1, end - 1).replace(/\\([\\`$])/g, '$1');
      this.emit(await this.host.subst(src), quoted, acc);
      return end;
    }
    const n = s[i + 1];
    if (n === '(' || n === '{') {
      const end = expansionEnd(s, i);
      if (n === '(' && s[i + 2] === '(' && s[end - 2] === ')' && s[end - 1] === ')') {
        const expr = await this.string(s.slice(i + 3, end - 2), false);
        this.emit(this.arith(expr), quoted, acc);
      } else if (n === '(') this.emit(await this.host.subst(s.slice(i + 2, end - 1)), quoted, acc);
      else await this.braced(s.slice(i + 2, end - 1), quoted, acc);
      return end;
    }
    const m = NAME_RE.exec(s.slice(i + 1));
    if (!m) {
      acc.quoted('$');
      return i + 1;
    }
    const name = /^[0-9]/.test(m[1]) ? m[1][0] : m[1];
    this.param(name, quoted, acc);
    return i + 1 + name.length;
  }

  arith(expr: string): string {
    try {
      return String(evaluate(expr, { get: (k) => this.lookup(k), set: (k, v) => this.host.set(k, v) }));
    } catch (e) {
      if (e instanceof ArithError) throw new ExpandError(e.message);
      throw e;
    }
  }

  private lookup(name: string): string | undefined {
    const v = this.host.get(name);
    if (v === undefined && this.host.nounset()) throw new ExpandError(`${name}: parameter not set`);
    return v;
  }

  /** A plain parameter: `$name`, `$1`, `$@`, `$*`. */
  private param(name: string, quoted: boolean, acc: Acc): void {
    if (name === '@' || name === '*') {
      const ps = this.host.positional();
      if (quoted && name === '*') {
        const ifs = this.ifs();
        acc.quoted(ps.join(this.host.get('IFS') === undefined ? ' ' : ifs.slice(0, 1)));
        return;
      }
      ps.forEach((p, k) => {
        if (k > 0) {
          if (quoted) acc.push();
          else acc.breakField();
        }
        this.emit(p, quoted, acc);
      });
      return;
    }
    const v = this.lookup(name);
    if (v !== undefined) this.emit(v, quoted, acc);
  }

  private value(name: string): string | undefined {
    if (name === '@' || name === '*') {
      const ps = this.host.positional();
      return ps.length ? ps.join(' ') : undefined;
    }
    return this.host.get(name);
  }

  private async braced(body: string, quoted: boolean, acc: Acc): Promise<void> {
    if (body === '#') return this.param('#', quoted, acc);
    if (body.startsWith('#') && body.length > 1) {
      const name = body.slice(1);
      const v = name === '@' || name === '*' ? this.host.positional().join(' ') : this.lookup(name);
      this.emit(String((v ?? '').length), quoted, acc);
      return;
    }
    const m = NAME_RE.exec(body)!;
    const name = m[1];
    const rest = body.slice(name.length);
    if (rest === '') {
      if (name === '@' || name === '*') return this.param(name, quoted, acc);
      const v = this.lookup(name);
      if (v !== undefined) this.emit(v, quoted, acc);
      return;
    }
    const op = /^(:[-=?+]|[-=?+]|%%|%|##|#|\/\/|\/|:)/.exec(rest)![1];
    const word = rest.slice(op.length);
    const v = this.value(name);
    const colon = op.length === 2 && op[0] === ':';
    const missing = v === undefined || (colon && v === '');
    switch (op.replace(/^:(?=.)/, '')) {
      case '-':
        if (missing) await this.walkWord(word, quoted, acc);
        else this.emitParam(name, v!, quoted, acc);
        return;
      case '+':
        if (!missing) await this.walkWord(word, quoted, acc);
        else if (quoted) acc.mark();
        return;
      case '=': {
        if (missing) {
          const nv = await this.string(word);
          this.host.set(name, nv);
          this.emit(nv, quoted, acc);
        } else this.emit(v!, quoted, acc);
        return;
      }
      case '?':
        if (missing) throw new ExpandError(`${name}: ${word ? await this.string(word) : colon ? 'parameter not set or null' : 'parameter not set'}`);
        this.emit(v!, quoted, acc);
        return;
    }
    if (v === undefined && this.host.nounset()) throw new ExpandError(`${name}: parameter not set`);
    const val = v ?? '';
    if (op === ':') {
      const colon2 = splitTop(word, ':');
      const off = Number(this.arith(await this.string(colon2[0], false)));
      const start = off < 0 ? Math.max(0, val.length + off) : Math.min(off, val.length);
      const len = colon2.length > 1 ? Number(this.arith(await this.string(colon2[1], false))) : val.length;
      this.emit(len < 0 ? val.slice(start, Math.max(start, val.length + len)) : val.slice(start, start + len), quoted, acc);
      return;
    }
    if (op === '/' || op === '//') {
      const [p, rep = ''] = splitTop(word, '/');
      const pat = await this.pattern(p);
      const r = await this.string(rep);
      const re = new RegExp(patternSource(pat), op === '//' ? 'g' : '');
      this.emit(pat === '' ? val : val.replace(re, () => r), quoted, acc);
      return;
    }
    const pat = await this.pattern(word);
    this.emit(removePattern(val, pat, op), quoted, acc);
  }

  private emitParam(name: string, v: string, quoted: boolean, acc: Acc): void {
    if (name === '@' || name === '*') this.param(name, quoted, acc);
    else this.emit(v, quoted, acc);
  }

  /** The word of `${v-word}`: expanded in the surrounding context (split when unquoted). */
  private async walkWord(word: string, quoted: boolean, acc: Acc): Promise<void> {
    if (quoted) await this.walkDouble(word, acc, false, true);
    else await this.walk(word, false, acc, true);
  }
}

/** Splits at the first `sep` outside quotes and expansions. */
function splitTop(s: string, sep: string): string[] {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") i = s.indexOf("'", i + 1);
    else if (c === '$' && (s[i + 1] === '{' || s[i + 1] === '(')) i = expansionEnd(s, i) - 1;
    else if (c === sep) return [s.slice(0, i), s.slice(i + 1)];
  }
  return [s];
}

/** `${v%p}`, `${v%%p}`, `${v#p}`, `${v##p}`: the value without the shortest/longest matching suffix/prefix. */
function removePattern(v: string, pat: string, op: string): string {
  const re = globRegex(pat);
  if (op === '#' || op === '##') {
    const lens = op === '#' ? [...Array(v.length + 1).keys()] : [...Array(v.length + 1).keys()].reverse();
    for (const n of lens) if (re.test(v.slice(0, n))) return v.slice(n);
    return v;
  }
  const starts = op === '%' ? [...Array(v.length + 1).keys()].reverse() : [...Array(v.length + 1).keys()];
  for (const n of starts) if (re.test(v.slice(n))) return v.slice(0, n);
  return v;
}
