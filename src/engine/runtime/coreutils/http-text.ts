/**
 * HTTP messages as the bytes on the wire, for the programs that speak it raw (nc): the simulated network carries
 * requests and responses as structured values (process.ts HttpRequest/HttpResponse); these turn one into the
 * other. Header names go out in their usual capitalisation (`content-type` → `Content-Type`).
 */
import type { HttpRequest, HttpResponse } from '../process';

/** `content-type` → `Content-Type`. */
export function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

function headerLines(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${headerCase(k)}: ${v}\r\n`)
    .join('');
}

export function requestText(req: HttpRequest): string {
  return `${req.method} ${req.path} HTTP/1.1\r\n${headerLines(req.headers)}\r\n${req.body ?? ''}`;
}

export function responseText(res: HttpResponse, statusText: string): string {
  return `HTTP/1.1 ${res.status} ${statusText}\r\n${headerLines(res.headers)}\r\n${res.body}`;
}

/** Head (first line and lower-cased headers) and body of a raw HTTP message, or null when `text` is not one. */
function split(text: string, first: RegExp): { m: RegExpExecArray; headers: Record<string, string>; body: string } | null {
  const m = first.exec(text);
  if (!m) return null;
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/).slice(1)) {
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { m, headers, body };
}

/** `GET /path HTTP/1.0` + headers + body, or null. */
export function parseRequestText(text: string): HttpRequest | null {
  const s = split(text, /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?(\n|$)/);
  if (!s) return null;
  return { method: s.m[1], path: s.m[2], headers: s.headers, ...(s.body ? { body: s.body } : {}) };
}

/** `HTTP/1.1 200 OK` + headers + body, or null. */
export function parseResponseText(text: string): HttpResponse | null {
  const s = split(text, /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?\r?(\n|$)/);
  if (!s) return null;
  return { status: Number(s.m[1]), statusText: s.m[2] ?? '', headers: s.headers, body: s.body };
}
