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
import { AwkError, lex, Parser, type Node, type Program, type Stmt } from './awk-syntax';

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
