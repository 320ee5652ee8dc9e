/**
 * awk's syntax: the lexer and a recursive-descent parser from program text to rules, statements and expressions
 * (awk.ts runs them). Regex literals are told from division by the token before them, `>` inside print's
 * arguments is a redirection, newlines end statements except after `{`, `,`, `&&`, `||` and `do`/`else`.
 */

// ---------------------------------------------------------------- lexer

export type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'func'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'exit', 'print', 'printf', 'in', 'delete', 'getline', 'function', 'return']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

export class AwkError {
  constructor(readonly message: string) {}
}

export function lex(src: string): Tok[] {
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

export type Node =
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

export type Stmt =
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

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  range?: Node;
  inRange?: boolean;
  body?: Stmt[];
}

export interface Program {
  rules: Rule[];
  funcs: Map<string, { params: string[]; body: Stmt[] }>;
}

export class Parser {
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
        const saveGt = this.noGt;
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
        this.noGt = saveGt;
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

