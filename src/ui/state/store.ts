/**
 * The app's Zustand store: workspaces, settings, the one Engine instance and what the layer stack shows.
 * It subscribes to the engine (engine.subscribe) and saves to IndexedDB what changed: one record per workspace,
 * each edit also written at once to a journal that survives a reload (see src/ui/persist/README.md).
 *
 * Start-up has two steps: `init()` reads the saved workspaces, settings and layer-stack history and sets
 * `phase: 'ready'` at once, so files, editor text and layout are shown without waiting for the engine (its
 * chunk is the largest one the first screen would otherwise wait for); then it creates the engine (after
 * `startEngineAfter`, the app's "first screen painted" signal) and restores the saved engine snapshot.
 * Until then `engine` is null ("the engine is starting"): `build()` queues (`buildQueued`) and runs once the
 * engine is up, the terminal waits for it (`whenEngine()`), predictions and lesson checks start with it, and
 * the engine save does nothing, so the saved engine state is never replaced by an empty one. A snapshot that
 * cannot be restored still leads to the damaged screen (`phase: 'damaged'`).
 */
import { create } from 'zustand';
import type { EngineSnapshot } from '../../engine/engine';
import type { EngineClient } from '../engine/engineClient';
import type { BuildEvent } from '../../engine/build/events';
import type { CliIO } from '../../engine/core/io';
import type { PredictedStep, UiBuildOptions } from '../engine/engineApi';
import { exampleWorkspaces } from '../workspace/examples';
import { nextTask } from './nextTask';
import { BUILDS_KEY, buildsRecord, readBuildsRecord, type BuildHistory } from './buildHistory';
import { deletePath, renameFile, type FileContent, type Workspace } from '../workspace/workspace';
import { finishedStepCounter } from '../layers/model';
import { buildEventQueue } from './buildEvents';
import { buildCommandLine, buildOptions } from './buildOptions';

export { buildCommandLine, parseBuildArgs } from './buildOptions';
import { summaryText } from '../layers/buildModel';
import { usePlayback, whenRevealed } from '../layers/playback';
import { openKv, memoryKv, isQuotaError, type KvStore } from '../persist/idb';
import { deleteEngineStore, memoryEngineStore, openEngineStore, type EngineStore, type StoreUsage } from '../persist/engineStore';
import { DamagedStore, materialize } from '../../engine/store/layout';
import { DamagedStoreError, exportAll, exportRaw, importAll, validateEngineSnapshot, validateSettings, type SavedWorkspaces, type Settings } from '../persist/saved';
import { EditJournal, replayJournal, type StorageLike } from '../persist/journal';
import {
  LEGACY_KEY,
  ORDER_KEY,
  VIEW_KEY,
  WS_PREFIX,
  isWorkspaceKey,
  loadWorkspaces,
  orderRecord,
  readWorkspace,
  viewRecord,
  workspaceRecord,
  wsKey,
} from '../persist/workspaceRecords';
import { openTabChannel, useMultiTab, type SavedNotice, type TabChannel } from '../persist/multi-tab';
import { createSaveScheduler } from './saveScheduler';
import { savedFromWorker, tooBigForJournal } from './workspaceSize';
import { newWorkspace } from './newWorkspace';
import { detectLang, translate } from '../i18n/i18n';
import { terminalColumns, writeToTerminal } from './terminalBus';

/** The layer stack's animation speeds: milliseconds per step, fast and slow (0 is instant). */
export const FAST_STEP_MS = 250;
export const SLOW_STEP_MS = 900;


export const defaultSettings = (): Settings => ({
  lang: typeof navigator !== 'undefined' ? detectLang() : 'en',
  theme: 'system',
  presenter: false,
  builder: 'buildkit',
  noCache: false,
  heightMode: 'log',
  stepMs: FAST_STEP_MS,
});

export type { BuildHistory };

