import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default in run mode is one worker fewer than the cores: one worker on a 2-core machine. The specs
    // wait on child processes and sandbox workers much of the time, so two workers share two cores well.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'engine',
          include: ['src/engine/**/*.test.ts', 'src/node/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/npm-registry.ts'],
          // Some specs start the headless CLI as a child process or run 10,000-case property tests;
          // on a loaded 2-core machine they need more than the 5 s default.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'ui',
          include: ['src/ui/**/*.test.{ts,tsx}', 'src/lessons/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/npm-registry.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
