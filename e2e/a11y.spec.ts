import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openFresh, terminalText } from './helpers';

/** Waits until the layer stack shows every band and no finite animation or transition runs (colours have settled). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="layer"][data-status="pending"]')).toHaveCount(0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity));
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme} theme)`, async ({ page }) => {
    await openFresh(page);
    await page.getByLabel('Theme').selectOption(theme);
    await settled(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
    expect(bad.map((v) => v.id), report).toEqual([]);
  });
}

test('axe after a build, in Korean and presenter mode', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await page.getByLabel('Language').selectOption('ko');
  await page.getByLabel('발표 모드').check();
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
  expect(bad.map((v) => v.id), report).toEqual([]);
});

test('axe: Korean dark theme with a dialog and the menu open, English presenter dark, and the phone tabs', async ({ page }) => {
  test.setTimeout(180_000);
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
    expect(bad.map((v) => v.id), `${what}\n${report}`).toEqual([]);
  };
  await openFresh(page);
  await page.getByLabel('Language').selectOption('ko');
  await page.getByLabel('테마').selectOption('dark');
  await page.getByRole('button', { name: '새 파일' }).click();
  await expect(page.getByTestId('prompt-dialog')).toBeVisible();
  await settled(page);
  await check('ko dark, new-file dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('header-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await settled(page);
  await check('ko dark, header menu');
  await page.keyboard.press('Escape');

  await page.getByLabel('언어').selectOption('en');
  await page.getByLabel('Presenter mode').check();
  await settled(page);
  await check('en presenter dark');
  await page.getByLabel('Presenter mode').uncheck();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.waitForTimeout(800);
  await check('phone, terminal tab');
});

test('the main controls are reachable and usable from the keyboard', async ({ page }) => {
  await openFresh(page);
  // Tab from the top reaches the Build button, and Ctrl+Enter builds from anywhere
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('build-button').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByTestId('build-button')).toBeFocused();

  // Ctrl+Enter builds from the editor too
  await page.locator('.monaco-host').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('layer-stack')).toHaveAttribute('data-mode', 'build', { timeout: 30_000 });
  await expect.poll(() => terminalText(page)).toContain('$ docker build -t web-ping .');

  // layer bands are focusable; Enter on the base group expands it
  const base = page.locator('[data-testid="layer"][data-kind="base-group"]');
  await base.focus();
  await page.keyboard.press('Enter');
  await expect(base).toHaveAttribute('aria-expanded', 'true');
});
