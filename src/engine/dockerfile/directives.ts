/**
 * Parser directives (`# syntax=`, `# escape=`, `# check=`): recognised only in the leading block of
 * comment lines. The first line that is not a known directive ends the block for good.
 */
import { goQuote } from '../core/format';

const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
export const VALID_DIRECTIVES = ['syntax', 'escape', 'check'] as const;

export interface ParsedDirective {
  name: string;
  value: string;
  line: number;
}

export class DirectiveScanner {
  private done = false;
  private seen = new Set<string>();
  private line = 0;
  readonly parsed: ParsedDirective[] = [];
  escape = '\\';
  /** Whether the last line fed was a recognised directive. */
  lastWasDirective = false;

  /** Feeds one physical line (newline and leading white space removed). Returns an error message, if any. */
  feed(text: string): string | null {
    this.line++;
    this.lastWasDirective = false;
    if (this.done) return null;
    const m = DIRECTIVE.exec(text);
    if (!m) {
      this.done = true;
      return null;
    }
    const key = m[1].toLowerCase();
    if (!(VALID_DIRECTIVES as readonly string[]).includes(key)) {
      this.done = true;
      return null;
    }
    if (this.seen.has(key)) return `only one ${key} parser directive can be used`;
    this.seen.add(key);
    this.lastWasDirective = true;
    const value = m[2];
    this.parsed.push({ name: key, value, line: this.line });
    if (key === 'escape') {
      if (value !== '`' && value !== '\\') return `invalid escape token '${value}' does not match \` or \\`;
      this.escape = value;
    }
    return null;
  }
}

/** `# check=skip=A,B;error=true` → settings. `skip=all` skips every rule. */
export interface CheckDirective {
  skip: string[];
  skipAll: boolean;
  error: boolean;
}

function goParseBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

/** Go strings.SplitN(s, sep, n). */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/**
 * Validates `# check=` like BuildKit's ParseLintOptions; returns Docker's error text or null.
 * BuildKit fails the whole build with it ("failed to parse check options: ...").
 */
export function checkDirectiveError(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  for (const p of splitN(v, ';', 3)) {
    const eq = p.indexOf('=');
    if (eq < 0) return `failed to parse check options: invalid check option ${goQuote(p)}`;
    const k = p.slice(0, eq).trim();
    const val = p.slice(eq + 1).trim();
    if (k === 'skip' || k === 'experimental') continue;
    if (k === 'error') {
      if (goParseBool(val) === null) {
        return `failed to parse check options: failed to parse check option ${goQuote(p)}: strconv.ParseBool: parsing ${goQuote(val)}: invalid syntax`;
      }
      continue;
    }
    return `failed to parse check options: invalid check option ${goQuote(k)}`;
  }
  return null;
}

export function parseCheckDirective(value: string | undefined): CheckDirective {
  const out: CheckDirective = { skip: [], skipAll: false, error: false };
  const v = (value ?? '').trim();
  if (!v || checkDirectiveError(v)) return out;
  for (const part of splitN(v, ';', 3)) {
    const eq = part.indexOf('=');
    const k = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (k === 'skip') {
      if (val === 'all') out.skipAll = true;
      else out.skip.push(...val.split(',').map((x) => x.trim()));
    } else if (k === 'error') out.error = goParseBool(val) === true;
  }
  return out;
}
