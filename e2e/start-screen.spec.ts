/**
 * The static start screen of index.html (vite.config.ts, public/boot.js): what the first paint shows before any
 * of the app's JavaScript has run, in the right language, theme and presenter mode, and that the app replaces it.
 */
import { expect, test } from '@playwright/test';
import { waitReady } from './helpers';

/** Opens the page with the app's module script refused: only index.html and boot.js run. */
async function openWithoutApp(page: import('@playwright/test').Page): Promise<void> {
  await page.route(/\/assets\/index-[\w-]+\.js$/, (r) => r.abort());
  await page.goto('/');
}

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('the first paint is the Korean start screen, before the app has run', async ({ page }) => {
    await openWithoutApp(page);
    const shell = page.locator('#boot .app');
    await expect(shell).toHaveCount(1);
    await expect(shell).toBeVisible();
    await expect(shell.locator('.tagline')).toHaveText('브라우저 안의 Docker 엔진');
    await expect(shell.getByRole('status')).toHaveText('Docker 엔진을 시작하는 중…');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page).toHaveTitle('Layerlab — 브라우저 안의 Docker 엔진');
  });
});

test('the start screen takes the last language, theme and presenter mode, and the app replaces it', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await expect(page.locator('#boot')).toHaveCount(0);
  // Settings chosen in the app are remembered for the next first paint.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('combobox', { name: '테마' }).selectOption('dark');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('layerlab.boot'))).toBe(JSON.stringify({ lang: 'ko', theme: 'dark', presenter: false }));

  await openWithoutApp(page);
  const shell = page.locator('#boot .app');
  await expect(shell).toHaveClass(/theme-dark/);
  await expect(shell.locator('h1')).toHaveText('Layerlab');
  await expect(shell.getByRole('status')).toHaveText('Docker 엔진을 시작하는 중…');
  await expect(shell.locator('[data-boot="theme"]')).toHaveValue('dark');

  // With the app allowed again it takes over from the start screen, in the same language.
  await page.unrouteAll();
  await page.reload();
  await waitReady(page);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.app-header .tagline')).toHaveText('브라우저 안의 Docker 엔진');
});

for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
  test(`the app takes over from the start screen without moving anything, at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number; __swapAt: number; __bootWelcome: boolean };
      w.__shift = 0;
      w.__swapAt = -1;
      w.__bootWelcome = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput && (w.__swapAt < 0 || e.startTime < w.__swapAt + 300)) w.__shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver((_, obs) => {
        // The start screen lasts as long as the app takes to start: seen here, not polled for after the reload.
        if (document.querySelector('#boot [data-boot="welcome"]')?.checkVisibility()) w.__bootWelcome = true;
        if (document.readyState !== 'loading' && !document.getElementById('boot')) {
          w.__swapAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    // a first visit: the welcome and the first workspace's Dockerfile are on the start screen already
    await expect.poll(() => page.evaluate(() => (window as unknown as { __bootWelcome: boolean }).__bootWelcome)).toBe(true);
    await expect(page.getByTestId('build-button')).toBeVisible();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.001);
  });
}
