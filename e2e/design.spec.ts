/**
 * The workspace's design: the terminal's width, dialogs instead of the browser's prompt()/confirm(), nothing
 * clipped at 1280x720, panes that resize and keep their size, and the phone's tabs.
 */
import { expect, test, type Page } from '@playwright/test';
import { clearStorage, openFresh, typeCommand, waitReady } from './helpers';

test.describe.configure({ timeout: 120_000 });

async function terminalSize(page: Page): Promise<{ cols: number; rows: number; fontFamily: string; fontSize: number }> {
  await page.waitForFunction(() => typeof (window as any).__layerlabTerminalSize === 'function');
  return page.evaluate(() => (window as any).__layerlabTerminalSize());
}

test('the terminal has at least 100 columns at 1280x800, in a monospace font with Hangul', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFresh(page);
  await expect.poll(async () => (await terminalSize(page)).cols).toBeGreaterThanOrEqual(100);
  const size = await terminalSize(page);
  expect(size.fontFamily).toMatch(/^"Nanum Gothic Coding"/);
  expect(await page.evaluate(() => document.fonts.check('14px "Nanum Gothic Coding"', '가'))).toBe(true);
  // the last row is inside the pane (not cut off at the bottom)
  const pane = await page.getByTestId('terminal-pane').boundingBox();
  const rows = await page.locator('.xterm-rows').boundingBox();
  expect(rows!.y + rows!.height).toBeLessThanOrEqual(pane!.y + pane!.height + 1);
});

