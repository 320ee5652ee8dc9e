/**
 * The sandbox contract: how the engine runs a container's process (a Node program, the Node REPL, a
 * busybox-like shell, hello-world's /hello) without a real kernel.
 *
 * Who implements what
 * - The runtime (src/engine/runtime/) implements the programs and an in-process host (`InProcessHost`,
 *   used by unit tests and as a fallback). Hosts that isolate user code implement the same interface:
 *   the Web Worker host in the browser (src/ui/runtime/) and the worker_threads host in Node (src/node/runtime/).
 * - The containers subsystem builds a `ProcessSpec` from the image config and `docker run`/`exec` flags,
 *   provides a `ProcessFs` over the container's union filesystem, calls `host.spawn(spec)`, and stores the
 *   output events (with their virtual times) as the container's log.
 *
 * Virtual time (the replay contract)
 * - A process never sees the wall clock. `Date`, `Date.now()`, `setTimeout`/`setInterval`/`setImmediate`,
 *   `performance.now()` and simulated network latency all run on a per-process virtual clock that starts at
 *   `spec.startTime` and only moves when the host calls `advanceTo(t)`. `Math.random()` is seeded from
 *   `spec.seed`.
 * - Consequence: a process is a pure function of (spec, fs contents, stdin/signal/http inputs and the virtual
 *   times at which they arrive). Spawning the same spec again and advancing to the same time yields byte for
 *   byte the same output events with the same times.
 * - The headless CLI relies on this: every `layerlab` invocation is a separate Node process, so a detached
 *   container (`docker run -d web-ping`) does not keep running between invocations. `docker logs` re-spawns
 *   the process from its recorded start time and calls `advanceTo(clock.now())`; the output is the same every
 *   time, and `docker logs -t` timestamps (the events' `time`) are stable. Inputs that happened in between
 *   (a `docker exec` writing a file, a `docker stop` at time T) must be recorded by the containers subsystem and
 *   replayed at their times for exact reproduction; without such inputs replay is exact.
 * - Filesystem writes during a replay hit the given fs again. Replay onto a scratch copy of the container's
 *   filesystem as it was at the start (or skip writes already applied, as the containers subsystem does); an
 *   append (`fs.appendFileSync`, `echo >>`) replayed onto the live layer would be applied twice.
 * - In the browser the worker runs continuously and the host advances virtual time to follow the wall clock
 *   (e.g. every 100 ms: `advanceTo(engine.env.clock.now())`).
 *
 * Pure TS: no DOM, no Node built-ins. Everything here is structured-clone friendly except `ProcessFs`.
 */
import type { EngineError, Result } from '../core/errors';
import type { FsChange } from './memory-fs';

/** Signals the runtime understands. SIGKILL cannot be handled; the others run handlers when installed. */
export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'SIGHUP' | 'SIGQUIT' | 'SIGUSR1' | 'SIGUSR2';

/** Linux signal numbers (exit code of a process killed by signal n is 128 + n). */
export const SIGNAL_NUMBERS: Record<Signal, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
};

export type StdStream = 'stdout' | 'stderr';

/** One chunk of output. `time` is the virtual epoch ms at which the program wrote it. */
export interface OutputEvent {
  stream: StdStream;
  text: string;
  time: number;
}

/**
 * Why a process ended.
 * - 'exit': the program finished or called exit (code is its status).
 * - 'signal': a signal's default action ended it (code 128 + signal number).
 * - 'killed': SIGKILL (137), or the host terminated it on request.
 * - 'oom': the host ran out of the memory budget (137).
 * - 'cpu-limit': a synchronous slice of user code ran longer than the CPU budget (137), e.g. `while(true){}`.
 * - 'error': the runtime itself failed (a bug, or the worker could not start); code 1 or 126/127.
 */
export type ExitReason = 'exit' | 'signal' | 'killed' | 'oom' | 'cpu-limit' | 'error';

export interface ExitEvent {
  code: number;
  /** Virtual epoch ms of the exit. */
  time: number;
  reason: ExitReason;
  signal?: Signal;
  /** A human explanation for 'oom', 'cpu-limit' and 'error' (English; Docker-ish, for `docker inspect`/UI). */
  message?: string;
}

