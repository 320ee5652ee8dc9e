/**
 * The shell language of busybox ash, parsed into an AST: lists (`;`, newline, `&`), `&&`/`||`, `!` pipelines,
 * simple commands with `NAME=value` prefixes and redirections (`<`, `>`, `>>`, `>|`, `<>`, `N>&M`, `N>&-`,
 * here-documents `<<`, `<<-`, quoted delimiters), and the compound commands `if`, `for`, `while`/`until`, `case`,
 * `{ ...; }`, `( ... )` and function definitions `name() body`.
 *
 * Words keep their source text (quotes, `$...`, backticks included); expand.ts gives them meaning. The lexer
 * only finds where a word ends: quotes, `${...}`, `$((...))`, backticks and `$(...)` (parsed as a nested list,
 * so a `case` inside it is right) are skipped over whole. Error messages are ash's.
 */
export type Word = string;

export interface HereDoc {
  body: string;
  /** A quoted delimiter (`<<'EOF'`): the body is taken literally. */
  quoted: boolean;
}

export interface Redir {
  /** The file descriptor redirected, or null for the operator's default (0 for input, 1 for output). */
  fd: number | null;
  op: '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';
  target: Word;
  heredoc?: HereDoc;
}

export interface Simple {
  type: 'simple';
  /** `NAME=value` words before the command name. */
  assigns: Word[];
  words: Word[];
  redirs: Redir[];
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: List;
}

export type Command =
  | Simple
  | { type: 'if'; clauses: { cond: List; body: List }[]; otherwise: List | null; redirs: Redir[] }
  | { type: 'for'; name: string; items: Word[] | null; body: List; redirs: Redir[]; line: number }
  | { type: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { type: 'case'; word: Word; items: CaseItem[]; redirs: Redir[] }
  | { type: 'group'; body: List; redirs: Redir[] }
  | { type: 'subshell'; body: List; redirs: Redir[] }
  | { type: 'function'; name: string; body: Command; redirs: Redir[] }
  /** `[[ ... ]]` (busybox's bash compatibility): operands stay words; `&&`, `||`, `(`, `)`, `<`, `>` are operators. */
  | { type: 'dbracket'; args: { raw: string; op: boolean }[]; redirs: Redir[]; line: number; unterminated?: boolean };

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
    /** The text ended too early: more lines could complete it. */
    readonly incomplete = false,
    /** Line of the error (0-based within the parsed text). */
    readonly line = 0,
  ) {
    super(message);
  }
}

type Tok = { k: 'word'; raw: string; line: number } | { k: 'op'; v: string } | { k: 'nl' } | { k: 'eof' };

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '>|', '<>', '<&', '>&', '|', '&', ';', '<', '>', '(', ')'];
/** Words that end a list in some compound command. */
const LIST_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', '{', '}', '!']);

/** A token as ash names it in syntax errors: `")"`, `"fi"` (keywords), `word`, `newline`, `end of file`. */
function describe(t: Tok): string {
  if (t.k === 'eof') return 'end of file';
  if (t.k === 'nl') return 'newline';
  if (t.k === 'word' && !KEYWORDS.has(t.raw)) return 'word';
  return `"${t.k === 'op' ? t.v : t.raw}"`;
}

class Lexer {
  i: number;
  line = 0;
  /** A here-document ran to the end of the text without its delimiter line (more lines may come). */
  hereDocOpen = false;
  private pending: { delim: string; strip: boolean; doc: HereDoc }[] = [];

  constructor(
    readonly s: string,
    start = 0,
  ) {
    this.i = start;
  }

  fail(msg: string, incomplete = false): never {
    throw new ShellSyntaxError(`syntax error: ${msg}`, incomplete, this.line);
  }

  hereDoc(delim: string, strip: boolean, doc: HereDoc): void {
    this.pending.push({ delim, strip, doc });
  }

