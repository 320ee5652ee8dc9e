/**
 * Build-context hashing benchmark (not a test): a 2,000-file, 20 MB context.
 * Reports the cost of SHA-256 over the bytes, the first build, and a rebuild after editing one file.
 * Run: npx tsx scripts/bench-build.ts [--pure]   (--pure: the engine's pure-TS sha256 instead of node:crypto)
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Engine } from '../src/engine/engine';
import { testEnv } from '../src/engine/core/env';
import { memoryContext } from '../src/engine/core/host';
import { bufferIO } from '../src/engine/core/io';
import { sha256Hex } from '../src/engine/core/sha256';
import { alpineTree, baseConfig } from '../src/engine/images/base-images';

const pure = process.argv.includes('--pure');
const sha = pure ? sha256Hex : (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');
const files: Record<string, Uint8Array | string> = { Dockerfile: 'FROM alpine\nWORKDIR /app\nCOPY . .\nRUN ls > /dev/null\n' };
let seed = 1;
for (let i = 0; i < 2000; i++) {
  const b = new Uint8Array(10_000);
  for (let j = 0; j < b.length; j++) b[j] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  files[`src/dir${i % 40}/file${i}.bin`] = b;
}
async function scenario() {
  const env = { ...testEnv(), sha256: sha };
  const engine = new Engine({ env, context: memoryContext(files) });
  engine.images.importImage({ refs: ['alpine:latest'], layers: [alpineTree()], config: baseConfig(['/bin/sh']) });
  // Fresh arrays, so no digest is shared with an earlier run.
  const ctx: Record<string, Uint8Array | string> = {};
  for (const [k, v] of Object.entries(files)) ctx[k] = typeof v === 'string' ? v : v.slice();
  engine.context = memoryContext(ctx);
  const bytes = Object.values(ctx).filter((v): v is Uint8Array => v instanceof Uint8Array);
  let t = performance.now();
  for (const b of bytes) sha(b);
  const hashMs = performance.now() - t;
  t = performance.now();
  const first = await engine.build({ tags: ['bench'], progress: 'plain' }, bufferIO());
  const firstMs = performance.now() - t;
  engine.context = memoryContext({ ...ctx, 'src/dir0/file0.bin': new Uint8Array(10_000).fill(7) });
  t = performance.now();
  const second = await engine.build({ tags: ['bench'], progress: 'plain' }, bufferIO());
  const secondMs = performance.now() - t;
  t = performance.now();
  const predicted = await engine.predictBuild({ tags: ['bench'] });
  const predictMs = performance.now() - t;
  return { bytes, hashMs, first, firstMs, second, secondMs, predicted, predictMs };
}

// Warm the JIT, then report the third run.
await scenario();
await scenario();
const { bytes, hashMs, first, firstMs, second, secondMs, predicted, predictMs } = await scenario();
const mb = bytes.reduce((s, b) => s + b.length, 0) / 1e6;
console.log(`sha256 (${pure ? 'pure TS' : 'node:crypto'}) over ${bytes.length} files, ${mb.toFixed(1)} MB: ${hashMs.toFixed(0)} ms`);
console.log(`first build: ${firstMs.toFixed(0)} ms (${(firstMs / hashMs).toFixed(2)}x hashing), exit ${first.exitCode}`);
console.log(`rebuild after editing one file: ${secondMs.toFixed(0)} ms (${((secondMs / firstMs) * 100).toFixed(1)}% of the first build), COPY ${second.record.steps.find((s) => s.instruction === 'COPY')?.outcome}`);
console.log(`predictBuild: ${predictMs.toFixed(0)} ms, ${predicted.steps.length} steps`);
