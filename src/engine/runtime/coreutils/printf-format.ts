/**
 * C printf formatting for awk's printf/sprintf (and number output): %d %i %o %u %x %X %c %s %e %E %f %F %g %G %%,
 * flags `-+ 0#`, width and precision (also `*`).
 */

function toNumber(v: number | string | undefined): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v ?? '');
  return m ? Number(m[0]) : 0;
}

function expForm(n: number, prec: number, upper: boolean): string {
  const s = n.toExponential(prec);
  const m = /^(-?[\d.]+)e([-+])(\d+)$/.exec(s)!;
  const out = `${m[1]}e${m[2]}${m[3].padStart(2, '0')}`;
  return upper ? out.toUpperCase() : out;
}

function gForm(n: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  let s: string;
  // Rounding can move the exponent (9.9999995 -> 10.0000); use toExponential's exponent.
  const e2 = Number(n.toExponential(p - 1).split('e')[1]);
  const x = Number.isFinite(e2) ? e2 : exp;
  if (x < -4 || x >= p) {
    s = expForm(n, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+e/, 'e').replace(/\.?0+E/, 'E');
  } else {
    s = n.toFixed(Math.max(0, p - 1 - x));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

export function formatPrintf(fmt: string, args: (number | string)[]): string {
  let ai = 0;
  const next = () => args[ai++];
  return fmt.replace(/%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcseEfFgG%])/g, (_m, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let width = w === '*' ? toNumber(next()) : w ? Number(w) : 0;
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const precGiven = p !== undefined;
    const prec = p === '*' ? toNumber(next()) : p ? Number(p) : 0;
    const v = next();
    let body: string;
    let sign = '';
    let numeric = true;
    switch (conv) {
      case 'd':
      case 'i':
      case 'u': {
        const n = Math.trunc(toNumber(v));
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        body = String(Math.abs(n));
        if (precGiven) body = prec === 0 && n === 0 ? '' : body.padStart(prec, '0');
        break;
      }
      case 'o':
      case 'x':
      case 'X': {
        const n = Math.trunc(toNumber(v)) >>> 0;
        body = n.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') body = body.toUpperCase();
        if (precGiven) body = body.padStart(prec, '0');
        if (flags.includes('#') && n !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const n = toNumber(v);
        sign = n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        const a = Math.abs(n);
        const pr = precGiven ? prec : 6;
        if (!Number.isFinite(a)) body = Number.isNaN(a) ? 'nan' : 'inf';
        else if (conv === 'f' || conv === 'F') body = a.toFixed(pr);
        else if (conv === 'e' || conv === 'E') body = expForm(a, pr, conv === 'E');
        else body = gForm(a, pr, conv === 'G', flags.includes('#'));
        break;
      }
      case 'c': {
        numeric = false;
        body = typeof v === 'number' ? String.fromCharCode(v) : (v ?? '').slice(0, 1);
        break;
      }
      default: {
        numeric = false;
        body = typeof v === 'number' ? String(v) : (v ?? '');
        if (precGiven) body = body.slice(0, prec);
      }
    }
    const len = sign.length + body.length;
    if (len >= width) return sign + body;
    if (left) return (sign + body).padEnd(width);
    if (numeric && flags.includes('0') && !(precGiven && 'diouxX'.includes(conv))) return sign + body.padStart(width - sign.length, '0');
    return (sign + body).padStart(width);
  });
}
