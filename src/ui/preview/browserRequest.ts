/**
 * One request of the preview as a browser makes it: the port's cookies go along, Set-Cookie is kept, redirects
 * are followed (301/302/303 turn into a GET without a body, 307/308 repeat the method and body), at most 20 hops.
 * The transport is the engine's `http` to the published port, injected.
 */
import type { HttpRequest, HttpResponse } from '../../engine/runtime/process';
import { resolveOnOrigin, type PreviewLocation } from './address';
import type { CookieJar } from './cookieJar';

export type Transport = (hostPort: number, req: HttpRequest) => Promise<{ ok: true; value: HttpResponse } | { ok: false; error: { message: string } }>;

export interface PreviewRequest {
  method: string;
  /** Path with query on the previewed port. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export type PreviewResult =
  | { ok: true; response: HttpResponse; /** Where the last hop landed. */ location: PreviewLocation; redirected: boolean }
  | { ok: false; error: string; /** A redirect or request to an origin Layerlab cannot reach. */ other?: string };

export const MAX_REDIRECTS = 20;

/** Method and body of the request that follows a redirect with `status` (Fetch standard, HTTP-redirect fetch). */
export function redirectedRequest(status: number, prev: PreviewRequest, path: string): PreviewRequest | null {
  if (![301, 302, 303, 307, 308].includes(status)) return null;
  const method = prev.method.toUpperCase();
  const toGet = (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  if (toGet) {
    const headers = { ...(prev.headers ?? {}) };
    for (const k of Object.keys(headers)) if (/^content-/i.test(k)) delete headers[k];
    return { method: 'GET', path, headers };
  }
  return { ...prev, path };
}

export async function browserRequest(send: Transport, jar: CookieJar, port: number, first: PreviewRequest): Promise<PreviewResult> {
  let req = first;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { host: `localhost:${port}`, ...(req.headers ?? {}) };
    const cookie = jar.header(req.path);
    if (cookie) headers.cookie = cookie;
    const r = await send(port, { method: req.method.toUpperCase(), path: req.path, headers, ...(req.body !== undefined ? { body: req.body } : {}) });
    if (!r.ok) return { ok: false, error: r.error.message || 'connection refused' };
    const res = r.value;
    jar.store(res.headers['set-cookie'], req.path);
    const loc = res.headers['location'];
    if (loc === undefined || ![301, 302, 303, 307, 308].includes(res.status)) {
      return { ok: true, response: res, location: { port, path: req.path }, redirected: hop > 0 };
    }
    if (hop >= MAX_REDIRECTS) return { ok: false, error: `Maximum (${MAX_REDIRECTS}) redirects followed` };
    const target = resolveOnOrigin(loc, { port, path: req.path });
    if ('other' in target) return { ok: false, error: `redirect to ${target.other}`, other: target.other };
    req = redirectedRequest(res.status, req, target.path)!;
  }
}
