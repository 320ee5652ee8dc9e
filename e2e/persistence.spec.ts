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

/** Records in the engine's IndexedDB store, per object store. */
async function engineRecords(page: import('@playwright/test').Page): Promise<{ meta: number; layers: number; blobs: number; legacy: boolean }> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((r, j) => {
        const o = indexedDB.open(name);
        o.onsuccess = () => r(o.result);
        o.onerror = () => j(o.error);
      });
    const count = (db: IDBDatabase, store: string) =>
      new Promise<number>((r) => {
        const q = db.transaction(store).objectStore(store).count();
        q.onsuccess = () => r(q.result);
      });
    const db = await open('layerlab-engine');
    const out = { meta: await count(db, 'meta'), layers: await count(db, 'layers'), blobs: await count(db, 'blobs') };
    db.close();
    const kv = await open('layerlab');
    const legacy = await new Promise<boolean>((r) => {
      const q = kv.transaction('kv').objectStore('kv').get('engine');
      q.onsuccess = () => r(q.result !== undefined);
    });
    kv.close();
    return { ...out, legacy };
  });
}

async function buildAndWait(page: import('@playwright/test').Page): Promise<void> {
  const before = await page.evaluate(() => (window as any).__layerlab.store.getState().builds['web-ping']?.last?.startedAt ?? 0);
  await page.getByTestId('build-button').click();
  await page.waitForFunction((b) => {
    const last = (window as any).__layerlab.store.getState().builds['web-ping']?.last;
    return last && last.startedAt !== b && last.state === 'finished';
  }, before);
}

test('the engine state is stored by layer: a rebuild adds records and keeps the old ones, an export carries it all', async ({ page }) => {
  await openFresh(page);
  await buildAndWait(page);
  // The engine save is debounced: wait until it has stored the build's layers.
  await expect.poll(async () => (await engineRecords(page)).layers).toBeGreaterThan(0);
  const first = await engineRecords(page);
  expect(first).toMatchObject({ meta: 1, legacy: false });
  expect(first.layers).toBeGreaterThan(0);
  await page.evaluate(() => {
    const s = (window as any).__layerlab.store.getState();
    s.writeFile('app.js', `${s.workspaces.find((w: { id: string }) => w.id === 'web-ping').files['app.js']}\n// edited\n`);
  });
  await buildAndWait(page);
  await expect.poll(async () => (await engineRecords(page)).layers).toBeGreaterThan(first.layers);
  const second = await engineRecords(page);
  expect(second.meta).toBe(1);
  expect(second.layers).toBeGreaterThan(first.layers);

  const download = page.waitForEvent('download');
  await headerMenu(page, 'Export all');
  const file = await (await download).path();
  await openFresh(page);
  await page.locator('input[type="file"][accept*="json"]').setInputFiles(file!);
  await waitReady(page);
  await page.getByTestId('terminal').click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker run --rm web-ping cat /web-ping/app.js\n');
  await expect.poll(() => page.evaluate(() => (window as any).__layerlabTerminalText())).toContain('// edited');
});

test('a damaged build record in the saved engine: the page says so, the images stay, builds go on', async ({ page }) => {
  await openFresh(page);
  await buildAndWait(page);
  // The engine save is debounced: wait until it has stored the build's section, then damage it.
  const damaged = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const o = indexedDB.open('layerlab-engine');
          o.onerror = () => reject(o.error);
          o.onsuccess = () => {
            const t = o.result.transaction('sections', 'readwrite');
            const s = t.objectStore('sections');
            const keys = s.getAllKeys();
            keys.onsuccess = () => {
              for (const k of keys.result) s.put('{"cache":', k);
              t.oncomplete = () => (o.result.close(), resolve(keys.result.length));
            };
          };
        }),
    );
  await expect.poll(damaged).toBeGreaterThan(0);
  await page.reload();
  await waitReady(page);
  await expect(page.locator('.header-alert')).toHaveText(/^Saved engine state: the build cache and history could not be read and start empty: build record [0-9a-f]{64} is damaged \(.+\)$/);
  await page.getByTestId('terminal').click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker images --format "{{.Repository}}"\n');
  await expect.poll(() => page.evaluate(() => (window as any).__layerlabTerminalText())).toContain('web-ping');
  await buildAndWait(page);
  // nothing was cached: the first build after the damage builds its layers again
  await expect(page.getByTestId('layer-stack')).toContainText(/Built web-ping:latest in [\d.]+ s: 2 built, 0 cached/);
  await page.screenshot({ path: 'test-results/damaged-build-record.png' });
});
