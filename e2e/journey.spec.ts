import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { appendNewline, bands, bandStatuses, openFile, openFresh, setEditorText, terminalText } from './helpers';

test.describe.configure({ timeout: 120_000 });

async function build(page: import('@playwright/test').Page) {
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  // the animation reveals steps one by one: wait until nothing is pending or running
  await expect
    .poll(async () => (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length, { timeout: 30_000 })
    .toBe(0);
  await expect(page.getByTestId('layer-stack').locator('[data-running="true"]')).toHaveCount(0);
}

function statusOf(statuses: string[], line: number): string | undefined {
  return statuses.find((s) => s.startsWith(`${line}:`))?.split(':')[1];
}

test('web-ping: first build builds every step, a rebuild is all cached, an app.js change rebuilds COPY and shows why', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('workspace-select')).toHaveValue('web-ping');

  await build(page);
  let st = await bandStatuses(page);
  // FROM is the base group; ENV x3 (lines 3-5), WORKDIR 7, COPY 8, CMD 10
  expect(st.map((s) => s.split(':')[0])).toEqual(['3', '4', '5', '7', '8', '10']);
  expect(st.every((s) => s.endsWith(':built')), st.join(' ')).toBe(true);
  await expect(page.getByTestId('terminal')).toContainText('naming to docker.io/library/web-ping');

  await build(page);
  st = await bandStatuses(page);
  expect(st.every((s) => s.endsWith(':cached')), st.join(' ')).toBe(true);
  await expect(bands(page).filter({ hasText: 'CACHED' })).toHaveCount(6);

  // what-if: --no-cache would rebuild every step; unticking it goes back to the cached result
  await page.getByTestId('build-no-cache').check();
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toHaveAttribute('data-status', 'will-rebuild');
  await page.getByTestId('build-no-cache').uncheck();
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toHaveAttribute('data-status', 'cached');

  // add a blank line to app.js: before building, the what-if view marks COPY (and what follows) for rebuild
  await openFile(page, 'app.js');
  await appendNewline(page);
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('[data-testid="layer"][data-line="7"]')).not.toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('[data-testid="layer"][data-line="10"]')).toHaveAttribute('data-status', 'will-rebuild');

  await build(page);
  st = await bandStatuses(page);
  // the COPY band and those after it are built (CMD's entry is recorded again on the new layer), the ones before cached
  for (const line of [3, 4, 5, 7]) expect(statusOf(st, line), st.join(' ')).toBe('cached');
  expect(statusOf(st, 8)).toBe('built');
  expect(statusOf(st, 10), st.join(' ')).toBe('built');
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toContainText('app.js changed');
  // The config entry's reason is on screen as text (and in its accessible name), not only in a tooltip.
  const cmdBand = page.locator('[data-testid="layer"][data-line="10"]');
  await expect(cmdBand).toHaveAttribute('aria-label', /parent layer rebuilt at line 8/);
  await expect(cmdBand.locator('.ls-reason')).toBeVisible();
  await expect(cmdBand.locator('.ls-reason')).toContainText('parent layer rebuilt at line 8');
  await expect(page.getByTestId('build-compare')).toBeVisible();

  // the layer stack passes axe with bands on screen
  const axe = await new AxeBuilder({ page }).include('[data-testid="layer-stack"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // clicking a band opens its file diff
  await page.locator('[data-testid="layer"][data-line="8"]').click();
  await expect(page.getByTestId('layer-diff')).toContainText('app.js');
  await page.keyboard.press('Escape');
  expect(await terminalText(page)).toContain('docker build -t web-ping .');
});

test('node app: installing dependencies before copying the source keeps npm install cached when server.js changes', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('node-web');
  await openFile(page, 'Dockerfile');
  await setEditorText(
    page,
    'FROM node\n\nWORKDIR /app\n\nCOPY package.json .\nRUN npm install\n\nCOPY . .\n\nEXPOSE 80\n\nCMD ["node", "server.js"]\n',
  );
  await build(page);
  let st = await bandStatuses(page);
  expect(statusOf(st, 6), st.join(' ')).toBe('built');

  await openFile(page, 'server.js');
  await appendNewline(page, '// changed');
  // what-if: COPY . . would rebuild, RUN npm install would not
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('[data-testid="layer"][data-line="6"]')).not.toHaveAttribute('data-status', 'will-rebuild');

  await build(page);
  st = await bandStatuses(page);
  expect(statusOf(st, 5), st.join(' ')).toBe('cached');
  expect(statusOf(st, 6), st.join(' ')).toBe('cached');
  expect(statusOf(st, 8), st.join(' ')).toBe('built');
});

test('moving an instruction from the layer stack changes the Dockerfile and the prediction', async ({ page }) => {
  await openFresh(page);
  await build(page);
  // focus the COPY band and press Alt+Down: COPY moves below (before) WORKDIR, so it would copy into / instead
  await page.locator('[data-testid="layer"][data-line="8"]').focus();
  await page.keyboard.press('Alt+ArrowDown');
  const moved = page.locator('[data-testid="layer"][data-line="7"]');
  await expect(moved).toContainText('COPY app.js');
  await expect(moved).toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('[data-testid="layer"][data-line="8"]')).toHaveAttribute('data-status', 'will-rebuild');
  await expect(page.locator('.monaco-host .view-lines')).toContainText('COPY app.js .WORKDIR /web-ping');
  await expect(page.getByTestId('layers-summary')).toContainText('Next build');
});

// Both bands must be on screen to drag one onto the other: a taller window than the default 720 rows.
test.describe('on a taller screen', () => {
  test.use({ viewport: { width: 1280, height: 1200 } });

  test('dragging a band onto another moves its instruction there', async ({ page }) => {
    await openFresh(page);
    await build(page);
    const from = (await page.locator('[data-testid="layer"][data-line="8"]').boundingBox())!;
    const to = (await page.locator('[data-testid="layer"][data-line="3"]').boundingBox())!;
    await page.mouse.move(from.x + 40, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 5 });
    await page.mouse.up();
    // COPY now comes right after FROM, so it and everything after it would rebuild
    await expect(page.locator('[data-testid="layer"][data-line="3"]')).toContainText('COPY app.js');
    await expect(page.locator('[data-testid="layer"][data-line="3"]')).toHaveAttribute('data-status', 'will-rebuild');
    const text = await page.evaluate(() => (window as any).__layerlabEditor.getModel().getValue());
    expect(text.split('\n').filter((l: string) => l.trim()).slice(0, 3)).toEqual(['FROM diamol/node', 'COPY app.js .', 'ENV TARGET="blog.sixeyed.com"']);
  });
});
