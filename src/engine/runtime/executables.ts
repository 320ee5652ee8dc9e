/**
 * How argv[0] becomes a program: PATH lookup on the container's filesystem, then identification of the file.
 *
 * An image's binaries are small marker files. A file is executable when some x bit is set; it is identified by
 * - a first line `#!layerlab <program>` where <program> is `node`, `sh` (also bash/ash), `busybox`,
 *   `hello`, `curl` or `docker-entrypoint` (recommended: `standardBinaries()` produces them);
 * - else a `#!` interpreter line (`#!/bin/sh` → the shell runs the file; `#!/usr/bin/env node` → node);
 * - else its basename (node, sh, bash, ash, busybox applets like ls or cat, hello).
 * Busybox applets invoked through a `busybox`-marked file take the invoked name as the applet (like busybox).
 */
import { err, ok, type Result } from '../core/errors';
import type { FsStat, ProcessFs, ProgramKind, SpawnError } from './process';
import { basename, decodeText, resolvePath } from './fs-helpers';
import type { FsSnapshotEntry } from './memory-fs';
import type { PeekableFs } from './worker-host';
import { APPLETS, EXTRA_PROGRAMS } from './coreutils/names';
import { owningPackage } from './packages/owner';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface ResolvedProgram {
  kind: ProgramKind;
  /** The file that was found (absolute). */
  path: string;
  /** The argv the program should see (an interpreter line or docker-entrypoint may rewrite it). */
  argv: string[];
  /** For kind 'applet': the applet name ("cat"). */
  applet?: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'busybox']);

function spawnError(code: SpawnError['code'], message: string, exitCode: number): SpawnError {
  return { code, message, exitCode };
}

/** Finds `name` on PATH the way execvp does. Returns the absolute path and its stat, or null. */
export function lookPath(fs: ProcessFs, name: string, env: Record<string, string>, cwd: string): { path: string; st: FsStat } | null {
  if (name.includes('/')) {
    const path = resolvePath(cwd, name);
    const st = fs.stat(path);
    return st ? { path, st } : null;
  }
  for (const dir of (env.PATH ?? DEFAULT_PATH).split(':')) {
    const path = resolvePath(cwd, `${dir || '.'}/${name}`);
    const st = fs.stat(path);
    if (st && st.type === 'file' && (st.mode & 0o111) !== 0) return { path, st };
  }
  return null;
}

/**
 * The first `max` bytes of a file and whether that is all of it. A filesystem that can peek (the union filesystem)
 * answers without producing the rest: an image's busybox or node binary is generated content of a megabyte or more.
 */
function fileHead(fs: ProcessFs & PeekableFs, path: string, max: number): { head: Uint8Array; whole: boolean } | null {
  const peeked = fs.peekFile?.(path, max);
  if (peeked) return { head: peeked.head, whole: peeked.head.length === peeked.length };
  const data = fs.readFile(path);
  return data ? { head: data.subarray(0, max), whole: data.length <= max } : null;
}

function firstLine(fs: ProcessFs & PeekableFs, path: string): string {
  const data = fileHead(fs, path, 256);
  if (!data) return '';
  const head = decodeText(data.head);
  const nl = head.indexOf('\n');
  return nl >= 0 ? head.slice(0, nl) : head;
}

/** Whether a file's first bytes are text (UTF-8 without control characters other than whitespace), as a script is. */
function looksLikeText(fs: ProcessFs & PeekableFs, path: string): boolean {
  const data = fileHead(fs, path, 512);
  if (!data) return false;
  const head = data.head;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data.whole ? head : trimPartial(head));
    return true;
  } catch {
    return false;
  }
}

/** The bytes up to the last complete UTF-8 character (a cut in the middle of one is not a decoding error). */
function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i];
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) end -= i;
    break;
  }
  return b.subarray(0, end);
}

function byName(name: string): { kind: ProgramKind; applet?: string } | null {
  if (name === 'node' || name === 'nodejs') return { kind: 'node' };
  if (name === 'npm') return { kind: 'npm' };
  if (SHELLS.has(name)) return { kind: 'sh' };
  if (name === 'hello') return { kind: 'hello' };
  if (APPLETS.has(name) || EXTRA_PROGRAMS.has(name)) return { kind: 'applet', applet: name };
  return null;
}

/**
 * Resolves argv for exec: the program kind, its file and the final argv. Errors use Docker's/runc's words.
 */
