/**
 * Adapts the real Engine to a LessonWorld. It records, as they happen:
 * - every docker command the engine runs (`onCommand`): canonical path, args, exit code, output
 *   (capped by the engine), client env;
 * - every build, from the engine's build events (`onBuildEvent`).
 * Images, containers, volumes, networks and the bind-mount host root come from a `WorldSource`:
 * `engineWorldSource(engine)` reads `engine.images`, `engine.containers`, `engine.volumes`, `engine.networks` and
 * `engine.hostFiles`; the web app's source reads them from the engine worker (src/ui/engine/engineClient.ts).
 * Everything a check sees is plain data built in one place.
 */
import type { CommandEvent, Engine } from '../engine/engine';
import type { BuildEvent, BuildEventListener } from '../engine/build/events';
import type { PortBinding } from '../engine/containers/ports';
import { canonicalCommand } from './commands';
import type { LessonWorld, QuizScore, WorldBuild, WorldBuildStep, WorldCommand, WorldContainer, WorldImage, WorldNetwork, WorldVolume } from './world';

const KEEP = 200;

export interface EngineWorldOptions {
  files: () => Record<string, string>;
  quizScores: () => Record<string, QuizScore>;
}

/** Images made by `docker container commit`, by image id: the container they came from. */
export type Commits = ReadonlyMap<string, { containerId: string; containerName?: string }>;

/** Where a world gets its events, images and containers. */
export interface WorldSource {
  onCommand(listener: (event: CommandEvent) => void): () => void;
  onBuildEvent(listener: BuildEventListener): () => void;
  images(commits: Commits): WorldImage[];
  containers(): WorldContainer[];
  volumes(): WorldVolume[];
  networks(): WorldNetwork[];
  /** A file's text in a named volume; null when there is no such file. */
  volumeFile(name: string, path: string): string | null;
  /** The host folder bind mounts read (the workspace), null when there is none. */
  hostRoot(): string | null;
  imageHasPath(id: string, path: string): boolean;
}

export interface EngineWorld extends LessonWorld {
  /** Stops recording. */
  dispose(): void;
  /** The raw event streams of the most recent builds, oldest first (for replay). */
  buildEvents(): BuildEvent[][];
  /** Called after each recorded command or build (the panel re-evaluates). */
  onRecord(listener: () => void): () => void;
}

const isWorldSource = (s: WorldSource | Engine): s is WorldSource => typeof s.images === 'function';

/** Published ports as the lessons compare them: "80/tcp" bound to host port 8080 is {8080, 80, 'tcp'}. */
function publishedPorts(bindings: PortBinding[]): WorldContainer['ports'] {
  return bindings.map((b) => {
    const [port, protocol] = b.containerPort.split('/');
    return { hostPort: b.hostPort, containerPort: parseInt(port, 10), protocol: protocol ?? 'tcp' };
  });
}

