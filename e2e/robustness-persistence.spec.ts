/**
 * No lost work: a reload during a build or with containers running restores a consistent state, a storage
 * quota error is reported and export still saves everything, and two tabs on one workspace are told about
 * each other's edits.
 * Run: npx vite build --outDir /tmp/ll-dist-robust && E2E_PORT=4175 E2E_DIST=/tmp/ll-dist-robust npx playwright test e2e/robustness-persistence.spec.ts
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { focusEditor, openFile, openFresh, putStored, typeCommand, waitReady } from './helpers';

test.describe.configure({ timeout: 120_000 });

test('a reload in the middle of a build comes back consistent: files kept, no damaged screen, builds work', async ({ page }) => {
  await openFresh(page);
  await openFile(page, 'Dockerfile');
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('LABEL kept="yes"');
  await page.waitForTimeout(600); // saved as made (debounced)
  await page.getByTestId('build-button').click();
  await page.waitForTimeout(150);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('damaged')).toHaveCount(0);
  await expect(page.locator('.monaco-host .view-lines')).toContainText('LABEL kept="yes"');
  // The engine state is usable: a build completes and lists an image.
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  const out = await typeCommand(page, 'docker images --format "{{.Repository}}"');
  expect(out).toContain('web-ping');
});

test('a reload with a container running keeps the container', async ({ page }) => {
  // The engine's save is debounced with a maximum wait, so a running container's stream of changes cannot
  // starve it (it used to: the snapshot stayed at the state before the container started).
  await openFresh(page);
  await typeCommand(page, 'docker pull diamol/ch03-web-ping');
  await typeCommand(page, 'docker run -d --name keep diamol/ch03-web-ping');
  await page.waitForTimeout(2500); // well past the engine's save debounce
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('damaged')).toHaveCount(0);
  // The terminal greets first; typing before that can lose characters.
  await expect.poll(() => page.evaluate(() => (window as any).__layerlabTerminalText())).toContain('$ ');
  await page.waitForTimeout(300);
  const ps = await typeCommand(page, 'docker ps -a --format "{{.Names}} {{.Image}}"');
  expect(ps).toContain('keep diamol/ch03-web-ping');
  const logs = await typeCommand(page, 'docker logs keep');
  expect(logs).toContain('** web-ping ** Pinging: blog.sixeyed.com');
});

test('a storage quota error is reported, and export still saves the work', async ({ page }) => {
  await openFresh(page);
  // From now on every IndexedDB write fails the way a full disk does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openFile(page, 'Dockerfile');
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('LABEL unsaved="but exported"');
  await expect(page.getByRole('banner')).toContainText(/Could not save: .*quota/i, { timeout: 5_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file!, 'utf8')) as { workspaces: { workspaces: { id: string; files: Record<string, string> }[] } };
  const ws = exported.workspaces.workspaces.find((w) => w.id === 'web-ping')!;
  expect(ws.files.Dockerfile).toContain('LABEL unsaved="but exported"');
});

test('two tabs on the same workspace: an edit in one is announced in the other', async ({ page, context }) => {
  await openFresh(page);
  const other = await context.newPage();
  await other.goto('/');
  await waitReady(other);
  await openFile(page, 'Dockerfile');
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('LABEL from="tab one"');
  await expect(other.getByTestId('multi-tab-banner')).toBeVisible({ timeout: 5_000 });
  await expect(other.getByTestId('multi-tab-banner')).toContainText('also open in another tab');
  // The first tab, which made the edit, is not warned about itself.
  await expect(page.getByTestId('multi-tab-banner')).toHaveCount(0);
  // Reload in the other tab shows the first tab's saved edit.
  await page.waitForTimeout(600);
  await other.getByTestId('multi-tab-banner').getByRole('button', { name: 'Reload' }).click();
  await waitReady(other);
  await expect(other.locator('.monaco-host .view-lines')).toContainText('LABEL from="tab one"');
});

test('a damaged store is reported, and what it still holds can be exported before a reset', async ({ page }) => {
  await openFresh(page);
  await putStored(page, 'workspaces', { version: 1, workspaces: [{ id: 'mine', name: 'mine', files: { Dockerfile: 'FROM alpine\n# precious\n' } }, { id: 42 }] });
  await page.reload();
  await expect(page.getByTestId('damaged')).toBeVisible();
  const download = page.waitForEvent('download', { timeout: 5_000 });
  await page.getByTestId('damaged').getByRole('button', { name: /Export/ }).click({ timeout: 5_000 });
  const file = await (await download).path();
  expect(readFileSync(file!, 'utf8')).toContain('# precious');
});
