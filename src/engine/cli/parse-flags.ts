/**
 * pflag-style command-line parsing, with the error texts of github.com/spf13/pflag as the docker 28 client
 * prints them. Pure: no output, no engine. docker.ts turns errors into docker's usage messages.
 *
 * Supported: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, bundles `-abc` (bools, with
 * the last one allowed to take a value: `-itp 80`), bool flags with `--flag=false`, `--` ends flags, repeatable
 * flags (stringArray, list, map, stringSlice, comma-split), and stopping at the first positional argument
 * (`interspersed: false`, as `docker run IMAGE --flag` passes `--flag` to the container).
 */
import type { FlagSpec, FlagType, ParsedFlags } from './command';

export type FlagValue = boolean | string | number | string[];

export interface ParseFlagsOptions {
  /** false: stop at the first positional argument (docker run/exec and the top-level `docker` command). */
  interspersed?: boolean;
  /** Add cobra's hidden `--help` (and `-h` unless a flag already uses that shorthand). Default true. */
  helpFlag?: boolean;
}

export type ParseFlagsResult =
  | {
      ok: true;
      flags: ParsedFlags & { values: Map<string, FlagValue> };
      args: string[];
      help: boolean;
      /** pflag's notices for stdout, e.g. "Flag shorthand -h has been deprecated, use --help". */
      notices: string[];
    }
  | { ok: false; message: string };

const REPEATABLE: FlagType[] = ['stringArray', 'stringSlice', 'list', 'map'];

/** Go strconv.ParseBool. */
export function parseGoBool(s: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return null;
}

/** Go strconv.ParseInt(s, 0, 64) (base prefixes, underscores only with a prefix are ignored here). */
function parseGoInt(s: string, unsigned: boolean): number | string {
  const fn = unsigned ? 'strconv.ParseUint' : 'strconv.ParseInt';
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/.exec(s);
  if (!m || (unsigned && m[1] !== '')) return `${fn}: parsing ${goQ(s)}: invalid syntax`;
  let body = m[2];
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]?[0-7]+$/.test(body) && body.length > 1 && body[0] === '0') {
    body = body.replace(/^0[oO]?/, '');
    n = parseInt(body || '0', 8);
  } else n = parseInt(body, 10);
  if (m[1] === '-') n = -n;
  if (!Number.isSafeInteger(n)) return `${fn}: parsing ${goQ(s)}: value out of range`;
  return n;
}

const DURATION_RE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const DURATION_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Go time.ParseDuration, in milliseconds; null when invalid. */
export function parseGoDuration(s: string): number | null {
  if (s === '0' || s === '+0' || s === '-0') return 0;
  if (!DURATION_RE.test(s)) return null;
  const sign = s.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of s.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += parseFloat(m[1]) * DURATION_UNIT_MS[m[2]];
  }
  return sign * total;
}

function goQ(s: string): string {
  return JSON.stringify(s);
}

