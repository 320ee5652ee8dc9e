/**
 * A tiny HTTP client for programs other than node (curl, wget), and the routing every client shares (node's
 * http too): localhost is the process's own listening ports; any other host is first offered to the container's
 * networks (another container by name or address, `ProcessSpec.network`), and when they do not know it, the
 * simulated internet (nodejs/network.ts) answers. All on virtual time.
 */
import type { ProgramContext } from './kernel';
import type { HttpRequest, HttpResponse } from './process';
import { dnsFailureDelay, latencyFor, lookupSite, STATUS_CODES, type SimulatedSite } from './nodejs/network';

export type NetResult =
  | { ok: true; status: number; statusText: string; headers: Record<string, string>; body: string; ip: string }
  /** `ip`: the address a refused connection went to; `noNetwork`: the container has no network (`--network none`). */
  | { ok: false; code: 'ENOTFOUND' | 'ECONNREFUSED' | 'BADURL'; host: string; port: number; ip?: string; noNetwork?: boolean };

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

/** Where a request to a host other than localhost ended. */
export type RemoteOutcome =
  | { kind: 'peer'; ip: string; res: HttpResponse }
  | { kind: 'refused'; ip: string }
  | { kind: 'notfound'; noNetwork: boolean }
  | { kind: 'site'; ip: string; site: SimulatedSite };

/**
 * Sends a request for `host` (not localhost) and calls `deliver` on a virtual timer: another container's answer
 * 1 ms after the request, a simulated site's after its latency, a failed lookup after the DNS delay. Times count
 * from the request, also when the container's network answers later in wall time, so replays keep their times.
 * `n` is the process's request number (the latency of simulated sites depends on it).
 */
export function routeRemote(ctx: ProgramContext, host: string, port: number, req: HttpRequest, n: number, deliver: (o: RemoteOutcome) => void): void {
  const t0 = ctx.now();
  const at = (delay: number, fn: () => void) => ctx.setTimer(Math.max(0, t0 + delay - ctx.now()), fn);
  const internet = () => {
    const site = lookupSite(host);
    if (!site) at(dnsFailureDelay(host, n), () => deliver({ kind: 'notfound', noNetwork: false }));
    else at(latencyFor(site, host, n), () => deliver({ kind: 'site', ip: fakeIp(host), site }));
  };
  const peer = ctx.peerRequest(host, port, req);
  if (!peer) return internet();
  peer.then(
    (r) => {
      if (r.kind === 'response') at(1, () => deliver({ kind: 'peer', ip: r.ip, res: r.res }));
      else if (r.kind === 'refused') at(1, () => deliver({ kind: 'refused', ip: r.ip }));
      else if (r.kind === 'unresolvable') at(dnsFailureDelay(host, n), () => deliver({ kind: 'notfound', noNetwork: true }));
      else if (r.kind === 'self') {
        // The container's own name: its own server answers, as for localhost.
        const own = ctx.localRequest(port, req);
        if (!own) return at(1, () => deliver({ kind: 'refused', ip: r.ip }));
        own.then(
          (res) => at(1, () => deliver({ kind: 'peer', ip: r.ip, res })),
          () => at(1, () => deliver({ kind: 'refused', ip: r.ip })),
        );
      }
      else internet();
    },
    () => internet(),
  );
}

