/**
 * `ComposeBackend` over the simulated engine: images, builds and containers through `engine.images`,
 * `engine.build`, `engine.registry` and `engine.containers`. Networks and volumes are answered with Docker-toned
 * "not simulated" errors until the engine has those stores (see the marked methods).
 */
import type { Engine } from '../engine';
import type { CliIO } from '../core/io';
import { engineError, err, ok, type Result } from '../core/errors';
import type { Container } from '../containers/types';
import { commandText, portsColumn, statusText } from '../containers/format';
import { mainTarget, processTarget, runSession, writeOutput } from '../containers/session';
import { logLines } from '../cli/commands/logs';
import type { BackendContainer, BuildSpec, ComposeBackend, ContainerSpec, ExecSpec, LogLine } from './backend';

const quietIO = (io: CliIO): CliIO => ({ ...io, stdout: () => {}, stderr: () => {} });

export class EngineBackend implements ComposeBackend {
  readonly features = { networks: true, volumes: true, healthchecks: true };

  constructor(private readonly engine: Engine) {}

  now(): number {
    return this.engine.env.clock.now();
  }

  sync(): Promise<void> {
    return this.engine.containers.sync();
  }

  hasImage(ref: string): boolean {
    return this.engine.images.get(ref) !== undefined;
  }

  async pullImage(ref: string, out: (text: string) => void): Promise<Result<void>> {
    const r = await this.engine.registry.pullInteractive(ref, { out, tty: false, columns: 80 });
    return r.ok ? ok(undefined) : err(r.error);
  }

  async buildImage(spec: BuildSpec, io: CliIO): Promise<Result<void>> {
    const r = await this.engine.build(
      {
        contextDir: spec.context,
        dockerfile: spec.dockerfile,
        tags: [spec.tag],
        buildArgs: spec.args,
        ...(spec.target ? { target: spec.target } : {}),
        noCache: spec.noCache,
        quiet: spec.quiet,
      },
      spec.quiet ? quietIO(io) : io,
    );
    // The builder has printed its own error lines; an empty message tells Compose not to add one.
    return r.exitCode === 0 ? ok(undefined) : err(engineError('compose.build', ''));
  }

  removeImage(ref: string): Result<void> {
    const r = this.engine.images.remove(ref);
    return r.ok ? ok(undefined) : err(r.error);
  }

  private view(c: Container): BackendContainer {
    return {
      id: c.id,
      name: c.name,
      image: c.config.Image,
      labels: c.config.Labels,
      state: c.state.Status,
      exitCode: c.state.ExitCode,
      created: c.created,
      command: commandText(c),
      status: statusText(c, this.now()),
      ports: portsColumn(c),
      ...(c.health ? { health: c.health.Status } : {}),
    };
  }

  listContainers(labels: Record<string, string>, all: boolean): BackendContainer[] {
    return this.engine.containers
      .list()
      .filter((c) => all || this.engine.containers.isRunning(c))
      .filter((c) => Object.entries(labels).every(([k, v]) => c.config.Labels[k] === v))
      .map((c) => this.view(c));
  }

  createContainer(spec: ContainerSpec): Result<BackendContainer> {
    // An entrypoint list: its first word is the entrypoint, the rest go before the command (as Docker joins them).
    const [ep, ...epArgs] = spec.entrypoint ?? [];
    const r = this.engine.containers.create({
      image: spec.image,
      name: spec.name,
      cmd: spec.entrypoint ? [...epArgs, ...(spec.command ?? [])] : (spec.command ?? []),
      ...(spec.entrypoint ? { entrypoint: ep ?? '' } : {}),
      env: spec.env,
      workdir: spec.workingDir,
      hostname: spec.hostname,
      user: spec.user,
      tty: spec.tty,
      interactive: spec.stdinOpen,
      publish: spec.publish,
      publishAll: false,
      autoRemove: spec.autoRemove ?? false,
      restart: spec.restart,
      labels: spec.labels,
      expose: spec.expose,
      stopSignal: spec.stopSignal,
      ...(spec.mounts.length ? { mounts: spec.mounts } : {}),
      ...(spec.network ? { network: spec.network } : {}),
      ...(spec.networkAliases?.length ? { networkAliases: spec.networkAliases } : {}),
      ...(spec.healthcheck ? { healthcheck: spec.healthcheck } : {}),
    });
    if (!r.ok) return err(r.error);
    for (const n of spec.extraNetworks ?? []) {
      const c = this.engine.networks.connect(n.name, r.value.id, { aliases: n.aliases });
      if (!c.ok) return err(c.error);
    }
    return ok(this.view(r.value));
  }

