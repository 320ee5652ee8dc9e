/**
 * npm packages as the node runtime provides them. A few popular ones (express, body-parser, cors, dotenv, morgan)
 * are implemented by the runtime when their folder exists in node_modules; the placeholder files Layerlab's
 * `npm install` writes for every other package load, and explain when used that their code cannot run here.
 */
import { decodeText, resolvePath } from '../fs-helpers';
import { createExpressModule } from './express';
import type { NodeProgram } from './node-program';

/** Packages that are implemented by the runtime when their folder exists in node_modules. */
export const SHIMMED_PACKAGES = new Set(['express', 'body-parser', 'cors', 'dotenv', 'morgan']);

/** Real package sources are text; Layerlab's npm placeholders are not. */
export function looksLikeText(src: string): boolean {
  const sample = src.slice(0, 2000);
  return !/[\u0000-\u0008\u000e-\u001a\ufffd]/.test(sample);
}

/** A package whose code is not available (npm placeholders): requiring it works, using it explains. */
export function simulatedPackage(name: string): any {
  const fail = (what: string) => {
    const e: any = new Error(`The package '${name}' is installed, but Layerlab simulates npm packages and cannot run its code (${what}). Packages that run here: express, body-parser, cors, dotenv, morgan.`);
    e.code = 'ERR_LAYERLAB_SIMULATED_PACKAGE';
    return e;
  };
  const target = function () {
    throw fail('called');
  };
  return new Proxy(target, {
    get: (_t, prop) => {
      if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'default') return simulatedPackage(name);
      return () => {
        throw fail(String(prop));
      };
    },
    apply: () => {
      throw fail('called');
    },
    construct: () => {
      throw fail('new');
    },
  });
}

/** The runtime's own implementation of a package in SHIMMED_PACKAGES, for the program `node` (cwd: its own). */
export function createShimmedPackage(name: string, node: NodeProgram, cwd: () => string): any {
  if (name === 'express') return createExpressModule(node);
  if (name === 'body-parser') {
    const express = createExpressModule(node);
    return { json: express.json, urlencoded: express.urlencoded, text: express.text };
  }
  if (name === 'cors') {
    return () => (req: any, res: any, next: () => void) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE');
        res.setHeader('Content-Length', '0');
        return res.end();
      }
      next();
    };
  }
  if (name === 'dotenv') {
    const config = (opts: { path?: string } = {}) => {
      const path = resolvePath(cwd(), opts.path ?? '.env');
      const data = node.ctx.fs.readFile(path);
      if (!data) {
        const e: any = new Error(`ENOENT: no such file or directory, open '${path}'`);
        e.code = 'ENOENT';
        return { error: e };
      }
      const parsed: Record<string, string> = {};
      for (const line of decodeText(data).split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
        if (!m || line.trim().startsWith('#')) continue;
        let v = m[2];
        if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
        else v = v.replace(/\s+#.*$/, '');
        parsed[m[1]] = v;
        if (!(m[1] in node.process.env)) node.process.env[m[1]] = v;
      }
      return { parsed };
    };
    return { config, parse: (t: string) => Object.fromEntries(t.split(/\r?\n/).map((l) => /^\s*([\w.-]+)\s*=\s*(.*)$/.exec(l)).filter(Boolean).map((m) => [m![1], m![2]])) };
  }
  if (name === 'morgan') {
    return (fmt: string = 'dev') => (req: any, res: any, next: () => void) => {
      const start = node.ctx.now();
      res.on('finish', () => {
        const ms = (node.ctx.now() - start).toFixed(3);
        const len = res.getHeader('content-length') ?? '-';
        const url = req.originalUrl ?? req.url;
        let line: string;
        if (fmt === 'tiny') line = `${req.method} ${url} ${res.statusCode} ${len} - ${ms} ms`;
        else if (fmt === 'combined' || fmt === 'common') {
          const d = new node.Date();
          const stamp = d.toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3:$4 +0000');
          line = `::ffff:172.17.0.1 - - [${stamp}] "${req.method} ${url} HTTP/1.1" ${res.statusCode} ${len}${fmt === 'combined' ? ` "-" "${req.headers['user-agent'] ?? '-'}"` : ''}`;
        } else line = `${req.method} ${url} ${res.statusCode} ${ms} ms - ${len}`;
        node.ctx.write('stdout', line + '\n');
      });
      next();
    };
  }
  return {};
}
