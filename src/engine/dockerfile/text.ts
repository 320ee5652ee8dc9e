/**
 * Small text helpers shared by the Dockerfile parser: Go's notion of white space, Go-style string quoting
 * (what BuildKit's AST dump and `%q` print) and UTF-8 byte lengths.
 */

/** Go's unicode.IsSpace. */
export function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The characters of the parser's `[\t\v\f\r ]` class. */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isSpace(s[j - 1])) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** Go's strings.TrimSpace. */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

/** Splits on runs of `[\t\v\f\r ]` like Go's regexp Split(s, -1) (empty leading/trailing pieces kept). */
export function splitBlank(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (isBlank(s.charCodeAt(i))) {
      out.push(s.slice(start, i));
      while (i < s.length && isBlank(s.charCodeAt(i))) i++;
      start = i;
    } else i++;
  }
  out.push(s.slice(start));
  return out;
}

/** Splits once on the first run of `[\t\v\f\r ]` (Go regexp Split(s, 2)). */
export function splitBlankOnce(s: string): [string] | [string, string] {
  for (let i = 0; i < s.length; i++) {
    if (isBlank(s.charCodeAt(i))) {
      let j = i;
      while (j < s.length && isBlank(s.charCodeAt(j))) j++;
      return [s.slice(0, i), s.slice(j)];
    }
  }
  return [s];
}

/** Number of bytes `s` takes in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
