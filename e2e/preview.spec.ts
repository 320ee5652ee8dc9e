import { expect, test, type Page } from '@playwright/test';
import { answerPrompt, openFile, openFresh, setEditorText, terminalText, typeCommand } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** The Node course's goals app: a form that POSTs a goal, a redirect back to the list. */
const GOALS_SERVER = `const express = require('express');
const bodyParser = require('body-parser');

const app = express();
let userGoal = 'Learn Docker!';

app.use(bodyParser.urlencoded({ extended: false }));
app.use(express.static('public'));

app.get('/', (req, res) => {
  res.send(\`<html>
  <head><link rel="stylesheet" href="styles.css"></head>
  <body>
    <section><h2>My Course Goal</h2><h3 id="goal">\${userGoal}</h3></section>
    <form action="/store-goal" method="POST">
      <div class="form-control"><label>Course Goal</label><input type="text" name="goal"></div>
      <button>Set Course Goal</button>
    </form>
    <a id="probe" href="/probe">isolation probe</a>
  </body>
</html>\`);
});

app.post('/store-goal', (req, res) => {
  userGoal = req.body.goal;
  res.redirect('/');
});

app.get('/visit', (req, res) => {
  const seen = /visits=(\\d+)/.exec(req.headers.cookie || '');
  const n = (seen ? Number(seen[1]) : 0) + 1;
  res.cookie('visits', String(n));
  res.send('<p id="visits">' + n + '</p><a id="again" href="visit">again</a>');
});

app.get('/probe', (req, res) => {
  res.send(PROBE);
});

// a 40x30 PNG written at start, sent with sendFile, and a page showing it
require('fs').writeFileSync('/tmp/logo.png', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR42u3NMQ0AAAgDsMmZfxXIQgYcTfo3056IWCwWi8VisVgsFov/xguJMCDM5ZJgJgAAAABJRU5ErkJggg==', 'base64'));
app.get('/logo.png', (req, res) => res.sendFile('/tmp/logo.png'));
app.get('/pic', (req, res) => {
  res.send('<img id="logo" src="/logo.png">');
});

app.listen(80);
`;

/** A page that tries to reach out of its frame and writes down what it got. */
const probePage = (appOrigin: string) => `const PROBE = \`<!DOCTYPE html><html><body><pre id="result">running</pre><script>
(async () => {
  const out = {};
  const attempt = async (name, fn) => { try { out[name] = 'allowed: ' + String(await fn()).slice(0, 60); } catch (e) { out[name] = 'denied: ' + e.name; } };
  await attempt('parentDocument', () => parent.document.title);
  await attempt('topDocument', () => top.document.cookie);
  await attempt('localStorage', () => localStorage.length);
  await attempt('indexedDB', () => new Promise((ok, fail) => { const r = indexedDB.open('layerlab'); r.onsuccess = () => ok('opened ' + r.result.name); r.onerror = () => fail(r.error); }));
  await attempt('cookie', () => document.cookie);
  await attempt('fetchApp', () => fetch('${appOrigin}/').then((r) => r.status));
  await attempt('rawFetchApp', () => { const f = document.createElement('iframe'); document.body.append(f); return f.contentWindow.fetch('${appOrigin}/').then((r) => r.status); });
  await attempt('imageFromApp', () => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok('loaded'); i.onerror = () => fail(new Error('blocked')); i.src = '${appOrigin}/favicon.svg'; }));
  await attempt('websocket', () => new Promise((ok, fail) => { const w = new WebSocket('ws://' + '${appOrigin}'.slice(7) + '/'); w.onopen = () => ok('open'); w.onerror = () => fail(new Error('blocked')); }));
  await attempt('xhrContainer', () => new Promise((ok, fail) => { const x = new XMLHttpRequest(); x.open('GET', '/visit'); x.onload = () => ok(x.status + ' ' + x.getResponseHeader('set-cookie')); x.onerror = () => fail(new Error('xhr')); x.send(); }));
  await attempt('fetchContainer', () => fetch('/').then((r) => r.text()).then((t) => t.includes('My Course Goal')));
  document.getElementById('result').textContent = JSON.stringify(out);
})();
</script></body></html>\`;
`;

const STYLES = 'h2 { color: rgb(0, 128, 0); }\n';
const DOCKERFILE = 'FROM node\n\nWORKDIR /app\n\nCOPY . .\n\nRUN npm install\n\nEXPOSE 80\n\nCMD ["node", "server.js"]\n';
// one line: the editor indents typed lines on its own
const PACKAGE_JSON = '{ "name": "goals", "dependencies": { "express": "^4.17.1", "body-parser": "^1.19.0" } }\n';

async function startGoalsApp(page: Page) {
  await openFresh(page);
  const appOrigin = new URL(page.url()).origin;
  await page.getByTestId('workspace-select').selectOption('node-web');
  await openFile(page, 'server.js');
  await setEditorText(page, probePage(appOrigin) + GOALS_SERVER);
  await openFile(page, 'package.json');
  await setEditorText(page, PACKAGE_JSON);
  await openFile(page, 'Dockerfile');
  await setEditorText(page, DOCKERFILE);
  // the static folder's index would shadow the app's own GET /: it becomes the stylesheet
  await page.getByRole('button', { name: 'Rename public/index.html' }).click();
  await answerPrompt(page, 'public/styles.css');
  await page.getByTestId('file-tree').getByRole('button', { name: 'styles.css', exact: true }).click();
  await expect(page.getByTestId('open-file')).toHaveText('public/styles.css');
  await setEditorText(page, STYLES);
  await page.getByTestId('build-button').click();
  await expect(page.getByTestId('build-button')).toBeEnabled({ timeout: 90_000 });
  await typeCommand(page, 'docker run -d -p 3000:80 --name goals node-web');
  await page.getByRole('tab', { name: 'Preview' }).click();
}