  next(): Tok {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        this.line++;
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else break;
    }
    if (this.i >= s.length) {
      if (this.pending.length) this.readHereDocs();
      return { k: 'eof' };
    }
    const c = s[this.i];
    if (c === '\n') {
      this.i++;
      this.line++;
      if (this.pending.length) this.readHereDocs();
      return { k: 'nl' };
    }
    const fd = /^(\d+)(?=[<>])/.exec(s.slice(this.i, this.i + 4));
    if (fd) {
      const op = OPS.find((o) => s.startsWith(o, this.i + fd[1].length))!;
      this.i += fd[1].length + op.length;
      return { k: 'op', v: fd[1] + op };
    }
    const op = OPS.find((o) => s.startsWith(o, this.i));
    if (op) {
      this.i += op.length;
      return { k: 'op', v: op };
    }
    const line = this.line;
    let raw = '';
    while (this.i < s.length) {
      const ch = s[this.i];
      if (' \t\r\n;&|<>()'.includes(ch)) break;
      const from = this.i;
      if (ch === '\\') {
        if (s[this.i + 1] === '\n') {
          this.i += 2;
          this.line++;
          continue;
        }
        this.i += 2;
      } else if (ch === "'") {
        const e = s.indexOf("'", this.i + 1);
        if (e < 0) this.fail('unterminated quoted string', true);
        this.countLines(this.i, e);
        this.i = e + 1;
      } else if (ch === '"') this.skipDouble();
      else if (ch === '`') this.skipBackquote();
      else if (ch === '$') this.skipDollar();
      else this.i++;
      raw += s.slice(from, Math.min(this.i, s.length));
    }
    return { k: 'word', raw, line };
  }

  /** Skips the `$...` or backquoted text at the cursor. */
  skipAt(): void {
    if (this.s[this.i] === '`') this.skipBackquote();
    else this.skipDollar();
  }

  private countLines(a: number, b: number): void {
    for (let j = a; j < b; j++) if (this.s[j] === '\n') this.line++;
  }

  private skipDouble(): void {
    const s = this.s;
    this.i++;
    while (this.i < s.length && s[this.i] !== '"') {
      const ch = s[this.i];
      if (ch === '\\') {
        if (s[this.i + 1] === '\n') this.line++;
        this.i += 2;
      } else if (ch === '`') this.skipBackquote();
      else if (ch === '$') this.skipDollar();
      else {
        if (ch === '\n') this.line++;
        this.i++;
      }
    }
    if (this.i >= s.length) this.fail('unterminated quoted string', true);
    this.i++;
  }

  private skipBackquote(): void {
    const s = this.s;
    this.i++;
    while (this.i < s.length && s[this.i] !== '`') {
      if (s[this.i] === '\\') this.i++;
      else if (s[this.i] === '\n') this.line++;
      this.i++;
    }
    if (this.i >= s.length) this.fail('EOF in backquote substitution', true);
    this.i++;
  }

  /** At `$`: skips `${...}`, `$((...))`, `$(...)` or leaves a plain `$name` to the caller. */
  private skipDollar(): void {
    const s = this.s;
    const n = s[this.i + 1];
    if (n === "'") {
      // $'...': backslash escapes inside single quotes (busybox's bash compatibility).
      let j = this.i + 2;
      while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) this.fail('unterminated quoted string', true);
      this.countLines(this.i, j);
      this.i = j + 1;
      return;
    }
    if (n === '{') {
      const body = this.i + 2;
      const head = s.slice(body, body + 200);
      const valid = /^#\}/.test(head) || /^#?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])[}:=?+%#/-]/.test(head);
      this.i += 2;
      let depth = 1;
      while (this.i < s.length) {
        const ch = s[this.i];
        if (ch === '\\') this.i += 2;
        else if (ch === "'") {
          const e = s.indexOf("'", this.i + 1);
          if (e < 0) this.fail('unterminated quoted string', true);
          this.i = e + 1;
        } else if (ch === '"') this.skipDouble();
        else if (ch === '`') this.skipBackquote();
        else if (ch === '$' && (s[this.i + 1] === '{' || s[this.i + 1] === '(')) this.skipDollar();
        else if (ch === '}') {
          if (--depth === 0) break;
          this.i++;
        } else {
          if (ch === '\n') this.line++;
          this.i++;
        }
      }
      if (this.i >= s.length) this.fail("missing '}'", true);
      this.i++;
      if (!valid) this.fail('bad substitution');
      return;
    }
    if (n === '(' && s[this.i + 2] === '(') {
      let depth = 0;
      let j = this.i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
        else if (s[j] === '\n') this.line++;
      }
      // `$((...))` ends at `))`; a `$((cmd) ...)` that does not is a command substitution of a subshell.
      if (j < s.length && s[j - 1] === ')') {
        this.i = j + 1;
        return;
      }
      if (j >= s.length) this.fail("missing '))'", true);
    }
    if (n === '(') {
      const sub = new Parser(new Lexer(s, this.i + 2));
      sub.lex.line = this.line;
      sub.parseList(new Set());
      const t = sub.peek();
      if (t.k === 'eof') this.fail('unexpected end of file (expecting ")")', true);
      if (!(t.k === 'op' && t.v === ')')) this.fail(`unexpected ${describe(t)}`);
      this.line = sub.lex.line;
      this.i = sub.lex.i;
      return;
    }
    this.i++;
  }

  private readHereDocs(): void {
    const s = this.s;
    for (const h of this.pending) {
      let body = '';
      for (;;) {
        if (this.i >= s.length) {
          this.hereDocOpen = true;
          break;
        }
        const e = s.indexOf('\n', this.i);
        const end = e < 0 ? s.length : e;
        let ln = s.slice(this.i, end);
        this.i = e < 0 ? s.length : e + 1;
        this.line++;
        if (h.strip) ln = ln.replace(/^\t+/, '');
        if (ln === h.delim) break;
        body += ln + '\n';
      }
      h.doc.body = body;
    }
    this.pending = [];
  }
}

