/**
 * A small Go text/template, enough for docker's `--format` flags: `{{.Field.Sub}}`, `{{.}}`, `{{json .X}}`,
 * `{{upper .X}}`, `{{lower}}`, `{{title}}`, `{{join .List ", "}}`, `{{index .Map "key"}}`, `{{len .X}}`,
 * `{{printf "%s %d" .A .B}}`, `{{println .X}}`, pipelines (`{{.X | json}}`), `{{if}}/{{else}}/{{end}}`,
 * `{{range .List}}...{{end}}`, and trim markers `{{-` / `-}}`.
 *
 * `formatList` implements docker's list conventions: `table` / `table TEMPLATE` (header row + tabwriter),
 * `json` (one JSON object per line) and a plain template (one line per item).
 */
import { formatTable } from './tabwriter';
import { goQuote } from '../../core/format';

export class TemplateError extends Error {}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: string; pos: number }
  | { kind: 'if'; pipe: string; then: Node[]; else: Node[]; pos: number }
  | { kind: 'range'; pipe: string; body: Node[]; else: Node[]; pos: number };

interface Token {
  kind: 'text' | 'action';
  text: string;
  pos: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ kind: 'text', text: src.slice(i), pos: i });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) out.push({ kind: 'text', text, pos: i });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError(`template: :1: unclosed action`);
    let body = src.slice(start, close);
    let next = close + 2;
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      const m = /^\s*/.exec(src.slice(next))!;
      next += m[0].length;
    }
    out.push({ kind: 'action', text: body.trim(), pos: open });
    i = next;
  }
  return out;
}

function parse(tokens: Token[]): Node[] {
  let i = 0;
  const block = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t.kind === 'text') {
        nodes.push({ kind: 'text', text: t.text });
        continue;
      }
      const word = t.text.split(/\s+/)[0];
      if (terminators.includes(word)) return { nodes, end: t.text };
      if (word === 'if' || word === 'range') {
        const pipe = t.text.slice(word.length).trim();
        const a = block(['else', 'end']);
        let b: Node[] = [];
        if (a.end === 'else') b = block(['end']).nodes;
        nodes.push(word === 'if' ? { kind: 'if', pipe, then: a.nodes, else: b, pos: t.pos } : { kind: 'range', pipe, body: a.nodes, else: b, pos: t.pos });
        continue;
      }
      if (word === 'end' || word === 'else') throw new TemplateError(`template: :1: unexpected {{${word}}}`);
      if (t.text.startsWith('/*')) continue; // comment
      nodes.push({ kind: 'action', pipe: t.text, pos: t.pos });
    }
    if (terminators.length) throw new TemplateError('template: :1: unexpected EOF');
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

