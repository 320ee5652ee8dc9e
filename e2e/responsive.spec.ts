import { expect, test, type Page } from '@playwright/test';
import { focusEditor, openFresh } from './helpers';

/**
 * The engine runs in its own worker: during a big build the page keeps taking keys, and keys typed into the
 * editor meanwhile land in the file. The main-thread tasks seen meanwhile (Long Tasks API) are reported with the
 * test, not asserted: their length is a benchmark figure (`npm run bench`, target: none over 50 ms), not a test.
 */

type Hook = { store: { getState(): Record<string, (...a: unknown[]) => unknown> & { building: boolean; engine: { thread: string } | null } } };

/** A workspace made through the store's test hook (not the UI), opened as the active one. */
async function addWorkspace(page: Page, id: string, dockerfile: string, fileCount: number, fileBytes: number): Promise<void> {
  await page.evaluate(
    ([id, dockerfile, n, size]) => {
      const hook = (window as unknown as { __layerlab: Hook }).__layerlab;
      const files: Record<string, string | Uint8Array> = { Dockerfile: dockerfile };
      for (let i = 0; i < n; i++) {
        const b = new Uint8Array(size);
        for (let j = 0; j < size; j += 4) b[j] = (i * 131 + j) & 255;
        files[`data/d${i % 20}/f${i}.bin`] = b;
      }
      hook.store.getState().addWorkspace(id, { id, name: id, tag: id, files });
    },
    [id, dockerfile, fileCount, fileBytes] as const,
  );
}

/** Starts observing long tasks; `longTasks()` reads their durations. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
const dockerfileText = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __layerlab: { store: { getState(): { activeId: string; workspaces: { id: string; files: Record<string, unknown> }[] } } } }).__layerlab.store.getState();
    return String(s.workspaces.find((w) => w.id === s.activeId)?.files.Dockerfile);
  });
/** The active workspace's last build has ended and no build runs. */
const finished = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __layerlab: { store: { getState(): { building: boolean; activeId: string; builds: Record<string, { last: { state: string } | null }> } } } }).__layerlab.store.getState();
    const state = s.builds[s.activeId]?.last?.state;
    return !s.building && (state === 'finished' || state === 'failed');
  });

/** Clicks Build, types into the editor while it runs, waits for the end; returns the long tasks seen meanwhile. */
async function buildWhileTyping(page: Page, typed: string): Promise<number[]> {
  // the workspace's own saves and the first prediction settle before the measure starts
  await page.waitForTimeout(2500);
  await observeLongTasks(page);
  await page.getByTestId('build-button').click();
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(typed, { delay: 20 });
  await expect.poll(() => finished(page), { timeout: 120_000 }).toBe(true);
  // tasks that end the build (the last events, the layer stack, the save) are part of it
  await page.waitForTimeout(1500);
  return longTasks(page);
}

test.describe.configure({ timeout: 240_000 });

test('the engine runs in a worker: keys typed during a 2,000-file / 20 MB COPY build land in the file', async ({ page }, testInfo) => {
  await openFresh(page);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __layerlab: Hook }).__layerlab.store.getState().engine?.thread)).toBe('worker');
  await addWorkspace(page, 'big', 'FROM busybox\nCOPY . .\n', 2000, 10 * 1024);
  const tasks = await buildWhileTyping(page, '\n# typed during the build');
  testInfo.annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(tasks) });
  console.log('long tasks (ms):', JSON.stringify(tasks));
  expect(await dockerfileText(page)).toContain('# typed during the build');
  await expect(page.locator('[data-testid="layer"][data-line="2"]')).toHaveCount(1);
});

test('a Dockerfile of hundreds of instructions: the stack keeps only the bands near the scrolled-to part in the DOM', async ({ page }) => {
  await openFresh(page);
  await addWorkspace(page, 'envs', 'FROM busybox\n' + Array.from({ length: 300 }, (_, i) => `ENV V${i}=value${i}`).join('\n') + '\n', 0, 0);
  const stack = page.getByTestId('layer-stack');
  // the prediction's top bands (the last lines) are on screen, thousands of pixels of stack are not in the DOM
  await expect(stack.locator('[data-testid="layer"][data-line="301"]')).toBeVisible();
  const inDom = await stack.locator('[data-testid="layer"]').count();
  expect(inDom).toBeGreaterThan(3);
  expect(inDom).toBeLessThan(60);
  await expect(stack.locator('[data-testid="layer"][data-status="base"]')).toHaveCount(0);
  // scrolled to the bottom: the base image and the first instructions are there
  await page.getByTestId('stack-box').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(stack.locator('[data-testid="layer"][data-status="base"]')).toBeVisible();
  await expect(stack.locator('[data-testid="layer"][data-line="2"]')).toBeVisible();
  await expect(stack.locator('[data-testid="layer"][data-line="301"]')).toHaveCount(0);
});
