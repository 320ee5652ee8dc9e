import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openFresh } from './helpers';

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme} theme)`, async ({ page }) => {
    await openFresh(page);
    await page.getByLabel('Theme').selectOption(theme);
    await page.waitForTimeout(300);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
    expect(bad.map((v) => v.id), report).toEqual([]);
  });
}

test('the main controls are reachable and usable from the keyboard', async ({ page }) => {
  await openFresh(page);
  // Tab from the top reaches the Build button, and Ctrl+Enter builds from anywhere
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('build-button').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByTestId('build-button')).toBeFocused();
});
