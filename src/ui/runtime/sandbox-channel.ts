/**
 * What the browser sandbox host needs from the thing that starts its workers: a channel per worker. The page
 * uses the opaque-origin frame (sandbox-frame.ts); tests use a stand-in that runs the worker core in-process.
 */
import type { HostMessage } from '../../engine/runtime/protocol';

/**
 * How a sandbox worker failed outside the protocol:
 * - 'error': the worker reported an error event (it could not start, or crashed with a message);
 * - 'crash': the sandbox frame stopped answering (its process died, e.g. out of memory) and every worker in it
 *   is gone.
 */
export interface SandboxFailure {
  kind: 'error' | 'crash';
  message: string;
}

/** One sandbox worker, seen from the page. Messages arrive unchecked: the host validates them. */
export interface SandboxChannel {
  postMessage(m: HostMessage): void;
  /** Ends the worker; no message or failure arrives afterwards. */
  terminate(): void;
  onmessage: ((data: unknown) => void) | null;
  /** Called at most once. A failure that happens before a listener is set is kept and reported when it is. */
  onfailure: ((f: SandboxFailure) => void) | null;
  /** False while the sandbox has stopped answering but is not yet declared dead (the host's CPU watchdog waits
   * then, so a process whose sandbox died ends as a crash, not as an endless loop). */
  responsive?(): boolean;
}

export interface SandboxLauncher {
  /** Starts a worker (asynchronously: messages posted meanwhile are queued). `name` is the worker's name. */
  launch(name: string): SandboxChannel;
}
