/**
 * Variable interpolation in Compose files, as compose-go's template package does it: `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}`, `${VAR:?error}` / `${VAR?error}`, `${VAR:+alt}` / `${VAR+alt}`,
 * nested defaults, and `$$` for a literal `$`. Also reads `.env` files (KEY=VALUE lines).
 */

export interface InterpolationIssue {
  /** Dotted path of the value ("services.web.image"). */
  path: string;
  message: string;
}

export interface InterpolateResult {
  value: string;
  /** Variables used while unset (Compose warns and substitutes an empty string). */
  unset: string[];
}

type Lookup = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Substitutes variables in one string; an error text is Compose's, without the "for <path>" part. */
export function interpolateString(s: string, lookup: Lookup): { ok: true; value: InterpolateResult } | { ok: false; error: string } {
  const unset: string[] = [];
  const r = substitute(s, lookup, unset);
  if (typeof r !== 'string') return { ok: false, error: r.error };
  return { ok: true, value: { value: r, unset } };
}

function substitute(s: string, lookup: Lookup, unset: string[]): string | { error: string } {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(s, i + 2);
      if (end < 0) return { error: `invalid` };
      const r = braced(s.slice(i + 2, end), lookup, unset);
      if (typeof r !== 'string') return r;
      out += r;
      i = end + 1;
      continue;
    }
    const m = NAME.exec(s.slice(i + 1));
    if (!m) {
      // A lone `$` before something that is not a name: compose-go rejects it as an invalid template.
      return { error: 'invalid' };
    }
    const v = lookup(m[0]);
    if (v === undefined) unset.push(m[0]);
    out += v ?? '';
    i += 1 + m[0].length;
  }
  return out;
}

function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function braced(body: string, lookup: Lookup, unset: string[]): string | { error: string } {
  const m = NAME.exec(body);
  if (!m) return { error: 'invalid' };
  const name = m[0];
  const rest = body.slice(name.length);
  const v = lookup(name);
  if (rest === '') {
    if (v === undefined) unset.push(name);
    return v ?? '';
  }
  const op = /^(:?[-?+])/.exec(rest);
  if (!op) return { error: 'invalid' };
  const arg = rest.slice(op[1].length);
  const colon = op[1].startsWith(':');
  const missing = colon ? v === undefined || v === '' : v === undefined;
  switch (op[1].slice(-1)) {
    case '-':
      return missing ? substitute(arg, lookup, unset) : v!;
    case '+':
      return missing ? '' : substitute(arg, lookup, unset);
    default: {
      if (!missing) return v!;
      const reason = substitute(arg, lookup, unset);
      if (typeof reason !== 'string') return reason;
      return { error: reason ? `required variable ${name} is missing a value: ${reason}` : `required variable ${name} is missing a value` };
    }
  }
}

/**
 * Interpolates every string in a parsed YAML tree (mapping keys are left alone, as Compose does). Returns the
 * new tree, the names of unset variables in first-use order, or the first error in Compose's words.
 */
export function interpolateTree(
  tree: unknown,
  lookup: Lookup,
): { ok: true; value: unknown; unset: string[] } | { ok: false; error: string; path: string[] } {
  const unset: string[] = [];
  const walk = (v: unknown, path: string[]): { v: unknown } | { error: string; path: string[] } => {
    if (typeof v === 'string') {
      const r = interpolateString(v, lookup);
      if (!r.ok) {
        const where = path.join('.');
        if (r.error === 'invalid') return { error: `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${v}`, path };
        return { error: `error while interpolating ${where}: ${r.error}`, path };
      }
      for (const n of r.value.unset) if (!unset.includes(n)) unset.push(n);
      return { v: r.value.value };
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], [...path, String(i)]);
        if ('error' in r) return r;
        out.push(r.v);
      }
      return { v: out };
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const r = walk(x, [...path, k]);
        if ('error' in r) return r;
        out[k] = r.v;
      }
      return { v: out };
    }
    return { v };
  };
  const r = walk(tree, []);
  if ('error' in r) return { ok: false, error: r.error, path: r.path };
  return { ok: true, value: r.v, unset };
}

/** Parses a `.env` / `env_file` text: KEY=VALUE lines, `#` comments, optional `export `, quoted values. */
export function parseEnvFile(text: string): { ok: true; value: [string, string | null][] } | { ok: false; error: string } {
  const out: [string, string | null][] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line || line.startsWith('#')) continue;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) return { ok: false, error: `line ${n + 1}: unexpected character "${key.replace(/^[A-Za-z0-9_.-]*/, '')[0] ?? key[0]}" in variable name "${key}"` };
    if (eq < 0) {
      out.push([key, null]);
      continue;
    }
    let value = body.slice(eq + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else value = value.replace(/\s+#.*$/, '');
    out.push([key, value]);
  }
  return { ok: true, value: out };
}
