/**
 * A POSIX sh subset parser for RUN commands: lists (`;`, `&&`, `||`, `&`, newlines), pipelines, simple
 * commands with assignments and redirections, subshells `( )`, groups `{ }`, `if`, `for`, `while`.
 * Words keep their quoting as parts so the interpreter can expand variables and globs correctly.
 */

export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'var'; name: string; op?: string; arg?: Word; quoted: boolean }
  | { t: 'cmdsub'; src: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<<' | '<<-' | '&>';
  target: Word;
  /** Heredoc delimiter (for << / <<-). */
  heredoc?: string;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  type: 'pipeline';
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

export interface List {
  type: 'list';
  items: AndOr[];
}

export type Command =
  | SimpleCommand
  | { type: 'subshell'; body: List; redirects: Redirect[] }
  | { type: 'group'; body: List; redirects: Redirect[] }
  | { type: 'if'; clauses: { cond: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
  | { type: 'for'; name: string; items: Word[] | null; body: List; redirects: Redirect[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirects: Redirect[] };

export class ShellSyntaxError extends Error {}

type Tok = { k: 'word'; w: Word; raw: string } | { k: 'op'; v: string } | { k: 'nl' } | { k: 'eof' };

const OPS = ['&&', '||', ';;', '>>', '<<-', '<<', '>&', '&>', '|', '&', ';', '<', '>', '(', ')'];

class Lexer {
  pos = 0;
  constructor(private s: string) {}

  next(): Tok {
    const s = this.s;
    // skip blanks and line continuations
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\r')) this.pos++;
      if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        continue;
      }
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      }
      break;
    }
    if (this.pos >= s.length) return { k: 'eof' };
    if (s[this.pos] === '\n') {
      this.pos++;
      return { k: 'nl' };
    }
    // fd-prefixed redirect: 2> 2>> 1>&2
    const fdm = /^(\d)(>>|>&|>|<)/.exec(s.slice(this.pos, this.pos + 4));
    if (fdm) {
      this.pos += fdm[1].length;
      this.pos += fdm[2].length;
      return { k: 'op', v: fdm[1] + fdm[2] };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { k: 'op', v: op };
      }
    }
    return this.word();
  }

  private word(): Tok {
    const s = this.s;
    const parts: WordPart[] = [];
    const start = this.pos;
    let lit = '';
    let litQuoted = false;
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted: litQuoted });
      lit = '';
    };
    const addLit = (v: string, quoted: boolean) => {
      if (lit && litQuoted !== quoted) flush();
      litQuoted = quoted;
      lit += v;
    };
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')') break;
      if (c === '\\') {
        if (s[this.pos + 1] === '\n') {
          this.pos += 2;
          continue;
        }
        addLit(s[this.pos + 1] ?? '', true);
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError('Unterminated quoted string');
        addLit(s.slice(this.pos + 1, end), true);
        if (end === this.pos + 1) {
          flush();
          parts.push({ t: 'lit', v: '', quoted: true });
        }
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        let any = false;
        while (this.pos < s.length && s[this.pos] !== '"') {
          const d = s[this.pos];
          any = true;
          if (d === '\\' && '"\\$`\n'.includes(s[this.pos + 1])) {
            if (s[this.pos + 1] !== '\n') addLit(s[this.pos + 1], true);
            this.pos += 2;
          } else if (d === '$') {
            flush();
            parts.push(this.dollar(true));
          } else if (d === '`') {
            flush();
            parts.push(this.backtick(true));
          } else {
            addLit(d, true);
            this.pos++;
          }
        }
        if (s[this.pos] !== '"') throw new ShellSyntaxError('Unterminated quoted string');
        this.pos++;
        if (!any) {
          flush();
          parts.push({ t: 'lit', v: '', quoted: true });
        }
        continue;
      }
      if (c === '$') {
        flush();
        parts.push(this.dollar(false));
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backtick(false));
        continue;
      }
      addLit(c, false);
      this.pos++;
    }
    flush();
    return { k: 'word', w: parts, raw: s.slice(start, this.pos) };
  }

  private backtick(quoted: boolean): WordPart {
    const end = this.s.indexOf('`', this.pos + 1);
    if (end < 0) throw new ShellSyntaxError('Unterminated quoted string');
    const src = this.s.slice(this.pos + 1, end);
    this.pos = end + 1;
    return { t: 'cmdsub', src, quoted };
  }

  private dollar(quoted: boolean): WordPart {
    const s = this.s;
    this.pos++; // $
    const c = s[this.pos];
    if (c === '(') {
      if (s[this.pos + 1] === '(') {
        // arithmetic $(( ... ))
        const end = s.indexOf('))', this.pos);
        if (end < 0) throw new ShellSyntaxError('Missing ))');
        const expr = s.slice(this.pos + 2, end);
        this.pos = end + 2;
        return { t: 'var', name: '((', arg: [{ t: 'lit', v: expr, quoted: true }], quoted };
      }
      let depth = 1;
      let i = this.pos + 1;
      let q: string | null = null;
      for (; i < s.length; i++) {
        const d = s[i];
        if (q) {
          if (d === q) q = null;
          else if (d === '\\' && q === '"') i++;
          continue;
        }
        if (d === "'" || d === '"') q = d;
        else if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      if (depth !== 0) throw new ShellSyntaxError("Syntax error: end of file unexpected (expecting \")\")");
      const src = s.slice(this.pos + 1, i);
      this.pos = i + 1;
      return { t: 'cmdsub', src, quoted };
    }
    if (c === '{') {
      const end = s.indexOf('}', this.pos);
      if (end < 0) throw new ShellSyntaxError('Syntax error: Missing \'}\'');
      const inner = s.slice(this.pos + 1, end);
      this.pos = end + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!-])(?:(:?[-+=?]|##?|%%?)([\s\S]*))?$/.exec(inner);
      if (!m) {
        if (/^#[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) return { t: 'var', name: inner.slice(1), op: 'len', quoted };
        throw new ShellSyntaxError(`Syntax error: Bad substitution`);
      }
      const arg = m[2] !== undefined ? new Lexer(m[3] ?? '').wordOnly() : undefined;
      return { t: 'var', name: m[1], op: m[2], arg, quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-])/.exec(s.slice(this.pos));
    if (!m) return { t: 'lit', v: '$', quoted };
    this.pos += m[1].length;
    return { t: 'var', name: m[1], quoted };
  }

  /** The whole input as one word (for ${x:-default words}). */
  wordOnly(): Word {
    const parts: WordPart[] = [];
    let lit = '';
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '$') {
        if (lit) parts.push({ t: 'lit', v: lit, quoted: true });
        lit = '';
        parts.push(this.dollar(true));
      } else if (c === '"' || c === "'") {
        this.pos++;
      } else {
        lit += c;
        this.pos++;
      }
    }
    if (lit) parts.push({ t: 'lit', v: lit, quoted: true });
    return parts;
  }
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', '{', '}', '!']);

