/**
 * The Compose operations on a loaded project (up, down, logs, build, start, stop, restart; `run`/`exec` are in
 * oneoff.ts, `ls` in ls.ts),
 * driven through a `ComposeBackend`. Progress goes to stderr through `ProgressWriter`, container output to
 * stdout with Compose's `web-1  | ` prefixes. Texts follow docker/compose v2.39 (pkg/compose, cmd/formatter).
 */
import type { CliIO } from '../core/io';
import type { EngineError, Result } from '../core/errors';
import { engineError, err, ok } from '../core/errors';
import type { BackendContainer, BackendMount, ComposeBackend, ContainerSpec, LogLine } from './backend';
import { NOT_SIMULATED } from './backend';
import type { ComposeProject, ServiceConfig } from './model';
import { COMPOSE_VERSION, LABEL } from './model';
import { EVENT, ProgressWriter, type ProgressMode } from './progress';
import { configHash, containerName, dependencyOrder, durationNs, planService, serviceImage } from './plan';
import { hostRelative } from './load';

export interface Session {
  backend: ComposeBackend;
  io: CliIO;
  progress: ProgressMode;
  /** ANSI colours in the progress block (`--ansi`). */
  color: boolean;
  /** The host's working directory (to turn build contexts into ContextReader paths). */
  cwd: string;
}

type Code = number;

/** logrus's warning line: `WARN[0000] msg` on a terminal, logfmt otherwise. */
export function warn(s: Pick<Session, 'io' | 'backend'>, msg: string): void {
  if (s.io.stdoutIsTTY) s.io.stderr(`WARN[0000] ${msg}\n`);
  else s.io.stderr(`time="${new Date(s.backend.now()).toISOString().slice(0, 19)}Z" level=warning msg=${JSON.stringify(msg)}\n`);
}

/** Compose's error line (`Error response from daemon: ...` stays as the engine said it). */
export function fail(s: Session, msg: string): Code {
  // An empty message: the failure was already reported (a build prints its own errors).
  if (msg) s.io.stderr(`${msg}\n`);
  return 1;
}

export function writer(s: Session, title = 'Running'): ProgressWriter {
  return new ProgressWriter((t) => s.io.stderr(t), s.progress, () => s.backend.now(), title, s.io.columns || 80, s.color);
}

const projectLabels = (p: ComposeProject) => ({ [LABEL.project]: p.name });
const containerEvent = (c: { name: string }) => `Container ${c.name}`;

