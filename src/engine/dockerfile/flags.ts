/** Per-instruction flag parsing (BuildKit instructions/bflag.go): `--name=value` and boolean flags. */
import { withSuggestion } from './suggest';

export type FlagKind = 'string' | 'strings' | 'bool';

export interface FlagValues {
  /** Last value of each flag that was given. Bools: "true"/"false". */
  values: Map<string, string>;
  /** Every value of repeatable (`strings`) flags. */
  all: Map<string, string[]>;
  /** Flags in the order written. */
  list: { name: string; value: string }[];
}

/** Parses raw `--x=y` words against the allowed flags. Returns an error message or the values. */
const NO_FLAGS: FlagValues = Object.freeze({ values: new Map(), all: new Map(), list: [] }) as FlagValues;

export function parseFlags(raw: readonly string[], allowed: Record<string, FlagKind>): FlagValues | string {
  if (raw.length === 0) return { values: NO_FLAGS.values, all: NO_FLAGS.all, list: [] };
  const values = new Map<string, string>();
  const all = new Map<string, string[]>();
  const list: { name: string; value: string }[] = [];
  for (const a0 of raw) {
    if (!a0.startsWith('--')) return `arg should start with -- : ${a0}`;
    if (a0 === '--') break;
    let a = a0.slice(2);
    let value = '';
    const eq = a.indexOf('=');
    if (eq >= 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const kind = Object.prototype.hasOwnProperty.call(allowed, a) ? allowed[a] : undefined;
    if (!kind) return withSuggestion(`unknown flag: ${a}`, a, Object.keys(allowed), true);
    if (values.has(a) && kind !== 'strings') return `duplicate flag specified: ${a}`;
    if (kind === 'bool') {
      if (eq >= 0 && value === '') return `missing a value on flag: ${a}`;
      const lower = value.toLowerCase();
      if (lower === '' || lower === 'true') value = 'true';
      else if (lower === 'false') value = 'false';
      else return `expecting boolean value for flag ${a}, not: ${value}`;
    } else if (eq < 0) return `missing a value on flag: ${a}`;
    values.set(a, value);
    const arr = all.get(a) ?? [];
    arr.push(value);
    all.set(a, arr);
    list.push({ name: a, value });
  }
  return { values, all, list };
}

/** Flags BuildKit accepts per instruction (Dockerfile 1.x stable + the ones our persona supports). */
export const INSTRUCTION_FLAGS: Record<string, Record<string, FlagKind>> = {
  from: { platform: 'string' },
  copy: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  add: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};
