/** Node-shaped error objects with deterministic stacks (no host frames leak into user-visible output). */
import { ERRNO_NUMBER, ERRNO_TEXT } from '../fs-helpers';
import type { FsErrno } from '../process';

export interface NodeFlavour {
  /** Major version, e.g. 10. */
  major: number;
  /** Node < 12: old error message shapes and inspect layout. */
  legacy: boolean;
  version: string;
}

export function withStack<E extends Error>(e: E, frames: string[]): E {
  const head = `${e.name}: ${e.message}`;
  Object.defineProperty(e, 'stack', { value: [head, ...frames.map((f) => `    at ${f}`)].join('\n'), writable: true, configurable: true });
  Object.defineProperty(e, '__nodeStack', { value: true, enumerable: false, configurable: true });
  return e;
}

/** One of Node's internal errors: `Error [CODE]: message` heading its stack, with Node's frames. */
export function internalError(Ctor: ErrorConstructor | TypeErrorConstructor | SyntaxErrorConstructor, code: string | null, message: string, frames: string[]): any {
  const e: any = new Ctor(message);
  if (code) e.code = code;
  const head = code ? `${e.name} [${code}]: ${message}` : `${e.name}: ${message}`;
  Object.defineProperty(e, 'stack', { value: [head, ...frames.map((f) => `    at ${f}`)].join('\n'), writable: true, configurable: true });
  Object.defineProperty(e, '__nodeStack', { value: true, configurable: true });
  return e;
}

/** Text the uncaught report prints before the error (Node's source excerpt and caret). */
export function withHeader<E extends Error>(e: E, header: string): E {
  Object.defineProperty(e, '__header', { value: header, configurable: true });
  return e;
}

/** `ENOENT: no such file or directory, open '/x'` with errno, code, syscall, path (Node's fs error). */
export function fsError(fl: NodeFlavour, code: FsErrno, syscall: string, path: string, dest?: string): Error {
  const msg = `${code}: ${ERRNO_TEXT[code]}, ${syscall} '${path}'${dest ? ` -> '${dest}'` : ''}`;
  const e: any = new Error(msg);
  e.errno = ERRNO_NUMBER[code];
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  if (dest) e.dest = dest;
  const frame = fl.legacy ? `Object.${syscall}Sync (fs.js:${syscall === 'open' ? 443 : 800}:3)` : `Object.${syscall}Sync (node:fs:${syscall === 'open' ? 573 : 1000}:3)`;
  return withStack(e, [frame]);
}

export function enotfound(fl: NodeFlavour, host: string, port: number): Error {
  const e: any = new Error(fl.legacy ? `getaddrinfo ENOTFOUND ${host} ${host}:${port}` : `getaddrinfo ENOTFOUND ${host}`);
  e.errno = fl.legacy || fl.major < 13 ? 'ENOTFOUND' : -3008;
  e.code = 'ENOTFOUND';
  e.syscall = 'getaddrinfo';
  e.hostname = host;
  if (fl.legacy) {
    e.host = host;
    e.port = port;
  }
  const frame = fl.legacy
    ? 'GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:57:26)'
    : fl.major < 16
      ? 'GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:67:26)'
      : 'GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)';
  return withStack(e, [frame]);
}

export function econnrefused(fl: NodeFlavour, host: string, port: number): Error {
  const addr = host === 'localhost' ? '127.0.0.1' : host;
  const e: any = new Error(`connect ECONNREFUSED ${addr}:${port}`);
  e.errno = fl.legacy ? 'ECONNREFUSED' : -111;
  e.code = 'ECONNREFUSED';
  e.syscall = 'connect';
  e.address = addr;
  e.port = port;
  return withStack(e, [fl.legacy ? 'TCPConnectWrap.afterConnect [as oncomplete] (net.js:1097:14)' : 'TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)']);
}

export function moduleNotFound(fl: NodeFlavour, request: string, requireStack: string[]): Error {
  let msg = `Cannot find module '${request}'`;
  if (!fl.legacy && requireStack.length) msg += `\nRequire stack:\n${requireStack.map((s) => `- ${s}`).join('\n')}`;
  const e: any = new Error(msg);
  e.code = 'MODULE_NOT_FOUND';
  if (!fl.legacy) e.requireStack = requireStack;
  const frames = fl.legacy
    ? [
        'Function.Module._resolveFilename (internal/modules/cjs/loader.js:636:15)',
        'Function.Module._load (internal/modules/cjs/loader.js:562:25)',
        requireStack.length ? 'Module.require (internal/modules/cjs/loader.js:690:17)' : 'Function.Module.runMain (internal/modules/cjs/loader.js:831:12)',
        requireStack.length ? 'require (internal/modules/cjs/helpers.js:25:18)' : 'startup (internal/bootstrap/node.js:283:19)',
        ...(requireStack.length ? [] : ['bootstrapNodeJSCore (internal/bootstrap/node.js:622:3)']),
      ]
    : [
        'Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)',
        'Module._load (node:internal/modules/cjs/loader:986:27)',
        ...(requireStack.length
          ? ['Module.require (node:internal/modules/cjs/loader:1233:19)', 'require (node:internal/modules/helpers:179:18)']
          : ['Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:142:12)', 'node:internal/main/run_main_module:28:49']),
      ];
  return withStack(e, frames);
}

/** Rewrites the host V8's wording to the wording of the image's Node version (messages changed in V8 7 and 9.3). */
export function versionedMessage(fl: NodeFlavour, message: string): string {
  let m = message;
  if (fl.major < 16) m = m.replace(/^Cannot read properties of (null|undefined) \(reading '(.*)'\)$/, "Cannot read property '$2' of $1").replace(/^Cannot set properties of (null|undefined) \(setting '(.*)'\)$/, "Cannot set property '$2' of $1");
  if (fl.major < 12) m = m.replace(/^Unexpected token '(.*)'$/, 'Unexpected token $1');
  return m;
}

/** Node's ERR_INVALID_ARG_TYPE: `The "name" argument must be EXPECTED. Received type number (5)`. */
export function invalidArgType(name: string, expected: string, value: unknown): TypeError {
  let got: string;
  if (value === null || value === undefined) got = String(value);
  else if (typeof value === 'function') got = `function ${value.name}`;
  else if (typeof value === 'object') got = value.constructor?.name ? `an instance of ${value.constructor.name}` : 'an object';
  else {
    const shown = typeof value === 'string' ? `'${value}'` : typeof value === 'bigint' ? `${value}n` : String(value);
    got = `type ${typeof value} (${shown.length > 28 ? `${shown.slice(0, 25)}...` : shown})`;
  }
  const e: any = new TypeError(`The "${name}" argument must be ${expected}. Received ${got}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}
