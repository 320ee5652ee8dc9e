/**
 * The builder: runs a Dockerfile against the build context with BuildKit or legacy (classic) semantics, in the
 * phases BuildKit's dockerfile2llb reads it:
 *   prepare (phases/prepare.ts: context, Dockerfile, .dockerignore) → plan stages (phases/plan.ts) → resolve
 *   bases (phases/resolve-base.ts) → dispatch (phases/dispatch.ts: one handler per instruction family under
 *   instructions/) → export (phases/export.ts).
 * The cache rules (cache/buildkit.ts: keys over op definitions; cache/legacy.ts: probe configs among the parent
 * image's children) sit behind one interface (cache/rules.ts); the dispatch code only calls it. A dry run
 * (`predictBuild`) computes the same keys without executing anything.
 *
 * `BuildRun` holds one build's state and the helpers every phase uses (vertices, events, failure).
 */
import type { SourceRange, Result } from '../core/errors';
import type { CliIO } from '../core/io';
import { expandFromValue, runBuildCheck, stepDisplayName, type Dockerfile, type GlobalArgs, type Instruction } from '../dockerfile/index';
import type { LayerChange } from '../fs/layer';
import { UnionFs } from '../fs/union';
import { familiarString, fullString, parseReference, withDefaultTag } from '../images/reference';
import type { StepMemo } from './cache/store';
import type { BuildContext } from './context';
import type { ContextDelta } from './copy-selection';
import type { BuildEvent, Builder, StepInfo } from './events';
import type { Vertex } from './output';
import type { BuildPrediction, BuildRecord, BuildRecordStep, PredictedStep } from './records';
import { prepare, joinCtx } from './phases/prepare';
import { planStages } from './phases/plan';
import { dispatch } from './phases/dispatch';
import { printFailure, printSuccess } from './phases/export';
import { rulesFor, type CacheRules } from './cache/rules';
import { unionProcessFs } from '../fs/process-fs';
import { fsReader, lookupGroup, lookupUser, type TextReader } from '../runtime/users';
import {
  BuildAbort,
  MAX_LAYERS,
  MAX_RECORDED_CHANGES,
  type BuildHost,
  type BuildOptions,
  type BuildResult,
  type FailOptions,
  type LogLine,
  type StagePlan,
  type StageState,
  type StepOutcome,
} from './types';

export type { BuildOptions, BuildResult, BuildRegistry, BuildHost } from './types';

export class BuildRun {
  readonly builder: Builder;
  /** The cache rules of this build's builder (the only place the two builders differ in dispatch). */
  readonly rules: CacheRules;
  /** Virtual ms since the build started. */
  vt = 0;
  readonly start: number;
  vertices: Vertex[] = [];
  stepInfos: StepInfo[] = [];
  recordSteps: BuildRecordStep[] = [];
  predicted: PredictedStep[] = [];
  events: BuildEvent[] = [];
  df!: Dockerfile;
  source = '';
  dockerfileName = 'Dockerfile';
  ctx!: BuildContext;
  globals!: GlobalArgs;
  plans: StagePlan[] = [];
  states = new Map<number, StageState>();
  memo!: Map<string, StepMemo>;
  usedArgs = new Set<string>();
  newLayers = 0;
  currentStep = -1;
  warnings: string[] = [];
  /** Stages to build, in order. */
  order: number[] = [];
  /** BuildKit's `[internal] load .dockerignore` vertex (shown after the metadata lookups). */
  ignoreVertex: Vertex | null = null;
  /** What changed in the context since the previous (real) build of it; null in predictions. */
  contextDelta: ContextDelta | null = null;
  private started = new Set<number>();

  constructor(
    readonly host: BuildHost,
    readonly opts: BuildOptions,
    readonly io: CliIO | null,
    private onEvent: (e: BuildEvent) => void,
    readonly dryRun = false,
  ) {
    this.builder = opts.builder ?? (io?.env.DOCKER_BUILDKIT === '0' ? 'legacy' : 'buildkit');
    this.start = host.env.clock.now();
    this.rules = rulesFor(this);
  }

  get sha() {
    return this.host.env.sha256;
  }

  now(): number {
    return this.start + this.vt;
  }

  emit(e: BuildEvent): void {
    if (this.dryRun) return;
    this.events.push(e);
    this.onEvent(e);
  }

