/**
 * A tiny HTTP client for programs other than node (curl, wget): the same simulated internet as node's http
 * (nodejs/network.ts) and the process's own listening ports for localhost, on virtual time.
 */
import type { ProgramContext } from './kernel';
import type { HttpResponse } from './process';
import { dnsFailureDelay, latencyFor, lookupSite, STATUS_CODES } from './nodejs/network';

export type NetResult =
  | { ok: true; status: number; statusText: string; headers: Record<string, string>; body: string; ip: string }
  | { ok: false; code: 'ENOTFOUND' | 'ECONNREFUSED' | 'BADURL'; host: string; port: number };

let counter = 0;

export interface ParsedUrl {
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
  path: string;
}

export function parseUrl(raw: string): ParsedUrl | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(withScheme);
  if (!m) return null;
  const protocol = (m[1].toLowerCase() + ':') as 'http:' | 'https:';
  return { protocol, host: m[2].toLowerCase(), port: m[3] ? Number(m[3]) : protocol === 'https:' ? 443 : 80, path: m[4] || '/' };
}

export function netRequest(ctx: ProgramContext, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<NetResult> {
  const u = parseUrl(url);
  if (!u) return Promise.resolve({ ok: false, code: 'BADURL', host: url, port: 0 });
  const n = ++counter;
  const method = (opts.method ?? 'GET').toUpperCase();
  const release = ctx.hold();
  const local = u.host === 'localhost' || u.host === '127.0.0.1' || u.host === '0.0.0.0' || u.host === ctx.spec.hostname;
  return new Promise<NetResult>((resolve) => {
    const done = (r: NetResult) => {
      release();
      resolve(r);
    };
    if (local) {
      const p = ctx.localRequest(u.port, { method, path: u.path, headers: { host: `${u.host}:${u.port}`, 'user-agent': 'curl/8.5.0', accept: '*/*', ...(opts.headers ?? {}) }, body: opts.body });
      if (!p) {
        ctx.setTimer(1, () => done({ ok: false, code: 'ECONNREFUSED', host: u.host, port: u.port }));
        return;
      }
      p.then(
        (r: HttpResponse) => ctx.setTimer(1, () => done({ ok: true, status: r.status, statusText: r.statusText || STATUS_CODES[r.status] || '', headers: r.headers, body: method === 'HEAD' ? '' : r.body, ip: '127.0.0.1' })),
        () => ctx.setTimer(1, () => done({ ok: false, code: 'ECONNREFUSED', host: u.host, port: u.port })),
      );
      return;
    }
    const site = lookupSite(u.host);
    if (!site) {
      ctx.setTimer(dnsFailureDelay(u.host, n), () => done({ ok: false, code: 'ENOTFOUND', host: u.host, port: u.port }));
      return;
    }
    ctx.setTimer(latencyFor(site, u.host, n), () =>
      done({
        ok: true,
        status: site.status,
        statusText: STATUS_CODES[site.status] ?? '',
        headers: { ...(site.headers ?? {}), 'content-length': String(new TextEncoder().encode(site.body ?? '').length) },
        body: method === 'HEAD' ? '' : site.body ?? '',
        ip: fakeIp(u.host),
      }),
    );
  });
}

function fakeIp(host: string): string {
  let h = 0;
  for (let i = 0; i < host.length; i++) h = (h * 31 + host.charCodeAt(i)) >>> 0;
  return `${104 + (h % 80)}.${(h >>> 8) % 256}.${(h >>> 16) % 256}.${1 + ((h >>> 24) % 254)}`;
}
