/**
 * Build output in Docker's formats, from the builder's trace: BuildKit tty (final state), BuildKit plain
 * (`#N` blocks), and the error frame with the Dockerfile excerpt. The legacy transcript is written as the
 * build goes (see builder.ts).
 */
import type { SourceRange } from '../core/errors';
import { formatSourceSnippet } from '../dockerfile/index';

export interface VertexLog {
  /** ms since the vertex started. */
  t: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

export interface VertexStatus {
  name: string;
  durationMs: number;
}

export interface Vertex {
  /** Name as BuildKit shows it ("[2/5] RUN npm install", "[internal] load build context"). */
  name: string;
  cached: boolean;
  error?: string;
  /** ms since the build started. */
  start: number;
  durationMs: number;
  statuses: VertexStatus[];
  logs: VertexLog[];
}

export interface BuildFailure {
  /** The error without "ERROR: failed to build: failed to solve: ". */
  message: string;
  /** Prefix: "failed to solve: " for solver errors, "" for client-side ones. */
  solve: boolean;
  range?: SourceRange;
  vertex?: Vertex;
  /** Layerlab's own line printed after the error. */
  note?: string;
}

/** `%3.1fs` of a duration in ms. */
export function secs(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1) + 's';
}

function logSecs(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? s.toFixed(3) : s < 100 ? s.toFixed(2) : s.toFixed(1);
}

function align(left: string, right: string, width: number): string {
  // Names that do not fit are cut two columns before the time (buildx tty display).
  const room = width - right.length - 2;
  const l = [...left].length > room ? [...left].slice(0, Math.max(0, room)).join('') : left;
  return l + ' '.repeat(Math.max(1, width - [...l].length - right.length)) + right;
}

/** The final screen of BuildKit's tty progress. */
export function renderTTY(vertices: Vertex[], totalMs: number, columns: number, failure?: BuildFailure): string {
  const width = Math.max(40, columns);
  const done = vertices.filter((v) => !v.error).length;
  let out = align(`[+] Building ${secs(totalMs)} (${done}/${vertices.length}) FINISHED`, 'docker:default', width) + '\n';
  for (const v of vertices) {
    const prefix = v.cached ? 'CACHED ' : v.error ? 'ERROR ' : '';
    out += align(` => ${prefix}${v.name}`, secs(v.durationMs), width) + '\n';
    for (const s of v.statuses) out += align(` => => ${s.name}`, secs(s.durationMs), width) + '\n';
    if (v.error && v.logs.length) {
      for (const l of v.logs.slice(-6)) out += truncate(` => => # ${l.text}`, width) + '\n';
    }
  }
  return out + (failure ? errorFrame(failure) : '');
}

function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length > width ? chars.slice(0, width).join('') : s;
}

/** `--progress=plain`. */
export function renderPlain(vertices: Vertex[], failure?: BuildFailure): string {
  let out = '#0 building with "default" instance using docker driver\n\n';
  vertices.forEach((v, i) => {
    const n = `#${i + 1}`;
    out += `${n} ${v.name}\n`;
    for (const s of v.statuses) out += `${n} ${s.name}${s.durationMs >= 50 ? ` ${secs(s.durationMs)}` : ''} done\n`;
    for (const l of v.logs) out += `${n} ${logSecs(l.t)} ${l.text}\n`;
    if (v.error) out += `${n} ERROR: ${v.error}\n`;
    else if (v.cached) out += `${n} CACHED\n`;
    else out += `${n} DONE ${secs(v.durationMs)}\n`;
    out += '\n';
  });
  return out + (failure ? errorFrame(failure) : '');
}

/** The error block after the progress: failed step logs, Dockerfile excerpt, final ERROR line. */
export function errorFrame(f: BuildFailure, dockerfileSource?: string, filename = 'Dockerfile'): string {
  let out = '';
  if (f.vertex) {
    out += '------\n';
    out += ` > ${f.vertex.name}:\n`;
    for (const l of f.vertex.logs.slice(-10)) out += `${logSecs(l.t)} ${l.text}\n`;
    out += '------\n';
  }
  const src = dockerfileSource ?? frameSource;
  if (f.range && src) out += formatSourceSnippet(src, [f.range], frameFile ?? filename);
  out += `ERROR: failed to build: ${f.solve ? 'failed to solve: ' : ''}${f.message}\n`;
  return out;
}

// The renderers are called right after a build; the builder sets the source for the excerpt here.
let frameSource: string | undefined;
let frameFile: string | undefined;
export function setFrameSource(source: string | undefined, file?: string): void {
  frameSource = source;
  frameFile = file;
}