export interface AppState {
  phase: 'loading' | 'ready' | 'damaged';
  damagedDetail: string;
  /** The page's client of the engine (which runs in a Web Worker, see engine/engineClient.ts). */
  engine: EngineClient | null;
  /** Bumped whenever the engine reports a change, or an answer to a panel's query comes. */
  engineRev: number;
  workspaces: Workspace[];
  activeId: string;
  openFile: Record<string, string>;
  settings: Settings;
  /** Per workspace. */
  builds: Record<string, BuildHistory>;
  /** Metadata-only instructions seen in finished builds, per workspace (see layers/model.ts metaKey). */
  knownMeta: Record<string, string[]>;
  /** Edited since its last build (show the prediction instead of the last result). */
  dirty: Record<string, boolean>;
  building: boolean;
  /** Build was asked for (Ctrl/Cmd+Enter) while the engine was starting: it runs once the engine is up. */
  buildQueued: boolean;
  prediction: PredictedStep[] | null;
  /** Why the next build would fail before running (a Dockerfile error), from the prediction. */
  predictionError: string;
  predictionMs: number;
  target: string;
  buildArgs: string;
  saveError: string;

  /**
   * Loads the saved state (phase 'ready' as soon as it is read), then creates the engine and restores its
   * snapshot; resolves once the engine is up (or the store was found damaged). Runs once per page.
   * `startEngineAfter`: the engine is created only after this settles (the app passes "first screen painted").
   * `kv`: the key/value store to use instead of IndexedDB (tests); with it, the edit journal is `journal`
   * (none when not given) and tabs are not told about saves unless `channel` is true.
   */
  init(opts?: InitOptions): Promise<void>;
  /** Saves pending changes now (also done when the page is hidden or left). */
  flushSaves(): void;
  setSettings(patch: Partial<Settings>): void;
  /** Presenter mode on or off; turning it on also slows the layer animation down (restored when turned off). */
  setPresenter(on: boolean): void;
  selectWorkspace(id: string): void;
  openPath(path: string): void;
  writeFile(path: string, content: FileContent): void;
  /** Writes many files into the active workspace as one edit (an import), saved at once. */
  writeFiles(files: Record<string, FileContent>): void;
  renamePath(from: string, to: string): void;
  deletePath(path: string): void;
  setTag(tag: string): void;
  /** A new workspace (empty, or a copy of `from`), opened; one of over 1,000 files (or 512 KB) opens a task or two later. */
  addWorkspace(name: string, from?: Workspace): void;
  removeWorkspace(id: string): void;
  setTarget(t: string): void;
  setBuildArgs(t: string): void;
  build(): Promise<void>;
  predict(): Promise<void>;
  resetAll(): Promise<void>;
  exportFile(): Promise<string>;
  /** The raw stored records (for the damaged screen): read what can be read, validate nothing. */
  exportRaw(): Promise<string>;
  importFile(text: string): Promise<void>;
}

export interface InitOptions {
  startEngineAfter?: Promise<unknown>;
  kv?: KvStore;
  journal?: StorageLike | null;
  channel?: boolean;
  /** The engine's content-addressed store (with `kv`: in memory unless given). */
  engineStore?: EngineStore;
  /** Run the engine on the page's thread instead of a worker (tests). */
  engineInPage?: boolean;
}

let kv: KvStore = memoryKv();
/** `kv` is the app's IndexedDB (not a store given by a test, nor the in-memory fallback). */
let appKv = false;
/** The engine state, saved incrementally (src/ui/persist/engineStore.ts). */
let engineStore: EngineStore = memoryEngineStore();
/** The engine state came from the former single `engine` record: removed once the store holds it. */
let legacyEngine = false;

/** What the engine store holds, for the storage figures. */
export const engineStoreUsage = () => storeUsage ?? engineStore.usage();
/** What the engine store holds after the engine's last save (the engine saves from its own thread). */
let storeUsage: StoreUsage | null = null;
/** Edits not yet in IndexedDB, written synchronously so a reload right after an edit keeps it. */
let journal = new EditJournal(null);
let tabChannel: TabChannel | null = null;
/** What the next save writes: only records that changed. */
const pending = { ws: new Set<string>(), list: false, view: false, settings: false, builds: false };
let uiBuildRunning = false;
let initRun: Promise<void> | null = null;
const runtimeModules = import.meta.glob('../runtime/index.ts');

