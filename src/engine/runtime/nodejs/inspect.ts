/**
 * util.inspect and util.format, close to Node's output for the values learners print: strings quoted with
 * single quotes, `{ a: 1 }`, `[ 1, 2 ]`, `Map(1) { 'a' => 1 }`, `[Function: f]`, errors as their stack.
 * `legacy` (Node < 12) switches to Node 10's layout: `{ a: 1,\n  b: 2 }`, errors with props as `{ Error: ... }`.
 */
export interface InspectOptions {
  depth?: number;
  legacy?: boolean;
  breakLength?: number;
  /** ANSI colours as Node uses them on a terminal (the REPL): numbers yellow, strings green, undefined grey... */
  colors?: boolean;
  /** How an error's stack is shown (the node runtime drops the sandbox's own frames). */
  stackOf?: (e: Error) => string;
}

const STYLES: Record<string, [number, number]> = {
  special: [36, 39],
  number: [33, 39],
  bigint: [33, 39],
  boolean: [33, 39],
  undefined: [90, 39],
  null: [1, 22],
  string: [32, 39],
  symbol: [32, 39],
  date: [35, 39],
  regexp: [31, 39],
};

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function quoteString(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

function formatKey(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${k.toString()}]`;
  return IDENT.test(k) ? k : quoteString(k);
}

function fnName(f: (...a: any[]) => unknown): string {
  return typeof f.name === 'string' ? f.name : '';
}

function isClass(f: (...a: any[]) => unknown): boolean {
  try {
    return /^class[\s{]/.test(Function.prototype.toString.call(f));
  } catch {
    return false;
  }
}

function constructorName(o: object): string | null {
  let proto = Object.getPrototypeOf(o);
  if (proto === null) return null;
  while (proto) {
    const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name) return d.value.name;
    proto = Object.getPrototypeOf(proto);
  }
  return '';
}

interface Ctx {
  seen: object[];
  depth: number;
  legacy: boolean;
  breakLength: number;
  circular: Map<object, number>;
  stylize: (text: string, style: string) => string;
  stackOf?: (e: Error) => string;
}

export function inspect(value: unknown, opts: InspectOptions = {}): string {
  const ctx: Ctx = {
    seen: [],
    depth: opts.depth === undefined ? 2 : opts.depth === null ? Infinity : opts.depth,
    legacy: !!opts.legacy,
    breakLength: opts.breakLength ?? (opts.legacy ? 60 : 80),
    circular: new Map(),
    stackOf: opts.stackOf,
    stylize: opts.colors
      ? (text, style) => {
          const c = STYLES[style];
          return c ? `\x1b[${c[0]}m${text}\x1b[${c[1]}m` : text;
        }
      : (text) => text,
  };
  const out = formatValue(ctx, value, 0, 0);
  if (!ctx.legacy && typeof value === 'object' && value !== null && ctx.circular.has(value)) return `${ctx.stylize('<ref *1>', 'special')} ${out}`;
  return out;
}

function formatPrimitive(ctx: Ctx, v: unknown): string | null {
  switch (typeof v) {
    case 'string':
      return ctx.stylize(quoteString(v), 'string');
    case 'number':
      return ctx.stylize(Object.is(v, -0) ? '-0' : String(v), 'number');
    case 'bigint':
      return ctx.stylize(`${v}n`, 'bigint');
    case 'boolean':
      return ctx.stylize(String(v), 'boolean');
    case 'undefined':
      return ctx.stylize('undefined', 'undefined');
    case 'symbol':
      return ctx.stylize(v.toString(), 'symbol');
  }
  if (v === null) return ctx.stylize('null', 'null');
  return null;
}

function errorText(e: Error): string {
  const stack = typeof e.stack === 'string' && e.stack ? e.stack : `${e.name}: ${e.message}`;
  return stack;
}

function formatValue(ctx: Ctx, v: unknown, level: number, indent: number): string {
  const prim = formatPrimitive(ctx, v);
  if (prim !== null) return prim;
  const o = v as object;
  if (ctx.seen.includes(o)) {
    if (ctx.legacy) return ctx.stylize('[Circular]', 'special');
    ctx.circular.set(o, 1);
    return ctx.stylize('[Circular *1]', 'special');
  }
  const ownKeys = (): (string | symbol)[] => {
    try {
      return Reflect.ownKeys(o).filter((k) => Object.getOwnPropertyDescriptor(o, k)?.enumerable);
    } catch {
      return [];
    }
  };
  if (typeof v === 'function') {
    const name = fnName(v as (...a: any[]) => unknown);
    let base: string;
    if (isClass(v as (...a: any[]) => unknown)) {
      const ext = Object.getPrototypeOf(v);
      base = ctx.legacy ? `[Function: ${name}]` : `[class ${name || '(anonymous)'}${ext && ext.name ? ` extends ${ext.name}` : ''}]`;
    } else base = name ? `[Function: ${name}]` : ctx.legacy ? '[Function]' : '[Function (anonymous)]';
    base = ctx.stylize(base, 'special');
    const keys = ownKeys().filter((k) => k !== 'prototype');
    if (keys.length === 0) return base;
    return formatEntries(ctx, o, keys, `${base}`, '{', '}', level, indent);
  }
  if (v instanceof Date) return ctx.stylize(isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString(), 'date');
  if (v instanceof RegExp) return ctx.stylize(String(v), 'regexp');
  if (v instanceof Error) {
    const keys = ownKeys().filter((k) => k !== 'stack' && k !== 'message');
    const text = ctx.stackOf ? ctx.stackOf(v) : errorText(v);
    if (keys.length === 0) return ctx.legacy ? text : text;
    if (ctx.legacy) {
      ctx.seen.push(o);
      const entries = keys.map((k) => `${formatKey(k)}: ${formatValue(ctx, (o as any)[k], level + 1, indent + 2)}`);
      ctx.seen.pop();
      return `{ ${text}\n${' '.repeat(indent + 2)}${entries.join(`,\n${' '.repeat(indent + 2)}`)} }`;
    }
    return formatEntries(ctx, o, keys, text, '{', '}', level, indent, true);
  }
  if (level > ctx.depth) {
    if (Array.isArray(v)) return ctx.stylize('[Array]', 'special');
    const cn = constructorName(o);
    return ctx.stylize(`[${cn || 'Object'}]`, 'special');
  }
  if (Array.isArray(v)) {
    ctx.seen.push(o);
    const items: string[] = [];
    const max = 100;
    let holes = 0;
    const flushHoles = () => {
      if (holes) items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
      holes = 0;
    };
    for (let i = 0; i < v.length && items.length < max; i++) {
      if (!(i in v)) {
        holes++;
        continue;
      }
      flushHoles();
      items.push(formatValue(ctx, v[i], level + 1, indent + 2));
    }
    flushHoles();
    if (v.length > max) items.push(`... ${v.length - max} more item${v.length - max > 1 ? 's' : ''}`);
    for (const k of ownKeys()) {
      if (typeof k === 'string' && /^\d+$/.test(k)) continue;
      if (k === 'length') continue;
      items.push(`${formatKey(k)}: ${formatValue(ctx, (o as any)[k], level + 1, indent + 2)}`);
    }
    ctx.seen.pop();
    const cn = constructorName(o);
    const prefix = cn && cn !== 'Array' ? `${cn}(${v.length}) ` : '';
    if (items.length === 0) return `${prefix}[]`;
    return wrap(ctx, items, `${prefix}[`, ']', indent);
  }
  if (v instanceof Map) {
    ctx.seen.push(o);
    const items = [...v.entries()].map(([k, val]) => `${formatValue(ctx, k, level + 1, indent + 2)} => ${formatValue(ctx, val, level + 1, indent + 2)}`);
    ctx.seen.pop();
    const head = ctx.legacy ? 'Map' : `Map(${v.size})`;
    if (!items.length) return `${head} {}`;
    return wrap(ctx, items, `${head} {`, '}', indent);
  }
  if (v instanceof Set) {
    ctx.seen.push(o);
    const items = [...v.values()].map((x) => formatValue(ctx, x, level + 1, indent + 2));
    ctx.seen.pop();
    const head = ctx.legacy ? 'Set' : `Set(${v.size})`;
    if (!items.length) return `${head} {}`;
    return wrap(ctx, items, `${head} {`, '}', indent);
  }
  if (v instanceof Promise) return 'Promise { <pending> }';
  if (v instanceof Uint8Array) {
    const cn = constructorName(o) || 'Uint8Array';
    if (cn === 'Buffer') {
      const hex = [...v.subarray(0, 50)].map((b) => b.toString(16).padStart(2, '0'));
      return `<Buffer${hex.length ? ' ' + hex.join(' ') : ''}${v.length > 50 ? ` ... ${v.length - 50} more bytes` : ''}>`;
    }
    return wrap(ctx, [...v.subarray(0, 100)].map(String), `${cn}(${v.length}) [`, ']', indent);
  }
  const keys = ownKeys();
  const cn = constructorName(o);
  let prefix = '';
  if (cn === null && isModuleNamespace(o)) return formatEntries(ctx, o, keys, '[Module: null prototype]', '{', '}', level, indent, false, true);
  if (cn === null) prefix = '[Object: null prototype] ';
  else if (cn && cn !== 'Object') prefix = `${cn} `;
  if (keys.length === 0) {
    if (cn === null) return '[Object: null prototype] {}';
    return `${prefix}{}`;
  }
  return formatEntries(ctx, o, keys, prefix.trimEnd(), '{', '}', level, indent);
}

/** An ES module namespace object as the runtime builds it (null prototype, tagged Module). */
function isModuleNamespace(o: object): boolean {
  return Object.prototype.toString.call(o) === '[object Module]';
}

function formatEntries(
  ctx: Ctx,
  o: object,
  keys: (string | symbol)[],
  prefix: string,
  open: string,
  close: string,
  level: number,
  indent: number,
  forceBreak = false,
  namespace = false,
): string {
  ctx.seen.push(o);
  const items = keys.map((k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    let val: string;
    if (namespace) {
      // A module namespace shows its bindings' values; one not yet initialized (a cycle) is <uninitialized>.
      try {
        val = formatValue(ctx, (o as any)[k], level + 1, indent + 2);
      } catch {
        val = ctx.stylize('<uninitialized>', 'special');
      }
    } else if (d && (d.get || d.set)) val = ctx.stylize(d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]', 'special');
    else val = formatValue(ctx, (o as any)[k], level + 1, indent + 2);
    return `${formatKey(k)}: ${val}`;
  });
  ctx.seen.pop();
  const start = prefix ? `${prefix} ${open}` : open;
  if (forceBreak) {
    const pad = ' '.repeat(indent + 2);
    return `${start}\n${pad}${items.join(`,\n${pad}`)}\n${' '.repeat(indent)}${close}`;
  }
  return wrap(ctx, items, start, close, indent);
}

function wrap(ctx: Ctx, items: string[], start: string, close: string, indent: number): string {
  const total = items.reduce((n, s) => n + s.replace(/\x1b\[\d+m/g, '').length, 0) + items.length;
  const multiline = items.some((s) => s.includes('\n'));
  if (!multiline && start.length + total + indent + 4 <= ctx.breakLength) {
    return `${start} ${items.join(', ')} ${close}`;
  }
  const pad = ' '.repeat(indent + 2);
  if (ctx.legacy) return `${start} ${items.join(`,\n${pad}`)} ${close}`;
  return `${start}\n${pad}${items.join(`,\n${pad}`)}\n${' '.repeat(indent)}${close}`;
}

/** util.format: %s %d %i %f %j %o %O %c %%, extra arguments appended with spaces. */
export function format(opts: InspectOptions, ...args: unknown[]): string {
  if (args.length === 0) return '';
  const first = args[0];
  let out = '';
  let a = 1;
  if (typeof first === 'string') {
    let i = 0;
    let last = 0;
    while (i < first.length - 1) {
      if (first[i] === '%') {
        const c = first[i + 1];
        let rep: string | null = null;
        if (c === '%') {
          out += first.slice(last, i) + '%';
          last = i + 2;
          i += 2;
          continue;
        }
        if (a < args.length) {
          const arg = args[a];
          switch (c) {
            case 's':
              rep =
                typeof arg === 'string'
                  ? arg
                  : typeof arg === 'bigint'
                    ? `${arg}n`
                    : typeof arg === 'object' && arg !== null
                      ? inspect(arg, { ...opts, depth: opts.legacy ? 2 : 0, colors: false })
                      : typeof arg === 'symbol'
                        ? arg.toString()
                        : String(arg);
              break;
            case 'd':
              rep = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? 'NaN' : formatNumber(Number(arg));
              break;
            case 'i':
              rep = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? 'NaN' : String(parseInt(String(arg), 10));
              break;
            case 'f':
              rep = typeof arg === 'symbol' ? 'NaN' : String(parseFloat(String(arg)));
              break;
            case 'j':
              try {
                rep = JSON.stringify(arg) ?? 'undefined';
              } catch {
                rep = '[Circular]';
              }
              break;
            case 'o':
              rep = inspect(arg, { ...opts, depth: 4 });
              break;
            case 'O':
              rep = inspect(arg, opts);
              break;
            case 'c':
              rep = '';
              break;
          }
        }
        if (rep !== null) {
          out += first.slice(last, i) + rep;
          a++;
          last = i + 2;
          i += 2;
          continue;
        }
      }
      i++;
    }
    out += first.slice(last);
  } else {
    a = 0;
  }
  for (; a < args.length; a++) {
    const v = args[a];
    const s = typeof v === 'string' ? v : inspect(v, opts);
    out += a === 0 ? s : ' ' + s;
  }
  return out;
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}
