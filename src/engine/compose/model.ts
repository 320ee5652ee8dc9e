/**
 * The Compose model after loading: what `compose.yaml` says once interpolated, validated and normalised the way
 * Compose normalises it (implicit `default` network, long-form ports/volumes/depends_on, absolute paths).
 */
import type { SourceRange } from '../core/errors';

export interface BuildConfig {
  /** Absolute path of the build context (`/workspace/app`). */
  context: string;
  dockerfile: string;
  args: Record<string, string>;
  target?: string;
}

export interface PortConfig {
  mode: 'ingress';
  hostIp?: string;
  /** Container port. */
  target: number;
  /** Host port or range as written ("8080", "8000-8001"); absent: a random host port. */
  published?: string;
  protocol: 'tcp' | 'udp';
}

export interface ServiceVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name as written in the file (not yet prefixed), or an absolute host path for binds. */
  source?: string;
  target: string;
  readOnly: boolean;
}

export interface DependsOn {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  required: boolean;
  restart: boolean;
}

export interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
  disable?: boolean;
}

export interface ServiceConfig {
  name: string;
  image?: string;
  build?: BuildConfig;
  /** Overrides the image's CMD (null: not set). */
  command: string[] | null;
  entrypoint: string[] | null;
  /** Values resolved from `env_file` then `environment`; null: declared without a value and unset. */
  environment: Record<string, string | null>;
  ports: PortConfig[];
  expose: string[];
  volumes: ServiceVolume[];
  /** Network key → options (null: none). Empty when `network_mode` is set. */
  networks: Record<string, { aliases?: string[] } | null>;
  networkMode?: string;
  dependsOn: Record<string, DependsOn>;
  healthcheck?: Healthcheck;
  restart?: string;
  containerName?: string;
  workingDir?: string;
  user?: string;
  hostname?: string;
  tty: boolean;
  stdinOpen: boolean;
  labels: Record<string, string>;
  stopSignal?: string;
  stopGracePeriod?: string;
  pullPolicy?: string;
  /** Where the service is declared in the file (for errors and the editor). */
  range?: SourceRange;
}

export interface NetworkConfig {
  /** The engine name: `<project>_<key>` unless `name:` or `external`. */
  name: string;
  driver?: string;
  external: boolean;
  labels: Record<string, string>;
}

export interface VolumeConfig {
  name: string;
  driver?: string;
  external: boolean;
  labels: Record<string, string>;
}

export interface ComposeProject {
  name: string;
  /** Absolute project directory (where the first Compose file is). */
  workingDir: string;
  /** Absolute paths of the Compose files read. */
  configFiles: string[];
  services: Record<string, ServiceConfig>;
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  /** The variables interpolation saw (`.env` then the client's environment). */
  environment: Record<string, string>;
}

/** The labels Compose puts on what it creates (pkg/api/labels.go in docker/compose v2). */
export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  version: 'com.docker.compose.version',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
} as const;

/** The Compose version Layerlab's texts follow. */
export const COMPOSE_VERSION = '2.39.4';
