/**
 * An engine for the network specs: the real sandbox runtime in-process and a test clock that moves on its own
 * while a command waits for virtual time (a request's round trip, a ping's interval), 100 ms at a time.
 */
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO, type CliIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';
import { macrotask } from '../runtime/kernel';

export function networkEngine() {
  const env = testEnv();
  const engine = new Engine({ env });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  /** Runs a docker command (argv, or a line split at spaces), moving the clock while it waits (up to 30 s). */
  const run = async (line: string | string[], opts: Partial<CliIO> = {}) => {
    const io = bufferIO(opts);
    let done = false;
    const p = engine.run(typeof line === 'string' ? line.split(' ') : line, io).finally(() => (done = true));
    for (let i = 0; i < 300 && !done; i++) {
      await macrotask();
      if (done) break;
      env.clock.advance(100);
      await engine.containers.advance();
    }
    const code = await p;
    return { code, out: io.out, err: io.err };
  };
  return { env, engine, run };
}
