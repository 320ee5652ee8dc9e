/**
 * Adapts the real Engine to a LessonWorld. It records, as they happen:
 * - every docker command the engine runs (by wrapping this engine instance's `run`): canonical path, args,
 *   exit code, output (capped), client env;
 * - every build, from the engine's build events (`engine.onBuildEvent`), or from `engine.builds` records.
 * Images come from `engine.images`; containers from `engine.containers` (read defensively: members that have
 * not landed yet read as empty, so checks fail with "not yet" rather than crash).
 */
import type { Engine } from '../engine/engine';
import type { BuildEvent } from '../engine/build/events';
import type { CliIO } from '../engine/cli/io';
import { canonicalCommand } from './commands';
import type { LessonWorld, QuizScore, WorldBuild, WorldBuildStep, WorldCommand, WorldContainer, WorldImage } from './world';

type AnyRec = Record<string, any>;
const OUTPUT_CAP = 64 * 1024;
const KEEP = 200;

export interface EngineWorldOptions {
  files: () => Record<string, string>;
  quizScores: () => Record<string, QuizScore>;
}

export interface EngineWorld extends LessonWorld {
  /** Stops recording and restores the engine's own `run`. */
  dispose(): void;
  /** The raw event streams of the most recent builds, oldest first (for replay). */
  buildEvents(): BuildEvent[][];
  /** Called after each recorded command or build (the panel re-evaluates). */
  onRecord(listener: () => void): () => void;
}

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function parsePorts(v: unknown): WorldContainer['ports'] {
  const out: WorldContainer['ports'] = [];
  if (Array.isArray(v)) {
    for (const p of v as AnyRec[]) {
      const hostPort = Number(p?.hostPort ?? p?.HostPort ?? p?.host ?? p?.PublicPort);
      const containerPort = Number(p?.containerPort ?? p?.ContainerPort ?? p?.container ?? p?.PrivatePort ?? p?.port);
      if (Number.isFinite(hostPort) && Number.isFinite(containerPort)) out.push({ hostPort, containerPort, protocol: String(p?.protocol ?? p?.Type ?? 'tcp') });
    }
  } else if (v && typeof v === 'object') {
    // Docker's PortBindings shape: { "80/tcp": [{ HostIp, HostPort }] }
    for (const [k, binds] of Object.entries(v as AnyRec)) {
      const [cp, proto] = k.split('/');
      for (const b of Array.isArray(binds) ? binds : []) {
        const hostPort = Number(b?.HostPort ?? b?.hostPort);
        if (Number.isFinite(hostPort)) out.push({ hostPort, containerPort: Number(cp), protocol: proto ?? 'tcp' });
      }
    }
  }
  return out;
}

function normalizeState(s: unknown, running: unknown): WorldContainer['state'] {
  const v = String(typeof s === 'object' && s !== null ? ((s as AnyRec).Status ?? (s as AnyRec).status ?? '') : (s ?? '')).toLowerCase();
  const known = ['created', 'running', 'paused', 'restarting', 'exited', 'dead', 'removing'] as const;
  for (const k of known) if (v === k) return k;
  if (running === true || (typeof s === 'object' && s !== null && (s as AnyRec).Running === true)) return 'running';
  if (v.startsWith('up')) return 'running';
  if (v.startsWith('exited')) return 'exited';
  return v ? 'exited' : 'created';
}

