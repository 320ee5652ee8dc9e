import { expect, test } from '@playwright/test';
import { openFile, openFresh, setEditorText, terminalText, typeCommand } from './helpers';

test.describe.configure({ timeout: 180_000 });

const server = (text: string) => `const http = require('http');\nhttp.createServer((req, res) => res.end('<h1 id="msg">${text}</h1>')).listen(3000);\nconsole.log('listening on 3000');\n`;

test('edit on the host, see it in the container: node --watch on a bind-mounted workspace, and container writes in the tree', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('node-web');
  await openFile(page, 'server.js');
  await setEditorText(page, server('hello from v1'));

  await typeCommand(page, 'docker run -d -p 3000:3000 -v "$(pwd)":/app -w /app --name app node:20-alpine node --watch server.js');
  expect(await terminalText(page)).not.toContain('Error');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByTestId('preview-address').fill('localhost:3000/');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('#msg')).toHaveText('hello from v1', { timeout: 30_000 });

  // the edit reaches the container's worker; node --watch restarts the server
  await openFile(page, 'server.js');
  await setEditorText(page, server('hello from v2'));
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Reload' }).click();
        return frame.locator('#msg').textContent({ timeout: 5_000 }).catch(() => '');
      },
      { timeout: 30_000 },
    )
    .toBe('hello from v2');
  const logs = await typeCommand(page, 'docker logs app');
  expect(logs).toContain("Restarting 'server.js'");

  // a file the container writes appears in the workspace
  await typeCommand(page, "docker exec app sh -c 'echo hi > /app/out.txt'");
  await expect(page.getByTestId('file-tree').getByRole('button', { name: 'out.txt', exact: true })).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('side-panel').screenshot({ path: 'test-results/bind-mount-preview.png' });
});
