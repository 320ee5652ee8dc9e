import { expect, test } from '@playwright/test';
import { focusEditor, openFresh } from './helpers';

test.describe.configure({ timeout: 90_000 });

test('Dockerfile editing: hover docs, completion, diagnostics with a quick fix, Alt+Up/Down, how Docker reads it', { tag: '@alone' }, async ({ page }) => {
  await openFresh(page);
  const editor = page.locator('.monaco-host');

  // hover over COPY shows its documentation
  const copyWord = editor.locator('.view-line', { hasText: 'COPY app.js' }).locator('span', { hasText: 'COPY' }).first();
  await expect(copyWord).toBeVisible();
  // Monaco may re-render the line between two calls (the span is replaced), so ask until a box is there.
  let box: { x: number; y: number } | null = null;
  await expect.poll(async () => (box = await copyWord.boundingBox())).not.toBeNull();
  box = box!;
  await page.mouse.move(box.x + 2, box.y + 4);
  await page.mouse.move(box.x + 10, box.y + 8, { steps: 8 });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Copies' }).first()).toContainText('Copies files from the build context', { timeout: 10_000 });

  // completion offers instructions at the start of a line
  await page.mouse.move(5, 5);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('EXP');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('EXPOSE');
  await page.keyboard.press('Escape');
  await page.keyboard.type('OSE 80');

  // completion of image names from the mock registry after FROM
  await page.keyboard.press('Enter');
  await page.keyboard.type('FROM diamol/no');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('diamol/node');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');

  // a parse error becomes a marker and the problem count
  await page.keyboard.press('Enter');
  await page.keyboard.type('COPY');
  await expect(page.locator('.editor-bar .problems')).toHaveClass(/has-errors/, { timeout: 10_000 });
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  await page.keyboard.type(' app.js /app/');
  await expect(page.locator('.editor-bar .problems')).not.toHaveClass(/has-errors/);

  // Alt+Up moves the whole instruction
  await page.keyboard.press('Alt+ArrowUp');
  const lines = await page.evaluate(() => (window as any).__layerlabEditor.getModel().getValue().split('\n'));
  const copyAt = lines.findIndex((l: string) => l.startsWith('COPY app.js /app/'));
  expect(lines[copyAt + 1]).toBe('EXPOSE 80');

  // the prediction follows keystrokes quickly
  const ms = Number(await page.getByTestId('prediction-time').getAttribute('data-ms'));
  expect(ms).toBeLessThan(100);

  // "how Docker reads this"
  await page.getByTestId('explain-toggle').check();
  await expect(page.getByTestId('explain')).toContainText('exec form');
  await expect(page.getByTestId('explain')).toContainText('Stage 0');

  await page.getByTestId('explain-toggle').uncheck();

  // a lint warning's quick fix: merge the three ENV lines (Ctrl+. on line 3)
  await page.evaluate(() => {
    const e = (window as any).__layerlabEditor;
    e.setPosition({ lineNumber: 3, column: 2 });
    e.focus();
  });
  await page.keyboard.press('Control+.');
  await page.getByText('Merge into one ENV').first().click();
  await expect
    .poll(() => page.evaluate(() => (window as any).__layerlabEditor.getModel().getValue()))
    .toMatch(/ENV TARGET="blog.sixeyed.com"\s*\\\s*\n\s*METHOD="HEAD"/);
});

test.describe('Monaco in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test("the editor's own context menu speaks Korean and is drawn on its own background", async ({ page }) => {
    await openFresh(page);
    await page.locator('.monaco-host .view-lines').click({ button: 'right' });
    const menu = page.locator('.monaco-menu').first();
    await expect(menu).toContainText('잘라내기');
    await expect(menu).toContainText('붙여넣기');
    // An opaque menu: its background is a colour, not transparent over the code.
    const painted = await menu.evaluate((el) => {
      // the first element from the menu outwards that paints a background belongs to the menu widget itself
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return !!e.closest('.monaco-menu-container');
      }
      return false;
    });
    expect(painted).toBe(true);
    await page.keyboard.press('Escape');
  });
});