export function createEngineWorld(engine: Engine, opts: EngineWorldOptions): EngineWorld {
  const e = engine as unknown as AnyRec;
  let seq = 0;
  const commands: WorldCommand[] = [];
  const builds: WorldBuild[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };

  // ---- commands: wrap this instance's run ----
  const ownRun = Object.prototype.hasOwnProperty.call(e, 'run') ? e.run : undefined;
  const originalRun: (argv: string[], io: CliIO) => Promise<number> = e.run.bind(engine);
  e.run = async (argv: string[], io: CliIO): Promise<number> => {
    let stdout = '';
    let stderr = '';
    const tee: CliIO = {
      ...io,
      stdout(t: string) {
        if (stdout.length < OUTPUT_CAP) stdout += t;
        io.stdout(t);
      },
      stderr(t: string) {
        if (stderr.length < OUTPUT_CAP) stderr += t;
        io.stderr(t);
      },
    };
    let code = 1;
    try {
      code = await originalRun(argv, tee);
      return code;
    } finally {
      const { command, args } = canonicalCommand(argv);
      commands.push({ seq: ++seq, command, args: [...args], exitCode: code, stdout, stderr, env: { ...io.env } });
      if (commands.length > KEEP) commands.splice(0, commands.length - KEEP);
      notify();
    }
  };

  // ---- builds: from events ----
  let current: WorldBuild | null = null;
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
        builds.push(current);
        if (builds.length > KEEP) builds.splice(0, builds.length - KEEP);
        break;
      case 'step-finished': {
        const st = current?.steps.find((s) => s.index === ev.step);
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
  let unsubscribeBuilds: (() => void) | null = null;
  if (typeof e.onBuildEvent === 'function') {
    const r = e.onBuildEvent(onEvent);
    if (typeof r === 'function') unsubscribeBuilds = r;
  }

  /** Builds known only from engine.builds (when there is no event stream). */
  const recordBuilds = (): WorldBuild[] => {
    if (typeof e.onBuildEvent === 'function') return builds;
    const src = e.builds;
    const list: AnyRec[] = Array.isArray(src) ? src : typeof src?.list === 'function' ? src.list() : typeof src?.all === 'function' ? src.all() : [];
    return list.map((b, i) => ({
      seq: Number(b.seq ?? i + 1),
      builder: b.builder === 'legacy' ? 'legacy' : 'buildkit',
      ok: b.ok ?? (b.error === undefined && b.imageId != null),
      imageId: b.imageId ?? null,
      tags: strList(b.tags),
      durationMs: Number(b.durationMs ?? 0),
      steps: (Array.isArray(b.steps) ? b.steps : []).map((s: AnyRec, index: number) => ({
        index: Number(s.index ?? s.step?.index ?? index),
        stage: String(s.stage ?? s.step?.stage ?? ''),
        name: String(s.name ?? s.step?.name ?? ''),
        instruction: String(s.instruction ?? s.step?.instruction ?? ''),
        metadataOnly: Boolean(s.metadataOnly ?? s.step?.metadataOnly),
        outcome: s.outcome === 'cached' || s.outcome === 'built' ? s.outcome : 'pending',
        reason: s.reason,
        durationMs: Number(s.durationMs ?? 0),
        layer: Boolean(s.layer),
      })),
    }));
  };

  // ---- images ----
  const images = (): WorldImage[] => {
    const store = e.images as AnyRec | undefined;
    if (!store || typeof store.list !== 'function') return [];
    const committed = new Map<string, { containerId: string; containerName?: string }>();
    for (const c of commands) {
      if (c.command !== 'container commit' || c.exitCode !== 0) continue;
      const id = /sha256:[0-9a-f]{64}/.exec(c.stdout)?.[0];
      const pos = c.args.filter((a) => !a.startsWith('-'));
      if (id) committed.set(id, { containerId: pos[0] ?? '', containerName: pos[0] });
    }
    return (store.list() as AnyRec[]).map((s) => {
      const rec = typeof store.get === 'function' ? (store.get(s.id) as AnyRec | undefined) : undefined;
      const cfg = (rec?.config?.config ?? {}) as AnyRec;
      const layerObjs: AnyRec[] = typeof store.layers === 'function' ? store.layers(s.id) : [];
      const img: WorldImage = {
        id: s.id,
        tags: strList(s.repoTags),
        layers: strList(rec?.config?.rootfs?.diff_ids),
        layerSizes: layerObjs.map((l) => Number(l?.size ?? 0)),
        size: Number(s.size ?? 0),
        env: strList(cfg.Env),
        cmd: strList(cfg.Cmd),
        entrypoint: strList(cfg.Entrypoint),
        workingDir: String(cfg.WorkingDir ?? ''),
        exposedPorts: Object.keys(cfg.ExposedPorts ?? {}),
        pulled: strList(s.repoDigests).length > 0,
      };
      const com = committed.get(s.id);
      if (com) {
        const top = layerObjs[layerObjs.length - 1];
        const paths: string[] = top?.entries instanceof Map ? [...top.entries.keys()] : [];
        img.committedFrom = { ...com, changedPaths: paths };
      }
      return img;
    });
  };

  // ---- containers (engine.containers: ContainerStore) ----
  const containers = (): WorldContainer[] => {
    const cs = e.containers as AnyRec | undefined;
    if (!cs || typeof cs.list !== 'function') return [];
    return (cs.list() as AnyRec[]).map((c): WorldContainer => {
      const cfg: AnyRec = c.config ?? {};
      const st: AnyRec = c.state ?? {};
      let changes: WorldContainer['changes'] = [];
      try {
        if (typeof cs.diff === 'function') changes = (cs.diff(c) as AnyRec[]).map((x) => ({ path: String(x.path), kind: x.kind as 'A' | 'C' | 'D' }));
      } catch {
        changes = [];
      }
      const bindings: AnyRec[] = Array.isArray(c.hostConfig?.PortBindings) ? c.hostConfig.PortBindings : [];
      const status = normalizeState(st.Status, undefined);
      return {
        id: String(c.id ?? ''),
        name: String(c.name ?? '').replace(/^\//, ''),
        image: String(cfg.Image ?? ''),
        imageId: String(c.imageId ?? ''),
        state: status,
        exitCode: status === 'exited' || status === 'dead' ? Number(st.ExitCode ?? 0) : null,
        env: strList(cfg.Env),
        ports: parsePorts(
          bindings.map((b) => ({ hostPort: b.hostPort, containerPort: parseInt(String(b.containerPort), 10), protocol: String(b.containerPort).split('/')[1] ?? 'tcp' })),
        ),
        tty: Boolean(cfg.Tty),
        interactive: Boolean(cfg.OpenStdin),
        changes,
        logs: Array.isArray(c.logs) ? (c.logs as AnyRec[]).map((l) => String(l?.text ?? '')).join('') : '',
        cmd: strList(cfg.Cmd),
      };
    });
  };

  const safe = <T,>(f: () => T[]): T[] => {
    try {
      return f();
    } catch {
      return [];
    }
  };

  return {
    images: () => safe(images),
    containers: () => safe(containers),
    builds: () => safe(recordBuilds),
    commands: () => commands,
    buildEvents: () => rawEvents,
    files: opts.files,
    quizScores: opts.quizScores,
    onRecord(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose() {
      if (ownRun) e.run = ownRun;
      else delete e.run;
      unsubscribeBuilds?.();
      listeners.clear();
    },
  };
}
