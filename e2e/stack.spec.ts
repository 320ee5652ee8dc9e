import { expect, test, type Page } from '@playwright/test';
import { bands, bandStatuses, openFile, openFresh, setEditorText, terminalText } from './helpers';

test.describe.configure({ timeout: 120_000 });

async function build(page: Page) {
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await expect.poll(async () => (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length, { timeout: 30_000 }).toBe(0);
}

/** Texts inside the stack's bands whose content is wider or taller than their box (cut off on screen). */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.getByTestId('layer-stack').evaluate((root) => {
    const out: string[] = [];
    for (const band of root.querySelectorAll<HTMLElement>('[data-testid="layer"]')) {
      for (const el of [band, ...band.querySelectorAll<HTMLElement>('*')]) {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(el.textContent ?? '');
        const s = getComputedStyle(el);
        if (s.textOverflow === 'ellipsis' && s.overflow === 'hidden') out.push(`ellipsis: ${el.textContent}`);
      }
      // every text node lies inside its band
      const box = band.getBoundingClientRect();
      const walker = document.createTreeWalker(band, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const r = document.createRange();
        r.selectNodeContents(n);
        for (const rect of r.getClientRects()) {
          if (rect.right > box.right + 1 || rect.left < box.left - 1 || rect.bottom > box.bottom + 1) out.push(`outside: ${n.textContent}`);
        }
      }
    }
    return out;
  });
}

const LONG = 'FROM diamol/node\nENV TARGET="blog.sixeyed.com" METHOD="HEAD"\nWORKDIR /web-ping/application/src\nCOPY app.js /web-ping/application/src/\nRUN echo "a forty character long shell command"\nCMD ["node", "/web-ping/application/src/app.js"]\n';

test('bands show instruction, status and reason as text, none of it cut off at 1280x800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFresh(page);
  await openFile(page, 'Dockerfile');
  await setEditorText(page, LONG);
  await build(page);
  for (const line of LONG.split('\n').slice(1, -1)) expect(line.length).toBeLessThanOrEqual(48);
  expect(await clippedTexts(page)).toEqual([]);
  // reasons are visible text, not only a title attribute
  const run = page.locator('[data-testid="layer"][data-line="5"]');
  await expect(run).toContainText('RUN echo "a forty character long shell command"');
  await expect(run.locator('.ls-reason')).toBeVisible();
  await expect(run.locator('.ls-reason')).toHaveText('parent layer rebuilt at line 3');
  await expect(page.locator('[data-testid="layer"][data-line="3"] .ls-reason')).toHaveText('not in the cache yet');
  expect(await page.locator('[data-testid="layer-stack"] [title]').count()).toBe(0);
  // BuildKit: ENV and CMD are config annotations with the reason the layers above stay cached
  const env = page.locator('[data-testid="layer"][data-line="2"]');
  await expect(env).toHaveAttribute('data-kind', 'config');
  await expect(env).toContainText('config only: no step, no cache check');
  await expect(page.getByTestId('stack-config-note')).toContainText('BuildKit writes these into the image config without running a step');

  // an edit of the app file: COPY says why, the RUN above says its parent changed
  await openFile(page, 'app.js');
  await page.locator('.monaco-host').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('// changed');
  await expect(page.locator('[data-testid="layer"][data-line="4"]')).toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('[data-testid="layer"][data-line="4"] .ls-reason')).toHaveText('app.js changed');
  await expect(page.locator('[data-testid="layer"][data-line="5"] .ls-reason')).toHaveText(/parent layer rebuilt at line 4/);
  expect(await clippedTexts(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/stack-en-light.png' });
});

test('a Dockerfile that does not parse shows the failed state, not the previous bands', async ({ page }) => {
  await openFresh(page);
  await build(page);
  await openFile(page, 'Dockerfile');
  await setEditorText(page, 'FORM node\n');
  const stack = page.getByTestId('layer-stack');
  await expect(stack).toHaveAttribute('data-mode', 'error');
  await expect(stack.getByTestId('stack-error')).toContainText('FORM');
  await expect(bands(page)).toHaveCount(0);
  await setEditorText(page, 'FROM diamol/node\nCMD ["node"]\n');
  await expect(stack).toHaveAttribute('data-mode', 'prediction');
  await expect(bands(page)).not.toHaveCount(0);
});

