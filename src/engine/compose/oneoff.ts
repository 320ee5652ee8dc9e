/**
 * The one-off commands: `docker compose exec` (a command in a service's running container) and
 * `docker compose run` (a new `<project>-<service>-run-<slug>` container labelled `oneoff=True`, after its
 * dependencies are up), as pkg/compose/exec.go and run.go in docker/compose v2.39 do them.
 */
import type { ContainerSpec } from './backend';
import type { ComposeProject } from './model';
import { LABEL } from './model';
import { buildServices, checkServices, containerSpec, degrade, ensureResources, fail, projectContainers, pullMissing, up, writer, type Session } from './project';

type Code = number;

export interface ExecOptions {
  detach: boolean;
  env: string[];
  index: number;
  user?: string;
  workdir?: string;
  tty: boolean;
  interactive: boolean;
}

export async function exec(s: Session, p: ComposeProject, service: string, cmd: string[], o: ExecOptions): Promise<Code> {
  const bad = checkServices(p, [service]);
  if (bad) return fail(s, bad);
  await s.backend.sync();
  const running = projectContainers(s, p, { all: false, services: [service] });
  const index = o.index || 1;
  const c = running.find((x) => Number(x.labels[LABEL.number]) === index);
  if (!c) return fail(s, o.index ? `service "${service}" is not running container #${index}` : `service "${service}" is not running`);
  const r = await s.backend.exec(c.id, { cmd, env: o.env, user: o.user, workdir: o.workdir, tty: o.tty, interactive: o.interactive, detach: o.detach }, s.io);
  if (!r.ok) {
    if (r.error.exitCode !== undefined) {
      s.io.stdout(`${r.error.message}\r\n`);
      return r.error.exitCode;
    }
    return fail(s, `Error response from daemon: ${r.error.message}`);
  }
  return r.value;
}

export interface RunOptions {
  detach: boolean;
  env: string[];
  labels: string[];
  rm: boolean;
  name?: string;
  user?: string;
  workdir?: string;
  entrypoint?: string;
  noDeps: boolean;
  publish: string[];
  servicePorts: boolean;
  tty: boolean;
  interactive: boolean;
  quietPull: boolean;
  build: boolean;
  /** A 12-hex slug for the one-off container's name. */
  slug: string;
}

export async function run(s: Session, p: ComposeProject, service: string, cmd: string[], o: RunOptions): Promise<Code> {
  const bad = checkServices(p, [service]);
  if (bad) return fail(s, bad);
  const svc = p.services[service];
  const deps = Object.keys(svc.dependsOn);
  if (deps.length && !o.noDeps) {
    const code = await up(s, p, {
      services: deps, detach: true, build: false, noBuild: false, pull: 'missing', forceRecreate: false, noRecreate: false,
      noStart: false, removeOrphans: false, noDeps: false, noLogPrefix: false, timestamps: false, abortOnContainerExit: false, wait: false,
    });
    if (code !== 0) return code;
  }
  const pulled = await pullMissing(s, p, [svc], 'missing');
  if (!pulled.ok) return fail(s, pulled.error.message);
  const b = await buildServices(s, p, { services: [service], force: o.build });
  if (!b.ok) return fail(s, b.error.message);
  const notes = new Set<string>();
  const w = writer(s);
  const res = await ensureResources(s, p, [svc], w, notes);
  w.done();
  if (!res.ok) return fail(s, res.error.message);
  const base = degrade(containerSpec(s, p, svc, 1), res.value);
  const labels: Record<string, string> = { ...base.labels, [LABEL.oneoff]: 'True', [LABEL.number]: '1', 'com.docker.compose.slug': o.slug };
  for (const l of o.labels) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const spec: ContainerSpec = {
    ...base,
    name: o.name ?? `${p.name}-${service}-run-${o.slug.slice(0, 12)}`,
    command: cmd.length ? cmd : base.command,
    ...(o.entrypoint !== undefined ? { entrypoint: o.entrypoint ? [o.entrypoint] : [] } : {}),
    env: [...base.env, ...o.env],
    labels,
    publish: o.servicePorts ? base.publish : o.publish,
    ...(o.user ? { user: o.user } : {}),
    ...(o.workdir ? { workingDir: o.workdir } : {}),
    tty: o.tty,
    stdinOpen: o.interactive,
    autoRemove: o.rm,
    restart: undefined,
  };
  for (const n of notes) s.io.stderr(`${n}\n`);
  const r = s.backend.createContainer(spec);
  if (!r.ok) return fail(s, `Error response from daemon: ${r.error.message}`);
  const c = r.value;
  if (o.detach) {
    const st = await s.backend.startContainer(c.id);
    if (!st.ok) return fail(s, `Error response from daemon: ${st.error.message}`);
    s.io.stdout(`${c.name}\n`);
    return 0;
  }
  const code = await s.backend.startAttached(c.id, s.io, { stdin: o.interactive, tty: o.tty });
  if (o.rm) await s.backend.removeContainer(c.id, true);
  if (!code.ok) {
    fail(s, `Error response from daemon: ${code.error.message}`);
    return code.error.exitCode ?? 1;
  }
  return code.value;
}
