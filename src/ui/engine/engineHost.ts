/**
 * The engine's side of the page ⇄ engine protocol (protocol.ts): owns the one Engine, the workspace's files as
 * the engine sees them (build context, bind mounts) and the commands running in it, and answers the page's
 * calls. Runs in the engine worker (engine.worker.ts), or on the page's thread when no worker can start.
 * Output, build events, finished commands, view changes and bind-mount writes are queued and posted as one
 * message per task (consecutive output of a stream joined), and before any call that produced them answers.
 */
import { expose, type Endpoint } from 'comlink';
import type { Engine, EngineSnapshot } from '../../engine/engine';
import { materialize } from '../../engine/store/layout';
import type { EngineStore } from '../persist/engineStore';
import type { KvStore } from '../persist/idb';
import type { CliIO } from '../../engine/core/io';
import type { SandboxHost } from '../../engine/runtime/process';
import { createEngineWorld, engineWorldSource, type EngineWorld } from '../../lessons/engineWorld';
import { workspaceContext, workspaceHostFiles, type FileContent } from '../workspace/workspace';
import { baseImageProblemIn, containerViews, imageHistoryIn, imageRefsIn, predictWith } from './engineApi';
import { createBrowserEngine, afterTask } from './browserEngine';
import { isTextChunks, STEPS_PER_MESSAGE, type EngineHostApi, type EngineView, type HostEvent, type IoSpec, type StartOptions, type StartResult } from './protocol';
import type { BuildEvent } from '../../engine/build/events';
import type { PredictedStep } from './engineApi';
import { StdinQueue } from './stdinQueue';
import { commands as commandSpecs } from '../../engine/cli/commands/index';

/** Most events in one message: the page handles a message in one task. */
const BATCH_MAX = 256;

export interface HostDeps {
  /** The sandbox for container processes, brokered by the page through `port`; null: in the host's thread. */
  sandbox(port: MessagePort | undefined): Promise<SandboxHost | null>;
  /** The engine store the host restores from (unless the page sends a snapshot) and saves into. */
  store(): Promise<Pick<EngineStore, 'save' | 'usage'> & { load(): Promise<EngineSnapshot | undefined> }>;
  /** The app's key/value store, for `writeRecords`. */
  kv(): Promise<Pick<KvStore, 'write'>>;
}

