/**
 * The host's check of every message that comes out of a sandbox (the browser's worker, the CLI's child process).
 * Learner code runs there and can post anything, so each message is checked for the protocol's exact shape and
 * types before the engine sees it (protocol.ts `WorkerMessage`). Anything else is an error the host answers by
 * ending that sandbox. Both hosts use this one check.
 */
import type { WorkerMessage } from './protocol';
import type { ExitReason, Signal, StdStream } from './process';
import { SIGNAL_NUMBERS } from './process';

export type Checked = { ok: true; message: WorkerMessage } | { ok: false; problem: string };

type Obj = Record<string, unknown>;

const STREAMS: readonly StdStream[] = ['stdout', 'stderr'];
const REASONS: readonly ExitReason[] = ['exit', 'signal', 'killed', 'oom', 'cpu-limit', 'error'];
/** Longest path accepted in an fs change (Linux PATH_MAX). */
const MAX_PATH = 4096;
/** Largest file a package manager may describe by seed and size (sizes of real packages stay far below). */
const MAX_SYNTHETIC_SIZE = 8 * 1024 * 1024 * 1024;

class Invalid extends Error {}

function fail(what: string): never {
  throw new Invalid(what);
}

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function obj(v: unknown, what: string): Obj {
  if (!isPlainObject(v)) fail(`${what} is not an object`);
  return v;
}

/** Only the listed keys (optional ones may be absent or undefined). */
function keys(o: Obj, what: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${what} has an unexpected field "${k}"`);
}

function str(v: unknown, what: string, max = Infinity): string {
  if (typeof v !== 'string') fail(`${what} is not a string`);
  if (v.length > max) fail(`${what} is too long`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${what} is not a finite number`);
  return v;
}

function int(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`${what} is not an integer in ${min}..${max}`);
  return v;
}

function oneOf<T extends string>(v: unknown, what: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(`${what} is not one of ${allowed.join(', ')}`);
  return v as T;
}

function path(v: unknown, what: string): string {
  const p = str(v, what, MAX_PATH);
  if (!p.startsWith('/') || p.includes('\0')) fail(`${what} is not an absolute path`);
  if (p.split('/').includes('..')) fail(`${what} climbs out with ..`);
  return p;
}

function bytes(v: unknown, what: string): Uint8Array {
  if (!(v instanceof Uint8Array)) fail(`${what} is not a Uint8Array`);
  return v;
}

function mode(v: unknown, what: string): number | undefined {
  return v === undefined ? undefined : int(v, what, 0, 0o7777);
}

function output(v: unknown) {
  const e = obj(v, 'output event');
  keys(e, 'output event', ['stream', 'text', 'time']);
  return { stream: oneOf(e.stream, 'output stream', STREAMS), text: str(e.text, 'output text'), time: num(e.time, 'output time') };
}

function exit(v: unknown) {
  const e = obj(v, 'exit event');
  keys(e, 'exit event', ['code', 'time', 'reason', 'signal', 'message']);
  const out: { code: number; time: number; reason: ExitReason; signal?: Signal; message?: string } = {
    code: int(e.code, 'exit code', 0, 255),
    time: num(e.time, 'exit time'),
    reason: oneOf(e.reason, 'exit reason', REASONS),
  };
  if (e.signal !== undefined) out.signal = oneOf(e.signal, 'exit signal', Object.keys(SIGNAL_NUMBERS) as Signal[]);
  if (e.message !== undefined) out.message = str(e.message, 'exit message', 10_000);
  return out;
}

function fsChange(v: unknown) {
  const c = obj(v, 'fs change');
  switch (c.op) {
    case 'writeFile': {
      keys(c, 'fs change', ['op', 'path', 'data', 'mode']);
      const m = mode(c.mode, 'file mode');
      return { op: 'writeFile' as const, path: path(c.path, 'file path'), data: bytes(c.data, 'file data'), ...(m === undefined ? {} : { mode: m }) };
    }
    case 'append':
      keys(c, 'fs change', ['op', 'path', 'data']);
      return { op: 'append' as const, path: path(c.path, 'file path'), data: bytes(c.data, 'file data') };
    case 'mkdir': {
      keys(c, 'fs change', ['op', 'path', 'mode']);
      const m = mode(c.mode, 'directory mode');
      return { op: 'mkdir' as const, path: path(c.path, 'directory path'), ...(m === undefined ? {} : { mode: m }) };
    }
    case 'rm':
      keys(c, 'fs change', ['op', 'path']);
      return { op: 'rm' as const, path: path(c.path, 'path') };
    case 'rename':
      keys(c, 'fs change', ['op', 'from', 'to']);
      return { op: 'rename' as const, from: path(c.from, 'rename source'), to: path(c.to, 'rename target') };
    case 'chmod':
      keys(c, 'fs change', ['op', 'path', 'mode']);
      return { op: 'chmod' as const, path: path(c.path, 'path'), mode: int(c.mode, 'mode', 0, 0o7777) };
    case 'writeSynthetic': {
      keys(c, 'fs change', ['op', 'path', 'content', 'mode']);
      const content = obj(c.content, 'synthetic content');
      keys(content, 'synthetic content', ['seed', 'size']);
      const m = mode(c.mode, 'file mode');
      return {
        op: 'writeSynthetic' as const,
        path: path(c.path, 'file path'),
        content: { seed: str(content.seed, 'synthetic seed', 1000), size: int(content.size, 'synthetic size', 0, MAX_SYNTHETIC_SIZE) },
        ...(m === undefined ? {} : { mode: m }),
      };
    }
    case 'chown':
      keys(c, 'fs change', ['op', 'path', 'uid', 'gid']);
      return { op: 'chown' as const, path: path(c.path, 'path'), uid: int(c.uid, 'uid', 0, 0xffffffff), gid: int(c.gid, 'gid', 0, 0xffffffff) };
    case 'symlink':
      keys(c, 'fs change', ['op', 'target', 'path']);
      return { op: 'symlink' as const, target: str(c.target, 'link target', MAX_PATH), path: path(c.path, 'link path') };
    default:
      return fail('fs change has an unknown op');
  }
}

