/**
 * The simulated Docker engine: one object that owns the image store, the build cache, the containers and
 * the mock registry, and runs docker CLI commands against them. Hosts (the browser app, the Node CLI)
 * create one with their clock, randomness, hashing and build-context reader.
 */
import { SeededRandom, type EngineEnv } from './core/env';
import type { ContextReader } from './core/host';
import { memoryContext } from './core/host';
import { sha256Hex } from './core/sha256';
import type { CliIO } from './core/io';
import { runDocker } from './cli/docker';
import { ImageStore, type StoreSnapshot } from './images/store';
import { BuildService, type BuildSection } from './build/service';
import type { BuildOptions, BuildResult } from './build/builder';
import type { BuildEvent, BuildEventListener } from './build/events';
import type { BuildPrediction, BuildRecord } from './build/records';
import { Registry, type RegistrySnapshot } from './registry/registry';
import { ContainerStore, type ContainersSnapshot } from './containers/store';
import { NetworkStore, type NetworksSnapshot } from './networks/store';
import type { HttpRequest, SandboxHost } from './runtime/process';
import { VolumeStore, type VolumesSnapshot } from './volumes/store';
import type { HostFiles } from './volumes/host-files';

export const ENGINE_VERSION = '28.2.2';
export const ENGINE_API_VERSION = '1.50';
export const LAYERLAB_VERSION = '0.1.0';

export interface EngineOptions {
  env?: Partial<EngineEnv>;
  /** The host side of the build context (`.` in `docker build .`). */
  context?: ContextReader;
  /** A snapshot from `Engine.snapshot()` to restore. */
  snapshot?: EngineSnapshot;
  /** The sandbox that runs container processes (a host may also set `engine.sandbox` later). */
  sandbox?: SandboxHost | null;
  /** The host folders bind mounts (`-v "$(pwd)"/src:/app/src`) read and write; without it they are refused. */
  hostFiles?: HostFiles | null;
}

/** Most output a command event carries per stream; longer output is cut there. */
export const COMMAND_OUTPUT_CAP = 64 * 1024;

/** One finished `engine.run`: what was typed, how it ended and what it printed (each stream capped at COMMAND_OUTPUT_CAP). */
export interface CommandEvent {
  /** The command line without the leading "docker". */
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The client environment the command ran with (DOCKER_BUILDKIT, ...). */
  env: Record<string, string | undefined>;
}

export type CommandListener = (event: CommandEvent) => void;

/** Decides when change listeners hear about changes: `deliver` must be called once, e.g. after the current task. */
export type ChangeScheduler = (deliver: () => void) => void;

/**
 * Everything the engine persists, as plain JSON. Each subsystem owns one key. A slice a store restored unread (the
 * build slice: src/engine/store) stays a function giving it until first used, and `snapshot()` gives that function
 * back while unused; JSON.stringify sees the plain value (toJSON), `materialize` in src/engine/store reads it.
 */
export interface EngineSnapshot {
  version: 1;
  [subsystem: string]: unknown;
}

export class Engine {
  readonly env: EngineEnv;
  context: ContextReader;
  /** Images, tags and layers. */
  readonly images: ImageStore;
  /** Builds, the build cache and build records. */
  readonly buildService: BuildService;
  /** The mock Docker Hub: pull, push, login, search. */
  readonly registry: Registry;
  /** Containers: lifecycle, exec, logs, ports. */
  readonly containers: ContainerStore;
  /** Networks: the default bridge, host, none and user-defined ones; container endpoints and addresses. */
  readonly networks: NetworkStore;
  /** Named and anonymous volumes, with their files. */
  readonly volumes: VolumeStore;
  /** The host side of bind mounts (the CLI's working directory, the browser's workspace); null: none. */
  hostFiles: HostFiles | null;
  /** The sandbox that runs container processes and RUN steps (hosts may set a worker-based one). */
  sandbox: SandboxHost | null = null;

  constructor(opts: EngineOptions = {}) {
    this.env = {
      clock: opts.env?.clock ?? { now: () => 0 },
      random: opts.env?.random ?? new SeededRandom(),
      sha256: opts.env?.sha256 ?? sha256Hex,
    };
    this.context = opts.context ?? memoryContext({});
    this.sandbox = opts.sandbox ?? null;
    this.images = new ImageStore(this.env, () => this.changed());
    this.buildService = new BuildService(() => ({ env: this.env, context: this.context, images: this.images, registry: this.registry ?? null, sandbox: this.sandbox, changed: () => this.changed(), damaged: (what) => this.damaged(what) }));
    this.registry = new Registry(this.env, () => this.images, () => this.changed());
    this.networks = new NetworkStore(this.env, () => this.containers.networkAccess(), () => this.changed());
    this.hostFiles = opts.hostFiles ?? null;
    this.volumes = new VolumeStore(this.env, (name) => this.containers.usersOfVolume(name), () => this.changed());
    this.containers = new ContainerStore(this.env, () => this.images, () => this.sandbox, () => this.changed(), () => this.networks, () => this.volumes, () => this.hostFiles);
    if (opts.snapshot) this.restore(opts.snapshot);
  }

