/**
 * The `echo` and `printf` builtins of busybox ash. ash's echo takes `-n`, `-e` and `-E` (in any combination,
 * like `-ne`) and interprets backslash escapes only with `-e` (dash's always does); printf reuses its format while arguments remain,
 * knows `%s %b %c %d %i %o %u %x %X %e %E %f %g %G %%`, flags, width and precision (also `*`), and reports
 * arguments that are not numbers as `invalid number 'x'` (status 1).
 */
import { formatPrintf } from '../coreutils/printf-format';

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
      const a = next();
      // The argument as the conversion reads it: text (%b with its escapes expanded), or a number in the shell's
      // syntax (hex, octal, 'c' for a character's code), which formatPrintf then lays out.
      let value: string | number;
      let as = conv;
      let stop = false;
      if (conv === 'b') {
        const r = escapes(a ?? '', true);
        value = r.text;
        stop = r.stop;
        as = 's';
      } else if (conv === 's' || conv === 'c') value = a ?? '';
      else if ('diouxX'.includes(conv)) value = toNumber(a, prefix, io, bad);
      else value = toFloat(a, prefix, io, bad);
      const spec = `%${flags}${width === null ? '' : '*'}${prec === null ? '' : '.*'}${as}`;
      out += formatPrintf(spec, [...(width === null ? [] : [width]), ...(prec === null ? [] : [prec]), value], { unsignedBits: 64 });
      if (stop) {
        io.out(out);
        return bad.error ? 1 : 0;
      }
    }
    if (k >= rest.length || k === startK) break;
  }
  io.out(out);
  return bad.error ? 1 : 0;
}
