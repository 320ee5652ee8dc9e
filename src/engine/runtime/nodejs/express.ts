/**
 * A small Express-compatible framework, resolved by `require('express')` when node_modules/express exists in the
 * container (after `npm install` in the build). Supports express(), app.use/get/post/put/delete/patch/all,
 * route params, query, express.static, express.json/urlencoded, express.Router, res.send/json/status/sendStatus/
 * sendFile/set/type/redirect/end, app.listen, and Express's default 404 and 500 pages.
 */
import type { NodeProgram } from './node-program';
import { decodeText, resolvePath } from '../fs-helpers';
import { STATUS_CODES } from './network';

type Next = (err?: unknown) => void;
type Handler = (req: any, res: any, next: Next) => void;
type ErrorHandler = (err: unknown, req: any, res: any, next: Next) => void;

interface Layer {
  method: string | null;
  path: string;
  prefix: boolean;
  regex: RegExp;
  keys: string[];
  handle: Handler | ErrorHandler | any;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=UTF-8',
  htm: 'text/html; charset=UTF-8',
  js: 'application/javascript; charset=UTF-8',
  mjs: 'application/javascript; charset=UTF-8',
  css: 'text/css; charset=UTF-8',
  json: 'application/json; charset=UTF-8',
  txt: 'text/plain; charset=UTF-8',
  md: 'text/markdown; charset=UTF-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  ico: 'image/x-icon',
  xml: 'application/xml',
};

function mimeFor(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return MIME[ext] ?? 'application/octet-stream';
}

function compile(path: string, prefix: boolean): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  if (path === '*' || path === '/*') return { regex: /^(.*)$/, keys: ['0'] };
  let src = path
    .replace(/\/+$/, '')
    .replace(/[.+?^${}()|[\]\\]/g, (c) => (c === '?' ? c : '\\' + c))
    .replace(/\\\(|\\\)/g, (c) => c)
    .replace(/:(\w+)(\?)?/g, (_m, k, opt) => {
      keys.push(k);
      return opt ? '?([^/]+)?' : '([^/]+)';
    })
    .replace(/\*/g, '(.*)');
  if (src === '') src = '';
  return { regex: new RegExp(`^${src}${prefix ? '(?=/|$)' : '/?$'}`, 'i'), keys };
}