  /** Hex chars that look like a container ID (deterministic with the engine's random source). */
  randomHex(n = 64): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.host.env.random.next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, n);
  }

  /** The legacy builder's stdout (nothing for BuildKit, quiet builds and predictions). */
  out(s: string): void {
    if (this.dryRun || !this.io) return;
    if (this.builder === 'legacy' && !this.opts.quiet) this.io.stdout(s);
  }

  // ------------------------------------------------------------------ entry points

  async run(): Promise<BuildResult> {
    const record: BuildRecord = {
      id: this.randomHex(25),
      builder: this.builder,
      time: this.start,
      durationMs: 0,
      contextDir: this.opts.contextDir ?? '.',
      dockerfile: this.opts.dockerfile ?? joinCtx(this.opts.contextDir ?? '.', 'Dockerfile'),
      target: this.opts.target,
      tags: this.opts.tags ?? [],
      steps: this.recordSteps,
      warnings: this.warnings,
    };
    try {
      if (this.builder === 'legacy') this.out('DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n');
      await prepare(this);
      if (this.opts.check) return this.check(record);
      planStages(this);
      this.emit({ type: 'build-started', builder: this.builder, steps: this.stepInfos, time: this.now() });
      const imageId = await dispatch(this);
      record.imageId = imageId;
      record.durationMs = this.vt;
      this.emit({ type: 'build-finished', imageId, tags: this.normalizedTags().map((t) => familiarOf(t)), durationMs: this.vt, time: this.now() });
      printSuccess(this, imageId);
      return { exitCode: 0, imageId, record };
    } catch (caught) {
      // The engine never crashes on user input: anything unexpected becomes a failed build.
      const e = caught instanceof BuildAbort ? caught : new BuildAbort({ message: `internal error: ${(caught as Error)?.message ?? String(caught)}`, solve: true }, `internal error: ${(caught as Error)?.message ?? String(caught)}`);
      record.error = e.failure.message;
      record.durationMs = this.vt;
      for (const s of this.stepInfos.slice(this.recordSteps.length)) {
        this.recordSteps.push({ index: s.index, stage: s.stage, line: s.line, name: s.name, instruction: s.instruction, metadataOnly: s.metadataOnly, outcome: 'skipped', durationMs: 0 });
      }
      this.emit({ type: 'build-failed', step: this.currentStep >= 0 ? this.currentStep : null, message: e.failure.message, time: this.now() });
      printFailure(this, e);
      return { exitCode: 1, record };
    }
  }

  async predict(): Promise<BuildPrediction> {
    try {
      await prepare(this);
      planStages(this);
      await dispatch(this);
      return { builder: this.builder, steps: this.predicted };
    } catch (e) {
      if (e instanceof BuildAbort) return { builder: this.builder, steps: this.predicted, error: e.failure.message, errorRange: e.failure.range };
      return { builder: this.builder, steps: this.predicted, error: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
  }

  private check(record: BuildRecord): BuildResult {
    const r = runBuildCheck(this.source, { buildArgs: this.opts.buildArgs, filename: this.dockerfileName });
    if (this.io) {
      if (r.stdout) this.io.stdout(r.stdout);
      if (r.stderr) this.io.stderr(r.stderr);
    }
    return { exitCode: r.exitCode, record };
  }

  // ------------------------------------------------------------------ shared helpers

  fail(message: string, opts: FailOptions = {}): never {
    throw new BuildAbort({ message, solve: opts.solve ?? true, range: opts.range, vertex: opts.vertex, note: opts.note }, opts.legacy);
  }

  vertex(name: string, durationMs = 0, statuses: { name: string; durationMs: number }[] = [], cached = false): Vertex {
    const v: Vertex = { name, cached, start: this.vt, durationMs, statuses, logs: [] };
    this.vertices.push(v);
    this.vt += durationMs;
    return v;
  }

  stageIndexByName(name: string, before: number): number | null {
    const n = name.toLowerCase();
    for (let i = 0; i < before; i++) if (this.df.stages[i].name === n) return i;
    if (/^\d+$/.test(name) && Number(name) < before) return Number(name);
    return null;
  }

  expandFrom(word: string, range: SourceRange): string {
    const r = this.globalsExpand(word);
    if (!r.ok) this.fail(r.error.message, { range });
    return r.value;
  }

  globalsExpand(word: string): Result<string> {
    return expandFromValue(word, this.globals, { escape: this.df.escape });
  }

  /** The legacy builder's step count (`Step N/M`). */
  legacyTotal(): number {
    let n = this.df.metaArgs.length;
    // The legacy builder numbers only the Dockerfile's own instructions: ONBUILD triggers run inside the FROM step.
    for (const i of this.order.length ? this.order : this.df.stages.map((_, k) => k)) n += 1 + (this.plans[i] ? this.plans[i].instructions.filter((x) => !x.trigger).length : this.df.stages[i].instructions.length);
    return n;
  }

  normalizedTags(): string[] {
    const out: string[] = [];
    for (const t of this.opts.tags ?? []) {
      const r = parseReference(t);
      if (r.ok) out.push(fullString(withDefaultTag(r.value)));
    }
    return out;
  }

  /** BuildKit's `[stage n/N]` vertex prefix. */
  prefix(p: StagePlan, i: number): string {
    const w = String(p.total).length;
    const num = `${String(i).padStart(w)}/${p.total}`;
    return this.df.stages.length > 1 ? `[${p.display} ${num}]` : `[${num}]`;
  }

  finishStep(index: number, o: StepOutcome, changes?: LayerChange[], cacheKey?: string): void {
    const info = this.stepInfos[index];
    if (!info || this.dryRun) return;
    this.startStep(index, o.durationMs);
    const layer = o.layer ? { digest: o.layer.diffId, size: o.layer.size, ...o.layer.summary } : undefined;
    this.emit({ type: 'step-finished', step: index, outcome: o.cached ? 'cached' : 'built', layer, durationMs: o.durationMs, reason: o.cached ? undefined : o.reason, time: this.now() });
    this.recordSteps.push({ index, stage: info.stage, line: info.line, name: info.name, instruction: info.instruction, metadataOnly: info.metadataOnly, outcome: o.cached ? 'cached' : 'built', reason: o.cached ? undefined : o.reason, layer, changes: changes?.slice(0, MAX_RECORDED_CHANGES), durationMs: o.durationMs, cacheKey });
  }

  startStep(index: number, backdate = 0): void {
    if (this.dryRun || this.started.has(index) || !this.stepInfos[index]) return;
    this.started.add(index);
    this.emit({ type: 'step-started', step: index, time: this.now() - backdate });
  }

  emitLogs(idx: number, logs: LogLine[], start: number): void {
    for (const l of logs) this.emit({ type: 'log', step: idx, text: l.text, stream: l.stream, time: this.start + start + l.t });
  }

  checkDepth(st: StageState, ins: Instruction): void {
    if (st.layers.length > MAX_LAYERS) this.fail('max depth exceeded', { range: ins.range, legacy: 'max depth exceeded' });
  }

  displayName(st: StageState, ins: Instruction): string {
    const env: Record<string, string> = st.scope.snapshot();
    return stepDisplayName(ins, env, this.df.escape);
  }

  workdir(st: StageState): string {
    return st.config.WorkingDir || '/';
  }

  ignoreCache(st: StageState): boolean {
    if (this.opts.noCache) return true;
    const f = this.opts.noCacheFilter ?? [];
    return !!st.plan.stage.name && f.some((n) => n.toLowerCase() === st.plan.stage.name);
  }

  /** BuildKit shows the step's vertex with its error even when the step fails before running (cache key errors). */
  failedVertex(st: StageState, ins: Instruction, error: string): Vertex | undefined {
    if (!this.rules.showsFailedVertex || this.dryRun) return undefined;
    const v = this.vertex(`${this.prefix(st.plan, st.stepNo + 1)} ${this.displayName(st, ins)}`, 0);
    v.error = error;
    return v;
  }

  isDir(st: StageState, path: string): boolean {
    return new UnionFs(st.layers).stat(path)?.type === 'dir';
  }

  /** The stage's USER as uid/gid (its /etc/passwd and /etc/group); an unknown name fails the step. */
  resolveUser(st: StageState, fs: UnionFs, ins: Instruction): { uid: number; gid: number } {
    const spec = st.config.User ?? '';
    if (!spec || spec === 'root' || spec === '0') return { uid: 0, gid: 0 };
    const [u, g] = spec.split(':');
    const read = passwdReader(fs);
    const user = lookupUser(read, u);
    if (!user && !st.unknown) this.fail(`unable to find user ${u}: no matching entries in passwd file`, { range: ins.range, legacy: `unable to find user ${u}: no matching entries in passwd file` });
    let gid = user?.gid ?? 0;
    if (g) {
      const grp = lookupGroup(read, g);
      if (!grp && !st.unknown) this.fail(`unable to find group ${g}: no matching entries in group file`, { range: ins.range, legacy: `unable to find group ${g}: no matching entries in group file` });
      gid = grp?.gid ?? 0;
    }
    return { uid: user?.uid ?? 0, gid };
  }
}

/** /etc/passwd and /etc/group of a union filesystem, read as the runtime reads them. */
export function passwdReader(fs: UnionFs): TextReader {
  return fsReader(unionProcessFs(fs));
}

export function familiarOf(canonical: string): string {
  const r = parseReference(canonical);
  return r.ok ? familiarString(r.value) : canonical;
}
