/**
 * `RUN --mount=...` specs (BuildKit instructions/commands_runmount.go semantics, our code).
 * At parse time only `from=$VAR` is rejected; the builder calls `parseMount` with its expander to get the
 * full mount (type, target, cache id, sharing, ...) and BuildKit's error texts.
 */
import { err, ok, type Result } from '../core/errors';
import { withSuggestion } from './suggest';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type ShareMode = 'shared' | 'private' | 'locked';

export interface Mount {
  type: MountType;
  from?: string;
  source?: string;
  target?: string;
  readOnly: boolean;
  cacheId?: string;
  sharing?: ShareMode;
  required?: boolean;
  /** tmpfs size in bytes. */
  sizeLimit?: number;
  mode?: number;
  uid?: number;
  gid?: number;
  env?: string;
}

const MOUNT_TYPES: MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARE_MODES: ShareMode[] = ['shared', 'private', 'locked'];
const ALL_KEYS = ['type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env'];

/** Go's encoding/csv-style split of one record (double quotes group, "" is a quote). */
export function csvFields(s: string): Result<string[], string> {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) return err(`parse error on line 1, column ${s.length + 1}: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',') return err(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const j = s.indexOf(',', i);
      field = j < 0 ? s.slice(i) : s.slice(i, j);
      if (field.includes('"')) return err(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      i = j < 0 ? s.length : j;
    }
    out.push(field);
    if (i >= s.length) return ok(out);
    i++; // comma
  }
}

function goParseBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

/** docker/go-units RAMInBytes: "64m", "1.5g", "512KiB". */
export function ramInBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(v);
  if (!m) return null;
  const mult: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  return Math.floor(parseFloat(m[1]) * (m[2] ? mult[m[2].toLowerCase()] : 1));
}

/** Parse-time check (no expansion): BuildKit only rejects `from=` with a variable here. */
export function checkMountAtParse(value: string): string | null {
  const f = csvFields(value);
  if (!f.ok) return `failed to parse csv mounts: ${f.error}`;
  for (const field of f.value) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const key = field.slice(0, eq).toLowerCase();
    const v = field.slice(eq + 1);
    const idx = v.indexOf('$');
    if (key === 'from' && idx !== -1 && idx !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
  }
  return null;
}

/** Full mount parsing with the builder's expander (ARG/ENV of the stage). Errors are BuildKit's texts. */
export function parseMount(value: string, expand: (word: string) => Result<string> = (w) => ok(w)): Result<Mount, string> {
  const f = csvFields(value);
  if (!f.ok) return err(`failed to parse csv mounts: ${f.error}`);
  const m: Mount = { type: 'bind', readOnly: true };
  let roAuto = true;
  for (const field of f.value) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') {
        m.readOnly = true;
        roAuto = false;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        m.readOnly = false;
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (m.type === 'secret' || m.type === 'ssh') {
          m.required = true;
          continue;
        }
        return err(`unexpected key '${key}' for mount type '${m.type}'`);
      }
      return err(`invalid field '${field}' must be a key=value pair`);
    }
    const ex = expand(field.slice(eq + 1));
    if (!ex.ok) return err(ex.error.message);
    const v = ex.value;
    switch (key) {
      case 'type': {
        const t = v.toLowerCase() as MountType;
        if (!MOUNT_TYPES.includes(t)) return err(withSuggestion(`unsupported mount type "${v}"`, v, MOUNT_TYPES, true));
        m.type = t;
        break;
      }
      case 'from':
        m.from = v;
        break;
      case 'source':
      case 'src':
        m.source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = v;
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw': {
        const b = goParseBool(v);
        if (b === null) return err(`invalid value for ${key}: ${v}`);
        m.readOnly = key === 'readonly' || key === 'ro' ? b : !b;
        roAuto = false;
        break;
      }
      case 'required': {
        if (m.type !== 'secret' && m.type !== 'ssh') return err(`unexpected key '${key}' for mount type '${m.type}'`);
        const b = goParseBool(v);
        if (b === null) return err(`invalid value for ${key}: ${v}`);
        m.required = b;
        break;
      }
      case 'size': {
        if (m.type !== 'tmpfs') return err(`unexpected key '${key}' for mount type '${m.type}'`);
        const n = ramInBytes(v);
        if (n === null) return err(`invalid value for ${key}: ${v}`);
        m.sizeLimit = n;
        break;
      }
      case 'id':
        m.cacheId = v;
        break;
      case 'sharing': {
        const s = v.toLowerCase() as ShareMode;
        if (!SHARE_MODES.includes(s)) return err(withSuggestion(`unsupported sharing value "${v}"`, v, SHARE_MODES, true));
        m.sharing = s;
        break;
      }
      case 'mode':
        if (!/^[0-7]+$/.test(v) || parseInt(v, 8) > 0xffffffff) return err(`invalid value ${v} for mode`);
        m.mode = parseInt(v, 8);
        break;
      case 'uid':
      case 'gid':
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) return err(`invalid value ${v} for ${key}`);
        m[key] = Number(v);
        break;
      case 'env':
        m.env = v;
        break;
      default:
        return err(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ALL_KEYS, true));
    }
  }
  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  if (!fileInfoAllowed) {
    if (m.mode !== undefined) return err(`mode not allowed for "${m.type}" type mounts`);
    if (m.uid !== undefined) return err(`uid not allowed for "${m.type}" type mounts`);
    if (m.gid !== undefined) return err(`gid not allowed for "${m.type}" type mounts`);
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from) return err('secret mount should not have a from');
    if (m.sharing) return err('secret mount should not define sharing');
    if (!m.source && !m.target && !m.cacheId) return err('invalid secret mount. one of source, target required');
    if (m.source && m.cacheId) return err("both source and id can't be set");
  }
  if (m.sharing && m.type !== 'cache') return err(`invalid cache sharing set for ${m.type} mount`);
  return ok(m);
}
