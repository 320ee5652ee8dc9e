/**
 * Side-by-side compare: the same build context built with two Dockerfiles (the lesson's pair, or the learner's
 * own), each in its own Engine (memory context), once to warm the cache and again after the same source change.
 * The second builds are compared through the layer stack's model (layers/buildModel.ts): which steps reran and
 * why, and the simulated build time.
 */
import { Engine, type EngineOptions } from '../../engine/engine';
import { memoryContext } from '../../engine/core/host';
import { bufferIO } from '../../engine/core/io';
import type { BuildEvent } from '../../engine/build/events';
import { bandKind, bandText, buildCounts, viewOfEvents } from '../layers/buildModel';
import { metaKey, type Band, type BuildView } from '../layers/model';

export interface CompareStep {
  name: string;
  outcome: 'cached' | 'built' | 'pending';
  /** 'config': a BuildKit config entry (no step); 'layer': a step. */
  kind: 'layer' | 'config';
  band: Band;
}

export interface CompareSide {
  ok: boolean;
  error?: string;
  steps: CompareStep[];
  /** Steps that ran again in the second build (FROM and config-only BuildKit steps excluded). */
  rebuilt: number;
  durationMs: number;
  /** The second build as the layer stack shows it. */
  view: BuildView | null;
}

export interface CompareResult {
  naive: CompareSide;
  optimized: CompareSide;
  /** How many fewer steps the optimized Dockerfile reran, and how much time it saved. */
  stepsSaved: number;
  msSaved: number;
}

export const NAIVE_NODE_DOCKERFILE = `FROM node
WORKDIR /app
COPY . /app
RUN npm install
EXPOSE 80
CMD ["node", "server.js"]
`;

export const OPTIMIZED_NODE_DOCKERFILE = `FROM node
WORKDIR /app
COPY package.json /app
RUN npm install
COPY . /app
EXPOSE 80
CMD ["node", "server.js"]
`;

/** One `docker build -t compare .` through `engine.build`, collecting its events. */
async function buildOnce(engine: Engine): Promise<{ code: number; events: BuildEvent[]; err: string }> {
  const events: BuildEvent[] = [];
  const io = bufferIO();
  let code: number;
  try {
    code = (await engine.build({ tags: ['compare'] }, io, (ev) => events.push(ev))).exitCode;
  } catch (x) {
    code = 1;
    io.err += x instanceof Error ? x.message : String(x);
  }
  if (events.some((ev) => ev.type === 'build-failed')) code = code || 1;
  return { code, events, err: io.err };
}

function summarize(events: BuildEvent[], code: number, err: string, knownMeta: string[] = []): CompareSide {
  const view = viewOfEvents(events, knownMeta);
  const failed = events.find((ev) => ev.type === 'build-failed');
  const ok = code === 0 && view?.state === 'finished' && !failed;
  const steps: CompareStep[] = (view?.bands ?? [])
    .map((band) => ({ band, kind: view ? bandKind(view.builder, band) : 'layer' }))
    .filter((x): x is { band: Band; kind: 'layer' | 'config' } => x.kind !== 'base')
    .map(({ band, kind }) => ({ name: bandText(band), outcome: band.status === 'built' ? 'built' : band.status === 'cached' ? 'cached' : 'pending', kind, band }));
  const counts = view ? buildCounts(view) : null;
  return {
    ok,
    error: ok ? undefined : failed && failed.type === 'build-failed' ? failed.message : err.trim() || `exit code ${code}`,
    steps,
    rebuilt: counts?.built ?? 0,
    durationMs: counts?.durationMs ?? 0,
    view,
  };
}

async function side(files: Record<string, string>, dockerfile: string, change: { path: string; content: string }, opts: EngineOptions): Promise<CompareSide> {
  const before = { ...files, Dockerfile: dockerfile };
  const engine = new Engine({ ...opts, context: memoryContext(before) });
  const warm = await buildOnce(engine);
  if (warm.code !== 0) return summarize(warm.events, warm.code, warm.err);
  engine.context = memoryContext({ ...before, [change.path]: change.content });
  const again = await buildOnce(engine);
  const known = (viewOfEvents(warm.events)?.bands ?? []).filter((b) => b.metadataOnly).map(metaKey);
  return summarize(again.events, again.code, again.err, known);
}

export async function compareDockerfiles(
  files: Record<string, string>,
  naive: string,
  optimized: string,
  change: { path: string; content: string },
  opts: EngineOptions = {},
): Promise<CompareResult> {
  // Sequential, not parallel: two CPU-heavy builds at once only make both slower.
  const a = await side(files, naive, change, opts);
  const b = await side(files, optimized, change, opts);
  return { naive: a, optimized: b, stepsSaved: a.rebuilt - b.rebuilt, msSaved: a.durationMs - b.durationMs };
}
