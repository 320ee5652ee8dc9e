import { expect, test, type Page } from '@playwright/test';
import { appendNewline, bandStatuses, openFile, openFresh } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** A build, then an app.js edit, so the screenshots show cached, built and will-rebuild bands. */
async function stage(page: Page) {
  await openFresh(page);
  await page.getByTestId('welcome-dismiss').click();
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

test('screenshots: 1280x800 English light and Korean dark, 1920x1080 Korean presenter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await stage(page);
  await page.getByLabel('Theme').selectOption('light');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/app-en.png' });

  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByTestId('build-button')).toHaveText('빌드');
  await page.getByLabel('테마').selectOption('dark');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/app-dark-ko.png' });

  await page.getByLabel('테마').selectOption('light');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByLabel('발표 모드').check();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshots/app-presenter-ko.png' });
});

for (const lang of ['en', 'ko'] as const) {
  test(`screenshot: 390x844 phone (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.evaluate((l) => {
      localStorage.clear();
      localStorage.setItem('layerlab.boot', JSON.stringify({ lang: l, theme: 'light', presenter: false }));
    }, lang);
    await page.evaluate(
      () =>
        new Promise((r) => {
          const d = indexedDB.deleteDatabase('layerlab');
          d.onsuccess = d.onerror = d.onblocked = () => r(null);
        }),
    );
    await page.reload();
    await expect(page.getByTestId('build-button')).toBeVisible();
    await page.locator('.header-controls select').first().selectOption(lang);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/screenshots/phone-${lang}.png` });
    if (lang === 'en') {
      await page.getByTestId('tab-stack').click();
      await page.getByTestId('build-button').waitFor({ state: 'attached' });
      await page.getByTestId('tab-editor').click();
      await page.getByTestId('build-button').click();
      await page.getByTestId('tab-stack').click();
      await expect(page.getByTestId('layer-stack')).toHaveAttribute('data-mode', 'build', { timeout: 60_000 });
      await page.waitForTimeout(800);
      await page.screenshot({ path: 'docs/screenshots/phone-stack-en.png' });
    }
  });
}
