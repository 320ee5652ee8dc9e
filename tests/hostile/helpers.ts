/** Shared set-up for the hostile-input suites: an engine with node:crypto hashing and a quiet build. */
import { createHash } from 'node:crypto';
import { Engine } from '../../src/engine/engine';
import { ManualClock, SeededRandom } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';

export function hostileEngine(files: Parameters<typeof memoryContext>[0] = {}): Engine {
  return new Engine({
    env: { clock: new ManualClock(), random: new SeededRandom(1), sha256: (d) => createHash('sha256').update(d).digest('hex') },
    context: memoryContext(files),
  });
}

/** Runs `docker <argv>` and returns its exit code, output and wall time. */
export async function docker(engine: Engine, argv: string[], env: Record<string, string> = {}) {
  const io = bufferIO({ env });
  const t0 = performance.now();
  const code = await engine.run(argv, io);
  return { code, out: io.out, err: io.err, ms: performance.now() - t0 };
}