test('size and time views; the base image is the biggest block by size', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFresh(page);
  await build(page);
  const stack = page.getByTestId('layer-stack');
  await expect(stack).toHaveAttribute('data-scale', 'size');
  const base = page.locator('[data-testid="layer"][data-kind="base-group"]');
  const copy = page.locator('[data-testid="layer"][data-line="8"]');
  const baseH = (await base.boundingBox())!.height;
  const copyH = (await copy.boundingBox())!.height;
  // the 75 MB base is clearly the biggest block, the 944-byte COPY a text-high band (which may wrap to three lines)
  expect(baseH).toBeGreaterThan(copyH * 1.5);
  for (const h of await page.locator('[data-testid="layer"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(baseH).toBeGreaterThanOrEqual(h);
  await page.getByTestId('stack-scale-time').click();
  await expect(stack).toHaveAttribute('data-scale', 'time');
  await expect(copy).toContainText(/\d\.\d s/);
  await expect(page.getByTestId('stack-scale-time')).toHaveAttribute('aria-checked', 'true');
});

test('the terminal summary line says what the stack says, after the stack has finished', async ({ page }) => {
  await openFresh(page);
  await build(page);
  const summary = (await page.getByTestId('layers-summary').locator('p').first().textContent())!;
  expect(summary).toMatch(/Built web-ping:latest in [\d.]+ s: 2 built, 0 cached \+ 4 config-only/);
  await expect.poll(() => terminalText(page)).toContain(`Layerlab: ${summary}`);
});

test('pause and step: the stack and the terminal wait together', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('stack-speed').selectOption({ label: 'Slow' });
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('stack-pause')).toBeEnabled();
  await page.getByTestId('stack-pause').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stack-pause')).toHaveAttribute('aria-pressed', 'true');
  const pendingNow = (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length;
  expect(pendingNow).toBeGreaterThan(0);
  await page.waitForTimeout(1500);
  expect((await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length).toBe(pendingNow);
  expect(await terminalText(page)).not.toContain('FINISHED');
  await page.getByTestId('stack-step').click();
  await expect.poll(async () => (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length).toBe(pendingNow - 1);
  await page.getByTestId('stack-pause').click();
  await expect.poll(async () => (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length, { timeout: 20_000 }).toBe(0);
  await expect.poll(() => terminalText(page)).toContain('Layerlab: Built web-ping');
});

test('clicking a layer band shows its files', async ({ page }) => {
  await openFresh(page);
  await build(page);
  await page.locator('[data-testid="layer"][data-line="8"]').click();
  await expect(page.getByTestId('layer-diff')).toContainText('app.js');
});

test('Compare builds two of my own Dockerfiles: the current one and a copy with one change', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('lesson-tab-compare').click();
  await page.getByTestId('compare-mine').click();
  const b = page.getByTestId('compare-optimized').locator('textarea');
  await expect(b).toHaveValue(/COPY app.js \./);
  // B: the same Dockerfile with the ENV moved below COPY
  const text = await b.inputValue();
  await b.fill(text.replace('COPY app.js .', 'COPY app.js .\nLABEL moved=yes'));
  await page.getByTestId('compare-change').selectOption('app.js');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-naive').locator('.compare-steps li')).not.toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('compare-naive')).toContainText('COPY app.js .');
  await expect(page.getByTestId('compare-optimized')).toContainText('LABEL moved=yes');
  await expect(page.getByTestId('compare-naive')).toContainText('app.js changed');
});

test('screenshots: Korean dark and presenter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFresh(page);
  await page.evaluate(() => (window as any).__layerlab.store.getState().setSettings({ lang: 'ko', theme: 'dark' }));
  await build(page);
  await page.screenshot({ path: 'test-results/stack-ko-dark.png' });
  await page.evaluate(() => (window as any).__layerlab.store.getState().setSettings({ lang: 'en', theme: 'light' }));
  await page.evaluate(() => (window as any).__layerlab.store.getState().setPresenter(true));
  await page.getByTestId('stack-speed').selectOption('0');
  await build(page);
  await page.screenshot({ path: 'test-results/stack-presenter.png' });
});
