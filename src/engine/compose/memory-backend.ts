/**
 * An in-memory `ComposeBackend` for specs of the Compose logic: fast and deterministic. Images are names in a
 * set (pull adds the catalog's, build adds the tag); containers change state on start/stop/remove and print what
 * their image's `program` says; networks and volumes are named records. It records every call in `calls`.
 */
import type { CliIO } from '../core/io';
import { engineError, err, ok, type EngineError, type Result } from '../core/errors';
import type { BackendContainer, BuildSpec, ComposeBackend, ContainerSpec, ExecSpec, LogLine } from './backend';

export interface MemoryProgram {
  /** Lines printed on start (stdout). */
  output?: string[];
  /** Exit right after the output with this code; undefined: keep running. */
  exitCode?: number;
  health?: 'healthy' | 'unhealthy';
}

export class MemoryBackend implements ComposeBackend {
  features = { networks: true, volumes: true, healthchecks: true };
  images = new Set<string>();
  /** Images the fake registry can pull. */
  registry = new Set<string>(['busybox', 'nginx', 'node', 'postgres', 'redis']);
  programs: Record<string, MemoryProgram> = {};
  containers = new Map<string, BackendContainer & { spec: ContainerSpec; logs: LogLine[] }>();
  networks = new Map<string, Record<string, string>>();
  volumes = new Map<string, Record<string, string>>();
  calls: string[] = [];
  private clock = Date.UTC(2026, 0, 1);
  private seq = 0;
  private listeners = new Map<string, Set<(l: LogLine) => void>>();

  now(): number {
    return this.clock;
  }

  async sync(): Promise<void> {}

  hasImage(ref: string): boolean {
    return this.images.has(ref.replace(/:latest$/, ''));
  }

  async pullImage(ref: string): Promise<Result<void>> {
    this.calls.push(`pull ${ref}`);
    const name = ref.replace(/:latest$/, '');
    if (!this.registry.has(name)) return err(engineError('pull', `pull access denied for ${name}, repository does not exist or may require 'docker login'`));
    this.images.add(name);
    return ok(undefined);
  }

  async buildImage(spec: BuildSpec, io: CliIO): Promise<Result<void>> {
    this.calls.push(`build ${spec.tag} ${spec.context} ${spec.dockerfile}${spec.target ? ` target=${spec.target}` : ''}${Object.keys(spec.args).length ? ` args=${JSON.stringify(spec.args)}` : ''}`);
    io.stderr(`#0 building ${spec.tag}\n`);
    this.images.add(spec.tag);
    return ok(undefined);
  }

  removeImage(ref: string): Result<void> {
    this.calls.push(`rmi ${ref}`);
    this.images.delete(ref);
    return ok(undefined);
  }

  listContainers(labels: Record<string, string>, all: boolean): BackendContainer[] {
    return [...this.containers.values()].filter((c) => (all || c.state === 'running') && Object.entries(labels).every(([k, v]) => c.labels[k] === v));
  }

  createContainer(spec: ContainerSpec): Result<BackendContainer> {
    this.calls.push(`create ${spec.name}`);
    if (!this.hasImage(spec.image)) return err(engineError('create', `No such image: ${spec.image}`));
    if ([...this.containers.values()].some((c) => c.name === spec.name)) {
      return err(engineError('create', `Conflict. The container name "/${spec.name}" is already in use by container "x". You have to remove (or rename) that container to be able to reuse that name.`));
    }
    if (spec.network && !this.networks.has(spec.network) && !['bridge', 'host', 'none'].includes(spec.network)) return err(engineError('create', `network ${spec.network} not found`));
    const id = (++this.seq).toString(16).padStart(64, '0');
    const c = { id, name: spec.name, image: spec.image, labels: spec.labels, state: 'created' as const, exitCode: 0, created: this.clock, command: (spec.command ?? []).join(' '), status: 'Created', ports: '', spec, logs: [] };
    this.containers.set(id, c);
    return ok(c);
  }

