/**
 * The headless `layerlab` CLI: the same engine as the browser, in Node.
 * `layerlab <docker args>` or `layerlab docker <docker args>` behaves like `docker <args>`.
 * The working directory is the host side of the build context; state persists in LAYERLAB_STATE
 * (see state-store.ts). Exit codes are docker's (0, 1, 125, 126, 127, or the container's).
 */
import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import { Engine, type EngineSnapshot } from '../engine/engine';
import { SeededRandom } from '../engine/core/env';
import type { CliIO } from '../engine/core/io';
import type { SandboxHost } from '../engine/runtime/process';
import { diskContext } from './disk-context';
import { diskHostFiles } from './disk-host-files';
import { ChildProcessHost } from './runtime/child-process-host';
import { keepDamagedCopy, loadStore, saveStore, StateTooBigError, statePath, type LoadResult } from './state-store';
import { diskNpmRegistry } from './npm-registry';
import { setNpmRegistryLoader } from '../engine/runtime/packages/npm-registry/source';
import { lockState, type StateLock } from './state-lock';
import { processStdin } from './stdin';
import { hostSha256 } from './sha256';

export { statePath } from './state-store';

export interface MainOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const STATELESS = new Set(['version', '--version', '-v']);

export async function main(argv: string[], opts: MainOptions = {}): Promise<number> {
  const env = opts.env ?? process.env;
  const args = argv[0] === 'docker' ? argv.slice(1) : argv;
  const path = statePath(env);
  // `version` (and `--version`, `-v`) prints what the client and engine are and reads no state: no lock, no store.
  if (STATELESS.has(args[0])) return runLocked(args, env, null, opts);
  // One command at a time reads, changes and writes the state: concurrent commands wait for each other.
  let lock: StateLock;
  try {
    lock = await lockState(path, {
      onWait: (owner) => process.stderr.write(`layerlab: waiting for another layerlab command (pid ${owner.split(' ')[0]}) to finish with ${path}\n`),
    });
  } catch (e) {
    process.stderr.write(`layerlab: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  // A second Ctrl-C exits at once: the lock goes with the process.
  const release = () => lock.release();
  process.once('exit', release);
  try {
    return await runLocked(args, env, path, opts);
  } finally {
    process.off('exit', release);
    lock.release();
  }
}

/** The child-process sandbox, created (and its code loaded) when a command first starts a container process. */
function childProcessSandbox(): SandboxHost {
  let host: ChildProcessHost | undefined;
  return { kind: 'node-child', spawn: (spec) => (host ??= new ChildProcessHost()).spawn(spec) };
}

/** Counts the containers a snapshot holds (to notice entries a restore skipped as damaged). */
function containerCount(snap: EngineSnapshot | undefined): number {
  const c = (snap?.containers as { containers?: unknown } | undefined)?.containers;
  return Array.isArray(c) ? c.length : 0;
}

/** Runs a command on the state in `path` (read before, saved after), or on a fresh engine when `path` is null. */
async function runLocked(args: string[], env: NodeJS.ProcessEnv, path: string | null, opts: MainOptions): Promise<number> {
  const loaded: LoadResult = path === null ? {} : loadStore(path);
  if (loaded.fatal) {
    process.stderr.write(loaded.fatal);
    return 1;
  }
  if (loaded.warning) process.stderr.write(loaded.warning);
  let engine: Engine;
  try {
    engine = new Engine({
      env: {
        clock: { now: () => Date.now() },
        random: new SeededRandom((Date.now() ^ (process.pid << 8)) >>> 0),
        sha256: hostSha256(),
      },
      context: diskContext(opts.cwd ?? process.cwd()),
      hostFiles: diskHostFiles(resolve(opts.cwd ?? process.cwd())),
      snapshot: loaded.snapshot,
    });
  } catch (e) {
    // A snapshot a subsystem cannot restore (e.g. from an older Layerlab): say so rather than crash.
    process.stderr.write(`layerlab: cannot restore state from ${path} (${e instanceof Error ? e.message : String(e)}); move it away to start fresh\n`);
    return 1;
  }
  const before = containerCount(loaded.snapshot);
  // What the save must write even when the command changes nothing: a restore that skipped damaged entries.
  let changed = false;
  if (before > 0 && path !== null) {
    const after = engine.containers.list().length;
    if (after < before) {
      process.stderr.write(keepDamagedCopy(path, `${before - after} damaged container entr${before - after === 1 ? 'y was' : 'ies were'} not restored`));
      changed = true;
    }
  }
  // The engine's change event, as the web app saves on it: a command that changes nothing (`ps`, `image ls`,
  // `inspect`) neither snapshots the engine nor plans a save.
  const unsubscribe = engine.subscribe(() => (changed = true));
  // A part found unreadable on first use (the build cache and history) starts empty: say so, keep a copy.
  const offDamage = engine.onDamage((what) => {
    if (path !== null) process.stderr.write(keepDamagedCopy(path, what));
  });
  // Container programs run in separate sandboxed Node processes (see runtime/child-process-host.ts): an endless
  // loop or a memory hog ends with 137 instead of hanging the CLI. Idle ones do not keep the CLI alive.
  engine.sandbox = childProcessSandbox();
  setNpmRegistryLoader(diskNpmRegistry());
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    controller.abort();
    if (interrupts > 1) process.exit(130);
  };
  process.on('SIGINT', onSigint);
  const stdin = processStdin();
  const io: CliIO = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdin,
    // Asked for when a command needs it (help's width, -it): isatty(0) gives process.stdin.isTTY's answer
    // without opening stdin, and node:tty is loaded only then.
    get stdinIsTTY() {
      return isatty(0);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || 80,
    env,
    signal: controller.signal,
  };
  let code: number;
  try {
    code = await engine.run(args, io);
  } finally {
    stdin.release();
    process.off('SIGINT', onSigint);
  }
  unsubscribe();
  offDamage();
  if (path === null) return code;
  if (!changed && !loaded.migrateFrom) return code;
  try {
    saveStore(path, engine.snapshot(), loaded);
  } catch (e) {
    process.stderr.write(`layerlab: could not save state to ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof StateTooBigError) return code === 0 ? 1 : code;
  }
  return code;
}
