/**
 * What every coreutil gets: its argv (argv[0] is the applet name), an AppletIO and the AppletEnv, and what it
 * returns: an exit status (or a promise of one). Shared helpers for flags, inputs and lines.
 */
import type { FsErrno, FsStat, ProcessFs } from '../process';
import type { HostLookup, NetResult } from '../net-client';
import type { HttpRequest, HttpResponse } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';
import { fdOfPath } from '../devices';

export interface AppletIO {
  /** Reads all of standard input (a pipe, a `<` file, or the terminal until Ctrl-D). */
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  /** True once the reader of this output has gone away (a streaming pipe); absent when the shell cannot tell. */
  closed?(): boolean;
}

export interface AppletEnv {
  fs: ProcessFs;
  cwd: string;
  /** Exported variables (what `env` prints), in order. */
  env: Record<string, string>;
  hostname: string;
  /** The container's IPv4 address. */
  ip: string;
  user: string;
  now(): number;
  sleep(ms: number): Promise<boolean>;
  tty: boolean;
  columns: number;
  /** Running programs, for ps: [pid, command]. */
  processes(): [number, string][];
  /** Whether a command name resolves (for `which`). */
  which(name: string): string | null;
  /** HTTP on the simulated network (curl, wget). */
  http(url: string, opts?: { method?: string; headers?: Record<string, string>; body?: string; exactHeaders?: boolean }): Promise<NetResult>;
  /** Name lookup on the container's networks and the simulated internet (nslookup, ping, nc); absent: no lookups. */
  lookup?(host: string): Promise<HostLookup>;
  /** Serves HTTP on a port of the process (httpd, `nc -l`); 'EADDRINUSE' when taken. Absent where nothing can listen. */
  listen?(port: number, handler: (req: HttpRequest) => Promise<HttpResponse>): 'EADDRINUSE' | null;
  unlisten?(port: number): void;
  /**
   * Runs a command (PATH lookup, any program) with the given output and optional input, in `opts.cwd`/`opts.env`
   * (default: the applet's), and resolves with its exit status: `xargs`, `find -exec`, npm scripts.
   */
  exec(argv: string[], io: { out(text: string): void; err(text: string): void; stdin?: string }, opts?: { cwd?: string; env?: Record<string, string> }): Promise<number>;
}

export type Applet = (argv: string[], io: AppletIO, env: AppletEnv) => number | Promise<number>;

export const ENOENT = 'No such file or directory';

/** The C library's text for an error code, as BusyBox prints it after a file name. */
const STRERROR: Record<FsErrno, string> = {
  ENOENT,
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EBUSY: 'Device or resource busy',
  ENXIO: 'No such device or address',
};

export function strerror(e: FsErrno): string {
  return STRERROR[e] ?? e;
}

/** Short flags (bundled), operands; the first unknown flag letter in `bad`. */
export function splitFlags(args: string[], known: string): { flags: Set<string>; rest: string[]; bad: string | null } {
  const flags = new Set<string>();
  const rest: string[] = [];
  let bad: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (!known.includes(c) && bad === null) bad = c;
        flags.add(c);
      }
    } else rest.push(a);
  }
  rest.push(...args.slice(i));
  return { flags, rest, bad };
}

/** One short option in the order given: its letter and, for a letter that takes a value, the value (undefined when missing). */
export interface ShortOption {
  letter: string;
  value?: string;
}

/**
 * Short options and operands as BusyBox's getopt reads them: letters grouped (`-abc`), a letter of `valued` takes
 * the rest of its word or else the next word, a letter of `attached` takes only the rest of its word (`-w32`, or no
 * value), `--` ends the options, `-` and words after it are operands; operands may come between options.
 */
export function shortOptions(args: string[], valued: string, attached = ''): { options: ShortOption[]; operands: string[] } {
  const options: ShortOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      if (valued.includes(letter) || attached.includes(letter)) {
        const rest = a.slice(j + 1);
        options.push({ letter, value: rest || (attached.includes(letter) ? undefined : args[++i]) });
        break;
      }
      options.push({ letter });
    }
  }
  return { options, operands };
}

export function modeString(st: FsStat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : st.type === 'char' ? 'c' : '-';
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += st.mode & (1 << (8 - i)) ? bits[i] : '-';
  // setuid, setgid and sticky bits take the place of an x (lower case when x is set too).
  const special = (bit: number, at: number, ch: string) => {
    if (st.mode & bit) s = s.slice(0, at) + (s[at] === 'x' ? ch : ch.toUpperCase()) + s.slice(at + 1);
  };
  special(0o4000, 2, 's');
  special(0o2000, 5, 's');
  special(0o1000, 8, 't');
  return t + s;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const p2 = (n: number) => String(n).padStart(2, '0');

/** The texts of the named files (`-` and no files: standard input); a missing file is reported as `NAME: FILE: No such file or directory`. */
export async function inputOf(files: string[], io: AppletIO, e: AppletEnv, name: string): Promise<{ text: string; status: number }[]> {
  if (!files.length) return [{ text: await io.readStdin(), status: 0 }];
  const out: { text: string; status: number }[] = [];
  for (const f of files) {
    if (isStdin(e, f)) {
      out.push({ text: await io.readStdin(), status: 0 });
      continue;
    }
    const data = e.fs.readFile(resolvePath(e.cwd, f));
    if (!data) {
      io.err(`${name}: ${f}: ${ENOENT}\n`);
      out.push({ text: '', status: 1 });
    } else out.push({ text: decodeText(data), status: 0 });
  }
  return out;
}

/** Whether an operand names standard input: `-`, or a path that opens descriptor 0 (/dev/stdin, /dev/fd/0). */
export function isStdin(e: AppletEnv, f: string): boolean {
  return f === '-' || (f.startsWith('/') && fdOfPath(e.fs, resolvePath(e.cwd, f)) === 0);
}

/** Lines of a text, without the empty string after a final newline. */
export function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}