/** `exactHeaders`: send `headers` as they are (plus Host when missing), without curl's defaults (wget, nc). */
export function netRequest(ctx: ProgramContext, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; exactHeaders?: boolean } = {}): Promise<NetResult> {
  const u = parseUrl(url);
  if (!u) return Promise.resolve({ ok: false, code: 'BADURL', host: url, port: 0 });
  const n = ++counter;
  const method = (opts.method ?? 'GET').toUpperCase();
  const release = ctx.hold();
  const local = u.host === 'localhost' || u.host === '127.0.0.1' || u.host === '0.0.0.0' || u.host === ctx.spec.hostname;
  const defaults: Record<string, string> = opts.exactHeaders ? {} : { 'user-agent': 'curl/8.5.0', accept: '*/*' };
  const req: HttpRequest = { method, path: u.path, headers: { host: u.port === 80 ? u.host : `${u.host}:${u.port}`, ...defaults, ...(opts.headers ?? {}) }, body: opts.body };
  return new Promise<NetResult>((resolve) => {
    const done = (r: NetResult) => {
      release();
      resolve(r);
    };
    const answer = (r: HttpResponse, ip: string): NetResult => ({ ok: true, status: r.status, statusText: r.statusText || STATUS_CODES[r.status] || '', headers: r.headers, body: method === 'HEAD' ? '' : r.body, ip });
    if (local) {
      const localReq = { ...req, headers: { ...req.headers, host: `${u.host}:${u.port}` } };
      const p = ctx.localRequest(u.port, localReq);
      const refused = () => done({ ok: false, code: 'ECONNREFUSED', host: u.host, port: u.port, ip: '127.0.0.1' });
      if (!p) {
        // Nothing listens in this process: another container sharing its network namespace may (`--network container:`).
        const shared = u.host === ctx.spec.hostname ? null : ctx.peerRequest('localhost', u.port, localReq);
        if (!shared) ctx.setTimer(1, refused);
        else shared.then((r) => ctx.setTimer(1, () => (r.kind === 'response' ? done(answer(r.res, '127.0.0.1')) : refused())), () => ctx.setTimer(1, refused));
        return;
      }
      p.then(
        (r: HttpResponse) => ctx.setTimer(1, () => done(answer(r, '127.0.0.1'))),
        () => ctx.setTimer(1, () => done({ ok: false, code: 'ECONNREFUSED', host: u.host, port: u.port, ip: '127.0.0.1' })),
      );
      return;
    }
    routeRemote(ctx, u.host, u.port, req, n, (o) => {
      switch (o.kind) {
        case 'peer':
          return done(answer(o.res, o.ip));
        case 'refused':
          return done({ ok: false, code: 'ECONNREFUSED', host: u.host, port: u.port, ip: o.ip });
        case 'notfound':
          return done({ ok: false, code: 'ENOTFOUND', host: u.host, port: u.port, ...(o.noNetwork ? { noNetwork: true } : {}) });
        case 'site': {
          const site = o.site;
          return done({
            ok: true,
            status: site.status,
            statusText: STATUS_CODES[site.status] ?? '',
            headers: { ...(site.headers ?? {}), 'content-length': String(new TextEncoder().encode(site.body ?? '').length) },
            body: method === 'HEAD' ? '' : site.body ?? '',
            ip: o.ip,
          });
        }
      }
    });
  });
}

/**
 * What a name lookup finds (nslookup, ping, nc): localhost and the container's own hostname, another container on
 * a shared network (Docker's embedded DNS on user-defined networks), a host of the simulated internet, or nothing.
 * An address literal is its own answer; `known` says whether anything answers there. `embeddedDns`: the resolver
 * is Docker's 127.0.0.11 (a user-defined network). `noNetwork`: `--network none`.
 */
export type HostLookup =
  | { ok: true; ip: string; known: boolean; embeddedDns: boolean }
  | { ok: false; noNetwork: boolean; embeddedDns: boolean };

export async function lookupHost(ctx: ProgramContext, host: string): Promise<HostLookup> {
  const name = host.toLowerCase().replace(/\.$/, '');
  const peer = await (ctx.peerLookup(name) ?? Promise.resolve(null));
  const embeddedDns = !!peer && peer.kind !== 'unresolvable' && peer.embeddedDns;
  if (name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name)) return { ok: true, ip: name === 'localhost' ? '127.0.0.1' : name, known: true, embeddedDns };
  const own = ctx.spec.ipAddress ?? '';
  if (name === ctx.spec.hostname.toLowerCase() && own) return { ok: true, ip: own, known: true, embeddedDns };
  if (peer?.kind === 'found') return { ok: true, ip: peer.ip, known: true, embeddedDns };
  const literal = /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
  if (peer?.kind === 'unresolvable') return { ok: false, noNetwork: true, embeddedDns: false };
  if (literal) return { ok: true, ip: name, known: name === own, embeddedDns };
  if (lookupSite(name)) return { ok: true, ip: fakeIp(name), known: true, embeddedDns };
  return { ok: false, noNetwork: false, embeddedDns };
}

function fakeIp(host: string): string {
  let h = 0;
  for (let i = 0; i < host.length; i++) h = (h * 31 + host.charCodeAt(i)) >>> 0;
  return `${104 + (h % 80)}.${(h >>> 8) % 256}.${(h >>> 16) % 256}.${1 + ((h >>> 24) % 254)}`;
}