export function serveEngine(ep: Endpoint, deps: HostDeps): EngineHostApi {
  let engine: Engine | null = null;
  let files: Record<string, FileContent> = {};
  let contextStale = true;
  let edits = 0;
  let rev = 0;
  let world: EngineWorld | null = null;
  const runs = new Map<number, { abort: AbortController; stdin: StdinQueue | null }>();

  let queue: HostEvent[] = [];
  let scheduled = false;
  const flushEvents = () => {
    scheduled = false;
    if (!queue.length) return;
    const list = queue;
    queue = [];
    ep.postMessage({ layerlabEvents: list });
  };
  /** A build-started event with thousands of steps: its leading steps go ahead in messages of their own. */
  const postBuild = (event: BuildEvent) => {
    if (event.type !== 'build-started' || event.steps.length <= STEPS_PER_MESSAGE) return post({ k: 'build', event });
    flushEvents();
    let at = 0;
    for (; event.steps.length - at > STEPS_PER_MESSAGE; at += STEPS_PER_MESSAGE) ep.postMessage({ layerlabEvents: [{ k: 'steps', steps: event.steps.slice(at, at + STEPS_PER_MESSAGE) }] });
    post({ k: 'build', event: { ...event, steps: event.steps.slice(at) } });
  };
  /** Long predictions, read a page at a time by the page (the last few kept). */
  const predictions = new Map<number, PredictedStep[]>();
  let predictionId = 0;

  const post = (e: HostEvent) => {
    const last = queue[queue.length - 1];
    if (e.k === 'out' && last?.k === 'out' && last.run === e.run && last.stream === e.stream) last.text += e.text;
    else queue.push(e);
    if (queue.length >= BATCH_MAX) flushEvents();
    else if (!scheduled) {
      scheduled = true;
      afterTask(flushEvents);
    }
  };

  const need = (): Engine => {
    if (!engine) throw new Error('the engine has not started');
    if (contextStale) {
      // The context is made when the engine needs it, not on every edit (it encodes every file).
      engine.context = workspaceContext({ id: '', name: '', tag: '', files });
      contextStale = false;
    }
    return engine;
  };

  const view = (e: Engine): EngineView => ({ rev: ++rev, containers: containerViews(e), imageRefs: imageRefsIn(e) });

  const ioFor = (id: number, spec: IoSpec): CliIO => {
    const abort = new AbortController();
    const stdin = spec.interactive ? new StdinQueue() : null;
    runs.set(id, { abort, stdin });
    return {
      stdout: (text) => post({ k: 'out', run: id, stream: 'stdout', text }),
      stderr: (text) => post({ k: 'out', run: id, stream: 'stderr', text }),
      stdin,
      stdinIsTTY: spec.stdinIsTTY,
      stdoutIsTTY: spec.stdoutIsTTY,
      columns: spec.columns,
      env: spec.env,
      signal: abort.signal,
    };
  };
  const ended = (id: number) => {
    runs.delete(id);
    flushEvents();
  };

  const hostFiles = workspaceHostFiles({
    files: () => files,
    writeFile: (path, content) => {
      files = { ...files, [path]: content };
      contextStale = true;
      edits++;
      post({ k: 'host-write', path, content });
    },
    deletePath: (path) => {
      const rest: Record<string, FileContent> = {};
      for (const [p, c] of Object.entries(files)) if (p !== path && !p.startsWith(path + '/')) rest[p] = c;
      files = rest;
      contextStale = true;
      edits++;
      post({ k: 'host-write', path, content: null });
    },
    version: () => edits,
  });

  const api: EngineHostApi = {
    async start(opts: StartOptions): Promise<StartResult> {
      files = { ...opts.files };
      try {
        const [sandbox, snapshot] = await Promise.all([deps.sandbox(opts.sandbox), opts.snapshot ?? deps.store().then((s) => s.load())]);
        engine = await createBrowserEngine(workspaceContext({ id: '', name: '', tag: '', files }), snapshot, sandbox);
      } catch (e) {
        return { ok: false, detail: e instanceof Error ? e.message : String(e) };
      }
      contextStale = false;
      const e = engine;
      e.hostFiles = hostFiles;
      e.subscribe(() => post({ k: 'view', view: view(e) }));
      e.onBuildEvent(postBuild);
      e.onCommand((event) => post({ k: 'command', event }));
      e.onDamage((what) => post({ k: 'damage', what }));
      return { ok: true, view: view(e) };
    },

    setFiles(changes, reset) {
      const next: Record<string, FileContent> = reset ? {} : { ...files };
      for (const [p, c] of Object.entries(changes)) {
        if (c === null) delete next[p];
        else next[p] = c;
      }
      files = next;
      contextStale = true;
      edits++;
    },

    async run(id, argv, spec) {
      try {
        return await need().run(argv, ioFor(id, spec));
      } finally {
        ended(id);
      }
    },

    async build(id, opts, spec) {
      try {
        const r = await need().build(opts, ioFor(id, spec));
        return { exitCode: r.exitCode, imageId: r.imageId };
      } finally {
        ended(id);
      }
    },

    stdin(id, chunk) {
      runs.get(id)?.stdin?.push(chunk);
    },

    abort(id) {
      runs.get(id)?.abort.abort();
    },

    async predict(opts) {
      const r = await predictWith(need(), opts);
      if (!r.steps || r.steps.length <= STEPS_PER_MESSAGE) return r;
      const id = ++predictionId;
      predictions.set(id, r.steps);
      for (const old of predictions.keys()) if (predictions.size > 4) predictions.delete(old);
      return { steps: r.steps.slice(0, STEPS_PER_MESSAGE), error: r.error, more: { id, total: r.steps.length } };
    },

    predictionPage(id, from) {
      const steps = predictions.get(id);
      if (!steps) return null;
      if (from + STEPS_PER_MESSAGE >= steps.length) predictions.delete(id);
      return steps.slice(from, from + STEPS_PER_MESSAGE);
    },

    async http(port, req) {
      const r = await need().http(port, req);
      flushEvents();
      return r;
    },

    snapshot() {
      // layers restored unread are read now: the page gets plain data
      return materialize(need().snapshot());
    },

    async saveSnapshot() {
      const store = await deps.store();
      await store.save(need().snapshot());
      return store.usage();
    },

    async writeRecords(records, withFiles) {
      records = withTexts(records) as Record<string, unknown>;
      const rec = withFiles === undefined ? undefined : records[withFiles];
      if (rec && typeof rec === 'object' && 'workspace' in rec) {
        const r = rec as { workspace: object };
        records = { ...records, [withFiles!]: { ...r, workspace: { ...r.workspace, files } } };
      }
      await (await deps.kv()).write(records);
    },

    flush() {
      engine?.flushChanges();
      flushEvents();
    },

    imageHistory(ref) {
      return imageHistoryIn(need(), ref);
    },

    baseImageProblem(image) {
      return baseImageProblemIn(need(), image);
    },

    async layerChanges(diffId, imageId) {
      const { layerChangesInImage } = await import('../layers/layerDiffData');
      return layerChangesInImage(need(), diffId, imageId);
    },

    world() {
      world ??= createEngineWorld(engineWorldSource(need()), { files: () => ({}), quizScores: () => ({}) });
      return { images: world.images(), containers: world.containers(), volumes: world.volumes(), networks: world.networks(), hostRoot: world.hostRoot() };
    },

    commandTable() {
      const commands: string[][] = [];
      const flags: Record<string, string[]> = {};
      for (const spec of commandSpecs) {
        const names = (spec.flags ?? []).filter((f) => !f.hidden).flatMap((f) => ['--' + f.name, ...(f.short ? ['-' + f.short] : [])]);
        for (const p of [spec.path, ...(spec.aliases ?? [])]) {
          commands.push(p);
          flags[p.join(' ')] = names;
        }
      }
      return { commands, flags };
    },

    imageHasPath(id, path) {
      return need().images.rootfs(id).exists(path);
    },

    volumeFile(name, path) {
      return engineWorldSource(need()).volumeFile(name, path);
    },
  };
  expose(api, ep);
  return api;
}

/** `v` with each `TextChunks` in it (at any depth of plain objects) replaced by its text. */
function withTexts(v: unknown): unknown {
  if (isTextChunks(v)) {
    const decoder = new TextDecoder();
    return v.layerlabText.map((c) => decoder.decode(c)).join('');
  }
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = withTexts(x);
  return out;
}
