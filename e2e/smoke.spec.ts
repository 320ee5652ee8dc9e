import { expect, test } from '@playwright/test';

test('the built app loads offline: no request leaves the origin', async ({ page }, testInfo) => {
  const origin = new URL(testInfo.project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('layer-stack')).toBeVisible();
  await expect(page.getByTestId('terminal')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath('app.png') });
  await page.screenshot({ path: 'docs/screenshots/app.png' });
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
