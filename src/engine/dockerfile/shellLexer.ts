/**
 * The shell-word lexer the builder uses for variable substitution (BuildKit's `shell.Lex`: ProcessWord,
 * ProcessWords). Written from the documented behaviour and BuildKit's test tables, not from its code.
 *
 * - `$NAME`, `${NAME}`, `${NAME:-w}` `${NAME-w}` `${NAME:+w}` `${NAME+w}` `${NAME:?m}` `${NAME?m}`,
 *   `${NAME#p}` `${NAME##p}` `${NAME%p}` `${NAME%%p}` `${NAME/p/r}` `${NAME//p/r}` (glob patterns).
 * - Single quotes are literal, double quotes allow `$` and escape only `"`, `$` and the escape char.
 * - Unset variables expand to "" (or stay as written with `skipUnsetEnv`, used for step names).
 */
import { err, ok, type EngineError, type Result } from '../core/errors';
import { isSpace } from './text';
import { goQuote } from '../core/format';

export type EnvLike = Record<string, string | undefined> | Map<string, string | undefined> | ((name: string) => string | undefined);

export interface LexOptions {
  /** The escape character ("\\" default, or "`"). */
  escape?: string;
  /** Keep quote characters in the result (BuildKit RawQuotes). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result (BuildKit RawEscapes). */
  rawEscapes?: boolean;
  /** Leave references to unset variables as written (BuildKit SkipUnsetEnv). */
  skipUnsetEnv?: boolean;
  /** Called with every variable name looked up, whether set or not (UndefinedVar lint). */
  onLookup?: (name: string, found: boolean) => void;
}

const EOF = '';

class LexError extends Error {}

function lookup(env: EnvLike, name: string): [string, boolean] {
  let v: string | undefined;
  if (typeof env === 'function') v = env(name);
  else if (env instanceof Map) v = env.get(name);
  else v = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
  return v === undefined ? ['', false] : [v, true];
}

class Words {
  word = '';
  words: string[] = [];
  inWord = false;
  addChar(ch: string): void {
    if (isSpace(ch)) {
      if (this.inWord && this.word.length) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.word.length) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

const isDigit = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c < 0x80 ? c >= 48 && c <= 57 : /^\p{Nd}$/u.test(ch);
};
const isLetter = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c < 0x80 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /^\p{L}$/u.test(ch);
};
const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

