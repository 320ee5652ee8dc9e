/**
 * The message protocol between a worker host (main thread) and the worker that runs the kernel.
 * Everything is structured-clone friendly. Host → worker: HostMessage; worker → host: WorkerMessage.
 *
 * Filesystem: the host sends a snapshot of the container's files with `spawn`; the worker runs on a MemoryFs and
 * reports every mutation as an `fs` message, which the host applies to the real ProcessFs (applyFsChange) before it
 * handles the next message (so `done` for an advance arrives after that advance's writes).
 */
import type { ExitEvent, HttpRequest, HttpResponse, OutputEvent, PeerLookup, PeerReply, Signal } from './process';
import type { ProcessSpecData } from './kernel';
import type { FsChange, FsSnapshotEntry } from './memory-fs';

export type HostMessage =
  | { t: 'spawn'; spec: ProcessSpecData; files: FsSnapshotEntry[] }
  /** Files changed outside the process (a bind-mounted host folder): applied to the worker's copy, not echoed back. */
  | { t: 'files'; changes: FsChange[] }
  | { t: 'stdin'; text: string }
  | { t: 'stdin-end' }
  | { t: 'kill'; id: number; signal: Signal }
  | { t: 'advance'; id: number; time: number }
  | { t: 'http'; id: number; port: number; req: HttpRequest }
  /** The answer to the worker's `peer` request. */
  | { t: 'peer-reply'; id: number; reply: PeerReply }
  /** The answer to the worker's `peer-lookup`. */
  | { t: 'peer-lookup-reply'; id: number; lookup: PeerLookup }
  /** Heartbeat: the worker answers `pong` with the same n as soon as its event loop is free (CPU watchdog). */
  | { t: 'ping'; n: number }
  /** The offline npm registry's data, sent before `spawn` to a process in an image with npm. */
  | { t: 'npm-registry'; data: Uint8Array };

export type WorkerMessage =
  | { t: 'output'; e: OutputEvent }
  | { t: 'exit'; e: ExitEvent }
  | { t: 'fs'; change: FsChange }
  | { t: 'ports'; ports: number[] }
  /** A synchronous slice of user code starts/ends. Informational only: user code that reaches the platform's
   * messaging could forge it, so no host decides anything on it (the watchdog uses `ping`/`pong`). */
  | { t: 'slice'; phase: 'start' | 'end' }
  /** Answer to `ping`. */
  | { t: 'pong'; n: number }
  /** Reply to kill/advance: done, with the worker's virtual time. */
  | { t: 'done'; id: number; now: number }
  | { t: 'http-response'; id: number; res?: HttpResponse; error?: string }
  /** A program's request to another container (ProcessSpec.network, which stays on the host side). */
  | { t: 'peer'; id: number; host: string; port: number; req: HttpRequest; time: number }
  /** A program's name lookup (nslookup, ping) on the container's networks. */
  | { t: 'peer-lookup'; id: number; host: string }
  | { t: 'fatal'; message: string };
