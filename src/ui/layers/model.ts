/**
 * The layer stack's view model, built from the engine's build events (what happened) or from
 * `engine.predictBuild` (what the next build would do). Pure, so it is unit-tested without a DOM.
 */
import type { BuildEvent, Builder, MissReason, StepInfo } from '../../engine/build/events';
import type { PredictedStep } from '../engine/engineApi';

export type BandStatus = 'base' | 'cached' | 'built' | 'will-rebuild' | 'pending';

export interface Band {
  /** The build step index. */
  step: number;
  stage: string;
  line: number | null;
  name: string;
  instruction: string;
  metadataOnly: boolean;
  status: BandStatus;
  running: boolean;
  reason?: MissReason;
  digest?: string;
  size: number;
  durationMs: number;
  added: number;
  modified: number;
  removed: number;
  /** The step the build stopped at (build-failed). */
  failed?: boolean;
}

export interface BuildView {
  builder: Builder;
  bands: Band[];
  state: 'running' | 'finished' | 'failed';
  imageId?: string;
  tags: string[];
  error?: string;
  durationMs: number;
  startedAt: number;
  /** Order in which steps finished (for the step-by-step animation). */
  finishOrder: number[];
  /** True for builds that happened in this page session (animated); restored ones show their end state. */
  live?: boolean;
  /** Metadata-only instructions seen in earlier builds of this workspace (see `metaKey`). */
  knownMeta?: string[];
}

/** Identity of a metadata-only instruction across builds: its stage and its text. */
export function metaKey(b: { stage: string; name: string }): string {
  return `${b.stage}|${plainName(b.name)}`;
}

/** A step's name without BuildKit's "[2/3] " / "[builder 2/4] " prefix. */
export function plainName(name: string): string {
  return name.replace(/^\[[^\]]*\]\s*/, '');
}

/** Steps shown as bands: every instruction of the Dockerfile; FROM steps become the base image group. */
export function visibleStep(s: StepInfo): boolean {
  return s.line !== null || s.instruction.toUpperCase() === 'FROM';
}

function bandOf(s: StepInfo): Band {
  const isBase = s.instruction.toUpperCase() === 'FROM';
  return {
    step: s.index,
    stage: s.stage,
    line: s.line,
    name: s.name,
    instruction: s.instruction.toUpperCase(),
    metadataOnly: s.metadataOnly,
    status: isBase ? 'base' : 'pending',
    running: false,
    size: 0,
    durationMs: 0,
    added: 0,
    modified: 0,
    removed: 0,
  };
}

/**
 * Folds one build event into the view. BuildKit does not cache-check metadata-only instructions (ENV, CMD, ...),
 * so the engine reports them as cached; the stack shows such an instruction as built when it is new (not in
 * `knownMeta`, the metadata instructions of earlier builds), since its image config entry is created now.
 */
export function applyBuildEvent(view: BuildView | null, e: BuildEvent, knownMeta: string[] = []): BuildView | null {
  switch (e.type) {
    case 'build-started':
      return {
        knownMeta,
        builder: e.builder,
        bands: e.steps.filter(visibleStep).map(bandOf),
        state: 'running',
        tags: [],
        durationMs: 0,
        startedAt: e.time,
        finishOrder: [],
        live: true,
      };
    case 'step-started':
      if (!view) return view;
      return { ...view, bands: view.bands.map((b) => (b.step === e.step ? { ...b, running: true } : b)) };
    case 'step-finished': {
      if (!view) return view;
      const known = new Set(view.knownMeta ?? []);
      const bands = view.bands.map((b) => (b.step === e.step ? finishedBand(view.builder, view.bands, known, b, e) : b));
      // the base image is always on screen: only instruction bands are revealed one by one
      return { ...view, bands, finishOrder: view.bands.some((b) => b.step === e.step && b.status !== 'base') ? [...view.finishOrder, e.step] : view.finishOrder };
    }
    case 'build-finished':
      if (!view) return view;
      return { ...view, state: 'finished', imageId: e.imageId, tags: e.tags, durationMs: e.durationMs };
    case 'build-failed':
      if (!view) return view;
      return { ...view, state: 'failed', error: e.message, bands: view.bands.map((b) => ({ ...b, running: false, ...(b.step === e.step ? { failed: true } : {}) })) };
    default:
      return view;
  }
}

