/**
 * The simulated internet that Node programs' http/https clients reach. Deterministic: the status is fixed per
 * host and the latency is a hash of (host, request number), so replays give identical logs.
 * To add a site, add an entry to SITES (lower-case hostname).
 */
export interface SimulatedSite {
  status: number;
  /** Min and max latency in virtual ms (inclusive). */
  latency: [number, number];
  headers?: Record<string, string>;
  body?: string;
}

const html = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;

export const SITES: Record<string, SimulatedSite> = {
  'blog.sixeyed.com': { status: 200, latency: [900, 1200], headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' }, body: html('Elton Stoneman') },
  'sixeyed.com': { status: 301, latency: [120, 260], headers: { location: 'https://blog.sixeyed.com/' } },
  'google.com': { status: 301, latency: [60, 160], headers: { location: 'https://www.google.com/', 'content-type': 'text/html; charset=UTF-8', server: 'gws' }, body: '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="https://www.google.com/">here</A>.\r\n</BODY></HTML>\r\n' },
  'www.google.com': { status: 200, latency: [80, 220], headers: { 'content-type': 'text/html; charset=ISO-8859-1', server: 'gws' }, body: html('Google') },
  'docker.com': { status: 403, latency: [100, 300], headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare' }, body: html('Forbidden') },
  'www.docker.com': { status: 403, latency: [100, 300], headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare' }, body: html('Forbidden') },
  'hub.docker.com': { status: 200, latency: [150, 350], headers: { 'content-type': 'text/html; charset=utf-8' }, body: html('Docker Hub') },
  'docs.docker.com': { status: 200, latency: [120, 300], headers: { 'content-type': 'text/html; charset=utf-8' }, body: html('Docker Docs') },
  'example.com': { status: 200, latency: [90, 250], headers: { 'content-type': 'text/html' }, body: html('Example Domain') },
  'www.example.com': { status: 200, latency: [90, 250], headers: { 'content-type': 'text/html' }, body: html('Example Domain') },
  'github.com': { status: 200, latency: [150, 400], headers: { 'content-type': 'text/html; charset=utf-8', server: 'github.com' }, body: html('GitHub') },
  'naver.com': { status: 301, latency: [40, 120], headers: { location: 'https://www.naver.com/' } },
  'www.naver.com': { status: 200, latency: [40, 140], headers: { 'content-type': 'text/html; charset=UTF-8', server: 'nfront' }, body: html('NAVER') },
  'daum.net': { status: 301, latency: [40, 120], headers: { location: 'https://www.daum.net/' } },
  'www.daum.net': { status: 200, latency: [50, 160], headers: { 'content-type': 'text/html;charset=UTF-8' }, body: html('Daum') },
  'bing.com': { status: 301, latency: [80, 200], headers: { location: 'https://www.bing.com/' } },
  'www.bing.com': { status: 200, latency: [80, 200], headers: { 'content-type': 'text/html; charset=utf-8' }, body: html('Bing') },
  'registry.npmjs.org': { status: 200, latency: [100, 300], headers: { 'content-type': 'application/json' }, body: '{}' },
};

export function lookupSite(host: string): SimulatedSite | null {
  const key = host.toLowerCase().replace(/\.$/, '');
  // Own entries only: a host named `constructor` or `__proto__` is not a site.
  return Object.hasOwn(SITES, key) ? SITES[key] : null;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Deterministic latency for the n-th request of a process to `host`. */
export function latencyFor(site: SimulatedSite, host: string, n: number): number {
  const [min, max] = site.latency;
  return min + (hash(`${host.toLowerCase()}#${n}`) % (max - min + 1));
}

/** Virtual ms a failed DNS lookup takes. */
export function dnsFailureDelay(host: string, n: number): number {
  return 15 + (hash(`dns:${host}#${n}`) % 30);
}

/** Node 20's http.STATUS_CODES. */
export const STATUS_CODES: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created',
  202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
  206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
  428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended', 511: 'Network Authentication Required',
};

/** Node 20's http.METHODS. */
export const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE'
];
