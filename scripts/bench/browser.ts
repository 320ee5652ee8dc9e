/// <reference lib="dom" />
/**
 * The browser half of the benchmarks (issues 5 and 6): Playwright drives the production build in Chromium.
 *  - `docker run` to first log line, image local; `docker run -d` to container ID
 *  - 20 containers running: frame times while the containers panel is shown
 *  - keystroke → updated what-if prediction, for every example workspace
 *  - the build animation with 60 layers: frame times
 *  - Lighthouse performance score (when the lighthouse package is installed)
 * Frame times are sampled with requestAnimationFrame: the interval between frames, and the main-thread work
 * of each frame (from its rAF callback to a message posted from it, which runs after style, layout and paint).
 */
import { writeUploadProject } from '../../e2e/uploadProject';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { median, ms, notMeasured, type Row } from './table';

const PORT = Number(process.env.BENCH_PORT || 4176);
const DIST = process.env.BENCH_DIST || '/tmp/ll-dist-bench';
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const F = {
  run: 'docker run → first log line in the terminal, image local (median of 5)',
  runD: 'docker run -d → container ID in the terminal, image local (median of 5)',
  twenty: '20 containers running: frame time while the containers panel shows them',
  predict: 'keystroke → updated what-if prediction on screen, slowest example (median of 5 keys)',
  anim: 'build animation, 60 layers: frame time',
  lighthouse: 'Lighthouse performance score, production build',
  longTask: 'longest main-thread task during a build: 2,000 files / 20 MB COPY, and 8,000 ENV lines (legacy builder)',
  upload: 'longest main-thread task during a 5,000-file folder upload (folder input), to the workspace shown and saved',
};

export function browserFallbackRows(reason: string): Row[] {
  return [
    notMeasured('5', F.run, '< 100 ms', reason),
    notMeasured('5', F.twenty, 'median < 16 ms', reason),
    notMeasured('6', F.predict, '< 100 ms', reason),
    notMeasured('6', F.anim, '60 fps', reason),
    notMeasured('6', F.lighthouse, '≥ 95', reason),
    notMeasured('engine worker', F.longTask, '≤ 50 ms', reason),
    notMeasured('upload', F.upload, '≤ 50 ms', reason),
  ];
}

async function waitHttp(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 30_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const termText = (page: Page) => page.evaluate(() => (window as unknown as { __layerlabTerminalText: () => string }).__layerlabTerminalText());
const prompts = (s: string) => (s.match(/^\$ /gm) ?? []).length;

async function openFresh(page: Page): Promise<void> {
  await page.goto(BASE + '/');
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    await new Promise((r) => {
      const d = indexedDB.deleteDatabase('layerlab');
      d.onsuccess = d.onerror = d.onblocked = () => r(null);
    });
  });
  await page.reload();
  await page.getByTestId('build-button').waitFor();
  await until(() => page.getByTestId('build-button').isEnabled(), (v) => v, 30_000, 'the build button');
  await page.waitForFunction(() => typeof (window as unknown as { __layerlabTerminalText?: unknown }).__layerlabTerminalText === 'function');
  await page.getByTestId('monaco').waitFor();
}

/** Types a command and waits for the prompt to come back; returns the new terminal text. */
async function typeCommand(page: Page, line: string): Promise<string> {
  const before = await termText(page);
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await until(() => termText(page), (t) => prompts(t) > prompts(before), 60_000, `the prompt after ${line}`);
  return (await termText(page)).slice(before.length);
}

/**
 * Types `line`, then measures from the Enter keydown (page clock) until the terminal's text matches
 * `pattern` more often than before (checked every animation frame) and that frame has been painted.
 */
