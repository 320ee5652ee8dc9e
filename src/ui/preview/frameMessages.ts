/**
 * The messages the previewed page's frame may send (its bootstrap script writes them; the page itself can forge
 * any of them, so each is checked here before anything is done). A message that is not one of these, or not for
 * the document now shown (its token), is ignored.
 */
import type { FormEntry } from './formRequest';

export type FrameMessage =
  | { t: 'navigate'; url: string }
  /** The page is being unloaded, which the preview did not ask for: it set its location by script. */
  | { t: 'leaving' }
  | { t: 'submit'; method: string; action: string; enctype: string; entries: FormEntry[] }
  | { t: 'fetch'; id: number; method: string; url: string; headers: Record<string, string>; body?: string };

/** Answer to a `fetch` message. */
export type FetchReply =
  | { layerlab: 'preview'; t: 'fetch-result'; id: number; ok: true; status: number; statusText: string; headers: Record<string, string>; body: string; url: string }
  | { layerlab: 'preview'; t: 'fetch-result'; id: number; ok: false; error: string };

const MAX_URL = 8192;
const MAX_BODY = 8 * 1024 * 1024;
const MAX_ITEMS = 1000;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function headersOf(v: unknown): Record<string, string> | null {
  if (v === undefined) return {};
  if (!isObj(v)) return null;
  const out: Record<string, string> = {};
  const keys = Object.keys(v);
  if (keys.length > 100) return null;
  for (const k of keys) {
    const val = v[k];
    if (!TOKEN.test(k) || !str(val, MAX_URL) || /[\r\n\0]/.test(val)) return null;
    // the browser sets these itself; a page cannot
    if (/^(host|cookie|content-length|connection|transfer-encoding)$/i.test(k)) continue;
    out[k.toLowerCase()] = val;
  }
  return out;
}

function entriesOf(v: unknown): FormEntry[] | null {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) return null;
  const out: FormEntry[] = [];
  let size = 0;
  for (const e of v) {
    if (!Array.isArray(e) || e.length !== 2 || !str(e[0], MAX_URL)) return null;
    const val: unknown = e[1];
    if (typeof val === 'string') {
      size += val.length;
      out.push([e[0], val]);
    } else if (isObj(val) && str(val.filename, 1024) && str(val.type, 256) && typeof val.content === 'string') {
      size += val.content.length;
      out.push([e[0], { filename: val.filename, type: val.type, content: val.content }]);
    } else return null;
  }
  return size <= MAX_BODY ? out : null;
}

/** The message `data` carries for the document with `token`, or null when it is anything else. */
export function parseFrameMessage(data: unknown, token: string): FrameMessage | null {
  if (!isObj(data) || data.layerlab !== 'preview' || data.token !== token || typeof data.t !== 'string') return null;
  switch (data.t) {
    case 'leaving':
      return { t: 'leaving' };
    case 'navigate':
      return str(data.url, MAX_URL) ? { t: 'navigate', url: data.url } : null;
    case 'submit': {
      const entries = entriesOf(data.entries);
      if (!entries || !str(data.method, 16) || !str(data.action, MAX_URL) || !str(data.enctype, 64)) return null;
      return { t: 'submit', method: data.method, action: data.action, enctype: data.enctype, entries };
    }
    case 'fetch': {
      const headers = headersOf(data.headers);
      const id = data.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || !str(data.method, 16) || !str(data.url, MAX_URL) || !headers) return null;
      const method = data.method.toUpperCase();
      if (!METHODS.has(method)) return null;
      if (data.body !== undefined && !str(data.body, MAX_BODY)) return null;
      return { t: 'fetch', id, method, url: data.url, headers, ...(typeof data.body === 'string' ? { body: data.body } : {}) };
    }
    default:
      return null;
  }
}
