/**
 * HEALTHCHECK: the container's test command runs in it (as `docker exec` would) every `Interval` of virtual time
 * from its start; `State.Health` keeps the status (`starting` until the first result, then `healthy`, or
 * `unhealthy` after `Retries` failures in a row), the failing streak and the last five results, as moby's
 * daemon/health.go does. Failures during `StartPeriod` do not count. A probe that outlives `Timeout` is killed
 * and fails (exit -1). Probes run when the container is advanced (`main-process.ts` `settle`), each at its own
 * virtual time after the main process has reached that time, so the result is the same on every replay.
 */
import type { HealthConfig } from '../images/config';
import type { StoreContext } from './context';
import { execIn } from './exec';
import type { Container } from './types';

export type HealthcheckConfig = HealthConfig;

export interface HealthLogEntry {
  /** Virtual epoch ms. */
  Start: number;
  End: number;
  ExitCode: number;
  Output: string;
}

export interface HealthState {
  Status: 'starting' | 'healthy' | 'unhealthy';
  FailingStreak: number;
  Log: HealthLogEntry[];
  /** When the next probe is due (virtual epoch ms; not shown by inspect). */
  next?: number;
}

/** moby's defaults (daemon/health.go): 30 s interval and timeout, 3 retries. */
export const DEFAULT_INTERVAL_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 3;
/** Results kept in `State.Health.Log` (moby's maxLogEntries) and output bytes kept per result (maxOutputLen). */
export const MAX_LOG_ENTRIES = 5;
export const MAX_OUTPUT_LEN = 4096;
/** Probes run at most per advance: a container restored after a long pause runs the latest ones only. */
export const MAX_CATCH_UP_PROBES = 3;

const ms = (ns: number | undefined, d: number) => (ns && ns > 0 ? ns / 1e6 : d);

/** The argv of a healthcheck test (`CMD-SHELL x` runs `/bin/sh -c x`), or null when there is none to run. */
export function probeArgv(test: string[] | undefined): string[] | null {
  if (!test || test.length === 0) return null;
  if (test[0] === 'CMD-SHELL') return test.length > 1 ? ['/bin/sh', '-c', test.slice(1).join(' ')] : null;
  if (test[0] === 'CMD') return test.length > 1 ? test.slice(1) : null;
  return null;
}

/** A started container's health: `starting` with the first probe one interval after `start` (none without a test). */
export function initialHealth(c: Container, start: number): HealthState | undefined {
  const hc = c.config.Healthcheck;
  if (!probeArgv(hc?.Test)) return undefined;
  return { Status: 'starting', FailingStreak: 0, Log: [], next: start + ms(hc?.Interval, DEFAULT_INTERVAL_MS) };
}

/** `(health: starting)`, `(healthy)`, `(unhealthy)`: what `docker ps` adds to "Up …" (daemon/container/state.go). */
export function healthSuffix(c: Container): string {
  if (!c.health || c.state.Status !== 'running') return '';
  return c.health.Status === 'starting' ? ' (health: starting)' : ` (${c.health.Status})`;
}

/**
 * Runs the probes due up to `to`. `advanceMain(t)` brings the main process to `t` first (false when it exited).
 */
export async function runDueProbes(ctx: StoreContext, c: Container, to: number, advanceMain: (t: number) => Promise<boolean>): Promise<void> {
  const h = c.health;
  const hc = c.config.Healthcheck;
  const argv = probeArgv(hc?.Test);
  if (!h || !argv || h.next === undefined) return;
  const interval = ms(hc?.Interval, DEFAULT_INTERVAL_MS);
  const due = Math.floor((to - h.next) / interval) + 1;
  if (due > MAX_CATCH_UP_PROBES) h.next += (due - MAX_CATCH_UP_PROBES) * interval;
  while (h.next <= to && ctx.isRunning(c)) {
    const t = h.next;
    if (!(await advanceMain(t)) || !ctx.isRunning(c)) return;
    const result = await probe(ctx, c, argv, t, ms(hc?.Timeout, DEFAULT_TIMEOUT_MS));
    record(c, h, result, t < c.state.StartedAt + ms(hc?.StartPeriod, 0));
    h.next = Math.max(t + interval, result.End);
    ctx.changed();
  }
}

async function probe(ctx: StoreContext, c: Container, argv: string[], t: number, timeout: number): Promise<HealthLogEntry> {
  const r = execIn(ctx, c, { cmd: argv, env: [], tty: false, interactive: false, startTime: t });
  if (!r.ok) return { Start: t, End: t, ExitCode: -1, Output: r.error.message };
  const p = r.value;
  let out = '';
  p.onOutput((e) => {
    if (out.length < MAX_OUTPUT_LEN) out = (out + e.text).slice(0, MAX_OUTPUT_LEN);
  });
  // Small virtual steps, so a quick probe ends near its real duration.
  for (let step = t + 10; !p.exitStatus() && step <= t + timeout; step += step - t < 1000 ? 10 : 500) await p.advanceTo(step);
  const exit = p.exitStatus();
  if (!exit) {
    p.dispose();
    return { Start: t, End: t + timeout, ExitCode: -1, Output: `Health check exceeded timeout (${timeout / 1000}s)` };
  }
  p.dispose();
  return { Start: t, End: Math.max(t, exit.time), ExitCode: exit.code, Output: out };
}

function record(c: Container, h: HealthState, r: HealthLogEntry, inStartPeriod: boolean): void {
  h.Log.push(r);
  if (h.Log.length > MAX_LOG_ENTRIES) h.Log.splice(0, h.Log.length - MAX_LOG_ENTRIES);
  if (r.ExitCode === 0) {
    h.Status = 'healthy';
    h.FailingStreak = 0;
    return;
  }
  if (inStartPeriod && h.Status !== 'healthy') return;
  h.FailingStreak++;
  if (h.FailingStreak >= (c.config.Healthcheck?.Retries || DEFAULT_RETRIES)) h.Status = 'unhealthy';
}
