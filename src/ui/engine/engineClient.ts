/**
 * The page's handle on the engine, which runs in the engine host (engineHost.ts) — in a Web Worker, or on the
 * page's thread behind a MessageChannel where no worker can start; the same client talks to both.
 * - Commands and builds are calls; their output, stdin (`io.stdin` is read and forwarded) and Ctrl-C
 *   (`io.signal`) travel as messages; a call resolves after all its output has been handed to `io`.
 * - `view` is the host's mirror of what the panels read every render (containers, image names), replaced after
 *   each batch of engine changes; `subscribe` hears about it.
 * - Other reads are queries: `peek` gives the host's answer for the current view (or the last one while a new
 *   one is asked for) and tells subscribers when it comes.
 * - The host's messages are handled a few milliseconds at a time, so a build's thousands of events never make
 *   one long task on the page.
 */
import { transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { CommandEvent, EngineSnapshot } from '../../engine/engine';
import type { BuildEventListener, StepInfo } from '../../engine/build/events';
import type { CliIO } from '../../engine/core/io';
import type { HttpRequest } from '../../engine/runtime/process';
import type { WorldSource } from '../../lessons/engineWorld';
import type { FileContent } from '../workspace/workspace';
import type { LayerChangeView, PredictedStep, UiBuildOptions } from './engineApi';
import type { StoreUsage } from '../persist/engineStore';
import { isHostEvents, isTextChunks, type EngineHostApi, type EngineView, type HostEvent, type HttpResult, type IoSpec, type StartOptions, type StartResult } from './protocol';

/** Page time spent on the host's messages before yielding to input and painting. */
const SLICE_MS = 8;

/** What a change was: the engine's state ('engine': worth saving) or an answer to a query that came. */
export type ClientChange = 'engine' | 'answer';

function ioSpec(io: CliIO): IoSpec {
  return { interactive: !!io.stdin, stdinIsTTY: io.stdinIsTTY, stdoutIsTTY: io.stdoutIsTTY, columns: io.columns, env: { ...io.env } };
}

/** The next task (a MessageChannel message: not clamped like nested timers). */
function nextTask(cb: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(cb, 0);
    return;
  }
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    cb();
  };
  ch.port2.postMessage(0);
}

export class EngineClient {
  view: EngineView = { rev: 0, containers: [], imageRefs: [] };
  /** A container wrote (content) or removed (null) a workspace file through a bind mount. */
  onHostWrite: (path: string, content: FileContent | null) => void = () => {};

  private readonly api: Remote<EngineHostApi>;
  private nextId = 1;
  private readonly runs = new Map<number, CliIO>();
  private readonly listeners = new Set<(why: ClientChange) => void>();
  private readonly buildListeners = new Set<BuildEventListener>();
  private readonly commandListeners = new Set<(e: CommandEvent) => void>();
  private readonly answers = new Map<string, { rev: number; value: unknown }>();
  private readonly asking = new Set<string>();
  private sent: Record<string, FileContent> = {};
  private inbox: HostEvent[] = [];
  private draining = false;
  private drainWaiters: (() => void)[] = [];
  /** The leading steps of the next build-started event (sent ahead in messages of their own). */
  private stepsAhead: StepInfo[] = [];

  constructor(
    ep: Endpoint,
    private readonly end: () => void,
    /** Where the engine runs: its own worker, or the page's thread (the fallback). */
    readonly thread: 'worker' | 'page',
  ) {
    ep.addEventListener('message', (ev: Event) => {
      const data: unknown = (ev as MessageEvent).data;
      if (!isHostEvents(data)) return;
      for (const e of data.layerlabEvents) this.inbox.push(e);
      this.drain();
    });
    this.api = wrap<EngineHostApi>(ep);
  }

  /** Starts the engine in the host with the workspace's files and the saved snapshot (and the sandbox broker's port). */
  async start(opts: StartOptions): Promise<StartResult> {
    this.sent = { ...opts.files };
    const r = await this.api.start(opts.sandbox ? transfer(opts, [opts.sandbox]) : opts);
    if (r.ok) this.view = r.view;
    return r;
  }

