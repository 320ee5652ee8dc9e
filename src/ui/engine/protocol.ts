/**
 * The typed message API between the page and the engine host (engineHost.ts), which runs the page's one Engine
 * in a Web Worker (engine.worker.ts) or, where no worker can start, on the page's thread behind a MessageChannel.
 * Calls are comlink requests (`EngineHostApi`); everything the host reports on its own (output of a command,
 * build events, finished commands, a changed engine, files a container wrote into the workspace) comes as
 * `HostEvents` messages on the same endpoint, so it arrives in order with the calls' answers: the events of a
 * command are all delivered before its exit code.
 */
import type { CommandEvent, Engine, EngineSnapshot } from '../../engine/engine';
import type { BuildEvent, StepInfo } from '../../engine/build/events';
import type { HttpRequest } from '../../engine/runtime/process';
import type { FileContent } from '../workspace/workspace';
import type { BaseLayerView, ContainerView, LayerChangeView, PredictedStep, UiBuildOptions } from './engineApi';
import type { WorldContainer, WorldImage, WorldNetwork, WorldVolume } from '../../lessons/world';
import type { StoreUsage } from '../persist/engineStore';

/** A command's terminal as the host recreates it (`CliIO` without the callbacks and the signal). */
export interface IoSpec {
  /** Standard input comes from `EngineHostApi.stdin` (docker run -i). */
  interactive: boolean;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  columns: number;
  env: Record<string, string | undefined>;
}

/** What the panels read synchronously, posted by the host after each batch of engine changes. */
export interface EngineView {
  /** Grows with every change batch. */
  rev: number;
  containers: ContainerView[];
  /** Local image tags ("repo:tag"), then the registry catalog's names and tags: for completion. */
  imageRefs: string[];
}

export type HostEvent =
  | { k: 'out'; run: number; stream: 'stdout' | 'stderr'; text: string }
  | { k: 'view'; view: EngineView }
  | { k: 'build'; event: BuildEvent }
  /**
   * The first steps of the next build-started event's list, which holds the rest: a list of thousands of steps
   * comes in several messages, each read (deserialised) by the page in a task of its own.
   */
  | { k: 'steps'; steps: StepInfo[] }
  | { k: 'command'; event: CommandEvent }
  /** A container wrote (content) or removed (null) a file of the workspace through a bind mount. */
  | { k: 'host-write'; path: string; content: FileContent | null }
  /** Part of the saved state was found unreadable on first use and starts empty (Engine.onDamage). */
  | { k: 'damage'; what: string };

/** One message of events, in order. */
export interface HostEvents {
  layerlabEvents: HostEvent[];
}

export function isHostEvents(data: unknown): data is HostEvents {
  return typeof data === 'object' && data !== null && Array.isArray((data as HostEvents).layerlabEvents);
}

export interface StartOptions {
  /** The active workspace's files (the build context and the host folder of bind mounts). */
  files: Record<string, FileContent>;
  /** The state to restore (the former single-record layout); none: what the host's engine store holds. */
  snapshot?: EngineSnapshot;
  /** The page's sandbox broker (src/ui/runtime/sandbox-broker.ts); none: processes run in the host's thread. */
  sandbox?: MessagePort;
}

export type StartResult = { ok: true; view: EngineView } | { ok: false; detail: string };

/** What `engine.http` answers: the response, or curl's error. */
export type HttpResult = Awaited<ReturnType<Engine['http']>>;

export interface WorldData {
  images: WorldImage[];
  containers: WorldContainer[];
  volumes: WorldVolume[];
  networks: WorldNetwork[];
  hostRoot: string | null;
}

/**
 * A long text of a record written through the engine host, as UTF-8 chunks: their buffers are transferred, not
 * copied (posting megabytes of text copies it in one task of the page), and the host stores the text.
 */
export interface TextChunks {
  layerlabText: Uint8Array[];
}

export function isTextChunks(v: unknown): v is TextChunks {
  return typeof v === 'object' && v !== null && Array.isArray((v as TextChunks).layerlabText);
}

/** Steps per message of a long step list (a build's, a prediction's): one message is read in one task. */
export const STEPS_PER_MESSAGE = 1000;

export interface PredictionPage {
  steps: PredictedStep[] | null;
  error: string;
  /** The prediction has more steps than these: `total` in all, kept by the host as `id`. */
  more?: { id: number; total: number };
}

/** The engine host's calls. Every method answers asynchronously; `run` ids are chosen by the page. */
export interface EngineHostApi {
  start(opts: StartOptions): StartResult | Promise<StartResult>;
  /** Changes to the workspace since the last call (null: removed); `reset`: these are all of its files. */
  setFiles(changes: Record<string, FileContent | null>, reset: boolean): void;
  run(id: number, argv: string[], io: IoSpec): Promise<number>;
  build(id: number, opts: UiBuildOptions, io: IoSpec): Promise<{ exitCode: number; imageId?: string }>;
  /** Standard input of a running command (null: end of input). */
  stdin(id: number, chunk: string | null): void;
  /** Ctrl-C: aborts a running command or build. */
  abort(id: number): void;
  /** The prediction's first `PREDICTION_PAGE` steps; `more`: the rest is read with `predictionPage`. */
  predict(opts: UiBuildOptions): Promise<PredictionPage>;
  /** Steps of a long prediction from `from` on (null: no longer kept). */
  predictionPage(id: number, from: number): PredictedStep[] | null;
  http(port: number, req: HttpRequest): Promise<HttpResult>;
  snapshot(): EngineSnapshot;
  /** Saves what changed into the engine store, from the host's thread; answers what the store then holds. */
  saveSnapshot(): Promise<StoreUsage>;
  /**
   * Writes records into the app's key/value store (`KvStore.write`: one transaction, undefined deletes) from the
   * host's thread. `withFiles`: the key of a workspace record sent without its files, which the host adds from
   * its own copy of the workspace (`setFiles`): storing a big workspace costs the page nothing per file. A
   * `TextChunks` value anywhere in the records is stored as its text.
   */
  writeRecords(records: Record<string, unknown>, withFiles?: string): Promise<void>;
  /** Delivers pending change events at once (the page is being hidden). */
  flush(): void;
  imageHistory(ref: string): BaseLayerView[] | null;
  baseImageProblem(image: string): { message: string; hint?: string; closest: string[] } | null;
  layerChanges(diffId: string, imageId?: string): Promise<LayerChangeView[] | null>;
  /** The lesson world's images and containers (lessons/engineWorld.ts). */
  world(): WorldData;
  imageHasPath(id: string, path: string): boolean;
  volumeFile(name: string, path: string): string | null;
  /** The CLI's commands (paths, aliases included) and the flags of each ("image ls" → ["--all", "-a", ...]). */
  commandTable(): { commands: string[][]; flags: Record<string, string[]> };
}
