/**
 * Views of the engine's state shaped for the UI panels (layer bands, history, completion, containers, preview).
 * The `...In(engine)` functions read the Engine through its typed public members, in the engine host
 * (engineHost.ts); the panels' functions at the end read the page's `EngineClient`: its view mirror, or the
 * host's answer to a query once it has come (undefined/null until then; the store's `engineRev` grows then).
 */
import type { Engine } from '../../engine/engine';
import type { EngineClient } from './engineClient';
import type { BuildPrediction } from '../../engine/build/records';
import type { Builder, MissReason, StepInfo } from '../../engine/build/events';

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
  /** Published host ports ("8080"). */
  hostPorts: string[];
  labels: Record<string, string>;
}

/** `engine.predictBuild(opts)` as one entry per step, plus the error that stops the build (if any). */
export async function predictWith(engine: Engine, opts: UiBuildOptions): Promise<{ steps: PredictedStep[] | null; error: string }> {
  try {
    const r = await engine.predictBuild(opts);
    return { steps: predictedSteps(r), error: r.error ?? '' };
  } catch (e) {
    return { steps: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The engine's per-step prediction as the layer stack shows it: 'metadata' and 'unknown' both draw as metadata. */
export function predictedSteps(r: BuildPrediction): PredictedStep[] {
  return r.steps.map((s) => {
    const step: StepInfo = { index: s.index, stage: s.stage, line: s.line, name: s.name, instruction: s.instruction, metadataOnly: s.metadataOnly };
    const outcome: PredictedStep['outcome'] = s.prediction === 'cached' ? 'cached' : s.prediction === 'will-rebuild' ? 'built' : 'metadata';
    return { step, outcome, reason: s.reason };
  });
}

export interface BaseLayerView {
  createdBy: string;
  size: number;
  digest?: string;
}

/** The layers of an image as `docker history` lists them, bottom first; null when there is no such image. */
export function imageHistoryIn(engine: Engine, ref: string): BaseLayerView[] | null {
  const images = engine.images;
  const img = images.get(ref) ?? (ref.includes(':') || ref.includes('@') ? undefined : images.get(`${ref}:latest`));
  if (!img) return null;
  const layers = images.layers(img.id);
  const diffIds = img.config.rootfs.diff_ids;
  let li = 0;
  return img.config.history.map((h) => {
    const createdBy = h.created_by ?? '';
    if (h.empty_layer) return { createdBy, size: 0 };
    const size = layers[li]?.size ?? 0;
    const digest = diffIds[li];
    li++;
    return { createdBy, size, digest };
  });
}

/** Image references for completion ("repo:tag"), local and in the registry's catalog. */
export function imageRefsIn(engine: Engine): string[] {
  const out = new Set<string>();
  for (const img of engine.images.list()) for (const t of img.repoTags) out.add(t.replace(/^docker\.io\/(library\/)?/, ''));
  for (const r of catalogRefs(engine)) out.add(r);
  return [...out];
}

/** Image names and tags from the mock registry's catalog. */
export function catalogRefs(engine: Engine): string[] {
  const out: string[] = [];
  for (const repo of engine.registry.repositories()) {
    const name = repo.replace(/^library\//, '');
    out.push(name);
    for (const t of engine.registry.tags(repo)) out.push(`${name}:${t}`);
  }
  return out;
}

export function containerViews(engine: Engine): ContainerView[] {
  return engine.containers.list().map((c) => {
    const status = c.state.Status;
    const ports = c.hostConfig.PortBindings.filter((p) => p.hostPort)
      .map((p) => `${p.hostIp && p.hostIp !== '0.0.0.0' ? p.hostIp + ':' : ''}${p.hostPort}->${p.containerPort}`)
      .join(', ');
    return {
      id: c.id,
      name: c.name.replace(/^\//, ''),
      image: c.config.Image,
      status: status === 'exited' ? `exited (${c.state.ExitCode})` : status,
      running: status === 'running',
      ports,
      hostPorts: c.hostConfig.PortBindings.filter((p) => p.hostPort).map((p) => String(p.hostPort)),
      labels: { ...(c.config.Labels ?? {}) },
    };
  });
}


/** Why a FROM's image cannot be had (not local, not in the registry), for the editor's diagnostic; null when it can. */
export function baseImageProblemIn(engine: Engine, image: string): { message: string; hint?: string; closest: string[] } | null {
  if (engine.images.get(image)) return null;
  return engine.registry.checkBase(image);
}

// ---- the panels' reads, through the page's EngineClient ----

export function containers(client: EngineClient): ContainerView[] {
  return client.view.containers;
}

export function containerNames(client: EngineClient): string[] {
  return client.view.containers.flatMap((c) => [c.name, c.id.slice(0, 12)]).filter(Boolean);
}

export function imageRefs(client: EngineClient): string[] {
  return client.view.imageRefs;
}

/** `docker history` of an image; null while the answer is coming or when there is no such image. */
export function imageHistory(client: EngineClient, ref: string): BaseLayerView[] | null {
  return client.peek(`history:${ref}`, (api) => api.imageHistory(ref)) ?? null;
}

/** The editor's FROM check; null while the answer is coming or when the image can be had. */
export function baseImageProblem(client: EngineClient, image: string): { message: string; hint?: string; closest: string[] } | null {
  return client.peek(`base:${image}`, (api) => api.baseImageProblem(image)) ?? null;
}
