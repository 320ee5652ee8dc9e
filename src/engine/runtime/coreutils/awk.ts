/**
 * awk: the language's core: patterns (expressions, /regex/, ranges, BEGIN/END), fields ($0, $N, NF, NR, FNR, FS,
 * OFS, ORS, FILENAME), variables and associative arrays, print/printf (with > and >> to files), if/else, while,
 * do, for, for-in, next, exit, delete, string and number functions (length substr index split sub gsub match
 * sprintf tolower toupper int sqrt exp log sin cos atan2 rand srand); -F, -v and `var=value` operands.
 */
import type { Applet } from './types';
import { decodeText, encodeText, resolvePath, appendFile } from '../fs-helpers';
import { posixToJs } from './regex';
import { formatPrintf } from './printf-format';

// ---------------------------------------------------------------- lexer

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'func'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'exit', 'print', 'printf', 'in', 'delete', 'getline', 'function', 'return']);
const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

class AwkError {
  constructor(readonly message: string) {}
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const regexAllowed = () => {
    const last = toks[toks.length - 1];
    if (!last) return true;
    if (last.t === 'num' || last.t === 'str' || last.t === 're' || last.t === 'name') return false;
    if (last.t === 'op') return !(last.v === ')' || last.v === ']' || last.v === '$' || last.v === '++' || last.v === '--');
    return true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ t: 'nl' });
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?\.?)/.exec(src.slice(i))!;
      toks.push({ t: 'num', v: Number(m[0].replace(/\.$/, '')) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      if (KEYWORDS.has(m[0]) || BUILTINS.has(m[0])) toks.push({ t: 'op', v: m[0] });
      else if (src[i] === '(') toks.push({ t: 'func', v: m[0] });
      else toks.push({ t: 'name', v: m[0] });
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const d = src[++i];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (/[0-7]/.test(d)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i))!;
            s += String.fromCharCode(parseInt(m[0], 8));
            i += m[0].length;
            continue;
          }
          s += map[d] ?? '\\' + d;
          i++;
          continue;
        }
        s += src[i++];
      }
      if (src[i] !== '"') throw new AwkError('unterminated string');
      i++;
      toks.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        if (src[i] === '\n') throw new AwkError('unterminated regexp');
        s += src[i++];
      }
      i++;
      toks.push({ t: 're', v: s });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkError(`unexpected character '${c}'`);
    toks.push({ t: 'op', v: op === '**' ? '^' : op });
    i += op.length;
  }
  toks.push({ t: 'eof' });
  return toks;
}

// ---------------------------------------------------------------- parser (to an AST)

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Node }
  | { k: 'index'; name: string; subs: Node[] }
  | { k: 'assign'; op: string; target: Node; e: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'un'; op: string; e: Node }
  | { k: 'incdec'; op: string; prefix: boolean; target: Node }
  | { k: 'in'; subs: Node[]; name: string }
  | { k: 'match'; neg: boolean; a: Node; re: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'group'; e: Node };

type Stmt =
  | { k: 'expr'; e: Node }
  | { k: 'print'; args: Node[]; fmt: boolean; dest?: { op: string; e: Node } }
  | { k: 'if'; c: Node; a: Stmt; b?: Stmt }
  | { k: 'while'; c: Node; body: Stmt }
  | { k: 'do'; c: Node; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Node }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Node[] }
  | { k: 'return'; e?: Node }
  | { k: 'getline' };

interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  range?: Node;
  inRange?: boolean;
  body?: Stmt[];
}

interface Program {
  rules: Rule[];
  funcs: Map<string, { params: string[]; body: Stmt[] }>;
}

