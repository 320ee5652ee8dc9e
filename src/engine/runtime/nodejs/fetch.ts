/**
 * The fetch() global of Node 18+, over the sandbox's http/https clients: a Request made from the arguments, its
 * headers and body sent, redirects followed like undici (303, and 301/302 after POST, become GET without a body;
 * `redirect: 'manual'` returns the 3xx), and a Response (fetch-classes.ts) with the body's bytes, every header
 * (each Set-Cookie kept), `url` and `redirected`. A refused or unknown host rejects with `TypeError: fetch failed`
 * whose `cause` is the socket error.
 */
import { Headers, Request, Response, RESPONSE_STATE } from './fetch-classes';

export { Headers, Request, Response };

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  const v = chunk as Uint8Array;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `loadBuiltin` gives the program's own `http`/`https` module, so requests reach the simulated network. */
export function nodeFetch(loadBuiltin: (name: 'http' | 'https') => any, input: unknown, init: any): Promise<Response> {
  let request: Request;
  try {
    request = new Request(input, init ?? {});
  } catch (e) {
    return Promise.reject(e);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of request.headers) headers[k] = k in headers ? `${headers[k]}, ${v}` : v;
  return send(loadBuiltin, request.url, request.method, headers, request.bytes(), request.redirect, 0);
}

function send(loadBuiltin: (name: 'http' | 'https') => any, href: string, method: string, headers: Record<string, string>, body: Uint8Array | null, redirect: string, redirects: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const U = (globalThis as any).URL;
    const url = new U(href);
    const mod = loadBuiltin(url.protocol === 'https:' ? 'https' : 'http');
    const req = mod.request(url.href, { method, headers }, (res: any) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: unknown) => chunks.push(toBytes(c)));
      res.on('end', () => {
        const loc = res.headers.location;
        if (loc && [301, 302, 303, 307, 308].includes(res.statusCode) && redirect !== 'manual') {
          if (redirect === 'error' || redirects >= 20) {
            const te: any = new TypeError('fetch failed');
            te.cause = new Error(redirect === 'error' ? 'unexpected redirect' : 'redirect count exceeded');
            return reject(te);
          }
          const toGet = res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST');
          const next = { ...headers };
          if (toGet) for (const k of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) delete next[k];
          resolve(send(loadBuiltin, new U(loc, url.href).href, toGet ? 'GET' : method, next, toGet ? null : body, redirect, redirects + 1));
          return;
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers as Record<string, string | string[]>)) for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
        const nullBody = method === 'HEAD' || [101, 204, 205, 304].includes(res.statusCode);
        const response = new Response(nullBody ? null : concat(chunks), { status: Math.max(200, res.statusCode), statusText: res.statusMessage ?? '', headers: h });
        if (res.statusCode < 200) Object.defineProperty(response, 'status', { value: res.statusCode });
        response[RESPONSE_STATE] = { url: url.href, redirected: redirects > 0, type: 'basic' };
        resolve(response);
      });
    });
    req.on('error', (e: Error) => {
      const te: any = new TypeError('fetch failed');
      te.cause = e;
      reject(te);
    });
    if (body) req.write(body);
    req.end();
  });
}