async function enterToText(page: Page, line: string, pattern: RegExp): Promise<number> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  const h = await page.evaluateHandle(([src, flags]) => {
    const re = new RegExp(src, flags.includes('g') ? flags : flags + 'g');
    const text = () => (window as unknown as { __layerlabTerminalText: () => string }).__layerlabTerminalText();
    const count = () => (text().match(re) ?? []).length;
    const base = count();
    // Wrapped in an object: evaluateHandle would otherwise wait for the promise (which needs the Enter below).
    return { done: new Promise<number>((resolve) => {
      let t0 = -1;
      document.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && t0 < 0) t0 = performance.now();
      }, { capture: true, once: true });
      const tick = () => {
        if (t0 >= 0 && count() > base) {
          // The text is in the terminal's buffer, and xterm draws it in this frame: stop the clock after that
          // frame's paint (a message posted from a rAF callback runs after style, layout and paint).
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }) };
  }, [pattern.source, pattern.flags] as const);
  await page.keyboard.press('Enter');
  if (process.env.BENCH_DEBUG) process.stderr.write(`bench: enter pressed for ${line}\n`);
  const dt = await Promise.race([h.evaluate((o) => o.done), new Promise<number>((_, rej) => setTimeout(() => rej(new Error(`no ${pattern} after ${line}`)), 30_000))]);
  await until(() => termText(page), (t) => /\$ $/.test(t.trimEnd() + ' '), 30_000, 'the prompt');
  return dt;
}

interface Frames {
  frames: number;
  intervalMedian: number;
  intervalP95: number;
  workMedian: number;
  workP95: number;
}

async function sampleFrames(page: Page, durationMs: number): Promise<Frames> {
  return page.evaluate(
    (dur) =>
      new Promise<Frames>((resolve) => {
        const intervals: number[] = [];
        const work: number[] = [];
        let last = -1;
        const end = performance.now() + dur;
        const tick = (t: number) => {
          if (last >= 0) intervals.push(t - last);
          last = t;
          const s = performance.now();
          const ch = new MessageChannel();
          ch.port1.onmessage = () => work.push(performance.now() - s);
          ch.port2.postMessage(0);
          if (t < end) requestAnimationFrame(tick);
          else {
            const q = (xs: number[], p: number) => {
              const a = [...xs].sort((x, y) => x - y);
              return a[Math.min(a.length - 1, Math.floor(p * a.length))] ?? Infinity;
            };
            setTimeout(() => resolve({ frames: intervals.length, intervalMedian: q(intervals, 0.5), intervalP95: q(intervals, 0.95), workMedian: q(work, 0.5), workP95: q(work, 0.95) }), 50);
          }
        };
        requestAnimationFrame(tick);
      }),
    durationMs,
  );
}

const fps = (f: Frames) => `${(1000 / f.intervalMedian).toFixed(0)} fps`;
const frameValue = (f: Frames) => `work/frame median ${ms(f.workMedian)} (p95 ${ms(f.workP95)}); interval median ${ms(f.intervalMedian)} = ${fps(f)} (p95 ${ms(f.intervalP95)}), ${f.frames} frames`;

async function benchRun(page: Page): Promise<Row[]> {
  await openFresh(page);
  await typeCommand(page, 'docker pull node:20-alpine');
  await typeCommand(page, 'docker run --rm node:20-alpine node -e "1"'); // first worker start (warm-up)
  const first: number[] = [];
  for (let i = 0; i < 5; i++) first.push(await enterToText(page, `docker run --rm node:20-alpine node -e "console.log('ready${i}')"`, new RegExp(`^ready${i}`, 'm')));
  const detached: number[] = [];
  for (let i = 0; i < 5; i++) detached.push(await enterToText(page, `docker run -d --name d${i} node:20-alpine node -e "1"`, /^[0-9a-f]{64}\s*$/m));
  const m = median(first);
  const d = median(detached);
  return [
    { issue: '5', figure: F.run, value: ms(m), target: '< 100 ms', pass: m < 100, note: 'attached, so the log line is visible: an upper bound for run -d + first log line' },
    { issue: '5', figure: F.runD, value: ms(d), target: '< 100 ms', pass: d < 100 },
  ];
}