export function createEngineWorld(source: WorldSource | Engine, opts: EngineWorldOptions): EngineWorld {
  const engine = isWorldSource(source) ? source : engineWorldSource(source);
  let seq = 0;
  const commands: WorldCommand[] = [];
  const builds: WorldBuild[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };

  // ---- commands ----
  const unsubscribeCommands = engine.onCommand((ev: CommandEvent) => {
    const { command, args } = canonicalCommand(ev.argv);
    commands.push({ seq: ++seq, command, args: [...args], exitCode: ev.exitCode, stdout: ev.stdout, stderr: ev.stderr, env: ev.env });
    if (commands.length > KEEP) commands.splice(0, commands.length - KEEP);
    notify();
  });

  // ---- builds: from events ----
  let current: WorldBuild | null = null;
  /** The steps of the build in progress, by step index. */
  let stepAt = new Map<number, WorldBuildStep>();
  const rawEvents: BuildEvent[][] = [];
  const onEvent = (ev: BuildEvent) => {
    if (ev.type === 'build-started') {
      rawEvents.push([]);
      if (rawEvents.length > 5) rawEvents.shift();
    }
    rawEvents[rawEvents.length - 1]?.push(ev);
    switch (ev.type) {
      case 'build-started':
        current = {
          seq: ++seq,
          builder: ev.builder,
          ok: false,
          imageId: null,
          tags: [],
          durationMs: 0,
          steps: ev.steps.map(
            (s): WorldBuildStep => ({ index: s.index, stage: s.stage, name: s.name, instruction: s.instruction, metadataOnly: s.metadataOnly, outcome: 'pending', durationMs: 0, layer: false }),
          ),
        };
        stepAt = new Map(current.steps.map((s) => [s.index, s]));
        builds.push(current);
        if (builds.length > KEEP) builds.splice(0, builds.length - KEEP);
        break;
      case 'step-finished': {
        // by index, not a search: a build of thousands of steps finishes them one event each
        const st = current ? stepAt.get(ev.step) : undefined;
        if (st) {
          st.outcome = ev.outcome;
          st.reason = ev.reason;
          st.durationMs = ev.durationMs;
          st.layer = !!ev.layer;
        }
        break;
      }
      case 'build-finished':
        if (current) {
          current.ok = true;
          current.imageId = ev.imageId;
          current.tags = [...ev.tags];
          current.durationMs = ev.durationMs;
          current = null;
          notify();
        }
        break;
      case 'build-failed':
        if (current) {
          current.ok = false;
          current.error = ev.message;
          current = null;
          notify();
        }
        break;
      default:
        break;
    }
  };
  const unsubscribeBuilds = engine.onBuildEvent(onEvent);

  const images = (): WorldImage[] => {
    const committed = new Map<string, { containerId: string; containerName?: string }>();
    for (const c of commands) {
      if (c.command !== 'container commit' || c.exitCode !== 0) continue;
      const id = /sha256:[0-9a-f]{64}/.exec(c.stdout)?.[0];
      const pos = c.args.filter((a) => !a.startsWith('-'));
      if (id) committed.set(id, { containerId: pos[0] ?? '', containerName: pos[0] });
    }
    return engine.images(committed);
  };

  return {
    images,
    containers: () => engine.containers(),
    builds: () => builds,
    commands: () => commands,
    buildEvents: () => rawEvents,
    files: opts.files,
    quizScores: opts.quizScores,
    imageHasPath: (id, path) => engine.imageHasPath(id, path),
    volumes: () => engine.volumes(),
    networks: () => engine.networks(),
    volumeFile: (name, path) => engine.volumeFile(name, path),
    hostRoot: () => engine.hostRoot(),
    onRecord(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose() {
      unsubscribeCommands();
      unsubscribeBuilds();
      listeners.clear();
    },
  };
}

/** A world source reading the Engine itself. */
export function engineWorldSource(engine: Engine): WorldSource {
  return {
    onCommand: (l) => engine.onCommand(l),
    onBuildEvent: (l) => engine.onBuildEvent(l),
    images: (committed) => {
      const store = engine.images;
      // what `docker image ls` lists, and the images of containers: not the legacy builder's intermediate images
      // (untagged, with a child), thousands of which each carry their step's whole config
      const used = new Set(engine.containers.list().map((c) => c.imageId));
      return store.list().filter((s) => s.repoTags.length > 0 || !s.hasChildren || used.has(s.id)).map((s) => {
        const config = store.get(s.id)?.config;
        const cfg = config?.config ?? {};
        const layerObjs = store.layers(s.id);
        const img: WorldImage = {
          id: s.id,
          tags: [...s.repoTags],
          layers: [...(config?.rootfs.diff_ids ?? [])],
          layerSizes: layerObjs.map((l) => l.size),
          size: s.size,
          env: [...(cfg.Env ?? [])],
          cmd: [...(cfg.Cmd ?? [])],
          entrypoint: [...(cfg.Entrypoint ?? [])],
          workingDir: cfg.WorkingDir ?? '',
          exposedPorts: Object.keys(cfg.ExposedPorts ?? {}),
          pulled: s.repoDigests.length > 0,
        };
        const com = committed.get(s.id);
        if (com) {
          const top = layerObjs[layerObjs.length - 1];
          img.committedFrom = { ...com, changedPaths: top ? [...top.entries.keys()] : [] };
        }
        return img;
      });
    },
    containers: () =>
      engine.containers.list().map((c): WorldContainer => {
        const cfg = c.config;
        const state = c.state.Status;
        return {
          id: c.id,
          name: c.name.replace(/^\//, ''),
          image: cfg.Image,
          imageId: c.imageId,
          state,
          exitCode: state === 'exited' || state === 'dead' ? c.state.ExitCode : null,
          env: [...cfg.Env],
          ports: publishedPorts(c.hostConfig.PortBindings),
          tty: cfg.Tty,
          interactive: cfg.OpenStdin,
          changes: engine.containers.diff(c),
          logs: c.logs.map((l) => l.text).join(''),
          cmd: [...(cfg.Cmd ?? [])],
          mounts: (c.mounts ?? []).map((m) => ({ type: m.Type, ...(m.Name === undefined ? {} : { name: m.Name }), source: m.Source, destination: m.Destination })),
          networks: Object.keys(c.networks ?? {}),
          labels: { ...(cfg.Labels ?? {}) },
          hostname: cfg.Hostname,
        };
      }),
    volumes: () => engine.volumes.list().map((v) => ({ name: v.Name, anonymous: v.Anonymous, labels: { ...(v.Labels ?? {}) } })),
    networks: () => engine.networks.list().map((n) => ({ name: n.Name, builtIn: n.BuiltIn, driver: n.Driver, labels: { ...n.Labels } })),
    volumeFile: (name, path) => {
      const fs = engine.volumes.fs(name);
      if (!fs || fs.stat(path)?.type !== 'file') return null;
      return fs.readText(path);
    },
    hostRoot: () => engine.hostFiles?.root() ?? null,
    imageHasPath: (id, path) => engine.images.rootfs(id).exists(path),
  };
}
