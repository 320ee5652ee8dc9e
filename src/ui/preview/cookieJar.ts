/**
 * The preview's cookie jar, one per published port: Set-Cookie headers of responses are stored and sent back
 * as the Cookie header of later requests whose path matches, as a browser does for one host.
 */

interface Cookie {
  name: string;
  value: string;
  path: string;
  /** Epoch milliseconds; undefined for a session cookie. */
  expires?: number;
}

/** Splits a Set-Cookie header that may hold several cookies joined by ", " (commas inside Expires dates stay). */
export function splitSetCookie(header: string): string[] {
  return header
    .split(/\n|,\s*(?=[^;,=\s]+=)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function defaultPath(requestPath: string): string {
  const p = requestPath.split('?')[0];
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  const p = requestPath.split('?')[0] || '/';
  if (p === cookiePath) return true;
  if (!p.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || p[cookiePath.length] === '/';
}

export class CookieJar {
  private cookies: Cookie[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Stores the cookies of one response's Set-Cookie header, received for `requestPath`. */
  store(setCookie: string | undefined, requestPath: string): void {
    if (!setCookie) return;
    for (const line of splitSetCookie(setCookie)) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: Cookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), path: defaultPath(requestPath) };
      let maxAge: number | undefined;
      for (const a of attrs) {
        const [k, ...rest] = a.split('=');
        const key = k.trim().toLowerCase();
        const v = rest.join('=').trim();
        if (key === 'path' && v.startsWith('/')) cookie.path = v;
        else if (key === 'max-age' && /^-?\d+$/.test(v)) maxAge = Number(v);
        else if (key === 'expires') {
          const t = Date.parse(v);
          if (!Number.isNaN(t)) cookie.expires = t;
        }
      }
      if (maxAge !== undefined) cookie.expires = this.now() + maxAge * 1000;
      this.cookies = this.cookies.filter((c) => !(c.name === cookie.name && c.path === cookie.path));
      if (cookie.expires === undefined || cookie.expires > this.now()) this.cookies.push(cookie);
    }
  }

  /** The Cookie header for a request to `requestPath`, or undefined when no cookie applies. */
  header(requestPath: string): string | undefined {
    const now = this.now();
    this.cookies = this.cookies.filter((c) => c.expires === undefined || c.expires > now);
    const list = this.cookies.filter((c) => pathMatches(c.path, requestPath)).sort((a, b) => b.path.length - a.path.length);
    return list.length ? list.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }
}
