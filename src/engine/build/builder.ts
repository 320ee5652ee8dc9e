/**
 * The builder: runs a Dockerfile against the build context with BuildKit or legacy (classic) semantics.
 *
 * Plan: parse, read .dockerignore and the context, pick the stages (BuildKit: reachable from the target;
 * legacy: every stage up to it), resolve base images (local store, else the registry).
 * Execute: per instruction, compute the cache key (BuildKit: parent key + op definition + env for RUN +
 * content checksum for COPY/ADD; legacy: the probe config among the children of the parent image), reuse the
 * cached layer or execute (RUN through the shell simulator, COPY/ADD/WORKDIR on the union fs) and commit.
 * Every step records cached/built and, for a miss, why. A dry run (`predictBuild`) computes the same keys
 * without executing anything.
 */
import type { EngineEnv } from '../core/env';
import type { EngineError, Result, SourceRange } from '../core/errors';
import type { ContextEntry, ContextReader } from '../core/host';
import type { CliIO } from '../core/io';
import {
  parseDockerfile,
  resolveGlobalArgs,
  defaultPlatformArgs,
  StageScope,
  stepDisplayName,
  lintDockerfile,
  formatBuildWarnings,
  runBuildCheck,
  expandFromValue,
  type Dockerfile,
  type Instruction,
  type Stage,
  type CopyInstr,
  type RunInstr,
  type GlobalArgs,
} from '../dockerfile/index';
import { Layer, octal, type LayerChange } from '../fs/layer';
import { contentDigest, dirNode, fileNode, isWhiteout, knownDigest, symlinkNode, type FsNode, type LayerEntry } from '../fs/node';
import { basename, dirname, joinPath, normalizePath } from '../fs/path';
import { UnionFs, FsError } from '../fs/union';
import { canonicalJSON, cloneConfig, DEFAULT_PATH, type ContainerConfig, type HistoryEntry, type ImageConfigJSON } from '../images/config';
import { canonicalField, shareContainerConfig, SharedList, sharedConfigOf, type SharedContainerConfig, type SharedImageConfig } from '../images/shared';
import { familiarString, fullString, parseReference, withDefaultTag } from '../images/reference';
import { type ImageRecord, type ImageStore } from '../images/store';
import { goQuoteSlice as goQuoteList } from '../core/format';
import { rfc3339, parseTime } from '../images/time';
import { humanSizeWithPrecision } from '../core/format';
import type { BuildCache, StepMemo, TransferredFile } from './cache';
import { BuildContext, ContextHashCache, tarSize } from './context';
import { attachFiles, FileList, memoFiles, patchSelection, SelectionMemos, sourceChecksum, type ContextDelta } from './copy-selection';
import { cleanPath, ignoreMatcher, IgnoreMatcher } from './dockerignore';
import type { BuildEvent, Builder, MissReason, StepInfo } from './events';
import { renderPlain, renderTTY, errorFrame, setFrameSource, type BuildFailure, type Vertex } from './output';
import type { BuildPrediction, BuildRecord, BuildRecordStep, PredictedStep } from './records';
import { Shell } from './shell/interp';
import { readArchive } from './tar';
import { lookupGroup, lookupUser } from './shell/users';

export interface BuildOptions {
  /** Context directory relative to the host's working directory ("." by default). */
  contextDir?: string;
  /** `-f`: Dockerfile path relative to the working directory (default `<context>/Dockerfile`). */
  dockerfile?: string;
  /** Dockerfile text given directly (the UI editor); wins over reading the file. */
  dockerfileText?: string;
  /** Context entries given directly (the UI workspace); wins over `engine.context.list`. */
  contextEntries?: ContextEntry[];
  tags?: string[];
  buildArgs?: Record<string, string>;
  target?: string;
  noCache?: boolean;
  noCacheFilter?: string[];
  /** Default: legacy when io.env.DOCKER_BUILDKIT is "0", else BuildKit. */
  builder?: Builder;
  progress?: 'auto' | 'plain' | 'tty' | 'quiet' | 'rawjson';
  quiet?: boolean;
  check?: boolean;
  labels?: Record<string, string>;
}

export interface BuildResult {
  exitCode: number;
  imageId?: string;
  record: BuildRecord;
}

/** A registry as the builder needs it (the containers engineer's Registry satisfies it). */
export interface BuildRegistry {
  pull(ref: string, opts: { out: (s: string) => void; quiet?: boolean; tty?: boolean; columns?: number }): Result<{ image: ImageRecord }>;
}

export interface BuildHost {
  env: EngineEnv;
  context: ContextReader;
  images: ImageStore;
  registry: BuildRegistry | null;
  cache: BuildCache;
  hashCache: ContextHashCache;
}

const METADATA = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER', 'ONBUILD']);
/** A BuildRecord step keeps the first changes of its layer, for the UI's diff view. */
const MAX_RECORDED_CHANGES = 200;

const LAYER_OPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const MAX_LAYERS = 125;
const DEFAULT_SHELL = ['/bin/sh', '-c'];
const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

class BuildAbort {
  constructor(readonly failure: BuildFailure, readonly legacyText?: string) {}
}

interface StagePlan {
  index: number;
  stage: Stage;
  /** "build", "stage-1". */
  display: string;
  base: { kind: 'scratch' } | { kind: 'stage'; index: number } | { kind: 'image'; ref: string; canonical: string; image?: ImageRecord; pulledOutput?: string };
  /** Instructions to run: ONBUILD triggers of the base first, then the stage's own. */
  instructions: { ins: Instruction; trigger: boolean }[];
  /** BuildKit numbered steps in this stage. */
  total: number;
  /** Stages this one copies from. */
  deps: Set<number>;
}

interface StageState {
  plan: StagePlan;
  layers: Layer[];
  config: ContainerConfig;
  history: HistoryEntry[];
  /** Legacy: the shared config of the stage's last step image, whose lists the next step's image shares. */
  shared?: SharedImageConfig;
  scope: StageScope;
  key: string;
  firstMiss: { line: number; instruction: string } | null;
  lastLayerTime: number;
  imageId?: string;
  cmdSet: boolean;
  unknown: boolean;
  stepNo: number;
  opOrdinal: number;
  fs(): UnionFs;
}

interface StepOutcome {
  cached: boolean;
  reason?: MissReason;
  layer?: Layer;
  durationMs: number;
}

const sortedEnv = (env: Record<string, string>) => Object.keys(env).sort().map((k) => `${k}=${env[k]}`);

export class BuildRun {
  readonly builder: Builder;
  private vt = 0;
  private start: number;
  private vertices: Vertex[] = [];
  private stepInfos: StepInfo[] = [];
  private recordSteps: BuildRecordStep[] = [];
  private predicted: PredictedStep[] = [];
  private legacy = '';
  private events: BuildEvent[] = [];
  private df!: Dockerfile;
  private source = '';
  private dockerfileName = 'Dockerfile';
  private ctx!: BuildContext;
  private globals!: GlobalArgs;
  private plans: StagePlan[] = [];
  private states = new Map<number, StageState>();
  private memo!: Map<string, StepMemo>;
  private usedArgs = new Set<string>();
  private newLayers = 0;
  private currentStep = -1;
  private randCounter = 0;
  private warnings: string[] = [];

  constructor(
    private host: BuildHost,
    private opts: BuildOptions,
    private io: CliIO | null,
    private onEvent: (e: BuildEvent) => void,
    private dryRun = false,
  ) {
    this.builder = opts.builder ?? (io?.env.DOCKER_BUILDKIT === '0' ? 'legacy' : 'buildkit');
    this.start = host.env.clock.now();
  }

  private get sha() {
    return this.host.env.sha256;
  }

  private now(): number {
    return this.start + this.vt;
  }

  private emit(e: BuildEvent): void {
    if (this.dryRun) return;
    this.events.push(e);
    this.onEvent(e);
  }

