/** `docker exec`: a further process in a running container (pid > 1, same filesystem and mounts). */
import { engineError, err, ok, type Result } from '../core/errors';
import type { SandboxProcess } from '../runtime/process';
import type { StoreContext } from './context';
import { processFsOf } from './mounts';
import { ipAddressOf } from './network';
import { peerNetwork } from './peer';
import { homeOf, limitsOf, processEnv } from './process-env';
import type { Container, ContainerError } from './types';

export interface ExecOptions {
  cmd: string[];
  env: string[];
  workdir?: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
  /** Virtual start time (default: now); healthchecks run at their own times. */
  startTime?: number;
}

/**
 * Starts `o.cmd` in `c` (already advanced to now), env = container env + `-e`. Returns the live process; the
 * caller streams its output and feeds its stdin.
 */
export function execIn(ctx: StoreContext, c: Container, o: ExecOptions): Result<SandboxProcess, ContainerError> {
  if (!ctx.isRunning(c)) return err(engineError('containers.not-running', `container ${c.id} is not running`));
  if (c.state.Status === 'paused') return err(engineError('containers.paused', `Container ${c.id} is paused, unpause the container before exec`));
  const host = ctx.host();
  if (!host) return err(engineError('containers.no-runtime', 'the sandbox runtime is not available'));
  const user = o.user ?? c.config.User;
  const fs = () => ctx.fs(c);
  const env = processEnv(c, fs, o.env, o.tty);
  if (o.user !== undefined) env.HOME = homeOf(fs, o.user);
  const r = host.spawn({
    argv: o.cmd,
    env,
    cwd: o.workdir || c.config.WorkingDir || '/',
    hostname: c.config.Hostname,
    user: user || undefined,
    tty: o.tty,
    interactive: o.interactive,
    fs: processFsOf(ctx, c),
    ...limitsOf(c),
    startTime: o.startTime ?? ctx.now(),
    seed: parseInt(c.id.slice(8, 16), 16) + ++ctx.execSeq,
    pid: 7 + ctx.execSeq * 6,
    // `ps` in the exec shows the container's main process as pid 1.
    peers: [{ pid: 1, command: [c.path, ...c.args].join(' ') }],
    ipAddress: ipAddressOf(ctx, c),
    network: peerNetwork(ctx, c, false),
  });
  if (!r.ok) {
    // moby writes exec start errors into the attached stream (stdout, "\r\n") and sets 127 / 126.
    return err({ code: r.error.code, message: `OCI runtime exec failed: exec failed: unable to start container process: ${r.error.message}: unknown`, exitCode: r.error.exitCode === 127 ? 127 : 126 });
  }
  // What the process wrote into the container's layers is state to save once it ends.
  const saved = () => ctx.changed();
  void r.value.exited.then(saved, saved);
  return ok(r.value);
}