/**
 * The engine snapshot read at start-up, kept until the engine has restored it: an export made while the
 * engine is starting still contains the saved engine state.
 */
let pendingSnapshot: EngineSnapshot | undefined;
/** Set once the engine exists or can no longer come (damaged store); `whenEngine()` callers wait for it. */
let engineSettled = false;
let engineWaiters: ((e: EngineClient | null) => void)[] = [];

function settleEngine(e: EngineClient | null): void {
  engineSettled = true;
  const w = engineWaiters;
  engineWaiters = [];
  for (const r of w) r(e);
}

/**
 * The page's engine, once it exists: resolves at once when it does, when the engine is up otherwise, and with
 * null when it cannot come (the saved state is damaged and the damaged screen is shown instead).
 */
export function whenEngine(): Promise<EngineClient | null> {
  const e = useApp.getState().engine;
  if (e || engineSettled) return Promise.resolve(e);
  return new Promise((r) => engineWaiters.push(r));
}

/** The workspace is shown but the engine is not up yet. */
export function engineStarting(s: Pick<AppState, 'phase' | 'engine'>): boolean {
  return s.phase === 'ready' && !s.engine;
}
/** Predictions may resolve out of order: only the latest request's answer is shown. */
let predictSeq = 0;

export function activeWorkspace(s: Pick<AppState, 'workspaces' | 'activeId'>): Workspace | undefined {
  return s.workspaces.find((w) => w.id === s.activeId) ?? s.workspaces[0];
}

