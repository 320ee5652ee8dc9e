/**
 * Bringing your own project: a generated 5,000-file folder (plus a node_modules its .dockerignore excludes)
 * uploaded through the folder input becomes a workspace, with a progress bar, while the page keeps painting
 * frames; it survives a reload.
 */
import { expect, test } from '@playwright/test';
import { openFresh } from './helpers';
import { writeUploadProject } from './uploadProject';

test.describe.configure({ timeout: 180_000 });


test('a 5,000-file folder becomes a workspace with a progress bar, the page answering throughout', async ({ page }) => {
  await openFresh(page);
  const folder = writeUploadProject();
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = 0;
    w.__progress = [] as { text: string; frames: number }[];
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames++;
      if (now - last > 300) (w.__gaps ??= []).push([Math.round(last), Math.round(now - last)]);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      if (el?.textContent) w.__progress.push({ text: el.textContent, frames: w.__frames, at: Math.round(performance.now()) });
      if (document.querySelector('[data-testid="import-notice"]') && !w.__noticeAt) w.__noticeAt = Math.round(performance.now());
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    // the worst frame is counted from the moment the input has the files (Playwright's transfer is not ours)
    document.querySelector('[data-testid="upload-folder"]')!.addEventListener('change', () => {
      w.__changeAt = Math.round(performance.now());
        last = performance.now();
    }, { capture: true, once: true });
  });
  const t0 = Date.now();
  await page.getByTestId('upload-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-notice')).toContainText('Imported 5,000 files from proj as a new workspace.', { timeout: 120_000 });
  console.log(`upload of 5,000 files (set + read + saved): ${Date.now() - t0} ms`);
  await expect(page.getByTestId('import-notice')).toContainText('.dockerignore left out 200 files (node_modules)');

  const seen = ((await page.evaluate(() => (window as any).__progress)) as { text: string; frames: number; at: number }[]).filter((p) => /of 5,000 files/.test(p.text));
  console.log(JSON.stringify(await page.evaluate(() => { const w = window as any; return { change: w.__changeAt, first: w.__progress[0]?.at, last: w.__progress.at(-1)?.at, notice: w.__noticeAt, gaps: w.__gaps }; })));
  // the bar moved through the upload, and frames were painted between its first and last update
  expect(seen.length).toBeGreaterThan(2);
  expect(seen[0].text).toMatch(/Importing proj: [\d,]+ of 5,000 files/);
  expect(seen.at(-1)!.frames - seen[0].frames).toBeGreaterThan(5);
  // while the files are read, the page keeps painting: on a shared 2-core machine a frame may be late, but the
  // page never freezes (frames longer than 300 ms are listed, from the input's change to the last progress)
  const during = await page.evaluate(() => {
    const w = window as any;
    const end = w.__progress.at(-1).at;
    return ((w.__gaps ?? []) as [number, number][]).filter(([start]) => start >= w.__changeAt && start < end).map(([, len]) => len);
  });
  expect(Math.max(0, ...during)).toBeLessThan(1500);

  await expect(page.getByTestId('workspace-select')).toHaveValue('proj');
  const fileOf = (path: string) =>
    page.evaluate((p) => {
      const s = (window as any).__layerlab.store.getState();
      const ws = s.workspaces.find((w: { id: string }) => w.id === 'proj');
      return ws ? { count: Object.keys(ws.files).length, file: ws.files[p] } : null;
    }, path);
  expect(await fileOf('src/d49/f4997.txt')).toEqual({ count: 5000, file: 'file 4997\n' });

  await page.waitForTimeout(1000);
  await page.reload();
  // the saved workspace is shown at once; the engine starting on 5,000 files takes longer than on an example
  const t1 = Date.now();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  console.log(`engine up after a reload with the 5,000-file workspace: ${Date.now() - t1} ms`);
  expect(await fileOf('src/d0/f0.txt')).toEqual({ count: 5000, file: 'file 0\n' });
});

test('a 5,000-file workspace: the tree keeps only the rows in view in the page, and the keyboard walks it', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\nCOPY src /src\n' };
    for (let i = 0; i < 4999; i++) files[`src/d${Math.floor(i / 100)}/f${i}.txt`] = `file ${i}\n`;
    (window as any).__layerlab.store.getState().addWorkspace('big', { id: 'big', name: 'big', tag: 'big', files });
  });
  const tree = page.getByTestId('file-tree');
  const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  // a directory of thousands of files starts closed: the project opens on its top level
  await expect(item('src')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(2);

  // → opens a directory, ↓ moves, → again opens the next one
  await item('src').focus();
  await page.keyboard.press('ArrowRight');
  await expect(item('src')).toHaveAttribute('aria-expanded', 'true');
  await expect(item('d0')).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowDown');
  await expect(item('d0')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(item('f0.txt')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(item('f0.txt')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-file')).toHaveText('src/d0/f0.txt');

  // a file opened from elsewhere: its directories open and its row scrolls into view, a few dozen rows in the page
  await page.evaluate(() => (window as any).__layerlab.store.getState().openPath('src/d49/f4998.txt'));
  await expect(item('f4998.txt')).toBeInViewport();
  await expect(item('f4998.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(item('f4998.txt')).toHaveAttribute('aria-setsize', '99');
  const inPage = await tree.getByRole('treeitem').count();
  expect(inPage).toBeLessThan(150);
  // End and Home reach the last and first rows, rendering them on the way
  await item('f4998.txt').focus();
  await page.keyboard.press('Home');
  await expect(item('src')).toBeFocused();
  await expect(item('src')).toBeInViewport();
  await page.keyboard.press('End');
  await expect(item('Dockerfile')).toBeFocused();
  await expect(item('Dockerfile')).toBeInViewport();
  // ← from a file goes to its parent; on an open directory it closes it
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(item('src')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  // a click on a directory opens it; rows far below come into the page as they come into view; files keep their buttons
  await tree.getByText('src/').click();
  await expect(item('src')).toHaveAttribute('aria-expanded', 'true');
  await expect(item('Dockerfile')).toHaveCount(0);
  await page.keyboard.press('End');
  await tree.getByRole('button', { name: 'Dockerfile', exact: true }).click();
  await expect(page.getByTestId('open-file')).toHaveText('Dockerfile');
});
