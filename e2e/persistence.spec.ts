import { expect, test } from '@playwright/test';
import { focusEditor, headerMenu, openFile, openFresh, putStored, waitReady } from './helpers';

test('edits, settings and engine state survive a reload', async ({ page }) => {
  await openFresh(page);
  await openFile(page, 'Dockerfile');
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('LABEL course="diamol"');
  await page.getByLabel('Language').selectOption('ko');
  await page.getByTestId('terminal').click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker pull alpine\n');
  await page.waitForTimeout(1500);
  await page.reload();
  await waitReady(page);
  await expect(page.locator('.monaco-host .view-lines')).toContainText('LABEL course="diamol"');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('build-button')).toHaveText('빌드');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker images\n');
  await expect.poll(() => page.evaluate(() => (window as any).__layerlabTerminalText())).toContain('alpine');
});

test('a damaged store is detected and can be reset without a blank page', async ({ page }) => {
  await openFresh(page);
  await putStored(page, 'workspaces', { version: 1, workspaces: [{ id: 42 }] });
  await page.reload();
  await expect(page.getByTestId('damaged')).toBeVisible();
  await page.getByRole('button', { name: /Reset saved data|저장된 데이터 초기화/ }).click();
  await waitReady(page);
  await expect(page.getByTestId('workspace-select')).toHaveValue('web-ping');
});

test('export and import everything as one file', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('multi-stage');
  const download = page.waitForEvent('download');
  await headerMenu(page, 'Export all');
  const file = await (await download).path();
  await openFresh(page);
  await expect(page.getByTestId('workspace-select')).toHaveValue('web-ping');
  await page.locator('input[type="file"][accept*="json"]').setInputFiles(file!);
  await waitReady(page);
  await expect(page.getByTestId('workspace-select')).toHaveValue('multi-stage');
});
