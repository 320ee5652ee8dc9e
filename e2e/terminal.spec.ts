import { expect, test } from '@playwright/test';
import { openFresh, terminalText, typeCommand } from './helpers';

test.describe.configure({ timeout: 120_000 });

test('a terminal session pulls, runs detached, reads logs and removes web-ping', async ({ page }) => {
  await openFresh(page);
  let out = await typeCommand(page, 'docker pull diamol/ch03-web-ping');
  expect(out).toContain('Status: Downloaded newer image for diamol/ch03-web-ping:latest');

  out = await typeCommand(page, 'docker run -d --name web-ping diamol/ch03-web-ping');
  expect(out).toMatch(/[0-9a-f]{64}/);
  await page.getByRole('tab', { name: 'Containers' }).click();
  await expect(page.getByTestId('containers')).toContainText('web-ping');

  // a leading "docker" is optional
  await expect
    .poll(async () => typeCommand(page, 'logs web-ping'), { timeout: 30_000 })
    .toContain('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals');

  out = await typeCommand(page, 'docker rm -f web-ping');
  expect(out).toContain('web-ping');
  out = await typeCommand(page, 'docker ps -a');
  expect(out).not.toContain('web-ping');
  await expect(page.getByTestId('side-panel')).not.toContainText('diamol/ch03-web-ping');
});

test('the line editor: history, completion, quotes, clear, help and errors in docker’s words', async ({ page }) => {
  await openFresh(page);
  await typeCommand(page, 'version');
  // Up recalls the last command
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(async () => ((await terminalText(page)).match(/Version: +28\.2\.2/g) ?? []).length).toBeGreaterThanOrEqual(2);

  // Tab completes a command
  await page.keyboard.type('docker imag');
  await page.keyboard.press('Tab');
  await page.keyboard.type(' ls');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toContain('REPOSITORY');

  const help = await typeCommand(page, 'help');
  expect(help).toContain('clear');

  const err = await typeCommand(page, 'docker bogus');
  expect(err).toContain("docker: unknown command: docker bogus");

  const quote = await typeCommand(page, 'docker run "unterminated');
  expect(quote).toContain('unexpected EOF');

  await typeCommand(page, 'clear', { wait: false });
  await expect.poll(async () => (await terminalText(page)).trim()).toBe('$');
});

test('a line wider than the terminal wraps without repeating the prompt, and edits in it redraw in place', async ({ page }) => {
  await openFresh(page);
  await expect.poll(() => terminalText(page)).toContain('$ ');
  const prompts = async () => ((await terminalText(page)).match(/^\$ /gm) ?? []).length;
  const before = await prompts();
  const line = `docker images --filter "label=${'x'.repeat(260)}"`;
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  // Edit at the start of the wrapped line, then at its end.
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await page.keyboard.type('d');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('"');
  expect(await prompts()).toBe(before);
  const text = await terminalText(page);
  expect(text.split('\n').filter((l) => l.startsWith('$ ')).at(-1)).toBe('$ ' + line);
  expect(text.split(line).length).toBe(2);
  await page.keyboard.press('Enter');
  await expect.poll(prompts).toBe(before + 1);
  expect(await terminalText(page)).toContain('REPOSITORY');
});

test('Ctrl-C stops a following log stream', async ({ page }) => {
  await openFresh(page);
  await typeCommand(page, 'docker run -d --name pinger diamol/ch03-web-ping');
  await typeCommand(page, 'docker logs -f pinger', { wait: false });
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('Pinging: blog.sixeyed.com');
  const prompts = ((await terminalText(page)).match(/^\$ /gm) ?? []).length;
  await page.keyboard.press('Control+C');
  await expect.poll(async () => ((await terminalText(page)).match(/^\$ /gm) ?? []).length, { timeout: 10_000 }).toBeGreaterThan(prompts);
});

test('an interactive -it session feeds typed lines to a Node REPL', async ({ page }) => {
  await openFresh(page);
  await typeCommand(page, 'docker pull node');
  await typeCommand(page, 'docker run -it --name repl node', { wait: false });
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('Welcome to Node.js');
  await page.keyboard.type('6 * 7\n');
  await expect.poll(() => terminalText(page), { timeout: 15_000 }).toMatch(/^42$/m);
  // the container's terminal echoes what is typed, once
  expect((await terminalText(page)).match(/6 \* 7/g)).toHaveLength(1);
  // Ctrl-C goes to the REPL, which explains how to leave
  await page.keyboard.press('Control+C');
  await expect.poll(() => terminalText(page), { timeout: 15_000 }).toContain('(To exit, press Ctrl+C again or Ctrl+D or type .exit)');
  const prompts = ((await terminalText(page)).match(/^\$ /gm) ?? []).length;
  await page.keyboard.type('.exit\n');
  await expect.poll(async () => ((await terminalText(page)).match(/^\$ /gm) ?? []).length, { timeout: 15_000 }).toBeGreaterThan(prompts);
});

test('the preview shows what a published port serves, inside a sandboxed opaque-origin frame', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-select').selectOption('node-web');
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 60_000 });
  await typeCommand(page, 'docker run -d -p 3000:80 --name web node-web');
  await page.getByRole('tab', { name: 'Containers' }).click();
  await expect(page.getByTestId('containers')).toContainText('3000->80/tcp');
  // the Open button loads the page by itself
  await page.getByRole('button', { name: 'Open localhost:3000' }).click();
  const frame = page.getByTestId('preview-frame');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('h1')).toHaveText('Hello from a container!', { timeout: 20_000 });
  await expect(page.getByTestId('preview-address')).toHaveValue('localhost:3000/');
});

test('copy and paste: a selection is copied with Ctrl+Shift+C; pasted lines run one after another, typed-ahead keys after the command', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await typeCommand(page, 'docker version');
  const textarea = page.locator('.xterm-helper-textarea');

  // select the terminal's text with the mouse and copy it
  const box = (await page.locator('[data-testid=terminal] .xterm-screen').boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('legacy builder with DOCKER_BUILDKIT=0');

  // two lines pasted at once: each is shown at the prompt and runs in turn
  await page.evaluate(() => navigator.clipboard.writeText('docker pull diamol/ch03-web-ping\ndocker image ls diamol/ch03-web-ping\n'));
  await textarea.focus();
  await page.keyboard.press('Control+V');
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/\$ docker image ls diamol\/ch03-web-ping\n(REPOSITORY +TAG[^\n]*\n)diamol\/ch03-web-ping +latest/);
  expect(await terminalText(page)).toMatch(/\$ docker pull diamol\/ch03-web-ping\n/);

  // keys typed while a build runs are kept and run once it is done
  await textarea.focus();
  await page.keyboard.type('docker build -t typed-ahead .\n', { delay: 0 });
  await page.keyboard.type('docker image ls typed-ahead\n', { delay: 0 });
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/naming to docker\.io\/library\/typed-ahead:latest[\s\S]*\$ docker image ls typed-ahead\nREPOSITORY[^\n]*\ntyped-ahead +latest/);
});
