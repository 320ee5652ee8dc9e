/**
 * Docker's human-readable numbers, as github.com/docker/go-units prints them, plus the small text helpers
 * docker's formatters use (short IDs, Go quoting, `…` truncation).
 */

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * The exact decimal expansion of a finite double as [digits, exponent]: value = 0.digits × 10^exponent.
 * Every double has a finite decimal expansion; we need it to round half-to-even the way Go's fmt does.
 */
function exactDecimal(x: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0', exp: 1 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  let intDigits: string;
  let fracLen: number;
  if (e2 >= 0) {
    intDigits = (mant << BigInt(e2)).toString();
    fracLen = 0;
  } else {
    // mant / 2^k = mant * 5^k / 10^k
    intDigits = (mant * 5n ** BigInt(-e2)).toString();
    fracLen = -e2;
  }
  // value = intDigits × 10^-fracLen
  const stripped = intDigits.replace(/^0+/, '');
  return { digits: stripped.replace(/0+$/, '') || '0', exp: stripped.length - fracLen };
}

/** Go's fmt `%.<prec>g` for a non-negative or negative finite number (no `#` flag): shortest, trailing zeros removed. */
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  if (prec <= 0) prec = 1;
  const neg = x < 0 || Object.is(x, -0);
  const { digits, exp } = exactDecimal(Math.abs(x));
  let d = digits;
  let e = exp; // value = 0.d × 10^e
  if (d !== '0' && d.length > prec) {
    // Round half to even at prec significant digits.
    const keep = d.slice(0, prec);
    const rest = d.slice(prec);
    let up: boolean;
    if (rest[0] > '5') up = true;
    else if (rest[0] < '5') up = false;
    else if (/[1-9]/.test(rest.slice(1))) up = true;
    else up = (Number(keep[keep.length - 1]) & 1) === 1;
    if (up) {
      const n = (BigInt(keep) + 1n).toString();
      if (n.length > keep.length) {
        d = n.slice(0, prec);
        e += 1;
      } else d = n;
    } else d = keep;
    d = d.replace(/0+$/, '') || '0';
  }
  let body: string;
  if (d === '0') body = '0';
  else {
    const x10 = e - 1; // scientific exponent
    if (x10 < -4 || x10 >= prec) {
      const mant = d.length > 1 ? `${d[0]}.${d.slice(1)}` : d;
      const ae = Math.abs(x10);
      body = `${mant}e${x10 < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
    } else if (e <= 0) body = `0.${'0'.repeat(-e)}${d}`;
    else if (d.length <= e) body = d + '0'.repeat(e - d.length);
    else body = `${d.slice(0, e)}.${d.slice(e)}`;
  }
  return neg && body !== '0' ? `-${body}` : body;
}

/** go-units HumanSizeWithPrecision: base 1000, `B kB MB GB TB`, no space, `%.<precision>g`. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, precision)}${DECIMAL_UNITS[i]}`;
}

/** The size docker prints in `image ls`, `history`, `ps -s`: HumanSizeWithPrecision(n, 3), e.g. `1.09GB`, `154MB`, `0B`. */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

/** go-units HumanSize (4 significant digits), as `system df` prints: `16.43MB`. */
export function humanSizeP4(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** go-units HumanDuration for a duration in milliseconds: `Less than a second` … `N years`. Add " ago" yourself. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3600000); // Go math.Round: half away from zero (ms > 0 here)
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

/** The 12-hex short form of an ID: strips `sha256:` (or any `algo:`) and keeps 12 characters. */
export function shortId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}

/** Runes Go's strconv.IsPrint accepts besides ASCII: letters, marks, numbers, punctuation and symbols. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's backslash escapes for ASCII control characters. */
const GO_ESCAPES: Record<number, string> = { 0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v' };

/**
 * Go's strconv.Quote / `%q` for a string: double quotes, backslash escapes, non-printable runes as \x, \u, \U
 * (a lone surrogate, which Go would see as invalid UTF-8, as \ufffd).
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x80) out += GO_ESCAPES[c] ?? '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (PRINTABLE.test(ch)) out += ch;
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Go `%q` of a string slice, as BuildKit writes CMD/ENTRYPOINT in history: `["node" "app.js"]` (no commas). */
export function goQuoteSlice(items: string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/**
 * Docker's display truncation (`formatter.Ellipsis`): at most `n` runes; when cut, the last kept rune is
 * replaced with `…` (so the result is exactly n runes long).
 */
export function truncateDisplay(s: string, n: number): string {
  if (n <= 0) return '';
  const runes = [...s];
  if (n === 1) return runes[0] ?? '';
  if (runes.length <= n) return s;
  return runes.slice(0, n - 1).join('') + '…';
}