/** The project's containers (one-off `run` containers only with `oneoff`). */
export function projectContainers(s: Session, p: ComposeProject, o: { all: boolean; oneoff?: boolean; services?: string[] }): BackendContainer[] {
  return s.backend
    .listContainers(projectLabels(p), o.all)
    .filter((c) => (o.oneoff ? true : c.labels[LABEL.oneoff] !== 'True'))
    .filter((c) => !o.services?.length || o.services.includes(c.labels[LABEL.service]))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** `no such service: x` for the first unknown name. */
export function checkServices(p: ComposeProject, names: string[]): string | null {
  const bad = names.find((n) => !p.services[n]);
  return bad === undefined ? null : `no such service: ${bad}`;
}

// ---------------------------------------------------------------------------------------------------------- images

export interface BuildOptions {
  services?: string[];
  noCache?: boolean;
  quiet?: boolean;
  /** Build even when the image exists (`up --build`, `build`). */
  force: boolean;
}

/** Builds the services with `build:` (all, or those named) whose image is missing or when forced. */
export async function buildServices(s: Session, p: ComposeProject, o: BuildOptions): Promise<Result<string[]>> {
  const built: string[] = [];
  for (const svc of dependencyOrder(p, o.services)) {
    if (!svc.build || (o.services?.length && !o.services.includes(svc.name))) continue;
    const tag = serviceImage(p, svc);
    if (!o.force && s.backend.hasImage(tag)) continue;
    const context = hostRelative(s.cwd, svc.build.context);
    if (context === null) return err(engineError('compose.build-context', `unable to prepare context: path "${svc.build.context}" not found`));
    const dockerfile = svc.build.dockerfile.startsWith('/') ? hostRelative(s.cwd, svc.build.dockerfile) : `${context === '.' ? '' : `${context}/`}${svc.build.dockerfile}`;
    if (dockerfile === null) return err(engineError('compose.build-context', `unable to prepare context: path "${svc.build.dockerfile}" not found`));
    const r = await s.backend.buildImage(
      { context, dockerfile, args: svc.build.args, ...(svc.build.target ? { target: svc.build.target } : {}), tag, noCache: o.noCache, quiet: o.quiet },
      s.io,
    );
    if (!r.ok) return err(r.error);
    built.push(svc.name);
  }
  if (built.length) {
    const w = writer(s);
    for (const n of built) w.event({ id: `Service ${n}`, status: 'done', text: EVENT.built });
    w.done();
  }
  return ok(built);
}

/** Pulls the images of services that have no build and whose image is missing (pull policy "missing"). */
export async function pullMissing(s: Session, p: ComposeProject, services: ServiceConfig[], policy: string): Promise<Result<void>> {
  const todo = services.filter((svc) => svc.image && !(svc.build && policy !== 'always') && (policy === 'always' || !s.backend.hasImage(svc.image)));
  if (!todo.length || policy === 'never') {
    const missing = policy === 'never' ? todo.find((svc) => !s.backend.hasImage(svc.image!)) : undefined;
    return missing ? err(engineError('compose.no-image', `No such image: ${missing.image}`)) : ok(undefined);
  }
  const w = writer(s);
  let failure: EngineError | null = null;
  for (const svc of todo) {
    w.event({ id: svc.name, status: 'working', text: '', detail: 'Pulling' });
    const r = await s.backend.pullImage(svc.image!, () => {});
    if (r.ok) w.event({ id: svc.name, status: 'done', text: '', detail: 'Pulled' });
    else {
      w.event({ id: svc.name, status: 'error', text: r.error.message, detail: 'Error' });
      failure = { ...r.error, message: `Error response from daemon: ${r.error.message}` };
      break;
    }
  }
  w.done();
  return failure ? err(failure) : ok(undefined);
}

// ---------------------------------------------------------------------------------------------------------- up

export interface UpOptions {
  services: string[];
  detach: boolean;
  build: boolean;
  noBuild: boolean;
  pull: string;
  forceRecreate: boolean;
  noRecreate: boolean;
  noStart: boolean;
  removeOrphans: boolean;
  noDeps: boolean;
  timeout?: number;
  noLogPrefix: boolean;
  timestamps: boolean;
  abortOnContainerExit: boolean;
  wait: boolean;
}

/** The engine-level container spec of a service's container number `n`. */
export function containerSpec(s: Session, p: ComposeProject, svc: ServiceConfig, n: number): ContainerSpec {
  const mounts: BackendMount[] = svc.volumes.map((v) => ({
    type: v.type,
    ...(v.source !== undefined ? { source: v.type === 'volume' ? (p.volumes[v.source]?.name ?? v.source) : v.source } : {}),
    target: v.target,
    ...(v.readOnly ? { readOnly: true } : {}),
  }));
  const netKeys = Object.keys(svc.networks).sort();
  const firstNet = netKeys[0];
  const hc = svc.healthcheck;
  return {
    name: containerName(p, svc, n),
    image: serviceImage(p, svc),
    command: svc.command,
    entrypoint: svc.entrypoint,
    env: Object.entries(svc.environment).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`),
    labels: {
      ...svc.labels,
      [LABEL.configHash]: configHash(svc),
      [LABEL.number]: String(n),
      [LABEL.dependsOn]: Object.entries(svc.dependsOn).map(([d, o]) => `${d}:${o.condition}:${o.restart}`).join(','),
      [LABEL.oneoff]: 'False',
      [LABEL.project]: p.name,
      [LABEL.configFiles]: p.configFiles.join(','),
      [LABEL.workingDir]: p.workingDir,
      [LABEL.service]: svc.name,
      [LABEL.version]: COMPOSE_VERSION,
    },
    publish: svc.ports.map((pt) => `${pt.hostIp ? `${pt.hostIp}:` : ''}${pt.published ? `${pt.published}:` : ''}${pt.target}/${pt.protocol}`),
    expose: svc.expose,
    ...(svc.workingDir ? { workingDir: svc.workingDir } : {}),
    ...(svc.user ? { user: svc.user } : {}),
    ...(svc.hostname ? { hostname: svc.hostname } : {}),
    tty: svc.tty,
    stdinOpen: svc.stdinOpen,
    ...(svc.restart ? { restart: svc.restart } : {}),
    ...(svc.stopSignal ? { stopSignal: svc.stopSignal } : {}),
    ...(svc.networkMode ? { network: svc.networkMode } : firstNet ? { network: p.networks[firstNet].name, networkAliases: [svc.name, ...(svc.networks[firstNet]?.aliases ?? [])] } : {}),
    // The other networks are joined after create, as Compose connects them (one endpoint per network).
    ...(!svc.networkMode && netKeys.length > 1
      ? { extraNetworks: netKeys.slice(1).map((k) => ({ name: p.networks[k].name, aliases: [svc.name, ...(svc.networks[k]?.aliases ?? [])] })) }
      : {}),
    mounts,
    ...(hc && !hc.disable && hc.test.length
      ? { healthcheck: { test: hc.test, interval: durationNs(hc.interval), timeout: durationNs(hc.timeout), retries: hc.retries, startPeriod: durationNs(hc.startPeriod) } }
      : {}),
  };
}

/** Creates the project's networks and volumes (what `up` and `run` do first). */
export async function ensureResources(s: Session, p: ComposeProject, services: ServiceConfig[], w: ProgressWriter, notes: Set<string>): Promise<Result<{ networks: boolean; volumes: boolean }>> {
  const have = { networks: s.backend.features.networks, volumes: s.backend.features.volumes };
  const nets = new Set(services.flatMap((svc) => Object.keys(svc.networks)));
  if (!have.networks && nets.size) notes.add(NO_NETWORKS);
  for (const key of have.networks ? [...nets].sort() : []) {
    const n = p.networks[key];
    if (n.external) {
      if (!s.backend.hasNetwork(n.name)) return err(engineError('compose.network', `network ${n.name} declared as external, but could not be found`));
      continue;
    }
    if (s.backend.hasNetwork(n.name)) continue;
    const id = `Network ${n.name}`;
    w.event({ id, status: 'working', text: EVENT.creating });
    const r = s.backend.createNetwork(n.name, { driver: n.driver, labels: { ...n.labels, [LABEL.network]: key, [LABEL.project]: p.name, [LABEL.version]: COMPOSE_VERSION } });
    if (!r.ok && r.error.code === NOT_SIMULATED) {
      have.networks = false;
      notes.add(NO_NETWORKS);
      w.event({ id, status: 'warning', text: 'Skipped: not simulated' });
      continue;
    }
    if (!r.ok) {
      w.event({ id, status: 'error', text: r.error.message });
      return err(r.error);
    }
    w.event({ id, status: 'done', text: EVENT.created });
  }
  const vols = new Set(services.flatMap((svc) => svc.volumes.filter((v) => v.type === 'volume' && v.source).map((v) => v.source!)));
  if (!have.volumes && services.some((svc) => svc.volumes.length)) notes.add(NO_VOLUMES);
  for (const key of have.volumes ? [...vols].sort() : []) {
    const v = p.volumes[key];
    if (v.external) {
      if (!s.backend.hasVolume(v.name)) return err(engineError('compose.volume', `external volume "${v.name}" not found`));
      continue;
    }
    if (s.backend.hasVolume(v.name)) continue;
    const id = `Volume ${v.name}`;
    w.event({ id, status: 'working', text: EVENT.creating });
    const r = s.backend.createVolume(v.name, { driver: v.driver, labels: { ...v.labels, [LABEL.project]: p.name, [LABEL.version]: COMPOSE_VERSION, [LABEL.volume]: key } });
    if (!r.ok && r.error.code === NOT_SIMULATED) {
      have.volumes = false;
      notes.add(NO_VOLUMES);
      w.event({ id, status: 'warning', text: 'Skipped: not simulated' });
      continue;
    }
    if (!r.ok) {
      w.event({ id, status: 'error', text: r.error.message });
      return err(r.error);
    }
    w.event({ id, status: 'done', text: EVENT.created });
  }
  return ok(have);
}

const NO_NETWORKS = 'layerlab: networks are not simulated yet; the containers join the default bridge network';
const NO_VOLUMES = 'layerlab: volumes and mounts are not simulated yet; the containers run without them';

/** Without the engine's network or volume store, containers run on the default bridge and without mounts. */
export function degrade(spec: ContainerSpec, have: { networks: boolean; volumes: boolean }): ContainerSpec {
  const out = { ...spec };
  if (!have.networks && out.network && !['host', 'none', 'bridge'].includes(out.network)) {
    delete out.network;
    delete out.networkAliases;
  }
  if (!have.volumes) out.mounts = [];
  return out;
}

/** Waits for the conditions of `svc`'s dependencies (service_healthy, service_completed_successfully). */
async function waitDependencies(s: Session, p: ComposeProject, svc: ServiceConfig, w: ProgressWriter, notes: Set<string>): Promise<Result<void>> {
  for (const [dep, d] of Object.entries(svc.dependsOn)) {
    if (d.condition === 'service_started') continue;
    const containers = projectContainers(s, p, { all: true, services: [dep] });
    for (const c of containers) w.event({ id: containerEvent(c), status: 'working', text: EVENT.waiting });
    for (const c0 of containers) {
      const id = containerEvent(c0);
      for (let i = 0; ; i++) {
        await s.backend.sync();
        const c = projectContainers(s, p, { all: true, services: [dep] }).find((x) => x.id === c0.id);
        if (!c) return err(engineError('compose.wait', `container ${c0.name} not found`));
        if (d.condition === 'service_completed_successfully') {
          if (c.state === 'exited') {
            if (c.exitCode !== 0) {
              w.event({ id, status: 'error', text: EVENT.error });
              return err(engineError('compose.wait', `service "${dep}" didn't complete successfully: exit ${c.exitCode}`));
            }
            w.event({ id, status: 'done', text: EVENT.exited });
            break;
          }
        } else {
          if (c.state === 'exited' || c.state === 'dead') {
            w.event({ id, status: 'error', text: EVENT.error });
            return err(engineError('compose.wait', `container ${c.name} exited (${c.exitCode})`));
          }
          if (c.health === 'healthy') {
            w.event({ id, status: 'done', text: EVENT.healthy });
            break;
          }
          if (c.health === 'unhealthy') {
            w.event({ id, status: 'error', text: EVENT.error });
            return err(engineError('compose.wait', `dependency failed to start: container ${c.name} is unhealthy`));
          }
          if (c.health === undefined) {
            if (!s.backend.features.healthchecks) {
              notes.add(`layerlab: healthchecks are not simulated yet; "service_healthy" waits for ${c.name} to be running`);
              if (c.state === 'running') {
                w.event({ id, status: 'done', text: EVENT.healthy });
                break;
              }
            } else {
              w.event({ id, status: 'error', text: EVENT.error });
              return err(engineError('compose.wait', `dependency failed to start: container ${c.name} has no healthcheck configured`));
            }
          }
        }
        // Virtual time moves on one tick at a time; give up like a learner would after ~10 minutes of it.
        if (i > 6000 || s.io.signal?.aborted) return err(engineError('compose.wait', `dependency failed to start: container ${c.name} is not ready`));
        await s.backend.tick();
      }
    }
  }
  return ok(undefined);
}

