/**
 * The shell language subset of the container shell: lists (`;`, newline, `&`), `&&`/`||`, pipelines `|`,
 * simple commands with `VAR=value` prefixes, redirections (`>`, `>>`, `<`, `2>`, `2>&1`, `&>`), quoting
 * ('single', "double", \escape), expansions ($VAR, ${VAR}, ${VAR:-x}, $?, $$, $#, $1.., $@, $(cmd), `cmd`),
 * globs, and the compound commands `if/then/elif/else/fi`, `for NAME in ...; do ...; done`, `while`/`until`.
 */
export type Seg = { text: string; quote: 'none' | 'single' | 'double' };
export type Word = Seg[];

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

export interface Simple {
  type: 'simple';
  assigns: [string, Word][];
  words: Word[];
  redirs: Redir[];
}

/** Compound commands may carry redirections too (`while read l; do ...; done < file`, `{ ...; } > out`). */
export type Command =
  | Simple
  | { type: 'if'; clauses: { cond: List; body: List }[]; otherwise: List | null; redirs?: Redir[] }
  | { type: 'for'; name: string; items: Word[]; body: List; redirs?: Redir[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirs?: Redir[] }
  | { type: 'group'; body: List; subshell: boolean; redirs?: Redir[] };

export interface Pipeline {
  negate: boolean;
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
  /** Ended by `&`: runs in the background. */
  background?: boolean;
}

export type List = AndOr[];

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete = false,
  ) {
    super(message);
  }
}

type Tok = { k: 'word'; w: Word; raw: string } | { k: 'op'; v: string } | { k: 'nl' } | { k: 'eof' };

const OPS = ['&&', '||', '>>', '>&', '&>', '|', '&', ';', '<', '>', '(', ')'];

/** Reads `$(...)` or `` `...` `` starting at i (at "$(" or "`"); returns the end index after the closing char. */
function scanSubst(s: string, i: number): number {
  if (s[i] === '`') {
    const end = s.indexOf('`', i + 1);
    if (end < 0) throw new ShellSyntaxError('unterminated `', true);
    return end + 1;
  }
  let depth = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === "'") {
      const e = s.indexOf("'", j + 1);
      if (e < 0) break;
      j = e;
    }
  }
  throw new ShellSyntaxError("unterminated $(", true);
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ k: 'nl' });
      i++;
      continue;
    }
    const fd = /^(\d)(>>|>&|>|<)/.exec(s.slice(i, i + 4));
    if (fd) {
      toks.push({ k: 'op', v: fd[1] + fd[2] });
      i += fd[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op) {
      toks.push({ k: 'op', v: op });
      i += op.length;
      continue;
    }
    // a word
    const w: Word = [];
    const start = i;
    let lit = '';
    const flush = () => {
      if (lit) w.push({ text: lit, quote: 'none' });
      lit = '';
    };
    while (i < s.length) {
      const ch = s[i];
      if (' \t\r\n;&|<>()'.includes(ch)) break;
      if (ch === '\\') {
        flush();
        if (i + 1 >= s.length) throw new ShellSyntaxError('unexpected end of input', true);
        w.push({ text: s[i + 1], quote: 'single' });
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = s.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError('unterminated quoted string', true);
        flush();
        w.push({ text: s.slice(i + 1, end), quote: 'single' });
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        flush();
        let j = i + 1;
        let text = '';
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\' && '"\\$`\n'.includes(s[j + 1] ?? '')) {
            if (s[j + 1] !== '\n') text += s[j] + s[j + 1];
            j += 2;
            continue;
          }
          if ((s[j] === '$' && s[j + 1] === '(') || s[j] === '`') {
            const e = scanSubst(s, j);
            text += s.slice(j, e);
            j = e;
            continue;
          }
          text += s[j++];
        }
        if (j >= s.length) throw new ShellSyntaxError('unterminated quoted string', true);
        w.push({ text, quote: 'double' });
        i = j + 1;
        continue;
      }
      if ((ch === '$' && s[i + 1] === '(') || ch === '`') {
        const e = scanSubst(s, i);
        lit += s.slice(i, e);
        i = e;
        continue;
      }
      if (ch === '$' && s[i + 1] === '{') {
        const e = s.indexOf('}', i);
        if (e < 0) throw new ShellSyntaxError('bad substitution', true);
        lit += s.slice(i, e + 1);
        i = e + 1;
        continue;
      }
      lit += ch;
      i++;
    }
    flush();
    toks.push({ k: 'word', w, raw: s.slice(start, i) });
  }
  toks.push({ k: 'eof' });
  return toks;
}