class ShellWord {
  private pos = 0;
  private rawEscapes: boolean;
  constructor(
    private src: string,
    private env: EnvLike,
    private escape: string,
    private opts: LexOptions,
  ) {
    this.rawEscapes = !!opts.rawEscapes;
  }
  /** The next code point (as a string), without consuming it; "" at the end. */
  private peek(): string {
    const s = this.src;
    const i = this.pos;
    if (i >= s.length) return EOF;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) return s.slice(i, i + 2);
    return s[i];
  }
  private next(): string {
    const ch = this.peek();
    this.pos += ch.length;
    return ch;
  }
  private getEnv(name: string): [string, boolean] {
    const r = lookup(this.env, name);
    this.opts.onLookup?.(name, r[1]);
    return r;
  }

  processStopOn(stop: string, rawEscapes = false): [string, string[]] {
    const saved = this.rawEscapes;
    if (rawEscapes) this.rawEscapes = true;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return [result, words.getWords()];
        }
        if (ch === '$') {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
        } else if (ch === '<') {
          // `<<` plus the blanks after it stay in one word (`cat << EOF`), as BuildKit's heredoc-aware lexer does.
          this.next();
          let tmp = '<';
          if (this.peek() === '<') {
            this.next();
            tmp = '<<';
            while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') tmp += this.next();
          }
          result += tmp;
          words.addRawString(tmp);
        } else if (ch === "'") {
          const tmp = this.processSingleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else if (ch === '"') {
          const tmp = this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else {
          let c = this.next();
          if (c === this.escape) {
            if (this.rawEscapes) {
              words.addRawChar(c);
              result += c;
            }
            c = this.next();
            if (c === EOF) break;
            words.addRawChar(c);
          } else words.addChar(c);
          result += c;
        }
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
      return [result, words.getWords()];
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.next();
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const n = this.peek();
        if (n === EOF) continue;
        if (n === '"' || n === '$' || n === this.escape) ch = this.next();
      }
      result += ch;
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && SPECIAL.has(ch)) return this.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const [value, found] = this.getEnv(name);
      if (!found && this.opts.skipUnsetEnv) return '$' + name;
      return value;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === '{' || p === '}' || p === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    // At the end of input Go's scanner yields EOF, which prints as U+FFFD: `${x` is an "unsupported modifier".
    let ch = this.next() || '\ufffd';
    let chs = ch;
    let nullIsUnset = false;
    if (ch === '}') {
      const [value, set] = this.getEnv(name);
      if (!set && this.opts.skipUnsetEnv) return '${' + name + '}';
      return value;
    }
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next() || '\ufffd';
      chs += ch;
    }
    if (ch === '/' && !nullIsUnset) return this.processReplace(name);
    if (!nullIsUnset && !'+-?#%'.includes(ch || 'x')) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
    const raw = ch === '#' || ch === '%';
    if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn('}', raw)[0];
    } catch (e) {
      if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
      throw e;
    }
    const [value, set] = this.getEnv(name);
    if (this.opts.skipUnsetEnv && !set) return '${' + name + chs + word + '}';
    switch (ch) {
      case '-':
        return !set || (nullIsUnset && value === '') ? word : value;
      case '+':
        return !set || (nullIsUnset && value === '') ? '' : word;
      case '?':
        if (!set) throw new LexError(`${name}: ${word || 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new LexError(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case '#':
      case '%': {
        let greedy = false;
        if (word.startsWith(ch)) {
          greedy = true;
          word = word.slice(1);
        }
        return ch === '%' ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    let pattern: string;
    try {
      pattern = this.processStopOn('/', true)[0];
    } catch (e) {
      if (this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
      throw e;
    }
    let replacement: string;
    try {
      replacement = this.processStopOn('}', true)[0];
    } catch (e) {
      if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
      throw e;
    }
    const [value, set] = this.getEnv(name);
    if (this.opts.skipUnsetEnv && !set) return '${' + name + '/' + pattern + '/' + replacement + '}';
    const re = patternToRegex(pattern, true, false, all ? 'gsu' : 'su');
    return value.replace(re, () => replacement);
  }
}

/**
 * Shell pattern → regular expression as BuildKit converts it: `*` (lazy unless greedy), `?`, escapes `\*`
 * `\?` `\\` (and `\}` `\/` drop the backslash); no bracket expressions.
 */
function patternToRegex(pattern: string, greedy: boolean, anchored: boolean, flags: string): RegExp {
  let out = anchored ? '^' : '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i];
    if (c === '*') {
      out += greedy ? '.*' : '.*?';
      continue;
    }
    if (c === '?') {
      out += '.';
      continue;
    }
    if (c === '\\') {
      const n = chars[i + 1];
      if (n === '}' || n === '/') continue;
      i++;
      c = chars[i] ?? '';
      if (c !== '*' && c !== '?' && c !== '\\') {
        throw new LexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${c || '\ufffd'}'`);
      }
      out += '\\' + c;
      continue;
    }
    out += /[[\]{}.+()|^$/-]/.test(c) ? '\\' + c : c;
  }
  return new RegExp(out, flags);
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const m = patternToRegex(pattern, greedy, true, 'su').exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** Reverses a pattern without reversing its escapes (a\*c → c\*a). */
function reversePattern(pattern: string): string {
  const r = Array.from(pattern);
  const out = new Array<string>(r.length);
  const last = r.length - 1;
  for (let i = 0; i <= last; ) {
    const o = last - i;
    if (r[i] === '\\' && i !== last) {
      out[o - 1] = r[i];
      out[o] = r[i + 1];
      i += 2;
    } else {
      out[o] = r[i];
      i++;
    }
  }
  return out.join('');
}

const reverseString = (s: string) => Array.from(s).reverse().join('');

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

function run<T>(word: string, f: () => T): Result<T> {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof LexError) {
      const error: EngineError = { code: 'dockerfile.expansion', message: `failed to process ${goQuote(word)}: ${e.message}` };
      return err(error);
    }
    throw e;
  }
}

/** BuildKit ProcessWord: expands one word, removing quotes and escapes. */
export function expandWord(word: string, env: EnvLike, opts: LexOptions = {}): Result<string> {
  return run(word, () => new ShellWord(word, env, opts.escape ?? '\\', opts).processStopOn(EOF)[0]);
}

/** BuildKit ProcessWords: expands and splits into words (white space inside quotes or escaped is kept). */
export function expandWords(word: string, env: EnvLike, opts: LexOptions = {}): Result<string[]> {
  return run(word, () => new ShellWord(word, env, opts.escape ?? '\\', opts).processStopOn(EOF)[1]);
}

/**
 * What BuildKit shows as a RUN step name: variables that are set are expanded, unset ones and quotes are
 * kept as written. On a lexing error the text is returned unchanged.
 */
export function expandForDisplay(text: string, env: EnvLike, opts: { escape?: string } = {}): string {
  const r = expandWord(text, env, { escape: opts.escape, rawQuotes: true, skipUnsetEnv: true });
  return r.ok ? r.value : text;
}

/** The variable names a word references (for lint rules); never fails. */
export function referencedVariables(word: string, env: EnvLike, opts: { escape?: string } = {}): { name: string; found: boolean }[] {
  const seen: { name: string; found: boolean }[] = [];
  expandWord(word, env, { escape: opts.escape, onLookup: (name, found) => seen.push({ name, found }) });
  return seen;
}