/** `docker compose up`. */
export async function up(s: Session, p: ComposeProject, o: UpOptions): Promise<Code> {
  const bad = checkServices(p, o.services);
  if (bad) return fail(s, bad);
  await s.backend.sync();
  const services = o.noDeps && o.services.length ? o.services.map((n) => p.services[n]) : dependencyOrder(p, o.services);
  const notes = new Set<string>();
  if (!o.noBuild) {
    const pulled = await pullMissing(s, p, services, o.pull);
    if (!pulled.ok) return fail(s, pulled.error.message);
    const b = await buildServices(s, p, { services: services.map((x) => x.name), force: o.build });
    if (!b.ok) return fail(s, b.error.message);
  }
  const existing = projectContainers(s, p, { all: true });
  const orphans = existing.filter((c) => !p.services[c.labels[LABEL.service]]);
  const w = writer(s);
  if (orphans.length && o.removeOrphans) {
    for (const c of orphans) {
      w.event({ id: containerEvent(c), status: 'working', text: EVENT.removing });
      await s.backend.removeContainer(c.id, true);
      w.event({ id: containerEvent(c), status: 'done', text: EVENT.removed });
    }
  } else if (orphans.length) {
    warn(s, `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
  }
  const res = await ensureResources(s, p, services, w, notes);
  if (!res.ok) {
    w.done();
    return fail(s, res.error.message);
  }
  // Compose converges every service first (create or recreate, in dependency order), then starts them.
  const made: { svc: ServiceConfig; c: BackendContainer }[] = [];
  for (const svc of services) {
    const action = planService(svc, existing, o);
    if (action.kind === 'keep') {
      const c = action.container;
      if (c.state === 'running') w.event({ id: containerEvent(c), status: 'done', text: EVENT.running });
      made.push({ svc, c });
      continue;
    }
    const spec = degrade(containerSpec(s, p, svc, action.kind === 'create' ? action.number : Number(action.container.labels[LABEL.number]) || 1), res.value);
    const id = action.kind === 'create' ? `Container ${spec.name}` : containerEvent(action.container);
    w.event({ id, status: 'working', text: action.kind === 'create' ? EVENT.creating : EVENT.recreate });
    if (action.kind === 'recreate') {
      await s.backend.stopContainer(action.container.id, o.timeout);
      const rm = await s.backend.removeContainer(action.container.id, true);
      if (!rm.ok) {
        w.event({ id, status: 'error', text: rm.error.message });
        w.done();
        return fail(s, rm.error.message);
      }
    }
    const r = s.backend.createContainer(spec);
    if (!r.ok) {
      w.event({ id, status: 'error', text: r.error.message });
      w.done();
      return fail(s, `Error response from daemon: ${r.error.message}`);
    }
    w.event({ id, status: 'done', text: action.kind === 'create' ? EVENT.created : EVENT.recreated });
    made.push({ svc, c: r.value });
  }
  if (o.noStart || !o.detach) {
    w.done();
    for (const n of notes) s.io.stderr(`${n}\n`);
    return o.noStart ? 0 : attachAll(s, p, made, o, notes);
  }
  for (const { svc, c } of made) {
    const dep = await waitDependencies(s, p, svc, w, notes);
    if (!dep.ok) {
      w.done();
      return fail(s, dep.error.message);
    }
    if (c.state === 'running') continue;
    const id = containerEvent(c);
    w.event({ id, status: 'working', text: EVENT.starting });
    const st = await s.backend.startContainer(c.id);
    if (!st.ok) {
      w.event({ id, status: 'error', text: st.error.message });
      w.done();
      return fail(s, `Error response from daemon: ${st.error.message}`);
    }
    w.event({ id, status: 'done', text: EVENT.started });
  }
  w.done();
  for (const n of notes) s.io.stderr(`${n}\n`);
  return 0;
}

/** Log prefix names: `web-1` for `app-web-1` (the container's name without the project). */
export function shortName(p: ComposeProject, c: BackendContainer): string {
  return c.name.startsWith(`${p.name}-`) ? c.name.slice(p.name.length + 1) : c.name;
}

/** Attached `up`: start the containers, stream their output until they all exit, or stop them on Ctrl-C. */
async function attachAll(s: Session, p: ComposeProject, made: { svc: ServiceConfig; c: BackendContainer }[], o: UpOptions, notes: Set<string>): Promise<Code> {
  const ids = made.map((m) => m.c.id);
  const all = () => projectContainers(s, p, { all: true }).filter((c) => ids.includes(c.id));
  const names = all().map((c) => shortName(p, c));
  s.io.stdout(`Attaching to ${names.join(', ')}\n`);
  const width = Math.max(0, ...names.map((n) => n.length)) + 1;
  const prefix = (c: BackendContainer) => (o.noLogPrefix ? '' : `${shortName(p, c).padEnd(width)} | `);
  const unsubs: (() => void)[] = [];
  const partial = new Map<string, string>();
  const printer = (c: BackendContainer) => (l: LogLine) => {
    const text = (partial.get(c.id) ?? '') + l.text;
    const lines = text.split('\n');
    partial.set(c.id, lines.pop() ?? '');
    for (const line of lines) s.io.stdout(`${prefix(c)}${line}\n`);
  };
  // Containers already running are followed from now; the others from their first line, when they start.
  for (const c of all()) if (c.state === 'running') unsubs.push(s.backend.onLog(c.id, printer(c)));
  for (const { svc, c } of made) {
    if (c.state === 'running') continue;
    // Dependency conditions hold in attached mode too; their waits print as progress lines.
    if (Object.values(svc.dependsOn).some((d) => d.condition !== 'service_started')) {
      const w = writer(s);
      const dep = await waitDependencies(s, p, svc, w, notes);
      w.done();
      if (!dep.ok) {
        unsubs.forEach((u) => u());
        return fail(s, dep.error.message);
      }
    }
    const st = await s.backend.startContainer(c.id, printer(c));
    if (!st.ok) {
      unsubs.forEach((u) => u());
      return fail(s, `Error response from daemon: ${st.error.message}`);
    }
  }
  const reported = new Set<string>();
  let code = 0;
  try {
    for (;;) {
      await s.backend.sync();
      const now = all();
      for (const c of now) {
        if (c.state === 'exited' && !reported.has(c.id)) {
          reported.add(c.id);
          const rest = partial.get(c.id);
          if (rest) s.io.stdout(`${prefix(c)}${rest}\n`);
          partial.delete(c.id);
          s.io.stdout(`${shortName(p, c)} exited with code ${c.exitCode}\n`);
          if (o.abortOnContainerExit) {
            code = c.exitCode;
            s.io.stderr('Aborting on container exit...\n');
            return await stopAll(s, p, now, o.timeout, code);
          }
        }
      }
      if (now.every((c) => c.state !== 'running' && c.state !== 'restarting')) return code;
      if (s.io.signal?.aborted) {
        s.io.stdout('Gracefully Stopping... press Ctrl+C again to force\n');
        return await stopAll(s, p, now, o.timeout, 130);
      }
      await s.backend.tick();
    }
  } finally {
    unsubs.forEach((u) => u());
  }
}

async function stopAll(s: Session, p: ComposeProject, cs: BackendContainer[], timeout: number | undefined, code: number): Promise<Code> {
  const w = writer(s, 'Stopping');
  for (const c of cs.filter((x) => x.state === 'running')) {
    w.event({ id: containerEvent(c), status: 'working', text: EVENT.stopping });
    await s.backend.stopContainer(c.id, timeout);
    w.event({ id: containerEvent(c), status: 'done', text: EVENT.stopped });
  }
  w.done();
  return code;
}

// ---------------------------------------------------------------------------------------------------------- down

export interface DownOptions {
  volumes: boolean;
  removeOrphans: boolean;
  rmi: string;
  timeout?: number;
  services: string[];
}

export async function down(s: Session, p: ComposeProject, o: DownOptions): Promise<Code> {
  await s.backend.sync();
  const w = writer(s);
  const containers = projectContainers(s, p, { all: true, oneoff: true, services: o.services }).filter(
    (c) => o.removeOrphans || p.services[c.labels[LABEL.service]] || c.labels[LABEL.oneoff] === 'True',
  );
  const orphans = projectContainers(s, p, { all: true }).filter((c) => !p.services[c.labels[LABEL.service]]);
  if (orphans.length && !o.removeOrphans) {
    warn(s, `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
  }
  // Dependents first: the reverse of the start order.
  const order = dependencyOrder(p).map((x) => x.name).reverse();
  const rank = (c: BackendContainer) => {
    const i = order.indexOf(c.labels[LABEL.service]);
    return i < 0 ? -1 : i;
  };
  for (const c of [...containers].sort((a, b) => rank(a) - rank(b))) {
    const id = containerEvent(c);
    if (c.state === 'running' || c.state === 'restarting' || c.state === 'paused') {
      w.event({ id, status: 'working', text: EVENT.stopping });
      const r = await s.backend.stopContainer(c.id, o.timeout);
      if (!r.ok) {
        w.event({ id, status: 'error', text: r.error.message });
        continue;
      }
      w.event({ id, status: 'done', text: EVENT.stopped });
    }
    w.event({ id, status: 'working', text: EVENT.removing });
    const r = await s.backend.removeContainer(c.id, true);
    w.event(r.ok ? { id, status: 'done', text: EVENT.removed } : { id, status: 'error', text: r.error.message });
  }
  if (!o.services.length) {
    for (const key of Object.keys(p.networks).sort()) {
      const n = p.networks[key];
      if (n.external || !s.backend.hasNetwork(n.name)) continue;
      const id = `Network ${n.name}`;
      w.event({ id, status: 'working', text: EVENT.removing });
      const r = s.backend.removeNetwork(n.name);
      w.event(r.ok ? { id, status: 'done', text: EVENT.removed } : { id, status: 'error', text: r.error.message });
    }
    if (o.volumes) {
      for (const key of Object.keys(p.volumes).sort()) {
        const v = p.volumes[key];
        if (v.external || !s.backend.hasVolume(v.name)) continue;
        const id = `Volume ${v.name}`;
        w.event({ id, status: 'working', text: EVENT.removing });
        const r = s.backend.removeVolume(v.name);
        w.event(r.ok ? { id, status: 'done', text: EVENT.removed } : { id, status: 'error', text: r.error.message });
      }
    }
    if (o.rmi === 'all' || o.rmi === 'local') {
      for (const svc of dependencyOrder(p)) {
        if (o.rmi === 'local' && svc.image) continue;
        const img = serviceImage(p, svc);
        if (!s.backend.hasImage(img)) continue;
        const id = `Image ${img}`;
        w.event({ id, status: 'working', text: EVENT.removing });
        const r = s.backend.removeImage(img);
        w.event(r.ok ? { id, status: 'done', text: EVENT.removed } : { id, status: 'error', text: r.error.message });
      }
    }
  }
  w.done();
  return 0;
}

// ---------------------------------------------------------------------------------------------------------- start/stop/restart

export async function stop(s: Session, p: ComposeProject, services: string[], timeout?: number): Promise<Code> {
  await s.backend.sync();
  const w = writer(s, 'Stopping');
  const order = dependencyOrder(p).map((x) => x.name).reverse();
  const cs = projectContainers(s, p, { all: false, services }).sort((a, b) => order.indexOf(a.labels[LABEL.service]) - order.indexOf(b.labels[LABEL.service]));
  for (const c of cs) {
    w.event({ id: containerEvent(c), status: 'working', text: EVENT.stopping });
    const r = await s.backend.stopContainer(c.id, timeout);
    w.event(r.ok ? { id: containerEvent(c), status: 'done', text: EVENT.stopped } : { id: containerEvent(c), status: 'error', text: r.error.message });
  }
  w.done();
  return 0;
}

export async function start(s: Session, p: ComposeProject, services: string[]): Promise<Code> {
  await s.backend.sync();
  const all = projectContainers(s, p, { all: true, services });
  if (!all.length) return fail(s, 'service "' + (services[0] ?? Object.keys(p.services)[0]) + '" has no container to start');
  const w = writer(s);
  for (const svc of dependencyOrder(p, services)) {
    for (const c of all.filter((x) => x.labels[LABEL.service] === svc.name && x.state !== 'running')) {
      w.event({ id: containerEvent(c), status: 'working', text: EVENT.starting });
      const r = await s.backend.startContainer(c.id);
      if (!r.ok) {
        w.event({ id: containerEvent(c), status: 'error', text: r.error.message });
        w.done();
        return fail(s, `Error response from daemon: ${r.error.message}`);
      }
      w.event({ id: containerEvent(c), status: 'done', text: EVENT.started });
    }
  }
  w.done();
  return 0;
}

export async function restart(s: Session, p: ComposeProject, services: string[], timeout?: number): Promise<Code> {
  await s.backend.sync();
  const w = writer(s, 'Restarting');
  for (const svc of dependencyOrder(p, services)) {
    if (services.length && !services.includes(svc.name)) continue;
    for (const c of projectContainers(s, p, { all: true, services: [svc.name] })) {
      w.event({ id: containerEvent(c), status: 'working', text: EVENT.restarting });
      const r = await s.backend.restartContainer(c.id, timeout);
      if (!r.ok) {
        w.event({ id: containerEvent(c), status: 'error', text: r.error.message });
        w.done();
        return fail(s, `Error response from daemon: ${r.error.message}`);
      }
      w.event({ id: containerEvent(c), status: 'done', text: EVENT.started });
    }
  }
  w.done();
  return 0;
}

// ---------------------------------------------------------------------------------------------------------- logs

export interface LogsOptions {
  services: string[];
  follow: boolean;
  tail: string;
  timestamps: boolean;
  noLogPrefix: boolean;
  /** Formats a log time as Docker does (RFC3339Nano, fixed width). */
  stamp: (ms: number) => string;
}

export async function logs(s: Session, p: ComposeProject, o: LogsOptions): Promise<Code> {
  await s.backend.sync();
  const cs = projectContainers(s, p, { all: true, services: o.services });
  const width = Math.max(0, ...cs.map((c) => shortName(p, c).length)) + 1;
  const show = (c: BackendContainer, l: LogLine) => {
    const text = l.text.endsWith('\n') ? l.text.slice(0, -1) : l.text;
    const line = `${o.noLogPrefix ? '' : `${shortName(p, c).padEnd(width)} | `}${o.timestamps ? `${o.stamp(l.time)} ` : ''}${text}\n`;
    if (l.stream === 'stderr') s.io.stderr(line);
    else s.io.stdout(line);
  };
  for (const c of cs) {
    let lines = s.backend.logs(c.id);
    const n = Number(o.tail);
    if (o.tail !== 'all' && o.tail !== '' && Number.isInteger(n) && n >= 0) lines = n === 0 ? [] : lines.slice(-n);
    for (const l of lines) show(c, l);
  }
  if (!o.follow) return 0;
  const unsubs = cs.map((c) => s.backend.onLog(c.id, (l) => show(c, l)));
  try {
    for (;;) {
      await s.backend.sync();
      const now = projectContainers(s, p, { all: true, services: o.services });
      if (now.every((c) => c.state !== 'running' && c.state !== 'restarting') || s.io.signal?.aborted) return 0;
      await s.backend.tick();
    }
  } finally {
    unsubs.forEach((u) => u());
  }
}