test('new workspace, new file, rename, delete and reset ask in dialogs, never the browser', async ({ page }) => {
  const native: string[] = [];
  page.on('dialog', (d) => {
    native.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await openFresh(page);
  const files = page.getByTestId('files');

  // new workspace
  await files.getByRole('button', { name: 'New workspace' }).click();
  const prompt = page.getByTestId('prompt-dialog');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('textbox', { name: 'Name of the new workspace' })).toBeFocused();
  await prompt.getByRole('textbox').fill('demo');
  await prompt.getByRole('button', { name: 'Create' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('workspace-select').locator('option:checked')).toHaveText('demo');

  // new file: a bad path is refused inside the dialog
  await files.getByRole('button', { name: 'New file' }).click();
  await prompt.getByRole('textbox').fill('../outside');
  await prompt.getByRole('button', { name: 'Create' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('That is not a valid path inside the build context.');
  await prompt.getByRole('textbox').fill('notes/todo.txt');
  await prompt.getByRole('textbox').press('Enter');
  await expect(page.getByTestId('open-file')).toHaveText('notes/todo.txt');

  // rename
  await files.getByRole('button', { name: 'Rename notes/todo.txt' }).click();
  await expect(prompt.getByRole('textbox')).toHaveValue('notes/todo.txt');
  await prompt.getByRole('textbox').fill('notes/done.txt');
  await prompt.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('file-tree')).toContainText('done.txt');

  // delete a file: Cancel keeps it, Delete removes it
  await files.getByRole('button', { name: 'Delete notes/done.txt' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('file-tree')).toContainText('done.txt');
  await files.getByRole('button', { name: 'Delete notes/done.txt' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('file-tree')).not.toContainText('done.txt');

  // delete the workspace
  await files.getByRole('button', { name: 'Delete workspace' }).click();
  await confirm.getByRole('button', { name: 'Delete workspace' }).click();
  await expect(page.getByTestId('workspace-select').locator('option', { hasText: 'demo' })).toHaveCount(0);

  // reset everything: in the header's menu, set apart, confirmed in a dialog
  await page.getByTestId('header-menu').click();
  await page.getByRole('menuitem', { name: 'Reset everything' }).click();
  await expect(confirm).toContainText('Delete all workspaces');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  expect(native).toEqual([]);
});

test('nothing in the header or the containers panel is clipped at 1280x720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('node-web');
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await typeCommand(page, 'docker run -d -p 3000:80 --name a-web-server-with-a-long-name node-web');
  await expect(page.getByTestId('containers')).toContainText('3000->80/tcp');
  for (const region of ['header.app-header', '[data-testid="side-panel"]']) {
    const clipped = await page.locator(region).evaluate((root) => {
      const box = root.getBoundingClientRect();
      const out: string[] = [];
      if (root.scrollWidth > root.clientWidth + 1) out.push(`${root.className} scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
      for (const el of root.querySelectorAll<HTMLElement>('button, select, input:not([type=file]), label, h1, td, th')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.right > window.innerWidth) out.push(`${el.tagName} "${el.textContent?.trim() || el.getAttribute('aria-label')}" ends at ${r.right}, region at ${box.right}`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') out.push(`${el.tagName} "${el.textContent?.trim()}" clips its text`);
      }
      return out;
    });
    expect(clipped, region).toEqual([]);
  }
  await expect(page.getByRole('button', { name: 'Remove a-web-server-with-a-long-name' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Open localhost:3000' })).toBeInViewport();
});

test('panes resize with the mouse and keep their size after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFresh(page);
  const terminal = page.getByTestId('terminal-pane');
  const before = (await terminal.boundingBox())!;
  const handle = page.getByRole('separator', { name: 'Resize Editor and Terminal' });
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2 - 120, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await terminal.boundingBox())!.height).toBeGreaterThan(before.height + 100);
  const resized = (await terminal.boundingBox())!.height;
  await page.reload();
  await waitReady(page);
  await expect.poll(async () => Math.abs((await terminal.boundingBox())!.height - resized)).toBeLessThan(3);
  // and from the keyboard
  await handle.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await terminal.boundingBox())!.height).toBeLessThan(resized - 5);
});

test('on a phone the regions are tabs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // (not openFresh: it waits for the terminal, which mounts only when its tab is shown)
  await clearStorage(page);
  await page.reload();
  await expect(page.getByTestId('build-button')).toBeVisible();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('terminal')).toBeHidden();

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByTestId('terminal')).toBeVisible();
  await expect(page.getByTestId('editor')).toBeHidden();
  await page.waitForFunction(() => typeof (window as any).__layerlabTerminalText === 'function');
  const out = await typeCommand(page, 'docker image ls');
  expect(out).toContain('IMAGE ID');

  await page.getByRole('tab', { name: 'Stack' }).click();
  await expect(page.getByTestId('layer-stack')).toBeVisible();
  await page.getByRole('tab', { name: 'Lesson' }).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 20_000 });

  // the terminal kept its session while hidden
  await page.getByRole('tab', { name: 'Terminal' }).click();
  expect(await page.evaluate(() => (window as any).__layerlabTerminalText())).toContain('IMAGE ID');
  // nothing scrolls sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the welcome is shown once, says what Layerlab is and opens the first lesson', async ({ page }) => {
  await openFresh(page);
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toContainText('Layerlab runs a Docker engine in your browser');
  await welcome.getByRole('button', { name: 'Start the first lesson' }).focus();
  await page.keyboard.press('Enter');
  await expect(welcome).toBeHidden();
  await expect(page).toHaveURL(/#\/lesson\//);
  await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await waitReady(page);
  await expect(welcome).toBeHidden();
});

test('at 1280x720 the editor shows a Dockerfile of 15 lines whole by default', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await page.getByTestId('welcome-dismiss').click();
  await expect(page.getByTestId('monaco')).toBeVisible();
  // Monaco draws its lines after the editor appears: measure once the first one is on screen.
  const firstLine = page.locator('.monaco-host .view-line').first();
  await expect(firstLine).toBeVisible();
  const host = (await page.getByTestId('monaco').boundingBox())!;
  const line = (await firstLine.boundingBox())!;
  expect(host.height / line.height).toBeGreaterThanOrEqual(15);
});
