/**
 * How the docker client reports errors, so every command prints them the same way:
 * - `daemonError`: `Error response from daemon: <msg>` (client/request.go), exit 1.
 * - `withHelpError`: run/create's docker 28 form, `docker: <err>` + blank line + `Run 'docker run --help' for
 *   more information`, exit 125; it names `docker run` even when typed as `docker container run`.
 * - `cliError`: a client-side error printed as is, exit 1.
 */
import type { CommandContext } from './command';
import type { CliIO } from '../core/io';

export const DAEMON_ERROR_PREFIX = 'Error response from daemon: ';

/** Prints `Error response from daemon: <msg>` to stderr; returns docker's exit code 1. */
export function daemonError(io: CliIO, msg: string): number {
  io.stderr(`${DAEMON_ERROR_PREFIX}${msg}\n`);
  return 1;
}

/** Prints a client-side error line to stderr; returns 1. */
export function cliError(io: CliIO, msg: string): number {
  io.stderr(msg.endsWith('\n') ? msg : `${msg}\n`);
  return 1;
}

/** The text of docker 28's `withHelp` error for a command: its last word ("run" for `docker container run` too). */
export function withHelpText(spec: Pick<CommandContext['spec'], 'path'>, err: string): string {
  return `docker: ${err}\n\nRun 'docker ${spec.path[spec.path.length - 1]} --help' for more information\n`;
}

/**
 * run/create errors as docker 28 prints them. `daemon` (default true) prefixes the message with
 * `Error response from daemon: `. Returns 125, docker run's exit code for errors before the container starts.
 */
export function withHelpError(ctx: Pick<CommandContext, 'io' | 'spec'>, msg: string, opts: { daemon?: boolean; exitCode?: number } = {}): number {
  const err = (opts.daemon ?? true) ? `${DAEMON_ERROR_PREFIX}${msg}` : msg;
  ctx.io.stderr(withHelpText(ctx.spec, err));
  return opts.exitCode ?? 125;
}
