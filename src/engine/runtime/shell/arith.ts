/**
 * Shell arithmetic `$((...))` as busybox ash does it: 64-bit signed integers, C operators and precedence
 * (`?:`, `||`, `&&`, `|`, `^`, `&`, `==`, `<`, `<<`, `+`, `*`, `**`, unary, `++`/`--`), assignments (`=`, `+=`...),
 * decimal/octal/hex constants and variables (an empty or unset one is 0; a value that is itself an expression
 * is evaluated). Errors carry ash's words: `arithmetic syntax error`, `divide by zero`.
 */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

type Tok = { k: 'num'; v: bigint } | { k: 'name'; v: string } | { k: 'op'; v: string } | { k: 'end' };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];

const syntax = (): never => {
  throw new ArithError('arithmetic syntax error');
};

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9][0-9a-zA-Z_]*)/.exec(src.slice(i))!;
      out.push({ k: 'num', v: parseNumber(m[1]) });
      i += m[1].length;
      continue;
    }
    const n = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (n) {
      out.push({ k: 'name', v: n[0] });
      i += n[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) syntax();
    out.push({ k: 'op', v: op! });
    i += op!.length;
  }
  out.push({ k: 'end' });
  return out;
}

function parseNumber(t: string): bigint {
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t);
  const based = /^([0-9]+)#([0-9a-zA-Z@_]+)$/.exec(t);
  if (based) {
    const base = Number(based[1]);
    if (base < 2 || base > 64) syntax();
    let v = 0n;
    for (const ch of based[2]) {
      const d = parseInt(ch, 36);
      if (Number.isNaN(d) || d >= base) syntax();
      v = v * BigInt(base) + BigInt(d);
    }
    return v;
  }
  if (/^0[0-7]*$/.test(t)) return BigInt('0o' + (t.slice(1) || '0'));
  if (/^[1-9][0-9]*$/.test(t)) return BigInt(t);
  return syntax();
}

const wrap = (v: bigint) => BigInt.asIntN(64, v);

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

function binary(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new ArithError('divide by zero');
      return op === '/' ? wrap(a / b) : a % b;
    case '**':
      if (b < 0n) throw new ArithError('exponent less than 0');
      return wrap(a ** b);
  }
  return syntax();
}

class Evaluator {
  private i = 0;
  constructor(
    private toks: Tok[],
    private vars: ArithVars,
    private depth: number,
  ) {}

  private peek(): Tok {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  run(): bigint {
    if (this.peek().k === 'end') return 0n;
    const v = this.comma(true);
    if (this.peek().k !== 'end') syntax();
    return v;
  }

  private value(name: string): bigint {
    const s = this.vars.get(name);
    if (s === undefined || s.trim() === '') return 0n;
    if (this.depth > 32) throw new ArithError('expression recursion loop detected');
    return evaluate(s, this.vars, this.depth + 1);
  }

  private comma(ev: boolean): bigint {
    let v = this.assign(ev);
    while (this.isOp(',')) {
      this.i++;
      v = this.assign(ev);
    }
    return v;
  }

  private assign(ev: boolean): bigint {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t.k === 'name' && n.k === 'op' && /^(=|\+=|-=|\*=|\/=|%=|<<=|>>=|&=|\^=|\|=)$/.test(n.v)) {
      this.i += 2;
      const rhs = this.assign(ev);
      if (!ev) return 0n;
      const v = n.v === '=' ? rhs : binary(n.v.slice(0, -1), this.value(t.v), rhs);
      this.vars.set(t.v, String(v));
      return v;
    }
    return this.ternary(ev);
  }

  private ternary(ev: boolean): bigint {
    const c = this.binary(1, ev);
    if (!this.isOp('?')) return c;
    this.i++;
    const a = this.comma(ev && c !== 0n);
    if (!this.isOp(':')) syntax();
    this.i++;
    const b = this.assign(ev && c === 0n);
    return c !== 0n ? a : b;
  }

  private binary(min: number, ev: boolean): bigint {
    let left = this.unary(ev);
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op') return left;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < min) return left;
      this.i++;
      if (t.v === '&&' || t.v === '||') {
        const short = t.v === '&&' ? left === 0n : left !== 0n;
        const right = this.binary(prec + 1, ev && !short);
        left = short ? (t.v === '||' ? 1n : 0n) : right !== 0n ? 1n : 0n;
        continue;
      }
      const right = this.binary(prec + 1, ev);
      left = ev ? binary(t.v, left, right) : 0n;
    }
  }

  private unary(ev: boolean): bigint {
    const t = this.peek();
    if (t.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        this.i++;
        const n = this.peek();
        if (n.k !== 'name') syntax();
        this.i++;
        if (!ev) return 0n;
        const v = wrap(this.value((n as { v: string }).v) + (t.v === '++' ? 1n : -1n));
        this.vars.set((n as { v: string }).v, String(v));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        this.i++;
        const v = this.unary(ev);
        return t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : ~v;
      }
    }
    return this.power(ev);
  }

  private power(ev: boolean): bigint {
    const base = this.postfix(ev);
    if (!this.isOp('**')) return base;
    this.i++;
    const exp = this.unary(ev);
    return ev ? binary('**', base, exp) : 0n;
  }

  private postfix(ev: boolean): bigint {
    const t = this.peek();
    this.i++;
    if (t.k === 'num') return t.v;
    if (t.k === 'name') {
      if (this.isOp('++') || this.isOp('--')) {
        const op = (this.peek() as { v: string }).v;
        this.i++;
        if (!ev) return 0n;
        const v = this.value(t.v);
        this.vars.set(t.v, String(wrap(v + (op === '++' ? 1n : -1n))));
        return v;
      }
      return ev ? this.value(t.v) : 0n;
    }
    if (t.k === 'op' && t.v === '(') {
      const v = this.comma(ev);
      if (!this.isOp(')')) syntax();
      this.i++;
      return v;
    }
    return syntax();
  }
}

/** Evaluates an (already parameter-expanded) arithmetic expression. Throws ArithError. */
export function evaluate(src: string, vars: ArithVars, depth = 0): bigint {
  return new Evaluator(lex(src), vars, depth).run();
}
