/**
 * The WHATWG `Headers`, `Request` and `Response` classes of Node 18+ (undici's semantics): header names are
 * case-insensitive and validated, `get` joins repeated values with ", ", iteration is sorted by name with each
 * `set-cookie` its own entry (`getSetCookie()` lists them), bodies are read once (`text`, `json`, `arrayBuffer`),
 * `ok` is a 2xx status, `Response.json`/`redirect`/`error`. fetch.ts makes them over the sandbox's http client.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const encoder = new TextEncoder();

/** Private state shared with fetch.ts (the URL and redirect flag of a fetched response). */
export const RESPONSE_STATE = Symbol('response state');

function headerName(where: string, name: unknown): string {
  const n = String(name);
  if (!TOKEN.test(n)) throw new TypeError(`Headers.${where}: "${n}" is an invalid header name.`);
  return n.toLowerCase();
}

const headerValue = (v: unknown) => String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

export class Headers {
  #list: [string, string][] = [];

  constructor(init?: unknown) {
    if (init === undefined || init === null) return;
    if (init instanceof Headers) {
      for (const [k, v] of init.#list) this.#list.push([k, v]);
    } else if (typeof (init as any)[Symbol.iterator] === 'function') {
      for (const pair of init as Iterable<unknown>) {
        const p = [...(pair as Iterable<unknown>)];
        if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
        this.append(p[0], p[1]);
      }
    } else if (typeof init === 'object') {
      for (const [k, v] of Object.entries(init as Record<string, unknown>)) this.append(k, v);
    }
  }

  append(name: unknown, value: unknown): void {
    this.#list.push([headerName('append', name), headerValue(value)]);
  }

  delete(name: unknown): void {
    const n = headerName('delete', name);
    this.#list = this.#list.filter(([k]) => k !== n);
  }

  get(name: unknown): string | null {
    const n = headerName('get', name);
    const vs = this.#list.filter(([k]) => k === n).map(([, v]) => v);
    return vs.length ? vs.join(', ') : null;
  }

  getSetCookie(): string[] {
    return this.#list.filter(([k]) => k === 'set-cookie').map(([, v]) => v);
  }

  has(name: unknown): boolean {
    const n = headerName('has', name);
    return this.#list.some(([k]) => k === n);
  }

  set(name: unknown, value: unknown): void {
    const n = headerName('set', name);
    const i = this.#list.findIndex(([k]) => k === n);
    const v = headerValue(value);
    if (i < 0) this.#list.push([n, v]);
    else this.#list = this.#list.filter(([k], j) => k !== n || j === i).map((e, j) => (j === i ? [n, v] : e));
  }

  /** The sorted, combined list (the iteration order of the standard). */
  #sorted(): [string, string][] {
    const names = [...new Set(this.#list.map(([k]) => k))].sort();
    const out: [string, string][] = [];
    for (const n of names) {
      if (n === 'set-cookie') for (const v of this.getSetCookie()) out.push([n, v]);
      else out.push([n, this.get(n)!]);
    }
    return out;
  }

  forEach(cb: (value: string, name: string, h: Headers) => void, thisArg?: unknown): void {
    for (const [k, v] of this.#sorted()) cb.call(thisArg, v, k, this);
  }

  *entries(): IterableIterator<[string, string]> {
    yield* this.#sorted();
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.#sorted()) yield k;
  }

  *values(): IterableIterator<string> {
    for (const [, v] of this.#sorted()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}

/** A body as bytes, and the content type it implies when the headers name none. */
function extractBody(body: unknown): { bytes: Uint8Array | null; type: string | null } {
  if (body === undefined || body === null) return { bytes: null, type: null };
  if (typeof body === 'string') return { bytes: encoder.encode(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body.slice(0)), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), type: null };
  const U = (globalThis as any).URLSearchParams;
  if (U && body instanceof U) return { bytes: encoder.encode(String(body)), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  return { bytes: encoder.encode(String(body)), type: 'text/plain;charset=UTF-8' };
}

/** The body mixin: read once, as text, JSON or bytes. */
class Body {
  #bytes: Uint8Array | null;
  #used = false;

  constructor(bytes: Uint8Array | null) {
    this.#bytes = bytes;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** A minimal stream of the bytes (null when there is no body). */
  get body(): unknown {
    const bytes = this.#bytes;
    if (!bytes) return null;
    return {
      locked: false,
      async *[Symbol.asyncIterator]() {
        yield bytes;
      },
    };
  }

  /** The bytes, once. */
  protected consume(): Promise<Uint8Array> {
    if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#used = true;
    return Promise.resolve(this.#bytes ?? new Uint8Array(0));
  }

  protected peekBytes(): Uint8Array | null {
    return this.#bytes;
  }

  text(): Promise<string> {
    return this.consume().then((b) => new TextDecoder().decode(b));
  }

  json(): Promise<unknown> {
    return this.text().then((t) => JSON.parse(t));
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.consume().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  }
}

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];

export class Request extends Body {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: string;

  constructor(input: unknown, init: any = {}) {
    const from = input instanceof Request ? input : null;
    const U = (globalThis as any).URL;
    let url: string;
    try {
      url = new U(from ? from.url : String(input)).href;
    } catch (e) {
      const te: any = new TypeError('Failed to parse URL from ' + String(input));
      te.cause = e;
      throw te;
    }
    const { bytes, type } = extractBody(init.body !== undefined ? init.body : null);
    super(bytes ?? from?.peekBytes() ?? null);
    const m = String(init.method ?? from?.method ?? 'GET');
    this.method = METHODS.includes(m.toUpperCase()) ? m.toUpperCase() : m;
    this.url = url;
    this.headers = new Headers(init.headers ?? from?.headers);
    if (type && !this.headers.has('content-type')) this.headers.set('content-type', type);
    this.redirect = String(init.redirect ?? from?.redirect ?? 'follow');
  }

  /** The body bytes for sending (fetch.ts). */
  bytes(): Uint8Array | null {
    return this.peekBytes();
  }

  get [Symbol.toStringTag](): string {
    return 'Request';
  }
}

export class Response extends Body {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  [RESPONSE_STATE]: { url: string; redirected: boolean; type: string } = { url: '', redirected: false, type: 'default' };

  constructor(body: unknown = null, init: any = {}) {
    const { bytes, type } = extractBody(body);
    super(bytes);
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!(status >= 200 && status <= 599)) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    this.status = status;
    this.statusText = String(init.statusText ?? '');
    this.headers = new Headers(init.headers);
    if (type && !this.headers.has('content-type')) this.headers.set('content-type', type);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get url(): string {
    return this[RESPONSE_STATE].url;
  }

  get redirected(): boolean {
    return this[RESPONSE_STATE].redirected;
  }

  get type(): string {
    return this[RESPONSE_STATE].type;
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const c = new Response(this.peekBytes(), { status: this.status, statusText: this.statusText, headers: this.headers });
    c[RESPONSE_STATE] = { ...this[RESPONSE_STATE] };
    return c;
  }

  static json(data: unknown, init: any = {}): Response {
    const r = new Response(JSON.stringify(data), init);
    if (!new Headers(init.headers).has('content-type')) r.headers.set('content-type', 'application/json');
    return r;
  }

  static redirect(url: unknown, status = 302): Response {
    if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const U = (globalThis as any).URL;
    const r = new Response(null, { headers: { location: new U(String(url)).href } });
    Object.defineProperty(r, 'status', { value: status });
    return r;
  }

  static error(): Response {
    const r = new Response(null);
    Object.defineProperty(r, 'status', { value: 0 });
    r[RESPONSE_STATE] = { url: '', redirected: false, type: 'error' };
    return r;
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }
}
