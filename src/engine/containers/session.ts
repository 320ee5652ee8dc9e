/**
 * An attached terminal session (`docker run` in the foreground, `docker start -a`, `docker attach`,
 * `docker exec`): streams the process's output to the CLI, feeds the CLI's stdin to it, forwards Ctrl-C
 * (io.signal) as SIGINT, and waits while virtual time passes (host timer ticks or `engine.containers.advance()`).
 */
import type { CliIO } from '../core/io';
import type { OutputEvent, Signal } from '../runtime/process';
import type { ContainerStore } from './store';

export interface SessionTarget {
  /** Subscribes to output; returns unsubscribe. */
  onOutput(fn: (e: OutputEvent) => void): () => void;
  write(text: string): Promise<void>;
  close(): Promise<void>;
  signal(sig: Signal): Promise<void>;
  /** Has the process ended? */
  done(): boolean;
  exitCode(): number;
  /** Advance the process to the clock's now. */
  advance(): Promise<void>;
}

export interface SessionOptions {
  stdin: boolean;
  tty: boolean;
  /** Forward Ctrl-C as SIGINT (docker's --sig-proxy, default true). */
  sigProxy?: boolean;
  /** Output already subscribed by the caller (run subscribes before the process starts). */
  subscribed?: boolean;
}

/** Writes one output event to the CLI (a tty merges stderr into stdout, like a pty). */
export function writeOutput(io: CliIO, e: OutputEvent, tty: boolean): void {
  if (e.stream === 'stderr' && !tty) io.stderr(e.text);
  else io.stdout(e.text);
}

/** Runs the session until the process exits (or the caller aborts without sig-proxy); returns its exit code. */
export async function runSession(store: ContainerStore, io: CliIO, t: SessionTarget, o: SessionOptions): Promise<number> {
  const unsub = o.subscribed ? () => {} : t.onOutput((e) => writeOutput(io, e, o.tty));
  let aborted = false;
  const onAbort = () => {
    aborted = true;
  };
  io.signal?.addEventListener('abort', onAbort);
  if (io.signal?.aborted) aborted = true;
  let readerDone = !o.stdin || !io.stdin;
  let detached = false;
  const reader = (async () => {
    if (!o.stdin || !io.stdin) return;
    for (;;) {
      const chunk = await io.stdin.read();
      if (t.done()) break;
      if (chunk === null) {
        await t.close();
        break;
      }
      // Ctrl-P Ctrl-Q (docker's default detach keys) leaves the container running (a terminal only).
      const esc = o.tty ? chunk.indexOf('\x10\x11') : -1;
      if (esc >= 0) {
        if (esc > 0) await t.write(chunk.slice(0, esc));
        detached = true;
        break;
      }
      await t.write(chunk);
    }
    readerDone = true;
  })();
  let forwarded = false;
  const aborting = abortPromise(io);
  try {
    await t.advance();
    while (!t.done()) {
      if (detached) {
        io.stderr('read escape sequence\n');
        return 0;
      }
      if (aborted && !forwarded) {
        forwarded = true;
        if (o.sigProxy === false) break;
        await t.signal('SIGINT');
        continue;
      }
      const waits: Promise<unknown>[] = [store.waitTick()];
      if (!readerDone) waits.push(reader);
      if (!aborted) waits.push(aborting);
      await Promise.race(waits);
      await t.advance();
    }
  } finally {
    unsub();
    io.signal?.removeEventListener('abort', onAbort);
  }
  return t.done() ? t.exitCode() : 130;
}

function abortPromise(io: CliIO): Promise<void> {
  return new Promise((resolve) => {
    if (!io.signal) return;
    if (io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The container's main process as a session target (inputs are recorded for replays). */
export function mainTarget(store: ContainerStore, id: string): SessionTarget {
  const c = () => store.get(id);
  return {
    onOutput: (fn) => {
      const x = c();
      return x ? store.onOutput(x, fn) : () => {};
    },
    write: async (text) => {
      const x = c();
      if (x) await store.writeStdin(x, text);
    },
    close: async () => {
      const x = c();
      if (x) await store.writeStdin(x, null);
    },
    signal: async (sig) => {
      const x = c();
      if (x) await store.signal(x, sig);
    },
    done: () => {
      const x = c();
      return !x || !store.isRunning(x);
    },
    exitCode: () => store.exitCodeOf(id),
    advance: async () => {
      const x = c();
      if (x) await store.settleOne(x);
    },
  };
}

/** An exec'd process as a session target. */
export function processTarget(store: ContainerStore, proc: import('../runtime/process').SandboxProcess): SessionTarget {
  return {
    onOutput: (fn) => proc.onOutput(fn),
    write: async (text) => {
      proc.write(text);
      await proc.advanceTo(store.clockNow());
    },
    close: async () => {
      proc.closeStdin();
      await proc.advanceTo(store.clockNow());
    },
    signal: async (sig) => {
      await proc.kill(sig);
      await proc.advanceTo(store.clockNow());
    },
    done: () => proc.exitStatus() !== null,
    exitCode: () => proc.exitStatus()?.code ?? 0,
    advance: () => proc.advanceTo(store.clockNow()),
  };
}
