/**
 * Property tests of persisted-state loading: `new Engine({ snapshot })` / `engine.restore()` fed damaged
 * snapshots (a real snapshot with random parts replaced, and plain garbage). Each case ends in one of two
 * ways: the engine refuses with an Error the host can report (the browser's damaged-store screen, the Node
 * CLI's "cannot restore state" message), or it comes up and every read-only command still answers with an
 * exit code, never an internal error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, type EngineSnapshot } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './runs';
import { KNOWN_ISSUES, KnownIssueTally } from './known-issues';

const tally = new KnownIssueTally();

const READ_COMMANDS: string[][] = [['images', '-a', '--digests'], ['ps', '-a']];

let good: EngineSnapshot;
let goodJson: unknown;

beforeAll(async () => {
  const engine = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: 'FROM alpine\nCMD ["echo","hi"]\n' }) });
  const io = bufferIO();
  // A small image keeps each restore cheap, so 10,000 cases fit in a few seconds.
  await engine.run(['pull', 'hello-world'], io);
  await engine.run(['tag', 'hello-world', 'mine:1'], io);
  await engine.run(['login', '-u', 'learner', '-p', 'pw'], io);
  good = engine.snapshot();
  goodJson = JSON.parse(JSON.stringify(good));
});

const jsonValue = fc.jsonValue({ maxDepth: 2, depthSize: 'xsmall' }) as fc.Arbitrary<unknown>;

/** A copy of `root` (a JSON tree) with the value at a random path replaced by `value`; copies only that path. */
function mutate(root: unknown, picks: number[], value: unknown): unknown {
  if (picks.length === 0 || typeof root !== 'object' || root === null) return value;
  const keys = Object.keys(root);
  if (keys.length === 0) return value;
  const k = keys[picks[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  (copy as Record<string, unknown>)[k] = mutate((root as Record<string, unknown>)[k], picks.slice(1), value);
  return copy;
}

/**
 * Every read-only command answers with an exit code and no internal error, and the engine can be saved again
 * (each subsystem validates its slice on restore and refuses a damaged one).
 */
let turn = 0;
async function usable(engine: Engine, label: string): Promise<void> {
  // One read command per case, in turn (keeps 10,000 cases within a few seconds).
  for (const argv of [READ_COMMANDS[turn++ % READ_COMMANDS.length]]) {
    const io = bufferIO();
    const code = await engine.run(argv, io);
    expect(typeof code).toBe('number');
    expect(io.err, `docker ${argv.join(' ')} after restoring ${label}`).not.toContain('internal error');
  }
  expect(() => JSON.stringify(engine.snapshot()), `snapshot() after restoring ${label}`).not.toThrow();
}

async function loadOrRefuse(snapshot: unknown): Promise<'refused' | 'loaded'> {
  let engine: Engine;
  try {
    engine = new Engine({ env: testEnv(), snapshot: snapshot as EngineSnapshot });
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message.length).toBeGreaterThan(0);
    return 'refused';
  }
  await usable(engine, JSON.stringify(snapshot)?.slice(0, 200) ?? String(snapshot));
  return 'loaded';
}

describe('Restoring damaged engine state', () => {
  it('restores a good snapshot exactly', async () => {
    const engine = new Engine({ env: testEnv(), snapshot: goodJson as EngineSnapshot });
    expect(engine.snapshot()).toEqual(goodJson);
    for (const argv of READ_COMMANDS) {
      const io = bufferIO();
      expect(await engine.run(argv, io), io.err).toBe(0);
    }
  });

  it(`refuses or survives each of ${FUZZ_RUNS} damaged snapshots`, async () => {
    const outcomes = { refused: 0, loaded: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), jsonValue, async (picks, value) => {
        outcomes[await loadOrRefuse(mutate(goodJson, picks, value))]++;
      }),
      fuzzParams(),
    );
    expect(outcomes.loaded).toBeGreaterThan(0);
    tally.report('snapshot');
    tally.reset();
  }, FUZZ_TIMEOUT_MS);

  it('refuses or survives plain garbage in place of the snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(jsonValue, fc.dictionary(fc.constantFrom('version', 'images', 'registry', 'containers', 'builds'), jsonValue)),
        async (garbage) => {
          await loadOrRefuse(garbage);
        },
      ),
      fuzzParams(Math.ceil(FUZZ_RUNS / 5)),
    );
    tally.report('snapshot (garbage)');
  }, FUZZ_TIMEOUT_MS);

  for (const k of KNOWN_ISSUES.filter((i) => i.id.startsWith('restore-'))) it.todo(`known issue ${k.id}: ${k.example} (${k.area})`);
});
