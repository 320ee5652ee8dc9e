import { expect, test } from '@playwright/test';
import { answerPrompt, openFile, openFresh, setEditorText, terminalText, typeCommand } from './helpers';

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

test('a Compose file in the workspace: problems marked in the editor, the app as a group in the containers panel', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: 'New file', exact: true }).click();
  await answerPrompt(page, 'compose.yaml');
  await expect(page.getByTestId('open-file')).toHaveText('compose.yaml');
  // set through Monaco's model: typed YAML lines would be indented by the editor on its own
  const setYaml = (text: string) => page.evaluate((t) => (window as unknown as { __layerlabEditor: { setValue(v: string): void } }).__layerlabEditor.setValue(t), text);
  await setYaml('services:\n  web:\n    image: busybox\n    port: "8080:80"\n');
  await expect(page.locator('.problems')).toHaveText('1 problem', { timeout: 15_000 });
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await page.getByTestId('editor').screenshot({ path: 'test-results/compose-diagnostics.png' });

  await setYaml('services:\n  web:\n    image: busybox\n    command: sleep 3600\n  worker:\n    image: busybox\n    command: sh -c "echo working; sleep 3600"\n');
  await expect(page.locator('.problems')).toHaveText('No problems', { timeout: 15_000 });
  await typeCommand(page, 'docker compose up -d');
  await typeCommand(page, 'docker run -d --name solo busybox sleep 3600');
  const group = page.getByTestId('compose-group');
  await expect(group).toHaveAttribute('data-project', 'workspace');
  await expect(group.getByTestId('compose-status')).toHaveText('running(2)');
  await expect(page.getByTestId('containers')).toContainText('solo');
  await page.getByTestId('side-panel').screenshot({ path: 'test-results/compose-groups.png' });
  await group.getByRole('button', { name: 'Down' }).click();
  await expect(group).toHaveCount(0, { timeout: 15_000 });
  expect(await terminalText(page)).toContain('Container workspace-web-1  Removed');
});
