import { expect, type Page } from '@playwright/test';

/** Opens the app and clears what it saved (local and session storage, the IndexedDB databases), without waiting for it. */
export async function clearStorage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const name of ['layerlab', 'layerlab-engine'])
      await new Promise((r) => {
        const d = indexedDB.deleteDatabase(name);
        d.onsuccess = d.onerror = d.onblocked = () => r(null);
      });
  });
}

/**
 * Opens the app on a fresh profile state (IndexedDB cleared) and waits until it is ready. A test's first page
 * has a browser context of its own whose storage starts empty, so it is opened once, not opened, cleared and
 * reloaded; later calls (the app already open) clear what it saved and reload.
 */
export async function openFresh(page: Page): Promise<void> {
  if (page.url() === 'about:blank' && page.context().pages().length === 1) await page.goto('/');
  else {
    await clearStorage(page);
    await page.reload();
  }
  await waitReady(page);
}

/** Writes one value straight into the app's IndexedDB store (to plant damaged or old saved data). */
export async function putStored(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([k, v]) => {
      const db = await new Promise<IDBDatabase>((r) => {
        const o = indexedDB.open('layerlab', 1);
        o.onsuccess = () => r(o.result);
      });
      await new Promise((r) => {
        const tx = db.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(v, k as string);
        tx.oncomplete = () => r(null);
      });
      db.close();
    },
    [key, value] as const,
  );
}

export async function waitReady(page: Page): Promise<void> {
  // The engine starts in a worker; on a loaded 2-core machine with two browsers open that can take over 10 s.
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('monaco')).toBeVisible();
  await page.waitForFunction(() => typeof (window as any).__layerlabTerminalText === 'function');
}

export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__layerlabTerminalText());
}

/** Types a command line into the terminal and waits for the prompt to come back. */
export async function typeCommand(page: Page, line: string, opts: { wait?: boolean } = {}): Promise<string> {
  const before = await terminalText(page);
  const prompts = (before.match(/^\$ /gm) ?? []).length;
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  if (opts.wait !== false) {
    await expect.poll(async () => ((await terminalText(page)).match(/^\$ /gm) ?? []).length, { timeout: 30_000 }).toBeGreaterThan(prompts);
  }
  const after = await terminalText(page);
  return after.slice(before.length);
}

/** Selects a workspace and opens one of its files in the editor. */
export async function openFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-tree').getByRole('button', { name: path, exact: true }).click();
  await expect(page.getByTestId('open-file')).toHaveText(path);
}

/** Replaces the whole content of the open file through Monaco. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export function bands(page: Page) {
  return page.getByTestId('layer-stack').locator('[data-testid="layer"]');
}

/** Status of every instruction band (not base), bottom first, as "line:status". */
export async function bandStatuses(page: Page): Promise<string[]> {
  return bands(page).evaluateAll((els) =>
    els.filter((e) => e.getAttribute('data-status') !== 'base').map((e) => `${e.getAttribute('data-line')}:${e.getAttribute('data-status')}`),
  );
}

/** Puts the keyboard focus into Monaco (a click near its top-left corner, which is always on screen). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.monaco-host').click({ position: { x: 120, y: 12 } });
}

/** Moves to the end of the open file and presses Enter (adds a blank line). */
export async function appendNewline(page: Page, text = ''): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Answers the app's text dialog (new workspace, new file, rename) with `value` and submits it. */
export async function answerPrompt(page: Page, value: string): Promise<void> {
  const dialog = page.getByTestId('prompt-dialog');
  await dialog.getByRole('textbox').fill(value);
  await dialog.getByTestId('prompt-ok').click();
  await expect(dialog).toBeHidden();
}

/** Confirms the app's confirmation dialog (delete, reset). */
export async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByTestId('confirm-ok').click();
  await expect(dialog).toBeHidden();
}

/** Chooses an item of the header's menu (export, import, reset). */
export async function headerMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByTestId('header-menu').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The whole text in the editor (Monaco's model, or the plain text box before Monaco loads), not just the lines in view. */
export async function editorValue(page: Page): Promise<string> {
  return page.evaluate(() => {
    const monaco = (window as unknown as { __layerlabEditor?: { getValue(): string } }).__layerlabEditor;
    if (monaco) return monaco.getValue();
    return document.querySelector<HTMLTextAreaElement>('[data-testid="editor"] textarea.fallback-editor')?.value ?? '';
  });
}
