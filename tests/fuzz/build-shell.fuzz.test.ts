/**
 * Property tests of a RUN step's process (src/engine/build/instructions/run-process.ts: the runtime's shell and
 * programs, as `docker run` runs them) on a real alpine root filesystem: random scripts made of real shell syntax
 * and programs always end with an exit status (0-255) quickly, never a throw, never a hang.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { bufferIO } from '../../src/engine/core/io';
import { UnionFs } from '../../src/engine/fs/union';
import { Layer } from '../../src/engine/fs/layer';
import { runProcess } from '../../src/engine/build/instructions/run-process';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';
import { DEFAULT_PATH } from '../../src/engine/images/config';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './runs';
import { KNOWN_ISSUES, KnownIssueTally } from './known-issues';

let alpine: Layer[];

beforeAll(async () => {
  const engine = new Engine({ env: testEnv() });
  const io = bufferIO();
  expect(await engine.run(['pull', 'alpine'], io), io.err).toBe(0);
  alpine = engine.images.layers(engine.images.resolve('alpine')!);
});

const WORDS = [
  'echo', 'printf', 'mkdir', '-p', 'touch', 'rm', '-rf', 'cp', 'mv', 'ln', '-s', 'chmod', '755', 'chown', 'cat', 'ls', '-la', 'env',
  'head', 'tail', 'grep', 'wc', '-l', 'sed', 's/a/b/g', 'tee', 'find', 'tar', 'pwd', 'true', 'false', 'test', '-f', '-d', '[', ']',
  'which', 'id', 'whoami', 'uname', '-a', 'seq', '1', '99999', 'xargs', 'sort', 'uniq', 'tr', 'cd', 'export', 'unset', 'set', '-e', '-x',
  'exit', 'eval', 'command', '-v', 'apk', 'add', '--no-cache', 'curl', 'npm', 'install', 'node', 'wget', 'sh', '-c', 'yes', 'sleep', 'date',
  '/app', '/tmp/x', '/etc/passwd', '/', '..', '.', '*', '/*', '~', '$HOME', '$PATH', '$?', '$$', '$#', '$@', '$1', '${X}', '${X:-d}',
  'valueOf', 'toString', 'constructor', '__proto__', '/nonexistent',
  '${#X}', '"$X"', "'a b'", '"', "'", '\\', 'X=1', 'X=$X$X', '$(echo hi)', '`pwd`', '$((1+2))', '#', '<img src=x onerror=alert(1)>',
];
const OPS = [' ', ' ', ' ', ' | ', ' && ', ' || ', '; ', '\n', ' > /tmp/o', ' >> /tmp/o', ' 2>&1', ' < /etc/hostname', ' &'];
const simple = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }), { minLength: 1, maxLength: 5 });
const pipeline = fc.array(fc.tuple(simple, fc.constantFrom(...OPS)), { minLength: 1, maxLength: 5 }).map((parts) => parts.map(([w, op]) => w.join(' ') + op).join(''));
const compound: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: pipeline },
  { weight: 1, arbitrary: fc.tuple(pipeline, pipeline).map(([c, b]) => `if ${c}; then ${b}; fi`) },
  { weight: 1, arbitrary: fc.tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), pipeline).map(([ws, b]) => `for i in ${ws.join(' ')}; do ${b}; done`) },
  // A loop that never ends (Docker would run it forever) is stopped at the build's 10-minute virtual-time cap, 137.
  { weight: 1, arbitrary: fc.tuple(fc.nat(40), pipeline).map(([n, b]) => (n === 0 ? `while :; do ${b}; sleep 1; done` : `while false; do ${b}; done`)) },
  { weight: 1, arbitrary: pipeline.map((b) => `( ${b} )`) },
  { weight: 1, arbitrary: pipeline.map((b) => `{ ${b}; }`) },
);
const script = fc.oneof(
  { weight: 9, arbitrary: fc.array(compound, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('\n')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

const tally = new KnownIssueTally();

const host = new InProcessHost();

async function run(src: string): Promise<{ code: number; ms: number }> {
  const fs = new UnionFs(alpine, new Layer());
  const t0 = performance.now();
  let code: number;
  try {
    const r = await runProcess({ host, argv: ['/bin/sh', '-c', src], env: { PATH: DEFAULT_PATH }, cwd: '/', hostname: 'buildkitsandbox', user: '', owner: { uid: 0, gid: 0 }, fs, startTime: 0, seed: 1 });
    code = r.exitCode;
  } catch (e) {
    tally.absorb(e, src); // rethrows any crash not listed in known-issues.ts
    code = 0;
  }
  return { code, ms: performance.now() - t0 };
}

describe('RUN processes under random scripts', () => {
  it(`ends each of ${FUZZ_RUNS} random scripts with an exit status, never a throw or a hang`, async () => {
    const codes = new Set<number>();
    let slowest = { ms: 0, src: '' };
    await fc.assert(
      fc.asyncProperty(script, async (src) => {
        const { code, ms } = await run(src);
        expect(Number.isInteger(code), `exit ${code} for ${JSON.stringify(src)}`).toBe(true);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThanOrEqual(255);
        codes.add(code);
        if (ms > slowest.ms) slowest = { ms, src };
        // A RUN line must never freeze the build (generous: the suite may share the CPU with others).
        expect(ms, `slow script ${JSON.stringify(src)}`).toBeLessThan(10_000);
      }),
      fuzzParams(),
    );
    expect(codes.has(0)).toBe(true);
    expect([...codes].some((c) => c !== 0)).toBe(true);
    tally.report('build-shell');
  }, FUZZ_TIMEOUT_MS);

  for (const k of KNOWN_ISSUES.filter((i) => i.area === 'build')) it.todo(`known issue ${k.id}: \`${k.example}\` throws "${k.message}" (build)`);
});