async function benchTwenty(page: Page): Promise<Row[]> {
  await openFresh(page);
  await typeCommand(page, 'docker pull diamol/ch03-web-ping');
  for (let i = 1; i <= 20; i++) await typeCommand(page, `docker run -d --name w${i} diamol/ch03-web-ping`);
  const ps = await typeCommand(page, 'docker ps -q');
  const running = ps.split('\n').filter((l) => /^[0-9a-f]{12}\s*$/.test(l.trim())).length;
  await page.getByRole('tab', { name: 'Containers' }).click();
  await page.waitForTimeout(500);
  const f = await sampleFrames(page, 4000);
  return [{ issue: '5', figure: F.twenty, value: frameValue(f), target: 'median < 16 ms', pass: running >= 20 && f.workMedian < 16 && f.intervalMedian < 17.5, note: `${running} running` }];
}

async function benchPredict(page: Page): Promise<Row[]> {
  await openFresh(page);
  const ids = await page.getByTestId('workspace-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const results: { id: string; t: number }[] = [];
  for (const id of ids) {
    await page.getByTestId('workspace-select').selectOption(id);
    await page.getByTestId('file-tree').getByRole('button', { name: 'Dockerfile', exact: true }).click();
    await page.getByTestId('build-button').click();
    await until(() => page.getByTestId('build-button').isEnabled(), (v) => v, 60_000, 'the build');
    await page.locator('.monaco-host').click({ position: { x: 120, y: 12 } });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ENV BENCH=');
    await page.waitForTimeout(300);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const h = await page.evaluateHandle(() => {
        const stack = document.querySelector('[data-testid="layer-stack"]')!;
        return { done: new Promise<number>((resolve, reject) => {
          let t0 = -1;
          document.addEventListener('keydown', () => {
            if (t0 < 0) t0 = performance.now();
          }, { capture: true, once: true });
          // The first change of the layer stack after the key: the predicted bands (their labels carry the
          // edited instruction) or the prediction timing.
          const obs = new MutationObserver(() => {
            if (t0 >= 0) {
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0)); // until the next frame is drawn
            }
          });
          obs.observe(stack, { subtree: true, attributes: true, childList: true, characterData: true });
          setTimeout(() => reject(new Error('no prediction update within 5 s')), 5000);
        }) };
      });
      await page.keyboard.type(String(k + 1));
      times.push(await h.evaluate((o) => o.done));
      await page.waitForTimeout(200);
    }
    results.push({ id, t: median(times) });
  }
  const worst = results.reduce((a, b) => (b.t > a.t ? b : a));
  return [{ issue: '6', figure: F.predict, value: `${ms(worst.t)} (${worst.id}); ${results.map((r) => `${r.id} ${ms(r.t)}`).join(', ')}`, target: '< 100 ms', pass: worst.t < 100 }];
}

async function benchAnimation(page: Page): Promise<Row[]> {
  await openFresh(page);
  await typeCommand(page, 'docker pull alpine');
  await page.getByTestId('file-tree').getByRole('button', { name: 'Dockerfile', exact: true }).click();
  await page.locator('.monaco-host').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(['FROM alpine', ...Array.from({ length: 60 }, (_, i) => `RUN echo layer ${i} > /layer${i}`)].join('\n') + '\n');
  await page.waitForTimeout(500);
  await page.getByTestId('build-button').click();
  const f = await sampleFrames(page, 5000);
  const bands = await page.getByTestId('layer-stack').locator('[data-testid="layer"]').count();
  await until(() => page.getByTestId('build-button').isEnabled(), (v) => v, 120_000, 'the build');
  return [{ issue: '6', figure: F.anim, value: frameValue(f), target: '60 fps (interval median ≤ 16.7 ms, work < 16 ms)', pass: f.intervalMedian <= 17.5 && f.workMedian < 16, note: `${bands} bands drawn` }];
}

