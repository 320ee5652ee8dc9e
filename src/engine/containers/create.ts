/**
 * `docker create`: the options as the CLI parsed them, and the container record they make with an image —
 * `-p` bindings, Entrypoint/Cmd (`--entrypoint` resets the image's Cmd), env = image Env + `-e`, exposed
 * ports, the restart policy.
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { Layer } from '../fs/layer';
import type { ContainerConfig as ImageContainerConfig, HealthConfig } from '../images/config';
import type { ImageRecord } from '../images/store';
import { randomId } from './names';
import { parsePortSpec, type PortBinding } from './ports';
import type { MountSpec } from '../volumes/types';
import type { Container, ContainerConfig, HostMount } from './types';

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
  /** `--network-alias` (user-defined networks only). */
  networkAliases?: string[];
  /** `--health-*` flags, `--no-healthcheck` as `{ test: ['NONE'] }` (durations in ns); overrides the image's. */
  healthcheck?: { test: string[]; interval?: number; timeout?: number; retries?: number; startPeriod?: number };
  expose?: string[];
  stopSignal?: string;
  stopTimeout?: number;
  /** Set by run: stdin/stdout attached. */
  attach?: boolean;
  /** `--memory` in bytes. */
  memory?: number;
  /** `--pids-limit` (0 or less: unlimited, as Docker takes -1). */
  pidsLimit?: number;
  /** `-v`, `--mount` and `--tmpfs`, in the order given. */
  mounts?: MountSpec[];
}

/** HostConfig's view of the mount flags: Binds (`-v` with a source), Mounts (`--mount`), Tmpfs (`--tmpfs`). */
function hostMounts(specs: MountSpec[]): { Binds: string[] | null; Mounts: HostMount[] | null; Tmpfs?: Record<string, string> } {
  const binds: string[] = [];
  const mounts: HostMount[] = [];
  const tmpfs: Record<string, string> = {};
  for (const s of specs) {
    if (s.via === 'volume-flag' && s.source) binds.push(s.raw ?? `${s.source}:${s.target}`);
    else if (s.via === 'mount-flag') {
      mounts.push({ Type: s.type, ...(s.source ? { Source: s.source } : {}), Target: s.target, ...(s.readOnly ? { ReadOnly: true } : {}), ...(s.noCopy ? { VolumeOptions: { NoCopy: true } } : {}) });
    } else if (s.via === 'tmpfs-flag') tmpfs[s.target] = s.raw ?? '';
  }
  return { Binds: binds.length ? binds : null, Mounts: mounts.length ? mounts : null, ...(Object.keys(tmpfs).length ? { Tmpfs: tmpfs } : {}) };
}

/** A new `created` container named `name` (already checked) from `image`; its ID is drawn from `env.random`. */
export function newContainer(env: EngineEnv, image: ImageRecord, name: string, o: CreateOptions): Result<Container> {
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
  const id = randomId(env.random);
  const vars = [...(ic.Env ?? [])];
  for (const kv of o.env) {
    const eq = kv.indexOf('=');
    if (eq <= 0) continue;
    const k = kv.slice(0, eq);
    const i = vars.findIndex((e) => e === k || e.startsWith(k + '='));
    if (i >= 0) vars[i] = kv;
    else vars.push(kv);
  }
  const exposed: Record<string, Record<string, never>> = { ...(ic.ExposedPorts ?? {}) };
  for (const b of bindings) exposed[b.containerPort] = {};
  for (const e of o.expose ?? []) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  // The image's VOLUMEs, and `-v /path` (the client turns a mount without a source into a config volume).
  const volumes: Record<string, Record<string, never>> = { ...(ic.Volumes ?? {}) };
  for (const m of o.mounts ?? []) if (m.type === 'volume' && !m.source && m.via === 'volume-flag') volumes[m.target] = {};
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
    Env: vars,
    Cmd: cmd,
    Image: o.image,
    Volumes: Object.keys(volumes).length ? volumes : null,
    WorkingDir: o.workdir ?? ic.WorkingDir ?? '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: { ...(ic.Labels ?? {}), ...(o.labels ?? {}) },
    StopSignal: o.stopSignal ?? ic.StopSignal,
    StopTimeout: o.stopTimeout,
    Healthcheck: healthcheckOf(ic.Healthcheck, o.healthcheck),
  };
  const [restartName, retries] = (o.restart ?? 'no').split(':');
  return ok({
    id,
    name,
    created: env.clock.now(),
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
      Memory: o.memory ?? 0,
      PidsLimit: o.pidsLimit ?? null,
      ...hostMounts(o.mounts ?? []),
    },
    state: { Status: 'created', Pid: 0, ExitCode: 0, Error: '', StartedAt: 0, FinishedAt: 0, OOMKilled: false },
    logs: [],
    upper: new Layer(),
    inputs: [],
    appliedUntil: 0,
    restartCount: 0,
  });
}

/**
 * The container's healthcheck: the `--health-*` flags merged over the image's HEALTHCHECK as moby does
 * (daemon/commit.go `merge`): an empty test or a zero field keeps the image's value.
 */
function healthcheckOf(image: HealthConfig | undefined, o: CreateOptions['healthcheck']): HealthConfig | undefined {
  if (!o) return image ? { ...image } : undefined;
  const out: HealthConfig = { Test: o.test.length ? [...o.test] : [...(image?.Test ?? [])] };
  const interval = o.interval || image?.Interval;
  const timeout = o.timeout || image?.Timeout;
  const startPeriod = o.startPeriod || image?.StartPeriod;
  const retries = o.retries || image?.Retries;
  if (interval) out.Interval = interval;
  if (timeout) out.Timeout = timeout;
  if (startPeriod) out.StartPeriod = startPeriod;
  if (retries) out.Retries = retries;
  return out.Test.length ? out : undefined;
}
