/**
 * Restoring a persisted snapshot must never trust its shape (a damaged IndexedDB entry or state file):
 * these checks rebuild each container record field by field, and a record that cannot be rebuilt is dropped.
 */
import type { EntryJSON, LayerJSON } from '../fs/serialize';
import type { Endpoint } from '../networks/types';
import type { PeerReply } from '../runtime/process';
import type { HealthState } from './health';
import type { PortBinding } from './ports';
import type { MountPoint } from '../volumes/types';
import type { Container, ContainerStatus, HostMount, LogEntry, ProcessInput, ProcessSpecData } from './types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const bool = (v: unknown): boolean => v === true;
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const strsOrNull = (v: unknown): string[] | null => (Array.isArray(v) ? strs(v) : null);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
};
const STATUSES: ContainerStatus[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

const MOUNT_TYPES = ['volume', 'bind', 'tmpfs'] as const;
const mountType = (v: unknown): MountPoint['Type'] | null => (MOUNT_TYPES.includes(v as MountPoint['Type']) ? (v as MountPoint['Type']) : null);
const absolute = (v: unknown): v is string => typeof v === 'string' && v.startsWith('/');

/** Mount points with a known type and an absolute destination. */
function sanitizeMounts(v: unknown): MountPoint[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: MountPoint[] = [];
  for (const m of v.filter(isObj)) {
    const Type = mountType(m.Type);
    if (!Type || !absolute(m.Destination)) continue;
    const p: MountPoint = { Type, Source: str(m.Source), Destination: m.Destination, Mode: str(m.Mode), RW: m.RW !== false, Propagation: str(m.Propagation) };
    if (Type === 'volume') {
      if (typeof m.Name !== 'string' || !m.Name) continue;
      Object.assign(p, { Name: m.Name, Driver: 'local' });
    }
    out.push(p);
  }
  return out;
}

function sanitizeHostMounts(v: unknown): HostMount[] | null {
  if (!Array.isArray(v)) return null;
  const out: HostMount[] = [];
  for (const m of v.filter(isObj)) {
    const Type = mountType(m.Type);
    if (!Type || !absolute(m.Target)) continue;
    out.push({ Type, ...(typeof m.Source === 'string' ? { Source: m.Source } : {}), Target: m.Target, ...(m.ReadOnly === true ? { ReadOnly: true } : {}), ...(isObj(m.VolumeOptions) && m.VolumeOptions.NoCopy === true ? { VolumeOptions: { NoCopy: true } } : {}) });
  }
  return out.length ? out : null;
}

/** A container record rebuilt from untrusted JSON (its `upper` and tmpfs trees still as JSON), or null. */
export function sanitizeContainer(j: unknown): (Omit<Container, 'upper' | 'tmpfs'> & { upper: LayerJSON; tmpfs?: Record<string, LayerJSON> }) | null {
  if (!isObj(j) || typeof j.id !== 'string' || !/^[0-9a-f]{64}$/.test(j.id) || typeof j.imageId !== 'string') return null;
  if (typeof j.name !== 'string' || !j.name || !isObj(j.config) || !isObj(j.state) || !isObj(j.upper) || !Array.isArray(j.upper.entries)) return null;
  const c = j.config;
  const h = isObj(j.hostConfig) ? j.hostConfig : {};
  const s = j.state;
  const rp = isObj(h.RestartPolicy) ? h.RestartPolicy : {};
  const ports: PortBinding[] = Array.isArray(h.PortBindings)
    ? h.PortBindings.filter(isObj)
        .map((b): PortBinding => ({ containerPort: str(b.containerPort), hostIp: str(b.hostIp), hostPort: num(b.hostPort), ...(typeof b.hostPortEnd === 'number' ? { hostPortEnd: b.hostPortEnd } : {}) }))
        .filter((b) => /^\d+\/(tcp|udp|sctp)$/.test(b.containerPort))
    : [];
  const exposed: Record<string, Record<string, never>> = {};
  if (isObj(c.ExposedPorts)) for (const k of Object.keys(c.ExposedPorts)) exposed[k] = {};
  const logs: LogEntry[] = Array.isArray(j.logs)
    ? j.logs.filter(isObj).map((l) => ({ stream: l.stream === 'stderr' ? 'stderr' : 'stdout', text: str(l.text), time: num(l.time) }))
    : [];
  const inputs: ProcessInput[] = Array.isArray(j.inputs)
    ? j.inputs
        .filter(isObj)
        .filter((i) => i.kind === 'stdin' || i.kind === 'close' || i.kind === 'signal' || i.kind === 'http')
        .map((i) => ({ ...(i as unknown as ProcessInput), time: num(i.time), data: typeof i.data === 'string' ? i.data : undefined }))
    : [];
  let spec: ProcessSpecData | undefined;
  if (isObj(j.spec) && Array.isArray(j.spec.argv)) {
    const p = j.spec;
    spec = {
      argv: strs(p.argv),
      env: strMap(p.env),
      cwd: str(p.cwd, '/') || '/',
      hostname: str(p.hostname),
      user: typeof p.user === 'string' ? p.user : undefined,
      tty: bool(p.tty),
      interactive: bool(p.interactive),
      startTime: num(p.startTime),
      seed: num(p.seed),
      pid: num(p.pid, 1),
      ipAddress: typeof p.ipAddress === 'string' ? p.ipAddress : undefined,
    };
  }
  const status = STATUSES.includes(s.Status as ContainerStatus) ? (s.Status as ContainerStatus) : 'exited';
  const upper = sanitizeLayerJSON(j.upper);
  if (!upper) return null;
  const volumes: Record<string, Record<string, never>> = {};
  if (isObj(c.Volumes)) for (const k of Object.keys(c.Volumes)) if (k.startsWith('/')) volumes[k] = {};
  const tmpfs: Record<string, LayerJSON> = {};
  if (isObj(j.tmpfs)) for (const [t, l] of Object.entries(j.tmpfs)) {
    const layer = t.startsWith('/') ? sanitizeLayerJSON(l) : null;
    if (layer) tmpfs[t] = layer;
  }
  const tmpfsOpts = strMap(h.Tmpfs);
  return {
    id: j.id,
    name: j.name.replace(/^\//, ''),
    created: num(j.created),
    imageId: j.imageId,
    path: str(j.path, 'sh'),
    args: strs(j.args),
    config: {
      Hostname: str(c.Hostname, j.id.slice(0, 12)),
      Domainname: str(c.Domainname),
      User: str(c.User),
      AttachStdin: bool(c.AttachStdin),
      AttachStdout: bool(c.AttachStdout),
      AttachStderr: bool(c.AttachStderr),
      ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
      Tty: bool(c.Tty),
      OpenStdin: bool(c.OpenStdin),
      StdinOnce: bool(c.StdinOnce),
      Env: strs(c.Env),
      Cmd: strsOrNull(c.Cmd),
      Image: str(c.Image),
      Volumes: Object.keys(volumes).length ? volumes : null,
      WorkingDir: str(c.WorkingDir),
      Entrypoint: strsOrNull(c.Entrypoint),
      OnBuild: null,
      Labels: strMap(c.Labels),
      StopSignal: typeof c.StopSignal === 'string' ? c.StopSignal : undefined,
      StopTimeout: typeof c.StopTimeout === 'number' ? c.StopTimeout : undefined,
      Healthcheck: isObj(c.Healthcheck) && Array.isArray(c.Healthcheck.Test) ? { Test: strs(c.Healthcheck.Test), Interval: num(c.Healthcheck.Interval) || undefined, Timeout: num(c.Healthcheck.Timeout) || undefined, StartPeriod: num(c.Healthcheck.StartPeriod) || undefined, Retries: num(c.Healthcheck.Retries) || undefined } : undefined,
    },
    hostConfig: {
      AutoRemove: bool(h.AutoRemove),
      NetworkMode: str(h.NetworkMode, 'bridge') || 'bridge',
      PortBindings: ports,
      PublishAllPorts: bool(h.PublishAllPorts),
      RestartPolicy: { Name: str(rp.Name, 'no') || 'no', MaximumRetryCount: num(rp.MaximumRetryCount) },
      Binds: Array.isArray(h.Binds) ? strs(h.Binds) : null,
      Mounts: sanitizeHostMounts(h.Mounts),
      ...(Object.keys(tmpfsOpts).length ? { Tmpfs: Object.fromEntries(Object.entries(tmpfsOpts).filter(([t]) => t.startsWith('/'))) } : {}),
    },
    state: {
      Status: status,
      Pid: num(s.Pid),
      ExitCode: num(s.ExitCode),
      Error: str(s.Error),
      StartedAt: num(s.StartedAt),
      FinishedAt: num(s.FinishedAt),
      OOMKilled: bool(s.OOMKilled),
    },
    logs,
    upper,
    ...(Array.isArray(j.mounts) ? { mounts: sanitizeMounts(j.mounts) } : {}),
    ...(Object.keys(tmpfs).length ? { tmpfs } : {}),
    inputs,
    spec,
    appliedUntil: num(j.appliedUntil),
    restartCount: num(j.restartCount),
    restartAt: typeof j.restartAt === 'number' ? j.restartAt : undefined,
    backoff: typeof j.backoff === 'number' ? j.backoff : undefined,
    manuallyStopped: j.manuallyStopped === true ? true : undefined,
    networks: validEndpoints(j.networks),
    peerReplies: Array.isArray(j.peerReplies) ? j.peerReplies.filter(isPeerReply) : undefined,
    health: validHealth(j.health),
  };
}

/** A layer's JSON with only well-formed entries (paths absolute, known entry kinds, numeric fields). */
export function sanitizeLayerJSON(v: unknown): LayerJSON | null {
  if (!isObj(v) || !Array.isArray(v.entries)) return null;
  const entries: LayerJSON['entries'] = [];
  for (const pair of v.entries) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !pair[0].startsWith('/') || !isObj(pair[1])) continue;
    const e = pair[1];
    if (e.w === 1) {
      entries.push([pair[0], { w: 1 }]);
      continue;
    }
    if (e.t !== 'file' && e.t !== 'dir' && e.t !== 'symlink') continue;
    const x: Record<string, unknown> = { t: e.t, m: num(e.m, 0o644), u: num(e.u), g: num(e.g), s: Math.max(0, num(e.s)) };
    if (typeof e.mt === 'number') x.mt = e.mt;
    if (e.o === 1) x.o = 1;
    if (typeof e.x === 'string') x.x = e.x;
    else if (typeof e.b === 'string') x.b = e.b;
    else if (typeof e.sy === 'string') x.sy = e.sy;
    if (typeof e.l === 'string') x.l = e.l;
    entries.push([pair[0], x as EntryJSON]);
  }
  const summary = isObj(v.summary) ? v.summary : {};
  return {
    diffId: str(v.diffId),
    size: num(v.size),
    summary: { added: num(summary.added), modified: num(summary.modified), removed: num(summary.removed) },
    entries,
  };
}

