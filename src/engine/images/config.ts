/** The image config JSON (OCI / Docker image spec), as stored and hashed into the image ID. */

export interface HealthConfig {
  Test: string[];
  /** Nanoseconds, like Docker. */
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime defaults an image carries (`Config` in `docker image inspect`). */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[] | null;
  Shell?: string[];
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfigJSON {
  architecture: string;
  os: string;
  variant?: string;
  author?: string;
  created: string;
  config: ContainerConfig;
  /** Legacy builder: the parent image ID, part of the hashed config (`parent` in moby's image JSON). */
  parent?: string;
  comment?: string;
  /** Legacy builder: the probe config of the step that made this image (what its cache compares). */
  container_config?: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history: HistoryEntry[];
}

/** A value that writes its own canonical JSON (the shared lists and maps of shared.ts, with their cached pieces). */
export const CANONICAL: unique symbol = Symbol('canonicalJSON');

/** JSON with object keys sorted recursively: the canonical form image IDs are computed over. */
export function canonicalJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const own = (v as { [CANONICAL]?: () => string })[CANONICAL];
  if (own) return own.call(v);
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : canonicalJSON(x))).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  // `+`, not `join`: big members (shared lists) stay pieces of a rope until the text is hashed.
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += (i ? ',' : '') + JSON.stringify(keys[i]) + ':' + canonicalJSON(o[keys[i]]);
  return out + '}';
}

export function cloneConfig(c: ContainerConfig): ContainerConfig {
  return JSON.parse(JSON.stringify(c)) as ContainerConfig;
}

/** Reads `KEY` from an Env list. */
export function envGet(env: string[] | undefined, key: string): string | undefined {
  if (!env) return undefined;
  for (let i = env.length - 1; i >= 0; i--) {
    const e = env[i];
    const eq = e.indexOf('=');
    if ((eq < 0 ? e : e.slice(0, eq)) === key) return eq < 0 ? '' : e.slice(eq + 1);
  }
  return undefined;
}

/** Sets `KEY=value` in an Env list in place of an existing entry (keeps order), or appends. */
export function envSet(env: string[], key: string, value: string): string[] {
  const out = env.slice();
  const i = out.findIndex((e) => e === key || e.startsWith(key + '='));
  if (i >= 0) out[i] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
