import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { answerPrompt, bandStatuses, confirmDialog, openFresh, terminalText } from './helpers';

test.describe.configure({ timeout: 120_000 });

async function build(page: import('@playwright/test').Page) {
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await expect.poll(async () => (await bandStatuses(page)).filter((s) => s.endsWith(':pending')).length, { timeout: 30_000 }).toBe(0);
}

test('files of the build context: create, rename, delete, upload, download as zip', async ({ page }) => {
  await openFresh(page);
  const tree = page.getByTestId('file-tree');

  await page.getByRole('button', { name: 'New file' }).click();
  await answerPrompt(page, 'notes/todo.txt');
  await expect(tree).toContainText('todo.txt');
  await expect(page.getByTestId('open-file')).toHaveText('notes/todo.txt');

  await page.getByRole('button', { name: 'Rename notes/todo.txt' }).click();
  await answerPrompt(page, 'notes/done.txt');
  await expect(tree).toContainText('done.txt');
  await expect(tree).not.toContainText('todo.txt');

  await page.getByRole('button', { name: 'Delete notes/done.txt' }).click();
  await confirmDialog(page);
  await expect(tree).not.toContainText('done.txt');

  await page.locator('input[type="file"][multiple]').setInputFiles({ name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hi\n') });
  await expect(tree).toContainText('hello.txt');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .zip' }).click();
  const zip = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
  expect(Object.keys(zip).sort()).toEqual(['Dockerfile', 'app.js', 'hello.txt']);
  expect(new TextDecoder().decode(zip['hello.txt'])).toBe('hi\n');
});

test('legacy builder, base layers, and reduced motion showing the end state at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openFresh(page);
  await page.getByTestId('build-builder').selectOption('legacy');
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  // reduced motion: no step-by-step reveal, the end state is there as soon as the build ends
  expect((await bandStatuses(page)).every((s) => s.endsWith(':built'))).toBe(true);
  await expect.poll(() => terminalText(page)).toContain('Step 1/7 : FROM diamol/node');

  // the base image is one collapsed band; expanding it shows its layers
  const base = page.locator('[data-testid="layer"][data-kind="base-group"]');
  await expect(base).toHaveAttribute('data-status', 'base');
  await expect(base).toHaveAttribute('data-line', '');
  await base.click();
  await expect(page.locator('[data-testid="layer"][data-kind="base-layer"]').first()).toBeVisible();
  expect(await page.locator('[data-testid="layer"][data-kind="base-layer"]').count()).toBeGreaterThan(3);
});

test('multi-stage example builds, and --target stops at the named stage', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('multi-stage');
  await build(page);
  const st = await bandStatuses(page);
  expect(st.length).toBeGreaterThan(4);
  await page.getByLabel('Target stage').selectOption('builder');
  await build(page);
  await expect.poll(() => terminalText(page)).toContain('--target builder');
});