/** File metadata. `stat` follows symlinks. `char`: a character device (/dev/null; devices.ts). */
export interface FsStat {
  type: 'file' | 'dir' | 'symlink' | 'char';
  size: number;
  /** Permission bits, e.g. 0o755. Executables need some x bit. */
  mode: number;
  mtimeMs: number;
  /** Owner ids, when the filesystem keeps them (0 = root otherwise). */
  uid?: number;
  gid?: number;
  /** A device's numbers (`ls -l` shows them where a file's size goes). */
  device?: { major: number; minor: number };
}

/** The error codes a ProcessFs operation can report (Node/POSIX names). */
export type FsErrno = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EROFS' | 'EINVAL' | 'ENOSPC' | 'EBUSY' | 'ENXIO';

/**
 * The minimal synchronous filesystem a process needs. Implemented over the container's union fs by the
 * containers subsystem (adapter over src/engine/fs/), and by `MemoryFs` (memory-fs.ts) for tests and workers.
 *
 * Rules for implementers:
 * - Paths are absolute, normalised POSIX paths ("/", "/web-ping/app.js"); callers normalise ("..", "//", ".").
 * - Reads return null when the path is missing (or is the wrong type); mutations return null on success or an
 *   `FsErrno`. Never throw.
 * - Operations are single-level: `mkdir` needs the parent to exist, `rm` removes a file, a symlink or an EMPTY
 *   directory. Recursive variants (mkdir -p, rm -rf, cp -r), appendFile, exists... are built on top by the
 *   runtime (fs-helpers.ts), so adapters stay small.
 * - `readdir` returns entry names (not paths), sorted by code unit.
 */
export interface ProcessFs {
  stat(path: string): FsStat | null;
  readFile(path: string): Uint8Array | null;
  readdir(path: string): string[] | null;
  /** Creates or replaces a file. The parent directory must exist. `mode` defaults to 0o644 (kept when replacing). */
  writeFile(path: string, data: Uint8Array, mode?: number): FsErrno | null;
  mkdir(path: string, mode?: number): FsErrno | null;
  rm(path: string): FsErrno | null;
  rename(from: string, to: string): FsErrno | null;
  /**
   * Optional: adds bytes at the end of a file (created with `mode` if missing), copying only what is added where
   * the implementation can (`>>`, `fs.appendFile`); without it, appendFile in fs-helpers.ts rewrites the file.
   */
  appendFile?(path: string, data: Uint8Array, mode?: number): FsErrno | null;
  /** Optional: change permission bits. */
  chmod?(path: string, mode: number): FsErrno | null;
  /** Optional: a symlink's target (no following), or null. */
  readlink?(path: string): string | null;
  /** Optional: stat without following the final symlink. */
  lstat?(path: string): FsStat | null;
  /**
   * Optional: creates or replaces a file whose bytes are not kept, only a seed and a size (installed binaries,
   * package archives): it weighs `size` bytes in `du`, `docker diff` and image sizes without allocating them, and
   * reads as deterministic bytes generated from the seed. Callers without it write a small placeholder instead.
   */
  writeSynthetic?(path: string, content: SyntheticFile, mode?: number): FsErrno | null;
  /** Optional: change the owner (numeric ids), as `chown` and tools that create files for a user do. */
  chown?(path: string, uid: number, gid: number): FsErrno | null;
  /** Optional: create a symbolic link at `path` pointing to `target` (kept as written, relative or absolute). */
  symlink?(target: string, path: string): FsErrno | null;
}

/** Content described by a seed and a size instead of bytes (see ProcessFs.writeSynthetic). */
export interface SyntheticFile {
  seed: string;
  size: number;
}

/** The State.Error text of a process stopped by the CPU limit (host watchdog or the kernel's loop check). */
export function cpuLimitMessage(ms: number): string {
  return `the process ran for more than ${(ms / 1000).toFixed(1)} s without waiting for anything (an endless loop?) and was stopped`;
}

/** The same, when a host without a clock stopped a loop by its iteration count. */
export function spinLimitMessage(iterations: number): string {
  return `the process looped ${iterations} times without waiting for anything (an endless loop?) and was stopped`;
}

/** Wall-clock ms one slice of user code may run before the host stops it (ProcessLimits.cpuMsPerSlice). */
export const DEFAULT_CPU_MS_PER_SLICE = 2000;

