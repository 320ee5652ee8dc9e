/**
 * `engine.containers`: containers as a writable layer on an image's union filesystem, with a main process
 * run by the sandbox runtime on virtual time that follows the engine clock. This class is the public face:
 * lookups, the lifecycle (create, start, stop, kill, restart, rm, rename, prune) and time; it delegates the
 * other concepts to the modules beside it, which share its state (`context.ts`). Errors are values whose
 * messages are the daemon's words.
 *
 * Time: every command first calls `sync()`, which advances each running process to `clock.now()`. A fresh
 * engine restored from a snapshot (each headless CLI call) re-spawns running containers from their recorded
 * start and replays recorded inputs (`main-process.ts`), skipping writes and logs already applied.
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { UnionFs } from '../fs/union';
import { envGet } from '../images/config';
import { familiarRef } from '../images/reference';
import type { ImageRecord, ImageStore } from '../images/store';
import type { HttpRequest, HttpResponse, OutputEvent, SandboxHost, SandboxProcess, Signal, SpawnError } from '../runtime/process';
import { InProcessHost } from '../runtime/in-process-host';
import type { StoreContext } from './context';
import { newContainer, type CreateOptions } from './create';
import { execIn, type ExecOptions } from './exec';
import { initialHealth } from './health';
import { httpToHostPort } from './http';
import * as main from './main-process';
import { randomName, VALID_NAME } from './names';
import type { ContainerAccess, NetworkStore } from '../networks/store';
import type { Endpoint, Network } from '../networks/types';
import { allocatePorts, containerView, endpointsOf, ipAddressOf, joinNetworks, networkOwnerId } from './network';
import { limitsOf, processEnv } from './process-env';
import { restoreContainers, snapshotContainers, type ContainersSnapshot } from './snapshot';
import { toSignal } from './signals';
import type { Container, ContainerError, ProcessSpecData } from './types';
import { flushBinds, loadBinds, mountPointsFor, prepareMounts, removeAnonymousVolumes, treesOf } from './mounts';
import { routeMount } from '../fs/process-fs';
import { VolumeStore } from '../volumes/store';
import type { HostFiles } from '../volumes/host-files';
import { commitContainer, diffContainer, sizeRw, type CommitOptions } from './writable-layer';

export { envGet };
export type { ContainerError, CreateOptions, ExecOptions, ContainersSnapshot };

export type SandboxProvider = () => SandboxHost | null;

export class ContainerStore {
  private tickWaiters = new Set<() => void>();
  /** Set by hosts: a repeating timer used while a foreground command waits for time to pass. */
  timer: ((cb: () => void, ms: number) => () => void) | null = null;

  private fallbackHost: SandboxHost | null = null;
  private ctx: StoreContext;

  /**
   * `host` gives the sandbox (engine.sandbox); when it gives none, an in-process host is used. `volumes` gives
   * engine.volumes (default: a store of this container store's own); `hostFiles` the host folders bind mounts use.
   */
  constructor(
    private env: EngineEnv,
    private images: () => ImageStore,
    host: SandboxProvider,
    private changed: () => void = () => {},
    networks: () => NetworkStore | null = () => null,
    volumes?: () => VolumeStore,
    hostFiles: () => HostFiles | null = () => null,
  ) {
    let own: VolumeStore | null = null;
    const vols = volumes ?? (() => (own ??= new VolumeStore(env, (name) => this.usersOfVolume(name), () => this.changed())));
    this.ctx = {
      env,
      images,
      networks,
      host: () => host() ?? (this.fallbackHost ??= new InProcessHost()),
      changed: () => this.changed(),
      containers: new Map(),
      live: new Map(),
      mountSets: new Map(),
      volumes: vols,
      hostFiles,
      binds: new Map(),
      removedExitCodes: new Map(),
      execSeq: 0,
      now: () => this.now(),
      list: () => this.list(),
      isRunning: (c) => this.isRunning(c),
      fs: (c) => this.fs(c),
    };
  }

  private now(): number {
    return this.env.clock.now();
  }

  // ---------------------------------------------------------------- lookups

  /** Newest first (like `docker ps`). */
  list(): Container[] {
    // Newest first; containers created in the same millisecond keep creation order (later first).
    return [...this.ctx.containers.values()].reverse().sort((a, b) => b.created - a.created);
  }

  /** By full ID, name (with or without "/"), or unique ID prefix. */
  get(ref: string): Container | undefined {
    if (!ref) return undefined;
    const byId = this.ctx.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.ctx.containers.values()) if (c.name === name) return c;
    if (/^[0-9a-f]+$/.test(ref)) {
      const m = [...this.ctx.containers.values()].filter((c) => c.id.startsWith(ref));
      if (m.length === 1) return m[0];
    }
    return undefined;
  }

  /** Like `get`, with Docker's "No such container" / ambiguity errors. */
  find(ref: string): Result<Container> {
    const c = this.get(ref);
    if (c) return ok(c);
    if (/^[0-9a-f]+$/.test(ref) && [...this.ctx.containers.values()].filter((x) => x.id.startsWith(ref)).length > 1) {
      return err(engineError('containers.ambiguous', `multiple IDs found with provided prefix: ${ref}`));
    }
    return err(engineError('containers.no-such', `No such container: ${ref}`));
  }

  /** Containers using an image (for `docker rmi` conflicts and `system df`). */
  usersOf(imageId: string): { id: string; running: boolean }[] {
    return this.list()
      .filter((c) => c.imageId === imageId)
      .map((c) => ({ id: c.id, running: c.state.Status === 'running' || c.state.Status === 'paused' || c.state.Status === 'restarting' }));
  }

  /** IDs of the containers that mount a volume (running or not): `docker volume rm` refuses while there are any. */
  usersOfVolume(name: string): string[] {
    return this.list()
      .filter((c) => c.mounts?.some((m) => m.Type === 'volume' && m.Name === name))
      .map((c) => c.id);
  }

  /** Union view of a container's filesystem (image layers + its writable layer). */
  fs(c: Container): UnionFs {
    const img = this.images();
    return new UnionFs(img.layers(c.imageId), c.upper, () => this.now());
  }

  /**
   * The filesystem that holds `path` in the container and the path inside it: a mounted volume, tmpfs or bind
   * tree, or the container's union (`docker cp` reads and writes there, as Docker copies into volumes).
   */
  fsAt(c: Container, path: string): { fs: UnionFs; path: string; readOnly: boolean; changed: (inner: string) => void } {
    const r = routeMount(this.fs(c), treesOf(this.ctx, c), path);
    return { fs: r.fs, path: r.path, readOnly: r.readOnly, changed: (inner) => r.tree?.onWrite?.(inner) };
  }

  /** Size of the writable layer in bytes (`docker ps -s`). */
  sizeRw(c: Container): number {
    return sizeRw(c);
  }

  isRunning(c: Container): boolean {
    return c.state.Status === 'running' || c.state.Status === 'paused';
  }

  /** The address of a running container ('' when it is not running). Older snapshots without one: by start order. */
  ipAddressOf(c: Container): string {
    return ipAddressOf(this.ctx, c);
  }

  /** A container's endpoints by network name. */
  endpointsOf(c: Container): Record<string, Endpoint> {
    return endpointsOf(c);
  }

  /** A network by name (null without a network store). */
  networkNamed(name: string): Network | null {
    return this.ctx.networks()?.get(name) ?? null;
  }

  /** What the network store sees of containers (the engine hands it to `engine.networks`). */
  networkAccess(): ContainerAccess {
    return {
      list: () => this.list().map((c) => containerView(this.ctx, c)),
      find: (ref) => {
        const f = this.find(ref);
        return f.ok ? ok(containerView(this.ctx, f.value)) : f;
      },
    };
  }

  /** Exit code of a container, also after `--rm` removed it (for the attached `docker run`). */
  exitCodeOf(id: string): number {
    return this.ctx.containers.get(id)?.state.ExitCode ?? this.ctx.removedExitCodes.get(id) ?? 0;
  }

  // ---------------------------------------------------------------- create

  create(o: CreateOptions): Result<Container> {
    const image = this.images().get(o.image);
    if (!image) return err(engineError('containers.no-image', `No such image: ${familiarRef(o.image)}`));
    let name = o.name;
    if (name !== undefined && name !== '') {
      if (!VALID_NAME.test(name)) return err(engineError('containers.bad-name', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`));
      name = name.replace(/^\//, '');
      const other = this.get(name);
      if (other && other.name === name) return err(this.nameConflict(name, other.id));
    } else {
      name = randomName(this.env.random);
      for (let retry = 1; this.get(name); retry++) name = randomName(this.env.random, retry);
    }
    // `--network container:NAME`: the other container's network namespace (its address, hostname and localhost).
    const owner = o.network?.startsWith('container:') ? o.network.slice('container:'.length) : null;
    const ownerC = owner === null ? undefined : this.get(owner);
    if (owner !== null) {
      // moby runconfig (validateNetContainerMode), then the daemon's lookup of the container.
      if (o.hostname) return err(engineError('containers.conflict', 'conflicting options: hostname and the network mode'));
      if (o.publish.length || o.publishAll) return err(engineError('containers.conflict', 'conflicting options: port publishing and the container type network mode'));
      if (o.expose?.length) return err(engineError('containers.conflict', 'conflicting options: port exposing and the container type network mode'));
      if (!ownerC) return err(engineError('containers.no-such', `No such container: ${owner}`));
    }
    const r = newContainer(this.env, image, name, ownerC ? { ...o, network: `container:${ownerC.id}`, hostname: ownerC.config.Hostname } : o);
    if (!r.ok) return r;
    // The endpoint on `--network`'s network; one that does not exist fails at start, as in Docker.
    const eps = endpointsOf(r.value);
    const net = this.ctx.networks()?.get(r.value.hostConfig.NetworkMode);
    for (const [k, ep] of Object.entries(eps)) {
      if (net && k === net.Name) ep.NetworkID = net.Id;
      if (o.networkAliases?.length && k !== 'bridge') ep.Aliases = [...o.networkAliases];
    }
    const mounts = mountPointsFor(this.ctx, o.mounts ?? [], Object.keys(r.value.config.Volumes ?? {}));
    if (!mounts.ok) return mounts;
    r.value.mounts = mounts.value;
    this.ctx.containers.set(r.value.id, r.value);
    this.changed();
    return r;
  }

  nameConflict(name: string, id: string) {
    return engineError('containers.name-conflict', `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }

  // ---------------------------------------------------------------- start

  /** The environment Docker gives the process: PATH, HOSTNAME, TERM (tty), the config's Env, then HOME. */
  processEnv(c: Container, extra: string[] = [], tty = c.config.Tty): Record<string, string> {
    return processEnv(c, () => this.fs(c), extra, tty);
  }

  /** Starts a created or exited container. */
  async start(ref: string, opts: { onOutput?: (e: OutputEvent) => void; at?: number } = {}): Promise<Result<Container, ContainerError>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    if (this.isRunning(c)) return ok(c);
    if (opts.at === undefined) {
      c.manuallyStopped = false;
      c.backoff = 0;
    }
    c.restartAt = undefined;
    const host = this.ctx.host();
    if (!host) return err(engineError('containers.no-runtime', 'failed to create task for container: the sandbox runtime is not available'));
    const network = joinNetworks(this.ctx, c);
    if (!network.ok) {
      // moby's containerStart: the error is kept on the container, with exit status 128 when none was set.
      c.state = { ...c.state, Error: network.error.message, ExitCode: c.state.ExitCode || 128 };
      this.changed();
      return network;
    }
    const ownerId = networkOwnerId(c);
    const owner = ownerId === undefined ? undefined : this.ctx.containers.get(ownerId);
    if (ownerId !== undefined && (!owner || !this.isRunning(owner))) {
      // moby daemon/container_operations.go getNetworkedContainer
      const e = owner ? engineError('containers.conflict', `cannot join network of a non running container: ${ownerId}`) : engineError('containers.no-such', `No such container: ${ownerId}`);
      c.state = { ...c.state, Error: e.message, ExitCode: c.state.ExitCode || 128 };
      this.changed();
      return err(e);
    }
    const ports = allocatePorts(this.ctx, c);
    if (!ports.ok) return ports;
    const prepared = await prepareMounts(this.ctx, c);
    if (!prepared.ok) {
      c.state = { ...c.state, Error: prepared.error.message, ExitCode: c.state.ExitCode || 128 };
      this.changed();
      return prepared;
    }
    const now = opts.at ?? this.now();
    const fs = this.fs(c);
    const cwd = c.config.WorkingDir || '/';
    if (cwd !== '/' && !fs.exists(cwd)) {
      try {
        fs.mkdirp(cwd);
      } catch {
        // a file is in the way; the process will fail to chdir
      }
    }
    const spec: ProcessSpecData = {
      argv: [c.path, ...c.args],
      env: this.processEnv(c),
      cwd,
      hostname: c.config.Hostname,
      user: c.config.User || undefined,
      tty: c.config.Tty,
      interactive: c.config.OpenStdin,
      startTime: now,
      seed: parseInt(c.id.slice(0, 8), 16),
      pid: 1,
      ipAddress: owner ? ipAddressOf(this.ctx, owner) : network.value,
      ...limitsOf(c),
    };
    const spawned = main.spawnMain(this.ctx, c, spec, false);
    if (!spawned.ok) {
      c.state = { ...c.state, Status: c.state.StartedAt ? 'exited' : 'created', ExitCode: spawned.error.exitCode, Error: this.ociError(spawned.error) };
      this.changed();
      return err({ ...engineError(spawned.error.code, this.ociError(spawned.error)), exitCode: spawned.error.exitCode });
    }
    c.hostConfig.PortBindings = c.hostConfig.PortBindings.length || c.hostConfig.PublishAllPorts ? ports.value : c.hostConfig.PortBindings;
    c.spec = spec;
    c.inputs = [];
    c.logs = c.state.StartedAt ? c.logs : [];
    c.appliedUntil = now;
    c.state = { Status: 'running', Pid: 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000), ExitCode: 0, Error: '', StartedAt: now, FinishedAt: 0, OOMKilled: false };
    c.health = initialHealth(c, now);
    if (opts.onOutput) spawned.value.listeners.add(opts.onOutput);
    this.changed();
    // Let the program run up to now (hello-world prints and exits at once).
    await this.settle(c);
    return ok(c);
  }

  /** Docker 28's wording for a process that cannot start. */
  ociError(e: SpawnError): string {
    return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${e.message}: unknown`;
  }

  // ---------------------------------------------------------------- time

  /** Restarts containers whose restart delay has passed (each from its own restart time, for determinism). */
  private async restartDue(to: number): Promise<void> {
    for (let guard = 0; guard < 1000; guard++) {
      const due = this.list().filter((c) => c.state.Status === 'restarting' && (c.restartAt ?? 0) <= to);
      if (!due.length) return;
      for (const c of due) {
        const at = c.restartAt ?? to;
        c.restartCount++;
        const r = await this.start(c.id, { at });
        if (!r.ok) c.state = { ...c.state, Status: 'exited' };
        else await this.settle(c, to);
      }
    }
  }

  /** Advances one running container to the clock's now. */
  private async settle(c: Container, to = this.now()): Promise<void> {
    // Host files edited since a bind mount was read (the workspace) are seen from now on.
    if (this.ctx.binds.has(c.id)) await loadBinds(this.ctx, c);
    return main.settle(this.ctx, c, to);
  }

  /** Advances one container to the clock's now (session targets). */
  settleOne(c: Container): Promise<void> {
    return this.settle(c);
  }

  clockNow(): number {
    return this.now();
  }

  /** Advances every running container to `clock.now()`. Commands call this first. */
  async sync(): Promise<void> {
    for (const c of this.list()) if (this.isRunning(c)) await this.settle(c);
    await this.restartDue(this.now());
    for (const w of [...this.tickWaiters]) w();
    this.changed();
  }

  /** Hosts (and tests) call this when time has passed; foreground commands wake up from `waitTick`. */
  advance(): Promise<void> {
    return this.sync();
  }

  /**
   * Keeps running containers live for a UI: every `everyMs` of wall time, advances them to the clock (only while
   * some container is running or restarting). Returns a stop function. The headless CLI does not need it.
   */
  autoAdvance(everyMs = 250, timer = this.timer ?? hostTimer()): () => void {
    if (!timer) return () => {};
    let busy = false;
    return timer(() => {
      if (busy || !this.list().some((c) => this.isRunning(c) || c.state.Status === 'restarting')) return;
      busy = true;
      void this.sync().finally(() => (busy = false));
    }, everyMs);
  }

  /** Resolves at the next `advance()` (or host timer tick). */
  waitTick(ms = 100): Promise<void> {
    return new Promise<void>((resolve) => {
      let cancel: (() => void) | null = null;
      const done = () => {
        this.tickWaiters.delete(done);
        cancel?.();
        resolve();
      };
      this.tickWaiters.add(done);
      const timer = this.timer ?? hostTimer();
      if (timer) cancel = timer(() => void this.sync(), ms);
    });
  }

  // ---------------------------------------------------------------- the main process

  /** Subscribes to a container's live output (attach, logs -f). Returns unsubscribe. */
  onOutput(c: Container, fn: (e: OutputEvent) => void): () => void {
    return main.onOutput(this.ctx, c, fn);
  }

  /** Resolves when the container's main process exits (immediately when not running). */
  waitExit(c: Container): Promise<number> {
    return main.waitExit(this.ctx, c);
  }

  /** Sends stdin to the main process (recorded for replays). */
  writeStdin(c: Container, text: string | null): Promise<void> {
    return main.writeStdin(this.ctx, c, text);
  }

  /** Delivers a signal to the main process (recorded). */
  signal(c: Container, signal: Signal): Promise<void> {
    return main.sendSignal(this.ctx, c, signal);
  }

  // ---------------------------------------------------------------- stop, kill, restart, rm

  /** SIGTERM (or the image's StopSignal), then SIGKILL after `timeoutSec` virtual seconds. */
  async stop(ref: string, timeoutSec?: number, signal?: string): Promise<Result<Container>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    await this.settle(c);
    c.manuallyStopped = true;
    if (c.state.Status === 'restarting') {
      c.state = { ...c.state, Status: 'exited' };
      c.restartAt = undefined;
      this.changed();
    }
    if (!this.isRunning(c)) return ok(c);
    const sig = toSignal(signal ?? c.config.StopSignal ?? 'SIGTERM') ?? 'SIGTERM';
    await this.signal(c, sig);
    if (this.isRunning(c)) {
      const t = timeoutSec ?? c.config.StopTimeout ?? 10;
      const l = this.ctx.live.get(c.id);
      if (l && t > 0) {
        const until = c.appliedUntil + t * 1000;
        await l.proc.advanceTo(until);
        if (this.ctx.live.get(c.id) === l) c.appliedUntil = until;
      }
      if (this.isRunning(c)) await this.signal(c, 'SIGKILL');
    }
    this.changed();
    return ok(c);
  }

  async kill(ref: string, signal = 'SIGKILL'): Promise<Result<Container>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    await this.settle(c);
    const sig = toSignal(signal);
    if (!sig) return err(engineError('containers.bad-signal', `Invalid signal: ${signal}`));
    if (!this.isRunning(c)) return err(engineError('containers.not-running', `cannot kill container: ${ref}: container ${c.id} is not running`));
    if (sig === 'SIGKILL' || sig === 'SIGTERM' || sig === 'SIGINT') c.manuallyStopped = true;
    await this.signal(c, sig);
    return ok(c);
  }

  async restart(ref: string, timeoutSec?: number): Promise<Result<Container, ContainerError>> {
    const s = await this.stop(ref, timeoutSec);
    if (!s.ok) return s;
    s.value.restartCount = 0;
    return this.start(s.value.id);
  }

  /** Resolves once every write processes made in bind-mounted folders reached the host. */
  flushHostWrites(): Promise<void> {
    return flushBinds(this.ctx);
  }

  /** `docker rm` (`force` kills a running container first; `volumes`, `-v`, removes its anonymous volumes). */
  async remove(ref: string, force = false, volumes = false): Promise<Result<Container>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    await this.settle(c);
    if (this.isRunning(c) || c.state.Status === 'restarting') {
      if (!force) {
        const state = c.state.Status === 'paused' ? 'paused and must be unpaused first' : `${c.state.Status}: stop the container before removing or force remove`;
        return err(engineError('containers.running', `cannot remove container "/${c.name}": container is ${state}`));
      }
      const l = this.ctx.live.get(c.id);
      if (l) {
        this.ctx.live.delete(c.id);
        l.proc.dispose();
      }
      c.state = { ...c.state, Status: 'exited', ExitCode: 137, FinishedAt: this.now(), Pid: 0 };
    }
    this.ctx.containers.delete(c.id);
    this.ctx.mountSets.delete(c.id);
    this.ctx.binds.delete(c.id);
    if (volumes) removeAnonymousVolumes(this.ctx, c);
    this.changed();
    return ok(c);
  }

  rename(ref: string, newName: string): Result<Container> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    const name = newName.replace(/^\//, '');
    if (!VALID_NAME.test(name)) return err(engineError('containers.bad-name', `Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`));
    if (name === c.name) return err(engineError('containers.rename-same', 'Renaming a container with the same name as its current name'));
    const other = this.get(name);
    if (other && other.name === name) return err(this.nameConflict(name, other.id));
    c.name = name;
    this.changed();
    return ok(c);
  }

  /** `docker container prune`: removes stopped containers; returns their IDs and the space freed. */
  prune(): { ids: string[]; reclaimed: number } {
    const ids: string[] = [];
    let reclaimed = 0;
    for (const c of this.list()) {
      if (this.isRunning(c)) continue;
      reclaimed += this.sizeRw(c);
      ids.push(c.id);
      this.ctx.containers.delete(c.id);
      this.ctx.mountSets.delete(c.id);
    }
    if (ids.length) this.changed();
    return { ids, reclaimed };
  }

  // ---------------------------------------------------------------- exec, http, commit, diff, snapshot

  /**
   * Starts a process in a running container (pid > 1, same filesystem, env = container env + `-e`).
   * Returns the live process; the caller streams its output and feeds its stdin.
   */
  async exec(ref: string, o: ExecOptions): Promise<Result<SandboxProcess, ContainerError>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    await this.settle(f.value);
    return execIn(this.ctx, f.value, o);
  }

  /** Sends a request to whatever container publishes `hostPort`. */
  /** Errors carry curl's exit status in `exitCode` (7: nothing listens on the host port, 56: reset). */
  async http(hostPort: number, req: HttpRequest): Promise<Result<HttpResponse, ContainerError>> {
    await this.sync();
    return httpToHostPort(this.ctx, hostPort, req);
  }

  /** `docker commit`: the writable layer on top of the image, with the container's config (+ `changes`). */
  commit(ref: string, o: CommitOptions): Result<ImageRecord> {
    const f = this.find(ref);
    if (!f.ok) return f;
    return commitContainer(this.images(), f.value, o);
  }

  /** `docker diff`: C/A/D lines for the writable layer, parents of changes included (as Docker lists them). */
  diff(c: Container): { kind: 'A' | 'C' | 'D'; path: string }[] {
    return diffContainer(this.images(), c);
  }

  snapshot(): ContainersSnapshot {
    return snapshotContainers(this.ctx.containers.values());
  }

  restore(s: ContainersSnapshot | undefined): void {
    restoreContainers(this.ctx, s);
  }
}

/**
 * The platform's interval timer (browser and Node both have one) when the host injected none. It only paces
 * waiting; virtual time still comes from the injected clock.
 */
function hostTimer(): ((cb: () => void, ms: number) => () => void) | null {
  const g = globalThis as unknown as { setInterval?: (cb: () => void, ms: number) => unknown; clearInterval?: (h: unknown) => void };
  if (typeof g.setInterval !== 'function' || typeof g.clearInterval !== 'function') return null;
  return (cb, ms) => {
    const h = g.setInterval!(cb, ms);
    return () => g.clearInterval!(h);
  };
}