export function resolveExecutable(
  fs: ProcessFs & PeekableFs,
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  depth = 0,
): Result<ResolvedProgram, SpawnError> {
  if (argv.length === 0 || argv[0] === '') {
    return err(spawnError('runtime.no-command', 'no command specified', 127));
  }
  const name = argv[0];
  const found = lookPath(fs, name, env, cwd);
  if (!found) {
    if (name.includes('/')) {
      return err(spawnError('runtime.not-found', `exec: "${name}": stat ${name}: no such file or directory`, 127));
    }
    return err(spawnError('runtime.not-found', `exec: "${name}": executable file not found in $PATH`, 127));
  }
  const { path, st } = found;
  if (st.type === 'dir' || (st.mode & 0o111) === 0) {
    return err(spawnError('runtime.permission-denied', `exec: "${name}": permission denied`, 126));
  }
  const line = firstLine(fs, path);
  const marker = /^#!layerlab\s+(\S+)/.exec(line);
  const invoked = basename(name);
  if (marker) {
    const prog = marker[1];
    if (prog === 'busybox') {
      // busybox dispatches on the name it was invoked as; `busybox ls` runs the ls applet.
      if (invoked === 'busybox' && argv.length > 1) return resolveBusybox(path, argv.slice(1));
      return resolveBusybox(path, argv);
    }
    if (prog === 'docker-entrypoint') {
      if (depth > 4) return err(spawnError('runtime.not-found', `exec: "${name}": too many levels of entrypoints`, 127));
      // The official node image's entrypoint: run node when the first argument is an option or not a command.
      const rest = argv.slice(1);
      if (rest.length === 0) return ok({ kind: 'sh', path, argv: ['docker-entrypoint.sh'] });
      if (rest[0].startsWith('-') || !lookPath(fs, rest[0], env, cwd)) rest.unshift('node');
      return resolveExecutable(fs, rest, env, cwd, depth + 1);
    }
    const k = byName(prog);
    if (k) return ok({ kind: k.kind, path, argv, applet: k.applet });
  }
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(line);
  if (shebang && !marker) {
    const interp = shebang[1];
    const arg = shebang[2];
    const interpName = basename(interp) === 'env' && arg ? arg : basename(interp);
    const k = byName(interpName);
    if (k?.kind === 'node') return ok({ kind: 'node', path, argv: ['node', path, ...argv.slice(1)] });
    if (k?.kind === 'sh') return ok({ kind: 'sh', path, argv: ['sh', path, ...argv.slice(1)] });
    // A script for a package program (pip's console scripts: #!/usr/local/bin/python3) runs that program.
    if (k?.kind === 'applet' && k.applet && EXTRA_PROGRAMS.has(k.applet) && lookPath(fs, interp, env, cwd)) return ok({ kind: 'applet', path, argv: [interpName, path, ...argv.slice(1)], applet: k.applet });
  }
  const k = byName(basename(path)) ?? byName(invoked);
  if (k) {
    if (k.kind === 'sh' && basename(path) === 'busybox' && invoked === 'busybox' && argv.length > 1) {
      return resolveBusybox(path, argv.slice(1));
    }
    return ok({ kind: k.kind, path, argv, applet: k.applet });
  }
  // Text without an interpreter line: the kernel refuses it (ENOEXEC) and a shell then runs it as a script.
  if (!line.startsWith('#!') && looksLikeText(fs, path)) {
    return err(spawnError('runtime.exec-format', `exec: "${name}": exec format error`, 126));
  }
  // A real program of the image that the sandbox does not simulate (python3, nginx's binary, java...).
  if (st.size > 0 && !line.startsWith('#!')) {
    if (owningPackage(fs, path)) return err(spawnError('runtime.unsupported', `exec: "${name}": Layerlab installs this package's files but cannot run it`, 126));
    return err(spawnError('runtime.unsupported', `exec: "${name}": Layerlab does not simulate this program (containers can run node, sh and busybox tools)`, 126));
  }
  // An empty file or an unknown interpreter: the kernel would refuse to exec it.
  return err(spawnError('runtime.permission-denied', `exec: "${name}": exec format error`, 126));
}

function resolveBusybox(path: string, argv: string[]): Result<ResolvedProgram, SpawnError> {
  const applet = basename(argv[0]);
  if (SHELLS.has(applet)) return ok({ kind: 'sh', path, argv });
  if (APPLETS.has(applet)) return ok({ kind: 'applet', path, argv, applet });
  return err(spawnError('runtime.not-found', `exec: "${argv[0]}": executable file not found in $PATH`, 127));
}

/**
 * Marker binaries for an image's root filesystem, so images built by the registry behave like the real ones.
 * - 'busybox': /bin/busybox plus /bin/sh and the applets (alpine, busybox, diamol/base).
 * - 'node': the above plus /usr/local/bin/node and /usr/local/bin/docker-entrypoint.sh (node:*, diamol/node).
 * - 'hello': /hello only (hello-world).
 * - 'debian': /bin/bash, /bin/sh and the applets under /bin (ubuntu, debian).
 */
export function standardBinaries(flavour: 'busybox' | 'node' | 'hello' | 'debian'): FsSnapshotEntry[] {
  const enc = new TextEncoder();
  const file = (path: string, program: string): FsSnapshotEntry => ({
    path,
    type: 'file',
    mode: 0o755,
    data: enc.encode(`#!layerlab ${program}\n`),
  });
  if (flavour === 'hello') return [file('/hello', 'hello')];
  const out: FsSnapshotEntry[] = [];
  if (flavour === 'debian') {
    out.push(file('/bin/bash', 'sh'), file('/bin/sh', 'sh'));
    for (const a of APPLETS) out.push(file(`/bin/${a}`, 'busybox'));
  } else {
    out.push(file('/bin/busybox', 'busybox'), file('/bin/sh', 'busybox'), file('/bin/ash', 'busybox'));
    for (const a of APPLETS) out.push(file(`/bin/${a}`, 'busybox'));
  }
  if (flavour === 'node') {
    out.push(file('/usr/local/bin/node', 'node'), file('/usr/local/bin/npm', 'npm'), file('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint'));
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