/**
 * The engine runs in its own worker: the longest main-thread task (Long Tasks API, observed from the click on
 * Build to the end of the build) of a `FROM busybox` + `COPY . .` build of 2,000 files / 20 MB made through the
 * store's test hook, and of 8,000 ENV lines with the legacy builder.
 */
async function benchLongTasks(page: Page): Promise<Row[]> {
  const one = async (id: string, dockerfile: string, files: number, builder: 'buildkit' | 'legacy'): Promise<{ longest: number; wallMs: number }> => {
    await openFresh(page);
    await page.evaluate(
      ([id, dockerfile, n]) => {
        const files: Record<string, string | Uint8Array> = { Dockerfile: dockerfile };
        for (let i = 0; i < n; i++) {
          const b = new Uint8Array(10 * 1024);
          for (let j = 0; j < b.length; j += 4) b[j] = (i * 131 + j) & 255;
          files[`data/d${i % 20}/f${i}.bin`] = b;
        }
        const store = (window as unknown as { __layerlab: { store: { getState(): { addWorkspace(n: string, w: unknown): void } } } }).__layerlab.store;
        store.getState().addWorkspace(id, { id, name: id, tag: id, files });
      },
      [id, dockerfile, files] as const,
    );
    await page.getByTestId('build-builder').selectOption(builder);
    await page.waitForTimeout(2500);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByTestId('build-button').click();
    const ended = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __layerlab: { store: { getState(): { building: boolean; activeId: string; builds: Record<string, { last: { state: string } | null }> } } } }).__layerlab.store.getState();
        const state = s.builds[s.activeId]?.last?.state;
        return !s.building && (state === 'finished' || state === 'failed');
      });
    await until(ended, (v) => v, 300_000, 'the build');
    const wallMs = Date.now() - t0;
    await page.waitForTimeout(1000);
    return { longest: await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks)), wallMs };
  };
  const copy = await one('big', 'FROM busybox\nCOPY . .\n', 2000, 'buildkit');
  const envs = await one('envs', 'FROM busybox\n' + Array.from({ length: 8000 }, (_, i) => `ENV V${i}=value${i}`).join('\n') + '\n', 0, 'legacy');
  const worst = Math.max(copy.longest, envs.longest);
  const { loadavg } = await import('node:os');
  return [
    {
      issue: 'engine worker',
      figure: F.longTask,
      value: `COPY ${ms(copy.longest)}, ENV ${ms(envs.longest)}`,
      target: '≤ 50 ms',
      pass: worst <= 50,
      // task lengths are wall-clock: other work on the machine lengthens them
      note: `click → Build enabled again: COPY ${(copy.wallMs / 1000).toFixed(1)} s, ENV ${(envs.wallMs / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`,
    },
  ];
}

/**
 * A 5,000-file folder (50 folders of 100 small files, a Dockerfile, a .dockerignore, and 200 files of a
 * node_modules it excludes) picked with the folder input, as the upload e2e spec does. The longest
 * main-thread task (Long Tasks API) from the input's change event until a second after the workspace is
 * shown, and the wall time from the change event to the notice that the workspace is there. The task that
 * hands the files to the input (Playwright's transfer, which dispatches the change event) is not ours and is
 * given apart, with how long the page's change handlers took inside it.
 */
