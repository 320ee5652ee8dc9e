/**
 * From the validated YAML tree to the Compose model, filling what Compose fills: the implicit `default` network,
 * long-form ports, volumes and depends_on, absolute build contexts and bind sources, `env_file` merged under
 * `environment`, engine names of networks and volumes (`<project>_<key>`).
 */
import { parsePortSpec } from '../containers/ports';
import type { BuildConfig, ComposeProject, DependsOn, Healthcheck, NetworkConfig, PortConfig, ServiceConfig, ServiceVolume, VolumeConfig } from './model';

type Raw = Record<string, unknown>;

export function joinPath(dir: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${dir}/${p}`).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

/** Splits a command string the way Compose does (shellwords: quotes and backslashes, no expansion). */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: '"' | "'" | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const bool = (v: unknown): boolean => v === true || v === 'true';

/** `list_or_dict`: ["K=V", "K"] or {K: V}; a key without value is null. */
export function listOrDict(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = str(item);
      const eq = s.indexOf('=');
      if (eq < 0) out[s] = null;
      else out[s.slice(0, eq)] = s.slice(eq + 1);
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out[k] = x === null || x === undefined ? null : str(x);
  }
  return out;
}

function commandOf(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return splitCommand(v);
  return (v as unknown[]).map(str);
}

/** Ports in Compose's long form; a short-syntax error comes back as a string. */
export function portsOf(v: unknown): PortConfig[] | string {
  const out: PortConfig[] = [];
  for (const item of (v as unknown[] | undefined) ?? []) {
    if (item && typeof item === 'object') {
      const o = item as Raw;
      out.push({
        mode: 'ingress',
        ...(o.host_ip ? { hostIp: str(o.host_ip) } : {}),
        target: Number(o.target),
        ...(o.published !== undefined ? { published: str(o.published) } : {}),
        protocol: o.protocol === 'udp' ? 'udp' : 'tcp',
      });
      continue;
    }
    const r = parsePortSpec(str(item));
    if (!r.ok) return r.error.message;
    for (const b of r.value) {
      const [port, proto] = b.containerPort.split('/');
      const published = b.hostPort ? (b.hostPortEnd ? `${b.hostPort}-${b.hostPortEnd}` : String(b.hostPort)) : undefined;
      out.push({
        mode: 'ingress',
        ...(b.hostIp ? { hostIp: b.hostIp } : {}),
        target: Number(port),
        ...(published ? { published } : {}),
        protocol: proto === 'udp' ? 'udp' : 'tcp',
      });
    }
  }
  return out;
}

/** Short syntax `[SOURCE:]TARGET[:MODE]`: a source starting with `.`, `/` or `~` is a bind mount, else a named volume. */
function volumeOf(item: unknown, dir: string): ServiceVolume {
  if (item && typeof item === 'object') {
    const o = item as Raw;
    const type = o.type === 'bind' || o.type === 'tmpfs' ? o.type : 'volume';
    const src = o.source === undefined ? undefined : str(o.source);
    return { type, ...(src !== undefined ? { source: type === 'bind' ? joinPath(dir, src) : src } : {}), target: str(o.target), readOnly: bool(o.read_only) };
  }
  const parts = str(item).split(':');
  if (parts.length === 1) return { type: 'volume', target: parts[0], readOnly: false };
  const [src, target, mode] = parts;
  const readOnly = (mode ?? '').split(',').includes('ro');
  if (/^[./~]/.test(src)) return { type: 'bind', source: joinPath(dir, src.replace(/^~/, '/root')), target, readOnly };
  return { type: 'volume', source: src, target, readOnly };
}

function dependsOf(v: unknown): Record<string, DependsOn> {
  const out: Record<string, DependsOn> = {};
  if (Array.isArray(v)) for (const d of v) out[str(d)] = { condition: 'service_started', required: true, restart: false };
  else if (v && typeof v === 'object') {
    for (const [d, o] of Object.entries(v as Record<string, Raw>)) {
      out[d] = { condition: (o.condition as DependsOn['condition']) ?? 'service_started', required: o.required !== false, restart: bool(o.restart) };
    }
  }
  return out;
}

function healthOf(v: unknown): Healthcheck | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const test = typeof o.test === 'string' ? ['CMD-SHELL', o.test] : Array.isArray(o.test) ? o.test.map(str) : [];
  return {
    test,
    ...(o.interval !== undefined ? { interval: str(o.interval) } : {}),
    ...(o.timeout !== undefined ? { timeout: str(o.timeout) } : {}),
    ...(o.retries !== undefined ? { retries: Number(o.retries) } : {}),
    ...(o.start_period !== undefined ? { startPeriod: str(o.start_period) } : {}),
    ...(bool(o.disable) ? { disable: true } : {}),
  };
}

function buildOf(v: unknown, dir: string): BuildConfig | undefined {
  if (v === undefined || v === null) return undefined;
  const o: Raw = typeof v === 'string' ? { context: v } : (v as Raw);
  const args: Record<string, string> = {};
  for (const [k, x] of Object.entries(listOrDict(o.args))) if (x !== null) args[k] = x;
  return { context: joinPath(dir, str(o.context ?? '.')), dockerfile: str(o.dockerfile ?? 'Dockerfile'), args, ...(o.target ? { target: str(o.target) } : {}) };
}

export interface NormalizeInput {
  name: string;
  workingDir: string;
  configFiles: string[];
  root: Raw;
  environment: Record<string, string>;
  /** Variables from each service's env_file(s), already read, by service name. */
  envFiles: Record<string, Record<string, string | null>>;
}

export function normalize(i: NormalizeInput): ComposeProject | { error: string; path: (string | number)[] } {
  const services: Record<string, ServiceConfig> = {};
  let usesDefault = false;
  for (const [name, raw] of Object.entries((i.root.services ?? {}) as Record<string, Raw>)) {
    const ports = portsOf(raw.ports);
    if (typeof ports === 'string') return { error: ports, path: ['services', name, 'ports'] };
    const environment: Record<string, string | null> = { ...(i.envFiles[name] ?? {}) };
    for (const [k, v] of Object.entries(listOrDict(raw.environment))) environment[k] = v ?? i.environment[k] ?? null;
    let networks: ServiceConfig['networks'] = {};
    if (Array.isArray(raw.networks)) for (const n of raw.networks) networks[str(n)] = null;
    else if (raw.networks && typeof raw.networks === 'object') {
      for (const [n, o] of Object.entries(raw.networks as Record<string, Raw | null>)) networks[n] = o && Array.isArray(o.aliases) ? { aliases: o.aliases.map(str) } : null;
    }
    if (raw.network_mode === undefined && Object.keys(networks).length === 0) networks = { default: null };
    if ('default' in networks) usesDefault = true;
    services[name] = {
      name,
      ...(raw.image !== undefined ? { image: str(raw.image) } : {}),
      ...(raw.build !== undefined ? { build: buildOf(raw.build, i.workingDir) } : {}),
      command: commandOf(raw.command),
      entrypoint: commandOf(raw.entrypoint),
      environment,
      ports,
      expose: ((raw.expose as unknown[] | undefined) ?? []).map(str),
      volumes: ((raw.volumes as unknown[] | undefined) ?? []).map((v) => volumeOf(v, i.workingDir)),
      networks,
      ...(raw.network_mode !== undefined ? { networkMode: str(raw.network_mode) } : {}),
      dependsOn: dependsOf(raw.depends_on),
      ...(raw.healthcheck ? { healthcheck: healthOf(raw.healthcheck) } : {}),
      ...(raw.restart !== undefined ? { restart: str(raw.restart) } : {}),
      ...(raw.container_name !== undefined ? { containerName: str(raw.container_name) } : {}),
      ...(raw.working_dir !== undefined ? { workingDir: str(raw.working_dir) } : {}),
      ...(raw.user !== undefined ? { user: str(raw.user) } : {}),
      ...(raw.hostname !== undefined ? { hostname: str(raw.hostname) } : {}),
      tty: bool(raw.tty),
      stdinOpen: bool(raw.stdin_open),
      labels: Object.fromEntries(Object.entries(listOrDict(raw.labels)).map(([k, v]) => [k, v ?? ''])),
      ...(raw.stop_signal !== undefined ? { stopSignal: str(raw.stop_signal) } : {}),
      ...(raw.stop_grace_period !== undefined ? { stopGracePeriod: str(raw.stop_grace_period) } : {}),
      ...(raw.pull_policy !== undefined ? { pullPolicy: str(raw.pull_policy) } : {}),
    };
  }
  const networks: Record<string, NetworkConfig> = {};
  const rawNets = (i.root.networks ?? {}) as Record<string, Raw | null>;
  if (usesDefault && !('default' in rawNets)) rawNets.default = null;
  for (const [key, o] of Object.entries(rawNets)) {
    const external = bool(o?.external);
    networks[key] = {
      name: o?.name !== undefined ? str(o.name) : external ? key : `${i.name}_${key}`,
      ...(o?.driver !== undefined ? { driver: str(o.driver) } : {}),
      external,
      labels: Object.fromEntries(Object.entries(listOrDict(o?.labels)).map(([k, v]) => [k, v ?? ''])),
    };
  }
  const volumes: Record<string, VolumeConfig> = {};
  for (const [key, o] of Object.entries((i.root.volumes ?? {}) as Record<string, Raw | null>)) {
    const external = bool(o?.external);
    volumes[key] = {
      name: o?.name !== undefined ? str(o.name) : external ? key : `${i.name}_${key}`,
      ...(o?.driver !== undefined ? { driver: str(o.driver) } : {}),
      external,
      labels: Object.fromEntries(Object.entries(listOrDict(o?.labels)).map(([k, v]) => [k, v ?? ''])),
    };
  }
  return { name: i.name, workingDir: i.workingDir, configFiles: i.configFiles, services, networks, volumes, environment: i.environment };
}
