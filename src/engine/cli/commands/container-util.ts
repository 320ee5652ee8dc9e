/** Small helpers shared by the container commands. */
import type { CliIO } from '../../core/io';
import { DAEMON_ERROR_PREFIX } from '../daemon-error';

/** Runs `fn` for each argument; prints the argument on success and daemon errors otherwise. Exit 1 if any failed. */
export async function eachContainer(io: CliIO, refs: string[], fn: (ref: string) => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<number> {
  let failed = false;
  for (const ref of refs) {
    const r = await fn(ref);
    if (r.ok) io.stdout(`${ref}\n`);
    else {
      failed = true;
      io.stderr(`${DAEMON_ERROR_PREFIX}${r.error.message}\n`);
    }
  }
  return failed ? 1 : 0;
}
