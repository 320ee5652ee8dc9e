/**
 * How many cases each fuzz/property suite runs. CI-sized by default (10,000); `npm run fuzz` sets
 * FUZZ_RUNS=100000. Each suite scales its own per-property count from this.
 */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 10_000);

/** Vitest timeout for a suite that runs FUZZ_RUNS cases: generous, scaled with the run count. */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 6);

/** fast-check parameters: FUZZ_RUNS cases, a seed from FUZZ_SEED when replaying a failure. */
export function fuzzParams(runs: number = FUZZ_RUNS): { numRuns: number; seed?: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return { numRuns: runs, ...(seed !== undefined ? { seed } : {}) };
}
