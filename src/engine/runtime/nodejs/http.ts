/**
 * Node's `http` and `https`: a client that talks to servers in the same process (localhost), to other containers
 * on the container's networks and to the simulated internet (routed by ../net-client.ts `routeRemote`), and
 * `createServer`, whose requests arrive through `SandboxProcess.httpRequest`.
 */
import type { HttpRequest, HttpResponse } from '../process';
import type { ProgramContext } from '../kernel';
import { EventEmitter } from './events';
import { Readable, Stream } from './stream-module';
import { NodeBuffer } from './globals';
import { econnrefused, enotfound, type NodeFlavour } from './node-errors';
import { routeRemote } from '../net-client';
import { METHODS, STATUS_CODES } from './network';

export interface HttpHost {
  ctx: ProgramContext;
  fl: NodeFlavour;
  /** Next request number of this process (for deterministic latency). */
  nextRequestNumber(): number;
  /** Calls a server listening in this process, or null if none listens on the port. */
  localRequest(port: number, req: HttpRequest): Promise<HttpResponse> | null;
  immediate(cb: () => void): void;
  Date: DateConstructor;
}

/** The connection a message travels on: addresses and the flags packages check (on-finished, proxy-addr). */
export class SocketInfo extends EventEmitter {
  readable = true;
  writable = true;
  destroyed = false;
  remoteAddress = '172.17.0.1';
  remotePort = 50000;
  remoteFamily = 'IPv4';
  encrypted = false;
  constructor(
    readonly localAddress = '172.17.0.2',
    readonly localPort = 0,
  ) {
    super();
  }
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  address() {
    return { address: this.localAddress, family: 'IPv4', port: this.localPort };
  }
  destroy(): this {
    this.destroyed = true;
    this.readable = this.writable = false;
    return this;
  }
  end(): this {
    return this;
  }
}

/** Whether bytes are valid UTF-8 (a text body), else they travel as bytes. */
function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** A request (server side) or response (client side): a Readable of the body, with headers and status. */
export class IncomingMessage extends Readable {
  statusCode?: number;
  statusMessage?: string;
  method?: string;
  url?: string;
  httpVersion = '1.1';
  httpVersionMajor = 1;
  httpVersionMinor = 1;
  headers: Record<string, string> = {};
  rawHeaders: string[] = [];
  trailers: Record<string, string> = {};
  rawTrailers: string[] = [];
  complete = false;
  aborted = false;
  upgrade = false;
  socket: SocketInfo;
  constructor(socket: SocketInfo = new SocketInfo()) {
    super();
    this.socket = socket;
  }
  get connection(): SocketInfo {
    return this.socket;
  }
  _read(): void {}
  setTimeout(_ms: number, cb?: () => void): this {
    if (cb) this.once('timeout', cb);
    return this;
  }
  /** Delivers the body as one chunk, then its end. */
  _deliver(body: string | Uint8Array): void {
    if (body.length) this.push(typeof body === 'string' ? NodeBuffer.from(body) : NodeBuffer.from(body.buffer, body.byteOffset, body.byteLength));
    this.complete = true;
    this.push(null);
    this.once('end', () => (this.socket.readable = false));
  }
}

