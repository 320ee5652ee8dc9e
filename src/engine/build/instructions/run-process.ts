/**
 * A RUN step's process: spawned through the engine's sandbox host exactly as `docker run` spawns a container's,
 * over the step's union filesystem, on virtual time. The clock is advanced until the process exits (timers fire in
 * virtual time: `sleep 5` costs no wall time); one still running after `RUN_TIME_CAP_MS` is killed (137), as is one
 * the host stops for CPU. Same inputs, same output, same files.
 */
import { unionProcessFs, type Owner } from '../../fs/process-fs';
import type { UnionFs } from '../../fs/union';
import type { ExitEvent, OutputEvent, ProcessSpec, SandboxHost } from '../../runtime/process';

/** Virtual time a RUN may take before the builder stops it. */
export const RUN_TIME_CAP_MS = 10 * 60_000;

export interface RunProcessInput {
  host: SandboxHost;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  hostname: string;
  /** The stage's USER as written (name or uid[:gid]); empty for root. */
  user: string;
  /** Who owns the files the process creates. */
  owner: Owner;
  fs: UnionFs;
  startTime: number;
  seed: number;
}

export interface RunProcessResult {
  exitCode: number;
  output: OutputEvent[];
  /** Virtual ms from start to exit. */
  elapsedMs: number;
  /** Why Layerlab stopped the process, in one line (no line when it exited by itself). */
  note?: string;
}

export async function runProcess(i: RunProcessInput): Promise<RunProcessResult> {
  const spec: ProcessSpec = {
    argv: i.argv,
    env: i.env,
    cwd: i.cwd,
    hostname: i.hostname,
    user: i.user || undefined,
    tty: false,
    interactive: false,
    fs: unionProcessFs(i.fs, undefined, undefined, i.owner),
    startTime: i.startTime,
    seed: i.seed,
  };
  const spawned = i.host.spawn(spec);
  if (!spawned.ok) {
    // As runc reports a program it cannot start; runc itself then exits 1, which is the step's exit code
    // (a real engine: `RUN ["/bin/nothere"]` fails with `exit code: 1`).
    const text = `runc run failed: unable to start container process: error during container init: ${spawned.error.message}: unknown\n`;
    return { exitCode: 1, output: [{ stream: 'stderr', text, time: i.startTime }], elapsedMs: 0 };
  }
  const proc = spawned.value;
  const output: OutputEvent[] = [];
  proc.onOutput((e) => output.push(e));
  let note: string | undefined;
  try {
    await proc.advanceTo(i.startTime);
    if (!proc.exitStatus()) await proc.advanceTo(i.startTime + RUN_TIME_CAP_MS);
    if (!proc.exitStatus()) {
      await proc.kill('SIGKILL');
      note = `layerlab: stopped after ${RUN_TIME_CAP_MS / 60_000} minutes of build time: this command does not finish by itself (docker build would wait here until you cancel it)`;
    }
  } finally {
    proc.dispose();
  }
  const exit: ExitEvent = proc.exitStatus() ?? { code: 137, time: i.startTime + RUN_TIME_CAP_MS, reason: 'killed' };
  if (exit.reason === 'cpu-limit' || exit.reason === 'oom' || exit.reason === 'error') note ??= `layerlab: ${exit.message ?? 'the process was stopped'}`;
  return { exitCode: exit.code, output, elapsedMs: Math.max(0, exit.time - i.startTime), note };
}