const RESERVED_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}']);

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.k === 'word' && t.raw === v;
  }
  private skipNl(): void {
    while (this.peek().k === 'nl' || (this.peek().k === 'op' && (this.peek() as any).v === ';' && false)) this.i++;
  }
  private expectWord(v: string): void {
    this.skipSeps();
    if (!this.isWord(v)) {
      const t = this.peek();
      if (t.k === 'eof') throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "${v}")`, true);
      throw new ShellSyntaxError(`syntax error: unexpected ${t.k === 'word' ? `"${t.raw}"` : t.k === 'op' ? `"${t.v}"` : 'newline'} (expecting "${v}")`);
    }
    this.i++;
  }
  private skipSeps(): void {
    for (;;) {
      const t = this.peek();
      if (t.k === 'nl' || (t.k === 'op' && t.v === ';')) this.i++;
      else break;
    }
  }

  parseList(stopAtReserved: boolean): List {
    const list: List = [];
    this.skipSeps();
    for (;;) {
      const t = this.peek();
      if (t.k === 'eof') break;
      if (t.k === 'op' && t.v === ')') break;
      if (stopAtReserved && t.k === 'word' && RESERVED_END.has(t.raw)) break;
      const item = this.parseAndOr();
      list.push(item);
      const s = this.peek();
      if (s.k === 'op' && s.v === '&') {
        item.background = true;
        this.i++;
      } else if (s.k === 'op' && s.v === ';') this.i++;
      else if (s.k === 'nl') this.i++;
      else if (s.k !== 'eof' && !(s.k === 'op' && s.v === ')') && !(s.k === 'word' && RESERVED_END.has(s.raw))) {
        throw new ShellSyntaxError(`syntax error: unexpected "${s.k === 'op' ? s.v : s.k === 'word' ? s.raw : 'newline'}"`);
      }
      this.skipSeps();
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && (t.v === '&&' || t.v === '||')) {
        this.i++;
        this.skipNl();
        if (this.peek().k === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', true);
        rest.push({ op: t.v as '&&' | '||', p: this.parsePipeline() });
      } else break;
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.i++;
    }
    const cmds = [this.parseCommand()];
    while (this.peek().k === 'op' && (this.peek() as any).v === '|') {
      this.i++;
      this.skipNl();
      if (this.peek().k === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', true);
      cmds.push(this.parseCommand());
    }
    return { negate, cmds };
  }

  private parseCommand(): Command {
    const c = this.parseCommandOnly();
    if (c.type === 'simple') return c;
    const redirs: Redir[] = [];
    while (this.parseRedir(redirs));
    if (redirs.length) c.redirs = redirs;
    return c;
  }

  /** One redirection at the cursor into `out`; false when there is none. */
  private parseRedir(out: Redir[]): boolean {
    const t = this.peek();
    if (!(t.k === 'op' && /^(\d?)(>>|>&|>|<|&>)$/.test(t.v))) return false;
    this.i++;
    const target = this.peek();
    if (target.k !== 'word') {
      throw new ShellSyntaxError(`syntax error: unexpected ${target.k === 'eof' || target.k === 'nl' ? 'newline' : `"${(target as any).v}"`}`);
    }
    this.i++;
    const m = /^(\d?)(.*)$/.exec(t.v)!;
    const op = m[2];
    if (op === '&>') {
      out.push({ fd: 1, op: '>', target: target.w }, { fd: 2, op: '>&', target: [{ text: '1', quote: 'none' }] });
    } else {
      const fdn = m[1] ? Number(m[1]) : op === '<' ? 0 : 1;
      out.push({ fd: fdn, op: op as Redir['op'], target: target.w });
    }
    return true;
  }

  private parseCommandOnly(): Command {
    const t = this.peek();
    if (t.k === 'word') {
      if (t.raw === 'if') return this.parseIf();
      if (t.raw === 'for') return this.parseFor();
      if (t.raw === 'while' || t.raw === 'until') return this.parseWhile();
      if (t.raw === '{') {
        this.i++;
        const body = this.parseList(true);
        this.expectWord('}');
        return { type: 'group', body, subshell: false };
      }
    }
    if (t.k === 'op' && t.v === '(') {
      this.i++;
      const body = this.parseList(false);
      const c = this.peek();
      if (!(c.k === 'op' && c.v === ')')) throw new ShellSyntaxError('syntax error: unexpected end of file (expecting ")")', c.k === 'eof');
      this.i++;
      return { type: 'group', body, subshell: true };
    }
    return this.parseSimple();
  }

  private parseIf(): Command {
    this.i++;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | null = null;
    const cond = this.parseList(true);
    this.expectWord('then');
    clauses.push({ cond, body: this.parseList(true) });
    for (;;) {
      this.skipSeps();
      if (this.isWord('elif')) {
        this.i++;
        const c = this.parseList(true);
        this.expectWord('then');
        clauses.push({ cond: c, body: this.parseList(true) });
        continue;
      }
      if (this.isWord('else')) {
        this.i++;
        otherwise = this.parseList(true);
      }
      break;
    }
    this.expectWord('fi');
    return { type: 'if', clauses, otherwise };
  }

  private parseFor(): Command {
    this.i++;
    const n = this.peek();
    if (n.k !== 'word') throw new ShellSyntaxError('syntax error: bad for loop variable');
    this.i++;
    const items: Word[] = [];
    this.skipNl();
    if (this.isWord('in')) {
      this.i++;
      while (this.peek().k === 'word' && !this.isWord('do')) {
        items.push((this.peek() as any).w);
        this.i++;
      }
    } else items.push([{ text: '$@', quote: 'double' as const }]);
    this.expectWord('do');
    const body = this.parseList(true);
    this.expectWord('done');
    return { type: 'for', name: n.raw, items, body };
  }

  private parseWhile(): Command {
    const until = this.isWord('until');
    this.i++;
    const cond = this.parseList(true);
    this.expectWord('do');
    const body = this.parseList(true);
    this.expectWord('done');
    return { type: 'while', until, cond, body };
  }

  private parseSimple(): Simple {
    const cmd: Simple = { type: 'simple', assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.peek();
      if (this.parseRedir(cmd.redirs)) continue;
      if (t.k !== 'word') break;
      if (cmd.words.length === 0 && RESERVED_END.has(t.raw)) break;
      const am = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (cmd.words.length === 0 && am && t.w[0]?.quote === 'none' && t.w[0].text.startsWith(am[0])) {
        const value: Word = [{ text: t.w[0].text.slice(am[0].length), quote: 'none' as const }, ...t.w.slice(1)].filter((s, idx) => idx > 0 || s.text !== '');
        cmd.assigns.push([am[1], value]);
        this.i++;
        continue;
      }
      cmd.words.push(t.w);
      this.i++;
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirs.length) {
      const t = this.peek();
      throw new ShellSyntaxError(`syntax error: unexpected ${t.k === 'op' ? `"${t.v}"` : t.k === 'eof' ? 'end of file' : t.k === 'nl' ? 'newline' : `"${(t as any).raw}"`}`, t.k === 'eof');
    }
    return cmd;
  }
}

export function parseShell(src: string): List {
  const p = new Parser(tokenize(src));
  const list = p.parseList(false);
  return list;
}

/** Whether the text needs more lines (open quote, trailing `&&`, `if` without `fi`...). */
export function isIncomplete(src: string): boolean {
  try {
    const p = new Parser(tokenize(src));
    p.parseList(false);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && e.incomplete;
  }
}
