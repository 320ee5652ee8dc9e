/**
 * What Compose needs from a Docker engine, and nothing more: images (present? pull, build), containers
 * (create/start/stop/remove/list by Compose's labels, logs, attach, exec), networks and volumes. `project.ts`
 * drives only this interface, so the Compose logic is tested against `MemoryBackend` and runs on the simulated
 * engine through `EngineBackend`.
 */
import type { CliIO } from '../core/io';
import type { EngineError, Result } from '../core/errors';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** A container as Compose lists it (the labels carry project, service and number). */
export interface BackendContainer {
  id: string;
  /** Without the leading "/". */
  name: string;
  /** The image as configured ("nginx", "app-web"). */
  image: string;
  labels: Record<string, string>;
  state: ContainerState;
  exitCode: number;
  /** Health per the container's healthcheck; undefined when it has none. */
  health?: 'starting' | 'healthy' | 'unhealthy';
  /** Epoch ms. */
  created: number;
  /** Display columns as `docker ps` prints them. */
  command: string;
  status: string;
  ports: string;
}

/** A mount as the contract between the volumes store and containers defines it. */
export interface BackendMount {
  type: 'volume' | 'bind' | 'tmpfs';
  source?: string;
  target: string;
  readOnly?: boolean;
}

export interface ContainerSpec {
  name: string;
  image: string;
  /** null: the image's. */
  command: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  labels: Record<string, string>;
  /** `docker run -p` forms ("8080:80/tcp", "127.0.0.1:8080:80"). */
  publish: string[];
  expose: string[];
  workingDir?: string;
  user?: string;
  hostname?: string;
  tty: boolean;
  stdinOpen: boolean;
  restart?: string;
  stopSignal?: string;
  /** Engine name of the network to join first (`app_default`), or a network mode ("host", "none"). */
  network?: string;
  networkAliases?: string[];
  /** Networks joined after the first, each with its aliases. */
  extraNetworks?: { name: string; aliases: string[] }[];
  mounts: BackendMount[];
  /** Docker API form (nanoseconds). */
  healthcheck?: { test: string[]; interval?: number; timeout?: number; retries?: number; startPeriod?: number };
  autoRemove?: boolean;
}

export interface BuildSpec {
  /** Build context relative to the host's working directory. */
  context: string;
  /** Dockerfile path relative to the host's working directory. */
  dockerfile: string;
  args: Record<string, string>;
  target?: string;
  tag: string;
  noCache?: boolean;
  quiet?: boolean;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  /** One line including its newline (the last may lack it). */
  text: string;
  /** Epoch ms. */
  time: number;
}

export interface ExecSpec {
  cmd: string[];
  env: string[];
  user?: string;
  workdir?: string;
  tty: boolean;
  interactive: boolean;
  detach: boolean;
}

export interface ComposeBackend {
  /** The engine's clock (epoch ms): progress timers and "Up 2 seconds". */
  now(): number;
  /** Brings containers up to the current time (restart policies, exited programs). */
  sync(): Promise<void>;

  hasImage(ref: string): boolean;
  /** Pulls an image, writing Docker's pull progress with `out`. */
  pullImage(ref: string, out: (text: string) => void): Promise<Result<void>>;
  /** Builds and tags an image; the builder writes its own output to `io`. */
  buildImage(spec: BuildSpec, io: CliIO): Promise<Result<void>>;
  removeImage(ref: string): Result<void>;

  listContainers(labels: Record<string, string>, all: boolean): BackendContainer[];
  createContainer(spec: ContainerSpec): Result<BackendContainer>;
  /** Starts a container; `onLog` receives its output from the first line on (attached `up`). */
  startContainer(id: string, onLog?: (line: LogLine) => void): Promise<Result<void>>;
  stopContainer(id: string, timeoutSec?: number): Promise<Result<void>>;
  restartContainer(id: string, timeoutSec?: number): Promise<Result<void>>;
  removeContainer(id: string, force: boolean): Promise<Result<void>>;
  /** Recorded output, split in lines. */
  logs(id: string): LogLine[];
  /** New output of a running container until it stops (returns the unsubscribe function). */
  onLog(id: string, fn: (line: LogLine) => void): () => void;
  /** Lets virtual time pass (for following logs and waiting for health); resolves after one tick. */
  tick(): Promise<void>;
  /** Starts a container with the terminal attached to its main process until it exits; its exit code. */
  startAttached(id: string, io: CliIO, opts: { stdin: boolean; tty: boolean }): Promise<Result<number, EngineError & { exitCode?: number }>>;
  /** Runs a command in a running container; the exit code, or Docker's error. */
  exec(id: string, spec: ExecSpec, io: CliIO): Promise<Result<number, EngineError & { exitCode?: number }>>;

  /**
   * What this engine can do: without networks, containers join the default bridge; without volumes, they run
   * without mounts; without healthchecks, `service_healthy` waits for "running". Each gap is said once.
   */
  readonly features: { networks: boolean; volumes: boolean; healthchecks: boolean };

  hasNetwork(name: string): boolean;
  createNetwork(name: string, opts: { driver?: string; labels: Record<string, string> }): Result<void>;
  removeNetwork(name: string): Result<void>;
  hasVolume(name: string): boolean;
  createVolume(name: string, opts: { driver?: string; labels: Record<string, string> }): Result<void>;
  removeVolume(name: string): Result<void>;
}

/** The error code a backend returns when its engine has no networks or volumes: Compose then goes on without them. */
export const NOT_SIMULATED = 'compose.not-simulated';