function lowerHeaders(h: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/** A server's response: headers until the first write, then the body; the exchange completes on end(). */
export class ServerResponse extends Stream {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  finished = false;
  writableEnded = false;
  writableFinished = false;
  sendDate = true;
  chunkedEncoding = false;
  _header: string | null = null;
  readonly socket: SocketInfo;
  private headers = new Map<string, [string, string | string[]]>();
  private chunks: Uint8Array[] = [];
  constructor(
    private done: (r: HttpResponse) => void,
    private D: DateConstructor,
    readonly req: IncomingMessage,
    /** Runs a callback after the current one, as the program's own work (its exceptions are the program's). */
    private defer: (cb: () => void) => void,
  ) {
    super();
    this.socket = req.socket;
  }
  get connection(): SocketInfo {
    return this.socket;
  }
  get writable(): boolean {
    return !this.writableEnded;
  }
  private headersError(name: string): Error {
    const e: any = new Error(`Cannot ${name} headers after they are sent to the client`);
    e.code = 'ERR_HTTP_HEADERS_SENT';
    return e;
  }
  setHeader(name: string, value: string | number | readonly string[]): this {
    if (this._header) throw this.headersError('set');
    this.headers.set(name.toLowerCase(), [name, Array.isArray(value) ? value.map(String) : String(value)]);
    return this;
  }
  appendHeader(name: string, value: string | string[]): this {
    const cur = this.getHeader(name);
    const add = Array.isArray(value) ? value : [value];
    return this.setHeader(name, cur === undefined ? add : [...(Array.isArray(cur) ? cur : [cur]), ...add]);
  }
  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(String(name).toLowerCase())?.[1];
  }
  getHeaders(): Record<string, string | string[]> {
    const o: Record<string, string | string[]> = Object.create(null);
    for (const [k, [, v]] of this.headers) o[k] = v;
    return o;
  }
  getHeaderNames(): string[] {
    return [...this.headers.keys()];
  }
  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }
  removeHeader(name: string): void {
    if (this._header) throw this.headersError('remove');
    this.headers.delete(name.toLowerCase());
  }
  flushHeaders(): void {
    this.sendHeaders();
  }
  writeHead(status: number, msg?: string | Record<string, unknown> | unknown[], headers?: Record<string, unknown> | unknown[]): this {
    if (this._header) throw this.headersError('write');
    this.statusCode = status;
    if (typeof msg === 'string') this.statusMessage = msg;
    else headers = msg;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1] as string);
    else for (const [k, v] of Object.entries(headers ?? {})) this.setHeader(k, v as string);
    this.sendHeaders();
    return this;
  }
  private sendHeaders(): void {
    if (this._header) return;
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[this.statusCode] ?? 'unknown';
    const lines = [`HTTP/1.1 ${this.statusCode} ${this.statusMessage}`];
    for (const [, [name, v]] of this.headers) for (const x of Array.isArray(v) ? v : [v]) lines.push(`${name}: ${x}`);
    this._header = lines.join('\r\n') + '\r\n\r\n';
    this.headersSent = true;
  }
  write(chunk: unknown, enc?: unknown, cb?: () => void): boolean {
    if (typeof enc === 'function') cb = enc as () => void;
    if (this.writableEnded) {
      const e: any = new Error('write after end');
      e.code = 'ERR_STREAM_WRITE_AFTER_END';
      this.emit('error', e);
      return false;
    }
    if (!this._header) {
      if (!this.hasHeader('content-length')) this.chunkedEncoding = true;
      this.sendHeaders();
    }
    if (chunk !== undefined && chunk !== null) this.chunks.push(typeof chunk === 'string' ? NodeBuffer.from(chunk, typeof enc === 'string' ? enc : 'utf8') : (chunk as Uint8Array));
    if (cb) this.defer(cb);
    return true;
  }
  end(chunk?: unknown, enc?: unknown, cb?: () => void): this {
    if (typeof chunk === 'function') {
      cb = chunk as () => void;
      chunk = undefined;
    } else if (typeof enc === 'function') cb = enc as () => void;
    if (this.finished) return this;
    if (chunk !== undefined && chunk !== null) this.chunks.push(typeof chunk === 'string' ? NodeBuffer.from(chunk, typeof enc === 'string' ? enc : 'utf8') : (chunk as Uint8Array));
    const body = NodeBuffer.concat(this.chunks);
    if (!this._header) {
      if (!this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) this.setHeader('Content-Length', body.length);
      this.sendHeaders();
    }
    this.finished = this.writableEnded = true;
    const headers: Record<string, string> = {};
    for (const [k, [, v]] of this.headers) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const cookies = this.headers.get('set-cookie')?.[1];
    const text = this.req.method === 'HEAD' ? '' : body.toString('utf8');
    const binary = this.req.method !== 'HEAD' && !isUtf8(body);
    if (this.sendDate) headers['date'] ??= new this.D().toUTCString();
    headers['connection'] ??= 'keep-alive';
    if (!('content-length' in headers) && !('transfer-encoding' in headers)) headers['transfer-encoding'] = 'chunked';
    this.done({
      status: this.statusCode,
      statusText: this.statusMessage,
      headers,
      body: text,
      ...(binary ? { bodyBytes: new Uint8Array(body) } : {}),
      ...(cookies === undefined ? {} : { setCookie: (Array.isArray(cookies) ? cookies : [cookies]).map(String) }),
    });
    this.defer(() => {
      this.writableFinished = true;
      this.emit('prefinish');
      this.emit('finish');
      cb?.();
      this.emit('close');
    });
    return this;
  }
  setTimeout(_ms: number, cb?: () => void): this {
    if (cb) this.once('timeout', cb);
    return this;
  }
  addTrailers(): void {}
  writeContinue(): void {}
  cork(): void {}
  uncork(): void {}
  destroy(): this {
    this.socket.destroy();
    return this;
  }
}

