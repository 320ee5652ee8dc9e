import { expect, test, type Page } from '@playwright/test';
import { appendNewline, bandStatuses, openFile, openFresh } from './helpers';

test.describe.configure({ timeout: 120_000 });

/** A build, then an app.js edit, so the screenshots show cached, built and will-rebuild bands. */
async function stage(page: Page) {
  await openFresh(page);
  await page.getByLabel(/Animation speed|애니메이션 속도/).selectOption('0');
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('build-button').click();
    await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  }
  await openFile(page, 'app.js');
  await appendNewline(page);
  await expect.poll(async () => (await bandStatuses(page)).some((s) => s.endsWith(':will-rebuild'))).toBe(true);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/screenshots/app-whatif-en.png' });
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await expect.poll(async () => (await bandStatuses(page)).some((s) => s.endsWith(':built'))).toBe(true);
  await openFile(page, 'Dockerfile');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600); // colour transitions settle
}

test('screenshots: English, Korean, presenter mode, dark theme, 768px', async ({ page }) => {
  await stage(page);
  await page.screenshot({ path: 'docs/screenshots/app-en.png' });
  await page.screenshot({ path: 'docs/screenshots/app.png' });

  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByTestId('build-button')).toHaveText('빌드');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/app-ko.png' });

  await page.getByLabel('발표 모드').check();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/app-presenter-ko.png' });
  await page.getByLabel('발표 모드').uncheck();

  await page.getByLabel('테마').selectOption('dark');
  await page.getByLabel('언어').selectOption('en');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/app-dark-en.png' });

  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/app-768.png', fullPage: true });
  // nothing overflows horizontally at 768px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
});