/** The name docker prints in "invalid argument" errors: `-n, --last` or `--rm`. */
function flagDisplayName(f: InternalFlag): string {
  return f.short && !f.shorthandDeprecated ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

/** docker marks the help flag's `-h` as deprecated: it still works, with a notice. */
type InternalFlag = FlagSpec & { shorthandDeprecated?: string };

/** Splits a pflag stringSlice value (Go's CSV reader: commas separate, double quotes group). */
function splitCsv(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function defaultOf(f: FlagSpec): FlagValue {
  if (REPEATABLE.includes(f.type)) {
    if (typeof f.default === 'string' && f.default !== '' && f.default !== '[]' && f.default !== 'map[]') return splitCsv(f.default.replace(/^\[|\]$/g, ''));
    return [];
  }
  switch (f.type) {
    case 'bool':
      return f.default === true || f.default === 'true';
    case 'int':
    case 'uint':
    case 'float':
      return typeof f.default === 'number' ? f.default : Number(f.default ?? 0) || 0;
    default:
      return f.default === undefined ? '' : String(f.default);
  }
}

/** A size such as `64m`, `1.5g`, `512MiB` or `100000` in bytes (binary multiples, as docker's `--memory`), or null. */
export function ramInBytes(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(raw);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  const unit = 'bkmgtp'.indexOf((m[2] ?? 'b').toLowerCase());
  return Math.floor(n * 1024 ** unit);
}

/** Wraps values in the ParsedFlags interface commands read. */
export function makeParsedFlags(specs: FlagSpec[], values: Map<string, FlagValue>): ParsedFlags & { values: Map<string, FlagValue> } {
  const spec = (name: string) => specs.find((f) => f.name === name);
  const get = (name: string): FlagValue | undefined => {
    if (values.has(name)) return values.get(name);
    const f = spec(name);
    return f ? defaultOf(f) : undefined;
  };
  return {
    values,
    has: (name) => values.has(name),
    bool: (name) => {
      const v = get(name);
      return v === true || (typeof v === 'string' && parseGoBool(v) === true);
    },
    string: (name) => {
      const v = get(name);
      if (v === undefined) return '';
      if (Array.isArray(v)) return v.length ? v[v.length - 1] : '';
      return String(v);
    },
    strings: (name) => {
      const v = get(name);
      if (v === undefined || v === '') return [];
      return Array.isArray(v) ? [...v] : [String(v)];
    },
    int: (name) => {
      const v = get(name);
      if (typeof v === 'number') return v;
      if (typeof v === 'string') {
        const d = parseGoDuration(v);
        if (d !== null && !/^[-+]?\d+$/.test(v)) return d;
        return Number(v) || 0;
      }
      return 0;
    },
  };
}

/**
 * Parses `argv` against `specs`. Errors carry pflag's exact message ("unknown flag: --bogus",
 * "flag needs an argument: --name", `invalid argument "x" for "-n, --last" flag: ...`).
 */
export function parseFlags(specs: FlagSpec[], argv: string[], opts: ParseFlagsOptions = {}): ParseFlagsResult {
  const interspersed = opts.interspersed ?? true;
  const all: InternalFlag[] = [...specs];
  if (opts.helpFlag ?? true) {
    if (!all.some((f) => f.name === 'help')) {
      const free = !all.some((f) => f.short === 'h');
      all.push({ name: 'help', short: free ? 'h' : undefined, shorthandDeprecated: free ? 'use --help' : undefined, type: 'bool', usage: 'Print usage', hidden: true });
    }
  }
  const notices: string[] = [];
  const byName = new Map(all.map((f) => [f.name, f]));
  const byShort = new Map(all.filter((f) => f.short).map((f) => [f.short!, f]));
  const values = new Map<string, FlagValue>();
  const args: string[] = [];

  const set = (f: InternalFlag, raw: string): string | null => {
    switch (f.type) {
      case 'bool': {
        const b = parseGoBool(raw);
        if (b === null) return `invalid argument ${goQ(raw)} for ${goQ(flagDisplayName(f))} flag: strconv.ParseBool: parsing ${goQ(raw)}: invalid syntax`;
        values.set(f.name, b);
        return null;
      }
      case 'int':
      case 'uint': {
        const n = parseGoInt(raw, f.type === 'uint');
        if (typeof n === 'string') return `invalid argument ${goQ(raw)} for ${goQ(flagDisplayName(f))} flag: ${n}`;
        values.set(f.name, n);
        return null;
      }
      case 'float': {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n))
          return `invalid argument ${goQ(raw)} for ${goQ(flagDisplayName(f))} flag: strconv.ParseFloat: parsing ${goQ(raw)}: invalid syntax`;
        values.set(f.name, n);
        return null;
      }
      case 'bytes': {
        if (ramInBytes(raw) === null) return `invalid argument ${goQ(raw)} for ${goQ(flagDisplayName(f))} flag: invalid size: '${raw}'`;
        values.set(f.name, raw);
        return null;
      }
      case 'duration': {
        if (parseGoDuration(raw) === null) return `invalid argument ${goQ(raw)} for ${goQ(flagDisplayName(f))} flag: time: invalid duration ${goQ(raw)}`;
        values.set(f.name, raw);
        return null;
      }
      case 'stringSlice': {
        const prev = (values.get(f.name) as string[] | undefined) ?? [];
        values.set(f.name, [...prev, ...splitCsv(raw)]);
        return null;
      }
      case 'stringArray':
      case 'list':
      case 'map': {
        const prev = (values.get(f.name) as string[] | undefined) ?? [];
        values.set(f.name, [...prev, raw]);
        return null;
      }
      default:
        values.set(f.name, raw);
        return null;
    }
  };

  let rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      if (!interspersed) {
        args.push(s, ...rest);
        rest = [];
        break;
      }
      args.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        // "--" ends the flags.
        args.push(...rest);
        rest = [];
        break;
      }
      const body = s.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) return { ok: false, message: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const f = byName.get(name);
      if (!f) return { ok: false, message: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (f.type === 'bool') value = 'true';
      else if (rest.length > 0) value = rest.shift()!;
      else return { ok: false, message: `flag needs an argument: --${name}` };
      const e = set(f, value);
      if (e) return { ok: false, message: e };
      continue;
    }
    // Shorthand cluster.
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = [...shorts][0];
      const f = byShort.get(c);
      if (!f) return { ok: false, message: `unknown shorthand flag: '${c}' in -${shorts}` };
      const after = shorts.slice(c.length);
      let value: string;
      if (after.length > 1 && after[0] === '=') {
        value = after.slice(1);
        shorts = '';
      } else if (f.type === 'bool') {
        value = 'true';
        shorts = after;
      } else if (after.length > 0) {
        value = after;
        shorts = '';
      } else if (rest.length > 0) {
        value = rest.shift()!;
        shorts = '';
      } else return { ok: false, message: `flag needs an argument: '${c}' in -${shorts}` };
      if (f.shorthandDeprecated) notices.push(`Flag shorthand -${c} has been deprecated, ${f.shorthandDeprecated}`);
      const e = set(f, value);
      if (e) return { ok: false, message: e };
    }
  }
  // As in cobra, a `help` flag asks for help whether the command declares it (listed) or not (hidden).
  const help = values.get('help') === true;
  values.delete('help');
  return { ok: true, flags: makeParsedFlags(specs, values), args, help, notices };
}
