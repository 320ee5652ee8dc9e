/**
 * A container's main process on virtual time: spawning it, its log, its exit (restart policies, `--rm`), the
 * inputs recorded for replays (stdin, signals, http) and the replay that re-spawns a running container after a
 * restore, skipping the writes and output that were already applied.
 */
import { err, ok, type Result } from '../core/errors';
import type { ExitEvent, OutputEvent, SandboxProcess, Signal, SpawnError } from '../runtime/process';
import type { StoreContext } from './context';
import { runDueProbes } from './health';
import { loadBinds, processFsOf, removeAnonymousVolumes } from './mounts';
import { peerNetwork } from './peer';
import type { Container, LogEntry, ProcessInput, ProcessSpecData } from './types';

/** Log chunks kept per container (also in snapshots). */
export const MAX_LOG_ENTRIES = 5000;

export interface Live {
  proc: SandboxProcess;
  /** True while a restored process is re-run up to `appliedUntil`: its writes and output were already applied. */
  replaying: boolean;
  listeners: Set<(e: OutputEvent) => void>;
  exitListeners: Set<(e: ExitEvent) => void>;
}

/** Spawns the main process from `spec`; `replaying` when it re-runs a restored container's past. */
export function spawnMain(ctx: StoreContext, c: Container, spec: ProcessSpecData, replaying: boolean): Result<Live, SpawnError> {
  const host = ctx.host();
  if (!host) return err({ code: 'runtime.not-found', message: 'no sandbox runtime', exitCode: 127 });
  let live: Live | null = null;
  const guard = { skipWrites: () => !!live && live.replaying };
  if (!replaying) c.peerReplies = [];
  const r = host.spawn({ ...spec, fs: processFsOf(ctx, c, guard, spec, !replaying), network: peerNetwork(ctx, c, true) });
  if (!r.ok) return r;
  const proc = r.value;
  live = { proc, replaying, listeners: new Set(), exitListeners: new Set() };
  const l = live;
  ctx.live.set(c.id, l);
  proc.onOutput((e) => {
    if (l.replaying) return;
    appendLog(c, { stream: e.stream, text: e.text, time: e.time });
    for (const fn of l.listeners) fn(e);
  });
  proc.onExit((e) => {
    onExit(ctx, c, l, e);
  });
  return ok(l);
}

function appendLog(c: Container, e: LogEntry): void {
  const last = c.logs[c.logs.length - 1];
  if (last && last.stream === e.stream && last.time === e.time && !last.text.endsWith('\n')) last.text += e.text;
  else c.logs.push(e);
  if (c.logs.length > MAX_LOG_ENTRIES) c.logs.splice(0, c.logs.length - MAX_LOG_ENTRIES);
}

function onExit(ctx: StoreContext, c: Container, l: Live, e: ExitEvent): void {
  if (ctx.live.get(c.id) !== l) return;
  ctx.live.delete(c.id);
  // A runaway program stopped by the CPU watchdog exits 137 like a SIGKILL; State.Error says why (Layerlab-only).
  c.state = { ...c.state, Status: 'exited', Pid: 0, ExitCode: e.code, FinishedAt: e.time, OOMKilled: e.reason === 'oom', Error: e.reason === 'error' || e.reason === 'cpu-limit' ? (e.message ?? '') : '' };
  c.appliedUntil = Math.max(c.appliedUntil, e.time);
  if (shouldRestart(c, e.code)) {
    // Docker's backoff: 100 ms, doubling, at most a minute; reset after a run of 10 s or more.
    c.backoff = e.time - c.state.StartedAt >= 10_000 ? 0 : (c.backoff ?? 0) + 1;
    c.restartAt = e.time + Math.min(60_000, 100 * 2 ** Math.max(0, (c.backoff ?? 1) - 1));
    c.state.Status = 'restarting';
  }
  for (const fn of l.exitListeners) fn(e);
  l.proc.dispose();
  if (c.hostConfig.AutoRemove && c.state.Status !== 'restarting') {
    ctx.removedExitCodes.set(c.id, e.code);
    ctx.containers.delete(c.id);
    ctx.mountSets.delete(c.id);
    // `--rm` also removes the container's anonymous volumes.
    removeAnonymousVolumes(ctx, c);
  }
  ctx.changed();
}