/** A word's text with quotes removed (here-document delimiters, `for` names). */
export function unquote(w: Word): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (c === '\\') out += w[++i] ?? '';
    else if (c === "'") {
      const e = w.indexOf("'", i + 1);
      out += w.slice(i + 1, e);
      i = e;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < w.length && w[j] !== '"'; j++) {
        if (w[j] === '\\' && '"\\$`'.includes(w[j + 1])) j++;
        out += w[j];
      }
      i = j;
    } else out += c;
  }
  return out;
}

class Parser {
  private tok: Tok | null = null;
  /** Set when a one-line list ended at its newline. */
  lineEnded = false;
  constructor(readonly lex: Lexer) {}

  peek(): Tok {
    return (this.tok ??= this.lex.next());
  }
  private take(): Tok {
    const t = this.peek();
    this.tok = null;
    return t;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.k === 'word' && t.raw === v;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private unexpected(expecting?: string, always = false): never {
    const t = this.peek();
    const msg = `unexpected ${describe(t)}${expecting && (always || t.k === 'eof') ? ` (expecting "${expecting}")` : ''}`;
    throw new ShellSyntaxError(`syntax error: ${msg}`, t.k === 'eof', this.lex.line);
  }
  /** A word was needed (`case`, `function`): `unexpected X (expecting word)`. */
  private unexpectedWord(): never {
    const t = this.peek();
    throw new ShellSyntaxError(`syntax error: unexpected ${describe(t)} (expecting word)`, t.k === 'eof', this.lex.line);
  }

  private skipNl(): void {
    while (this.peek().k === 'nl') this.take();
  }
  private expectWord(v: string): void {
    this.skipNl();
    if (!this.isWord(v)) this.unexpected(v);
    this.take();
  }

  /** A list up to one of `stops` (reserved words), `)`, `;;` or the end; `oneLine`: or the end of the line. */
  parseList(stops: Set<string>, oneLine = false): List {
    const list: List = [];
    this.skipNl();
    for (;;) {
      const t = this.peek();
      if (t.k === 'eof' || (t.k === 'op' && (t.v === ')' || t.v === ';;'))) break;
      if (t.k === 'word' && stops.has(t.raw)) break;
      const item = this.parseAndOr();
      list.push(item);
      const s = this.peek();
      if (s.k === 'op' && (s.v === '&' || s.v === ';')) {
        if (s.v === '&') item.background = true;
        this.take();
        if (oneLine && this.peek().k === 'nl') {
          this.take();
          this.lineEnded = true;
          break;
        }
      } else if (s.k === 'nl') {
        this.take();
        if (oneLine) {
          this.lineEnded = true;
          break;
        }
      }
      else if (!(s.k === 'eof' || (s.k === 'op' && (s.v === ')' || s.v === ';;')) || (s.k === 'word' && stops.has(s.raw)))) this.unexpected();
      this.skipNl();
    }
    return list;
  }

  /** A list that must not be empty (`if` conditions, loop bodies...). */
  private body(stops: Set<string>, expecting: string): List {
    const l = this.parseList(stops);
    if (!l.length) this.unexpected(expecting);
    return l;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.take() as { v: '&&' | '||' }).v;
      this.skipNl();
      rest.push({ op, p: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    while (this.isWord('!')) {
      negate = !negate;
      this.take();
    }
    const cmds = [this.parseCommand()];
    while (this.isOp('|')) {
      this.take();
      this.skipNl();
      cmds.push(this.parseCommand());
    }
    return { negate, cmds };
  }

  private parseCommand(): Command {
    const t = this.peek();
    let c: Command | null = null;
    if (t.k === 'word') {
      if (t.raw === 'if') c = this.parseIf();
      else if (t.raw === 'for') c = this.parseFor();
      else if (t.raw === 'while' || t.raw === 'until') c = this.parseWhile();
      else if (t.raw === 'case') c = this.parseCase();
      else if (t.raw === '[[') c = this.parseDBracket(t.line);
      else if (t.raw === 'function') {
        this.take();
        const n = this.peek();
        if (n.k !== 'word' || !NAME.test(n.raw)) this.unexpectedWord();
        this.take();
        if (this.isOp('(')) {
          this.take();
          if (!this.isOp(')')) this.unexpected();
          this.take();
        }
        this.skipNl();
        return { type: 'function', name: (n as { raw: string }).raw, body: this.parseCommand(), redirs: [] };
      }
      else if (t.raw === '{') {
        this.take();
        const body = this.body(new Set(['}']), '}');
        this.expectWord('}');
        c = { type: 'group', body, redirs: [] };
      } else if (LIST_END.has(t.raw) || t.raw === 'in') this.unexpected();
    } else if (t.k === 'op' && t.v === '(') {
      this.take();
      const body = this.body(new Set(), ')');
      if (!this.isOp(')')) this.unexpected(')');
      this.take();
      c = { type: 'subshell', body, redirs: [] };
    }
    if (!c) return this.parseSimple();
    while (this.parseRedir(c.redirs));
    return c;
  }

  /** One redirection at the cursor into `out`; false when there is none. */
  private parseRedir(out: Redir[]): boolean {
    const t = this.peek();
    if (t.k !== 'op') return false;
    const m = /^(\d*)(<<-|<<|>>|>\||<>|<&|>&|<|>)$/.exec(t.v);
    if (!m) return false;
    this.take();
    const target = this.peek();
    if (target.k !== 'word') this.unexpected();
    this.take();
    const op = m[2] as Redir['op'];
    const r: Redir = { fd: m[1] ? Number(m[1]) : null, op, target: target.raw };
    if (op === '<<' || op === '<<-') {
      r.heredoc = { body: '', quoted: /['"\\]/.test(target.raw) };
      this.lex.hereDoc(unquote(target.raw), op === '<<-', r.heredoc);
    }
    out.push(r);
    return true;
  }

  private parseIf(): Command {
    this.take();
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | null = null;
    const stopThen = new Set(['then']);
    const stopElse = new Set(['elif', 'else', 'fi']);
    let cond = this.body(stopThen, 'then');
    this.expectWord('then');
    clauses.push({ cond, body: this.body(stopElse, 'fi') });
    for (;;) {
      if (this.isWord('elif')) {
        this.take();
        cond = this.body(stopThen, 'then');
        this.expectWord('then');
        clauses.push({ cond, body: this.body(stopElse, 'fi') });
        continue;
      }
      if (this.isWord('else')) {
        this.take();
        otherwise = this.body(new Set(['fi']), 'fi');
      }
      break;
    }
    this.expectWord('fi');
    return { type: 'if', clauses, otherwise, redirs: [] };
  }

  private parseFor(): Command {
    this.take();
    const n = this.take();
    if (n.k !== 'word' || !NAME.test(n.raw)) throw new ShellSyntaxError('syntax error: bad for loop variable', false, this.lex.line);
    let items: Word[] | null = null;
    this.skipNl();
    if (this.isWord('in')) {
      this.take();
      items = [];
      for (let t = this.peek(); t.k === 'word'; t = this.peek()) {
        items.push(t.raw);
        this.take();
      }
      if (this.isOp(';')) this.take();
      else if (this.peek().k !== 'nl') this.unexpected();
    } else if (this.isOp(';')) this.take();
    this.expectWord('do');
    const body = this.body(new Set(['done']), 'done');
    this.expectWord('done');
    return { type: 'for', name: n.raw, items, body, redirs: [], line: n.line };
  }

  private parseWhile(): Command {
    const until = (this.take() as { raw: string }).raw === 'until';
    const cond = this.body(new Set(['do']), 'do');
    this.expectWord('do');
    const body = this.body(new Set(['done']), 'done');
    this.expectWord('done');
    return { type: 'while', until, cond, body, redirs: [] };
  }

  private parseCase(): Command {
    this.take();
    const w = this.peek();
    if (w.k !== 'word') this.unexpectedWord();
    this.take();
    this.skipNl();
    if (!this.isWord('in')) this.unexpected('in');
    this.take();
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNl();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.peek();
        if (p.k !== 'word') this.unexpected(')');
        patterns.push(p.raw);
        this.take();
        if (this.isOp('|')) this.take();
        else break;
      }
      if (!this.isOp(')')) this.unexpected(')');
      this.take();
      const body = this.parseList(new Set(['esac']));
      items.push({ patterns, body });
      if (this.isOp(';;')) this.take();
      else break;
    }
    this.skipNl();
    if (!this.isWord('esac')) this.unexpected('esac');
    this.take();
    return { type: 'case', word: w.raw, items, redirs: [] };
  }

  private parseDBracket(line: number): Command {
    this.take();
    const args: { raw: string; op: boolean }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'word' && t.raw === ']]') break;
      // Unterminated: ash's [[ command reports `missing ]]` when it runs.
      if (t.k === 'eof' || t.k === 'nl') return { type: 'dbracket', args, redirs: [], line, unterminated: true };
      if (t.k === 'word') args.push({ raw: t.raw, op: t.raw === '!' });
      else if (t.k === 'op' && ['&&', '||', '(', ')', '<', '>'].includes(t.v)) args.push({ raw: t.v, op: true });
      else this.unexpected(']]');
      this.take();
    }
    this.take();
    return { type: 'dbracket', args, redirs: [], line };
  }

