/**
 * The `echo` and `printf` builtins of busybox ash. ash's echo takes `-n`, `-e` and `-E` (in any combination,
 * like `-ne`) and interprets backslash escapes only with `-e` (dash's always does); printf reuses its format while arguments remain,
 * knows `%s %b %c %d %i %o %u %x %X %e %E %f %g %G %%`, flags, width and precision (also `*`), and reports
 * arguments that are not numbers as `invalid number 'x'` (status 1).
 */
export interface Out {
  out(t: string): void;
  err(t: string): void;
}

/** Expands backslash escapes (`\n`, `\t`, `\0NNN`/`\NNN`, `\xHH`, `\c` stops output). */
export function escapes(s: string, echoOctal: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) text += simple[n];
    else if (n === 'c') return { text, stop: true };
    else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))!;
      text += String.fromCharCode(parseInt(m[0], 16));
      i += m[0].length;
    } else if (/[0-7]/.test(n)) {
      const m = (echoOctal && n === '0' ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/).exec(s.slice(i))!;
      text += String.fromCharCode(parseInt(m[0], 8) & 255);
      i += m[0].length - 1;
    } else text += '\\' + n;
  }
  return { text, stop: false };
}

/** `dash`: dash's echo, which always interprets escapes and knows only `-n`. */
export function echoBuiltin(args: string[], io: Out, dash = false): number {
  let newline = true;
  let interpret = dash;
  let i = 0;
  for (; i < args.length; i++) {
    const m = (dash ? /^-(n+)$/ : /^-([neE]+)$/).exec(args[i]);
    if (!m) break;
    for (const f of m[1]) {
      if (f === 'n') newline = false;
      else interpret = f === 'e';
    }
  }
  let out = '';
  const words = args.slice(i);
  for (let k = 0; k < words.length; k++) {
    if (k) out += ' ';
    if (!interpret) {
      out += words[k];
      continue;
    }
    const r = escapes(words[k], true);
    out += r.text;
    if (r.stop) {
      io.out(out);
      return 0;
    }
  }
  io.out(newline ? out + '\n' : out);
  return 0;
}

function toNumber(a: string | undefined, prefix: string, io: Out, bad: { error: boolean }): number {
  const s = a ?? '';
  if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
  const t = s.trim();
  if (/^[-+]?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t)) {
    const neg = t.startsWith('-');
    const body = t.replace(/^[-+]/, '');
    const v = /^0[xX]/.test(body) ? parseInt(body, 16) : /^0[0-7]+$/.test(body) ? parseInt(body, 8) : Number(body);
    return neg ? -v : v;
  }
  io.err(`${prefix}: invalid number '${s}'\n`);
  bad.error = true;
  const lead = /^[-+]?[0-9]+/.exec(t);
  return lead ? Number(lead[0]) : 0;
}

function toFloat(a: string | undefined, prefix: string, io: Out, bad: { error: boolean }): number {
  const s = (a ?? '').trim();
  if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
  if (s !== '' && !Number.isNaN(Number(s))) return Number(s);
  io.err(`${prefix}: invalid number '${a ?? ''}'\n`);
  bad.error = true;
  return 0;
}

function pad(s: string, flags: string, width: number | null, numeric: boolean): string {
  if (width === null || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    const prefix = /^[-+ ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : '';
    const rest = s.slice(sign.length + prefix.length);
    return sign + prefix + rest.padStart(width - sign.length - prefix.length, '0');
  }
  return s.padStart(width);
}

function expo(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function general(v: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = expo(v, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e|E)/, '$1');
  } else {
    s = v.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

export function printfBuiltin(args: string[], io: Out, prefix: string): number {
  if (!args.length) {
    io.err(`${prefix}: usage: printf FORMAT [ARGUMENT...]\n`);
    return 2;
  }
  const fmt = args[0];
  const rest = args.slice(1);
  const bad = { error: false };
  let k = 0;
  let out = '';
  const next = (): string | undefined => rest[k++];
  for (;;) {
    const startK = k;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i];
      if (c === '\\') {
        const m = /^\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(fmt.slice(i));
        if (!m) {
          out += c;
          continue;
        }
        const r = escapes(m[0], false);
        if (r.stop) {
          io.out(out);
          return bad.error ? 1 : 0;
        }
        out += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGcsb%])/.exec(fmt.slice(i));
      if (!m) {
        io.out(out);
        io.err(`${prefix}: ${/^%[-+ #0]*(\*|\d+)?(\.(\*|\d*))?./.exec(fmt.slice(i))?.[0] ?? '%'}: invalid format\n`);
        return 1;
      }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? toNumber(next(), prefix, io, bad) : w ? Number(w) : null;
      const prec = p === undefined ? null : p === '*' ? toNumber(next(), prefix, io, bad) : Number(p || 0);
      const flagsEff = width !== null && width < 0 ? flags + '-' : flags;
      const wAbs = width === null ? null : Math.abs(width);
      const a = next();
      let s: string;
      switch (conv) {
        case 's':
          s = a ?? '';
          if (prec !== null) s = s.slice(0, prec);
          out += pad(s, flagsEff, wAbs, false);
          break;
        case 'b': {
          const r = escapes(a ?? '', true);
          s = prec !== null ? r.text.slice(0, prec) : r.text;
          out += pad(s, flagsEff, wAbs, false);
          if (r.stop) {
            io.out(out);
            return bad.error ? 1 : 0;
          }
          break;
        }
        case 'c':
          out += pad((a ?? '').slice(0, 1), flagsEff, wAbs, false);
          break;
        case 'd':
        case 'i': {
          const v = toNumber(a, prefix, io, bad);
          let d = String(Math.abs(Math.trunc(v)));
          if (prec !== null) d = d.padStart(prec, '0');
          s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + d;
          out += pad(s, flagsEff, wAbs, prec === null);
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          let v = toNumber(a, prefix, io, bad);
          if (v < 0) v = Number(BigInt.asUintN(64, BigInt(Math.trunc(v))));
          s = conv === 'o' ? v.toString(8) : conv === 'u' ? String(v) : v.toString(16);
          if (conv === 'X') s = s.toUpperCase();
          if (prec !== null) s = s.padStart(prec, '0');
          if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
          out += pad(s, flagsEff, wAbs, prec === null);
          break;
        }
        default: {
          const v = toFloat(a, prefix, io, bad);
          const pr = prec ?? 6;
          if (conv === 'f' || conv === 'F') s = v.toFixed(pr);
          else if (conv === 'e' || conv === 'E') s = expo(v, pr, conv === 'E');
          else s = general(v, pr, flags.includes('#'), conv === 'G');
          if (v >= 0 && flags.includes('+')) s = '+' + s;
          else if (v >= 0 && flags.includes(' ')) s = ' ' + s;
          out += pad(s, flagsEff, wAbs, true);
        }
      }
    }
    if (k >= rest.length || k === startK) break;
  }
  io.out(out);
  return bad.error ? 1 : 0;
}
