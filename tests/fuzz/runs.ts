/**
 * How many cases each fuzz/property suite runs. CI-sized by default (10,000); `npm run fuzz` sets
 * FUZZ_RUNS=100000. Each suite scales its own per-property count from this.
 */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 10_000);

/** Vitest timeout for a suite that runs FUZZ_RUNS cases: generous, scaled with the run count. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 6);

/**
 * The seed of the CI-sized run: `npm test` is deterministic (the same cases every run); `npm run fuzz` (FUZZ_RUNS
 * set) explores with a fresh seed each time, and FUZZ_SEED replays any run.
 */
const CI_SEED = 89943722;

/** fast-check parameters: FUZZ_RUNS cases; FUZZ_SEED, else the CI seed unless FUZZ_RUNS asks for exploration. */
export function fuzzParams(runs: number = FUZZ_RUNS): { numRuns: number; seed?: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : CI_SEED;
  return { numRuns: runs, ...(seed !== undefined ? { seed } : {}) };
}