  private parseSimple(): Command {
    const cmd: Simple = { type: 'simple', assigns: [], words: [], redirs: [], line: this.lex.line };
    let first = true;
    for (;;) {
      if (this.parseRedir(cmd.redirs)) continue;
      const t = this.peek();
      if (t.k !== 'word') break;
      if (first) cmd.line = t.line;
      first = false;
      if (!cmd.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.raw)) cmd.assigns.push(t.raw);
      else cmd.words.push(t.raw);
      this.take();
      // `name()`: a function definition; its body is the next command.
      if (cmd.words.length === 1 && !cmd.assigns.length && this.isOp('(')) {
        this.take();
        if (!this.isOp(')')) this.unexpected(')', true);
        this.take();
        this.skipNl();
        return { type: 'function', name: t.raw, body: this.parseCommand(), redirs: [] };
      }
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirs.length) this.unexpected();
    return cmd;
  }
}

/**
 * Parses shell text one line at a time (a line with its continuation lines and here-documents), as ash runs a
 * script: what comes before a syntax error runs before the error is reported.
 */
export class LineParser {
  private p: Parser;
  constructor(src: string) {
    this.p = new Parser(new Lexer(src));
  }

  /** Line (0-based) where the next list starts. */
  get line(): number {
    return this.p.lex.line;
  }