/** A band once its step finished: status, reason and layer figures from the event. */
function finishedBand(builder: Builder, bands: Band[], known: ReadonlySet<string>, b: Band, e: Extract<BuildEvent, { type: 'step-finished' }>): Band {
  const bkMeta = builder === 'buildkit' && b.metadataOnly && e.outcome === 'cached';
  const newMeta = bkMeta && !known.has(metaKey(b));
  // After a rebuilt layer, a metadata-only entry is recorded again on top of the new layer (a new history
  // entry whose CREATED is the new layer's time): the cascade reaches it even though BuildKit runs no step.
  const cascade = bkMeta && !newMeta ? firstRebuiltBefore(bands, b) : undefined;
  return {
    ...b,
    running: false,
    status: b.status === 'base' ? ('base' as const) : newMeta || cascade ? ('built' as const) : e.outcome,
    reason: newMeta
      ? known.size
        ? { kind: 'instruction-changed' as const }
        : { kind: 'first-build' as const }
      : cascade
        ? { kind: 'parent-changed' as const, line: cascade.line ?? 0, instruction: plainName(cascade.name) }
        : e.reason,
    digest: e.layer?.digest,
    size: e.layer?.size ?? 0,
    added: e.layer?.added ?? 0,
    modified: e.layer?.modified ?? 0,
    removed: e.layer?.removed ?? 0,
    durationMs: e.durationMs,
  };
}

/** Band lists known to be in step order. */
const inStepOrder = new WeakSet<readonly Band[]>();

const isStepEvent = (e: BuildEvent): e is Extract<BuildEvent, { type: 'step-started' | 'step-finished' }> => e.type === 'step-started' || e.type === 'step-finished';

/**
 * `applyBuildEvent` over a batch of events, with the same result: a run of step events copies the bands once
 * (a build of thousands of steps is not copied once per event).
 */
export function applyBuildEvents(view: BuildView | null, events: readonly BuildEvent[], knownMeta: string[] = []): BuildView | null {
  let v = view;
  let i = 0;
  while (i < events.length) {
    if (!v || !isStepEvent(events[i])) {
      v = applyBuildEvent(v, events[i], knownMeta);
      i++;
      continue;
    }
    const bands = v.bands.slice();
    // the bands of a step: bands come in step order (binary search); otherwise a map for a big batch, a scan
    // for a few events
    let sorted = inStepOrder.has(v.bands);
    if (!sorted) {
      sorted = true;
      for (let j = 1; j < bands.length && sorted; j++) sorted = bands[j - 1].step <= bands[j].step;
    }
    // the copy keeps each band's step: it is in order too (known without a walk over it at the next batch)
    if (sorted) inStepOrder.add(bands);
    let at: Map<number, number[]> | null = null;
    const bandsOf = (step: number): number[] => {
      if (sorted) {
        const lo = firstBandFrom(bands, step);
        const js: number[] = [];
        for (let j = lo; j < bands.length && bands[j].step === step; j++) js.push(j);
        return js;
      }
      if (events.length - i < 16) {
        const js: number[] = [];
        for (let j = 0; j < bands.length; j++) if (bands[j].step === step) js.push(j);
        return js;
      }
      if (!at) {
        at = new Map();
        bands.forEach((b, j) => {
          const js = at!.get(b.step);
          if (js) js.push(j);
          else at!.set(b.step, [j]);
        });
      }
      return at.get(step) ?? [];
    };
    const finishOrder = v.finishOrder.slice();
    const known = new Set(v.knownMeta ?? []);
    for (; i < events.length; i++) {
      const e = events[i];
      if (!isStepEvent(e)) break;
      const js = bandsOf(e.step);
      if (e.type === 'step-started') for (const j of js) bands[j] = { ...bands[j], running: true };
      else {
        const before = js.map((j) => bands[j]);
        for (const j of js) bands[j] = finishedBand(v.builder, bands, known, bands[j], e);
        if (before.some((b) => b.status !== 'base')) finishOrder.push(e.step);
      }
    }
    v = { ...v, bands, finishOrder };
  }
  return v;
}

