/**
 * The UI's typed view of the engine members that other engineers add during development (build, images,
 * registry, containers, http). Every accessor checks that the member exists, so the app works (with less)
 * before they land, and nothing here reaches into engine internals.
 */
import type { Engine } from '../../engine/engine';
import type { CliIO } from '../../engine/cli/io';
import type { BuildEvent, Builder, MissReason, StepInfo } from '../../engine/build/events';

export interface UiBuildOptions {
  /** Context directory as `docker build` takes it (".": the workspace root). */
  contextDir: string;
  dockerfile?: string;
  tags: string[];
  builder: Builder;
  noCache: boolean;
  target?: string;
  buildArgs: Record<string, string>;
}

export interface PredictedStep {
  step: StepInfo;
  /** 'metadata': BuildKit does not cache-check config-only instructions. */
  outcome: 'cached' | 'built' | 'metadata';
  reason?: MissReason;
}

export interface LayerChangeView {
  path: string;
  kind: 'A' | 'C' | 'D';
  size: number;
  type?: string;
  /** Removed or replaced files: the size of the copy still stored in a lower layer. */
  lowerSize?: number;
}

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  status: string;
  running: boolean;
  ports: string;
}

export interface HttpResponseView {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type AnyRec = Record<string, any>;
const any = (e: Engine): AnyRec => e as unknown as AnyRec;

export function canBuild(engine: Engine): boolean {
  return typeof any(engine).build === 'function';
}

/** Runs a build through `engine.build(opts, io, onEvent)`. */
export async function runBuild(engine: Engine, opts: UiBuildOptions, io: CliIO, onEvent: (e: BuildEvent) => void): Promise<unknown> {
  return any(engine).build(opts, io, onEvent);
}

export function canPredict(engine: Engine): boolean {
  return typeof any(engine).predictBuild === 'function';
}

/** `engine.predictBuild(opts)`, normalised to one entry per step, plus the error that stops the build (if any). */
export async function predictBuild(engine: Engine, opts: UiBuildOptions): Promise<{ steps: PredictedStep[] | null; error: string }> {
  if (!canPredict(engine)) return { steps: null, error: '' };
  try {
    const r = await any(engine).predictBuild(opts);
    return { steps: normalizePrediction(r), error: typeof r?.error === 'string' ? r.error : '' };
  } catch (e) {
    return { steps: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * `engine.predictBuild` answers per step: 'cached' | 'will-rebuild' | 'metadata' (BuildKit: not a cache step) |
 * 'unknown'. Normalised to the UI's PredictedStep; 'metadata' and 'unknown' become outcome 'metadata'.
 */
export function normalizePrediction(r: unknown): PredictedStep[] | null {
  if (!r || typeof r !== 'object') return null;
  const o = r as AnyRec;
  const steps: AnyRec[] | undefined = Array.isArray(o.steps) ? o.steps : undefined;
  if (!steps) return null;
  return steps.map((s, i) => {
    const step: StepInfo = {
      index: typeof s.index === 'number' ? s.index : i,
      stage: String(s.stage ?? ''),
      line: typeof s.line === 'number' ? s.line : null,
      name: String(s.name ?? ''),
      instruction: String(s.instruction ?? ''),
      metadataOnly: !!s.metadataOnly,
    };
    const p = s.prediction ?? s.outcome;
    const outcome: PredictedStep['outcome'] = p === 'cached' ? 'cached' : p === 'will-rebuild' || p === 'built' ? 'built' : 'metadata';
    return { step, outcome, reason: s.reason as MissReason | undefined };
  });
}

/** The files a layer added, changed or removed (like `dive`), or null when the image store cannot say. */
export function layerChanges(engine: Engine, digest: string): LayerChangeView[] | null {
  const images = any(engine).images;
  if (!images) return null;
  try {
    for (const fn of ['layerChanges', 'layerDiff', 'diff']) {
      if (typeof images[fn] === 'function') {
        const r = images[fn](digest);
        if (Array.isArray(r)) return r as LayerChangeView[];
      }
    }
    for (const fn of ['layer', 'getLayer']) {
      if (typeof images[fn] === 'function') {
        const layer = images[fn](digest);
        if (layer && typeof layer.changes === 'function') return layer.changes() as LayerChangeView[];
      }
    }
  } catch {
    return null;
  }
  return null;
}

export interface BaseLayerView {
  createdBy: string;
  size: number;
  digest?: string;
}

/** The layers of an image as `docker history` lists them, bottom first; null when unknown. */
export function imageHistory(engine: Engine, ref: string): BaseLayerView[] | null {
  const images = any(engine).images;
  if (!images || typeof images.get !== 'function') return null;
  try {
    const img = images.get(ref) ?? images.get(ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`);
    const hist: AnyRec[] | undefined = img?.config?.history;
    if (!img || !Array.isArray(hist)) return null;
    const layers: AnyRec[] = typeof images.layers === 'function' ? images.layers(img.id) : [];
    const diffIds: string[] = img.config?.rootfs?.diff_ids ?? [];
    let li = 0;
    return hist.map((h) => {
      if (h.empty_layer) return { createdBy: String(h.created_by ?? ''), size: 0 };
      const layer = layers[li];
      const digest = diffIds[li];
      li++;
      return { createdBy: String(h.created_by ?? ''), size: Number(layer?.size ?? 0), digest };
    });
  } catch {
    return null;
  }
}

/** Image references for completion ("repo:tag"). */
export function imageRefs(engine: Engine): string[] {
  const out = new Set<string>();
  try {
    const images = any(engine).images;
    const list: AnyRec[] = typeof images?.list === 'function' ? images.list() : [];
    for (const img of list) for (const t of (img.repoTags ?? img.tags ?? []) as string[]) out.add(String(t).replace(/^docker\.io\/(library\/)?/, ''));
  } catch {
    // not available yet
  }
  for (const r of catalogRefs(engine)) out.add(r);
  return [...out];
}

/** Image names and tags from the mock registry's catalog. */
export function catalogRefs(engine: Engine): string[] {
  const out: string[] = [];
  try {
    const reg = any(engine).registry;
    if (!reg || typeof reg.repositories !== 'function') return out;
    for (const repo of reg.repositories() as string[]) {
      const name = repo.replace(/^library\//, '');
      out.push(name);
      const tags: string[] = typeof reg.tags === 'function' ? reg.tags(repo) : [];
      for (const t of tags) out.push(`${name}:${t}`);
    }
  } catch {
    // not available
  }
  return out;
}

export function containers(engine: Engine): ContainerView[] {
  try {
    const cs = any(engine).containers;
    const list: AnyRec[] = typeof cs?.list === 'function' ? cs.list() : [];
    return list.map((c) => {
      const st = c.state ?? {};
      const status = String(st.Status ?? st.status ?? '');
      const running = status === 'running';
      const bindings: AnyRec[] = Array.isArray(c.hostConfig?.PortBindings) ? c.hostConfig.PortBindings : [];
      const ports = bindings
        .filter((p) => p.hostPort)
        .map((p) => `${p.hostIp && p.hostIp !== '0.0.0.0' ? p.hostIp + ':' : ''}${p.hostPort}->${p.containerPort}`)
        .join(', ');
      return {
        id: String(c.id ?? ''),
        name: String(c.name ?? '').replace(/^\//, ''),
        image: String(c.config?.Image ?? c.image ?? ''),
        status: status === 'exited' ? `exited (${st.ExitCode ?? 0})` : status,
        running,
        ports,
      };
    });
  } catch {
    return [];
  }
}

export function containerNames(engine: Engine): string[] {
  return containers(engine).flatMap((c) => [c.name, c.id.slice(0, 12)]).filter(Boolean);
}

export function canHttp(engine: Engine): boolean {
  return typeof any(engine).http === 'function';
}

export async function httpGet(engine: Engine, hostPort: number, path: string): Promise<HttpResponseView> {
  const r: AnyRec = await any(engine).http(hostPort, { method: 'GET', path, headers: { host: `localhost:${hostPort}` } });
  if (r && r.ok === false) throw new Error(String(r.error?.message ?? 'connection refused'));
  const v: AnyRec = r && r.ok === true ? r.value : r;
  const body = typeof v.body === 'string' ? v.body : v.body instanceof Uint8Array ? new TextDecoder().decode(v.body) : String(v.text ?? '');
  return { status: Number(v.status ?? 0), headers: (v.headers ?? {}) as Record<string, string>, body };
}
