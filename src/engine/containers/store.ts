/**
 * `engine.containers`: containers as a writable layer on an image's union filesystem, with a main process
 * run by the sandbox runtime on virtual time that follows the engine clock. Lifecycle (create, start, stop,
 * kill, restart, rm, rename, commit, prune), exec, published ports and `engine.http`, logs, and the
 * snapshot slice. Errors are values whose messages are the daemon's words.
 *
 * Time: every command first calls `sync()`, which advances each running process to `clock.now()`. A fresh
 * engine restored from a snapshot (each headless CLI call) re-spawns running containers from their recorded
 * start and replays recorded inputs (the runtime's replay contract), skipping writes and logs already applied.
 */
import { engineError, err, ok, type EngineError, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { Layer } from '../fs/layer';
import { layerFromJSON, layerToJSON, type LayerJSON } from '../fs/serialize';
import { UnionFs } from '../fs/union';
import { envGet, type ContainerConfig as ImageContainerConfig } from '../images/config';
import { familiarRef } from '../images/reference';
import type { ImageRecord, ImageStore } from '../images/store';
import type { ExitEvent, HttpRequest, HttpResponse, OutputEvent, SandboxHost, SandboxProcess, Signal, SpawnError } from '../runtime/process';
import { InProcessHost } from '../runtime/in-process-host';
import { randomId, randomName, VALID_NAME } from './names';
import { parsePortSpec, type PortBinding } from './ports';
import { etcHostsText } from './etc-hosts';
import { unionProcessFs, type Mounts } from '../fs/process-fs';
import { sanitizeContainer } from './validate';
import type { Container, ContainerConfig, LogEntry, ProcessInput, ProcessSpecData } from './types';

export const DEFAULT_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const MAX_LOG_ENTRIES = 5000;

export interface CreateOptions {
  /** The image as typed. */
  image: string;
  name?: string;
  /** Arguments after the image (the command). */
  cmd: string[];
  /** `--entrypoint` (undefined when not given; "" resets the image's). */
  entrypoint?: string;
  /** `-e` values and `--env-file` lines, in order ("K=V"; a bare "K" is dropped: Layerlab never reads the host's env). */
  env: string[];
  workdir?: string;
  hostname?: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
  /** `-p` values. */
  publish: string[];
  publishAll: boolean;
  autoRemove: boolean;
  restart?: string;
  labels?: Record<string, string>;
  /** `--network` (default: the default bridge network). */
  network?: string;
  expose?: string[];
  stopSignal?: string;
  stopTimeout?: number;
  /** Set by run: stdin/stdout attached. */
  attach?: boolean;
}

export interface ExecOptions {
  cmd: string[];
  env: string[];
  workdir?: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
}

interface Live {
  proc: SandboxProcess;
  /** True while a restored process is re-run up to `appliedUntil`: its writes and output were already applied. */
  replaying: boolean;
  listeners: Set<(e: OutputEvent) => void>;
  exitListeners: Set<(e: ExitEvent) => void>;
}

export interface ContainersSnapshot {
  containers: (Omit<Container, 'upper'> & { upper: LayerJSON })[];
}

export type SandboxProvider = () => SandboxHost | null;

/** A daemon error; `exitCode` is set when Docker reports a specific status (127 for a missing command). */
export type ContainerError = EngineError & { exitCode?: number };

/** Errors with Docker's texts. */
const E = {
  noSuch: (ref: string) => engineError('containers.no-such', `No such container: ${ref}`),
  notRunning: (id: string) => engineError('containers.not-running', `container ${id} is not running`),
};

export class ContainerStore {
  private containers = new Map<string, Container>();
  private live = new Map<string, Live>();
  private execSeq = 0;
  private removedExitCodes = new Map<string, number>();
  private tickWaiters = new Set<() => void>();
  /** Set by hosts: a repeating timer used while a foreground command waits for time to pass. */
  timer: ((cb: () => void, ms: number) => () => void) | null = null;

  private fallbackHost: SandboxHost | null = null;
  private host: SandboxProvider;

  /** `host` gives the sandbox (engine.sandbox); when it gives none, an in-process host is used. */
  constructor(
    private env: EngineEnv,
    private images: () => ImageStore,
    host: SandboxProvider,
    private changed: () => void = () => {},
  ) {
    this.host = () => host() ?? (this.fallbackHost ??= new InProcessHost());
  }

  private now(): number {
    return this.env.clock.now();
  }

  // ---------------------------------------------------------------- lookups

  /** Newest first (like `docker ps`). */
  list(): Container[] {
    // Newest first; containers created in the same millisecond keep creation order (later first).
    return [...this.containers.values()].reverse().sort((a, b) => b.created - a.created);
  }

  /** By full ID, name (with or without "/"), or unique ID prefix. */
  get(ref: string): Container | undefined {
    if (!ref) return undefined;
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    if (/^[0-9a-f]+$/.test(ref)) {
      const m = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
      if (m.length === 1) return m[0];
    }
    return undefined;
  }

  /** Like `get`, with Docker's "No such container" / ambiguity errors. */
  find(ref: string): Result<Container> {
    const c = this.get(ref);
    if (c) return ok(c);
    if (/^[0-9a-f]+$/.test(ref) && [...this.containers.values()].filter((x) => x.id.startsWith(ref)).length > 1) {
      return err(engineError('containers.ambiguous', `multiple IDs found with provided prefix: ${ref}`));
    }
    return err(E.noSuch(ref));
  }

  /** Containers using an image (for `docker rmi` conflicts and `system df`). */
  usersOf(imageId: string): { id: string; running: boolean }[] {
    return this.list()
      .filter((c) => c.imageId === imageId)
      .map((c) => ({ id: c.id, running: c.state.Status === 'running' || c.state.Status === 'paused' || c.state.Status === 'restarting' }));
  }

  /** Union view of a container's filesystem (image layers + its writable layer). */
  fs(c: Container): UnionFs {
    const img = this.images();
    return new UnionFs(img.layers(c.imageId), c.upper, () => this.now());
  }

  /** The files Docker mounts into a container (process-fs.ts `Mounts`), one set per container while the engine runs. */
  private mountSets = new Map<string, Mounts>();
  private mounts(c: Container, spec: ProcessSpecData | undefined = c.spec, fresh = false): Mounts {
    let m = this.mountSets.get(c.id);
    const hostname = c.config.Hostname || c.id.slice(0, 12);
    if (!m) {
      m = new Map([['/etc/hostname', { data: new TextEncoder().encode(`${hostname}\n`), mtime: c.created }]]);
      this.mountSets.set(c.id, m);
    }
    // Docker rebuilds /etc/hosts at every start, with the address the container got for that run.
    if (spec && (fresh || !m.has('/etc/hosts'))) {
      const ip = spec.ipAddress || this.ipAddressOf(c);
      m.set('/etc/hosts', { data: new TextEncoder().encode(etcHostsText(hostname, c.config.Domainname, ip)), mtime: spec.startTime });
    }
    return m;
  }

  /** Size of the writable layer in bytes (`docker ps -s`). */
  sizeRw(c: Container): number {
    let s = 0;
    for (const e of c.upper.entries.values()) if (e.type === 'file' || e.type === 'symlink') s += e.size;
    return s;
  }

  isRunning(c: Container): boolean {
    return c.state.Status === 'running' || c.state.Status === 'paused';
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
    const bindings: PortBinding[] = [];
    for (const p of o.publish) {
      const r = parsePortSpec(p);
      if (!r.ok) return r;
      bindings.push(...r.value);
    }
    const ic: ImageContainerConfig = image.config.config ?? {};
    let entrypoint: string[] | null = ic.Entrypoint ?? null;
    let cmd: string[] | null = ic.Cmd ?? null;
    if (o.entrypoint !== undefined) {
      entrypoint = o.entrypoint === '' ? null : [o.entrypoint];
      cmd = null;
    }
    if (o.cmd.length) cmd = [...o.cmd];
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    if (argv.length === 0) return err(engineError('containers.no-command', 'no command specified'));
    const id = randomId(this.env.random);
    const env = [...(ic.Env ?? [])];
    for (const kv of o.env) {
      const eq = kv.indexOf('=');
      if (eq <= 0) continue;
      const k = kv.slice(0, eq);
      const i = env.findIndex((e) => e === k || e.startsWith(k + '='));
      if (i >= 0) env[i] = kv;
      else env.push(kv);
    }
    const exposed: Record<string, Record<string, never>> = { ...(ic.ExposedPorts ?? {}) };
    for (const b of bindings) exposed[b.containerPort] = {};
    for (const e of o.expose ?? []) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
    const config: ContainerConfig = {
      Hostname: o.hostname || id.slice(0, 12),
      Domainname: '',
      User: o.user ?? ic.User ?? '',
      AttachStdin: !!o.attach && o.interactive,
      AttachStdout: !!o.attach,
      AttachStderr: !!o.attach,
      ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
      Tty: o.tty,
      OpenStdin: o.interactive,
      StdinOnce: !!o.attach && o.interactive,
      Env: env,
      Cmd: cmd,
      Image: o.image,
      Volumes: null,
      WorkingDir: o.workdir ?? ic.WorkingDir ?? '',
      Entrypoint: entrypoint,
      OnBuild: null,
      Labels: { ...(ic.Labels ?? {}), ...(o.labels ?? {}) },
      StopSignal: o.stopSignal ?? ic.StopSignal,
      StopTimeout: o.stopTimeout,
    };
    const [restartName, retries] = (o.restart ?? 'no').split(':');
    const c: Container = {
      id,
      name,
      created: this.now(),
      imageId: image.id,
      path: argv[0],
      args: argv.slice(1),
      config,
      hostConfig: {
        AutoRemove: o.autoRemove,
        NetworkMode: o.network || 'bridge',
        PortBindings: bindings,
        PublishAllPorts: o.publishAll,
        RestartPolicy: { Name: restartName || 'no', MaximumRetryCount: Number(retries ?? 0) || 0 },
      },
      state: { Status: 'created', Pid: 0, ExitCode: 0, Error: '', StartedAt: 0, FinishedAt: 0, OOMKilled: false },
      logs: [],
      upper: new Layer(),
      inputs: [],
      appliedUntil: 0,
      restartCount: 0,
    };
    this.containers.set(id, c);
    this.changed();
    return ok(c);
  }

  nameConflict(name: string, id: string) {
    return engineError('containers.name-conflict', `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }

  // ---------------------------------------------------------------- start

  private allocatePorts(c: Container): Result<PortBinding[]> {
    const used = new Set<number>();
    for (const o of this.containers.values()) {
      if (o.id === c.id || !this.isRunning(o)) continue;
      for (const b of o.hostConfig.PortBindings) used.add(b.hostPort);
    }
    const out: PortBinding[] = [];
    const wanted = [...c.hostConfig.PortBindings];
    if (c.hostConfig.PublishAllPorts) {
      for (const p of Object.keys(c.config.ExposedPorts ?? {})) if (!wanted.some((b) => b.containerPort === p)) wanted.push({ containerPort: p, hostIp: '', hostPort: 0 });
    }
    let next = 32768;
    for (const b of wanted) {
      if (b.hostPort === 0) {
        while (used.has(next)) next++;
        out.push({ ...b, hostPort: next });
        used.add(next);
        continue;
      }
      if (b.hostPortEnd !== undefined) {
        let port = b.hostPort;
        while (port <= b.hostPortEnd && used.has(port)) port++;
        if (port > b.hostPortEnd) {
          const ep = this.env.sha256(`endpoint:${c.id}`);
          return err(engineError('containers.port-allocated', `driver failed programming external connectivity on endpoint ${c.name} (${ep}): Bind for ${b.hostIp || '0.0.0.0'}:${b.hostPort}-${b.hostPortEnd} failed: port is already allocated`));
        }
        out.push({ containerPort: b.containerPort, hostIp: b.hostIp, hostPort: port });
        used.add(port);
        continue;
      }
      if (used.has(b.hostPort)) {
        const ep = this.env.sha256(`endpoint:${c.id}`);
        return err(engineError('containers.port-allocated', `driver failed programming external connectivity on endpoint ${c.name} (${ep}): Bind for ${b.hostIp || '0.0.0.0'}:${b.hostPort} failed: port is already allocated`));
      }
      used.add(b.hostPort);
      out.push(b);
    }
    return ok(out);
  }

  /** The environment Docker gives the process: PATH, HOSTNAME, TERM (tty), the config's Env, then HOME. */
  processEnv(c: Container, extra: string[] = [], tty = c.config.Tty): Record<string, string> {
    const list = [DEFAULT_PATH_ENV, `HOSTNAME=${c.config.Hostname}`];
    if (tty) list.push('TERM=xterm');
    const merge = (kv: string) => {
      const eq = kv.indexOf('=');
      if (eq <= 0) return;
      const k = kv.slice(0, eq);
      const i = list.findIndex((e) => e.startsWith(k + '='));
      if (i >= 0) list[i] = kv;
      else list.push(kv);
    };
    for (const kv of c.config.Env) merge(kv);
    for (const kv of extra) merge(kv);
    const env: Record<string, string> = {};
    for (const kv of list) {
      const eq = kv.indexOf('=');
      env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    if (env.HOME === undefined) env.HOME = this.homeOf(c, c.config.User);
    return env;
  }

  private homeOf(c: Container, user: string): string {
    const name = user.split(':')[0];
    if (!name || name === 'root' || name === '0') return '/root';
    try {
      const passwd = this.fs(c).readText('/etc/passwd');
      for (const line of passwd.split('\n')) {
        const f = line.split(':');
        if (f[0] === name || f[2] === name) return f[5] || '/';
      }
    } catch {
      // no /etc/passwd
    }
    return '/';
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
    const host = this.host();
    if (!host) return err(engineError('containers.no-runtime', 'failed to create task for container: the sandbox runtime is not available'));
    const network = networkError(c.hostConfig.NetworkMode);
    if (network) {
      // moby's containerStart: the error is kept on the container, with exit status 128 when none was set.
      c.state = { ...c.state, Error: network.message, ExitCode: c.state.ExitCode || 128 };
      this.changed();
      return err(network);
    }
    const ports = this.allocatePorts(c);
    if (!ports.ok) return ports;
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
      ipAddress: this.freeAddress(c),
    };
    const spawned = this.spawnMain(c, spec, false);
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
    if (opts.onOutput) spawned.value.listeners.add(opts.onOutput);
    this.changed();
    // Let the program run up to now (hello-world prints and exits at once).
    await this.settle(c);
    return ok(c);
  }

  /**
   * The lowest free address on Docker's default bridge (172.17.0.1 is the gateway): 172.17.0.2 for the first
   * running container, and so on. Kept for the whole run (inspect NetworkSettings, ifconfig, os.networkInterfaces).
   */
  private freeAddress(c: Container): string {
    const used = new Set(this.list().filter((x) => x.id !== c.id && this.isRunning(x)).map((x) => this.ipAddressOf(x)));
    let n = 2;
    while (used.has(`172.17.0.${n}`) && n < 254) n++;
    return `172.17.0.${n}`;
  }

  /** The address of a running container ('' when it is not running). Older snapshots without one: by start order. */
  ipAddressOf(c: Container): string {
    if (!this.isRunning(c)) return '';
    if (c.spec?.ipAddress) return c.spec.ipAddress;
    const order = this.list()
      .filter((x) => this.isRunning(x))
      .sort((a, b) => a.state.StartedAt - b.state.StartedAt || a.created - b.created);
    return `172.17.0.${Math.max(0, order.findIndex((x) => x.id === c.id)) + 2}`;
  }

  /** Docker 28's wording for a process that cannot start. */
  ociError(e: SpawnError): string {
    return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${e.message}: unknown`;
  }

  private spawnMain(c: Container, spec: ProcessSpecData, replaying: boolean): Result<Live, SpawnError> {
    const host = this.host();
    if (!host) return err({ code: 'runtime.not-found', message: 'no sandbox runtime', exitCode: 127 });
    let live: Live | null = null;
    const guard = { skipWrites: () => !!live && live.replaying };
    const r = host.spawn({ ...spec, fs: unionProcessFs(this.fs(c), guard, this.mounts(c, spec, !replaying)) });
    if (!r.ok) return r;
    const proc = r.value;
    live = { proc, replaying, listeners: new Set(), exitListeners: new Set() };
    const l = live;
    this.live.set(c.id, l);
    proc.onOutput((e) => {
      if (l.replaying) return;
      this.appendLog(c, { stream: e.stream, text: e.text, time: e.time });
      for (const fn of l.listeners) fn(e);
    });
    proc.onExit((e) => {
      this.onExit(c, l, e);
    });
    return ok(l);
  }

  private appendLog(c: Container, e: LogEntry): void {
    const last = c.logs[c.logs.length - 1];
    if (last && last.stream === e.stream && last.time === e.time && !last.text.endsWith('\n')) last.text += e.text;
    else c.logs.push(e);
    if (c.logs.length > MAX_LOG_ENTRIES) c.logs.splice(0, c.logs.length - MAX_LOG_ENTRIES);
  }

  private onExit(c: Container, l: Live, e: ExitEvent): void {
    if (this.live.get(c.id) !== l) return;
    this.live.delete(c.id);
    // A runaway program stopped by the CPU watchdog exits 137 like a SIGKILL; State.Error says why (Layerlab-only).
    c.state = { ...c.state, Status: 'exited', Pid: 0, ExitCode: e.code, FinishedAt: e.time, OOMKilled: e.reason === 'oom', Error: e.reason === 'error' || e.reason === 'cpu-limit' ? (e.message ?? '') : '' };
    c.appliedUntil = Math.max(c.appliedUntil, e.time);
    if (this.shouldRestart(c, e.code)) {
      // Docker's backoff: 100 ms, doubling, at most a minute; reset after a run of 10 s or more.
      c.backoff = e.time - c.state.StartedAt >= 10_000 ? 0 : (c.backoff ?? 0) + 1;
      c.restartAt = e.time + Math.min(60_000, 100 * 2 ** Math.max(0, (c.backoff ?? 1) - 1));
      c.state.Status = 'restarting';
    }
    for (const fn of l.exitListeners) fn(e);
    l.proc.dispose();
    if (c.hostConfig.AutoRemove && c.state.Status !== 'restarting') {
      this.removedExitCodes.set(c.id, e.code);
      this.containers.delete(c.id);
      this.mountSets.delete(c.id);
    }
    this.changed();
  }

  /** Exit code of a container, also after `--rm` removed it (for the attached `docker run`). */
  exitCodeOf(id: string): number {
    return this.containers.get(id)?.state.ExitCode ?? this.removedExitCodes.get(id) ?? 0;
  }

  /** Restart policies: always / unless-stopped (not after docker stop), on-failure[:max] (non-zero exits). */
  private shouldRestart(c: Container, code: number): boolean {
    if (c.manuallyStopped) return false;
    const p = c.hostConfig.RestartPolicy;
    switch (p.Name) {
      case 'always':
      case 'unless-stopped':
        return true;
      case 'on-failure':
        return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
      default:
        return false;
    }
  }

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

  /** Makes sure a running container has a live process (re-spawning and replaying it after a restore). */
  private async ensureLive(c: Container): Promise<Live | null> {
    const have = this.live.get(c.id);
    if (have) return have;
    if (!this.isRunning(c) || !c.spec) return null;
    const r = this.spawnMain(c, c.spec, true);
    if (!r.ok) {
      c.state = { ...c.state, Status: 'exited', ExitCode: r.error.exitCode, FinishedAt: c.appliedUntil, Error: r.error.message };
      return null;
    }
    const l = r.value;
    for (const input of c.inputs) {
      if (this.live.get(c.id) !== l) break;
      await l.proc.advanceTo(input.time);
      await this.applyInput(l.proc, input).catch(() => undefined);
    }
    if (this.live.get(c.id) === l) await l.proc.advanceTo(c.appliedUntil);
    l.replaying = false;
    return this.live.get(c.id) === l ? l : null;
  }

  private async applyInput(proc: SandboxProcess, i: ProcessInput): Promise<unknown> {
    switch (i.kind) {
      case 'stdin':
        proc.write(i.data ?? '');
        return;
      case 'close':
        proc.closeStdin();
        return;
      case 'signal':
        return proc.kill(i.signal);
      case 'http': {
        const p = proc.httpRequest(i.port ?? 80, i.req ?? { method: 'GET', path: '/' });
        p.catch(() => undefined);
        return;
      }
    }
  }

  /** Advances one running container to the clock's now. */
  private async settle(c: Container, to = this.now()): Promise<void> {
    const l = await this.ensureLive(c);
    if (!l) return;
    await l.proc.advanceTo(Math.max(to, c.appliedUntil));
    if (this.live.get(c.id) === l) c.appliedUntil = Math.max(c.appliedUntil, to);
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

  /** Subscribes to a container's live output (attach, logs -f). Returns unsubscribe. */
  onOutput(c: Container, fn: (e: OutputEvent) => void): () => void {
    const l = this.live.get(c.id);
    if (!l) return () => {};
    l.listeners.add(fn);
    return () => l.listeners.delete(fn);
  }

  /** Resolves when the container's main process exits (immediately when not running). */
  waitExit(c: Container): Promise<number> {
    const l = this.live.get(c.id);
    if (!l) return Promise.resolve(c.state.ExitCode);
    return new Promise((resolve) => l.exitListeners.add((e) => resolve(e.code)));
  }

  /** Sends stdin to the main process (recorded for replays). */
  async writeStdin(c: Container, text: string | null): Promise<void> {
    const l = await this.ensureLive(c);
    if (!l) return;
    const input: ProcessInput = text === null ? { time: c.appliedUntil, kind: 'close' } : { time: c.appliedUntil, kind: 'stdin', data: text };
    c.inputs.push(input);
    await this.applyInput(l.proc, input);
    await this.settle(c);
  }

  /** Delivers a signal to the main process (recorded). */
  async signal(c: Container, signal: Signal): Promise<void> {
    const l = await this.ensureLive(c);
    if (!l) return;
    const input: ProcessInput = { time: c.appliedUntil, kind: 'signal', signal };
    c.inputs.push(input);
    await l.proc.kill(signal);
    await this.settle(c);
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
      const l = this.live.get(c.id);
      if (l && t > 0) {
        const until = c.appliedUntil + t * 1000;
        await l.proc.advanceTo(until);
        if (this.live.get(c.id) === l) c.appliedUntil = until;
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

  /** `docker rm` (`force` kills a running container first). */
  async remove(ref: string, force = false): Promise<Result<Container>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    await this.settle(c);
    if (this.isRunning(c) || c.state.Status === 'restarting') {
      if (!force) {
        const state = c.state.Status === 'paused' ? 'paused and must be unpaused first' : `${c.state.Status}: stop the container before removing or force remove`;
        return err(engineError('containers.running', `cannot remove container "/${c.name}": container is ${state}`));
      }
      const l = this.live.get(c.id);
      if (l) {
        this.live.delete(c.id);
        l.proc.dispose();
      }
      c.state = { ...c.state, Status: 'exited', ExitCode: 137, FinishedAt: this.now(), Pid: 0 };
    }
    this.containers.delete(c.id);
    this.mountSets.delete(c.id);
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
      this.containers.delete(c.id);
      this.mountSets.delete(c.id);
    }
    if (ids.length) this.changed();
    return { ids, reclaimed };
  }

  // ---------------------------------------------------------------- exec

  /**
   * Starts a process in a running container (pid > 1, same filesystem, env = container env + `-e`).
   * Returns the live process; the caller streams its output and feeds its stdin.
   */
  async exec(ref: string, o: ExecOptions): Promise<Result<SandboxProcess, ContainerError>> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    await this.settle(c);
    if (!this.isRunning(c)) return err(E.notRunning(c.id));
    if (c.state.Status === 'paused') return err(engineError('containers.paused', `Container ${c.id} is paused, unpause the container before exec`));
    const host = this.host();
    if (!host) return err(engineError('containers.no-runtime', 'the sandbox runtime is not available'));
    const user = o.user ?? c.config.User;
    const env = this.processEnv(c, o.env, o.tty);
    if (o.user !== undefined) env.HOME = this.homeOf(c, o.user);
    const r = host.spawn({
      argv: o.cmd,
      env,
      cwd: o.workdir || c.config.WorkingDir || '/',
      hostname: c.config.Hostname,
      user: user || undefined,
      tty: o.tty,
      interactive: o.interactive,
      fs: unionProcessFs(this.fs(c), undefined, this.mounts(c)),
      startTime: this.now(),
      seed: parseInt(c.id.slice(8, 16), 16) + ++this.execSeq,
      pid: 7 + this.execSeq * 6,
      // `ps` in the exec shows the container's main process as pid 1.
      peers: [{ pid: 1, command: [c.path, ...c.args].join(' ') }],
      ipAddress: this.ipAddressOf(c),
    });
    if (!r.ok) {
      // moby writes exec start errors into the attached stream (stdout, "\r\n") and sets 127 / 126.
      return err({ code: r.error.code, message: `OCI runtime exec failed: exec failed: unable to start container process: ${r.error.message}: unknown`, exitCode: r.error.exitCode === 127 ? 127 : 126 });
    }
    return ok(r.value);
  }

  // ---------------------------------------------------------------- http

  /** Sends a request to whatever container publishes `hostPort`. */
  /** Errors carry curl's exit status in `exitCode` (7: nothing listens on the host port, 56: reset). */
  async http(hostPort: number, req: HttpRequest): Promise<Result<HttpResponse, ContainerError>> {
    await this.sync();
    const c = this.list().find((x) => this.isRunning(x) && x.hostConfig.PortBindings.some((b) => b.hostPort === hostPort));
    if (!c) return err(engineError('http.refused', `Failed to connect to localhost port ${hostPort} after 0 ms: Couldn't connect to server`, { exitCode: 7 } as Partial<EngineError>));
    const b = c.hostConfig.PortBindings.find((x) => x.hostPort === hostPort)!;
    const port = Number(b.containerPort.split('/')[0]);
    const l = await this.ensureLive(c);
    if (!l) return err(engineError('http.reset', 'Recv failure: Connection reset by peer', { exitCode: 56 } as Partial<EngineError>));
    if (!l.proc.listeningPorts().includes(port)) return err(engineError('http.reset', 'Recv failure: Connection reset by peer', { exitCode: 56 } as Partial<EngineError>));
    const input: ProcessInput = { time: c.appliedUntil, kind: 'http', port, req };
    c.inputs.push(input);
    const p = l.proc.httpRequest(port, req);
    let settled = false;
    p.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Let the server handle it: advance in small virtual steps (at most 30 s) until the response arrives.
    let t = c.appliedUntil;
    for (let i = 0; i < 300 && !settled; i++) {
      await l.proc.advanceTo(t);
      await Promise.resolve();
      if (settled) break;
      t += 100;
    }
    try {
      const res = await p;
      return ok(res);
    } catch {
      return err(engineError('http.reset', 'Recv failure: Connection reset by peer', { exitCode: 56 } as Partial<EngineError>));
    }
  }

  // ---------------------------------------------------------------- commit, diff

  /** `docker commit`: the writable layer on top of the image, with the container's config (+ `changes`). */
  commit(
    ref: string,
    o: { repo?: string; author?: string; message?: string; config?: Partial<ImageContainerConfig> },
  ): Result<ImageRecord> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const c = f.value;
    const copy = new Layer(new Map(c.upper.entries));
    const cfg: ImageContainerConfig = {
      User: c.config.User || undefined,
      ExposedPorts: c.config.ExposedPorts,
      Env: [...c.config.Env],
      Entrypoint: c.config.Entrypoint,
      Cmd: c.config.Cmd,
      WorkingDir: c.config.WorkingDir || undefined,
      Labels: Object.keys(c.config.Labels).length ? { ...c.config.Labels } : undefined,
      StopSignal: c.config.StopSignal,
      ...(o.config ?? {}),
    };
    const r = this.images().commit({
      baseId: c.imageId,
      upper: copy,
      config: cfg,
      comment: o.message,
      author: o.author,
      // moby NewChildImage: created_by is the container's Cmd joined by spaces.
      createdBy: (c.config.Cmd ?? []).join(' '),
      ref: o.repo,
    });
    return r;
  }

  /** `docker diff`: C/A/D lines for the writable layer, parents of changes included (as Docker lists them). */
  diff(c: Container): { kind: 'A' | 'C' | 'D'; path: string }[] {
    const lower = new UnionFs(this.images().layers(c.imageId));
    const kinds = new Map<string, 'A' | 'C' | 'D'>();
    for (const ch of c.upper.changes((p) => lower.lookupRaw(p))) {
      if (ch.kind === 'C' && ch.type === 'dir') {
        kinds.set(ch.path, 'C');
        continue;
      }
      kinds.set(ch.path, ch.kind);
    }
    for (const p of [...kinds.keys()]) {
      const parts = p.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) {
        const a = '/' + parts.slice(0, i).join('/');
        if (!kinds.has(a)) kinds.set(a, lower.lookupRaw(a) ? 'C' : 'A');
      }
    }
    return [...kinds]
      .map(([path, kind]) => ({ path, kind }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): ContainersSnapshot {
    return {
      containers: [...this.containers.values()].map((c) => ({ ...c, upper: layerToJSON(c.upper), logs: c.logs.slice(-MAX_LOG_ENTRIES) })),
    };
  }

  restore(s: ContainersSnapshot | undefined): void {
    for (const l of this.live.values()) l.proc.dispose();
    this.live.clear();
    this.containers.clear();
    const list: unknown[] = s && typeof s === 'object' && Array.isArray(s.containers) ? s.containers : [];
    const names = new Set<string>();
    for (const raw of list) {
      // A private, validated copy: the snapshot may be damaged, or restored again elsewhere.
      let j: ReturnType<typeof sanitizeContainer>;
      let upper: Layer;
      try {
        j = sanitizeContainer(JSON.parse(JSON.stringify(raw)));
        if (!j) continue;
        upper = layerFromJSON(j.upper);
      } catch {
        continue;
      }
      // Writable again: a restored layer must accept the container's further writes.
      upper.sealed = false;
      if (this.containers.has(j.id) || names.has(j.name)) continue;
      names.add(j.name);
      this.containers.set(j.id, { ...j, upper });
    }
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

const SIGNALS: Record<string, Signal> = {
  HUP: 'SIGHUP', INT: 'SIGINT', QUIT: 'SIGQUIT', KILL: 'SIGKILL', USR1: 'SIGUSR1', USR2: 'SIGUSR2', TERM: 'SIGTERM',
  '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '9': 'SIGKILL', '10': 'SIGUSR1', '12': 'SIGUSR2', '15': 'SIGTERM',
};

/** "SIGTERM", "TERM", "15" → "SIGTERM"; null when unknown. Docker's other signals map to SIGTERM-like handling. */
/**
 * The networks every engine has: the default bridge ("bridge", "default"), "host" and "none". Layerlab has no
 * `docker network create`, so any other name fails at start as moby's does when it attaches the container.
 */
const BUILTIN_NETWORKS = new Set(['bridge', 'default', 'host', 'none']);

function networkError(mode: string): ContainerError | null {
  if (BUILTIN_NETWORKS.has(mode) || mode.startsWith('container:')) return null;
  return engineError('containers.no-such-network', `failed to set up container networking: network ${mode} not found`);
}

export function toSignal(s: string): Signal | null {
  const u = s.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS[u]) return SIGNALS[u];
  if (['WINCH', 'CONT', 'STOP', 'PIPE', 'ALRM', 'CHLD'].includes(u)) return 'SIGTERM';
  return null;
}

export { envGet };
