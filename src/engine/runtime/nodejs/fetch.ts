/** The fetch() global of Node 18+, over the sandbox's http/https clients; follows redirects like undici. */

/** `loadBuiltin` gives the program's own `http`/`https` module, so requests reach the simulated network. */
export function nodeFetch(loadBuiltin: (name: 'http' | 'https') => any, input: unknown, init: any, redirects = 0): Promise<any> {
  return new Promise((resolve, reject) => {
    const U = (globalThis as any).URL;
    let url: any;
    try {
      url = new U(String((input as any)?.url ?? input));
    } catch (e) {
      const te: any = new TypeError('Failed to parse URL from ' + String(input));
      te.cause = e;
      return reject(te);
    }
    const mod = loadBuiltin(url.protocol === 'https:' ? 'https' : 'http');
    const method = String(init.method ?? 'GET').toUpperCase();
    const req = mod.request(url.href, { method, headers: init.headers ?? {} }, (res: any) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        const loc = res.headers.location;
        if (loc && [301, 302, 303, 307, 308].includes(res.statusCode) && init.redirect !== 'manual' && redirects < 20) {
          const next = new U(loc, url.href).href;
          const m = res.statusCode === 303 ? 'GET' : method;
          resolve(nodeFetch(loadBuiltin, next, { ...init, method: m }, redirects + 1));
          return;
        }
        const headers = new Map<string, string>(Object.entries(res.headers as Record<string, string>));
        resolve({
          ok: res.statusCode >= 200 && res.statusCode < 300,
          status: res.statusCode,
          statusText: res.statusMessage,
          url: url.href,
          redirected: redirects > 0,
          headers: { get: (k: string) => headers.get(k.toLowerCase()) ?? null, has: (k: string) => headers.has(k.toLowerCase()), entries: () => headers.entries(), forEach: (f: (v: string, k: string) => void) => headers.forEach(f) },
          text: async () => body,
          json: async () => JSON.parse(body),
        });
      });
    });
    req.on('error', (e: Error) => {
      const te: any = new TypeError('fetch failed');
      te.cause = e;
      reject(te);
    });
    if (init.body !== undefined && init.body !== null) req.write(String(init.body));
    req.end();
  });
}
