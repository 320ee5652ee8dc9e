/**
 * C printf formatting, the one formatter of the `printf` command (shell builtin and applet, which parse their
 * arguments and hand each conversion here) and of awk's printf/sprintf and number output:
 * %d %i %o %u %x %X %c %s %e %E %f %F %g %G %%, flags `-+ 0#`, width and precision (also `*`; a negative `*`
 * width means `-`, a negative precision none).
 */

export interface PrintfOptions {
  /**
   * Width of the unsigned conversions (%o %u %x %X) of a negative number: busybox awk passes C an `unsigned int`
   * (`printf "%x", -1` gives ffffffff), the printf command a 64-bit integer (ffffffffffffffff). Default 32.
   */
  unsignedBits?: 32 | 64;
}

/** The digits of an unsigned conversion (exact for 64-bit values, which a double cannot hold). */
function unsignedDigits(n: number, bits: 32 | 64, radix: number): string {
  if (!Number.isFinite(n)) return '0';
  if (n >= 0) return BigInt(n).toString(radix);
  return (bits === 32 ? BigInt(n >>> 0) : BigInt.asUintN(64, BigInt(n))).toString(radix);
}

/**
 * A double rounded to `digits` digits as C rounds it: the exact binary value, a tie going to the even digit
 * (`%.0f` of 2.5 is 2, of 3.5 is 4), where JavaScript's toFixed/toExponential round a tie up. `format(d)` gives
 * the rounded text with `d` digits; the tie shows as a `5` and only zeros after the last digit kept.
 */
function roundC(format: (digits: number) => string, digits: number): string {
  const rounded = format(digits);
  const more = Math.min(100, digits + 25);
  if (more <= digits) return rounded;
  const long = format(more);
  const mantissa = /^[^e]*/.exec(long)![0];
  const tail = mantissa.slice(mantissa.length - (more - digits));
  if (!/^50*$/.test(tail)) return rounded;
  const kept = mantissa.slice(0, mantissa.length - tail.length).replace(/\.$/, '');
  if (Number(kept[kept.length - 1]) % 2 !== 0) return rounded;
  return kept + long.slice(mantissa.length);
}

const fixedC = (n: number, prec: number) => roundC((d) => n.toFixed(d), prec);
const exponentialC = (n: number, prec: number) => roundC((d) => n.toExponential(d), prec);

function toNumber(v: number | string | undefined): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v ?? '');
  return m ? Number(m[0]) : 0;
}

function expForm(n: number, prec: number, upper: boolean): string {
  const s = exponentialC(n, prec);
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
  const e2 = Number(exponentialC(n, p - 1).split('e')[1]);
  const x = Number.isFinite(e2) ? e2 : exp;
  if (x < -4 || x >= p) {
    s = expForm(n, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+e/, 'e').replace(/\.?0+E/, 'E');
  } else {
    s = fixedC(n, Math.max(0, p - 1 - x));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

export function formatPrintf(fmt: string, args: (number | string)[], opts: PrintfOptions = {}): string {
  const bits = opts.unsignedBits ?? 32;
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
    let prec = p === '*' ? toNumber(next()) : p ? Number(p) : 0;
    const precGiven = p !== undefined && prec >= 0;
    if (!precGiven) prec = 0;
    const v = next();
    let body: string;
    let sign = '';
    /** `0x` of %#x: zero padding goes after it. */
    let prefix = '';
    let numeric = true;
    switch (conv) {
      case 'd':
      case 'i': {
        const n = Math.trunc(toNumber(v));
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        body = String(Math.abs(n));
        if (precGiven) body = prec === 0 && n === 0 ? '' : body.padStart(prec, '0');
        break;
      }
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        body = unsignedDigits(Math.trunc(toNumber(v)), bits, conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        const zero = body === '0';
        if (conv === 'X') body = body.toUpperCase();
        if (precGiven) body = prec === 0 && zero ? '' : body.padStart(prec, '0');
        if (flags.includes('#') && conv === 'o' && !body.startsWith('0')) body = '0' + body;
        if (flags.includes('#') && !zero && conv !== 'o' && conv !== 'u') prefix = conv === 'x' ? '0x' : '0X';
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
        else if (conv === 'f' || conv === 'F') body = fixedC(a, pr);
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
    const head = sign + prefix;
    const len = head.length + body.length;
    if (len >= width) return head + body;
    if (left) return (head + body).padEnd(width);
    if (numeric && flags.includes('0') && !(precGiven && 'diouxX'.includes(conv))) return head + body.padStart(width - head.length, '0');
    return (head + body).padStart(width);
  });
}