  private emit(c: BackendContainer & { logs: LogLine[] }, text: string) {
    const l: LogLine = { stream: 'stdout', text: `${text}\n`, time: this.clock };
    c.logs.push(l);
    for (const fn of this.listeners.get(c.id) ?? []) fn(l);
  }

  async startContainer(id: string, onLog?: (line: LogLine) => void): Promise<Result<void>> {
    const c = this.containers.get(id);
    if (!c) return err(engineError('start', `No such container: ${id}`));
    const unsub = onLog ? this.onLog(id, onLog) : () => {};
    try {
      return this.run(c);
    } finally {
      if (this.containers.get(id)?.state !== 'running') unsub();
    }
  }

  private run(c: BackendContainer & { spec: ContainerSpec; logs: LogLine[] }): Result<void> {
    this.calls.push(`start ${c.name}`);
    this.clock += 1000;
    const prog = this.programs[c.image] ?? {};
    c.state = 'running';
    c.status = 'Up 1 second';
    c.health = c.spec.healthcheck ? (prog.health ?? 'healthy') : undefined;
    for (const line of prog.output ?? []) this.emit(c, line);
    if (prog.exitCode !== undefined) {
      c.state = 'exited';
      c.exitCode = prog.exitCode;
      c.status = `Exited (${prog.exitCode}) 1 second ago`;
    }
    return ok(undefined);
  }

  async stopContainer(id: string): Promise<Result<void>> {
    const c = this.containers.get(id)!;
    this.calls.push(`stop ${c.name}`);
    if (c.state === 'running') {
      c.state = 'exited';
      c.exitCode = 137;
      c.status = 'Exited (137) 1 second ago';
    }
    return ok(undefined);
  }

  async restartContainer(id: string): Promise<Result<void>> {
    await this.stopContainer(id);
    return this.startContainer(id);
  }

  async removeContainer(id: string, force: boolean): Promise<Result<void>> {
    const c = this.containers.get(id);
    if (!c) return err(engineError('rm', `No such container: ${id}`));
    if (c.state === 'running' && !force) return err(engineError('rm', `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`));
    this.calls.push(`rm ${c.name}`);
    this.containers.delete(id);
    return ok(undefined);
  }

  logs(id: string): LogLine[] {
    return this.containers.get(id)?.logs ?? [];
  }

  onLog(id: string, fn: (line: LogLine) => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(fn);
    this.listeners.set(id, set);
    return () => set.delete(fn);
  }

  async tick(): Promise<void> {
    this.clock += 100;
  }

  async startAttached(id: string, io: CliIO): Promise<Result<number, EngineError & { exitCode?: number }>> {
    const r = await this.startContainer(id, (l) => io.stdout(l.text));
    if (!r.ok) return r;
    return ok(this.containers.get(id)!.exitCode);
  }

  async exec(id: string, spec: ExecSpec, io: CliIO): Promise<Result<number, EngineError & { exitCode?: number }>> {
    const c = this.containers.get(id)!;
    this.calls.push(`exec ${c.name} ${spec.cmd.join(' ')}`);
    io.stdout(`${spec.cmd.join(' ')}\n`);
    return ok(0);
  }

  hasNetwork(name: string): boolean {
    return this.networks.has(name) || ['bridge', 'host', 'none'].includes(name);
  }

  createNetwork(name: string, opts: { labels: Record<string, string> }): Result<void> {
    if (this.networks.has(name)) return err(engineError('network', `network with name ${name} already exists`));
    this.calls.push(`network create ${name}`);
    this.networks.set(name, opts.labels);
    return ok(undefined);
  }

  removeNetwork(name: string): Result<void> {
    this.calls.push(`network rm ${name}`);
    this.networks.delete(name);
    return ok(undefined);
  }

  hasVolume(name: string): boolean {
    return this.volumes.has(name);
  }

  createVolume(name: string, opts: { labels: Record<string, string> }): Result<void> {
    this.calls.push(`volume create ${name}`);
    this.volumes.set(name, opts.labels);
    return ok(undefined);
  }

  removeVolume(name: string): Result<void> {
    this.calls.push(`volume rm ${name}`);
    this.volumes.delete(name);
    return ok(undefined);
  }
}
