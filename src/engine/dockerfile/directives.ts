/**
 * Parser directives (`# syntax=`, `# escape=`, `# check=`): recognised only in the leading block of
 * comment lines. The first line that is not a known directive ends the block for good.
 */
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

export function parseCheckDirective(value: string | undefined): CheckDirective {
  const out: CheckDirective = { skip: [], skipAll: false, error: false };
  if (!value) return out;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (k === 'skip') {
      for (const r of v.split(',').map((x) => x.trim()).filter(Boolean)) {
        if (r.toLowerCase() === 'all') out.skipAll = true;
        else out.skip.push(r);
      }
    } else if (k === 'error') out.error = v.toLowerCase() === 'true';
  }
  return out;
}