export const useApp = create<AppState>()((set, get) => {
  const savedWorkspaces = (): SavedWorkspaces => ({ version: 1, workspaces: get().workspaces, activeId: get().activeId, openFile: get().openFile });

  /** A failed save, in words: a full disk says what it means and that nothing saved before is lost. */
  const saveFailed = (e: unknown) => set({ saveError: isQuotaError(e) ? translate(get().settings.lang, 'robust.quotaFull') : String(e) });

  /**
   * Writes what changed since the last save, in one transaction: the records of the workspaces edited here
   * (never the others, which another tab may be editing), and the list, view, settings and layer history
   * when they changed. On success the journal drops what is now saved and other tabs are told; on failure
   * (a full disk) every record stays as it was and the changes wait for the next save.
   */
  const saveWorkspaces = () => {
    const s = get();
    const now = Date.now();
    const records: Record<string, unknown> = {};
    const ids = [...pending.ws];
    const gens = ids.map((id) => journal.generation(id));
    for (const id of ids) {
      const w = s.workspaces.find((x) => x.id === id);
      records[wsKey(id)] = w ? workspaceRecord(w, now) : undefined;
    }
    const taken = { ...pending, ws: new Set(ids) };
    if (pending.list) records[ORDER_KEY] = orderRecord(s.workspaces.map((w) => w.id));
    if (pending.view) records[VIEW_KEY] = viewRecord(s.activeId, s.openFile);
    if (pending.settings) records.settings = s.settings;
    if (pending.builds) saveBuilds();
    pending.ws.clear();
    pending.list = pending.view = pending.settings = pending.builds = false;
    if (Object.keys(records).length === 0) return;
    writeRecords(records).then(
      () => {
        ids.forEach((id, i) => journal.saved(id, gens[i]));
        if (get().saveError) set({ saveError: '' });
        if (ids.length || taken.list) tabChannel?.announce(ids, taken.list);
      },
      (e) => {
        for (const id of ids) pending.ws.add(id);
        pending.list ||= taken.list;
        pending.view ||= taken.view;
        pending.settings ||= taken.settings;
        saveFailed(e);
      },
    );
  };

  /**
   * The layer stack's history, saved on its own: encoded a few milliseconds per task (all at once when the page
   * is being hidden), one save after the other.
   */
  let buildsSave = Promise.resolve();
  const saveBuilds = () => {
    pending.builds = false;
    const atOnce = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    // IndexedDB copies a value in the thread that stores it: megabytes of history in one task. The engine's
    // worker stores it when there is one (not while the page is being hidden: the worker may be stopped).
    const engine = appKv && !atOnce && get().engine?.thread === 'worker' ? get().engine : null;
    buildsSave = buildsSave
      .then(() => buildsRecord(get().builds, get().knownMeta, atOnce, !!engine))
      .then((rec) => (engine ? engine.writeRecords({ [BUILDS_KEY]: rec }) : kv.write({ [BUILDS_KEY]: rec })))
      .catch((e: unknown) => {
        pending.builds = true;
        saveFailed(e);
      });
  };

  /**
   * `kv.write`; a save of a big active workspace goes through the engine worker when it runs in one and `kv`
   * is the app's IndexedDB: the worker adds the files from its own copy, so the page does not serialise them.
   */
  const writeRecords = (records: Record<string, unknown>): Promise<void> => {
    const engine = get().engine;
    const ws = activeWorkspace(get());
    if (!appKv || engine?.thread !== 'worker' || !ws || !(wsKey(ws.id) in records) || !savedFromWorker(ws.files)) return kv.write(records);
    return engine.writeRecords(records, { key: wsKey(ws.id), files: ws.files });
  };

  const saveEngine = () => {
    const engine = get().engine;
    // No engine yet (starting): nothing to save, and the saved snapshot must stay as it is.
    if (!engine) return;
    engine.saveSnapshot().then((usage) => {
      storeUsage = usage;
      if (!legacyEngine) return;
      legacyEngine = false;
      kv.write({ engine: undefined }).catch(() => undefined);
    }, saveFailed);
  };

  // Debounced, but at least once a second while changes keep coming (a running container reports changes
  // all the time), and at once when the page is hidden or left.
  const workspaceSaver = createSaveScheduler(saveWorkspaces, 150, 1000);
  const engineSaver = createSaveScheduler(saveEngine, 400, 1000);
  const scheduleSave = () => workspaceSaver.schedule();
  /** A workspace's record needs saving. */
  const touch = (id: string) => {
    pending.ws.add(id);
    scheduleSave();
  };
  /** The files that differ between two versions of a workspace (null: deleted), for the journal. */
  const changedFiles = (before: Workspace | undefined, after: Workspace | undefined): Record<string, FileContent | null> => {
    const out: Record<string, FileContent | null> = {};
    const a = before?.files ?? {};
    const b = after?.files ?? {};
    for (const p of Object.keys(a)) if (!(p in b)) out[p] = null;
    for (const [p, c] of Object.entries(b)) if (a[p] !== c) out[p] = c;
    return out;
  };
  const scheduleEngineSave = () => engineSaver.schedule();
  const flushSaves = () => {
    workspaceSaver.flush();
    engineSaver.flush();
  };
  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    window.addEventListener('pagehide', flushSaves);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushSaves();
    });
  }

  /** The engine builds and mounts the active workspace: it gets the files that changed. */
  const synced: { engine?: EngineClient; files?: Record<string, FileContent> } = {};
  /** Gives the engine the active workspace's files (or `files`, a workspace about to be opened). */
  const syncContext = (files = activeWorkspace(get())?.files) => {
    const { engine } = get();
    // the same files given to the same engine again: nothing to compare (thousands of files cost a diff)
    if (!engine || !files || (engine === synced.engine && files === synced.files)) return;
    engine.setFiles(files);
    Object.assign(synced, { engine, files });
  };

  const markEdited = () => {
    const id = get().activeId;
    set({ dirty: { ...get().dirty, [id]: true } });
    touch(id);
    syncContext();
    void get().predict();
  };

  const buildEvents = buildEventQueue({
    get: () => ({ builds: get().builds, knownMeta: get().knownMeta, dirty: get().dirty, stepMs: get().settings.stepMs }),
    set,
    ended: () => {
      pending.builds = true;
      scheduleSave();
    },
  });
  const onBuildEvent = (wsId: string) => (e: BuildEvent) => buildEvents.push(wsId, e, uiBuildRunning);
  const applyBuildEvents = buildEvents.apply;

  const options = (): UiBuildOptions => buildOptions(get().settings, activeWorkspace(get()), get().target, get().buildArgs);

  /** init(): the saved state first (phase 'ready'), then the engine. */
  const load = async (opts: InitOptions): Promise<void> => {
    if (opts.kv) {
      kv = opts.kv;
      journal = new EditJournal(opts.journal ?? null);
      engineStore = opts.engineStore ?? memoryEngineStore();
    } else {
      journal = new EditJournal();
      try {
        kv = await openKv();
        appKv = true;
      } catch {
        kv = memoryKv();
      }
      try {
        engineStore = await openEngineStore();
      } catch {
        engineStore = memoryEngineStore();
      }
    }
    let saved: SavedWorkspaces;
    let settings: Settings;
    let snapshot: EngineSnapshot | undefined;
    try {
      const loaded = await loadWorkspaces(kv, Date.now());
      saved = loaded?.saved ?? { version: 1, workspaces: exampleWorkspaces(), activeId: 'web-ping', openFile: {} };
      if (saved.workspaces.length === 0) saved.workspaces = exampleWorkspaces();
      if (!loaded) {
        // nothing saved yet: the examples become records, so every later save is per workspace
        for (const w of saved.workspaces) pending.ws.add(w.id);
        pending.list = pending.view = true;
      }
      // edits the last page of this tab made but IndexedDB did not get (a reload right after typing)
      const entries = journal.read();
      const replay = replayJournal(saved.workspaces, entries, loaded?.savedAt ?? {});
      if (replay.changed.length) {
        saved.workspaces = replay.workspaces;
        for (const id of replay.changed) pending.ws.add(id);
        pending.list = true;
      }
      settings = validateSettings(await kv.get('settings'), defaultSettings());
      try {
        snapshot = await engineStore.load();
      } catch (e) {
        throw e instanceof DamagedStore ? new DamagedStoreError('engine', e.message) : e;
      }
      if (!snapshot) {
        // the former layout: the whole snapshot in one record, moved into the store by the first save
        snapshot = validateEngineSnapshot(await kv.get('engine'));
        legacyEngine = snapshot !== undefined;
      }
      // the layer stack's own history is a convenience: only well-formed entries are kept, it never fails
      const history = readBuildsRecord(await kv.get(BUILDS_KEY));
      if (history) set(history);
    } catch (e) {
      set({ phase: 'damaged', damagedDetail: e instanceof Error ? e.message : String(e) });
      settleEngine(null);
      return;
    }
    const active = saved.workspaces.find((w) => w.id === saved.activeId) ?? saved.workspaces[0];
    pendingSnapshot = snapshot;
    // The workspace is shown now; the engine follows.
    set({ phase: 'ready', workspaces: saved.workspaces, activeId: active.id, openFile: saved.openFile, settings });
    if (pending.ws.size || pending.list) {
      scheduleSave();
      workspaceSaver.flush();
    }
    if (opts.channel ?? !opts.kv) tabChannel = openTabChannel((n) => void onNotice(n));

    await opts.startEngineAfter?.catch(() => undefined);
    let engine: EngineClient;
    // the container runtime that browserEngine.ts picks up: fetched alongside the engine, not after it
    for (const loadRuntime of Object.values(runtimeModules)) void loadRuntime().catch(() => undefined);
    try {
      const { startEngine } = await import('../engine/startEngine');
      // (each step of the start in a task of its own, so the page stays responsive: the chunk's evaluation,
      // the engine, the panels' first render with it, the first prediction)
      await nextTask();
      // the workspace may have been switched or edited meanwhile: the engine starts on the current one
      engine = await startEngine({
        files: (activeWorkspace(get()) ?? active).files,
        // the former single record is plain data, sent as it is; the store's snapshot is read where the engine runs
        snapshot: legacyEngine ? snapshot : undefined,
        store: engineStore,
        loaded: snapshot,
        inPage: opts.engineInPage ?? !!opts.kv,
      });
      await nextTask();
    } catch (e) {
      set({ phase: 'damaged', damagedDetail: e instanceof Error ? e.message : String(e) });
      settleEngine(null);
      return;
    }
    engine.subscribe((why) => {
      set({ engineRev: get().engineRev + 1 });
      if (why === 'engine') scheduleEngineSave();
    });
    // what containers write into bind-mounted folders of the workspace
    engine.onHostWrite = (path, content) => (content === null ? get().deletePath(path) : get().writeFile(path, content));
    engine.onBuildEvent((e) => {
      if (!uiBuildRunning) onBuildEvent(get().activeId)(e);
    });
    pendingSnapshot = undefined;
    set({ engine });
    syncContext();
    settleEngine(engine);
    await nextTask();
    void get().predict();
  };

  /**
   * Another tab saved workspaces: the ones shown here in the background are read again (this tab saves only
   * what it edits, so its copy would otherwise be stale if edited here later); the open one gets the warning.
   */
  const onNotice = async (n: SavedNotice) => {
    if (get().phase !== 'ready') return;
    if (n.workspaceIds.includes(get().activeId)) useMultiTab.setState({ conflict: { workspaceId: get().activeId, at: n.at } });
    const ids = new Set(n.workspaceIds);
    if (n.list) {
      for (const k of await kv.keys().catch(() => [] as string[])) if (k.startsWith(WS_PREFIX)) ids.add(k.slice(WS_PREFIX.length));
      for (const w of get().workspaces) ids.add(w.id);
    }
    for (const id of ids) {
      if (id === get().activeId || pending.ws.has(id) || journal.has(id)) continue;
      const r = await readWorkspace(kv, id);
      const cur = get();
      if (id === cur.activeId || pending.ws.has(id) || journal.has(id)) continue;
      const here = cur.workspaces.some((w) => w.id === id);
      if (r) set({ workspaces: here ? cur.workspaces.map((w) => (w.id === id ? r.workspace : w)) : [...cur.workspaces, r.workspace] });
      else if (here && n.list && cur.workspaces.length > 1) set({ workspaces: cur.workspaces.filter((w) => w.id !== id) });
    }
  };

  return {
    phase: 'loading',
    damagedDetail: '',
    engine: null,
    engineRev: 0,
    workspaces: [],
    activeId: '',
    openFile: {},
    settings: defaultSettings(),
    builds: {},
    knownMeta: {},
    dirty: {},
    building: false,
    buildQueued: false,
    prediction: null,
    predictionError: '',
    predictionMs: 0,
    target: '',
    buildArgs: '',
    saveError: '',

    init(opts = {}) {
      initRun ??= load(opts);
      return initRun;
    },

    flushSaves,

    setSettings(patch) {
      set({ settings: { ...get().settings, ...patch } });
      pending.settings = true;
      // A setting is one deliberate change: saved at once, not debounced (IndexedDB writes begun on pagehide are
      // lost when the page navigates away, so a reload right after choosing a language would forget it).
      scheduleSave();
      workspaceSaver.flush();
      if ('noCache' in patch || 'builder' in patch) {
        // build options change what the next build does: show the prediction again
        set({ dirty: { ...get().dirty, [get().activeId]: true } });
        void get().predict();
      }
    },

    setPresenter(on) {
      const { presenter, stepMs } = get().settings;
      if (on === presenter) return;
      // The layer stack offers instant (0), fast (250) and slow (900) steps: presenter mode turns fast into slow
      // and back; instant stays instant (a deliberate choice).
      get().setSettings({ presenter: on, stepMs: stepMs === 0 ? 0 : on ? SLOW_STEP_MS : FAST_STEP_MS });
    },

    selectWorkspace(id) {
      set({ activeId: id, target: '', prediction: null });
      useMultiTab.setState({ conflict: null });
      pending.view = true;
      scheduleSave();
      syncContext();
      void get().predict();
    },

    openPath(path) {
      set({ openFile: { ...get().openFile, [get().activeId]: path } });
      pending.view = true;
      scheduleSave();
    },

    writeFile(path, content) {
      const id = get().activeId;
      set({ workspaces: get().workspaces.map((w) => (w.id === id ? { ...w, files: { ...w.files, [path]: content } } : w)) });
      journal.writeFiles(id, { [path]: content });
      markEdited();
    },

    writeFiles(files) {
      const id = get().activeId;
      set({ workspaces: get().workspaces.map((w) => (w.id === id ? { ...w, files: { ...w.files, ...files } } : w)) });
      if (!tooBigForJournal(files)) journal.writeFiles(id, files);
      markEdited();
      workspaceSaver.flush();
    },

    renamePath(from, to) {
      const id = get().activeId;
      const open = get().openFile[id];
      const before = activeWorkspace(get());
      set({
        workspaces: get().workspaces.map((w) => (w.id === id ? renameFile(w, from, to) : w)),
        openFile: open === from || open?.startsWith(from + '/') ? { ...get().openFile, [id]: to + open.slice(from.length) } : get().openFile,
      });
      journal.writeFiles(id, changedFiles(before, activeWorkspace(get())));
      pending.view = true;
      markEdited();
    },

    deletePath(path) {
      const id = get().activeId;
      const before = activeWorkspace(get());
      set({ workspaces: get().workspaces.map((w) => (w.id === id ? deletePath(w, path) : w)) });
      journal.writeFiles(id, changedFiles(before, activeWorkspace(get())));
      markEdited();
    },

    setTag(tag) {
      const id = get().activeId;
      set({ workspaces: get().workspaces.map((w) => (w.id === id ? { ...w, tag } : w)) });
      journal.setTag(id, tag);
      touch(id);
      void get().predict();
    },

    addWorkspace(name, from) {
      const ws = newWorkspace(name, new Set(get().workspaces.map((w) => w.id)), from);
      const { id, files } = ws;
      set({ workspaces: [...get().workspaces, ws] });
      const open = () => {
        pending.ws.add(id);
        pending.list = true;
        get().selectWorkspace(id);
      };
      if (!tooBigForJournal(ws.files)) return (journal.created(ws), open());
      // a big copy skips the journal (serialising it on the spot would stall the page) and is saved at once; each
      // step over its thousands of files in a task of its own: the engine gets them, the page shows them, they are saved
      void (async () => {
        for (const step of [() => syncContext(files), open, () => workspaceSaver.flush()]) {
          await nextTask();
          if (!get().workspaces.some((w) => w.id === id)) return;
          step();
        }
      })();
    },

    removeWorkspace(id) {
      const rest = get().workspaces.filter((w) => w.id !== id);
      if (rest.length === 0) return;
      set({ workspaces: rest });
      journal.removed(id);
      pending.ws.add(id);
      pending.list = true;
      if (get().activeId === id) get().selectWorkspace(rest[0].id);
      else scheduleSave();
    },

    setTarget(t) {
      set({ target: t, dirty: { ...get().dirty, [get().activeId]: true } });
      void get().predict();
    },

    setBuildArgs(t) {
      set({ buildArgs: t, dirty: { ...get().dirty, [get().activeId]: true } });
      void get().predict();
    },

    async build() {
      if (get().building || get().buildQueued) return;
      if (!get().engine) {
        // The engine is starting: the build runs as soon as it is up (the button says so meanwhile).
        if (!engineStarting(get())) return;
        set({ buildQueued: true });
        await whenEngine();
        set({ buildQueued: false });
      }
      const { engine, building } = get();
      if (!engine || building) return;
      syncContext();
      const wsId = get().activeId;
      const opts = options();
      set({ building: true });
      uiBuildRunning = true;
      writeToTerminal(`\x1b[2m$ ${buildCommandLine(opts)}\x1b[0m\r\n`);
      // The output waits for the layer stack: a chunk written after n steps had finished is shown once the stack
      // reveals n steps (legacy prints step by step; BuildKit's tty screen, FINISHED, comes at the end).
      let key: number | null = null;
      const chunks: { at: number; text: string }[] = [];
      const flush = () => {
        const p = usePlayback.getState();
        while (chunks.length && (p.key !== key || chunks[0].at <= p.revealed)) writeToTerminal(chunks.shift()!.text);
      };
      const offPlayback = usePlayback.subscribe(flush);
      // the steps finished so far, counted as the events come (folding them into the view at every chunk of
      // output would copy a long build's bands again and again)
      const countFinished = finishedStepCounter();
      let finished = 0;
      const finishedSteps = () => finished;
      const out = (t: string) => {
        // the stack's reveal of this build starts when its build-started event is applied: before that, the
        // playback is another build's and would let the output through
        if (key !== null && usePlayback.getState().key !== key) applyBuildEvents();
        chunks.push({ at: key === null ? 0 : finishedSteps(), text: t.replace(/\r?\n/g, '\r\n') });
        flush();
      };
      const onEvent = onBuildEvent(wsId);
      const io: CliIO = {
        stdout: out,
        stderr: out,
        stdin: null,
        stdinIsTTY: false,
        stdoutIsTTY: true,
        columns: terminalColumns(),
        env: opts.builder === 'legacy' ? { DOCKER_BUILDKIT: '0' } : {},
      };
      try {
        await engine.build(opts, io, (e) => {
          if (e.type === 'build-started') key = e.time;
          finished = countFinished(e);
          onEvent(e);
        });
      } catch (e) {
        out(`ERROR: ${e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        uiBuildRunning = false;
        applyBuildEvents();
        if (key !== null) await whenRevealed(key, finishedSteps());
        key = null;
        flush();
        offPlayback();
        const view = get().builds[wsId]?.last;
        const line = view && view.startedAt !== undefined ? summaryText(get().settings.lang, view) : '';
        if (line) writeToTerminal(`\x1b[2m${translate(get().settings.lang, 'stack.summaryPrefix')}: ${line}\x1b[0m\r\n`);
        set({ building: false, dirty: { ...get().dirty, [wsId]: false } });
        void get().predict();
      }
    },

    async predict() {
      const { engine } = get();
      if (!engine) return;
      syncContext();
      const t0 = performance.now();
      const wsId = get().activeId;
      const seq = ++predictSeq;
      const p = await engine.predictBuild(options()).catch((e: unknown) => ({ steps: null, error: e instanceof Error ? e.message : String(e) }));
      if (seq !== predictSeq || get().activeId !== wsId) return;
      // A Dockerfile with an error predicts no steps: the stack shows the error, not the last good bands.
      set({
        prediction: p.steps ?? [],
        predictionError: p.error,
        predictionMs: performance.now() - t0,
      });
    },

    async resetAll() {
      journal.clear();
      await deleteEngineStore();
      try {
        await kv.clear();
      } catch {
        // a broken database: delete it whole
        await new Promise((r) => {
          const d = indexedDB.deleteDatabase('layerlab');
          d.onsuccess = d.onerror = d.onblocked = () => r(null);
        });
      }
      location.reload();
    },

    async exportFile() {
      const engine = get().engine;
      // While the engine is starting, the saved snapshot is the engine state.
      let snap: EngineSnapshot | undefined = engine ? undefined : pendingSnapshot;
      try {
        if (engine) snap = await engine.snapshot();
        // layers restored unread are read now: the file holds everything
        else if (snap) snap = materialize(snap);
      } catch {
        snap = undefined;
      }
      return exportAll(savedWorkspaces(), snap, get().settings, new Date());
    },

    async exportRaw() {
      const records: Record<string, unknown> = {};
      const unreadable: string[] = [];
      let keys = ['workspaces', 'settings', 'engine', BUILDS_KEY];
      try {
        keys = await kv.keys();
      } catch {
        // list unreadable: try the fixed keys
      }
      for (const key of keys) {
        try {
          const v = await kv.get(key);
          if (v !== undefined) records[key] = v;
        } catch {
          unreadable.push(key);
        }
      }
      return exportRaw(records, unreadable, new Date());
    },

    async importFile(text) {
      const data = importAll(text, defaultSettings());
      // written in the one-record layout, which the next start migrates (replacing every workspace record)
      const records: Record<string, unknown> = {};
      for (const k of await kv.keys()) if (isWorkspaceKey(k)) records[k] = undefined;
      records[LEGACY_KEY] = data.workspaces;
      records.settings = data.settings;
      if (data.engine) records.engine = data.engine;
      await kv.write(records);
      // the imported engine state is read from the former single record at the next start
      if (data.engine) await engineStore.clear();
      journal.clear();
      location.reload();
    },
  };
});

export { DamagedStoreError };

// For end-to-end tests and debugging in the console.
if (typeof window !== 'undefined') (window as unknown as { __layerlab?: unknown }).__layerlab = { store: useApp };
