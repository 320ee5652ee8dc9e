/**
 * Property tests of the docker CLI front end (src/engine/cli/docker.ts) through `engine.run(argv, io)`:
 * random argv (real command paths, their real flags, garbage words) always ends in an exit code docker
 * uses, never a throw or a hang, and a non-zero exit always says something on stderr.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { commands } from '../../src/engine/cli/commands/index';
import { GLOBAL_FLAGS, DOCKER_TOP_LEVEL_COMMANDS } from '../../src/engine/cli/docker';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './runs';

const DOCKER_EXIT_CODES = new Set([0, 1, 2, 125, 126, 127, 130, 137, 143]);

const flagWords = (flags: { name: string; short?: string }[]) => flags.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
const ALL_FLAGS = [...new Set([...flagWords(GLOBAL_FLAGS), ...commands.flatMap((c) => flagWords(c.flags))])];
const PATHS = [...commands.flatMap((c) => [c.path, ...(c.aliases ?? [])]), ...DOCKER_TOP_LEVEL_COMMANDS.map((c) => [c])];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ALL_FLAGS) },
  { weight: 2, arbitrary: fc.constantFrom(...ALL_FLAGS).map((f) => `${f}=`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ALL_FLAGS), fc.string({ maxLength: 6 })).map(([f, v]) => `${f}=${v}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('--', '-', '-h', '--help', '-abc', '---x', '-=', 'alpine', 'alpine:3.20', 'nginx', 'diamol/ch03-web-ping',
      'localhost:5000/x', 'UPPER', 'a@sha256:00', '', ' ', '0', '-1', '1e999', '{{json .}}', '{{', '<img src=x onerror=alert(1)>', '\u001b[2J'),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 10 }) },
);
const argv = fc.tuple(
  fc.array(fc.constantFrom(...flagWords(GLOBAL_FLAGS), '-D', '--log-level=debug', '--context=default'), { maxLength: 2 }),
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PATHS) }, { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }) }),
  fc.array(word, { maxLength: 6 }),
).map(([g, p, rest]) => [...g, ...p, ...rest]);

/** Runs one command line and requires an exit code within `ms` (Ctrl-C after `abortAfter`). */
async function runBounded(engine: Engine, args: string[], ms = 5_000, abortAfter = 1_000) {
  const controller = new AbortController();
  const io = bufferIO({ signal: controller.signal });
  const abort = setTimeout(() => controller.abort(), abortAfter);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), ms)));
  try {
    const code = await Promise.race([engine.run(args, io), hang]);
    return { code, io };
  } finally {
    clearTimeout(abort);
    clearTimeout(timer);
  }
}

/**
 * Commands that wait on a running container (attached `run`, `start -a`, `attach`, `logs -f`, `wait`, `stats`,
 * `exec`): like docker, they may legitimately keep waiting after Ctrl-C when the program ignores SIGINT
 * (a pid-1 server such as nginx). They get a short budget, and still waiting is not a failure.
 */
function waitsOnContainer(args: string[]): boolean {
  const w = args.filter((a) => !a.startsWith('-'));
  const has = (...names: string[]) => names.some((n) => w.includes(n));
  return has('run', 'start', 'attach', 'logs', 'wait', 'stats', 'exec', 'restart', 'stop', 'kill') || args.includes('-f') || args.includes('--follow');
}

describe('docker CLI under random argv', () => {
  it(`ends each of ${FUZZ_RUNS} random command lines with a docker exit code`, async () => {
    let engine = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: 'FROM alpine\nCMD ["echo","hi"]\n' }) });
    let n = 0;
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // A fresh engine now and then, so state built by earlier cases (pulled images, logins) varies.
        if (++n % 500 === 0) engine = new Engine({ env: testEnv(n), context: memoryContext({ Dockerfile: 'FROM alpine\n' }) });
        const waits = waitsOnContainer(args);
        const { code, io } = await runBounded(engine, args, waits ? 300 : 5_000, waits ? 50 : 1_000);
        if (code === 'hang' && waits) return;
        expect(code, `docker ${JSON.stringify(args)} did not finish`).not.toBe('hang');
        expect(typeof code).toBe('number');
        // `curl` is Layerlab's own helper (curl's exit codes); `run`/`start -a`/`exec`/`attach` end with the
        // container's own code (node exits 9 on a bad option); everything else exits like the docker client.
        const codes = args.includes('curl') || waits ? null : DOCKER_EXIT_CODES;
        expect(Number.isInteger(code) && (code as number) >= 0 && (code as number) <= 255, `exit ${String(code)}`).toBe(true);
        if (codes) expect(codes.has(code as number), `exit ${String(code)} for ${JSON.stringify(args)}`).toBe(true);
        seen.add(code as number);
        if (code !== 0) expect(io.err.length + io.out.length, `silent failure for ${JSON.stringify(args)}`).toBeGreaterThan(0);
        // A command that throws is caught by the front end and shown as an internal error: that is a bug.
        expect(io.err, `docker ${JSON.stringify(args)}`).not.toContain('internal error');
      }),
      fuzzParams(),
    );
    // Both successes and usage errors were reached.
    expect(seen.has(0)).toBe(true);
    expect(seen.has(125) || seen.has(1)).toBe(true);
  }, FUZZ_TIMEOUT_MS);

  it('never throws on completely arbitrary string arrays', async () => {
    const engine = new Engine({ env: testEnv(), context: memoryContext({}) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 8 }), async (args) => {
        const { code } = await runBounded(engine, args);
        expect(typeof code).toBe('number');
      }),
      fuzzParams(Math.ceil(FUZZ_RUNS / 5)),
    );
  }, FUZZ_TIMEOUT_MS);
});