/** Endpoints by network name, rebuilt field by field. */
function validEndpoints(v: unknown): Record<string, Endpoint> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, Endpoint> = {};
  for (const [name, e] of Object.entries(v)) {
    if (!isObj(e) || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) continue;
    out[name] = { NetworkID: str(e.NetworkID), Aliases: strs(e.Aliases), IPAddress: str(e.IPAddress), MacAddress: str(e.MacAddress), EndpointID: str(e.EndpointID) };
  }
  return out;
}

function isPeerReply(v: unknown): v is PeerReply {
  if (!isObj(v)) return false;
  if (v.kind === 'unknown' || v.kind === 'unresolvable') return true;
  if (v.kind === 'refused') return typeof v.ip === 'string';
  return v.kind === 'response' && typeof v.ip === 'string' && isObj(v.res) && typeof v.res.status === 'number' && typeof v.res.body === 'string' && isObj(v.res.headers);
}

function validHealth(v: unknown): HealthState | undefined {
  if (!isObj(v) || !['starting', 'healthy', 'unhealthy'].includes(v.Status as string)) return undefined;
  const log = Array.isArray(v.Log) ? v.Log.filter(isObj).map((l) => ({ Start: num(l.Start), End: num(l.End), ExitCode: num(l.ExitCode), Output: str(l.Output) })) : [];
  return { Status: v.Status as HealthState['Status'], FailingStreak: num(v.FailingStreak), Log: log, next: typeof v.next === 'number' ? v.next : undefined };
}
