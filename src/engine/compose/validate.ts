/**
 * Validation of a parsed Compose file in compose-go's words: the schema checks (compose-spec.json, reported as
 * `services.web additional properties 'foo' not allowed`, `services.web.ports must be a array`, ...) for the
 * keys Layerlab reads, and the project checks of loader/validate.go (undefined services, networks, volumes;
 * dependency cycles). Every problem carries the dotted path, so the loader can point at the YAML line.
 */

export interface ValidationProblem {
  /** Compose's message, without the "validating <file>: " prefix. */
  message: string;
  /** Path in the YAML tree of the offending node. */
  path: (string | number)[];
  /** The offending item is a mapping key (additional property) rather than a value. */
  key?: boolean;
}

type JsType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'mapping' | 'null';

const TOP_KEYS = ['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'version', 'volumes'];

/** Every service key the compose specification allows (compose-spec.json, compose-go v2.9). */
const SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
  'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt',
  'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts',
  'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'links',
  'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode',
  'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop',
  'privileged', 'profiles', 'provider', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'scale',
  'secrets', 'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs',
  'tty', 'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
];
const BUILD_KEYS = [
  'context', 'dockerfile', 'dockerfile_inline', 'entitlements', 'args', 'provenance', 'sbom', 'ssh', 'labels', 'cache_from',
  'cache_to', 'no_cache', 'additional_contexts', 'pull', 'extra_hosts', 'isolation', 'network', 'target', 'secrets',
  'shm_size', 'tags', 'ulimits', 'platforms', 'privileged',
];
const HEALTH_KEYS = ['disable', 'interval', 'retries', 'start_interval', 'start_period', 'test', 'timeout'];
const NETWORK_KEYS = ['attachable', 'driver', 'driver_opts', 'enable_ipv4', 'enable_ipv6', 'external', 'internal', 'ipam', 'labels', 'name'];
const VOLUME_KEYS = ['driver', 'driver_opts', 'external', 'labels', 'name'];
const DEPENDS_KEYS = ['condition', 'required', 'restart'];
const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];

/**
 * The accepted types of the service keys Layerlab reads. A `oneOf` in the schema reports the first branch's type
 * (compose-go keeps the first most specific cause); a `type` list reports all of them ("array or mapping").
 */
const SERVICE_TYPES: Record<string, { types: JsType[]; oneOf?: boolean }> = {
  image: { types: ['string'] },
  build: { types: ['string', 'mapping'], oneOf: true },
  command: { types: ['null', 'string', 'array'], oneOf: true },
  entrypoint: { types: ['null', 'string', 'array'], oneOf: true },
  environment: { types: ['mapping', 'array'], oneOf: true },
  env_file: { types: ['string', 'array'], oneOf: true },
  labels: { types: ['mapping', 'array'], oneOf: true },
  ports: { types: ['array'] },
  expose: { types: ['array'] },
  volumes: { types: ['array'] },
  networks: { types: ['array', 'mapping'], oneOf: true },
  depends_on: { types: ['array', 'mapping'], oneOf: true },
  healthcheck: { types: ['mapping'] },
  restart: { types: ['string'] },
  container_name: { types: ['string'] },
  working_dir: { types: ['string'] },
  user: { types: ['string'] },
  hostname: { types: ['string'] },
  network_mode: { types: ['string'] },
  tty: { types: ['boolean', 'string'] },
  stdin_open: { types: ['boolean', 'string'] },
  stop_signal: { types: ['string'] },
  stop_grace_period: { types: ['string'] },
  pull_policy: { types: ['string'] },
};

