/**
 * The first screen does not wait for the engine: files, editor text and layout are shown as soon as the saved
 * state is read, and the engine follows. These tests hold the engine back (the container runtime chunk it waits
 * for is not answered until the test says so) and check that the window is safe and honest: a command typed
 * meanwhile says the engine is starting and runs once it is up, Build says why it is disabled and Ctrl+Enter
 * queues the build, the layer stack shows a loading state, and the saved engine state is not replaced.
 */
import { expect, test, type Page } from '@playwright/test';
import { clearStorage, terminalText, waitReady } from './helpers';

/** Holds the engine back until the returned function is called (the runtime chunk createBrowserEngine awaits). */
async function holdEngine(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/runtime-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The editor's text, from the plain text area or Monaco (whichever shows it). */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="editor"] textarea.fallback-editor');
    return (ta?.value ?? '') + (document.querySelector<HTMLElement>('[data-testid="monaco"]')?.innerText ?? '');
  });
}

/** The saved engine snapshot, as stored in IndexedDB. */
async function savedEngine(page: Page): Promise<string | undefined> {
  // The engine's saved state: the meta record of its content-addressed store (images, containers, cache).
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('layerlab-engine');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) {
            db.close();
            return resolve(undefined);
          }
          const all = db.transaction('meta', 'readonly').objectStore('meta').getAll();
          all.onsuccess = () => {
            resolve(all.result.length ? JSON.stringify(all.result) : undefined);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const count = (text: string, word: string) => text.split(word).length - 1;

test('the workspace shows before the engine; a command typed and a build asked for meanwhile run once it is up', async ({ page }) => {
  await clearStorage(page);
  const release = await holdEngine(page);
  await page.reload();

  // The first screen: files and editor text, while the engine is held back.
  await expect(page.locator('#root > .app')).toHaveAttribute('data-engine', 'starting');
  await expect.poll(() => editorText(page)).toContain('FROM diamol/node');
  await expect(page.getByTestId('file-tree')).toContainText('app.js');

  // Build: disabled and says why; the layer stack: a neutral loading state.
  const build = page.getByTestId('build-button');
  await expect(build).toBeDisabled();
  await expect(build).toHaveAccessibleDescription(/engine is starting/);
  await expect(build).toHaveAttribute('title', /engine is starting/);
  const stack = page.getByTestId('layer-stack');
  await expect(stack).toHaveAttribute('data-mode', 'loading');
  await expect(stack.getByTestId('layers-loading')).toHaveText('Starting the engine…');

  // A command typed now says the engine is starting and waits.
  await page.waitForFunction(() => typeof (window as any).__layerlabTerminalText === 'function');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker images');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toContain('Starting the engine… the command runs as soon as it is up');
  // Ctrl+Enter now queues the build.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(build).toHaveText('Build queued…');
  expect(await terminalText(page)).not.toContain('REPOSITORY');
  await expect(page.locator('#root > .app')).toHaveAttribute('data-engine', 'starting');

  release();

  // The engine is up: the command ran (once), then the queued build.
  await expect(page.locator('#root > .app')).toHaveAttribute('data-engine', 'ready');
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('REPOSITORY');
  await expect.poll(async () => count(await terminalText(page), 'REPOSITORY')).toBe(1);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('$ docker build -t web-ping .');
  await expect(stack).toHaveAttribute('data-mode', 'build', { timeout: 30_000 });
  await expect(build).toHaveText('Build', { timeout: 30_000 });
  await expect(build).toBeEnabled();
  await expect(build).not.toHaveAccessibleDescription(/engine is starting/);
  const text = await terminalText(page);
  expect(text.indexOf('REPOSITORY')).toBeGreaterThan(text.indexOf('Starting the engine…'));
  expect(count(text, '$ docker build -t web-ping .')).toBe(1);
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('reloading while the engine starts keeps the saved engine state; Ctrl-C cancels a waiting command', async ({ page }) => {
    await clearStorage(page);
    await page.reload();
    await waitReady(page);
    await page.getByTestId('build-button').click();
    await expect(page.getByTestId('layer-stack')).toHaveAttribute('data-mode', 'build', { timeout: 30_000 });
    await expect.poll(() => savedEngine(page), { timeout: 10_000 }).toContain('web-ping');
    const saved = await savedEngine(page);

    // Reload with the engine held back: the saved build shows, Build says (in Korean) why it waits.
    const release = await holdEngine(page);
    await page.reload();
    await expect(page.locator('#root > .app')).toHaveAttribute('data-engine', 'starting');
    await expect.poll(() => editorText(page)).toContain('FROM diamol/node');
    await expect(page.getByTestId('build-button')).toHaveAccessibleDescription(/엔진을 시작하는 중/);
    await expect(page.getByTestId('layer-stack')).toHaveAttribute('data-mode', 'build');

    // A command waits and says so in Korean; Ctrl-C cancels it: it never runs.
    await page.waitForFunction(() => typeof (window as any).__layerlabTerminalText === 'function');
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('docker ps');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('엔진을 시작하는 중… 엔진이 준비되면 바로 명령을 실행해요');
    await page.keyboard.press('Control+C');
    await expect.poll(() => terminalText(page)).toContain('^C');

    // Well past the engine save's debounce, and a page hide (saves are flushed): the saved engine state stays.
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.waitForTimeout(200);
    expect(await savedEngine(page)).toBe(saved);

    release();
    await expect(page.locator('#root > .app')).toHaveAttribute('data-engine', 'ready');
    await expect(page.getByTestId('build-button')).toBeEnabled();
    expect(await terminalText(page)).not.toContain('CONTAINER ID');

    // The restored engine has the image built before the reload.
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('docker images');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/web-ping\s+latest/);
  });
});