export function createHttpModule(h: HttpHost, secure: boolean): any {
  const defaultPort = secure ? 443 : 80;

  class ClientRequest extends EventEmitter {
    method: string;
    path: string;
    host: string;
    port: number;
    aborted = false;
    private headers: Record<string, string>;
    private body: string[] = [];
    private ended = false;
    constructor(opts: any, cb?: (res: IncomingMessage) => void) {
      super();
      const hostRaw: string = opts.hostname ?? opts.host ?? 'localhost';
      const hostname = opts.hostname ? String(opts.hostname) : String(hostRaw).replace(/:\d+$/, '');
      this.host = hostname;
      const portFromHost = !opts.hostname && /:(\d+)$/.exec(String(hostRaw));
      this.port = Number(opts.port ?? (portFromHost ? portFromHost[1] : defaultPort));
      this.method = String(opts.method ?? 'GET').toUpperCase();
      this.path = opts.path ?? '/';
      this.headers = lowerHeaders(opts.headers);
      if (cb) this.once('response', cb);
    }
    setHeader(k: string, v: string): void {
      this.headers[k.toLowerCase()] = String(v);
    }
    getHeader(k: string): string | undefined {
      return this.headers[k.toLowerCase()];
    }
    removeHeader(k: string): void {
      delete this.headers[k.toLowerCase()];
    }
    setTimeout(_ms: number, cb?: () => void): this {
      if (cb) this.once('timeout', cb);
      return this;
    }
    setNoDelay(): void {}
    setSocketKeepAlive(): void {}
    write(chunk: unknown): boolean {
      this.body.push(chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : String(chunk));
      return true;
    }
    abort(): void {
      this.aborted = true;
    }
    destroy(err?: Error): this {
      this.aborted = true;
      if (err) h.immediate(() => this.emit('error', err));
      return this;
    }
    end(chunk?: unknown, _enc?: unknown, cb?: () => void): this {
      if (this.ended) return this;
      this.ended = true;
      if (typeof chunk === 'function') cb = chunk as () => void;
      else if (chunk !== undefined && chunk !== null) this.write(chunk);
      if (typeof _enc === 'function') cb = _enc as () => void;
      cb?.();
      this.send();
      return this;
    }
    private send(): void {
      const release = h.ctx.hold();
      const n = h.nextRequestNumber();
      const host = this.host;
      const respond = (r: HttpResponse) => {
        if (this.aborted) return release();
        const res = new IncomingMessage();
        res.statusCode = r.status;
        res.statusMessage = STATUS_CODES[r.status] ?? '';
        res.headers = { ...r.headers };
        // Node gives Set-Cookie as an array, one entry per header.
        if (r.headers['set-cookie'] !== undefined) (res.headers as Record<string, unknown>)['set-cookie'] = r.setCookie ?? [r.headers['set-cookie']];
        res.rawHeaders = Object.entries(r.headers).flat();
        try {
          this.emit('response', res);
        } finally {
          h.immediate(() => {
            release();
            res._deliver(this.method === 'HEAD' ? '' : (r.bodyBytes ?? r.body));
          });
        }
      };
      const fail = (e: Error, delay: number) => {
        h.ctx.setTimer(delay, () => {
          release();
          if (!this.aborted) this.emit('error', e);
        });
      };
      const local = host === 'localhost' || host === '127.0.0.1' || host === '0.0.0.0' || host === h.ctx.spec.hostname;
      if (local) {
        const p = h.localRequest(this.port, { method: this.method, path: this.path, headers: this.headers, body: this.body.join('') });
        if (!p) return fail(econnrefused(h.fl, host, this.port), 1);
        p.then(
          h.ctx.guard((r: HttpResponse) => h.ctx.setTimer(1, () => respond(r))),
          h.ctx.guard((e: Error) => fail(e, 1)),
        );
        return;
      }
      const req: HttpRequest = { method: this.method, path: this.path, headers: { host: this.port === 80 ? host : `${host}:${this.port}`, ...this.headers }, body: this.body.join('') };
      routeRemote(h.ctx, host, this.port, req, n, (o) => {
        switch (o.kind) {
          case 'peer':
            return respond(o.res);
          case 'refused':
            return fail(econnrefused(h.fl, o.ip, this.port), 0);
          case 'notfound':
            return fail(enotfound(h.fl, host, this.port), 0);
          case 'site':
            return respond({
              status: o.site.status,
              headers: { date: new h.Date().toUTCString(), ...(o.site.headers ?? {}), 'content-length': String(new TextEncoder().encode(o.site.body ?? '').length) },
              body: o.site.body ?? '',
            });
        }
      });
    }
  }

  const parseArgs = (a: any, b: any, c: any): [any, ((res: IncomingMessage) => void) | undefined] => {
    let opts: any = {};
    let cb = typeof b === 'function' ? b : c;
    if (typeof a === 'string' || (a && typeof a === 'object' && typeof a.href === 'string' && typeof a.pathname === 'string')) {
      const U = (globalThis as any).URL;
      let u: any;
      try {
        u = new U(String(a));
      } catch {
        const e: any = new TypeError(h.fl.legacy ? `Invalid URL: ${a}` : 'Invalid URL');
        e.code = 'ERR_INVALID_URL';
        e.input = String(a);
        throw e;
      }
      opts = { protocol: u.protocol, hostname: u.hostname, port: u.port || undefined, path: `${u.pathname}${u.search}` };
      if (b && typeof b === 'object') opts = { ...opts, ...b };
    } else opts = { ...(a ?? {}) };
    if (typeof b === 'function') cb = b;
    return [opts, cb];
  };

  class Server extends EventEmitter {
    listening = false;
    private port = 0;
    private release: (() => void) | null = null;
    constructor(handler?: (req: IncomingMessage, res: ServerResponse) => void) {
      super();
      if (handler) this.on('request', handler);
    }
    listen(...args: any[]): this {
      const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
      let port = args[0];
      if (port && typeof port === 'object') port = port.port;
      this.port = port === undefined || port === null ? 0 : Number(port);
      if (!Number.isInteger(this.port) || this.port < 0 || this.port > 65535) {
        const e: any = new RangeError(`options.port should be >= 0 and < 65536. Received ${args[0]}.`);
        e.code = 'ERR_SOCKET_BAD_PORT';
        throw e;
      }
      if (this.port === 0) this.port = 30000 + Math.floor(h.ctx.random() * 20000);
      if (cb) this.once('listening', cb);
      const err = h.ctx.listen(this.port, (req) => this.handle(req));
      if (err) {
        const e: any = new Error(`listen EADDRINUSE: address already in use :::${this.port}`);
        e.code = 'EADDRINUSE';
        e.errno = h.fl.legacy ? 'EADDRINUSE' : -98;
        e.syscall = 'listen';
        e.address = '::';
        e.port = this.port;
        h.immediate(() => this.emit('error', e));
        return this;
      }
      this.listening = true;
      this.release = h.ctx.hold();
      h.immediate(() => this.emit('listening'));
      return this;
    }
    address(): { address: string; family: string; port: number } | null {
      return this.listening ? { address: '::', family: 'IPv6', port: this.port } : null;
    }
    close(cb?: (err?: Error) => void): this {
      if (this.listening) {
        h.ctx.unlisten(this.port);
        this.listening = false;
        this.release?.();
        this.release = null;
      }
      h.immediate(() => {
        this.emit('close');
        cb?.();
      });
      return this;
    }
    setTimeout(): this {
      return this;
    }
    ref(): this {
      return this;
    }
    unref(): this {
      this.release?.();
      this.release = null;
      return this;
    }
    private handle(r: HttpRequest): Promise<HttpResponse> {
      return new Promise<HttpResponse>((resolve) => {
        const req = new IncomingMessage(new SocketInfo('172.17.0.2', this.port));
        req.method = r.method.toUpperCase();
        req.url = r.path || '/';
        req.headers = { host: `localhost:${this.port}`, ...lowerHeaders(r.headers) };
        // A client sending a body says how long it is (HTTP/1.1), as curl and browsers do.
        if (r.body && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) req.headers['content-length'] = String(NodeBuffer.byteLength(r.body));
        req.rawHeaders = Object.entries(req.headers).flat();
        const res = new ServerResponse(resolve, h.Date, req, (cb) => queueMicrotask(h.ctx.guard(cb)));
        h.ctx.guard(() => this.emit('request', req, res))();
        h.immediate(() => req._deliver(r.body ?? ''));
      });
    }
  }

  const mod: any = {
    request: (a: any, b?: any, c?: any) => {
      const [opts, cb] = parseArgs(a, b, c);
      return new ClientRequest(opts, cb);
    },
    get: (a: any, b?: any, c?: any) => {
      const [opts, cb] = parseArgs(a, b, c);
      const r = new ClientRequest({ ...opts, method: 'GET' }, cb);
      r.end();
      return r;
    },
    createServer: (a?: any, b?: any) => new Server(typeof a === 'function' ? a : b),
    Server,
    ClientRequest,
    IncomingMessage,
    ServerResponse,
    STATUS_CODES,
    METHODS,
    Agent: class Agent {
      constructor(public options: unknown = {}) {}
    },
  };
  mod.globalAgent = new mod.Agent();
  return mod;
}
