/** The container record: what `docker inspect` shows and what the engine snapshot stores. */
import type { EngineError } from '../core/errors';
import type { Layer } from '../fs/layer';
import type { Endpoint } from '../networks/types';
import type { HttpRequest, PeerReply, Signal } from '../runtime/process';
import type { MountPoint } from '../volumes/types';
import type { HealthState, HealthcheckConfig } from './health';
import type { PortBinding } from './ports';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  /** The image as the user typed it ("diamol/ch03-web-ping"). */
  Image: string;
  /** The image's VOLUME paths (each gets an anonymous volume unless a mount covers it). */
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
  /** The image's HEALTHCHECK or `--health-*` flags (durations in ns, as Docker's API). */
  Healthcheck?: HealthcheckConfig;
}

export interface HostConfig {
  AutoRemove: boolean;
  /** `--network`: "bridge" (the default network) or the name the user gave. */
  NetworkMode: string;
  PortBindings: PortBinding[];
  PublishAllPorts: boolean;
  RestartPolicy: { Name: string; MaximumRetryCount: number };
  /** `--memory` in bytes (0: the sandbox's default limit applies); absent in states saved before it existed. */
  Memory?: number;
  /** `--pids-limit` (null: the sandbox's default). */
  PidsLimit?: number | null;
  /** `-v` flags as typed (null when none). */
  Binds?: string[] | null;
  /** `--mount` flags as the API gets them (null when none). */
  Mounts?: HostMount[] | null;
  /** `--tmpfs` flags: target -> options. */
  Tmpfs?: Record<string, string>;
}

/** One `--mount` as HostConfig.Mounts shows it. */
export interface HostMount {
  Type: 'volume' | 'bind' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy: boolean };
}

export interface ContainerState {
  Status: ContainerStatus;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** Epoch ms; 0 = never. */
  StartedAt: number;
  FinishedAt: number;
  OOMKilled: boolean;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Virtual epoch ms. */
  time: number;
}

/** Something that happened to the main process after it started, replayed when the process is re-run. */
export interface ProcessInput {
  time: number;
  kind: 'stdin' | 'close' | 'signal' | 'http';
  data?: string;
  signal?: Signal;
  port?: number;
  req?: HttpRequest;
}

/** What is needed to spawn the main process again (structured-clone friendly). */
export interface ProcessSpecData {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  hostname: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
  startTime: number;
  seed: number;
  pid: number;
  /** The container's address on the default bridge (172.17.0.x) while this start lasts. */
  ipAddress?: string;
}

export interface Container {
  /** 64 hex. */
  id: string;
  /** Without the leading "/". */
  name: string;
  created: number;
  /** "sha256:…" */
  imageId: string;
  /** Entrypoint+Cmd split as Docker's Path and Args. */
  path: string;
  args: string[];
  config: ContainerConfig;
  hostConfig: HostConfig;
  state: ContainerState;
  logs: LogEntry[];
  /** The writable layer (unsealed). */
  upper: Layer;
  /** What is mounted where (`docker inspect` Mounts), in mount order. */
  mounts?: MountPoint[];
  /** The files of each tmpfs mount while the container runs (target -> tree); emptied at each start. */
  tmpfs?: Record<string, Layer>;
  /** Inputs to the main process since its last start (for replays). */
  inputs: ProcessInput[];
  /** The main process's spec of its last start. */
  spec?: ProcessSpecData;
  /** Virtual time up to which the main process's effects (logs, writes) are recorded. */
  appliedUntil: number;
  restartCount: number;
  /** Restart policy state: when a 'restarting' container starts again, the backoff step, and docker stop/kill. */
  restartAt?: number;
  backoff?: number;
  manuallyStopped?: boolean;
  /** Endpoints by network name (`engine.networks`); absent in records made before networks existed. */
  networks?: Record<string, Endpoint>;
  /** Replies the main process got from other containers since its last start, in order (for replays). */
  peerReplies?: PeerReply[];
  /** HEALTHCHECK state of the current run (absent without a healthcheck). */
  health?: HealthState;
}

/** A daemon error; `exitCode` is set when Docker reports a specific status (127 for a missing command). */
export type ContainerError = EngineError & { exitCode?: number };