export function typeOf(v: unknown): JsType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function accepts(types: JsType[], v: unknown): boolean {
  const t = typeOf(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** compose-go's humanReadableType: one type as is ("mapping" for object), several sorted and joined with "or". */
function typeWords(types: JsType[]): string {
  if (types.length === 1) return types[0];
  const s = [...types].sort();
  return `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}`;
}

function typeProblem(path: (string | number)[], spec: { types: JsType[]; oneOf?: boolean }): ValidationProblem {
  const want = spec.oneOf ? [spec.types[0] === 'null' ? spec.types[1] : spec.types[0]] : spec.types;
  return { message: `${path.join('.')} must be a ${typeWords(want)}`, path };
}

function extraKeys(obj: Record<string, unknown>, allowed: string[], path: (string | number)[]): ValidationProblem | null {
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k) && !k.startsWith('x-'));
  if (!extra.length) return null;
  return { message: `${path.join('.')} additional properties ${extra.map((k) => `'${k}'`).join(', ')} not allowed`, path: [...path, extra[0]], key: true };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeOf(v) === 'mapping';

/** The schema checks, first problem only (as Compose reports one). */
export function validateSchema(root: unknown): ValidationProblem | null {
  if (!isMap(root)) return { message: 'top-level object must be a mapping', path: [] };
  const top = extraKeys(root, TOP_KEYS, []);
  if (top) return top;
  for (const section of ['services', 'networks', 'volumes'] as const) {
    const v = root[section];
    if (v !== undefined && v !== null && !isMap(v)) return { message: `${section} must be a mapping`, path: [section] };
  }
  if (root.name !== undefined && typeof root.name !== 'string') return { message: 'name must be a string', path: ['name'] };
  const services = (root.services ?? {}) as Record<string, unknown>;
  for (const [name, svc] of Object.entries(services)) {
    const p = ['services', name];
    if (!isMap(svc)) return { message: `${p.join('.')} must be a mapping`, path: p };
    const extra = extraKeys(svc, SERVICE_KEYS, p);
    if (extra) return extra;
    for (const [key, spec] of Object.entries(SERVICE_TYPES)) {
      if (key in svc && !accepts(spec.types, svc[key])) return typeProblem([...p, key], spec);
    }
    const problem = serviceDetails(svc, p);
    if (problem) return problem;
  }
  for (const section of ['networks', 'volumes'] as const) {
    for (const [name, def] of Object.entries((root[section] ?? {}) as Record<string, unknown>)) {
      const p = [section, name];
      if (def === null || def === undefined) continue;
      if (!isMap(def)) return { message: `${p.join('.')} must be a mapping`, path: p };
      const extra = extraKeys(def, section === 'networks' ? NETWORK_KEYS : VOLUME_KEYS, p);
      if (extra) return extra;
    }
  }
  return null;
}

function serviceDetails(svc: Record<string, unknown>, p: string[]): ValidationProblem | null {
  if (isMap(svc.build)) {
    const extra = extraKeys(svc.build, BUILD_KEYS, [...p, 'build']);
    if (extra) return extra;
    if (svc.build.args !== undefined && !accepts(['mapping', 'array'], svc.build.args)) return typeProblem([...p, 'build', 'args'], { types: ['mapping', 'array'], oneOf: true });
  }
  if (isMap(svc.healthcheck)) {
    const extra = extraKeys(svc.healthcheck, HEALTH_KEYS, [...p, 'healthcheck']);
    if (extra) return extra;
    const hc = svc.healthcheck;
    if (hc.retries !== undefined && typeof hc.retries !== 'number') return typeProblem([...p, 'healthcheck', 'retries'], { types: ['number'] });
    for (const d of ['interval', 'timeout', 'start_period', 'start_interval']) {
      if (hc[d] !== undefined && typeof hc[d] !== 'string') return typeProblem([...p, 'healthcheck', d], { types: ['string'] });
    }
  }
  if (isMap(svc.depends_on)) {
    for (const [dep, opts] of Object.entries(svc.depends_on)) {
      const dp = [...p, 'depends_on', dep];
      if (!isMap(opts)) return typeProblem(dp, { types: ['mapping'] });
      const extra = extraKeys(opts, DEPENDS_KEYS, dp);
      if (extra) return extra;
      if (opts.condition !== undefined && !CONDITIONS.includes(String(opts.condition))) {
        return { message: `${[...dp, 'condition'].join('.')} value must be one of ${CONDITIONS.map((c) => `'${c}'`).join(', ')}`, path: [...dp, 'condition'] };
      }
      if (opts.required !== undefined && typeof opts.required !== 'boolean') return typeProblem([...dp, 'required'], { types: ['boolean'] });
    }
  }
  for (const list of ['ports', 'volumes', 'expose'] as const) {
    const items = svc[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const ip = [...p, list, i];
      if (list === 'expose' && !accepts(['string', 'number'], it)) return typeProblem(ip, { types: ['string', 'number'] });
      if (list !== 'expose' && !accepts(['string', 'number', 'mapping'], it)) return typeProblem(ip, { types: list === 'ports' ? ['number'] : ['string'], oneOf: true });
      if (list === 'volumes' && isMap(it) && it.target === undefined) return { message: `${ip.join('.')} missing property 'target'`, path: ip };
      if (list === 'volumes' && isMap(it) && !['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'].includes(String(it.type))) {
        return it.type === undefined ? { message: `${ip.join('.')} missing property 'type'`, path: ip } : { message: `invalid mount type: ${String(it.type)}`, path: [...ip, 'type'] };
      }
    }
  }
  for (const key of ['networks', 'depends_on'] as const) {
    const v = svc[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return typeProblem([...p, key, i], { types: ['string'] });
    }
  }
  return null;
}

/** What the project checks need to know of a normalised service. */
export interface ServiceRefs {
  name: string;
  hasImage: boolean;
  hasBuild: boolean;
  dependsOn: string[];
  networks: string[];
  namedVolumes: string[];
}

/** loader/validate.go's checks on the normalised project (messages end in ": invalid compose project"). */
export function validateProject(
  services: ServiceRefs[],
  networks: string[],
  volumes: string[],
): ValidationProblem | null {
  const names = new Set(services.map((s) => s.name));
  for (const s of services) {
    const p = ['services', s.name];
    if (!s.hasImage && !s.hasBuild) return { message: `service "${s.name}" has neither an image nor a build context specified: invalid compose project`, path: p };
    for (const n of s.networks) {
      if (!networks.includes(n)) return { message: `service "${s.name}" refers to undefined network ${n}: invalid compose project`, path: [...p, 'networks'] };
    }
    for (const d of s.dependsOn) {
      if (!names.has(d)) return { message: `service "${s.name}" depends on undefined service "${d}": invalid compose project`, path: [...p, 'depends_on'] };
    }
    for (const v of s.namedVolumes) {
      if (!volumes.includes(v)) return { message: `service "${s.name}" refers to undefined volume ${v}: invalid compose project`, path: [...p, 'volumes'] };
    }
  }
  const cycle = findCycle(services);
  return cycle ? { message: `dependency cycle detected: ${cycle.join(' -> ')}`, path: ['services', cycle[0], 'depends_on'] } : null;
}

function findCycle(services: ServiceRefs[]): string[] | null {
  const deps = new Map(services.map((s) => [s.name, s.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const s of [...deps.keys()].sort()) {
    const c = visit(s);
    if (c) return c;
  }
  return null;
}