  private listeners = new Set<() => void>();
  private commandListeners = new Set<CommandListener>();
  private scheduler: ChangeScheduler | null = null;
  private changePending = false;

  /** The change event: called after any state change (images, containers, builds). Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subsystems call this after they change state. */
  changed(): void {
    if (!this.scheduler) {
      this.emitChange();
      return;
    }
    if (this.changePending) return;
    this.changePending = true;
    this.scheduler(() => this.flushChanges());
  }

  /**
   * Batches change events: after this, the changes made until `schedule`'s callback runs reach the listeners as
   * one event, when it runs (null: at once, the default).
   */
  deferChanges(schedule: ChangeScheduler | null): void {
    this.scheduler = schedule;
    if (!schedule) this.flushChanges();
  }

  /** Delivers a deferred change event now (no-op when none is pending). */
  flushChanges(): void {
    if (!this.changePending) return;
    this.changePending = false;
    this.emitChange();
  }

  private emitChange(): void {
    for (const l of [...this.listeners]) l();
  }

  private damageListeners = new Set<(what: string) => void>();

  /**
   * Calls `listener` when part of the restored state turns out unreadable on first use and starts empty (the
   * host tells the user, and may keep a copy). Returns an unsubscribe function.
   */
  onDamage(listener: (what: string) => void): () => void {
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  private damaged(what: string): void {
    for (const l of [...this.damageListeners]) l(what);
  }

  /** Calls `listener` after each `engine.run` finishes. Returns an unsubscribe function. */
  onCommand(listener: CommandListener): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** Runs one docker command line (without the leading "docker"), like the docker client; resolves with its exit code. */
  async run(argv: string[], io: CliIO): Promise<number> {
    try {
      return await this.runCommand(argv, io);
    } finally {
      // What containers wrote into bind-mounted folders is on the host when the command returns.
      await this.containers.flushHostWrites();
    }
  }

  private async runCommand(argv: string[], io: CliIO): Promise<number> {
    if (this.commandListeners.size === 0) return runDocker(this, argv, io);
    let stdout = '';
    let stderr = '';
    const tee: CliIO = {
      ...io,
      stdout(t) {
        if (stdout.length < COMMAND_OUTPUT_CAP) stdout += t.slice(0, COMMAND_OUTPUT_CAP - stdout.length);
        io.stdout(t);
      },
      stderr(t) {
        if (stderr.length < COMMAND_OUTPUT_CAP) stderr += t.slice(0, COMMAND_OUTPUT_CAP - stderr.length);
        io.stderr(t);
      },
    };
    let exitCode = 1;
    try {
      exitCode = await runDocker(this, argv, tee);
      return exitCode;
    } finally {
      const event: CommandEvent = { argv: [...argv], exitCode, stdout, stderr, env: { ...io.env } };
      for (const l of [...this.commandListeners]) l(event);
    }
  }

  /**
   * Sends an HTTP request to the container that publishes `hostPort` (`-p hostPort:port`): the UI preview and
   * `layerlab curl`. Resolves with the response, or an error whose `exitCode` is curl's (7 refused, 56 reset).
   */
  http(hostPort: number, request: HttpRequest): ReturnType<ContainerStore['http']> {
    return this.containers.http(hostPort, request);
  }

  /** `docker build`: runs a build, printing Docker's output to `io`; events go to `onEvent` and `onBuildEvent` listeners. */
  build(opts: BuildOptions, io: CliIO, onEvent?: (e: BuildEvent) => void): Promise<BuildResult> {
    return this.buildService.build(opts, io, onEvent);
  }

  /** Dry run: which steps would be cached or rebuilt, and why (no execution, no output). */
  predictBuild(opts: BuildOptions): Promise<BuildPrediction> {
    return this.buildService.predict(opts);
  }

  /** Recent builds, oldest first. */
  get builds(): BuildRecord[] {
    return this.buildService.records;
  }

  onBuildEvent(listener: BuildEventListener): () => void {
    return this.buildService.onEvent(listener);
  }

  snapshot(): EngineSnapshot {
    return { version: 1, images: this.images.snapshot(), build: this.buildService.snapshot(), registry: this.registry.snapshot(), containers: this.containers.snapshot(), networks: this.networks.snapshot(), volumes: this.volumes.snapshot() };
  }

  restore(_snapshot: EngineSnapshot): void {
    // Subsystems restore their own slices here.
    this.images.restore(_snapshot.images as StoreSnapshot | undefined);
    this.buildService.restore(_snapshot.build as BuildSection | undefined);
    this.registry.restore(_snapshot.registry as RegistrySnapshot | undefined);
    this.networks.restore(_snapshot.networks as NetworksSnapshot | undefined);
    this.containers.restore(_snapshot.containers as ContainersSnapshot | undefined);
    this.volumes.restore(_snapshot.volumes as VolumesSnapshot | undefined);
  }
}