/** Programs one process may have running at once (its main program, shells, their children): `--pids-limit`. */
export const DEFAULT_PIDS_LIMIT = 512;

/** Bytes a process may add to its container's filesystem (`--storage-opt size=`); past it, writes fail ENOSPC.
 * Container files live in memory (the sandbox's and the engine's), so this stays well under the memory limit. */
export const DEFAULT_FS_BYTES = 64 * 1024 * 1024;

/** Loop iterations a program may run in one slice when the host gives the kernel no clock (deterministic hosts). */
export const DEFAULT_SPIN_BUDGET = 100_000;

export interface ProcessLimits {
  /**
   * Wall-clock ms one synchronous slice of user code may run (a timer callback, the main script, a REPL line)
   * before the host terminates the process with reason 'cpu-limit'. Default 2000. Enforced by the worker hosts;
   * the in-process host cannot interrupt synchronous code (see README.md).
   */
  cpuMsPerSlice?: number;
  /** Memory cap in bytes (`docker run -m`). Node worker host: V8 heap limit; browser: not enforced (heuristic). */
  memoryBytes?: number;
  /** Programs running at once in the process (default DEFAULT_PIDS_LIMIT); past it, starting one fails with
   * BusyBox's `can't fork: Resource temporarily unavailable`. */
  pids?: number;
  /** Bytes the process may add to its filesystem (default DEFAULT_FS_BYTES); past it, writes fail with ENOSPC.
   * Enforced by the worker core (worker hosts). */
  fsBytes?: number;
}

/** Everything needed to start a process. Structured-clone friendly except `fs`. */
export interface ProcessSpec {
  /** argv[0] is the program as the image/`docker run` gives it ("node", "/bin/sh", "/hello", "cat"). */
  argv: string[];
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  /** The container's hostname (12-hex id prefix by default). */
  hostname: string;
  /** "root" by default; "uid[:gid]" or a name. */
  user?: string;
  /** `-t`: stdout is a terminal (REPL echo, prompts, "\r\n" line endings are the host's job to render). */
  tty: boolean;
  /** `-i`: stdin is open and fed with `write()`. */
  interactive: boolean;
  fs: ProcessFs;
  /** Virtual epoch ms at which the process starts. */
  startTime: number;
  /** Seed for the program's Math.random (default derived from hostname). */
  seed?: number;
  /** Other processes of the container (e.g. pid 1 when this is a `docker exec`), for `ps`. */
  peers?: { pid: number; command: string }[];
  /** The container's IPv4 address on its network (ifconfig, os.networkInterfaces); default 172.17.0.2. */
  ipAddress?: string;
  /** pid the process sees for itself: default 1 (a container's main process); give exec'd processes higher ones. */
  pid?: number;
  limits?: ProcessLimits;
  /** How the process reaches other containers (by name or address); without it, only the simulated internet.
   * Not structured-clone friendly: the worker hosts relay its calls (`peer` messages). */
  network?: PeerNetwork;
}

/**
 * A container's view of its networks: a request from a program in it to `host:port`, answered by the engine
 * (the container on a shared network that has that name or address, and the server listening there).
 */
export interface PeerNetwork {
  /** `at`: the requesting process's virtual time (the container asked is advanced to it before it answers). */
  request(host: string, port: number, req: HttpRequest, at: number): Promise<PeerReply>;
  /** The address `host` has from this container, without sending anything (nslookup, ping); see PeerLookup. */
  lookup?(host: string): Promise<PeerLookup>;
}

/**
 * `found`: a container reachable from this one has that name or address. `unknown`: no container does (the
 * simulated internet decides). `unresolvable`: the container has no network (`--network none`). `embeddedDns`:
 * the container is on a user-defined network, so its resolver is Docker's embedded DNS (127.0.0.11).
 */
export type PeerLookup = { kind: 'found'; ip: string; embeddedDns: boolean } | { kind: 'unknown'; embeddedDns: boolean } | { kind: 'unresolvable' };

/**
 * `response`/`refused`: `host` is a container reachable from this one (refused: nothing listens on the port).
 * `unknown`: not a container's name or address, so the simulated internet decides. `unresolvable`: the container
 * has no network that could resolve it (`--network none`): every name but localhost fails to resolve. `self`:
 * the name is the requesting container's own, so the process serves the request itself (like localhost).
 */