  /** 12 hex chars that look like a container ID (deterministic with the engine's random source). */
  private randomHex(n = 64): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.host.env.random.next() * 0x100000000).toString(16).padStart(8, '0');
    this.randCounter++;
    return s.slice(0, n);
  }

  private out(s: string): void {
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
      await this.prepare();
      if (this.opts.check) return this.check(record);
      this.plan();
      this.emit({ type: 'build-started', builder: this.builder, steps: this.stepInfos, time: this.now() });
      const imageId = this.execute();
      record.imageId = imageId;
      record.durationMs = this.vt;
      this.emit({ type: 'build-finished', imageId, tags: this.normalizedTags().map((t) => familiarOf(t)), durationMs: this.vt, time: this.now() });
      this.printSuccess(imageId);
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
      this.printFailure(e);
      return { exitCode: 1, record };
    }
  }

  async predict(): Promise<BuildPrediction> {
    try {
      await this.prepare();
      this.plan();
      this.execute();
      return { builder: this.builder, steps: this.predicted };
    } catch (e) {
      return { builder: this.builder, steps: this.predicted, error: e instanceof BuildAbort ? e.failure.message : `internal error: ${(e as Error)?.message ?? String(e)}` };
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

  // ------------------------------------------------------------------ prepare

  private fail(message: string, opts: { range?: SourceRange; solve?: boolean; vertex?: Vertex; legacy?: string } = {}): never {
    throw new BuildAbort({ message, solve: opts.solve ?? true, range: opts.range, vertex: opts.vertex }, opts.legacy);
  }

  private vertex(name: string, durationMs = 0, statuses: { name: string; durationMs: number }[] = [], cached = false): Vertex {
    const v: Vertex = { name, cached, start: this.vt, durationMs, statuses, logs: [] };
    this.vertices.push(v);
    this.vt += durationMs;
    return v;
  }

  private async prepare(): Promise<void> {
    const dir = this.opts.contextDir ?? '.';
    const entries = this.opts.contextEntries ?? (await this.host.context.list(dir));
    if (!entries) this.fail(`unable to prepare context: path "${dir}" not found`, { solve: false, legacy: `unable to prepare context: path "${dir}" not found` });
    // The Dockerfile.
    let text: string | null = this.opts.dockerfileText ?? null;
    const dfPath = this.opts.dockerfile;
    this.dockerfileName = dfPath ? basename(dfPath) : 'Dockerfile';
    if (text === null) {
      let bytes: Uint8Array | null = null;
      if (dfPath) bytes = await this.host.context.readFile(dfPath);
      else bytes = entries!.find((e) => e.path === 'Dockerfile' && e.type === 'file')?.content ?? null;
      if (!bytes) {
        const shown = dfPath ?? joinCtx(dir, 'Dockerfile');
        if (this.builder === 'legacy') this.fail(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${absLike(shown)}: no such file or directory`, { solve: false, legacy: `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${absLike(shown)}: no such file or directory` });
        this.vertex(`[internal] load build definition from ${this.dockerfileName}`, 0, [{ name: 'transferring dockerfile: 2B', durationMs: 0 }]);
        this.fail(`failed to read dockerfile: open ${this.dockerfileName}: no such file or directory`);
      }
      text = new TextDecoder().decode(bytes!);
    }
    this.source = text;
    setFrameSource(text, this.dockerfileName);
    const dfBytes = new TextEncoder().encode(text).length;
    if (this.builder === 'buildkit') this.vertex(`[internal] load build definition from ${this.dockerfileName}`, 10, [{ name: `transferring dockerfile: ${humanSizeWithPrecision(dfBytes, 3)}`, durationMs: 0 }]);
    // .dockerignore
    let ignoreText: string | null = null;
    let ignoreName = '.dockerignore';
    const find = (p: string) => entries!.find((e) => e.path === p && e.type === 'file')?.content ?? null;
    if (this.builder === 'buildkit') {
      const specific = dfPath ? await this.host.context.readFile(dfPath + '.dockerignore') : find('Dockerfile.dockerignore');
      if (specific) {
        ignoreText = new TextDecoder().decode(specific);
        ignoreName = this.dockerfileName + '.dockerignore';
      }
    }
    if (ignoreText === null) {
      const b = find('.dockerignore');
      if (b) ignoreText = new TextDecoder().decode(b);
    }
    const ig = ignoreMatcher(ignoreText);
    if (!ig.ok) this.fail(`failed to parse dockerignore: ${ig.error.message}`, { legacy: `Error response from daemon: ${ig.error.message}` });
    let matcher = ig.value;
    if (this.builder === 'legacy') {
      // The CLI always sends the Dockerfile and .dockerignore; the daemon then hides them unless not excluded.
      matcher = new IgnoreMatcher(matcher.patterns);
    }
    if (this.builder === 'buildkit') {
      void ignoreName;
      this.ignoreVertex = this.vertex('[internal] load .dockerignore', 10, [{ name: `transferring context: ${humanSizeWithPrecision(ignoreText ? new TextEncoder().encode(ignoreText).length : 2, 3)}`, durationMs: 0 }]);
    }
    this.ctx = new BuildContext(entries!, matcher, this.host.hashCache, `${dir}\0`);
    if (this.builder === 'legacy') {
      const all = entries!.filter((e) => !matcher.excludes(e.path) || e.path === 'Dockerfile' || e.path === '.dockerignore');
      this.out(`Sending build context to Docker daemon  ${humanSizeWithPrecision(tarSize(all), 4)}\n`);
    }
    const parsed = parsedDockerfile(text);
    if (parsed.error || !parsed.dockerfile) {
      const e = parsed.error as EngineError;
      if (this.opts.check) {
        this.df = { metaArgs: [], stages: [], escape: '\\', directives: [], warnings: [] };
        return;
      }
      if (this.builder === 'legacy') {
        const msg = e.code === 'dockerfile.empty' ? `the Dockerfile (${this.dockerfileName}) cannot be empty` : e.message;
        this.fail(msg, { legacy: `Error response from daemon: ${msg}` });
      }
      this.fail(e.message, { range: e.range });
    }
    this.df = parsed.dockerfile!;
    if (!this.dryRun && !this.opts.check) {
      const w = buildWarnings(parsed, this.opts.buildArgs);
      if (w) this.warnings.push(w);
    }
    const g = resolveGlobalArgs(this.df.metaArgs, { buildArgs: this.opts.buildArgs, builtinArgs: defaultPlatformArgs(), escape: this.df.escape });
    if (!g.ok) this.fail(g.error.message, { range: g.error.range });
    this.globals = g.value;
    this.memo = this.host.cache.memo(`${this.builder}|${this.opts.contextDir ?? '.'}|${this.opts.dockerfile ?? 'Dockerfile'}|${this.opts.target ?? ''}`);
  }

  // ------------------------------------------------------------------ plan

  private stageIndexByName(name: string, before: number): number | null {
    const n = name.toLowerCase();
    for (let i = 0; i < before; i++) if (this.df.stages[i].name === n) return i;
    if (/^\d+$/.test(name) && Number(name) < before) return Number(name);
    return null;
  }

  private plan(): void {
    const stages = this.df.stages;
    let targetIx = stages.length - 1;
    if (this.opts.target) {
      const t = stages.findIndex((s) => s.name === this.opts.target!.toLowerCase());
      if (t < 0) {
        const names = stages.map((s) => s.name).filter(Boolean) as string[];
        const near = names.find((n) => levenshtein(n, this.opts.target!.toLowerCase()) < 3);
        const msg = `target stage "${this.opts.target}" could not be found`;
        this.fail(this.builder === 'buildkit' && near ? `${msg} (did you mean ${near}?)` : msg, { legacy: `Error response from daemon: ${msg}` });
      }
      targetIx = t;
    }
    // Base references and COPY --from dependencies.
    const deps = stages.map(() => new Set<number>());
    const baseOf: (number | null)[] = [];
    stages.forEach((s, i) => {
      const img = this.expandFrom(s.from.image, s.from.range);
      baseOf[i] = this.stageIndexByName(img, i);
      for (const ins of s.instructions) {
        const from = ins.kind === 'COPY' || ins.kind === 'ADD' ? (ins as CopyInstr).from : undefined;
        if (from !== undefined) {
          const ix = this.stageIndexByName(from, i);
          if (ix !== null) deps[i].add(ix);
        }
        if (ins.kind === 'RUN') {
          for (const m of (ins as RunInstr).mounts) {
            const fm = /(?:^|,)from=([^,]+)/.exec(m);
            if (fm) {
              const ix = this.stageIndexByName(fm[1], i);
              if (ix !== null) deps[i].add(ix);
            }
          }
        }
      }
    });
    let order: number[];
    if (this.builder === 'buildkit') {
      const reach = new Set<number>();
      const visit = (i: number) => {
        if (reach.has(i)) return;
        reach.add(i);
        if (baseOf[i] !== null) visit(baseOf[i]!);
        for (const d of deps[i]) visit(d);
      };
      visit(targetIx);
      order = [...reach].sort((a, b) => a - b);
    } else order = stages.slice(0, targetIx + 1).map((_, i) => i);

    // Resolve bases (pulling when needed) and number the steps.
    const metaFor = new Set<string>();
    for (const i of order) {
      const s = stages[i];
      const img = this.expandFrom(s.from.image, s.from.range);
      const display = s.name ?? `stage-${i}`;
      let base: StagePlan['base'];
      if (baseOf[i] !== null) base = { kind: 'stage', index: baseOf[i]! };
      else if (img.toLowerCase() === 'scratch') base = { kind: 'scratch' };
      else {
        const ref = parseReference(img);
        if (!ref.ok) this.fail(`failed to parse stage name "${img}": ${ref.error.message}`, { range: s.from.range, legacy: `Error response from daemon: ${ref.error.message}` });
        const canonical = fullString(withDefaultTag(ref.value));
        base = { kind: 'image', ref: img, canonical };
        if (!metaFor.has(canonical)) metaFor.add(canonical);
      }
      this.plans[i] = { index: i, stage: s, display, base, instructions: s.instructions.map((ins) => ({ ins, trigger: false })), total: 0, deps: deps[i] };
    }
    // [internal] load metadata for each image, then the base images themselves.
    for (const i of order) {
      const p = this.plans[i];
      if (p.base.kind !== 'image') continue;
      const b = p.base;
      let image = this.host.images.get(b.ref) ?? undefined;
      let pulled = '';
      let pullMs = 0;
      if (!image && !this.dryRun) {
        if (!this.host.registry) this.pullDenied(b.ref, b.canonical, p);
        const r = this.host.registry!.pull(b.ref, { out: (t) => (pulled += t), quiet: false });
        if (!r.ok) this.pullDenied(b.ref, b.canonical, p, r.error.message);
        image = r.value.image;
        pullMs = 1500 + Math.round(this.host.images.size(image.id) / 40_000);
      }
      b.image = image;
      b.pulledOutput = pulled;
      if (this.builder === 'buildkit' && !this.vertices.some((v) => v.name === `[internal] load metadata for ${b.canonical}`)) {
        this.vertex(`[internal] load metadata for ${b.canonical}`, 400 + (pullMs ? 1200 : 0));
      }
      (p as StagePlan & { pullMs?: number }).pullMs = pullMs;
      const onbuild = image?.config.config.OnBuild ?? [];
      if (onbuild.length) {
        const triggers: { ins: Instruction; trigger: boolean }[] = [];
        for (const expr of onbuild) {
          const parsed = parseDockerfile(`FROM scratch\n${expr}\n`);
          const ins = parsed.dockerfile?.stages[0]?.instructions[0];
          if (ins) triggers.push({ ins: { ...ins, line: p.stage.from.line, endLine: p.stage.from.endLine, range: p.stage.from.range } as Instruction, trigger: true });
        }
        p.instructions = [...triggers, ...p.instructions];
      }
    }
    // BuildKit prints the metadata lookups before the .dockerignore load.
    if (this.ignoreVertex) {
      this.vertices.splice(this.vertices.indexOf(this.ignoreVertex), 1);
      this.vertices.push(this.ignoreVertex);
    }
    // Step infos.
    let index = 0;
    const multi = order.length > 1;
    for (const i of order) {
      const p = this.plans[i];
      const ops = p.instructions.filter((x) => LAYER_OPS.has(x.ins.kind)).length;
      p.total = ops + (p.base.kind === 'image' ? 1 : 0);
      const fromName = p.base.kind === 'image' ? `FROM ${p.base.canonical}` : p.base.kind === 'scratch' ? 'FROM scratch' : `FROM ${p.stage.from.image}`;
      this.stepInfos.push({ index: index++, stage: p.display, line: p.stage.from.line, range: p.stage.from.range, name: fromName, instruction: 'FROM', metadataOnly: false });
      for (const { ins } of p.instructions) {
        this.stepInfos.push({ index: index++, stage: p.display, line: ins.line, range: ins.range, name: ins.original.replace(/^\S+/, (k) => k.toUpperCase()), instruction: ins.kind, metadataOnly: METADATA.has(ins.kind) });
      }
      void multi;
    }
    this.order = order;
  }

  private order: number[] = [];
  private ignoreVertex: Vertex | null = null;
  /** What changed in the context since the previous (real) build of it; null in predictions. */
  private contextDelta: ContextDelta | null = null;

  private pullDenied(ref: string, canonical: string, p: StagePlan, cause?: string): never {
    const r = parseReference(ref);
    const name = r.ok ? r.value.path.replace(/^library\//, '') : ref;
    if (this.builder === 'legacy') {
      this.fail(cause ?? `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`, {
        legacy: `Step ${1}/${this.legacyTotal()} : ${p.stage.from.original}\n`,
      });
    }
    this.vertex(`[internal] load metadata for ${canonical}`, 900).error = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    this.fail(`${ref}: failed to resolve source metadata for ${canonical}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, { range: p.stage.from.range });
  }

  private expandFrom(word: string, range: SourceRange): string {
    const r = this.globalsExpand(word);
    if (!r.ok) this.fail(r.error.message, { range });
    return r.value;
  }

  private globalsExpand(word: string): Result<string> {
    return expandFromValue(word, this.globals, { escape: this.df.escape });
  }

  private legacyTotal(): number {
    let n = this.df.metaArgs.length;
    // The legacy builder numbers only the Dockerfile's own instructions: ONBUILD triggers run inside the FROM step.
    for (const i of this.order.length ? this.order : this.df.stages.map((_, k) => k)) n += 1 + (this.plans[i] ? this.plans[i].instructions.filter((x) => !x.trigger).length : this.df.stages[i].instructions.length);
    return n;
  }

  // ------------------------------------------------------------------ execute

  private execute(): string {
    let legacyStep = 0;
    const legacyTotal = this.legacyTotal();
    if (this.builder === 'legacy') {
      for (const a of this.df.metaArgs) {
        legacyStep++;
        this.out(`Step ${legacyStep}/${legacyTotal} : ${a.original}\n`);
        for (const x of a.args) this.usedArgs.add(x.key);
      }
    }
    // BuildKit: FROM vertices first, then the context, then the steps.
    let stepIdx = 0;
    const stepIndexOf = new Map<number, number>();
    for (const i of this.order) {
      stepIndexOf.set(i, stepIdx);
      stepIdx += 1 + this.plans[i].instructions.length;
    }
    const fromVertices = new Map<number, Vertex>();
    if (this.builder === 'buildkit') {
      const shownBases = new Set<string>();
      for (const i of this.order) {
        const p = this.plans[i];
        if (p.base.kind !== 'image') continue;
        // BuildKit merges identical FROM vertices of several stages into one line.
        if (shownBases.has(p.base.canonical)) continue;
        shownBases.add(p.base.canonical);
        const pullMs = (p as StagePlan & { pullMs?: number }).pullMs ?? 0;
        const digest = p.base.image?.repoDigests.find((d) => d.startsWith(p.base.kind === 'image' ? p.base.canonical.replace(/:[^:/]+$/, '') + '@' : ''))?.split('@')[1];
        // As written, normalised: `FROM node` shows docker.io/library/node@sha256:…, `FROM node:18` keeps its tag.
        const written = parseReference(p.base.ref);
        const bare = written.ok && !written.value.tag && !written.value.digest && digest ? `${written.value.domain}/${written.value.path}` : p.base.canonical;
        const shown = `${bare}${digest ? '@' + digest : ''}`;
        const statuses = [{ name: `resolve ${shown}`, durationMs: 0 }];
        if (pullMs && p.base.image) {
          for (const l of this.host.images.layers(p.base.image.id)) {
            statuses.push({ name: `sha256:${this.sha(l.diffId + 'blob')} ${humanSizeWithPrecision(Math.round(l.size * 0.4), 3)} / ${humanSizeWithPrecision(Math.round(l.size * 0.4), 3)}`, durationMs: Math.round(l.size / 60_000) });
          }
          for (const l of this.host.images.layers(p.base.image.id)) statuses.push({ name: `extracting sha256:${this.sha(l.diffId + 'blob')}`, durationMs: Math.round(l.size / 150_000) });
        }
        const v = this.vertex(`${this.prefix(p, 1)} FROM ${shown}`, pullMs ? statuses.reduce((s, x) => s + x.durationMs, 0) : 0, statuses);
        fromVertices.set(i, v);
      }
      if (this.order.some((i) => this.plans[i].instructions.some((x) => (x.ins.kind === 'COPY' || x.ins.kind === 'ADD') && (x.ins as CopyInstr).from === undefined))) {
        // BuildKit's local source only sends what changed since the last transfer of this context.
        const key = this.opts.contextDir ?? '.';
        const prev = this.host.cache.transfers.get(key);
        // The record of what the builder holds is updated in place (a rebuild touches only what changed); a
        // prediction only reads it.
        const now = this.dryRun ? null : prev ?? new Map<string, TransferredFile>();
        const changed: string[] = [];
        let size = 0;
        const list = this.ctx.list;
        // The records in last time's listing order: a listing in the same order needs no lookups by path.
        const ord = prev ? this.host.cache.transferOrders.get(key) : undefined;
        let aligned = !!ord && ord.paths.length === list.length;
        for (let i = 0; i < list.length; i++) {
          const e = list[i];
          const p = e.path;
          let was: TransferredFile | undefined;
          if (aligned && ord!.paths[i] === p) was = ord!.recs[i];
          else {
            aligned = false;
            was = prev?.get(p);
          }
          // The very bytes sent last time (hosts that keep file arrays between builds): nothing to look up.
          if (was && was.content !== undefined && was.content === e.content && was.mode === e.mode) continue;
          const d = this.ctx.digest(e);
          if (was && was.mode === e.mode && was.digest === d) {
            was.content = e.content;
            continue;
          }
          changed.push(p);
          const rec = { mode: e.mode, digest: d, content: e.content };
          if (now) {
            now.set(p, rec);
            if (aligned) ord!.recs[i] = rec;
          }
          size += (e.content?.length ?? 0) + (prev ? 30 : 0);
        }
        if (prev) size += 32;
        let removed = false;
        if (now && now.size > this.ctx.paths.length) {
          removed = true;
          for (const p of now.keys()) if (!this.ctx.get(p)) now.delete(p);
        }
        if (now) {
          this.host.cache.transfers.set(key, now);
          if (!aligned) this.host.cache.transferOrders.set(key, { paths: list.map((e) => e.path), recs: list.map((e) => now.get(e.path)!) });
          const last = this.host.cache.transferGens.get(key) ?? 0;
          const prevGen = prev ? last : -1;
          const gen = last + 1;
          this.host.cache.transferGens.set(key, gen);
          this.contextDelta = { prevGen, gen, changed, removed };
        }
        this.vertex('[internal] load build context', 20 + Math.round(size / 50_000), [{ name: `transferring context: ${humanSizeWithPrecision(size, 3)}`, durationMs: Math.round(size / 50_000) }]);
      }
    }
    let finalId = '';
    for (const i of this.order) {
      const p = this.plans[i];
      const st = this.initStage(p, stepIndexOf.get(i)!, legacyStep, legacyTotal);
      legacyStep++;
      for (const { ins, trigger } of p.instructions) {
        if (this.builder === 'legacy') {
          legacyStep++;
          if (trigger && ins === p.instructions[0].ins) {
            const n = p.instructions.filter((x) => x.trigger).length;
            this.out(`# Executing ${n} build trigger${n === 1 ? '' : 's'}\n`);
          }
          if (!trigger) this.out(`Step ${legacyStep}/${legacyTotal} : ${ins.original}\n`);
          else legacyStep--;
        }
        this.currentStep = stepIndexOf.get(i)! + 1 + p.instructions.findIndex((x) => x.ins === ins);
        this.instruction(st, ins);
      }
      if (this.builder === 'buildkit') finalId = this.commitBuildKitStage(st);
      else finalId = st.imageId ?? '';
      this.states.set(i, st);
      void fromVertices;
    }
    if (this.builder === 'legacy' && !this.dryRun) {
      const unused = Object.keys(this.opts.buildArgs ?? {}).filter((k) => !this.usedArgs.has(k) && !PROXY_ARGS.has(k));
      if (unused.length) this.out(`[Warning] One or more build-args [${unused.sort().join(' ')}] were not consumed\n`);
    }
    if (this.dryRun) return finalId;
    if (this.builder === 'legacy' && !finalId) {
      this.fail('No image was generated. Is your Dockerfile empty?', { legacy: 'No image was generated. Is your Dockerfile empty?' });
    }
    // Export and tag.
    const tags = this.normalizedTags();
    if (this.builder === 'buildkit') {
      const statuses = [
        { name: 'exporting layers', durationMs: this.newLayers ? 100 + this.newLayers * 20 : 0 },
        { name: `writing image ${finalId}`, durationMs: 0 },
        ...tags.map((t) => ({ name: `naming to ${t}`, durationMs: 0 })),
      ];
      this.vertex('exporting to image', statuses.reduce((s, x) => s + x.durationMs, 0), statuses);
    }
    for (const t of tags) this.host.images.tag(finalId, t);
    return finalId;
  }

  private normalizedTags(): string[] {
    const out: string[] = [];
    for (const t of this.opts.tags ?? []) {
      const r = parseReference(t);
      if (r.ok) out.push(fullString(withDefaultTag(r.value)));
    }
    return out;
  }

  private prefix(p: StagePlan, i: number): string {
    const w = String(p.total).length;
    const num = `${String(i).padStart(w)}/${p.total}`;
    return this.df.stages.length > 1 ? `[${p.display} ${num}]` : `[${num}]`;
  }

  private initStage(p: StagePlan, stepIndex: number, legacyStep: number, legacyTotal: number): StageState {
    let layers: Layer[] = [];
    let config: ContainerConfig = {};
    let history: HistoryEntry[] = [];
    let key: string;
    let imageId: string | undefined;
    let lastLayerTime = this.now();
    let firstMiss: StageState['firstMiss'] = null;
    let baseId = '';
    if (p.base.kind === 'image') {
      const img = p.base.image;
      if (!img) {
        // Dry run with a missing base: everything will be built.
        key = this.sha('missing|' + p.base.canonical);
        firstMiss = { line: p.stage.from.line, instruction: p.stage.from.original };
        baseId = 'missing';
      } else {
        layers = this.host.images.layers(img.id);
        config = cloneConfig(img.config.config);
        history = img.config.history.map((h) => ({ ...h }));
        key = this.sha('from|' + img.id);
        imageId = img.id;
        baseId = img.id;
        lastLayerTime = parseTime(img.config.created);
      }
    } else if (p.base.kind === 'scratch') {
      key = this.sha('scratch');
      baseId = 'scratch';
    } else {
      const src = this.states.get(p.base.index)!;
      layers = src.layers.slice();
      config = cloneConfig(src.config);
      history = src.history.map((h) => ({ ...h }));
      key = src.key;
      imageId = src.imageId;
      firstMiss = src.firstMiss;
      lastLayerTime = src.lastLayerTime;
      baseId = 'stage:' + (src.imageId ?? src.key);
    }
    config.OnBuild = null;
    if (!config.Env) config.Env = [`PATH=${DEFAULT_PATH}`];
    const scope = new StageScope(this.globals, { buildArgs: this.opts.buildArgs, escape: this.df.escape, legacy: this.builder === 'legacy' }, config.Env ?? []);
    const st: StageState = {
      plan: p,
      layers,
      config,
      history,
      scope,
      key,
      firstMiss,
      lastLayerTime,
      imageId,
      cmdSet: false,
      unknown: baseId === 'missing',
      stepNo: p.base.kind === 'image' ? 1 : 0,
      opOrdinal: 0,
      fs: () => new UnionFs(st.layers, new Layer(), () => this.now()),
    };
    // The FROM step.
    const memoId = `${p.index}:from`;
    const prev = this.memo.get(memoId);
    const baseChanged = !!prev && prev.baseId !== baseId && p.base.kind === 'image';
    if (baseChanged) st.firstMiss = { line: p.stage.from.line, instruction: p.stage.from.original };
    const outcome: StepOutcome = { cached: !!prev && !baseChanged && baseId !== 'missing', durationMs: 0 };
    if (!outcome.cached) outcome.reason = baseChanged ? { kind: 'base-image-changed', image: p.base.kind === 'image' ? familiarString(withDefaultTag((parseReference(p.base.ref) as { ok: true; value: ReturnType<typeof withDefaultTag> }).value)) : '' } : { kind: 'first-build' };
    if (!this.dryRun) this.memo.set(memoId, { text: p.stage.from.original, key, parentKey: '', baseId });
    if (this.builder === 'legacy') {
      this.out(`Step ${legacyStep + 1}/${legacyTotal} : ${p.stage.from.original}\n`);
      if (p.base.kind === 'image' && p.base.pulledOutput) this.out(p.base.pulledOutput);
      this.out(` ---> ${imageId ? imageId.slice(7, 19) : ''}\n`);
    }
    this.finishStep(stepIndex, outcome, undefined, key);
    this.predicted.push({ index: this.predicted.length, line: p.stage.from.line, stage: p.display, name: this.stepInfos[stepIndex]?.name ?? p.stage.from.original, instruction: 'FROM', metadataOnly: false, prediction: outcome.cached ? 'cached' : baseId === 'missing' ? 'will-rebuild' : 'cached', reason: outcome.cached ? undefined : outcome.reason });
    return st;
  }

  private finishStep(index: number, o: StepOutcome, changes?: LayerChange[], cacheKey?: string): void {
    const info = this.stepInfos[index];
    if (!info || this.dryRun) return;
    this.startStep(index, o.durationMs);
    const layer = o.layer ? { digest: o.layer.diffId, size: o.layer.size, ...o.layer.summary } : undefined;
    this.emit({ type: 'step-finished', step: index, outcome: o.cached ? 'cached' : 'built', layer, durationMs: o.durationMs, reason: o.cached ? undefined : o.reason, time: this.now() });
    this.recordSteps.push({ index, stage: info.stage, line: info.line, name: info.name, instruction: info.instruction, metadataOnly: info.metadataOnly, outcome: o.cached ? 'cached' : 'built', reason: o.cached ? undefined : o.reason, layer, changes: changes?.slice(0, MAX_RECORDED_CHANGES), durationMs: o.durationMs, cacheKey });
  }

  private started = new Set<number>();

  private startStep(index: number, backdate = 0): void {
    if (this.dryRun || this.started.has(index) || !this.stepInfos[index]) return;
    this.started.add(index);
    this.emit({ type: 'step-started', step: index, time: this.now() - backdate });
  }

  /** The step index of the instruction currently running. */
  private get stepIndex(): number {
    return this.currentStep;
  }

  // ------------------------------------------------------------------ instructions

  private instruction(st: StageState, ins: Instruction): void {
    const idx = this.stepIndex;
    if (ins.kind === 'RUN' || ins.kind === 'COPY' || ins.kind === 'ADD' || ins.kind === 'WORKDIR') {
      if (this.builder === 'legacy') {
        if (ins.kind === 'RUN' && ins.flags.length) this.fail(`the --${ins.flags[0].name} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`, { legacy: `the --${ins.flags[0].name} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled` });
        if ((ins.kind === 'COPY' || ins.kind === 'ADD') && (ins as CopyInstr).chmod !== undefined) this.fail('the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled', { legacy: 'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled' });
      }
      this.op(st, ins, idx);
      return;
    }
    // Metadata.
    const meta = this.applyMetadata(st, ins);
    if (this.builder === 'buildkit') {
      if (meta.createdBy !== null) st.history.push({ created: rfc3339(st.lastLayerTime), created_by: meta.createdBy, comment: BUILDKIT_COMMENT, empty_layer: true });
      this.finishStep(idx, { cached: true, durationMs: 0 });
      this.predicted.push({ index: this.predicted.length, line: ins.line, stage: st.plan.display, name: this.stepInfos[idx]?.name ?? ins.original, instruction: ins.kind, metadataOnly: true, prediction: 'metadata' });
      return;
    }
    this.legacyStep(st, ins, idx, meta.legacyCreatedBy, ['/bin/sh', '-c', '#(nop) ', meta.legacyText], () => ({ layer: new Layer(), durationMs: 30 }), true);
  }

  /** Applies a metadata instruction to the stage config; returns the history texts. */
  private applyMetadata(st: StageState, ins: Instruction): { createdBy: string | null; legacyCreatedBy: string; legacyText: string } {
    const c = st.config;
    const exp = (w: string) => {
      const r = st.scope.expand(w);
      if (!r.ok) this.fail(r.error.message, { range: ins.range });
      return r.value;
    };
    const shellOf = () => c.Shell ?? DEFAULT_SHELL;
    switch (ins.kind) {
      case 'ENV': {
        const r = st.scope.applyEnv(ins);
        if (!r.ok) this.fail(r.error.message, { range: ins.range });
        // The stage owns its config (images get copies or shared snapshots), so ENV, LABEL, EXPOSE, VOLUME and
        // ONBUILD update it in place: a Dockerfile of thousands of them stays linear.
        const env = (c.Env ??= []);
        for (const { key, value } of r.value) envSetInPlace(env, key, value);
        const text = 'ENV ' + r.value.map((x) => `${x.key}=${x.value}`).join(' ');
        return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
      }
      case 'LABEL': {
        const r = st.scope.expandPairs(ins);
        if (!r.ok) this.fail(r.error.message, { range: ins.range });
        const labels = (c.Labels ??= {});
        for (const { key, value } of r.value) labels[key] = value;
        const text = 'LABEL ' + r.value.map((x) => `${x.key}=${x.value}`).join(' ');
        return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
      }
      case 'ARG': {
        const r = st.scope.applyArg(ins);
        if (!r.ok) this.fail(r.error.message, { range: ins.range });
        for (const a of r.value) this.usedArgs.add(a.key);
        const text = 'ARG ' + r.value.map((a) => (a.value !== undefined ? `${a.key}=${a.value}` : a.key)).join(' ');
        const legacyText = 'ARG ' + ins.args.map((a) => (a.value !== undefined ? `${a.key}=${a.value}` : a.key)).join(' ');
        return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${legacyText}`, legacyText };
      }
      case 'EXPOSE': {
        c.ExposedPorts ??= {};
        const ports: string[] = [];
        for (const p of ins.ports) {
          for (const word of exp(p).split(/\s+/).filter(Boolean)) {
            const port = word.includes('/') ? word.toLowerCase() : word + '/tcp';
            c.ExposedPorts[port] = {};
            ports.push(port);
          }
        }
        return { createdBy: `EXPOSE [${ports.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  EXPOSE ${ins.ports.join(' ')}`, legacyText: `EXPOSE ${ins.ports.join(' ')}` };
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const cmd = ins.form === 'exec' ? ins.cmd : [...shellOf(), ins.cmd.join(' ')];
        if (ins.kind === 'CMD') {
          c.Cmd = cmd;
          st.cmdSet = true;
        } else {
          c.Entrypoint = cmd;
          if (!st.cmdSet) c.Cmd = null;
        }
        const text = `${ins.kind} ${goQuoteList(cmd)}`;
        return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
      }
      case 'USER': {
        c.User = exp(ins.user);
        return { createdBy: `USER ${c.User}`, legacyCreatedBy: `/bin/sh -c #(nop)  USER ${c.User}`, legacyText: `USER ${c.User}` };
      }
      case 'VOLUME': {
        c.Volumes ??= {};
        const vols = ins.paths.map(exp);
        for (const v of vols) {
          if (!v) this.fail('VOLUME specified can not be an empty string', { range: ins.range });
          c.Volumes[v] = {};
        }
        return { createdBy: `VOLUME [${vols.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  VOLUME [${vols.join(' ')}]`, legacyText: `VOLUME [${vols.join(' ')}]` };
      }
      case 'STOPSIGNAL': {
        c.StopSignal = exp(ins.signal);
        return { createdBy: `STOPSIGNAL ${c.StopSignal}`, legacyCreatedBy: `/bin/sh -c #(nop)  STOPSIGNAL ${c.StopSignal}`, legacyText: `STOPSIGNAL ${c.StopSignal}` };
      }
      case 'SHELL': {
        c.Shell = ins.shell.slice();
        return { createdBy: `SHELL [${ins.shell.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  SHELL [${ins.shell.join(' ')}]`, legacyText: `SHELL [${ins.shell.join(' ')}]` };
      }
      case 'HEALTHCHECK': {
        if (ins.test[0] === 'NONE') c.Healthcheck = { Test: ['NONE'] };
        else {
          c.Healthcheck = { Test: ins.test.slice() };
          const d = (s?: string) => (s ? parseDurationNs(s) : undefined);
          if (ins.interval) c.Healthcheck.Interval = d(ins.interval);
          if (ins.timeout) c.Healthcheck.Timeout = d(ins.timeout);
          if (ins.startPeriod) c.Healthcheck.StartPeriod = d(ins.startPeriod);
          if (ins.startInterval) c.Healthcheck.StartInterval = d(ins.startInterval);
          if (ins.retries !== undefined) c.Healthcheck.Retries = ins.retries;
        }
        const h = c.Healthcheck;
        const text = `HEALTHCHECK &{[${h.Test.join(' ')}] "${fmtDur(h.Interval)}" "${fmtDur(h.Timeout)}" "${fmtDur(h.StartPeriod)}" "${fmtDur(h.StartInterval)}" '\\x${(h.Retries ?? 0).toString(16).padStart(2, '0')}'}`;
        return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
      }
      case 'MAINTAINER': {
        return { createdBy: `MAINTAINER ${ins.name}`, legacyCreatedBy: `/bin/sh -c #(nop)  MAINTAINER ${ins.name}`, legacyText: `MAINTAINER ${ins.name}` };
      }
      case 'ONBUILD': {
        (c.OnBuild ??= []).push(ins.expression);
        return { createdBy: null, legacyCreatedBy: `/bin/sh -c #(nop)  ONBUILD ${ins.expression}`, legacyText: `ONBUILD ${ins.expression}` };
      }
    }
    return { createdBy: ins.original, legacyCreatedBy: `/bin/sh -c #(nop)  ${ins.original}`, legacyText: ins.original };
  }

  // ------------------------------------------------------------------ ops

  private resolveUser(st: StageState, fs: UnionFs, ins: Instruction): { uid: number; gid: number } {
    const spec = st.config.User ?? '';
    if (!spec || spec === 'root' || spec === '0') return { uid: 0, gid: 0 };
    const [u, g] = spec.split(':');
    const user = lookupUser(fs, u);
    if (!user && !st.unknown) this.fail(`unable to find user ${u}: no matching entries in passwd file`, { range: ins.range, legacy: `unable to find user ${u}: no matching entries in passwd file` });
    let gid = user?.gid ?? 0;
    if (g) {
      const grp = lookupGroup(fs, g);
      if (!grp && !st.unknown) this.fail(`unable to find group ${g}: no matching entries in group file`, { range: ins.range, legacy: `unable to find group ${g}: no matching entries in group file` });
      gid = grp?.gid ?? 0;
    }
    return { uid: user?.uid ?? 0, gid };
  }

  private workdir(st: StageState): string {
    return st.config.WorkingDir || '/';
  }

  private op(st: StageState, ins: Instruction, idx: number): void {
    if (ins.kind === 'WORKDIR') return this.opWorkdir(st, ins, idx);
    if (ins.kind === 'RUN') return this.opRun(st, ins as RunInstr, idx);
    return this.opCopy(st, ins as CopyInstr, idx);
  }

  private opWorkdir(st: StageState, ins: Extract<Instruction, { kind: 'WORKDIR' }>, idx: number): void {
    const r = st.scope.expand(ins.path);
    if (!r.ok) this.fail(r.error.message, { range: ins.range });
    const path = normalizePath(r.value, this.workdir(st));
    st.config.WorkingDir = path;
    if (this.builder === 'legacy') {
      const text = `WORKDIR ${path}`;
      this.legacyStep(st, ins, idx, `/bin/sh -c #(nop) ${text}`, ['/bin/sh', '-c', `#(nop) ${text}`], () => {
        const fs = st.fs();
        if (!fs.stat(path)) fs.mkdirp(path);
        return { layer: fs.upper, durationMs: 20 };
      }, false, true);
      return;
    }
    if (path === '/') {
      st.history.push({ created: rfc3339(st.lastLayerTime), created_by: `WORKDIR ${path}`, comment: BUILDKIT_COMMENT, empty_layer: true });
      this.finishStep(idx, { cached: true, durationMs: 0 });
      return;
    }
    const user = st.config.User ?? '';
    this.buildkitOp(st, ins, idx, {
      def: canonicalJSON({ mkdir: path, user }),
      createdBy: `WORKDIR ${path}`,
      ignoreCache: false,
      exec: () => {
        const fs = st.fs();
        const owner = user ? this.resolveUser(st, fs, ins) : { uid: 0, gid: 0 };
        if (!fs.stat(path)) fs.mkdirp(path, owner);
        return { layer: fs.upper, durationMs: 30, logs: [] };
      },
    });
  }

  private runArgv(st: StageState, ins: RunInstr): string[] {
    if (ins.form === 'exec') return ins.cmd.slice();
    return [...(st.config.Shell ?? DEFAULT_SHELL), ins.cmd.join(' ')];
  }

  /** Declared ARGs with values that are not overridden by ENV (the `|N k=v` prefix and RUN's extra env). */
  private argEnv(st: StageState): Record<string, string> {
    const out: Record<string, string> = {};
    const env = new Set((st.config.Env ?? []).map((e) => e.split('=')[0]));
    for (const [k, v] of st.scope.args) if (!env.has(k) || this.builder === 'buildkit') out[k] = v;
    return out;
  }

  private runEnv(st: StageState): Record<string, string> {
    const env: Record<string, string> = {};
    for (const e of st.config.Env ?? []) {
      const eq = e.indexOf('=');
      env[eq < 0 ? e : e.slice(0, eq)] = eq < 0 ? '' : e.slice(eq + 1);
    }
    const snap = st.scope.snapshot();
    for (const k of st.scope.declaredArgs) if (snap[k] !== undefined && (this.builder === 'buildkit' || env[k] === undefined)) env[k] = snap[k];
    if (this.builder === 'buildkit') for (const [k, v] of Object.entries(snap)) if (env[k] !== undefined) env[k] = v;
    if (!env.PATH) env.PATH = DEFAULT_PATH;
    return env;
  }

  private opRun(st: StageState, ins: RunInstr, idx: number): void {
    const argv = this.runArgv(st, ins);
    const env = this.runEnv(st);
    const args = this.argEnv(st);
    const argNames = Object.keys(args).sort();
    const argPrefix = argNames.length ? `|${argNames.length} ${argNames.map((k) => `${k}=${args[k]}`).join(' ')} ` : '';
    const processText = argv.join(' ');
    const exec = () => this.execRun(st, ins, argv, env);
    if (this.builder === 'legacy') {
      const probe = argNames.length ? [`|${argNames.length}`, ...argNames.map((k) => `${k}=${args[k]}`), ...argv] : argv;
      this.legacyStep(st, ins, idx, `${argPrefix}${processText}`, probe, () => {
        const r = exec();
        if (r.code !== 0) this.fail(`The command '${processText}' returned a non-zero code: ${r.code}`, { legacy: `The command '${processText}' returned a non-zero code: ${r.code}` });
        return { layer: r.layer, durationMs: r.durationMs, logs: r.logs };
      }, false, true);
      return;
    }
    const ignore = this.ignoreCache(st);
    this.buildkitOp(st, ins, idx, {
      def: canonicalJSON({ run: argv, env: sortedEnv(env), cwd: this.workdir(st), user: st.config.User ?? '', mounts: ins.mounts, network: ins.network ?? '', security: ins.security ?? '', heredocs: ins.heredocs }),
      createdBy: `RUN ${argPrefix}${processText} # buildkit`,
      ignoreCache: ignore,
      env,
      exec: () => {
        const r = exec();
        if (r.code !== 0) {
          const v = this.vertices[this.vertices.length - 1];
          return { layer: r.layer, durationMs: r.durationMs, logs: r.logs, error: `process "${processText}" did not complete successfully: exit code: ${r.code}`, vertex: v };
        }
        return { layer: r.layer, durationMs: r.durationMs, logs: r.logs };
      },
    });
  }

  private execRun(st: StageState, ins: RunInstr, argv: string[], env: Record<string, string>) {
    const fs = st.fs();
    const user = this.resolveUser(st, fs, ins);
    const cwd = this.workdir(st);
    if (!fs.stat(cwd)) fs.mkdirp(cwd);
    // RUN --mount: cache/tmpfs/secret/bind mounts are visible while the command runs but never end up in the layer.
    const mounts = ins.mounts.map((m) => {
      const kv = Object.fromEntries(m.split(',').map((x) => {
        const eq = x.indexOf('=');
        return eq < 0 ? [x, 'true'] : [x.slice(0, eq), x.slice(eq + 1)];
      }));
      const type = kv.type ?? 'bind';
      const target = kv.target ?? kv.dst ?? kv.destination ?? (type === 'secret' ? `/run/secrets/${kv.id ?? ''}` : '');
      return { type, target: target ? normalizePath(target, cwd) : '', source: kv.source ?? kv.src ?? '.', from: kv.from };
    });
    for (const m of mounts) {
      if (!m.target) continue;
      if (m.type === 'cache' || m.type === 'tmpfs') fs.mkdirp(m.target);
      else if (m.type === 'bind' && m.from === undefined && this.builder === 'buildkit') {
        const roots = this.ctx.match(m.source);
        for (const root of roots ?? []) {
          for (const f of this.ctx.under(root)) {
            const rel = root === '.' ? f.path : f.path === root ? '' : f.path.slice(root.length + 1);
            const e = f.entry;
            const node: FsNode = e.type === 'dir' ? dirNode({ mode: e.mode }) : e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
            fs.putNode(rel ? joinPath(m.target, rel) : m.target, node);
          }
        }
      }
    }
    const heredocs = new Map(ins.heredocs.map((h) => [h.name, { content: h.content, expand: h.expand }]));
    const shell = new Shell({ fs, env, cwd, uid: user.uid, gid: user.gid, heredocs, seed: this.sha(argv.join(' ') + '|' + st.key), sha256: this.sha, now: this.now() });
    let code: number;
    if (ins.form === 'exec') code = shell.runArgv(argv);
    else {
      const text = ins.cmd.join(' ');
      const only = /^\s*<<-?\s*["']?([A-Za-z0-9_]+)["']?\s*$/.exec(text);
      const script = only ? ins.heredocs.find((h) => h.name === only[1])?.content ?? '' : null;
      if (script !== null && script.startsWith('#!') && !/\b(sh|bash|ash|dash)\b/.test(script.split('\n')[0])) {
        const interp = script.split('\n')[0].slice(2).trim().split(/\s+/);
        const prog = interp[0].endsWith('/env') ? interp.slice(1) : interp;
        code = shell.runArgv(prog);
      } else code = shell.runArgv([...argv.slice(0, -1), script ?? text]);
    }
    const logs = toLines(shell.chunks, 150);
    for (const m of mounts) {
      if (!m.target) continue;
      for (const p of fs.upper.pathsUnder(m.target)) if (p !== m.target || m.type === 'bind' || m.type === 'secret') fs.upper.delete(p);
    }
    return { code, layer: fs.upper, durationMs: 150 + shell.elapsed, logs };
  }

  private ignoreCache(st: StageState): boolean {
    if (this.opts.noCache) return true;
    const f = this.opts.noCacheFilter ?? [];
    return !!st.plan.stage.name && f.some((n) => n.toLowerCase() === st.plan.stage.name);
  }

  private opCopy(st: StageState, ins: CopyInstr, idx: number): void {
    const exp = (w: string) => {
      const r = st.scope.expand(w);
      if (!r.ok) this.fail(r.error.message, { range: ins.range });
      return r.value;
    };
    const destRaw = exp(ins.dest);
    const wd = this.workdir(st);
    const destIsDirSyntax = destRaw.endsWith('/') || destRaw === '.' || destRaw.endsWith('/.') || destRaw === '..';
    const dest = normalizePath(destRaw, wd);
    const chown = ins.chown !== undefined ? exp(ins.chown) : undefined;
    const chmod = ins.chmod !== undefined ? exp(ins.chmod) : undefined;
    const heredocSources = new Map(ins.heredocs.map((h) => [h.name, h]));
    // Inline files (`COPY <<EOF /dest`) come as heredocs; older parsers also listed them as "<<EOF" sources.
    const srcs = [...ins.sources.filter((s) => !/^<<-?/.test(s)).map((s) => exp(s)), ...ins.heredocs.map((h) => '<<' + h.name)];
    if (srcs.length > 1 && !destRaw.endsWith('/')) {
      this.fail('When using COPY with more than one source file, the destination must be a directory and end with a /', { range: ins.range, legacy: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
    }
    if (chmod !== undefined && !/^[0-7]{3,4}$/.test(chmod)) this.fail(`invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`, { range: ins.range });
    // Sources: the context, a stage or an image.
    let srcFs: UnionFs | null = null;
    let srcKey = 'context';
    let fromStage: StageState | null = null;
    if (ins.from !== undefined) {
      const ix = this.stageIndexByName(ins.from, st.plan.index);
      if (ix !== null) {
        fromStage = this.states.get(ix) ?? null;
        if (!fromStage) this.fail(`stage ${ins.from} not built`, { range: ins.range });
        srcFs = new UnionFs(fromStage.layers);
        srcKey = 'stage:' + fromStage.key;
      } else {
        let img = this.host.images.get(ins.from);
        if (!img && !this.dryRun && this.host.registry) {
          const r = this.host.registry.pull(ins.from, { out: () => {}, quiet: true });
          if (r.ok) img = r.value.image;
        }
        if (!img) {
          if (this.dryRun) {
            srcFs = new UnionFs([]);
            srcKey = 'missing';
          } else {
            const c = parseReference(ins.from);
            const canonical = c.ok ? fullString(withDefaultTag(c.value)) : ins.from;
            this.fail(`${ins.from}: failed to resolve source metadata for ${canonical}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, { range: ins.range, legacy: `pull access denied for ${ins.from}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` });
          }
        } else {
          srcFs = new UnionFs(this.host.images.layers(img.id));
          srcKey = 'image:' + img.id;
        }
      }
    }
    const isUrl = (s: string) => /^https?:\/\//.test(s);
    // COPY --exclude: patterns (dockerignore syntax) over the paths below each source.
    const excludeMatcher = ins.exclude.length ? ignoreMatcher(ins.exclude.map((x) => exp(x)).join('\n')) : null;
    const excluded = (rel: string) => !!excludeMatcher && excludeMatcher.ok && excludeMatcher.value.excludes(rel);
    // Selection: [sourcePathForChecksum, target, node]
    interface Item {
      src: string;
      target: string;
      node: FsNode;
      digest: string;
    }
    let items: Item[] = [];
    let fileList = FileList.empty();
    const many = srcs.length > 1;
    // A COPY of context directories after a build that changed only some files: patch its last selection.
    const selKey = !this.dryRun && !srcFs && !ins.exclude.length && !ins.heredocs.length && !srcs.some(isUrl) ? `${ins.kind}\0${dest}\0${destIsDirSyntax}\0${srcs.join('\0')}` : null;
    let selRoots: string[] | null = null;
    if (selKey) {
      selRoots = [];
      for (const s of srcs) {
        const r = this.ctx.match(s);
        if (!r || r.some((x) => x !== '.' && this.ctx.get(x)?.type !== 'dir')) {
          selRoots = null;
          break;
        }
        selRoots.push(...r);
      }
    }
    const selMemo = selKey && selRoots ? this.host.cache.selections.get(selKey) : undefined;
    const patched =
      selMemo && selRoots && this.contextDelta
        ? patchSelection(selMemo, this.contextDelta, selRoots, (p) => this.ctx.get(p), (e, old) => {
            const digest = this.ctx.digest(e);
            const node: FsNode = e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
            return { item: { src: old.src, target: old.target, node, digest }, tag: fileTag(e.mode, digest) };
          })
        : null;
    if (patched) {
      items = patched.items;
      fileList = patched.files;
    }
    const refId = () => `${this.randomHex(8)}-${this.randomHex(4)}-${this.randomHex(4)}-${this.randomHex(4)}-${this.randomHex(12)}::${this.randomHex(25).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
    for (const s of patched ? [] : srcs) {
      const hd = /^<<-?(.+)$/.exec(s);
      if (hd && heredocSources.has(hd[1]) && this.builder === 'buildkit') {
        const h = heredocSources.get(hd[1])!;
        let content = h.content;
        if (h.expand) content = exp(content.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'")) ;
        const target = destIsDirSyntax ? joinPath(dest, h.name) : dest;
        const node = fileNode(content, { mode: 0o644 });
        const digest = this.sha(content);
        items.push({ src: '<<' + h.name, target, node, digest });
        fileList.set('<<' + h.name, digest.slice(0, 16));
        continue;
      }
      if (isUrl(s) && ins.kind === 'ADD') {
        const name = basename(s.replace(/[?#].*$/, '')) || 'index.html';
        const target = destIsDirSyntax ? joinPath(dest, name) : dest;
        const size = 1000 + (parseInt(this.sha(s).slice(0, 6), 16) % 5_000_000);
        const node = fileNode({ seed: 'url:' + s, size }, { mode: 0o600 });
        const digest = this.sha('url:' + s);
        items.push({ src: s, target, node, digest });
        fileList.set(s, digest.slice(0, 16));
        continue;
      }
      if (srcFs) {
        const path = normalizePath(s);
        const matches = /[*?[]/.test(path) ? globFs(srcFs, path) : srcFs.lstat(path) ? [path] : [];
        if (!matches.length) {
          const msg = `failed to calculate checksum of ref ${refId()}: "${path}": not found`;
          this.fail(`failed to compute cache key: ${msg}`, { vertex: this.failedVertex(st, ins, msg), range: ins.range, legacy: `COPY failed: stat ${path.slice(1)}: file does not exist` });
        }
        for (const m of matches) {
          const stat = srcFs.stat(m)!;
          const isDir = stat.type === 'dir';
          for (const { path: p, node } of srcFs.walk(m)) {
            const rel = p === stat.path ? '' : p.slice(stat.path === '/' ? 1 : stat.path.length + 1);
            const target = isDir ? (rel ? joinPath(dest, rel) : dest) : destIsDirSyntax || many || matches.length > 1 ? joinPath(dest, basename(m)) : dest;
            const digest = node.type === 'file' ? (node.data ? contentDigest(node, this.sha) : this.sha(`synthetic:${node.synthetic?.seed}:${node.size}`)) : node.type === 'symlink' ? 'link:' + node.target : 'dir';
            items.push({ src: p, target, node: { ...node }, digest });
            fileList.set(p, fileTag(node.mode, digest));
          }
        }
        continue;
      }
      const ctxPath = cleanPath(s);
      if (ctxPath.startsWith('..')) this.fail(`failed to compute cache key: failed to calculate checksum of ref ${refId()}: "/${ctxPath}": not found`, { range: ins.range, legacy: `COPY failed: forbidden path outside the build context: ${s} ()` });
      const roots = this.ctx.match(s);
      if (!roots) {
        const shown = '/' + ctxPath.replace(/^\/+/, '');
        const wildcard = /[*?[]/.test(s);
        const msg = `failed to calculate checksum of ref ${refId()}: "${shown}": not found`;
        this.fail(`failed to compute cache key: ${msg}`, {
          vertex: this.failedVertex(st, ins, msg),
          range: ins.range,
          legacy: wildcard ? `COPY failed: no source files were specified` : `${ins.kind} failed: file not found in build context or excluded by .dockerignore: stat ${ctxPath.replace(/^\/+/, '')}: file does not exist`,
        });
      }
      const multiMatch = roots!.length > 1;
      if (multiMatch && !destRaw.endsWith('/') && this.builder === 'legacy') {
        const anyFile = roots!.some((r) => this.ctx.get(r)?.type !== 'dir');
        if (anyFile) this.fail('When using COPY with more than one source file, the destination must be a directory and end with a /', { legacy: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
      }
      for (const root of roots!) {
        const rootEntry = root === '.' ? null : this.ctx.get(root);
        const isDir = root === '.' || rootEntry?.type === 'dir';
        for (const f of this.ctx.under(root)) {
          const rel = root === '.' ? f.path : f.path === root ? '' : f.path.slice(root.length + 1);
          let target: string;
          if (isDir) target = rel ? joinPath(dest, rel) : dest;
          else target = destIsDirSyntax || many || multiMatch || this.isDir(st, dest) ? joinPath(dest, basename(root)) : dest;
          const e = f.entry;
          if (excluded(rel || basename(f.path))) continue;
          // ADD unpacks local tar archives (plain or gzip) into the destination directory.
          if (ins.kind === 'ADD' && e.type === 'file' && !isDir && /\.(tar|tgz|tar\.gz)$/.test(f.path) && e.content) {
            const entries = readArchive(e.content);
            if (entries) {
              for (const t of entries) {
                const node: FsNode = t.type === 'dir' ? dirNode({ mode: t.mode }) : t.type === 'symlink' ? symlinkNode(t.target ?? '') : fileNode(t.data ?? new Uint8Array(0), { mode: t.mode });
                items.push({ src: `${f.path}!${t.path}`, target: joinPath(dest, t.path), node, digest: t.type === 'file' ? this.sha(t.data ?? new Uint8Array(0)) : t.type });
              }
              fileList.set(f.path, fileTag(e.mode, f.digest));
              continue;
            }
          }
          const node: FsNode = e.type === 'dir' ? dirNode({ mode: e.mode }) : e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
          if (isDir && rel === '') continue; // the directory itself: its contents go into dest
          items.push({ src: f.path, target, node, digest: f.digest });
          fileList.set(f.path, fileTag(e.mode, f.digest));
        }
      }
    }
    // Ownership and mode.
    const sum = sourceChecksum(items, this.sha, patched ? selMemo : undefined, patched?.changed);
    const checksum = sum.checksum;
    if (selKey && selRoots && this.contextDelta) {
      const index = patched ? selMemo!.index : SelectionMemos.index(items);
      if (index) this.host.cache.selections.set(selKey, { gen: this.contextDelta.gen, roots: selRoots, items, files: fileList, pieces: sum.pieces, index });
    }
    const fromKey = fromStage ? fromStage.key : srcKey;
    const flagsText = [chown !== undefined ? `--chown=${chown}` : '', chmod !== undefined ? `--chmod=${chmod}` : '', ins.link ? '--link' : ''].filter(Boolean).join(' ');
    const shownSrcs = srcs;
    const exec = () => {
      const lower = ins.link && this.builder === 'buildkit' ? [] : st.layers;
      const fs = new UnionFs(lower, new Layer(), () => this.now());
      const lowerView = new UnionFs(lower);
      const ownerFs = st.fs();
      let uid: number | undefined;
      let gid: number | undefined;
      if (chown !== undefined) {
        const [u, g] = chown.split(':');
        const user = u ? lookupUser(ownerFs, u) : null;
        if (u && !user) this.fail(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}`, { range: ins.range, legacy: `unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}` });
        uid = user?.uid;
        gid = user?.gid;
        if (g) {
          const grp = lookupGroup(ownerFs, g);
          if (!grp) this.fail(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}`, { range: ins.range, legacy: `unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}` });
          gid = grp!.gid;
        }
      }
      const mode = chmod !== undefined ? parseInt(chmod, 8) : undefined;
      let bytes = 0;
      const keepOwner = !!fromStage || srcKey.startsWith('image:');
      // Rebuild of the same COPY shape (same lower layers, destination, owner/mode flags and the same sequence of
      // target paths and node types) whose previous run put every item straight into the layer: every decision below
      // depends only on those, so the items go straight into the layer again, without the per-item lookups.
      const memoKey = `${dest}\0${destIsDirSyntax}\0${uid}\0${gid}\0${mode}\0${keepOwner}`;
      const memos = copyMemos(this.host.images);
      const prevShape = memos.get(memoKey);
      // A patched selection keeps every target and type of the one the previous run used: only the few changed
      // items are new, so the layer is the previous one with those entries replaced.
      if (patched && prevShape?.layer && prevShape.items === selMemo!.items && prevShape.key === memoKey && sameLayers(prevShape.lower, lower)) {
        const now = this.now();
        const before = prevShape.layer;
        const changes: [string, FsNode][] = [];
        let bytes = prevShape.bytes;
        for (const i of patched.changed) {
          const it = items[i];
          const was = selMemo!.items[i].node;
          if (was.type === 'file') bytes -= was.size;
          if (it.node.type === 'file') bytes += it.node.size;
          changes.push([it.target, copiedNode(it, before, uid, gid, mode, keepOwner, now)]);
        }
        const layer = Layer.patched(before, changes);
        prevShape.layer = layer;
        prevShape.items = items;
        prevShape.bytes = bytes;
        return { layer, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
      }
      const shape = copyShape(lower, dest, destIsDirSyntax, uid, gid, mode, keepOwner, items);
      if (prevShape && sameCopyShape(prevShape, shape)) {
        if (!fs.stat(dest) && (destIsDirSyntax || items.some((i) => i.target !== dest))) fs.mkdirp(dest, { uid: uid ?? 0, gid: gid ?? 0 });
        const now = this.now();
        // The previous run's layer: an item whose node would be the same (content, type, mode, owner) keeps that
        // node object (and its mtime, as an unchanged file keeps its timestamp), so the new layer's diffId reuses
        // the digests of every unchanged piece (fs/layer.ts).
        const before = prevShape.layer;
        for (const it of items) {
          const node = copiedNode(it, before, uid, gid, mode, keepOwner, now);
          fs.upper.set(it.target, node);
          if (node.type === 'file') bytes += node.size;
        }
        prevShape.layer = fs.upper;
        prevShape.items = items;
        prevShape.bytes = bytes;
        return { layer: fs.upper, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
      }
      let allDirect = true;
      try {
        if (!fs.stat(dest) && (destIsDirSyntax || items.some((i) => i.target !== dest))) fs.mkdirp(dest, { uid: uid ?? 0, gid: gid ?? 0 });
        // Parent directories known to be real directories (checked once each), so most files go straight into the layer.
        const dirs = new Set<string>();
        const now = this.now();
        // Directories this COPY creates (absent from the lower layers): what lies below them can only be in the new layer.
        const newDirs = new Set<string>();
        for (const it of items) {
          const n = ownedNode(it.node, uid ?? (keepOwner ? it.node.uid : 0), gid ?? (keepOwner ? it.node.gid : 0), now);
          if (mode !== undefined && n.type !== 'symlink') n.mode = mode;
          const parent = dirname(it.target);
          if (!dirs.has(parent)) {
            const pn = fs.lookupRaw(parent);
            if (pn?.type === 'dir') {
              dirs.add(parent);
              if (!lowerView.lookupRaw(parent)) newDirs.add(parent);
            }
          }
          let existing: FsNode | null | undefined;
          if (newDirs.has(parent)) {
            const u = fs.upper.get(it.target);
            existing = u && !isWhiteout(u) ? u : null;
          } else existing = dirs.has(parent) ? fs.lookupRaw(it.target) : undefined;
          if (dirs.has(parent) && (!existing || (existing.type !== 'dir' && existing.type !== 'symlink'))) {
            if (n.type === 'dir') delete n.opaque;
            fs.upper.set(it.target, n);
            if (n.type === 'dir') {
              dirs.add(it.target);
              if (!existing && newDirs.has(parent)) newDirs.add(it.target);
            }
          } else {
            allDirect = false;
            fs.putNode(it.target, n);
          }
          if (n.type === 'file') bytes += n.size;
        }
      } catch (e) {
        if (e instanceof FsError) this.fail(`failed to copy files: ${e.text}: ${e.path}`, { range: ins.range, legacy: `COPY failed: ${e.text}` });
        throw e;
      }
      shape.layer = fs.upper;
      shape.bytes = bytes;
      if (allDirect && items.length >= COPY_SHAPE_MIN) memos.set(memoKey, shape);
      else memos.delete(memoKey);
      return { layer: fs.upper, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
    };
    if (this.builder === 'legacy') {
      const kindOf = items.length === 1 && items[0].node.type === 'file' ? 'file' : srcs.length > 1 ? 'multi' : 'dir';
      const text = `${ins.kind} ${chown !== undefined ? `--chown=${chown} ` : ''}${kindOf}:${checksum} in ${destRaw.endsWith('/') && !dest.endsWith('/') ? dest + '/' : dest} `;
      this.legacyStep(st, ins, idx, `/bin/sh -c #(nop) ${text}`, ['/bin/sh', '-c', `#(nop) ${text}`], exec, false, false, fileList);
      return;
    }
    this.buildkitOp(st, ins, idx, {
      def: canonicalJSON({ copy: ins.kind, dest, destDir: destIsDirSyntax, chown: chown ?? '', chmod: chmod ?? '', link: ins.link, exclude: ins.exclude, parents: ins.parents, from: fromKey, checksum }),
      defWithoutFiles: canonicalJSON({ copy: ins.kind, srcs: shownSrcs, dest, chown: chown ?? '', chmod: chmod ?? '', link: ins.link, from: fromStage ? 'stage' : srcKey }),
      createdBy: `${ins.kind} ${flagsText ? flagsText + ' ' : ''}${shownSrcs.join(' ')} ${destRaw} # buildkit`,
      ignoreCache: this.ignoreCache(st),
      files: fileList,
      link: ins.link,
      fromStage,
      exec,
    });
  }

  /** BuildKit shows the step's vertex with its error even when the step fails before running (cache key errors). */
  private failedVertex(st: StageState, ins: Instruction, error: string): Vertex | undefined {
    if (this.builder !== 'buildkit' || this.dryRun) return undefined;
    const v = this.vertex(`${this.prefix(st.plan, st.stepNo + 1)} ${this.displayName(st, ins)}`, 0);
    v.error = error;
    return v;
  }

  private isDir(st: StageState, path: string): boolean {
    return new UnionFs(st.layers).stat(path)?.type === 'dir';
  }

  // ------------------------------------------------------------------ BuildKit op with cache

  private buildkitOp(
    st: StageState,
    ins: Instruction,
    idx: number,
    op: {
      def: string;
      defWithoutFiles?: string;
      createdBy: string;
      ignoreCache: boolean;
      env?: Record<string, string>;
      files?: FileList;
      link?: boolean;
      fromStage?: StageState | null;
      exec: () => { layer: Layer; durationMs: number; logs: { t: number; text: string; stream: 'stdout' | 'stderr' }[]; error?: string; vertex?: Vertex };
    },
  ): void {
    st.stepNo++;
    st.opOrdinal++;
    const name = `${this.prefix(st.plan, st.stepNo)} ${this.displayName(st, ins)}`;
    const parentKey = op.link ? 'link' : st.key;
    const key = this.sha(`${parentKey}|${op.def}`);
    const memoId = `${st.plan.index}:${st.opOrdinal}`;
    const prev = this.memo.get(memoId);
    const rec = op.ignoreCache || st.unknown ? undefined : this.host.cache.get(key);
    const layer = rec ? this.host.images.layer(rec.diffId) : undefined;
    const firstMissBefore = op.link ? null : st.firstMiss ?? (op.fromStage?.firstMiss ?? null);
    const reason = (): MissReason => {
      if (op.ignoreCache) return { kind: 'no-cache' };
      if (firstMissBefore) return { kind: 'parent-changed', line: firstMissBefore.line, instruction: firstMissBefore.instruction };
      if (!prev) return { kind: 'first-build' };
      if (prev.text !== ins.original) return { kind: 'instruction-changed', previous: prev.text };
      const prevFiles = memoFiles(prev);
      if (op.files && prevFiles) {
        const changed = op.files.diff(prevFiles);
        if (changed.length) return { kind: 'files-changed', files: changed };
      }
      if (op.env && prev.env) {
        const names = diffEnv(prev.env, op.env);
        if (names.length) {
          const ba = names.filter((n) => st.scope.declaredArgs.has(n) && Object.prototype.hasOwnProperty.call(this.opts.buildArgs ?? {}, n));
          const prevArgs = new Set(prev.buildArgs ?? []);
          const argsChanged = names.filter((n) => st.scope.declaredArgs.has(n) || prevArgs.has(n));
          if (ba.length || (argsChanged.length === names.length && argsChanged.length)) return { kind: 'build-arg-changed', names: argsChanged };
          return { kind: 'env-changed', names };
        }
      }
      if (prev.parentKey !== parentKey && !op.link) {
        const fromMemo = this.memo.get(`${st.plan.index}:from`);
        if (fromMemo) return { kind: 'parent-changed', line: st.plan.stage.from.line, instruction: st.plan.stage.from.original };
      }
      return { kind: 'first-build' };
    };
    const memo: StepMemo = attachFiles<StepMemo>({ text: ins.original, key, parentKey, env: op.env, buildArgs: [...st.scope.declaredArgs].filter((n) => Object.prototype.hasOwnProperty.call(this.opts.buildArgs ?? {}, n)) }, op.files);
    if (this.dryRun) {
      this.predicted.push({ index: this.predicted.length, line: ins.line, stage: st.plan.display, name, instruction: ins.kind, metadataOnly: false, prediction: layer ? 'cached' : 'will-rebuild', reason: layer ? undefined : reason() });
      if (layer) {
        st.layers = [...st.layers, layer];
        st.key = key;
      } else {
        st.key = this.sha(`predicted-miss|${key}`);
        st.unknown = true;
        st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
      }
      return;
    }
    if (layer && rec) {
      rec.lastUsed = this.now();
      rec.usage++;
      st.layers = [...st.layers, layer];
      st.key = key;
      st.lastLayerTime = rec.created;
      st.history.push({ created: rfc3339(rec.created), created_by: op.createdBy, comment: BUILDKIT_COMMENT });
      this.vertex(name, 0, [], true);
      this.memo.set(memoId, memo);
      this.finishStep(idx, { cached: true, layer, durationMs: 0 }, undefined, key);
      this.checkDepth(st, ins);
      return;
    }
    const why = reason();
    this.startStep(idx);
    const v = this.vertex(name, 0);
    const r = op.exec();
    v.durationMs = r.durationMs;
    v.logs = r.logs;
    this.vt += r.durationMs;
    if (r.error) {
      v.error = r.error;
      this.emitLogs(idx, r.logs, v.start);
      this.fail(r.error, { range: ins.range, vertex: v });
    }
    const lowerLookup = memoLowerLookup(new UnionFs(st.layers));
    const sealed = r.layer.seal(this.sha, lowerLookup);
    this.host.images.addLayers([sealed]);
    this.newLayers++;
    const created = this.now();
    this.host.cache.put({ key, diffId: sealed.diffId, size: sealed.size, description: name.replace(/^\[[^\]]*\]\s*/, ''), type: 'regular', created, lastUsed: created, usage: 1, durationMs: r.durationMs, createdBy: op.createdBy });
    this.memo.set(memoId, memo);
    const changes = sealed.changes(lowerLookup, MAX_RECORDED_CHANGES);
    st.layers = [...st.layers, sealed];
    st.key = key;
    st.lastLayerTime = created;
    st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
    st.history.push({ created: rfc3339(created), created_by: op.createdBy, comment: BUILDKIT_COMMENT });
    this.emitLogs(idx, r.logs, v.start);
    this.finishStep(idx, { cached: false, reason: why, layer: sealed, durationMs: r.durationMs }, changes, key);
    this.checkDepth(st, ins);
  }

  private emitLogs(idx: number, logs: { t: number; text: string; stream: 'stdout' | 'stderr' }[], start: number): void {
    for (const l of logs) this.emit({ type: 'log', step: idx, text: l.text, stream: l.stream, time: this.start + start + l.t });
  }

  private checkDepth(st: StageState, ins: Instruction): void {
    if (st.layers.length > MAX_LAYERS) this.fail('max depth exceeded', { range: ins.range, legacy: 'max depth exceeded' });
  }

  private displayName(st: StageState, ins: Instruction): string {
    const env: Record<string, string> = st.scope.snapshot();
    return stepDisplayName(ins, env, this.df.escape);
  }

  private commitBuildKitStage(st: StageState): string {
    if (this.dryRun) return '';
    const history = st.history;
    const last = history.length ? history[history.length - 1].created : rfc3339(this.now());
    const cfg: ImageConfigJSON = {
      architecture: 'amd64',
      os: 'linux',
      created: last,
      config: cloneConfig({ ...st.config, Labels: { ...(st.config.Labels ?? {}), ...(this.opts.labels ?? {}) } }),
      rootfs: { type: 'layers', diff_ids: st.layers.map((l) => l.diffId) },
      history,
    };
    if (cfg.config.Labels && !Object.keys(cfg.config.Labels).length) delete cfg.config.Labels;
    if (cfg.config.OnBuild === null) delete cfg.config.OnBuild;
    const isFinal = st.plan.index === this.order[this.order.length - 1];
    if (!isFinal) return '';
    const rec = this.host.images.put(cfg, st.layers);
    st.imageId = rec.id;
    return rec.id;
  }

  // ------------------------------------------------------------------ legacy step with cache

  private legacyStep(
    st: StageState,
    ins: Instruction,
    idx: number,
    createdBy: string,
    probeCmd: string[],
    exec: () => { layer: Layer; durationMs: number; logs?: { t: number; text: string; stream: 'stdout' | 'stderr' }[] },
    metadata: boolean,
    container = metadata,
    files?: FileList,
  ): void {
    // The step image's config and probe share their lists with the previous step's (images/shared.ts): a
    // Dockerfile of thousands of ENV or LABEL lines stays linear in memory.
    const config = shareContainerConfig(st.config, st.shared?.config);
    if (config.OnBuild === null) delete config.OnBuild;
    const probe: SharedContainerConfig = { ...config, Cmd: probeCmd };
    const probeText = canonicalJSON(probe);
    const memoId = `${st.plan.index}:${++st.opOrdinal}`;
    const prev = this.memo.get(memoId);
    const env = ins.kind === 'RUN' ? this.runEnv(st) : undefined;
    // The memo's key is not compared for legacy steps (the probe is, against the images): keep it short.
    const memo: StepMemo = attachFiles<StepMemo>({ text: ins.original, key: '', parentKey: st.imageId ?? '', env, buildArgs: Object.keys(this.opts.buildArgs ?? {}) }, files);
    const parentId = st.imageId;
    let hit: ImageRecord | undefined;
    if (!this.opts.noCache && !st.unknown) {
      for (const c of this.host.images.children(parentId)) {
        if (canonicalField(c.config, 'container_config') !== probeText) continue;
        hit = c;
        break;
      }
    }
    const reason = (): MissReason => {
      if (this.opts.noCache) return { kind: 'no-cache' };
      if (st.firstMiss) return { kind: 'parent-changed', line: st.firstMiss.line, instruction: st.firstMiss.instruction };
      if (!prev) return { kind: 'first-build' };
      if (prev.text !== ins.original) return { kind: 'instruction-changed', previous: prev.text };
      const prevFiles = memoFiles(prev);
      if (files && prevFiles) {
        const changed = files.diff(prevFiles);
        if (changed.length) return { kind: 'files-changed', files: changed };
      }
      if (env && prev.env) {
        const names = diffEnv(prev.env, env);
        if (names.length) return names.every((n) => st.scope.declaredArgs.has(n)) ? { kind: 'build-arg-changed', names } : { kind: 'env-changed', names };
      }
      return { kind: 'first-build' };
    };
    if (this.dryRun) {
      this.predicted.push({ index: this.predicted.length, line: ins.line, stage: st.plan.display, name: ins.original, instruction: ins.kind, metadataOnly: metadata, prediction: hit ? 'cached' : 'will-rebuild', reason: hit ? undefined : reason() });
      if (hit) {
        st.imageId = hit.id;
        st.layers = this.host.images.layers(hit.id);
      } else {
        st.unknown = true;
        st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
      }
      return;
    }
    if (hit) {
      this.out(' ---> Using cache\n');
      this.out(` ---> ${hit.id.slice(7, 19)}\n`);
      st.imageId = hit.id;
      st.layers = this.host.images.layers(hit.id);
      // The stage's own array of the image's entries (a shared config materializes a fresh one); entries are never
      // changed, so the next step's image shares them.
      st.shared = sharedConfigOf(hit.config);
      st.history = st.shared ? hit.config.history : hit.config.history.slice();
      this.memo.set(memoId, memo);
      const top = st.layers[st.layers.length - 1];
      const nonEmpty = !st.history[st.history.length - 1]?.empty_layer;
      this.finishStep(idx, { cached: true, durationMs: 0, layer: nonEmpty ? top : undefined }, undefined, hit.id);
      return;
    }
    const why = reason();
    this.startStep(idx);
    const containerId = this.randomHex(64);
    if (container) this.out(` ---> Running in ${containerId.slice(0, 12)}\n`);
    const startVt = this.vt;
    let r: ReturnType<typeof exec>;
    try {
      r = exec();
    } catch (e) {
      if (e instanceof BuildAbort && ins.kind === 'RUN') {
        // Output of the failed command came first.
      }
      throw e;
    }
    for (const l of r.logs ?? []) this.out(l.text + '\n');
    this.vt = startVt + r.durationMs;
    const lowerLookup = memoLowerLookup(new UnionFs(st.layers));
    const sealed = r.layer.seal(this.sha, lowerLookup);
    const empty = sealed.isEmpty;
    const layers = empty ? st.layers : [...st.layers, sealed];
    if (!empty) this.host.images.addLayers([sealed]);
    const created = this.now();
    st.history.push({ created: rfc3339(created), created_by: createdBy, ...(empty ? { empty_layer: true } : {}) });
    const cfg: SharedImageConfig = {
      architecture: 'amd64',
      os: 'linux',
      created: rfc3339(created),
      config,
      container_config: probe,
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: SharedList.of(st.history, st.shared?.history),
    };
    const rec = this.host.images.putShared(cfg, layers, { parent: parentId });
    if (container) this.out(` ---> Removed intermediate container ${containerId.slice(0, 12)}\n`);
    this.out(` ---> ${rec.id.slice(7, 19)}\n`);
    st.imageId = rec.id;
    st.layers = layers;
    st.shared = cfg;
    st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
    this.memo.set(memoId, memo);
    if (r.logs) this.emitLogs(idx, r.logs, startVt);
    this.finishStep(idx, { cached: false, reason: why, layer: empty ? undefined : sealed, durationMs: r.durationMs }, empty ? undefined : sealed.changes(lowerLookup, MAX_RECORDED_CHANGES), rec.id);
    this.checkDepth(st, ins);
  }

  // ------------------------------------------------------------------ printing

  private progressMode(): 'tty' | 'plain' | 'quiet' {
    if (this.opts.quiet || this.opts.progress === 'quiet') return 'quiet';
    if (this.opts.progress === 'plain' || this.opts.progress === 'rawjson') return 'plain';
    if (this.opts.progress === 'tty') return 'tty';
    return this.io?.stdoutIsTTY ? 'tty' : 'plain';
  }

  private printSuccess(imageId: string): void {
    const io = this.io;
    if (!io) return;
    if (this.builder === 'legacy') {
      if (this.opts.quiet) {
        io.stdout(imageId + '\n');
        return;
      }
      io.stdout(`Successfully built ${imageId.slice(7, 19)}\n`);
      for (const t of this.normalizedTags()) io.stdout(`Successfully tagged ${familiarOf(t)}\n`);
      return;
    }
    const mode = this.progressMode();
    if (mode === 'quiet') {
      io.stdout(imageId + '\n');
      return;
    }
    io.stderr(mode === 'tty' ? renderTTY(this.vertices, this.vt, io.columns) : renderPlain(this.vertices));
    for (const w of this.warnings) io.stderr(w);
  }

  private printFailure(e: BuildAbort): void {
    const io = this.io;
    if (!io) return;
    if (this.builder === 'legacy') {
      if (e.legacyText && e.legacyText.startsWith('Step ')) {
        io.stdout(e.legacyText);
        io.stderr(e.failure.message + '\n');
        return;
      }
      io.stderr((e.legacyText ?? e.failure.message) + '\n');
      return;
    }
    const mode = this.progressMode();
    if (mode === 'quiet' || this.vertices.length === 0) {
      io.stderr(errorFrame(e.failure));
      return;
    }
    io.stderr(mode === 'tty' ? renderTTY(this.vertices, this.vt, io.columns, e.failure) : renderPlain(this.vertices, e.failure));
  }
}

const PROXY_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

/**
 * The last Dockerfile parsed and its build warnings, by text (parsing and linting are pure; a rebuild of the
 * same Dockerfile, the usual case, reuses them). The AST is never modified by the builder.
 */
let lastParsed: { text: string; parsed: ReturnType<typeof parseDockerfile> } | null = null;
function parsedDockerfile(text: string): ReturnType<typeof parseDockerfile> {
  if (lastParsed?.text !== text) lastParsed = { text, parsed: parseDockerfile(text) };
  return lastParsed.parsed;
}
let lastWarnings: { parsed: object; args: string; warnings: string } | null = null;
function buildWarnings(parsed: ReturnType<typeof parseDockerfile>, buildArgs: Record<string, string> | undefined): string {
  const args = JSON.stringify(buildArgs ?? {});
  if (lastWarnings?.parsed !== parsed || lastWarnings.args !== args) {
    lastWarnings = { parsed, args, warnings: formatBuildWarnings(lintDockerfile(parsed, { buildArgs, layerlabRules: false })) };
  }
  return lastWarnings.warnings;
}

function familiarOf(canonical: string): string {
  const r = parseReference(canonical);
  return r.ok ? familiarString(r.value) : canonical;
}

function joinCtx(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

function absLike(p: string): string {
  return p.startsWith('/') ? p : `/home/student/${p.replace(/^\.\//, '')}`;
}

/** Where each key sits in an Env list (rebuilt when the list was changed by someone else). */
const envIndexes = new WeakMap<string[], { length: number; at: Map<string, number> }>();

/** Sets `KEY=value` in an Env list in place of an existing entry (keeps order), or appends. */
function envSetInPlace(env: string[], key: string, value: string): void {
  let idx = envIndexes.get(env);
  if (!idx || idx.length !== env.length) {
    const at = new Map<string, number>();
    for (let i = 0; i < env.length; i++) {
      const eq = env[i].indexOf('=');
      at.set(eq < 0 ? env[i] : env[i].slice(0, eq), i);
    }
    envIndexes.set(env, (idx = { length: env.length, at }));
  }
  const i = idx.at.get(key);
  if (i !== undefined) env[i] = `${key}=${value}`;
  else {
    idx.at.set(key, env.length);
    env.push(`${key}=${value}`);
    idx.length = env.length;
  }
}

/** A COPY memo's per-file value, `mode:digest-prefix` (kept per mode and digest so rebuilds reuse the same strings). */
const fileTags = new Map<number, Map<string, string>>();
function fileTag(mode: number, digest: string): string {
  let m = fileTags.get(mode);
  if (!m) {
    if (fileTags.size > 64) fileTags.clear();
    fileTags.set(mode, (m = new Map()));
  }
  let t = m.get(digest);
  if (t === undefined) {
    t = octal(mode) + ':' + digest.slice(0, 16);
    if (m.size > 100_000) m.clear();
    m.set(digest, t);
  }
  return t;
}


/** What a COPY's execution decisions depend on: the lower layers, destination, flags, and each item's target and type. */
interface CopyShape {
  lower: Layer[];
  key: string;
  targets: string[];
  types: string[];
  /** The layer this COPY made last time (its nodes are immutable once sealed), and the items it was made of. */
  layer: Layer | null;
  items: unknown[];
  /** Bytes of the files it copied (the step's simulated duration). */
  bytes: number;
}

/** Below this many items a COPY simply runs its per-item checks (the shape is not worth remembering). */
const COPY_SHAPE_MIN = 64;

function copyShape(lower: Layer[], dest: string, dirSyntax: boolean, uid: number | undefined, gid: number | undefined, mode: number | undefined, keepOwner: boolean, items: { target: string; node: FsNode }[]): CopyShape {
  const targets = new Array<string>(items.length);
  const types = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    targets[i] = items[i].target;
    types[i] = items[i].node.type;
  }
  return { lower: lower.slice(), key: `${dest}\0${dirSyntax}\0${uid}\0${gid}\0${mode}\0${keepOwner}`, targets, types, layer: null, items, bytes: 0 };
}

/** The same lower layers: the same objects, or sealed layers with the same diffIds (same paths, types, modes, owners). */
function sameLayers(a: Layer[], b: Layer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x.sealed && y.sealed && x.diffId === y.diffId && x.diffId !== '')) return false;
  }
  return true;
}

function sameCopyShape(a: CopyShape, b: CopyShape): boolean {
  if (a.key !== b.key || a.targets.length !== b.targets.length || !sameLayers(a.lower, b.lower)) return false;
  for (let i = 0; i < a.targets.length; i++) if (a.targets[i] !== b.targets[i] || a.types[i] !== b.types[i]) return false;
  return true;
}

/** Last COPY shape per destination and flags, per image store (i.e. per engine). */
const copyShapes = new WeakMap<object, Map<string, CopyShape>>();
function copyMemos(owner: object): Map<string, CopyShape> {
  let m = copyShapes.get(owner);
  if (!m) {
    copyShapes.set(owner, (m = new Map()));
  } else if (m.size > 64) m.clear();
  return m;
}

/**
 * The node a rebuilt COPY puts at `it.target`: the previous run's node when it is the same apart from its mtime (an
 * unchanged file keeps its timestamp and the layer's diffId pieces are reused), else a new one with this owner/mode.
 */
function copiedNode(it: { target: string; node: FsNode; digest: string }, before: Layer | null, uid: number | undefined, gid: number | undefined, mode: number | undefined, keepOwner: boolean, now: number): FsNode {
  const src = it.node;
  const u = uid ?? (keepOwner ? src.uid : 0);
  const g = gid ?? (keepOwner ? src.gid : 0);
  const m = mode !== undefined && src.type !== 'symlink' ? mode : src.mode;
  const old = before?.entries.get(it.target);
  if (old && sameNodeAs(old, src, u, g, m, it.digest)) return old as FsNode;
  const node = ownedNode(src, u, g, now);
  node.mode = m;
  if (node.type === 'dir') delete node.opaque;
  return node;
}

/**
 * Is `a` (a sealed layer's node) what COPY would make of source node `b` with this owner and mode, apart from the
 * mtime? Then a rebuilt COPY keeps it. (Copied directories never carry the opaque mark.)
 */
function sameNodeAs(a: LayerEntry, b: FsNode, uid: number, gid: number, mode: number, digest: string): boolean {
  if (a.type !== b.type) return false;
  const n = a as FsNode;
  if (n.mode !== mode || n.uid !== uid || n.gid !== gid || n.size !== b.size || n.synthetic !== b.synthetic || n.target !== b.target) return false;
  if (b.type === 'dir' ? n.opaque : n.opaque !== b.opaque) return false;
  // Same bytes: the same array, or (a host that re-reads files each build) arrays already known to have this digest.
  return n.data === b.data || (!!n.data && !!b.data && b.type === 'file' && knownDigest(n.data) === digest && knownDigest(b.data) === digest);
}

/** A copy of a node with a new owner and mtime (fixed-shape literal, same fields as `{ ...n, uid, gid, mtime }`). */
function ownedNode(n: FsNode, uid: number, gid: number, mtime: number): FsNode {
  const c: FsNode = { type: n.type, mode: n.mode, uid, gid, size: n.size, mtime };
  if (n.data !== undefined) c.data = n.data;
  if (n.synthetic !== undefined) c.synthetic = n.synthetic;
  if (n.target !== undefined) c.target = n.target;
  if (n.opaque !== undefined) c.opaque = n.opaque;
  return c;
}

/**
 * `lower.lookupRaw` for sealing a layer, remembering which parent directories the lower layers lack: a path
 * whose parent is absent below cannot be there either, so a COPY of thousands of new files costs one lookup per directory.
 */
function memoLowerLookup(lower: UnionFs): (path: string) => FsNode | null {
  const missing = new Map<string, boolean>();
  return (p) => {
    if (p !== '/') {
      const parent = dirname(p);
      let m = missing.get(parent);
      if (m === undefined) {
        m = parent !== '/' && lower.lookupRaw(parent) === null;
        missing.set(parent, m);
      }
      if (m) return null;
    }
    return lower.lookupRaw(p);
  };
}

function diffEnv(a: Record<string, string>, b: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(b)) if (a[k] !== b[k]) out.add(k);
  for (const k of Object.keys(a)) if (!(k in b)) out.add(k);
  return [...out].sort();
}

function globFs(fs: UnionFs, pattern: string): string[] {
  const parts = pattern.split('/').filter(Boolean);
  let bases = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    for (const b of bases) {
      if (!/[*?[]/.test(part)) {
        const p = joinPath(b, part);
        if (fs.lstat(p)) next.push(p);
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdir(b);
      } catch {
        continue;
      }
      for (const n of names) if (pathMatchSafe(part, n)) next.push(joinPath(b, n));
    }
    bases = next;
  }
  return bases;
}

function pathMatchSafe(p: string, n: string): boolean {
  const re = new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(n);
}

/** Splits shell output chunks into log lines with their times (ms since the vertex start). */
function toLines(chunks: { stream: 'stdout' | 'stderr'; text: string; t: number }[], offset: number): { t: number; text: string; stream: 'stdout' | 'stderr' }[] {
  const out: { t: number; text: string; stream: 'stdout' | 'stderr' }[] = [];
  const pending: Record<string, { text: string; t: number }> = { stdout: { text: '', t: 0 }, stderr: { text: '', t: 0 } };
  for (const c of chunks) {
    const p = pending[c.stream];
    if (!p.text) p.t = c.t;
    p.text += c.text;
    let nl: number;
    while ((nl = p.text.indexOf('\n')) >= 0) {
      out.push({ t: offset + p.t, text: p.text.slice(0, nl), stream: c.stream });
      p.text = p.text.slice(nl + 1);
      p.t = c.t;
    }
  }
  for (const s of ['stdout', 'stderr'] as const) if (pending[s].text) out.push({ t: offset + pending[s].t, text: pending[s].text, stream: s });
  return out.sort((a, b) => a.t - b.t);
}

function parseDurationNs(s: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  const mult: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  while ((m = re.exec(s))) total += parseFloat(m[1]) * mult[m[2]];
  return Math.round(total);
}

function fmtDur(ns?: number): string {
  if (!ns) return '0s';
  const s = ns / 1e9;
  if (s >= 60 && s % 60 === 0) return `${s / 60}m0s`;
  return `${s}s`;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