class Parser {
  private i = 0;
  /** Inside print's arguments (outside parentheses), `>` is a redirection. */
  private noGt = 0;
  private noIn = 0;
  constructor(private toks: Tok[]) {}

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.t === 'op' && t.v === v;
  }
  private eat(v: string): boolean {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(v: string): void {
    if (!this.eat(v)) throw new AwkError(`syntax error: expected '${v}'`);
  }
  private nls(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++;
  }
  private optNl(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  program(): Program {
    const rules: Rule[] = [];
    const funcs = new Map<string, { params: string[]; body: Stmt[] }>();
    this.nls();
    while (this.peek().t !== 'eof') {
      if (this.eat('BEGIN')) rules.push({ kind: 'begin', body: this.block() });
      else if (this.eat('END')) rules.push({ kind: 'end', body: this.block() });
      else if (this.eat('function')) {
        const t = this.peek();
        if (t.t !== 'func' && t.t !== 'name') throw new AwkError('syntax error: function name');
        this.i++;
        this.expect('(');
        const params: string[] = [];
        while (!this.eat(')')) {
          const p = this.peek();
          if (p.t !== 'name') throw new AwkError('syntax error: parameter');
          params.push(p.v);
          this.i++;
          this.eat(',');
          this.optNl();
        }
        this.optNl();
        funcs.set(t.v, { params, body: this.block() });
      } else {
        const rule: Rule = { kind: 'main' };
        if (!this.isOp('{')) {
          rule.pattern = this.expr();
          if (this.eat(',')) {
            this.optNl();
            rule.range = this.expr();
          }
        }
        if (this.isOp('{')) rule.body = this.block();
        rules.push(rule);
      }
      this.nls();
    }
    return { rules, funcs };
  }

  private block(): Stmt[] {
    this.optNl();
    this.expect('{');
    const body: Stmt[] = [];
    this.nls();
    while (!this.eat('}')) {
      if (this.peek().t === 'eof') throw new AwkError('syntax error: unexpected end of program');
      body.push(this.stmt());
      this.nls();
    }
    return body;
  }

  private simpleEnd(): void {
    if (this.isOp(';') || this.peek().t === 'nl') {
      this.i++;
      return;
    }
    if (this.isOp('}') || this.peek().t === 'eof') return;
    throw new AwkError('syntax error: unexpected token');
  }

  private stmt(): Stmt {
    if (this.isOp('{')) return { k: 'block', body: this.block() };
    if (this.eat('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.optNl();
      const a = this.stmt();
      const save = this.i;
      this.nls();
      if (this.eat('else')) {
        this.optNl();
        return { k: 'if', c, a, b: this.stmt() };
      }
      this.i = save;
      return { k: 'if', c, a };
    }
    if (this.eat('while')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.optNl();
      return { k: 'while', c, body: this.stmt() };
    }
    if (this.eat('do')) {
      this.optNl();
      const body = this.stmt();
      this.nls();
      this.expect('while');
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.simpleEnd();
      return { k: 'do', c, body };
    }
    if (this.eat('for')) {
      this.expect('(');
      const t0 = this.peek();
      if (t0.t === 'name' && this.isOp('in', 1) && this.peek(2).t === 'name' && this.isOp(')', 3)) {
        const arr = (this.peek(2) as { v: string }).v;
        this.i += 4;
        this.optNl();
        return { k: 'forin', v: t0.v, arr, body: this.stmt() };
      }
      const init = this.isOp(';') ? undefined : this.simpleStmt();
      this.expect(';');
      this.optNl();
      const c = this.isOp(';') ? undefined : this.expr();
      this.expect(';');
      this.optNl();
      const step = this.isOp(')') ? undefined : this.simpleStmt();
      this.expect(')');
      this.optNl();
      return { k: 'for', init, c, step, body: this.stmt() };
    }
    if (this.isOp(';')) {
      this.i++;
      return { k: 'block', body: [] };
    }
    const s = this.simpleStmt();
    this.simpleEnd();
    return s;
  }

  private simpleStmt(): Stmt {
    if (this.eat('next')) return { k: 'next' };
    if (this.eat('break')) return { k: 'break' };
    if (this.eat('continue')) return { k: 'continue' };
    if (this.eat('getline')) return { k: 'getline' };
    if (this.eat('exit')) return { k: 'exit', e: this.endsSimple() ? undefined : this.expr() };
    if (this.eat('return')) return { k: 'return', e: this.endsSimple() ? undefined : this.expr() };
    if (this.eat('delete')) {
      const t = this.peek();
      if (t.t !== 'name') throw new AwkError('syntax error: delete');
      this.i++;
      if (this.eat('[')) {
        const subs = this.exprList(']');
        return { k: 'delete', name: t.v, subs };
      }
      return { k: 'delete', name: t.v };
    }
    if (this.isOp('print') || this.isOp('printf')) {
      const fmt = (this.peek() as { v: string }).v === 'printf';
      this.i++;
      let args: Node[] = [];
      this.noGt++;
      if (this.isOp('(')) {
        // print (a, b) > "file" — parenthesised list, or a parenthesised first expression.
        const save = this.i;
        this.i++;
        this.noGt--;
        const list = this.endsSimple() ? [] : this.exprList(')');
        this.noGt++;
        if (this.endsSimple() || this.isOp('>') || this.isOp('>>') || this.isOp('|')) args = list;
        else {
          this.i = save;
          args = this.printArgs();
        }
      } else if (!this.endsSimple() && !this.isOp('>') && !this.isOp('>>')) args = this.printArgs();
      this.noGt--;
      let dest: { op: string; e: Node } | undefined;
      if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
        const op = (this.peek() as { v: string }).v;
        this.i++;
        this.noGt++;
        dest = { op, e: this.concat() };
        this.noGt--;
      }
      return { k: 'print', args, fmt, dest };
    }
    return { k: 'expr', e: this.expr() };
  }

  private printArgs(): Node[] {
    const args = [this.expr()];
    while (this.eat(',')) {
      this.optNl();
      args.push(this.expr());
    }
    return args;
  }

  private endsSimple(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.v === ';' || t.v === '}'));
  }

  private exprList(close: string): Node[] {
    const out: Node[] = [];
    this.optNl();
    if (this.eat(close)) return out;
    for (;;) {
      out.push(this.expr());
      this.optNl();
      if (this.eat(close)) return out;
      this.expect(',');
      this.optNl();
    }
  }

  expr(): Node {
    return this.ternary();
  }

  private ternary(): Node {
    const c = this.or();
    if (this.eat('?')) {
      this.optNl();
      const a = this.ternary();
      this.optNl();
      this.expect(':');
      this.optNl();
      const b = this.ternary();
      return { k: 'cond', c, a, b };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes((this.peek() as { v: string }).v) && isLvalue(c)) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      this.optNl();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Node {
    let a = this.and();
    while (this.eat('||')) {
      this.optNl();
      a = { k: 'bin', op: '||', a, b: this.and() };
    }
    return a;
  }

  private and(): Node {
    let a = this.inExpr();
    while (this.eat('&&')) {
      this.optNl();
      a = { k: 'bin', op: '&&', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Node {
    let a = this.matchExpr();
    while (!this.noIn && this.isOp('in') && this.peek(1).t === 'name') {
      this.i++;
      const name = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'in', subs: a.k === 'group' && a.e.k === 'bin' && a.e.op === ',' ? flattenComma(a.e) : [a], name };
    }
    return a;
  }

  private matchExpr(): Node {
    let a = this.rel();
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = (this.peek() as { v: string }).v === '!~';
      this.i++;
      a = { k: 'match', neg, a, re: this.rel() };
    }
    return a;
  }

  private rel(): Node {
    const a = this.concat();
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '>=', '!=', '=='].includes(t.v)) {
      this.i++;
      return { k: 'bin', op: t.v, a, b: this.concat() };
    }
    if (t.t === 'op' && t.v === '>' && !this.noGt) {
      this.i++;
      return { k: 'bin', op: '>', a, b: this.concat() };
    }
    return a;
  }

  private startsOperand(): boolean {
    const t = this.peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 're' || t.t === 'name' || t.t === 'func') return true;
    if (t.t !== 'op') return false;
    return ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) || BUILTINS.has(t.v);
  }

  private concat(): Node {
    let a = this.additive();
    while (this.startsOperand() && !this.isOp('in')) {
      // `a -1` is subtraction (handled in additive); a leading + or - here cannot start a concatenated operand.
      if (this.isOp('-') || this.isOp('+')) break;
      a = { k: 'bin', op: 'concat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Node {
    let a = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.mul() };
    }
    return a;
  }

  private mul(): Node {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Node {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: 'un', op, e: this.unary() };
    }
    return this.pow();
  }

  private pow(): Node {
    const a = this.postfix();
    if (this.eat('^')) return { k: 'bin', op: '^', a, b: this.unary() };
    return a;
  }

  private postfix(): Node {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: 'incdec', op, prefix: true, target: this.postfix() };
    }
    const a = this.primary();
    if (isLvalue(a) && (this.isOp('++') || this.isOp('--'))) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: 'incdec', op, prefix: false, target: a };
    }
    return a;
  }

  private primary(): Node {
    const t = this.peek();
    this.i++;
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 're') return { k: 're', v: t.v };
    if (t.t === 'name') {
      if (this.eat('[')) return { k: 'index', name: t.v, subs: this.exprList(']') };
      return { k: 'var', name: t.v };
    }
    if (t.t === 'func') {
      this.expect('(');
      return { k: 'call', name: t.v, args: this.exprList(')') };
    }
    if (t.t === 'op') {
      if (t.v === '$') return { k: 'field', e: this.postfixNoIncdec() };
      if (t.v === '(') {
        this.noGt++;
        this.noGt = 0;
        const save = this.noIn;
        this.noIn = 0;
        const first = this.expr();
        let e: Node = first;
        if (this.isOp(',')) {
          // (a, b) in arr
          const list = [first];
          while (this.eat(',')) list.push(this.expr());
          e = list.slice(1).reduce<Node>((acc, n) => ({ k: 'bin', op: ',', a: acc, b: n }), first);
        }
        this.noIn = save;
        this.expect(')');
        return { k: 'group', e };
      }
      if (BUILTINS.has(t.v)) {
        if (t.v === 'length' && !this.isOp('(')) return { k: 'call', name: 'length', args: [] };
        this.expect('(');
        return { k: 'call', name: t.v, args: this.exprList(')') };
      }
      if (t.v === '-' || t.v === '+' || t.v === '!') return { k: 'un', op: t.v, e: this.unary() };
    }
    throw new AwkError('syntax error: unexpected token');
  }

  private postfixNoIncdec(): Node {
    if (this.isOp('++') || this.isOp('--')) return this.postfix();
    if (this.isOp('-')) {
      this.i++;
      return { k: 'un', op: '-', e: this.primary() };
    }
    return this.primary();
  }
}