/** Splits an action into words, keeping quoted strings and parenthesised groups together. */
function words(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i])) {
      i++;
      continue;
    }
    if (s[i] === '"' || s[i] === '`') {
      const q = s[i];
      let j = i + 1;
      while (j < s.length && s[j] !== q) j += s[j] === '\\' && q === '"' ? 2 : 1;
      out.push(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (s[i] === '(') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      out.push(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function splitPipes(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  let depth = 0;
  for (const c of s) {
    if (q) {
      cur += c;
      if (c === q) q = null;
    } else if (c === '"' || c === '`') {
      q = c;
      cur += c;
    } else if (c === '(') {
      depth++;
      cur += c;
    } else if (c === ')') {
      depth--;
      cur += c;
    } else if (c === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Go's fmt for a value printed by a template action. */
export function goPrint(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goPrint((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function sprintf(fmt: string, args: unknown[]): string {
  let k = 0;
  return fmt.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([svdqtfx%])/g, (_m, flags: string, width: string, prec: string, verb: string) => {
    if (verb === '%') return '%';
    const a = args[k++];
    let s: string;
    switch (verb) {
      case 'q':
        s = goQuote(String(a));
        break;
      case 'd':
        s = String(Math.trunc(Number(a)));
        break;
      case 'f':
        s = Number(a).toFixed(prec ? Number(prec) : 6);
        break;
      case 'x':
        s = typeof a === 'number' ? a.toString(16) : [...new TextEncoder().encode(String(a))].map((b) => b.toString(16).padStart(2, '0')).join('');
        break;
      default:
        s = goPrint(a);
    }
    if (width) s = flags.includes('-') ? s.padEnd(Number(width)) : s.padStart(Number(width));
    return s;
  });
}

function field(v: unknown, name: string, expr: string): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (name in o) {
      const f = o[name];
      return typeof f === 'function' ? (f as () => unknown).call(o) : f;
    }
    // Docker's formatter structs expose methods; maps give <no value>.
    throw new TemplateError(`template: :1: executing "" at <${expr}>: can't evaluate field ${name}`);
  }
  if (v === undefined || v === null) return undefined;
  throw new TemplateError(`template: :1: executing "" at <${expr}>: can't evaluate field ${name} in type ${typeof v}`);
}

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  json: (v) => JSON.stringify(v === undefined ? null : v),
  upper: (v) => String(v ?? '').toUpperCase(),
  lower: (v) => String(v ?? '').toLowerCase(),
  title: (v) => String(v ?? '').replace(/\b\w/g, (c) => c.toUpperCase()),
  split: (v, sep) => String(v ?? '').split(String(sep)),
  join: (v, sep) => (Array.isArray(v) ? v.map(goPrint).join(String(sep)) : goPrint(v)),
  len: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  index: (v, ...keys) => keys.reduce<unknown>((acc, k) => (acc == null ? undefined : (acc as Record<string, unknown>)[String(k)]), v),
  printf: (fmt, ...a) => sprintf(String(fmt), a),
  print: (...a) => a.map(goPrint).join(''),
  println: (...a) => a.map(goPrint).join(' ') + '\n',
  truncate: (v, n) => [...String(v ?? '')].slice(0, Number(n)).join(''),
  pad: (v, l, r) => ' '.repeat(Number(l)) + String(v ?? '') + ' '.repeat(Number(r)),
};

/** A pipeline's commands, each split into words: parsed once per template, however many items it formats. */
type Pipes = Map<string, string[][]>;

class Evaluator {
  constructor(
    private readonly root: unknown,
    private readonly pipes: Pipes,
  ) {}

  private operand(w: string, dot: unknown): unknown {
    if (w.startsWith('"')) return JSON.parse(w);
    if (w.startsWith('`')) return w.slice(1, -1);
    if (w.startsWith('(')) return this.pipeline(w.slice(1, -1), dot);
    if (/^-?\d+(\.\d+)?$/.test(w)) return Number(w);
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === '.') return dot;
    if (w.startsWith('$')) {
      let v: unknown = this.root;
      for (const name of w.split('.').slice(1)) v = field(v, name, w);
      return v;
    }
    if (w.startsWith('.')) {
      let v = dot;
      for (const name of w.slice(1).split('.')) v = field(v, name, w);
      return v;
    }
    throw new TemplateError(`template: :1: function "${w}" not defined`);
  }

  private command(ws: string[], dot: unknown, piped: unknown[]): unknown {
    if (ws.length === 0) throw new TemplateError('template: :1: missing value for command');
    const fn = FUNCS[ws[0]];
    if (fn) return fn(...ws.slice(1).map((w) => this.operand(w, dot)), ...piped);
    if (ws.length > 1 || piped.length) throw new TemplateError(`template: :1: can't give argument to non-function ${ws[0]}`);
    return this.operand(ws[0], dot);
  }

  pipeline(pipe: string, dot: unknown): unknown {
    let v: unknown;
    let first = true;
    let cmds = this.pipes.get(pipe);
    if (!cmds) this.pipes.set(pipe, (cmds = splitPipes(pipe).map(words)));
    for (const ws of cmds) {
      v = this.command(ws, dot, first ? [] : [v]);
      first = false;
    }
    return v;
  }

  exec(nodes: Node[], dot: unknown): string {
    let out = '';
    for (const n of nodes) {
      if (n.kind === 'text') out += n.text;
      else if (n.kind === 'action') out += goPrint(this.pipeline(n.pipe, dot));
      else if (n.kind === 'if') out += this.exec(truthy(this.pipeline(n.pipe, dot)) ? n.then : n.else, dot);
      else {
        const v = this.pipeline(n.pipe, dot);
        const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : [];
        if (items.length === 0) out += this.exec(n.else, dot);
        else for (const it of items) out += this.exec(n.body, it);
      }
    }
    return out;
  }
}

/** A parsed template; `execute` throws TemplateError with Go-like text on bad fields or syntax. */
export interface Template {
  execute(data: unknown): string;
}

export function parseTemplate(src: string): Template {
  const nodes = parse(tokenize(src));
  const pipes: Pipes = new Map();
  return { execute: (data) => new Evaluator(data, pipes).exec(nodes, data) };
}

/** Docker's `--format` shortcut handling for single objects (version, info, inspect): "json" or a template. */
export function formatObject(format: string, data: unknown): string {
  if (format === 'json') return JSON.stringify(data) + '\n';
  return parseTemplate(format).execute(data) + '\n';
}

/**
 * Docker's list formatting. `format` is the user's `--format` ('' for the command's default), `defaultTable` the
 * command's default (e.g. "table {{.Repository}}\t{{.Tag}}"), `headers` maps field names to column titles
 * ("Repository" → "REPOSITORY"). Items are the formatter's row objects.
 */
export function formatList(format: string, defaultTable: string, items: unknown[], headers: Record<string, string>): string {
  const f = format === '' || format === 'table' ? defaultTable : format;
  if (f === 'json') return items.map((it) => JSON.stringify(it) + '\n').join('');
  if (f.startsWith('table')) {
    const body = f.slice(5).replace(/^\s+/, '');
    const tpl = parseTemplate(body.replace(/\\t/g, '\t'));
    const headerRow = body.replace(/\\t/g, '\t').replace(/\{\{-?\s*\.(\w+)\s*-?\}\}/g, (_m, name: string) => headers[name] ?? name.toUpperCase());
    const lines = [headerRow, ...items.map((it) => tpl.execute(it))];
    return formatTable(lines.map((l) => l.split('\t')));
  }
  const tpl = parseTemplate(f.replace(/\\t/g, '\t').replace(/\\n/g, '\n'));
  return items.map((it) => tpl.execute(it) + '\n').join('');
}
