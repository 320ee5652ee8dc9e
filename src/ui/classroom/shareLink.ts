/**
 * Share links: a workspace (and optionally a lesson step) packed into the URL hash, `#/share/<data>`.
 * <data> is base64url(deflate(JSON)). Decoding treats the hash as hostile: the encoded length, the inflated
 * size (streamed, so a deflate bomb stops early), UTF-8, JSON and the schema are all checked before use,
 * and nothing in it is ever rendered as HTML.
 */
import { Inflate, deflateSync, strToU8 } from 'fflate';

export const SHARE_PREFIX = '#/share/';
/** Largest inflated JSON we accept, in bytes. */
export const MAX_SHARE_BYTES = 32 * 1024;
/** Largest encoded hash payload we look at, in characters. */
export const MAX_SHARE_CHARS = 48 * 1024;
export const MAX_SHARE_FILES = 64;

export interface SharedWorkspace {
  files: Record<string, string>;
  lesson?: { id: string; step?: string };
}

export type ShareError = 'not-a-share-link' | 'too-large' | 'bad-encoding' | 'bad-compression' | 'bad-json' | 'bad-schema';

export type DecodeResult = { ok: true; value: SharedWorkspace } | { ok: false; error: ShareError };

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** A safe relative POSIX path: no "..", no leading "/", printable, at most 255 characters. */
export function isSafePath(p: string): boolean {
  if (p.length === 0 || p.length > 255 || p.startsWith('/') || p.includes('\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Checks an untrusted parsed value against the schema; returns a clean copy or null. */
export function validateShared(v: unknown): SharedWorkspace | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'v' && k !== 'files' && k !== 'lesson') return null;
  if (o.v !== 1) return null;
  if (typeof o.files !== 'object' || o.files === null || Array.isArray(o.files)) return null;
  const entries = Object.entries(o.files as Record<string, unknown>);
  if (entries.length > MAX_SHARE_FILES) return null;
  const files: Record<string, string> = {};
  for (const [path, content] of entries) {
    if (!isSafePath(path) || typeof content !== 'string') return null;
    Object.defineProperty(files, path, { value: content, enumerable: true, writable: true, configurable: true });
  }
  const out: SharedWorkspace = { files };
  if (o.lesson !== undefined) {
    const l = o.lesson as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) return null;
    if (typeof l.id !== 'string' || !ID.test(l.id)) return null;
    if (l.step !== undefined && (typeof l.step !== 'string' || !ID.test(l.step))) return null;
    out.lesson = l.step === undefined ? { id: l.id } : { id: l.id, step: l.step as string };
  }
  return out;
}

export type EncodeResult = { ok: true; hash: string } | { ok: false; error: 'too-large' | 'bad-schema' };

export function encodeShare(ws: SharedWorkspace): EncodeResult {
  const payload = { v: 1, files: ws.files, ...(ws.lesson ? { lesson: ws.lesson } : {}) };
  if (!validateShared(JSON.parse(JSON.stringify(payload)))) return { ok: false, error: 'bad-schema' };
  const json = strToU8(JSON.stringify(payload));
  if (json.length > MAX_SHARE_BYTES) return { ok: false, error: 'too-large' };
  const data = toBase64Url(deflateSync(json, { level: 9 }));
  if (data.length > MAX_SHARE_CHARS) return { ok: false, error: 'too-large' };
  return { ok: true, hash: SHARE_PREFIX + data };
}

/** Inflates at most `limit` bytes; null if the data is bad or inflates to more. */
function boundedInflate(data: Uint8Array, limit: number): Uint8Array | null | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let ended = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += 256) inf.push(data.subarray(i, i + 256), i + 256 >= data.length);
  } catch {
    return null;
  }
  if (over) return 'too-large';
  if (!ended) return null;
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export function decodeShare(hash: string): DecodeResult {
  if (typeof hash !== 'string' || !hash.startsWith(SHARE_PREFIX)) return { ok: false, error: 'not-a-share-link' };
  const data = hash.slice(SHARE_PREFIX.length);
  if (data.length > MAX_SHARE_CHARS) return { ok: false, error: 'too-large' };
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length === 0) return { ok: false, error: 'bad-encoding' };
  const raw = boundedInflate(bytes, MAX_SHARE_BYTES);
  if (raw === 'too-large') return { ok: false, error: 'too-large' };
  if (!raw) return { ok: false, error: 'bad-compression' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { ok: false, error: 'bad-encoding' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'bad-json' };
  }
  const value = validateShared(parsed);
  return value ? { ok: true, value } : { ok: false, error: 'bad-schema' };
}