function isLvalue(n: Node): boolean {
  return n.k === 'var' || n.k === 'field' || n.k === 'index';
}

function flattenComma(n: Node): Node[] {
  if (n.k === 'bin' && n.op === ',') return [...flattenComma(n.a), n.b];
  return [n];
}

// ---------------------------------------------------------------- values

/** A value: a number, a string, or a "strnum" (input that looks numeric compares as a number). */
type Val = number | string | { s: string; n: number };

function looksNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
}

function strnum(s: string): Val {
  return looksNumeric(s) ? { s, n: Number(s) } : s;
}

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return v.n;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt = '%.6g'): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  return formatPrintf(fmt, [n]);
}

function toStr(v: Val, fmt?: string): string {
  if (typeof v === 'number') return numToStr(v, fmt);
  if (typeof v === 'object') return v.s;
  return v;
}

function toBool(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'object') return v.n !== 0;
  return v !== '';
}

function compare(a: Val, b: Val): number {
  const numA = typeof a === 'number' || typeof a === 'object';
  const numB = typeof b === 'number' || typeof b === 'object';
  if (numA && numB) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------- interpreter

class Next {}
class Exit {
  constructor(readonly code: number) {}
}
class Break {}
class Continue {}
class Return {
  constructor(readonly v: Val) {}
}

interface Io {
  out(t: string): void;
  file(op: string, name: string, text: string): void;
}

class Interp {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [''];
  record = '';
  nf = 0;
  private locals: Map<string, Val | Map<string, Val>>[] = [];
  private reCache = new Map<string, RegExp>();
  private seed = 0;
  private prevSeed = 0;
  steps = 0;

  constructor(
    private prog: Program,
    private io: Io,
  ) {
    this.vars.set('FS', ' ');
    this.vars.set('OFS', ' ');
    this.vars.set('ORS', '\n');
    this.vars.set('NR', 0);
    this.vars.set('NF', 0);
    this.vars.set('FNR', 0);
    this.vars.set('SUBSEP', '\x1c');
    this.vars.set('RSTART', 0);
    this.vars.set('RLENGTH', -1);
    this.vars.set('CONVFMT', '%.6g');
    this.vars.set('OFMT', '%.6g');
    this.vars.set('FILENAME', '');
  }

  regex(src: string): RegExp {
    let re = this.reCache.get(src);
    if (!re) {
      try {
        re = new RegExp(posixToJs(src, true));
      } catch {
        throw new AwkError(`bad regex '${src}'`);
      }
      this.reCache.set(src, re);
    }
    return re;
  }

  setRecord(text: string): void {
    this.record = text;
    this.split();
  }

  private split(): void {
    const fs = toStr(this.getVar('FS'));
    let f: string[];
    if (this.record === '') f = [];
    else if (fs === ' ') f = this.record.trim().split(/[ \t\n]+/).filter((x) => x !== '');
    else if (fs.length === 1 && fs !== '\\') f = this.record.split(fs);
    else f = this.record.split(this.regex(fs));
    this.fields = ['', ...f];
    this.nf = f.length;
    this.vars.set('NF', this.nf);
  }

  private rebuild(): void {
    const ofs = toStr(this.getVar('OFS'));
    this.record = this.fields.slice(1, this.nf + 1).join(ofs);
  }

  getField(i: number): Val {
    if (i < 0) throw new AwkError(`trying to access out of range field ${i}`);
    if (i === 0) return strnum(this.record);
    return i <= this.nf ? strnum(this.fields[i] ?? '') : '';
  }

  setField(i: number, v: string): void {
    if (i === 0) return this.setRecord(v);
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    if (i > this.nf) {
      this.nf = i;
      this.vars.set('NF', i);
    }
    this.rebuild();
  }

  getVar(name: string): Val {
    const l = this.locals[this.locals.length - 1];
    if (l?.has(name)) {
      const v = l.get(name)!;
      return v instanceof Map ? '' : v;
    }
    if (name === 'NF') return this.nf;
    return this.vars.get(name) ?? '';
  }

  setVar(name: string, v: Val): void {
    const l = this.locals[this.locals.length - 1];
    if (l?.has(name)) {
      l.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.nf = Math.max(0, Math.floor(toNum(v)));
      this.fields.length = Math.max(this.fields.length, this.nf + 1);
      for (let i = 0; i <= this.nf; i++) this.fields[i] ??= '';
      this.vars.set('NF', this.nf);
      this.rebuild();
      return;
    }
    this.vars.set(name, v);
  }

  array(name: string): Map<string, Val> {
    const l = this.locals[this.locals.length - 1];
    if (l?.has(name)) {
      let v = l.get(name);
      if (!(v instanceof Map)) {
        v = new Map();
        l.set(name, v);
      }
      return v;
    }
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(subs: Node[]): string {
    return subs.map((s) => toStr(this.eval(s), toStr(this.getVar('CONVFMT')))).join(toStr(this.getVar('SUBSEP')));
  }

  private assignTo(target: Node, v: Val): void {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(Math.floor(toNum(this.eval(target.e))), toStr(v));
    else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v);
  }

  eval(n: Node): Val {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 're':
        return this.regex(n.v).test(this.record) ? 1 : 0;
      case 'group':
        return this.eval(n.e);
      case 'var':
        return this.getVar(n.name);
      case 'field':
        return this.getField(Math.floor(toNum(this.eval(n.e))));
      case 'index': {
        const a = this.array(n.name);
        const k = this.key(n.subs);
        if (!a.has(k)) a.set(k, '');
        return a.get(k)!;
      }
      case 'in':
        return this.array(n.name).has(this.key(n.subs)) ? 1 : 0;
      case 'assign': {
        let v = this.eval(n.e);
        if (n.op !== '=') {
          const cur = toNum(this.eval(n.target));
          const r = toNum(v);
          v = arith(n.op[0], cur, r);
        }
        if (typeof v === 'object') v = v.s === '' ? v : { ...v };
        this.assignTo(n.target, v);
        return v;
      }
      case 'cond':
        return toBool(this.eval(n.c)) ? this.eval(n.a) : this.eval(n.b);
      case 'incdec': {
        const cur = toNum(this.eval(n.target));
        const next = n.op === '++' ? cur + 1 : cur - 1;
        this.assignTo(n.target, next);
        return n.prefix ? next : cur;
      }
      case 'un': {
        const v = this.eval(n.e);
        if (n.op === '!') return toBool(v) ? 0 : 1;
        return n.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'match': {
        const s = toStr(this.eval(n.a));
        const re = n.re.k === 're' ? this.regex(n.re.v) : this.regex(toStr(this.eval(n.re)));
        return re.test(s) !== n.neg ? 1 : 0;
      }
      case 'bin': {
        if (n.op === '&&') return toBool(this.eval(n.a)) && toBool(this.eval(n.b)) ? 1 : 0;
        if (n.op === '||') return toBool(this.eval(n.a)) || toBool(this.eval(n.b)) ? 1 : 0;
        const a = this.eval(n.a);
        const b = this.eval(n.b);
        switch (n.op) {
          case 'concat':
            return toStr(a, toStr(this.getVar('CONVFMT'))) + toStr(b, toStr(this.getVar('CONVFMT')));
          case '<':
            return compare(a, b) < 0 ? 1 : 0;
          case '<=':
            return compare(a, b) <= 0 ? 1 : 0;
          case '>':
            return compare(a, b) > 0 ? 1 : 0;
          case '>=':
            return compare(a, b) >= 0 ? 1 : 0;
          case '==':
            return compare(a, b) === 0 ? 1 : 0;
          case '!=':
            return compare(a, b) !== 0 ? 1 : 0;
          case ',':
            return toStr(a) + toStr(this.getVar('SUBSEP')) + toStr(b);
          default:
            return arith(n.op, toNum(a), toNum(b));
        }
      }
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: Node[]): Val {
    const s = (i: number) => (args[i] ? toStr(this.eval(args[i]), toStr(this.getVar('CONVFMT'))) : toStr(this.getField(0)));
    const num = (i: number) => (args[i] ? toNum(this.eval(args[i])) : 0);
    switch (name) {
      case 'length': {
        if (args[0] && args[0].k === 'var' && (this.arrays.has(args[0].name) || this.locals[this.locals.length - 1]?.get(args[0].name) instanceof Map)) return this.array(args[0].name).size;
        return [...s(0)].length;
      }
      case 'substr': {
        const str = [...s(0)];
        const start = Math.round(num(1));
        const len = args[2] ? Math.round(num(2)) : Infinity;
        const from = Math.max(start, 1);
        const to = Math.min(start + len, str.length + 1);
        return to > from ? str.slice(from - 1, to - 1).join('') : '';
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const str = s(0);
        const target = args[1];
        if (!target || target.k !== 'var') throw new AwkError('split: second argument is not an array');
        const sep = args[2] ? (args[2].k === 're' ? args[2].v : s(2)) : toStr(this.getVar('FS'));
        const parts = str === '' ? [] : sep === ' ' ? str.trim().split(/[ \t\n]+/) : sep.length === 1 ? str.split(sep) : str.split(this.regex(sep));
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), strnum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].k === 're' ? this.regex(args[0].v) : this.regex(s(0));
        const repl = s(1);
        const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Node);
        const str = toStr(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, 'g');
        const out = str.replace(g, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count) this.assignTo(target, out);
        return count;
      }
      case 'match': {
        const re = args[1].k === 're' ? this.regex(args[1].v) : this.regex(s(1));
        const m = re.exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        return formatPrintf(s(0), args.slice(1).map((a) => this.eval(a)).map((v) => (typeof v === 'object' ? v.s : v)));
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt':
        return Math.sqrt(num(0));
      case 'exp':
        return Math.exp(num(0));
      case 'log':
        return Math.log(num(0));
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      case 'rand': {
        // A small deterministic generator: awk's rand() is seeded with 0 until srand().
        this.seed = (Math.imul(this.seed ^ 0x5deece66, 1103515245) + 12345) >>> 0;
        return (this.seed % 1_000_000) / 1_000_000;
      }
      case 'srand': {
        const prev = this.prevSeed;
        this.prevSeed = args[0] ? num(0) : 0;
        this.seed = this.prevSeed >>> 0;
        return prev;
      }
      case 'system':
        throw new AwkError('system() is not available in this sandbox');
    }
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkError(`calling undefined function ${name}`);
    const frame = new Map<string, Val | Map<string, Val>>();
    f.params.forEach((p, i) => {
      const a = args[i];
      if (a && a.k === 'var' && (this.arrays.has(a.name) || this.locals[this.locals.length - 1]?.get(a.name) instanceof Map)) frame.set(p, this.array(a.name));
      else frame.set(p, a ? this.eval(a) : '');
    });
    if (this.locals.length > 200) throw new AwkError('function call nesting too deep');
    this.locals.push(frame);
    try {
      this.execAll(f.body);
    } catch (e) {
      if (e instanceof Return) return e.v;
      throw e;
    } finally {
      this.locals.pop();
    }
    return '';
  }

  execAll(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private loop(): void {
    if (++this.steps > 5_000_000) throw new AwkError('program ran too long (an endless loop?)');
  }

  exec(s: Stmt): void {
    switch (s.k) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        let text: string;
        if (s.fmt) {
          const vals = s.args.map((a) => this.eval(a));
          text = formatPrintf(toStr(vals[0] ?? ''), vals.slice(1).map((v) => (typeof v === 'object' ? v.s : v)));
        } else {
          const ofmt = toStr(this.getVar('OFMT'));
          const parts = s.args.length ? s.args.map((a) => toStr(this.eval(a), ofmt)) : [this.record];
          text = parts.join(toStr(this.getVar('OFS'))) + toStr(this.getVar('ORS'));
        }
        if (s.dest) this.io.file(s.dest.op, toStr(this.eval(s.dest.e)), text);
        else this.io.out(text);
        return;
      }
      case 'if':
        if (toBool(this.eval(s.c))) this.exec(s.a);
        else if (s.b) this.exec(s.b);
        return;
      case 'while':
        while (toBool(this.eval(s.c))) {
          this.loop();
          if (this.body(s.body)) break;
        }
        return;
      case 'do':
        do {
          this.loop();
          if (this.body(s.body)) break;
        } while (toBool(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.c || toBool(this.eval(s.c))) {
          this.loop();
          if (this.body(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(s.arr).keys()]) {
          this.loop();
          this.setVar(s.v, strnum(k));
          if (this.body(s.body)) break;
        }
        return;
      case 'block':
        this.execAll(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.e ? toNum(this.eval(s.e)) : 0);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : '');
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
      case 'getline':
        throw new AwkError('getline is not supported');
    }
  }

  /** Runs a loop body; true when it broke out. */
  private body(s: Stmt): boolean {
    try {
      this.exec(s);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new AwkError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new AwkError('division by zero in %');
      return a % b;
    case '^':
      return a ** b;
  }
  return 0;
}

// ---------------------------------------------------------------- the applet

const USAGE = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n';

function unescapeAssign(v: string): string {
  return v.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\' })[c] ?? c);
}

const awk: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  let fs: string | null = null;
  const assigns: [string, string][] = [];
  let src: string | null = null;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (src === null && a === '--') {
      src = args[++i] ?? null;
      continue;
    }
    if (src === null && a.startsWith('-F')) {
      fs = a.length > 2 ? a.slice(2) : (args[++i] ?? '');
      continue;
    }
    if (src === null && a.startsWith('-v')) {
      const kv = a.length > 2 ? a.slice(2) : (args[++i] ?? '');
      const eq = kv.indexOf('=');
      if (eq <= 0) {
        io.err(`awk: unexpected token\n`);
        return 1;
      }
      assigns.push([kv.slice(0, eq), unescapeAssign(kv.slice(eq + 1))]);
      continue;
    }
    if (src === null && a === '-f') {
      const data = e.fs.readFile(resolvePath(e.cwd, args[++i] ?? ''));
      if (!data) {
        io.err(`awk: can't open '${args[i]}': No such file or directory\n`);
        return 1;
      }
      src = decodeText(data);
      continue;
    }
    if (src === null && a.startsWith('-') && a.length > 1) {
      io.err(`awk: unrecognized option '${a}'\n${USAGE}`);
      return 1;
    }
    if (src === null) src = a;
    else operands.push(a);
  }
  if (src === null) {
    io.err(USAGE);
    return 1;
  }
  let prog: Program;
  try {
    prog = new Parser(lex(src)).program();
  } catch (err) {
    if (err instanceof AwkError) {
      io.err(`awk: cmd. line:1: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let out = '';
  const files = new Map<string, string>();
  const interp = new Interp(prog, {
    out: (t) => (out += t),
    file: (op, name, text) => {
      if (name === '/dev/stdout' || name === '-') out += text;
      else if (name === '/dev/stderr') io.err(text);
      else {
        const p = resolvePath(e.cwd, name);
        if (!files.has(p) && op === '>') e.fs.writeFile(p, encodeText(''));
        files.set(p, '');
        appendFile(e.fs, p, encodeText(text));
      }
    },
  });
  if (fs !== null) interp.setVar('FS', fs === 't' ? '\t' : unescapeAssign(fs));
  for (const [k, v] of assigns) interp.setVar(k, strnum(v));
  let code = 0;
  const flush = () => {
    if (out) io.out(out);
    out = '';
  };
  try {
    try {
      for (const r of prog.rules) if (r.kind === 'begin') interp.execAll(r.body!);
      const mains = prog.rules.filter((r) => r.kind === 'main');
      const needInput = mains.length > 0 || prog.rules.some((r) => r.kind === 'end');
      if (needInput) {
        const inputs = operands.length ? operands : ['-'];
        for (const f of inputs) {
          const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(f);
          if (assign) {
            interp.setVar(assign[1], strnum(unescapeAssign(assign[2])));
            if (!operands.some((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o))) {
              // Only assignments: read standard input after them.
            }
            continue;
          }
          let text: string;
          if (f === '-') text = await io.readStdin();
          else {
            const data = e.fs.readFile(resolvePath(e.cwd, f));
            if (!data) {
              flush();
              io.err(`awk: cannot open "${f}" (No such file or directory)\n`);
              code = 2;
              continue;
            }
            text = decodeText(data);
          }
          interp.setVar('FILENAME', f === '-' ? '' : f);
          interp.setVar('FNR', 0);
          const recs = text.split('\n');
          if (recs[recs.length - 1] === '') recs.pop();
          for (const rec of recs) {
            interp.setVar('NR', toNum(interp.getVar('NR')) + 1);
            interp.setVar('FNR', toNum(interp.getVar('FNR')) + 1);
            interp.setRecord(rec);
            try {
              for (const r of mains) {
                let hit: boolean;
                if (r.range) {
                  if (r.inRange) {
                    hit = true;
                    if (toBool(interp.eval(r.range))) r.inRange = false;
                  } else if (toBool(interp.eval(r.pattern!))) {
                    hit = true;
                    r.inRange = !toBool(interp.eval(r.range));
                  } else hit = false;
                } else hit = !r.pattern || toBool(interp.eval(r.pattern));
                if (!hit) continue;
                if (r.body) interp.execAll(r.body);
                else out += interp.record + toStr(interp.getVar('ORS'));
              }
            } catch (x) {
              if (!(x instanceof Next)) throw x;
            }
            if (out.length > 65536) flush();
          }
        }
      }
    } catch (x) {
      if (!(x instanceof Exit)) throw x;
      code = x.code;
    }
    try {
      for (const r of prog.rules) if (r.kind === 'end') interp.execAll(r.body!);
    } catch (x) {
      if (!(x instanceof Exit)) throw x;
      code = x.code;
    }
  } catch (err) {
    flush();
    if (err instanceof AwkError) {
      io.err(`awk: cmd. line:1: ${err.message}\n`);
      return 2;
    }
    if (err instanceof Next || err instanceof Break || err instanceof Continue || err instanceof Return) return code;
    throw err;
  }
  flush();
  return code;
};

export const AWK_APPLETS: Record<string, Applet> = { awk };