export function wordText(w: Word): string | null {
  if (w.length === 1 && w[0].t === 'lit' && !w[0].quoted) return w[0].v;
  return null;
}

class Parser {
  private lx: Lexer;
  private tok: Tok;
  constructor(src: string) {
    this.lx = new Lexer(src);
    this.tok = this.lx.next();
  }
  private advance(): Tok {
    const t = this.tok;
    this.tok = this.lx.next();
    return t;
  }
  private cur(): Tok {
    return this.tok;
  }
  private isStop(stops: Set<string>): boolean {
    const t = this.tok;
    return t.k === 'word' && stops.has(wordText(t.w) ?? '');
  }
  private isWord(v: string): boolean {
    return this.tok.k === 'word' && wordText(this.tok.w) === v;
  }
  private isOp(v: string): boolean {
    return this.tok.k === 'op' && this.tok.v === v;
  }
  private skipNl(): void {
    while (this.tok.k === 'nl') this.advance();
  }
  private expectWord(v: string): void {
    this.skipNl();
    if (!this.isWord(v)) throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected (expecting "${v}")`);
    this.advance();
  }
  private describe(): string {
    const t = this.tok;
    if (t.k === 'eof') return 'end of file';
    if (t.k === 'nl') return 'newline';
    if (t.k === 'op') return `"${t.v}"`;
    return `"${t.raw}"`;
  }

  parseAll(): List {
    const l = this.list(new Set());
    this.skipNl();
    if (this.tok.k !== 'eof') throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected`);
    return l;
  }

  /** A list up to one of the terminator words (then, fi, do, done, ...) or `)` / `}`. */
  private list(stops: Set<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNl();
      if (this.tok.k === 'eof') break;
      if (this.tok.k === 'word' && stops.has(wordText(this.tok.w) ?? '')) break;
      if (this.isOp(')')) break;
      items.push(this.andOr());
      if (this.isOp(';') || this.isOp('&')) this.advance();
      else if (this.tok.k === 'nl') this.advance();
      else if (this.cur().k === 'eof') break;
      else if (this.isStop(stops)) break;
      else if (this.isOp(')')) break;
      else throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected`);
    }
    return { type: 'list', items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; p: Pipeline }[] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.advance() as { v: string }).v as '&&' | '||';
      this.skipNl();
      rest.push({ op, p: this.pipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.advance();
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.advance();
      this.skipNl();
      commands.push(this.command());
    }
    return { type: 'pipeline', negate, commands };
  }

  private command(): Command {
    if (this.tok.k === 'eof' || this.tok.k === 'nl') throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected`);
    if (this.isOp('(')) {
      this.advance();
      const body = this.list(new Set());
      if (!this.isOp(')')) throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected (expecting ")")`);
      this.advance();
      return { type: 'subshell', body, redirects: this.redirects() };
    }
    if (this.isWord('{')) {
      this.advance();
      const body = this.list(new Set(['}']));
      this.expectWord('}');
      return { type: 'group', body, redirects: this.redirects() };
    }
    if (this.isWord('if')) {
      this.advance();
      const clauses: { cond: List; body: List }[] = [];
      let elseBody: List | undefined;
      const cond = this.list(new Set(['then']));
      this.expectWord('then');
      clauses.push({ cond, body: this.list(new Set(['elif', 'else', 'fi'])) });
      for (;;) {
        this.skipNl();
        if (this.isWord('elif')) {
          this.advance();
          const c = this.list(new Set(['then']));
          this.expectWord('then');
          clauses.push({ cond: c, body: this.list(new Set(['elif', 'else', 'fi'])) });
        } else if (this.isWord('else')) {
          this.advance();
          elseBody = this.list(new Set(['fi']));
        } else break;
      }
      this.expectWord('fi');
      return { type: 'if', clauses, elseBody, redirects: this.redirects() };
    }
    if (this.isWord('for')) {
      this.advance();
      if (this.tok.k !== 'word') throw new ShellSyntaxError('Syntax error: Bad for loop variable');
      const name = wordText(this.tok.w) ?? '';
      this.advance();
      let items: Word[] | null = null;
      this.skipNl();
      if (this.isWord('in')) {
        this.advance();
        items = [];
        while (this.tok.k === 'word') items.push((this.advance() as { w: Word }).w);
      }
      if (this.isOp(';')) this.advance();
      this.expectWord('do');
      const body = this.list(new Set(['done']));
      this.expectWord('done');
      return { type: 'for', name, items, body, redirects: this.redirects() };
    }
    if (this.isWord('while') || this.isWord('until')) {
      const until = this.isWord('until');
      this.advance();
      const cond = this.list(new Set(['do']));
      this.expectWord('do');
      const body = this.list(new Set(['done']));
      this.expectWord('done');
      return { type: 'while', until, cond, body, redirects: this.redirects() };
    }
    return this.simple();
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const r = this.redirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private redirect(): Redirect | null {
    if (this.tok.k !== 'op') return null;
    const m = /^(\d)?(>>|>&|>|<<-|<<|<|&>)$/.exec(this.tok.v);
    if (!m) return null;
    this.advance();
    const op = m[2] as Redirect['op'];
    const fd = m[1] !== undefined ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    if (this.cur().k !== 'word') throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected`);
    const w = (this.advance() as { w: Word; raw: string });
    if (op === '<<' || op === '<<-') return { fd, op, target: w.w, heredoc: w.w.map((p) => (p.t === 'lit' ? p.v : '')).join('') };
    return { fd, op, target: w.w };
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const r = this.redirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      if (this.tok.k !== 'word') break;
      const t = this.tok;
      if (cmd.words.length === 0) {
        const first = t.w[0];
        const m = first && first.t === 'lit' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v) : null;
        if (m) {
          const value: Word = [{ t: 'lit', v: (first as { v: string }).v.slice(m[0].length), quoted: false } as WordPart, ...t.w.slice(1)].filter((p) => !(p.t === 'lit' && p.v === '' && !p.quoted));
          cmd.assigns.push({ name: m[1], value });
          this.advance();
          continue;
        }
        if (RESERVED.has(wordText(t.w) ?? '') && ['then', 'do', 'done', 'fi', 'else', 'elif', '}'].includes(wordText(t.w) ?? '')) {
          throw new ShellSyntaxError(`Syntax error: "${wordText(t.w)}" unexpected`);
        }
      }
      cmd.words.push(t.w);
      this.advance();
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      throw new ShellSyntaxError(`Syntax error: ${this.describe()} unexpected`);
    }
    return cmd;
  }
}

export function parseShell(src: string): List {
  return new Parser(src).parseAll();
}