function errorPage(title: string, message: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<pre>${message}</pre>\n</body>\n</html>\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function createExpressModule(node: NodeProgram): any {
  const fs = node.ctx.fs;

  function createRouter(): any {
    const stack: Layer[] = [];
    const router: any = function (req: any, res: any, out: Next) {
      router.handle(req, res, out);
    };
    const add = (method: string | null, prefix: boolean, path: string, handlers: any[]) => {
      for (const h of handlers.flat()) {
        const { regex, keys } = compile(path, prefix);
        stack.push({ method, path, prefix, regex, keys, handle: h });
      }
    };
    router.use = (...args: any[]) => {
      const path = typeof args[0] === 'string' ? args.shift() : '/';
      add(null, true, path === '/' ? '' : path, args);
      return router;
    };
    for (const m of ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all']) {
      router[m] = (path: string, ...handlers: any[]) => {
        add(m === 'all' ? '*' : m.toUpperCase(), false, path, handlers);
        return router;
      };
    }
    router.route = (path: string) => {
      const r: any = {};
      for (const m of ['get', 'post', 'put', 'delete', 'patch', 'all']) {
        r[m] = (...h: any[]) => {
          router[m](path, ...h);
          return r;
        };
      }
      return r;
    };
    router.handle = (req: any, res: any, out: Next) => {
      let i = 0;
      const baseUrl = req.baseUrl ?? '';
      const fullPath: string = req.path;
      const next: Next = (err?: unknown) => {
        if (err === 'route' || err === 'router') err = undefined;
        while (i < stack.length) {
          const layer = stack[i++];
          const local = fullPath;
          const m = layer.regex.exec(local === '' ? '/' : local);
          if (!m) continue;
          if (layer.method && layer.method !== '*' && layer.method !== req.method && !(layer.method === 'GET' && req.method === 'HEAD')) continue;
          const isErrorHandler = layer.handle.length === 4;
          if (err !== undefined && !isErrorHandler) continue;
          if (err === undefined && isErrorHandler) continue;
          const params: Record<string, string> = { ...(req.params ?? {}) };
          layer.keys.forEach((k, idx) => {
            if (m[idx + 1] !== undefined) params[k] = decodeURIComponent(m[idx + 1]);
          });
          req.params = params;
          try {
            if (layer.prefix && layer.path) {
              const savedPath = req.path;
              const savedBase = req.baseUrl;
              req.baseUrl = baseUrl + m[0];
              req.path = savedPath.slice(m[0].length) || '/';
              const restore: Next = (e?: unknown) => {
                req.path = savedPath;
                req.baseUrl = savedBase;
                next(e);
              };
              if (isErrorHandler) layer.handle(err, req, res, restore);
              else layer.handle(req, res, restore);
            } else if (isErrorHandler) layer.handle(err, req, res, next);
            else {
              const r = layer.handle(req, res, next);
              if (r && typeof r.then === 'function') r.then(undefined, (e: unknown) => next(e ?? new Error('Rejected')));
            }
          } catch (e) {
            next(e);
          }
          return;
        }
        out(err);
      };
      next();
    };
    return router;
  }

  function express(): any {
    const router = createRouter();
    const settings: Record<string, unknown> = { 'x-powered-by': true, env: node.process.env.NODE_ENV || 'development' };
    const app: any = function (req: any, res: any, next?: Next) {
      app.handle(req, res, next);
    };
    app.locals = { settings };
    app.settings = settings;
    app.use = (...a: any[]) => {
      router.use(...a);
      return app;
    };
    for (const m of ['post', 'put', 'delete', 'patch', 'options', 'head', 'all']) {
      app[m] = (...a: any[]) => {
        router[m](...a);
        return app;
      };
    }
    app.get = (...a: any[]) => {
      if (a.length === 1 && typeof a[0] === 'string') return settings[a[0]];
      router.get(...a);
      return app;
    };
    app.set = (k: string, v: unknown) => {
      settings[k] = v;
      return app;
    };
    app.enable = (k: string) => app.set(k, true);
    app.disable = (k: string) => app.set(k, false);
    app.enabled = (k: string) => !!settings[k];
    app.disabled = (k: string) => !settings[k];
    app.route = (p: string) => router.route(p);
    app.engine = () => app;
    app.handle = (rawReq: any, rawRes: any, outer?: Next) => {
      const req = decorateRequest(rawReq, app);
      const res = decorateResponse(rawRes, req, app);
      if (settings['x-powered-by']) res.setHeader('X-Powered-By', 'Express');
      router.handle(req, res, (err?: unknown) => {
        if (outer) return outer(err);
        finalHandler(req, res, err, settings.env as string);
      });
    };
    app.listen = (...args: any[]) => {
      const http = node.builtin('http');
      const server = http.createServer(app);
      return server.listen(...args);
    };
    return app;
  }

  function finalHandler(req: any, res: any, err: unknown, env: string): void {
    if (res.headersSent) return;
    if (err !== undefined) {
      const e: any = err;
      const status = (e && (e.status || e.statusCode)) || 500;
      if (env !== 'test') node.ctx.write('stderr', `${e && e.stack ? e.stack : String(e)}\n`);
      const msg = env === 'production' ? STATUS_CODES[status] ?? String(status) : escapeHtml(e && e.stack ? e.stack : String(e)).replace(/\n/g, '<br>').replace(/ {2}/g, ' &nbsp;');
      sendError(res, status, msg);
      return;
    }
    sendError(res, 404, `Cannot ${escapeHtml(req.method)} ${escapeHtml(req.originalUrl.split('?')[0])}`);
  }

  function sendError(res: any, status: number, message: string): void {
    res.statusCode = status;
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(errorPage('Error', message));
  }

  function decorateRequest(req: any, app: any): any {
    const url: string = req.url ?? '/';
    const q = url.indexOf('?');
    req.originalUrl ??= url;
    req.path ??= q >= 0 ? url.slice(0, q) : url;
    const USP = (globalThis as any).URLSearchParams;
    req.query ??= q >= 0 ? Object.fromEntries(new USP(url.slice(q + 1))) : {};
    req.params ??= {};
    req.baseUrl ??= '';
    req.app = app;
    req.get = req.header = (name: string) => req.headers[String(name).toLowerCase()];
    req.hostname = String(req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    req.ip = '::ffff:172.17.0.1';
    req.protocol = 'http';
    req.secure = false;
    req.xhr = req.headers['x-requested-with'] === 'XMLHttpRequest';
    req.is = (t: string) => String(req.headers['content-type'] ?? '').includes(t.replace(/^\./, ''));
    return req;
  }

  function decorateResponse(res: any, req: any, app: any): any {
    res.locals = {};
    res.app = app;
    res.status = (code: number) => {
      res.statusCode = code;
      return res;
    };
    res.set = res.header = (k: string | Record<string, string>, v?: string) => {
      if (typeof k === 'object') for (const [a, b] of Object.entries(k)) res.setHeader(a, b);
      else res.setHeader(k, v);
      return res;
    };
    res.get = (k: string) => res.getHeader(k);
    res.type = res.contentType = (t: string) => {
      res.setHeader('Content-Type', t.includes('/') ? t : mimeFor(`x.${t.replace(/^\./, '')}`));
      return res;
    };
    res.send = (body?: unknown) => {
      if (body === null || body === undefined) body = '';
      if (typeof body === 'number') {
        res.statusCode = body;
        body = STATUS_CODES[body] ?? String(body);
      }
      if (typeof body === 'object' && !(body instanceof Uint8Array)) return res.json(body);
      if (typeof body === 'string' && !res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (body instanceof Uint8Array && !res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/octet-stream');
      const text = body instanceof Uint8Array ? decodeText(body) : String(body);
      res.setHeader('Content-Length', String(new TextEncoder().encode(text).length));
      if (res.statusCode === 204 || res.statusCode === 304) return res.end();
      res.end(req.method === 'HEAD' ? undefined : text);
      return res;
    };
    res.json = (obj: unknown) => {
      if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
      const spaces = app.settings['json spaces'];
      return res.send(JSON.stringify(obj, null, spaces as number | undefined) ?? '');
    };
    res.sendStatus = (code: number) => {
      res.statusCode = code;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return res.send(STATUS_CODES[code] ?? String(code));
    };
    res.redirect = (a: number | string, b?: string) => {
      const status = typeof a === 'number' ? a : 302;
      const url = typeof a === 'number' ? b! : a;
      res.statusCode = status;
      res.setHeader('Location', url);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${STATUS_CODES[status]}. Redirecting to ${url}`);
      return res;
    };
    res.sendFile = (path: string, opts?: any, cb?: (err?: unknown) => void) => {
      if (typeof opts === 'function') {
        cb = opts;
        opts = {};
      }
      const root = opts?.root;
      if (!root && !path.startsWith('/')) throw new TypeError('path must be absolute or specify root to res.sendFile');
      const full = resolvePath(root ?? '/', path);
      const data = fs.stat(full)?.type === 'file' ? fs.readFile(full) : null;
      if (!data) {
        const e: any = new Error(`ENOENT: no such file or directory, stat '${full}'`);
        e.code = 'ENOENT';
        e.status = e.statusCode = 404;
        if (cb) return cb(e);
        return finalHandler(req, res, e, app.settings.env);
      }
      if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', mimeFor(full));
      res.send(data);
      cb?.();
    };
    res.render = () => {
      throw new Error('No default engine was specified and no extension was provided.');
    };
    res.cookie = (k: string, v: string) => {
      res.setHeader('Set-Cookie', `${k}=${encodeURIComponent(v)}; Path=/`);
      return res;
    };
    res.append = (k: string, v: string) => {
      const cur = res.getHeader(k);
      res.setHeader(k, cur ? `${cur}, ${v}` : v);
      return res;
    };
    return res;
  }

  const mod: any = express;
  mod.Router = createRouter;
  mod.static = (root: string, opts: any = {}) => {
    const base = resolvePath(node.process.cwd(), root);
    return (req: any, res: any, next: Next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      let p: string;
      try {
        p = decodeURIComponent(req.path);
      } catch {
        return next();
      }
      let file = resolvePath(base, '.' + p);
      if (!file.startsWith(base)) return next();
      const st = fs.stat(file);
      if (st?.type === 'dir') {
        if (!p.endsWith('/')) {
          res.statusCode = 301;
          res.setHeader('Location', `${req.originalUrl.split('?')[0]}/`);
          res.setHeader('Content-Type', 'text/html; charset=UTF-8');
          return res.end(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to ${escapeHtml(req.originalUrl.split('?')[0])}/</pre>\n</body>\n</html>\n`);
        }
        if (opts.index === false) return next();
        file = `${file === '/' ? '' : file}/${opts.index ?? 'index.html'}`;
      }
      const data = fs.stat(file)?.type === 'file' ? fs.readFile(file) : null;
      if (!data) return next();
      res.setHeader('Content-Type', mimeFor(file));
      res.setHeader('Cache-Control', 'public, max-age=0');
      res.send(data);
    };
  };
  mod.json = () => (req: any, _res: any, next: Next) => {
    bodyParser(req, next, /json/, (t) => JSON.parse(t));
  };
  mod.urlencoded = () => (req: any, _res: any, next: Next) => {
    const USP = (globalThis as any).URLSearchParams;
    bodyParser(req, next, /x-www-form-urlencoded/, (t) => Object.fromEntries(new USP(t)));
  };
  mod.text = () => (req: any, _res: any, next: Next) => bodyParser(req, next, /text\//, (t) => t);
  return mod;
}

function bodyParser(req: any, next: Next, type: RegExp, parse: (t: string) => unknown): void {
  if (req._body || !type.test(String(req.headers['content-type'] ?? ''))) {
    req.body ??= {};
    return next();
  }
  let data = '';
  req.setEncoding?.('utf8');
  req.on('data', (c: unknown) => (data += String(c)));
  req.on('end', () => {
    req._body = true;
    try {
      req.body = data ? parse(data) : {};
    } catch (e) {
      (e as any).status = 400;
      return next(e);
    }
    next();
  });
}