async function benchUpload(page: Page): Promise<Row[]> {
  const { rmSync } = await import('node:fs');
  const { loadavg } = await import('node:os');
  const { dirname } = await import('node:path');
  const root = writeUploadProject('layerlab-bench-upload-');
  const dir = dirname(root);
  try {
    await openFresh(page);
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: [number, number][]; __changeAt: number; __handlers: number; __shownAt: number };
      w.__tasks = [];
      w.__changeAt = -1;
      w.__shownAt = -1;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      const input = document.querySelector('[data-testid="upload-folder"]')!;
      input.addEventListener('change', () => (w.__changeAt = performance.now()), { capture: true, once: true });
      // after the page's own handler (bubble phase, on the document): how long the handlers took
      document.addEventListener('change', () => (w.__handlers = performance.now() - w.__changeAt), { once: true });
      new MutationObserver((_, o) => {
        if (document.querySelector('[data-testid="import-notice"]')) {
          w.__shownAt = performance.now();
          o.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId('upload-folder').setInputFiles(root);
    await until(() => page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt), (v) => v > 0, 180_000, 'the import notice');
    const notice = await page.getByTestId('import-notice').textContent();
    if (!/Imported 5,000 files/.test(notice ?? '')) throw new Error(`unexpected notice: ${notice}`);
    await page.waitForTimeout(1500);
    const r = await page.evaluate(() => {
      const w = window as unknown as { __tasks: [number, number][]; __changeAt: number; __handlers: number; __shownAt: number };
      const transfer = w.__tasks.find(([s, d]) => s <= w.__changeAt && w.__changeAt <= s + d);
      const ours = w.__tasks.filter((t) => t !== transfer && t[0] >= w.__changeAt - 1);
      return {
        longest: Math.max(0, ...ours.map(([, d]) => d)),
        over50: ours.filter(([, d]) => d > 50).length,
        count: ours.length,
        transfer: transfer?.[1] ?? 0,
        handlers: w.__handlers,
        wall: w.__shownAt - w.__changeAt,
      };
    });
    return [
      {
        issue: 'upload',
        figure: F.upload,
        value: `${ms(r.longest)} (${r.over50} tasks over 50 ms, ${r.count} long tasks)`,
        target: '≤ 50 ms',
        pass: r.longest <= 50,
        // task lengths are wall-clock: other work on the machine lengthens them
        note: `change event → workspace shown ${(r.wall / 1000).toFixed(1)} s; the input's transfer task ${ms(r.transfer)} (the page's change handlers ${ms(r.handlers)} of it); load average ${loadavg()[0].toFixed(1)}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type LighthouseResult = { lhr: { categories: { performance: { score: number | null } }; audits: Record<string, { displayValue?: string; numericValue?: number }> } };

/**
 * Lighthouse performance of the production build, offline against `vite preview`: LH_RUNS runs (default 3) with
 * Lighthouse's default mobile emulation + simulated throttling (the headline figure), then the same with its
 * desktop preset; each row is the median run by score (its metrics are that run's). Other work on the machine
 * raises the observed task times and so TBT: the note gives the load average.
 */
async function benchLighthouse(): Promise<Row[]> {
  let lighthouse: (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<LighthouseResult | undefined>;
  let launch: (o: Record<string, unknown>) => Promise<{ port: number; kill: () => void }>;
  let desktopConfig: unknown;
  try {
    lighthouse = (await import('lighthouse' as string)).default;
    launch = (await import('chrome-launcher' as string)).launch;
    desktopConfig = (await import('lighthouse/core/config/desktop-config.js' as string)).default;
  } catch {
    return [notMeasured('6', F.lighthouse, '≥ 95', 'the lighthouse package is not installed (npm i -D lighthouse)')];
  }
  const runs = Math.max(1, Number(process.env.LH_RUNS || 3));
  const { loadavg } = await import('node:os');
  const measure = async (config: unknown): Promise<{ score: number; detail: string; scores: number[]; load: string } | string> => {
    const results: { score: number; detail: string }[] = [];
    const loads: number[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push(loadavg()[0]);
      const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...ARGS] });
      try {
        const r = await lighthouse(BASE + '/', { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' }, config);
        const score = r?.lhr.categories.performance.score;
        if (score == null) return 'Lighthouse returned no performance score';
        const a = r!.lhr.audits;
        const detail = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
          .map((k) => `${k.split('-').map((w) => w[0].toUpperCase()).join('')} ${a[k]?.displayValue ?? '?'}`)
          .join(', ');
        results.push({ score: Math.round(score * 100), detail });
      } finally {
        chrome.kill();
      }
    }
    results.sort((x, y) => x.score - y.score);
    const mid = results[Math.floor((results.length - 1) / 2)];
    return { ...mid, scores: results.map((x) => x.score), load: loads.map((l) => l.toFixed(1)).join('/') };
  };
  const rows: Row[] = [];
  for (const [label, config, note] of [
    [F.lighthouse, undefined, 'Lighthouse default mobile emulation + simulated throttling (headline)'],
    [`${F.lighthouse}, desktop preset`, desktopConfig, 'Lighthouse desktop preset (formFactor/screenEmulation desktop), for reference'],
  ] as const) {
    process.stderr.write(`bench: browser: lighthouse ${config ? 'desktop' : 'mobile'} ×${runs}…\n`);
    const m = await measure(config);
    if (typeof m === 'string') {
      rows.push(notMeasured('6', label, '≥ 95', m));
      continue;
    }
    rows.push({
      issue: '6',
      figure: label,
      value: `${m.score} (${m.detail})`,
      target: '≥ 95',
      pass: m.score >= 95,
      note: `${note}; median of ${runs} (scores ${m.scores.join(', ')}; load average ${m.load})`,
    });
  }
  return rows;
}

export async function benchBrowser(o: { onDist: (d: string) => void; build?: boolean }): Promise<Row[]> {
  if (!CHROMIUM) return browserFallbackRows('no Chromium (set CHROMIUM_PATH or install chromium)');
  if (o.build !== false && !process.argv.includes('--no-build')) {
    process.stderr.write(`bench: vite build --outDir ${DIST}…\n`);
    const b = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (b.status !== 0) return browserFallbackRows(`vite build failed: ${(b.stderr || b.stdout).slice(-200)}`);
  }
  if (!existsSync(`${DIST}/index.html`)) return browserFallbackRows(`${DIST}/index.html is missing`);
  o.onDist(DIST);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const rows: Row[] = [];
  try {
    server = spawn('npx', ['vite', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
    await waitHttp(BASE + '/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it defined there.
    await ctx.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    const all: [string, (p: Page) => Promise<Row[]>, Row[]][] = [
      ['run', benchRun, [notMeasured('5', F.run, '< 100 ms', '')]],
      ['twenty', benchTwenty, [notMeasured('5', F.twenty, 'median < 16 ms', '')]],
      ['predict', benchPredict, [notMeasured('6', F.predict, '< 100 ms', '')]],
      ['animation', benchAnimation, [notMeasured('6', F.anim, '60 fps', '')]],
      ['longtask', benchLongTasks, [notMeasured('engine worker', F.longTask, '≤ 50 ms', '')]],
      ['upload', benchUpload, [notMeasured('upload', F.upload, '≤ 50 ms', '')]],
    ];
    // BENCH_ONLY=run,predict measures only those parts (for debugging a figure).
    const only = process.env.BENCH_ONLY?.split(',');
    const parts = only ? all.filter(([name]) => only.includes(name)) : all;
    for (const [name, fn, fallback] of parts) {
      process.stderr.write(`bench: browser: ${name}…\n`);
      const page = await ctx.newPage();
      try {
        rows.push(...(await fn(page)));
      } catch (e) {
        const reason = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e);
        rows.push(...fallback.map((r) => ({ ...r, value: `not measured: ${reason}` })));
      } finally {
        await page.close();
      }
    }
    await browser.close();
    browser = undefined;
    process.stderr.write('bench: browser: lighthouse…\n');
    try {
      if (!only || only.includes('lighthouse')) rows.push(...(await benchLighthouse()));
    } catch (e) {
      rows.push(notMeasured('6', F.lighthouse, '≥ 95', e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e)));
    }
  } finally {
    await browser?.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  }
  return rows;
}
