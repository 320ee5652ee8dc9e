/**
 * `test` / `[` as busybox ash's builtin: POSIX rules by argument count (so `[ -n ]`, `[ ! ]`, `[ = ]` are true),
 * then `!`, `-a`, `-o` and parentheses with `-a` binding tighter than `-o`; string (`=`, `!=`, `<`, `>`), integer
 * (`-eq`...) and file operators. Errors print `sh: a: bad number`, `sh: 2: unknown operand`, `sh: missing ]`
 * and give status 2.
 */
import type { ProcessFs } from '../process';
import { resolvePath } from '../fs-helpers';

class TestError extends Error {}

const UNARY = new Set(['-n', '-z', '-e', '-f', '-d', '-s', '-x', '-r', '-w', '-h', '-L', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export interface TestEnv {
  fs: ProcessFs;
  cwd: string;
}

function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: bad number`);
  return BigInt(t);
}

class Evaluator {
  private i = 0;
  constructor(
    private a: string[],
    private env: TestEnv,
  ) {}

  private stat(p: string) {
    return this.env.fs.stat(resolvePath(this.env.cwd, p));
  }

  unary(op: string, x: string): boolean {
    if (op === '-n') return x !== '';
    if (op === '-z') return x === '';
    if (op === '-t') return false;
    const st = this.stat(x);
    switch (op) {
      case '-e':
        return !!st;
      case '-f':
        return st?.type === 'file';
      case '-d':
        return st?.type === 'dir';
      case '-c':
        return st?.type === 'char';
      case '-k':
        return !!st && (st.mode & 0o1000) !== 0;
      case '-s':
        return !!st && st.size > 0;
      case '-x':
        return !!st && (st.mode & 0o111) !== 0;
      case '-r':
      case '-w':
        return !!st;
      case '-h':
      case '-L': {
        const p = resolvePath(this.env.cwd, x);
        return (this.env.fs.lstat ?? this.env.fs.stat).call(this.env.fs, p)?.type === 'symlink';
      }
    }
    return false;
  }

  binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '<':
        return l < r;
      case '>':
        return l > r;
      case '-nt':
      case '-ot': {
        const a = this.stat(l)?.mtimeMs ?? -Infinity;
        const b = this.stat(r)?.mtimeMs ?? -Infinity;
        return op === '-nt' ? a > b : a < b;
      }
      case '-ef':
        return !!this.stat(l) && resolvePath(this.env.cwd, l) === resolvePath(this.env.cwd, r);
    }
    const x = integer(l);
    const y = integer(r);
    switch (op) {
      case '-eq':
        return x === y;
      case '-ne':
        return x !== y;
      case '-lt':
        return x < y;
      case '-le':
        return x <= y;
      case '-gt':
        return x > y;
    }
    return x >= y;
  }

  /** POSIX's rules for up to four arguments, the grammar beyond. */
  run(): boolean {
    const a = this.a;
    const n = a.length;
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0])) return this.unary(a[0], a[1]);
      if (BINARY.has(a[1])) throw new TestError(`${a[1]}: argument expected`);
      throw new TestError(`${a[0]}: unknown operand`);
    }
    if (n === 3) {
      if (BINARY.has(a[1])) return this.binary(a[0], a[1], a[2]);
      if (a[0] === '!') return !this.sub([a[1], a[2]]);
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
    }
    if (n === 4) {
      if (a[0] === '!') return !this.sub(a.slice(1));
      if (a[0] === '(' && a[3] === ')') return this.sub(a.slice(1, 3));
    }
    const v = this.or();
    if (this.i < n) throw new TestError(`${a[this.i]}: unknown operand`);
    return v;
  }

  private sub(a: string[]): boolean {
    return new Evaluator(a, this.env).run();
  }

  private or(): boolean {
    let v = this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.a[this.i] === '-a') {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.a[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') throw new TestError(`${a[this.i] ?? ')'}: ${a[this.i] === undefined ? 'expected' : 'unknown operand'}`.replace(/^\): expected$/, "closing paren expected"));
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? '') && a[this.i + 2] !== undefined) {
      this.i += 3;
      return this.binary(t, a[this.i - 2], a[this.i - 1]);
    }
    if (UNARY.has(t) && a[this.i + 1] !== undefined) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]);
    }
    this.i++;
    return t !== '';
  }
}

/** Runs `test ARGS` or `[ ARGS ]`; the exit status (0 true, 1 false, 2 error). */
export function testBuiltin(name: string, args: string[], env: TestEnv, err: (t: string) => void, prefix: string): number {
  let a = args;
  if (name === '[') {
    if (a[a.length - 1] !== ']') {
      err(`${prefix}: missing ]\n`);
      return 2;
    }
    a = a.slice(0, -1);
  }
  try {
    return new Evaluator(a, env).run() ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      err(`${prefix}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** An operand or operator of `[[ ... ]]`, expanded; `pattern`: the glob form of a right-hand side of `==`/`!=`. */
export interface DTok {
  text: string;
  op: boolean;
  pattern?: RegExp;
}

/** Evaluates `[[ ... ]]`: `!`, `&&`, `||`, parentheses, test's operators, `==`/`!=` with glob patterns, `=~`. */
export function dbracket(toks: DTok[], env: TestEnv, err: (t: string) => void, prefix: string): number {
  const ev = new Evaluator([], env);
  let i = 0;
  const isOp = (v: string) => toks[i]?.op && toks[i].text === v;
  const or = (): boolean => {
    let v = and();
    while (isOp('||')) {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (isOp('&&')) {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (isOp('!')) {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = toks[i];
    if (!t) throw new TestError('argument expected');
    if (t.op && t.text === '(') {
      i++;
      const v = or();
      if (!isOp(')')) throw new TestError('closing paren expected');
      i++;
      return v;
    }
    const op = toks[i + 1];
    if (op && toks[i + 2] && (BINARY.has(op.text) || op.text === '=~')) {
      const r = toks[i + 2];
      i += 3;
      if (op.text === '=~') return new RegExp(r.text).test(t.text);
      if ((op.text === '==' || op.text === '=' || op.text === '!=') && r.pattern) return r.pattern.test(t.text) !== (op.text === '!=');
      return ev.binary(t.text, op.text, r.text);
    }
    if (!t.op && UNARY.has(t.text) && toks[i + 1]) {
      i += 2;
      return ev.unary(t.text, toks[i - 1].text);
    }
    i++;
    return t.text !== '';
  };
  try {
    const v = or();
    if (i < toks.length) throw new TestError(`${toks[i].text}: unknown operand`);
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError || e instanceof SyntaxError) {
      err(`${prefix}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
