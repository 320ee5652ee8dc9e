import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * End-to-end tests run against the production build (`vite preview`) in Chromium.
 * Chromium is found by CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser.
 * If none exists the run fails and says how to get one; it never skips silently.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: let it pick it.
  } catch {
    // not installed
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

const executablePath = findChromium();
const port = Number(process.env.E2E_PORT || 4173);
/** Tests run one at a time with nothing beside them (matched against "project file describe title tags"). */
const ALONE = [/@alone\b/, /\bupload\.spec\.ts\b/, /\bresponsive\.spec\.ts\b/];

export default defineConfig({
  testDir: 'e2e',
  // Generous for a shared 2-core machine with two browsers open (a load of 20 made a 13 s test take over 60 s);
  // a timeout costs time only when a test fails anyway.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Two workers share the machine's two cores: most tests wait on the engine, debounces and the browser much of the
  // time. Tests that measure the page's responsiveness (frame gaps, stalls, a prediction's time, keys typed during a
  // build, a program run out of memory before the CPU watchdog stops it) run afterwards, one at a time: the
  // `alone` project holds the tests tagged @alone and the specs named below, and runs as the teardown of the
  // `shared` project, so it starts once every shared test has ended and runs even when one of them failed.
  workers: 2,
  // One retry: a test that passes only on its retry is reported as flaky in the summary, not hidden.
  retries: 1,
  // `list` for people, then the slowest tests of the run; every test's duration in timings/e2e.json (not in
  // test-results/, which each run empties first).
  reporter: [['list'], ['./e2e/slowest-reporter.ts'], ['json', { outputFile: 'timings/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'shared', grepInvert: ALONE, fullyParallel: true, teardown: 'alone' },
    { name: 'alone', grep: ALONE, workers: 1 },
  ],
  webServer: {
    command: `npx vite preview${process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : ""} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