  // ---- events ----

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    const t0 = performance.now();
    while (this.inbox.length && performance.now() - t0 < SLICE_MS) this.handle(this.inbox.shift()!);
    this.draining = false;
    if (this.inbox.length) nextTask(() => this.drain());
    else for (const w of this.drainWaiters.splice(0)) w();
  }

  /** Resolves once every message received so far has been handled. */
  private drained(): Promise<void> {
    if (!this.inbox.length) return Promise.resolve();
    return new Promise((r) => this.drainWaiters.push(r));
  }

  private handle(e: HostEvent): void {
    switch (e.k) {
      case 'out': {
        const io = this.runs.get(e.run);
        if (io) io[e.stream](e.text);
        break;
      }
      case 'view':
        this.view = e.view;
        this.emit('engine');
        break;
      case 'steps':
        for (const s of e.steps) this.stepsAhead.push(s);
        break;
      case 'build': {
        let event = e.event;
        if (event.type === 'build-started' && this.stepsAhead.length) {
          event = { ...event, steps: this.stepsAhead.concat(event.steps) };
          this.stepsAhead = [];
        }
        for (const l of [...this.buildListeners]) l(event);
        break;
      }
      case 'command':
        for (const l of [...this.commandListeners]) l(e.event);
        break;
      case 'damage':
        this.damages.push(e.what);
        for (const l of [...this.damageListeners]) l(e.what);
        break;
      case 'host-write':
        if (e.content === null) {
          for (const p of Object.keys(this.sent)) if (p === e.path || p.startsWith(e.path + '/')) delete this.sent[p];
        } else this.sent[e.path] = e.content;
        this.onHostWrite(e.path, e.content);
        break;
    }
  }

  private emit(why: ClientChange): void {
    for (const l of [...this.listeners]) l(why);
  }

  /** Engine changes (a new view) and answers to queries. Returns an unsubscribe function. */
  subscribe(listener: (why: ClientChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onBuildEvent(listener: BuildEventListener): () => void {
    this.buildListeners.add(listener);
    return () => this.buildListeners.delete(listener);
  }

  onCommand(listener: (e: CommandEvent) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  private damageListeners = new Set<(what: string) => void>();
  /** What was reported so far: a listener that comes later (a panel mounted after the report) hears it too. */
  private damages: string[] = [];

  /** Part of the saved state was unreadable and starts empty (the engine's words). Returns an unsubscribe function. */
  onDamage(listener: (what: string) => void): () => void {
    for (const what of this.damages) listener(what);
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  // ---- calls ----

  /** The workspace the engine builds and mounts: only the files that changed since the last call are sent. */
  setFiles(files: Record<string, FileContent>): void {
    const changes: Record<string, FileContent | null> = {};
    let n = 0;
    for (const p of Object.keys(this.sent)) {
      if (p in files) continue;
      changes[p] = null;
      n++;
    }
    for (const [p, c] of Object.entries(files)) {
      if (this.sent[p] === c) continue;
      changes[p] = c;
      n++;
    }
    if (n === 0) return;
    this.sent = { ...files };
    void this.api.setFiles(changes, false);
  }

  /** One docker command line (without "docker"), as `Engine.run`. */
  run(argv: string[], io: CliIO): Promise<number> {
    return this.command(io, (id) => this.api.run(id, argv, ioSpec(io)));
  }

  /** `docker build` of the workspace; `onEvent` gets this build's events. */
  async build(opts: UiBuildOptions, io: CliIO, onEvent?: BuildEventListener): Promise<{ exitCode: number; imageId?: string }> {
    const off = onEvent ? this.onBuildEvent(onEvent) : () => {};
    try {
      return await this.command(io, (id) => this.api.build(id, opts, ioSpec(io)));
    } finally {
      off();
    }
  }

  private async command<T>(io: CliIO, call: (id: number) => Promise<T>): Promise<T> {
    const id = this.nextId++;
    this.runs.set(id, io);
    let done = false;
    const onAbort = () => void this.api.abort(id);
    io.signal?.addEventListener('abort', onAbort);
    const stdin = io.stdin;
    if (stdin) {
      void (async () => {
        while (!done) {
          const chunk = await stdin.read();
          if (done) break;
          void this.api.stdin(id, chunk);
          if (chunk === null) break;
        }
      })();
    }
    try {
      const r = await call(id);
      await this.drained();
      return r;
    } finally {
      done = true;
      this.runs.delete(id);
      io.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The engine's prediction of a build; a long one comes a page per message (each read in a task of its own). */
  async predictBuild(opts: UiBuildOptions): Promise<{ steps: PredictedStep[] | null; error: string }> {
    const r = await this.api.predict(opts);
    if (!r.more || !r.steps) return { steps: r.steps, error: r.error };
    const steps = r.steps;
    while (steps.length < r.more.total) {
      const page = await this.api.predictionPage(r.more.id, steps.length);
      // a newer prediction replaced this one: it is not shown anyway
      if (!page?.length) return { steps: null, error: '' };
      for (const s of page) steps.push(s);
    }
    return { steps, error: r.error };
  }

  /** An HTTP request to the container publishing `port` (the preview). */
  http(port: number, req: HttpRequest): Promise<HttpResult> {
    return this.api.http(port, req);
  }

  snapshot(): Promise<EngineSnapshot> {
    return this.api.snapshot();
  }

  /** Saves what changed into the engine store, from the engine's thread; answers what the store then holds. */
  saveSnapshot(): Promise<StoreUsage> {
    return this.api.saveSnapshot();
  }

  /**
   * Writes records into the app's IndexedDB from the engine's thread (`KvStore.write`). `active`: the key of the
   * record of the workspace last given to `setFiles`, whose files the engine adds (they are not sent again).
   */
  writeRecords(records: Record<string, unknown>, active?: { key: string; files: Record<string, FileContent> }): Promise<void> {
    const rec = active && (records[active.key] as { workspace: { files: unknown } } | undefined);
    if (!active || !rec || rec.workspace.files !== active.files) {
      const buffers = textBuffers(records);
      return this.api.writeRecords(buffers.length ? transfer(records, buffers) : records);
    }
    this.setFiles(active.files);
    const { files: _files, ...meta } = rec.workspace;
    return this.api.writeRecords({ ...records, [active.key]: { ...rec, workspace: meta } }, active.key);
  }

  /** Delivers the engine's pending change events now (the page is being hidden). */
  flush(): Promise<void> {
    return this.api.flush();
  }

  layerChanges(diffId: string, imageId?: string): Promise<LayerChangeView[] | null> {
    return this.api.layerChanges(diffId, imageId);
  }

  /**
   * The host's answer to a query for the current view; while it is asked for, the last answer (or undefined).
   * Subscribers hear 'answer' when it comes.
   */
  peek<T>(key: string, ask: (api: Remote<EngineHostApi>) => Promise<T>): T | undefined {
    const a = this.answers.get(key);
    if (a && a.rev === this.view.rev) return a.value as T;
    if (!this.asking.has(key)) {
      this.asking.add(key);
      const rev = this.view.rev;
      ask(this.api).then(
        (value) => {
          this.asking.delete(key);
          this.answers.set(key, { rev, value });
          this.emit('answer');
        },
        () => this.asking.delete(key),
      );
    }
    return a?.value as T | undefined;
  }

  /** The lesson world's source (lessons/engineWorld.ts): events as they come, images and containers by query. */
  worldSource(): WorldSource {
    return {
      onCommand: (l) => this.onCommand(l),
      onBuildEvent: (l) => this.onBuildEvent(l),
      images: () => this.peek('world', (api) => api.world())?.images ?? [],
      containers: () => this.peek('world', (api) => api.world())?.containers ?? [],
      volumes: () => this.peek('world', (api) => api.world())?.volumes ?? [],
      networks: () => this.peek('world', (api) => api.world())?.networks ?? [],
      hostRoot: () => this.peek('world', (api) => api.world())?.hostRoot ?? null,
      volumeFile: (name, path) => this.peek(`volume:${name}:${path}`, (api) => api.volumeFile(name, path)) ?? null,
      imageHasPath: (id, path) => this.peek(`path:${id}:${path}`, (api) => api.imageHasPath(id, path)) ?? false,
    };
  }

  /** The CLI's commands and flags, for completion. */
  commandTable(): Promise<{ commands: string[][]; flags: Record<string, string[]> }> {
    return this.api.commandTable();
  }

  /** Ends the host (the worker). */
  dispose(): void {
    this.end();
  }
}

/** The buffers of the `TextChunks` in `v` (at any depth of plain objects): handed to the host, not copied. */
function textBuffers(v: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (isTextChunks(v)) {
    for (const c of v.layerlabText) if (c.buffer instanceof ArrayBuffer && !out.includes(c.buffer)) out.push(c.buffer);
  } else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) textBuffers(x, out);
  return out;
}