test('the goals app runs in the preview: the form posts and the redirect lands on the list; stylesheet, links, history and cookies work', async ({ page }) => {
  await startGoalsApp(page);
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('#goal')).toHaveText('Learn Docker!', { timeout: 30_000 });
  await expect(page.getByTestId('preview-address')).toHaveValue('localhost:3000/');
  await expect(page.getByTestId('preview-frame')).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
  await expect(frame.locator('h2')).toHaveCSS('color', 'rgb(0, 128, 0)');

  await frame.locator('input[name="goal"]').fill('Ship the preview');
  await frame.getByRole('button', { name: 'Set Course Goal' }).click();
  await expect(frame.locator('#goal')).toHaveText('Ship the preview', { timeout: 30_000 });
  await expect(page.getByTestId('preview-address')).toHaveValue('localhost:3000/');

  // the history: back to the list, forward again, and the container's log is untouched by the preview
  await frame.locator('#probe').click();
  await expect(page.getByTestId('preview-address')).toHaveValue('localhost:3000/probe');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(frame.locator('#goal')).toHaveText('Ship the preview');
  expect(await terminalText(page)).not.toContain('Error');

  // cookies: the container's Set-Cookie comes back on the next request of the same port; the probe page's XHR
  // to /visit above got the first one, so this is the second visit
  await page.getByTestId('preview-address').fill('localhost:3000/visit');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(frame.locator('#visits')).toHaveText('2');
  await frame.locator('#again').click();
  await expect(frame.locator('#visits')).toHaveText('3');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(frame.locator('#goal')).toHaveText('Ship the preview');

  // how it looks, in both languages and both themes (test-results/preview-*.png)
  const panel = page.getByTestId('side-panel');
  await panel.screenshot({ path: 'test-results/preview-en-light.png' });
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('button', { name: '뒤로' })).toBeVisible();
  await panel.screenshot({ path: 'test-results/preview-ko-light.png' });
  await page.getByLabel('테마').selectOption('dark');
  await page.waitForTimeout(300);
  await panel.screenshot({ path: 'test-results/preview-ko-dark.png' });
  await page.getByLabel('언어').selectOption('en');
  await expect(page.getByRole('button', { name: 'Back' })).toBeVisible();
  await panel.screenshot({ path: 'test-results/preview-en-dark.png' });
  await expect(frame.locator('#goal')).toHaveText('Ship the preview');
});

test('the previewed page is isolated from Layerlab: no DOM, storage, IndexedDB, cookies or network of the app', async ({ page }) => {
  await startGoalsApp(page);
  // the tab loads the published port by itself; then the address bar takes another path
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('#goal')).toHaveText('Learn Docker!', { timeout: 30_000 });
  await page.getByTestId('preview-address').fill('localhost:3000/probe');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const result = page.frameLocator('[data-testid="preview-frame"]').locator('#result');
  await expect(result).not.toHaveText('running', { timeout: 30_000 });
  const got = JSON.parse((await result.textContent()) ?? '{}') as Record<string, string>;
  expect(got.parentDocument).toMatch(/^denied/);
  expect(got.topDocument).toMatch(/^denied/);
  expect(got.localStorage).toMatch(/^denied/);
  expect(got.indexedDB).toMatch(/^denied/);
  expect(got.cookie).toMatch(/^denied/);
  expect(got.fetchApp).toMatch(/^denied/);
  expect(got.rawFetchApp).toMatch(/^denied/);
  expect(got.imageFromApp).toMatch(/^denied/);
  expect(got.websocket).toMatch(/^denied/);
  // what the page may do: talk to its own container
  expect(got.fetchContainer).toBe('allowed: true');
  expect(got.xhrContainer).toBe('allowed: 200 visits=1; Path=/');
  await expect(page.getByTestId('preview-notice')).toContainText('No network');
  // and Layerlab's own storage is still there
  expect(await page.evaluate(() => indexedDB.databases().then((d) => d.map((x) => x.name)))).toContain('layerlab');
});

test('images pass through as bytes: one a page shows and one opened by itself, both at their natural size', async ({ page }) => {
  page.on('dialog', (d) => void d.accept('public/styles.css'));
  await startGoalsApp(page);
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('#goal')).toHaveText('Learn Docker!', { timeout: 30_000 });
  await page.getByTestId('preview-address').fill('localhost:3000/pic');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const logo = frame.locator('#logo');
  await expect.poll(() => logo.evaluate((i: HTMLImageElement) => `${i.naturalWidth}x${i.naturalHeight}`), { timeout: 30_000 }).toBe('40x30');
  await page.getByTestId('side-panel').screenshot({ path: 'test-results/preview-image.png' });

  // the PNG itself as the page: an image at its natural size, not text
  await page.getByTestId('preview-address').fill('localhost:3000/logo.png');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const img = page.getByTestId('preview-image');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => `${i.naturalWidth}x${i.naturalHeight} ${i.width}x${i.height}`), { timeout: 30_000 }).toBe('40x30 40x30');
});
