/**
 * Side-by-side compare: the same build context built with two Dockerfiles, each in its own Engine (memory
 * context), once to warm the cache and again after the same source change. The second builds are compared:
 * which steps reran, and the simulated build time.
 */
import { Engine, type EngineOptions } from '../../engine/engine';
import { memoryContext } from '../../engine/core/host';
import { bufferIO } from '../../engine/core/io';
import type { BuildEvent } from '../../engine/build/events';

export interface CompareStep {
  name: string;
  outcome: 'cached' | 'built' | 'pending';
}

export interface CompareSide {
  ok: boolean;
  error?: string;
  steps: CompareStep[];
  /** Steps that ran again in the second build (FROM and config-only BuildKit steps excluded). */
  rebuilt: number;
  durationMs: number;
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

function summarize(events: BuildEvent[], code: number, err: string): CompareSide {
  const started = events.find((ev) => ev.type === 'build-started');
  const finished = events.find((ev) => ev.type === 'build-finished');
  const failed = events.find((ev) => ev.type === 'build-failed');
  const steps: CompareStep[] = [];
  let rebuilt = 0;
  let sum = 0;
  if (started && started.type === 'build-started') {
    for (const info of started.steps) {
      const fin = events.find((ev) => ev.type === 'step-finished' && ev.step === info.index);
      const outcome = fin && fin.type === 'step-finished' ? fin.outcome : 'pending';
      if (fin && fin.type === 'step-finished') sum += fin.durationMs;
      const counts = info.instruction !== 'FROM' && (started.builder === 'legacy' || !info.metadataOnly);
      if (counts && outcome === 'built') rebuilt++;
      if (started.builder === 'legacy' || !info.metadataOnly) steps.push({ name: info.name, outcome });
    }
  }
  const ok = code === 0 && !!finished && !failed;
  return {
    ok,
    error: ok ? undefined : failed && failed.type === 'build-failed' ? failed.message : err.trim() || `exit code ${code}`,
    steps,
    rebuilt,
    durationMs: finished && finished.type === 'build-finished' ? finished.durationMs : sum,
  };
}

async function side(files: Record<string, string>, dockerfile: string, change: { path: string; content: string }, opts: EngineOptions): Promise<CompareSide> {
  const before = { ...files, Dockerfile: dockerfile };
  const engine = new Engine({ ...opts, context: memoryContext(before) });
  const warm = await buildOnce(engine);
  if (warm.code !== 0) return summarize(warm.events, warm.code, warm.err);
  engine.context = memoryContext({ ...before, [change.path]: change.content });
  const again = await buildOnce(engine);
  return summarize(again.events, again.code, again.err);
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
