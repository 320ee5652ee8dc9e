/**
 * The three mount flags of `docker run`/`create` as MountSpecs: `-v [SOURCE:]TARGET[:MODE]`,
 * `--mount type=...,source=...,target=...[,readonly]` and `--tmpfs TARGET[:OPTIONS]`. Errors carry where Docker
 * reports them: the client (`--mount`'s CSV, `-v`'s empty sections) or the daemon (paths, modes, types).
 * Messages are docker 28's (client: cli/opts/mount.go, volume spec; daemon: volume/mounts/linux_parser.go).
 */
import type { MountSpec } from './types';

export interface MountSpecError {
  message: string;
  /** Where Docker reports it: 'flag' (pflag's `invalid argument ... for "--mount" flag`), 'client' or 'daemon'. */
  from: 'flag' | 'client' | 'daemon';
}

export type ParsedMount = { ok: true; value: MountSpec } | { ok: false; error: MountSpecError };

const fail = (message: string, from: MountSpecError['from']): ParsedMount => ({ ok: false, error: { message, from } });

/** Access and label modes `-v` accepts after the target (comma-separated). */
const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

function validMode(mode: string): boolean {
  return mode.split(',').every((m) => MODES.has(m));
}

/**
 * `-v`. `hostPath` turns a relative source that starts with "." into an absolute host path (the docker 28 client
 * does that with the working directory); other sources without "/" are volume names.
 */
export function parseVolumeFlag(raw: string, hostPath: (relative: string) => string = (p) => p): ParsedMount {
  const parts = raw.split(':');
  if (parts.some((p) => p === '')) return fail(`invalid spec: ${raw}: empty section between colons`, 'client');
  if (parts.length > 3) return fail(`invalid volume specification: '${raw}'`, 'daemon');
  let source: string | undefined;
  let target: string;
  let mode = '';
  if (parts.length === 1) target = parts[0];
  else if (parts.length === 2 && validMode(parts[1]) && !parts[1].startsWith('/')) [target, mode] = parts;
  else [source, target, mode = ''] = parts;
  if (source && source.startsWith('.')) source = hostPath(source);
  const type = source && source.startsWith('/') ? 'bind' : 'volume';
  if (!target.startsWith('/')) {
    return fail(`invalid volume specification: '${raw}': invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`, 'daemon');
  }
  if (mode && !validMode(mode)) return fail(`invalid mode: ${mode}`, 'daemon');
  const modes = mode ? mode.split(',') : [];
  return {
    ok: true,
    value: { type, source, target: cleanTarget(target), readOnly: modes.includes('ro'), noCopy: modes.includes('nocopy'), via: 'volume-flag', raw: source ? `${source}:${target}${mode ? ':' + mode : ''}` : raw },
  };
}

const MOUNT_KEYS = new Set([
  'type', 'source', 'src', 'target', 'destination', 'dst', 'readonly', 'ro', 'volume-nocopy', 'volume-label', 'volume-driver', 'volume-opt',
  'volume-subpath', 'bind-propagation', 'bind-nonrecursive', 'bind-recursive', 'bind-create-src', 'consistency', 'tmpfs-size', 'tmpfs-mode', 'image-subpath',
]);

function parseBool(key: string, value: string | undefined): boolean | string {
  if (value === undefined) return true;
  const v = value.toLowerCase();
  if (['1', 't', 'true'].includes(v)) return true;
  if (['0', 'f', 'false'].includes(v)) return false;
  return `invalid value for ${key}: ${value}`;
}

/** `--mount` (a CSV of key=value fields). */
export function parseMountFlag(raw: string): ParsedMount {
  const flagError = (m: string) => fail(`invalid argument "${raw}" for "--mount" flag: ${m}`, 'flag');
  let type = 'volume';
  let source: string | undefined;
  let target = '';
  let readOnly = false;
  let noCopy = false;
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    const bool = key === 'readonly' || key === 'ro' || key === 'volume-nocopy' || key === 'bind-nonrecursive' || key === 'bind-recursive';
    if (value === undefined && !bool) return flagError(`invalid field '${field}' must be a key=value pair`);
    if (!MOUNT_KEYS.has(key)) return flagError(`unexpected key '${key}' in '${field}'`);
    if (key === 'readonly' || key === 'ro' || key === 'volume-nocopy') {
      const b = parseBool(key, value);
      if (typeof b === 'string') return flagError(b);
      if (key === 'volume-nocopy') noCopy = b;
      else readOnly = b;
      continue;
    }
    if (value === undefined) continue;
    if (key === 'type') type = value;
    else if (key === 'source' || key === 'src') source = value;
    else if (key === 'target' || key === 'destination' || key === 'dst') target = value;
  }
  if (!target) return flagError('target is required');
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') return fail(`invalid mount config for type "${type}": mount type unknown`, 'daemon');
  if (!target.startsWith('/')) return fail(`invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`, 'daemon');
  if (type === 'bind' && !source) return fail('invalid mount config for type "bind": field Source must not be empty', 'daemon');
  if (type === 'tmpfs' && source) return fail('invalid mount config for type "tmpfs": field Source must not be specified', 'daemon');
  return { ok: true, value: { type, source: source || undefined, target: cleanTarget(target), readOnly, noCopy, via: 'mount-flag' } };
}

/** `--tmpfs TARGET[:OPTIONS]`. */
export function parseTmpfsFlag(raw: string): ParsedMount {
  const colon = raw.indexOf(':');
  const target = colon < 0 ? raw : raw.slice(0, colon);
  const options = colon < 0 ? '' : raw.slice(colon + 1);
  if (!target.startsWith('/')) return fail(`invalid mount config for type "tmpfs": invalid mount path: '${target}' mount path must be absolute`, 'daemon');
  return { ok: true, value: { type: 'tmpfs', target: cleanTarget(target), readOnly: options.split(',').includes('ro'), via: 'tmpfs-flag', raw: options } };
}

/** A target without a trailing slash ("/data/" and "/data" are one mount point). */
function cleanTarget(t: string): string {
  const s = t.replace(/\/+$/, '');
  return s || '/';
}

/** Two mounts on one path: the daemon's "Duplicate mount point" (null when all differ). */
export function duplicateTarget(specs: MountSpec[]): string | null {
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.target)) return `Duplicate mount point: ${s.target}`;
    seen.add(s.target);
  }
  return null;
}