/** Restart policies: always / unless-stopped (not after docker stop), on-failure[:max] (non-zero exits). */
function shouldRestart(c: Container, code: number): boolean {
  if (c.manuallyStopped) return false;
  const p = c.hostConfig.RestartPolicy;
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

/** Makes sure a running container has a live process (re-spawning and replaying it after a restore). */
export async function ensureLive(ctx: StoreContext, c: Container): Promise<Live | null> {
  const have = ctx.live.get(c.id);
  if (have) return have;
  if (!ctx.isRunning(c) || !c.spec) return null;
  // A restored container's bind-mounted folders are read from the host again before its past is replayed.
  await loadBinds(ctx, c);
  if (ctx.live.get(c.id)) return ctx.live.get(c.id)!;
  const r = spawnMain(ctx, c, c.spec, true);
  if (!r.ok) {
    c.state = { ...c.state, Status: 'exited', ExitCode: r.error.exitCode, FinishedAt: c.appliedUntil, Error: r.error.message };
    return null;
  }
  const l = r.value;
  for (const input of c.inputs) {
    if (ctx.live.get(c.id) !== l) break;
    await l.proc.advanceTo(input.time);
    await applyInput(l.proc, input).catch(() => undefined);
  }
  if (ctx.live.get(c.id) === l) await l.proc.advanceTo(c.appliedUntil);
  l.replaying = false;
  return ctx.live.get(c.id) === l ? l : null;
}

async function applyInput(proc: SandboxProcess, i: ProcessInput): Promise<unknown> {
  switch (i.kind) {
    case 'stdin':
      proc.write(i.data ?? '');
      return;
    case 'close':
      proc.closeStdin();
      return;
    case 'signal':
      return proc.kill(i.signal);
    case 'http': {
      const p = proc.httpRequest(i.port ?? 80, i.req ?? { method: 'GET', path: '/' });
      p.catch(() => undefined);
      return;
    }
  }
}

/** Advances one running container to `to` (the clock's now). */
export async function settle(ctx: StoreContext, c: Container, to = ctx.now()): Promise<void> {
  const l = await ensureLive(ctx, c);
  if (!l) return;
  await runDueProbes(ctx, c, to, async (t) => {
    await l.proc.advanceTo(Math.max(t, c.appliedUntil));
    if (ctx.live.get(c.id) !== l) return false;
    c.appliedUntil = Math.max(c.appliedUntil, t);
    return true;
  });
  if (ctx.live.get(c.id) !== l) return;
  await l.proc.advanceTo(Math.max(to, c.appliedUntil));
  if (ctx.live.get(c.id) === l) c.appliedUntil = Math.max(c.appliedUntil, to);
}

/** Sends stdin to the main process (recorded for replays); `null` closes it. */
export async function writeStdin(ctx: StoreContext, c: Container, text: string | null): Promise<void> {
  const l = await ensureLive(ctx, c);
  if (!l) return;
  const input: ProcessInput = text === null ? { time: c.appliedUntil, kind: 'close' } : { time: c.appliedUntil, kind: 'stdin', data: text };
  c.inputs.push(input);
  await applyInput(l.proc, input);
  await settle(ctx, c);
}

/** Delivers a signal to the main process (recorded). */
export async function sendSignal(ctx: StoreContext, c: Container, signal: Signal): Promise<void> {
  const l = await ensureLive(ctx, c);
  if (!l) return;
  const input: ProcessInput = { time: c.appliedUntil, kind: 'signal', signal };
  c.inputs.push(input);
  await l.proc.kill(signal);
  await settle(ctx, c);
}

/** Subscribes to the main process's live output (attach, logs -f). Returns unsubscribe. */
export function onOutput(ctx: StoreContext, c: Container, fn: (e: OutputEvent) => void): () => void {
  const l = ctx.live.get(c.id);
  if (!l) return () => {};
  l.listeners.add(fn);
  return () => l.listeners.delete(fn);
}

/** Resolves when the main process exits (immediately when not running). */
export function waitExit(ctx: StoreContext, c: Container): Promise<number> {
  const l = ctx.live.get(c.id);
  if (!l) return Promise.resolve(c.state.ExitCode);
  return new Promise((resolve) => l.exitListeners.add((e) => resolve(e.code)));
}