export type PeerReply =
  | { kind: 'response'; ip: string; res: HttpResponse }
  | { kind: 'refused'; ip: string }
  | { kind: 'unknown' }
  | { kind: 'unresolvable' }
  | { kind: 'self'; ip: string };

/** A request to a port the process listens on (published ports, the UI preview, `docker exec curl`). */
export interface HttpRequest {
  method: string;
  /** Path with query string: "/", "/api/items?x=1". */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText?: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** The exact bytes, when the body is not UTF-8 text (an image, a font): `body` is then their lossy decoding. */
  bodyBytes?: Uint8Array;
  /** Each Set-Cookie header as sent (`headers['set-cookie']` joins them with ", "). */
  setCookie?: string[];
}

/** What kind of program an executable is (decided by `resolveExecutable`, see executables.ts). */
export type ProgramKind = 'node' | 'npm' | 'sh' | 'hello' | 'applet';

/**
 * A spawn failure. The containers subsystem wraps `message` into Docker's OCI error, e.g.
 * `docker: Error response from daemon: failed to create task for container: failed to create shim task:
 * OCI runtime create failed: runc create failed: unable to start container process: error during container init:
 * exec: "x": executable file not found in $PATH: unknown.` and exit status 127 (126 for 'runtime.permission-denied').
 */
export interface SpawnError extends EngineError {
  code: 'runtime.not-found' | 'runtime.permission-denied' | 'runtime.no-command' | 'runtime.unsupported' | 'runtime.exec-format';
  /** e.g. `exec: "x": executable file not found in $PATH` or `exec: "/x": stat /x: no such file or directory`. */
  message: string;
  /** Exit status Docker reports: 127 (not found) or 126 (not executable, or a program Layerlab does not simulate). */
  exitCode: number;
}

/** A running (or finished) sandboxed process. */
export interface SandboxProcess {
  readonly pid: number;
  readonly kind: ProgramKind;
  /** Subscribe to output. Output produced before the first listener attaches is buffered and delivered to it. */
  onOutput(listener: (e: OutputEvent) => void): () => void;
  onExit(listener: (e: ExitEvent) => void): () => void;
  /** Resolves once with the exit event. */
  readonly exited: Promise<ExitEvent>;
  /** The exit event once the process has ended, else null. */
  exitStatus(): ExitEvent | null;
  /** The process's current virtual time. */
  now(): number;
  /** Feeds stdin (only when spec.interactive). In a tty, "\x03" is Ctrl-C and "\x04" is Ctrl-D. */
  write(text: string): void;
  /** End of input (Ctrl-D in a pipe, or the end of piped stdin). */
  closeStdin(): void;
  /**
   * Delivers a signal at the current virtual time. SIGINT/SIGTERM run the program's handlers if it has any,
   * otherwise end it with 128+n. SIGKILL ends it at once (137, reason 'killed'). Resolves when handled.
   */
  kill(signal?: Signal): Promise<void>;
  /**
   * Runs everything due up to virtual time `t` (timers, network responses, queued input) in order, then resolves.
   * Time never goes backwards; `advanceTo` with a past time just lets pending work (input, microtasks) settle.
   */
  advanceTo(t: number): Promise<void>;
  /** Sends an HTTP request to a port the program listens on. Rejects (Error "ECONNREFUSED") if nothing listens. */
  httpRequest(port: number, req: HttpRequest): Promise<HttpResponse>;
  /** Ports with a listening server right now. */
  listeningPorts(): number[];
  /**
   * Files changed outside the process (a bind-mounted host folder edited): a process running on its own copy of
   * the container's files (a worker) applies them; one on the container's filesystem already sees them.
   */
  updateFiles?(changes: FsChange[]): void;
  /** Frees host resources (terminates a worker). Does not produce an exit event if already exited. */
  dispose(): void;
}

export interface SandboxHost {
  readonly kind: 'in-process' | 'node-worker' | 'node-child' | 'web-worker';
  /** Resolves argv[0] on spec.fs (PATH lookup) and starts the process, or returns why it cannot start. */
  spawn(spec: ProcessSpec): Result<SandboxProcess, SpawnError>;
}

/** Exit code for a signal (128 + n). */
export function signalExitCode(signal: Signal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}
