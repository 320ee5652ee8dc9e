/**
 * The lesson engine's view of the Docker engine: a read-only query interface that checks run against.
 * Checks never see what the learner typed as text; they see engine state (images, containers, builds),
 * the workspace files, and the engine's record of the docker commands it executed (parsed, with exit codes).
 * `engineWorld.ts` adapts the real Engine to this interface; tests use `fakeWorld.ts`.
 */
import type { Builder, MissReason } from '../engine/build/events';

export interface WorldImage {
  id: string;
  /** Normalised references ("web-ping:latest", "diamol/ch03-web-ping:latest"); empty for a dangling image. */
  tags: string[];
  /** Layer digests, base first. */
  layers: string[];
  /** Logical size in bytes (what `image ls` shows). */
  size: number;
  /** Size of each layer in `layers` (same order), when known. */
  layerSizes?: number[];
  env: string[];
  cmd: string[];
  entrypoint: string[];
  workingDir: string;
  exposedPorts: string[];
  /** Set when the image came from `docker container commit`. */
  committedFrom?: { containerId: string; containerName?: string; changedPaths: string[] };
  /** True when the image came from a registry pull. */
  pulled?: boolean;
}

export interface WorldContainer {
  id: string;
  name: string;
  /** The image reference as given to `docker run`. */
  image: string;
  imageId: string;
  state: 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead' | 'removing';
  exitCode: number | null;
  env: string[];
  ports: { hostPort: number; containerPort: number; protocol: string }[];
  tty: boolean;
  interactive: boolean;
  /** The container's writable layer: paths added (A), changed (C) or deleted (D), absolute. */
  changes: { path: string; kind: 'A' | 'C' | 'D' }[];
  /** stdout+stderr so far. */
  logs: string;
  cmd: string[];
  /** What is mounted where, in mount order: a named or anonymous volume (by name) or a bind mount (host path). */
  mounts: WorldMount[];
  /** The networks the container is attached to, by name ("bridge", "app-net"). */
  networks: string[];
  /** Labels (Compose marks its containers with `com.docker.compose.project` and `com.docker.compose.service`). */
  labels: Record<string, string>;
  /** The container's hostname (its 12-hex short ID unless --hostname says otherwise). */
  hostname: string;
}

export interface WorldMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name (volumes only). */
  name?: string;
  /** The host path of a bind mount; the volume's mountpoint for a volume. */
  source: string;
  /** The path in the container. */
  destination: string;
}

export interface WorldVolume {
  name: string;
  /** Made without a name (`-v /data`, a Dockerfile's VOLUME, `docker volume create` with no name). */
  anonymous: boolean;
  labels: Record<string, string>;
}

export interface WorldNetwork {
  name: string;
  /** The built-in bridge, host and none networks. */
  builtIn: boolean;
  driver: string;
  labels: Record<string, string>;
}

export interface WorldBuildStep {
  index: number;
  stage: string;
  /** "RUN npm install", "COPY app.js ." */
  name: string;
  instruction: string;
  metadataOnly: boolean;
  outcome: 'cached' | 'built' | 'pending';
  reason?: MissReason;
  durationMs: number;
  /** True when the step produced a filesystem layer. */
  layer: boolean;
}

export interface WorldBuild {
  /** Monotonic sequence number shared with commands (see LessonWorld.seq). */
  seq: number;
  builder: Builder;
  ok: boolean;
  imageId: string | null;
  tags: string[];
  steps: WorldBuildStep[];
  durationMs: number;
  error?: string;
}

export interface WorldCommand {
  seq: number;
  /** Canonical command path: "image pull", "container run", "image ls", "system df" (aliases resolved). */
  command: string;
  /** Arguments after the command path (flags included), as the engine parsed them. */
  args: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The client env the command ran with (DOCKER_BUILDKIT, ...). */
  env: Record<string, string | undefined>;
}

export interface QuizScore {
  correct: number;
  total: number;
}

export interface LessonWorld {
  images(): WorldImage[];
  containers(): WorldContainer[];
  /** Builds, oldest first. */
  builds(): WorldBuild[];
  /** Docker commands the engine executed, oldest first. */
  commands(): WorldCommand[];
  /** The workspace (build context) as text. */
  files(): Record<string, string>;
  /** Saved quiz scores by quiz id. */
  quizScores(): Record<string, QuizScore>;
  /** Whether the image's filesystem (all its layers) has this absolute path. */
  imageHasPath(imageId: string, path: string): boolean;
  volumes(): WorldVolume[];
  networks(): WorldNetwork[];
  /** A file's text in a volume (path from the volume's root, "/note.txt"); null when there is no such file. */
  volumeFile(name: string, path: string): string | null;
  /** The absolute host path the workspace stands for in bind mounts ("/workspace"); null: no bind mounts. */
  hostRoot(): string | null;
}

/** Extra facts a check may use: only events after `since` count as "done in this step". */
export interface CheckContext {
  since: number;
}

/** Adds ":latest" when a reference has no tag or digest, and drops "docker.io/" and "library/". */
export function normalizeRef(ref: string): string {
  let r = ref.trim();
  r = r.replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '');
  if (r.includes('@')) return r;
  const lastSlash = r.lastIndexOf('/');
  const colon = r.indexOf(':', lastSlash + 1);
  return colon === -1 ? `${r}:latest` : r;
}

export function findImage(world: LessonWorld, ref: string): WorldImage | undefined {
  const want = normalizeRef(ref);
  return world.images().find((i) => i.tags.map(normalizeRef).includes(want) || i.id === ref || i.id.replace(/^sha256:/, '').startsWith(ref.replace(/^sha256:/, '')) && ref.length >= 12);
}

export function envValue(env: string[], name: string): string | undefined {
  for (let i = env.length - 1; i >= 0; i--) {
    const e = env[i];
    const eq = e.indexOf('=');
    if (eq > 0 && e.slice(0, eq) === name) return e.slice(eq + 1);
  }
  return undefined;
}
