/**
 * Checks every message a sandbox child sends before the host acts on it. The child runs untrusted code, so a
 * message is data to validate, never trusted: anything that is not exactly a WorkerMessage of the protocol
 * (engine/runtime/protocol.ts) is refused, and the host ends the sandbox with a clear error.
 */
import type { WorkerMessage } from '../../engine/runtime/protocol';

const STREAMS = new Set(['stdout', 'stderr']);
const REASONS = new Set(['exit', 'signal', 'killed', 'oom', 'cpu-limit', 'error']);
const SIGNALS = new Set(['SIGINT', 'SIGTERM', 'SIGKILL', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2']);

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPath = (v: unknown): v is string => isStr(v) && v.startsWith('/') && v.length < 4096 && !v.includes('\0') && !v.split('/').includes('..');
const isOptMode = (v: unknown) => v === undefined || (isInt(v) && v >= 0 && v <= 0o7777);
const onlyKeys = (o: Rec, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function fsChange(c: unknown): boolean {
  if (!isRec(c)) return false;
  switch (c.op) {
    case 'writeFile':
      return onlyKeys(c, ['op', 'path', 'data', 'mode']) && isPath(c.path) && c.data instanceof Uint8Array && isOptMode(c.mode);
    case 'mkdir':
      return onlyKeys(c, ['op', 'path', 'mode']) && isPath(c.path) && isOptMode(c.mode);
    case 'rm':
      return onlyKeys(c, ['op', 'path']) && isPath(c.path);
    case 'rename':
      return onlyKeys(c, ['op', 'from', 'to']) && isPath(c.from) && isPath(c.to);
    case 'chmod':
      return onlyKeys(c, ['op', 'path', 'mode']) && isPath(c.path) && isInt(c.mode) && c.mode >= 0 && c.mode <= 0o7777;
    default:
      return false;
  }
}

function exitEvent(e: unknown): boolean {
  return (
    isRec(e) &&
    onlyKeys(e, ['code', 'time', 'reason', 'signal', 'message']) &&
    isInt(e.code) &&
    e.code >= 0 &&
    e.code <= 255 &&
    isNum(e.time) &&
    REASONS.has(e.reason as string) &&
    (e.signal === undefined || SIGNALS.has(e.signal as string)) &&
    (e.message === undefined || isStr(e.message))
  );
}

function httpResponse(r: unknown): boolean {
  if (!isRec(r) || !isInt(r.status) || !isStr(r.body) || !isRec(r.headers)) return false;
  if (r.statusText !== undefined && !isStr(r.statusText)) return false;
  return Object.values(r.headers).every(isStr);
}

/** The message as a WorkerMessage, or null when it is anything else. */
export function checkWorkerMessage(m: unknown): WorkerMessage | null {
  if (!isRec(m)) return null;
  let ok = false;
  switch (m.t) {
    case 'output':
      ok = isRec(m.e) && onlyKeys(m.e, ['stream', 'text', 'time']) && STREAMS.has(m.e.stream as string) && isStr(m.e.text) && isNum(m.e.time);
      break;
    case 'exit':
      ok = exitEvent(m.e);
      break;
    case 'fs':
      ok = fsChange(m.change);
      break;
    case 'ports':
      ok = Array.isArray(m.ports) && m.ports.length <= 65536 && m.ports.every((p) => isInt(p) && p > 0 && p < 65536);
      break;
    case 'slice':
      ok = m.phase === 'start' || m.phase === 'end';
      break;
    case 'pong':
      ok = isInt(m.n);
      break;
    case 'done':
      ok = isInt(m.id) && isNum(m.now);
      break;
    case 'http-response':
      ok = isInt(m.id) && (m.res === undefined || httpResponse(m.res)) && (m.error === undefined || isStr(m.error));
      break;
    case 'fatal':
      ok = isStr(m.message);
      break;
  }
  return ok ? (m as unknown as WorkerMessage) : null;
}