  /** The next line's list, or null at the end. Throws ShellSyntaxError. */
  next(): List | null {
    this.p.lineEnded = false;
    const list = this.p.parseList(new Set(), true);
    if (this.p.lineEnded) return list;
    const t = this.p.peek();
    if (t.k !== 'eof') throw new ShellSyntaxError(`syntax error: unexpected ${describe(t)}`, false, this.p.lex.line);
    return list.length ? list : null;
  }
}

export function parseShell(src: string): List {
  const p = new Parser(new Lexer(src));
  const list = p.parseList(new Set());
  if (p.peek().k !== 'eof') {
    const t = p.peek();
    throw new ShellSyntaxError(`syntax error: unexpected ${describe(t)}`, false, p.lex.line);
  }
  return list;
}

/** Whether the text needs more lines (open quote, trailing `&&`, `if` without `fi`...). */
export function isIncomplete(src: string): boolean {
  try {
    const p = new Parser(new Lexer(src));
    p.parseList(new Set());
    if (p.peek().k !== 'eof') return false;
    return p.lex.hereDocOpen;
  } catch (e) {
    return e instanceof ShellSyntaxError && e.incomplete;
  }
}

/**
 * Where the expansion starting at `s[i]` (`$(...)`, `$((...))`, `${...}` or a backquoted command) ends: the index
 * after it. The text has been through the parser, so it is well formed.
 */
export function expansionEnd(s: string, i: number): number {
  const lex = new Lexer(s, i);
  lex.skipAt();
  return lex.i;
}