  async startContainer(id: string, onLog?: (line: LogLine) => void): Promise<Result<void>> {
    const r = await this.engine.containers.start(id, onLog ? { onOutput: (e) => onLog({ stream: e.stream, text: e.text, time: e.time }) } : {});
    return r.ok ? ok(undefined) : err(r.error);
  }

  async stopContainer(id: string, timeoutSec?: number): Promise<Result<void>> {
    const r = await this.engine.containers.stop(id, timeoutSec);
    return r.ok ? ok(undefined) : err(r.error);
  }

  async restartContainer(id: string, timeoutSec?: number): Promise<Result<void>> {
    const r = await this.engine.containers.restart(id, timeoutSec);
    return r.ok ? ok(undefined) : err(r.error);
  }

  async removeContainer(id: string, force: boolean): Promise<Result<void>> {
    const r = await this.engine.containers.remove(id, force);
    return r.ok ? ok(undefined) : err(r.error);
  }

  logs(id: string): LogLine[] {
    const c = this.engine.containers.get(id);
    return c ? logLines(c.logs) : [];
  }

  onLog(id: string, fn: (line: LogLine) => void): () => void {
    const c = this.engine.containers.get(id);
    return c ? this.engine.containers.onOutput(c, (e) => fn({ stream: e.stream, text: e.text, time: e.time })) : () => {};
  }

  async tick(): Promise<void> {
    await this.engine.containers.waitTick();
  }

  async startAttached(id: string, io: CliIO, opts: { stdin: boolean; tty: boolean }) {
    const store = this.engine.containers;
    const s = await store.start(id, { onOutput: (e) => writeOutput(io, e, opts.tty) });
    if (!s.ok) return err(s.error);
    return ok(await runSession(store, io, mainTarget(store, id), { stdin: opts.stdin, tty: opts.tty, subscribed: true }));
  }

  async exec(id: string, spec: ExecSpec, io: CliIO) {
    const store = this.engine.containers;
    const r = await store.exec(id, { cmd: spec.cmd, env: spec.env, workdir: spec.workdir, user: spec.user, tty: spec.tty, interactive: spec.interactive });
    if (!r.ok) return err(r.error);
    if (spec.detach) {
      await r.value.advanceTo(this.now());
      return ok(0);
    }
    return ok(await runSession(store, io, processTarget(store, r.value), { stdin: spec.interactive, tty: spec.tty }));
  }

  hasNetwork(name: string): boolean {
    return this.engine.networks.get(name) !== undefined;
  }

  createNetwork(name: string, opts: { driver?: string; labels?: Record<string, string> } = {}): Result<void> {
    const r = this.engine.networks.create(name, opts);
    return r.ok ? ok(undefined) : err(r.error);
  }

  removeNetwork(name: string): Result<void> {
    const r = this.engine.networks.remove(name);
    return r.ok ? ok(undefined) : err(r.error);
  }

  hasVolume(name: string): boolean {
    return this.engine.volumes.get(name) !== undefined;
  }

  createVolume(name: string, opts: { driver?: string; labels?: Record<string, string> } = {}): Result<void> {
    const r = this.engine.volumes.create(name, opts);
    return r.ok ? ok(undefined) : err(r.error);
  }

  removeVolume(name: string): Result<void> {
    const r = this.engine.volumes.remove(name);
    return r.ok ? ok(undefined) : err(r.error);
  }
}
