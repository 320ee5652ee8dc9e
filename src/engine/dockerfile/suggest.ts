/** "Did you mean ...?" suggestions (BuildKit util/suggest): Levenshtein distance < 3. */

export function levenshtein(a: string, b: string): number {
  const A = Array.from(a);
  const B = Array.from(b);
  if (A.length === 0) return B.length;
  if (B.length === 0) return A.length;
  let prev = new Array<number>(B.length + 1);
  let cur = new Array<number>(B.length + 1);
  for (let j = 0; j <= B.length; j++) prev[j] = j;
  for (let i = 1; i <= A.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[B.length];
}

/**
 * Closest option within distance < 3 (first one wins on ties, so the order of `options` is the
 * deterministic tie-break). Case-insensitive search copies the user's case: all upper → upper, else lower.
 */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | null {
  if (!value) return null;
  const v = caseSensitive ? value : value.toLowerCase();
  let min = 3;
  let match: string | null = null;
  for (const o0 of options) {
    const o = caseSensitive ? o0 : o0.toLowerCase();
    if (o === v) return null;
    if (Math.abs(o.length - v.length) >= min) continue;
    const d = levenshtein(v, o);
    if (d < min) {
      min = d;
      match = o;
    }
  }
  if (match === null) return null;
  if (!caseSensitive && value === value.toUpperCase() && value !== value.toLowerCase()) return match.toUpperCase();
  return match;
}

export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const m = suggest(value, options, caseSensitive);
  return m ? `${message} (did you mean ${m}?)` : message;
}