function headers(v: unknown): Record<string, string> {
  const h = obj(v, 'response headers');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(h)) out[k] = str(val, `response header "${k}"`);
  return out;
}

function cookieList(v: unknown): string[] {
  if (!Array.isArray(v) || v.length > 1000) fail('set-cookie headers are not a list');
  return v.map((c) => str(c, 'set-cookie header', 10_000));
}

function response(v: unknown) {
  const r = obj(v, 'http response');
  keys(r, 'http response', ['status', 'statusText', 'headers', 'body', 'bodyBytes', 'setCookie']);
  return {
    status: int(r.status, 'http status', 100, 999),
    ...(r.statusText === undefined ? {} : { statusText: str(r.statusText, 'http status text', 1000) }),
    headers: headers(r.headers),
    body: str(r.body, 'http body'),
    ...(r.bodyBytes === undefined ? {} : { bodyBytes: bytes(r.bodyBytes, 'http body bytes') }),
    ...(r.setCookie === undefined ? {} : { setCookie: cookieList(r.setCookie) }),
  };
}

function check(data: unknown): WorkerMessage {
  const m = obj(data, 'message');
  switch (m.t) {
    case 'output':
      keys(m, 'output message', ['t', 'e']);
      return { t: 'output', e: output(m.e) };
    case 'exit':
      keys(m, 'exit message', ['t', 'e']);
      return { t: 'exit', e: exit(m.e) };
    case 'fs':
      keys(m, 'fs message', ['t', 'change']);
      return { t: 'fs', change: fsChange(m.change) };
    case 'ports': {
      keys(m, 'ports message', ['t', 'ports']);
      if (!Array.isArray(m.ports) || m.ports.length > 65535) fail('ports is not a list');
      return { t: 'ports', ports: m.ports.map((p: unknown) => int(p, 'port', 1, 65535)) };
    }
    case 'slice':
      keys(m, 'slice message', ['t', 'phase']);
      return { t: 'slice', phase: oneOf(m.phase, 'slice phase', ['start', 'end'] as const) };
    case 'pong':
      keys(m, 'pong message', ['t', 'n']);
      return { t: 'pong', n: int(m.n, 'ping number', 0, Number.MAX_SAFE_INTEGER) };
    case 'done':
      keys(m, 'done message', ['t', 'id', 'now']);
      return { t: 'done', id: int(m.id, 'request id', 0, Number.MAX_SAFE_INTEGER), now: num(m.now, 'virtual time') };
    case 'http-response': {
      keys(m, 'http-response message', ['t', 'id', 'res', 'error']);
      const id = int(m.id, 'request id', 0, Number.MAX_SAFE_INTEGER);
      if (m.res !== undefined) return { t: 'http-response', id, res: response(m.res) };
      return { t: 'http-response', id, error: str(m.error, 'http error', 10_000) };
    }
    case 'peer': {
      keys(m, 'peer message', ['t', 'id', 'host', 'port', 'req', 'time']);
      const r = obj(m.req, 'peer request');
      keys(r, 'peer request', ['method', 'path', 'headers', 'body']);
      return {
        t: 'peer',
        id: int(m.id, 'request id', 0, Number.MAX_SAFE_INTEGER),
        host: str(m.host, 'peer host', 253),
        port: int(m.port, 'peer port', 0, 65535),
        time: num(m.time, 'virtual time'),
        req: {
          method: str(r.method, 'request method', 20),
          path: str(r.path, 'request path', 10_000),
          ...(r.headers === undefined ? {} : { headers: headers(r.headers) }),
          ...(r.body === undefined ? {} : { body: str(r.body, 'request body') }),
        },
      };
    }
    case 'peer-lookup':
      keys(m, 'peer-lookup message', ['t', 'id', 'host']);
      return { t: 'peer-lookup', id: int(m.id, 'request id', 0, Number.MAX_SAFE_INTEGER), host: str(m.host, 'peer host', 253) };
    case 'fatal':
      keys(m, 'fatal message', ['t', 'message']);
      return { t: 'fatal', message: str(m.message, 'fatal message text', 10_000) };
    default:
      return fail(typeof m.t === 'string' ? `unknown message type "${m.t.slice(0, 40)}"` : 'message has no type');
  }
}

/**
 * Checks one message from a sandbox worker. The result is a fresh object holding only the protocol's fields
 * (nothing of the original is passed on but strings, numbers and the byte arrays of fs writes).
 */
export function checkWorkerMessage(data: unknown): Checked {
  try {
    return { ok: true, message: check(data) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, problem: e.message };
    throw e;
  }
}