/**
 * Counts a build's finished steps as its events come: `finishOrder.length` of the view the events fold into
 * (the steps the stack reveals one by one), without folding them (which copies the bands).
 */
export function finishedStepCounter(): (e: BuildEvent) => number {
  let revealable = new Set<number>();
  let n = 0;
  return (e) => {
    if (e.type === 'build-started') {
      revealable = new Set(e.steps.filter((s) => visibleStep(s) && s.instruction.toUpperCase() !== 'FROM').map((s) => s.index));
      n = 0;
    } else if (e.type === 'step-finished' && revealable.has(e.step)) n++;
    return n;
  };
}

/**
 * The bands for the Dockerfile being edited: the prediction's steps, each marked will-rebuild when the next
 * build would run it, else cached; sizes and digests come from the last build's matching band.
 */
export function predictedBands(pred: PredictedStep[], last: BuildView | null, knownMeta: string[] = []): Band[] {
  const known = new Set(knownMeta);
  // the last build's band of each instruction (the first of equal ones), looked up once per step
  const sameKey = (x: { line: number | null; name: string; stage: string }) => `${x.line}\u0000${x.stage}\u0000${plainName(x.name)}`;
  const previous = new Map<string, Band>();
  for (const x of last?.bands ?? []) if (!previous.has(sameKey(x))) previous.set(sameKey(x), x);
  const bands = pred
    .filter((p) => visibleStep(p.step))
    .map((p) => {
      const b = bandOf(p.step);
      const prev = previous.get(sameKey(b));
      if (prev) Object.assign(b, { digest: prev.digest, size: prev.size, durationMs: prev.durationMs, added: prev.added, modified: prev.modified, removed: prev.removed });
      if (b.status === 'base') return b;
      if (p.outcome === 'built') return { ...b, status: 'will-rebuild' as const, reason: p.reason };
      if (p.outcome === 'metadata' && !known.has(metaKey(b)))
        return { ...b, status: 'will-rebuild' as const, reason: known.size ? { kind: 'instruction-changed' as const } : { kind: 'first-build' as const } };
      return { ...b, status: 'cached' as const };
    });
  // the first layer of each stage that will be rebuilt (steps are in order)
  const firstRebuilt = new Map<string, Band>();
  for (const x of bands) if (!x.metadataOnly && x.status === 'will-rebuild' && !firstRebuilt.has(x.stage)) firstRebuilt.set(x.stage, x);
  return bands.map((b) => {
    // A metadata-only entry after a layer that will be rebuilt is recorded again on top of it (see applyBuildEvent).
    if (!b.metadataOnly || b.status !== 'cached') return b;
    const first = firstRebuilt.get(b.stage);
    return first && first.step < b.step
      ? { ...b, status: 'will-rebuild' as const, reason: { kind: 'parent-changed' as const, line: first.line ?? 0, instruction: plainName(first.name) } }
      : b;
  });
}

/** The first band of `b`'s stage, before it, whose layer was rebuilt in this build (the start of the cascade). */
function firstRebuiltBefore(bands: Band[], b: Band): Band | undefined {
  return bands.find((x) => x.stage === b.stage && x.step < b.step && !x.metadataOnly && x.status === 'built');
}

/** In bands sorted by step: the index of the first band whose step is `step` or later (bands.length if none). */
export function firstBandFrom(bands: readonly Band[], step: number): number {
  let lo = 0;
  let hi = bands.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (bands[m].step < step) lo = m + 1;
    else hi = m;
  }
  return lo;
}
