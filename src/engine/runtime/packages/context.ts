/**
 * What a package manager or toolchain program works with: its argv and output, the process's filesystem and
 * user, the virtual clock (time it "spends" downloading and unpacking is virtual time, so logs keep their timing
 * shape) and deterministic per-command numbers (versions and sizes of packages we do not list).
 */
import { sha256Hex } from '../../core/sha256';
import type { Applet, AppletEnv, AppletIO } from '../coreutils/types';
import type { FsErrno, ProcessFs, SyntheticFile } from '../process';
import { appendFile, dirname, encodeText, exists, mkdirp, readText, resolvePath, rmrf, walk } from '../fs-helpers';
import { fsReader, lookupUser } from '../users';

export interface PkgCtx {
  argv: string[];
  fs: ProcessFs;
  cwd: string;
  /** The exported environment. */
  vars: Record<string, string>;
  uid: number;
  gid: number;
  /** Whether the process has a terminal (docker run -t). */
  tty: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Lets `ms` of virtual time pass (downloads, unpacking, compiling). */
  spend(ms: number): Promise<void>;
  /** Virtual ms since the program started. */
  elapsed(): number;
  /** Virtual epoch ms. */
  now(): number;
  /** A deterministic integer in [lo, hi] for a label (same command, same answer). */
  rand(label: string, lo: number, hi: number): number;
  sha256(text: string): string;
  /** The command's seed (rand's source). */
  seed: string;
  /** Runs a command line with the image's shell (npm scripts); resolves with its status. */
  sh(script: string, opts?: { env?: Record<string, string> }): Promise<number>;
  // Filesystem helpers (paths relative to cwd); writes create parent directories and take the user as owner.
  path(p: string): string;
  read(p: string): string | null;
  exists(p: string): boolean;
  write(p: string, text: string, mode?: number): FsErrno | null;
  writeBytes(p: string, data: Uint8Array, mode?: number): FsErrno | null;
  writeSynthetic(p: string, content: SyntheticFile, mode?: number): FsErrno | null;
  append(p: string, text: string): void;
  mkdirp(p: string): void;
  rmrf(p: string): void;
  /** Bytes under a directory (files' sizes). */
  du(p: string): number;
}

export type PkgProgram = (p: PkgCtx) => Promise<number>;

/** Turns a package program into an applet (the shell's and `docker run`'s way to run a program). */
export function pkgApplet(prog: PkgProgram): Applet {
  return (argv, io, env) => prog(pkgCtx(argv, io, env));
}

export function pkgCtx(argv: string[], io: AppletIO, env: AppletEnv): PkgCtx {
  const fs = env.fs;
  const user = lookupUser(fsReader(fs), env.user) ?? { uid: 0, gid: 0 };
  const start = env.now();
  // Same command in the same directory gives the same simulated versions and sizes, whatever the container.
  const seed = sha256Hex(`${argv.join('\0')}|${env.cwd}`);
  const abs = (p: string) => resolvePath(env.cwd, p);
  const own = (p: string) => {
    if (user.uid !== 0 || user.gid !== 0) fs.chown?.(p, user.uid, user.gid);
  };
  const parents = (p: string) => {
    const d = dirname(p);
    if (!exists(fs, d)) {
      mkdirp(fs, d);
      own(d);
    }
  };
  const writeBytes = (p: string, data: Uint8Array, mode?: number) => {
    const a = abs(p);
    parents(a);
    const e = fs.writeFile(a, data, mode);
    if (!e) own(a);
    return e;
  };
  return {
    argv,
    fs,
    cwd: env.cwd,
    vars: env.env,
    uid: user.uid,
    gid: user.gid,
    tty: env.tty,
    out: (t) => io.out(t),
    err: (t) => io.err(t),
    spend: async (ms) => {
      const n = Math.max(0, Math.round(ms));
      if (n > 0) await env.sleep(n);
    },
    elapsed: () => env.now() - start,
    now: () => env.now(),
    rand: (label, lo, hi) => lo + (parseInt(sha256Hex(seed + '\0' + label).slice(0, 8), 16) % (hi - lo + 1)),
    sha256: (t) => sha256Hex(t),
    seed,
    sh: (script, opts) => env.exec(['sh', '-c', script], { out: io.out, err: io.err }, { env: opts?.env }),
    path: abs,
    read: (p) => readText(fs, abs(p)),
    exists: (p) => exists(fs, abs(p)),
    write: (p, text, mode) => writeBytes(p, encodeText(text), mode),
    writeBytes,
    writeSynthetic: (p, content, mode) => {
      const a = abs(p);
      parents(a);
      const e = fs.writeSynthetic ? fs.writeSynthetic(a, content, mode) : fs.writeFile(a, new Uint8Array(0), mode);
      if (!e) own(a);
      return e;
    },
    append: (p, text) => {
      const a = abs(p);
      parents(a);
      appendFile(fs, a, encodeText(text));
    },
    mkdirp: (p) => {
      const a = abs(p);
      if (exists(fs, a)) return;
      const missing: string[] = [];
      for (let d = a; d !== '/' && !exists(fs, d); d = dirname(d)) missing.push(d);
      mkdirp(fs, a);
      for (const d of missing) own(d);
    },
    rmrf: (p) => {
      rmrf(fs, abs(p));
    },
    du: (p) => walk(fs, abs(p)).reduce((n, e) => n + (e.stat.type === 'file' ? e.stat.size : 0), 0),
  };
}

/** A small getopt: `--long[=v]`, bundled short flags, and the short flags in `withValue` taking a value. */
export function getopt(args: string[], withValue = ''): { flags: Set<string>; values: Map<string, string>; operands: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) values.set(a.slice(2, eq), a.slice(eq + 1));
      else flags.add(a.slice(2));
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          values.set(f, a.slice(j + 1) || args[++i] || '');
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** Rewrites `--opt value` into `--opt=value` for the long options that take a value (getopt reads the latter). */
export function joinLongValues(args: string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (names.includes(args[i]) && i + 1 < args.length) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

/** Key/values of /etc/os-release. */
export function osRelease(p: PkgCtx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of (p.read('/etc/os-release') ?? '').split('\n')) {
    const m = /^([A-Z_]+)=("?)(.*)\2$/.exec(l);
    if (m) out[m[1]] = m[3];
  }
  return out;
}

/** Thousands-separated kB, as apt prints sizes. */
export const kB = (n: number) => Math.round(n / 1000).toLocaleString('en-US');

/**
 * The one line a program says when Layerlab has its files but cannot execute its code (JVM bytecode, .NET
 * assemblies, Python): status 126, a shell's "found but cannot execute".
 */
export function cannotRun(p: PkgCtx, name: string, what: string): number {
  p.err(`${name}: Layerlab cannot run ${what}\n`);
  return 126;
}
