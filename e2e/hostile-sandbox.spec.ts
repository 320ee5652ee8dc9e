/**
 * Hostile learner programs in the container sandbox, in real Chromium. Each program escapes the runtime's
 * shadowed names to the worker's global scope (`({}).constructor.constructor('return this')()`) and then tries
 * to reach the app: its IndexedDB, the network (same origin and another local server), the page through forged
 * messages, the parent window, cookies and storage. Each test checks the attempt fails inside (the program's own
 * output says so), the app's IndexedDB is intact and no request arrived anywhere.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { openFresh, putStored, terminalText, typeCommand } from './helpers';

const IMAGE = 'node:20-alpine';
const CANARY = { secret: 'workspace contents the program must not read', n: 42 };

/** A local server on another port: records every request and WebSocket upgrade that reaches it. */
let probe: Server;
let probeHits: string[] = [];
let probeBase = '';

test.beforeAll(async () => {
  probe = createServer((req, res) => {
    probeHits.push(`${req.method} ${req.url}`);
    if (req.url?.startsWith('/frame-me')) {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><iframe id="app" src="${req.url.slice('/frame-me?'.length)}"></iframe>`);
      return;
    }
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'text/javascript');
    res.end('/* probe */');
  });
  probe.on('upgrade', (req, socket) => {
    probeHits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  probeBase = `127.0.0.1:${(probe.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((r) => probe.close(r));
});

/** Same-origin requests to /__hostile/ that reach the network layer (the app itself never requests them). */
let sameOrigin: string[] = [];

test.beforeEach(async ({ context }) => {
  probeHits = [];
  sameOrigin = [];
  await context.route('**/__hostile/**', (route) => {
    sameOrigin.push(`${route.request().method()} ${route.request().url()}`);
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* same origin */', headers: { 'access-control-allow-origin': '*' } });
  });
});

/** Every key and value of the app's IndexedDB store, as JSON. */
async function storedData(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const o = indexedDB.open('layerlab', 1);
      o.onsuccess = () => resolve(o.result);
      o.onerror = () => reject(o.error);
    });
    const out: Record<string, string> = {};
    await new Promise<void>((resolve) => {
      const store = db.transaction('kv', 'readonly').objectStore('kv');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        let left = keys.result.length;
        if (!left) resolve();
        for (const k of keys.result) {
          const g = store.get(k);
          g.onsuccess = () => {
            out[String(k)] = JSON.stringify(g.result);
            if (--left === 0) resolve();
          };
        }
      };
    });
    db.close();
    return out;
  });
}

/** Opens the app with a canary in its database and the image pulled. */
async function prepare(page: Page): Promise<Record<string, string>> {
  await openFresh(page);
  await putStored(page, 'hostile-canary', CANARY);
  await typeCommand(page, `docker pull ${IMAGE}`);
  return storedData(page);
}

/**
 * Runs `program` (JavaScript) as `docker run ... node -e` and returns the terminal's new text. The source
 * travels base64-encoded so the command line needs no quoting; it is pasted (typing it would take long).
 */
async function runProgram(page: Page, program: string, opts: { name?: string } = {}): Promise<string> {
  const b64 = Buffer.from(program).toString('base64');
  const line = `docker run ${opts.name ? `--name ${opts.name}` : '--rm'} ${IMAGE} node -e "eval(Buffer.from('${b64}','base64').toString())"`;
  const before = await terminalText(page);
  const prompts = (before.match(/^\$ /gm) ?? []).length;
  await page.evaluate((text) => navigator.clipboard.writeText(text), line + '\n');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Control+V');
  await expect.poll(async () => ((await terminalText(page)).match(/^\$ /gm) ?? []).length, { timeout: 45_000 }).toBeGreaterThan(prompts);
  return (await terminalText(page)).slice(before.length);
}

/** The escape every payload starts with; `say` prints one result line. */
const PRELUDE = `
const g = ({}).constructor.constructor('return this')();
const say = (k, v) => console.log('RESULT ' + k + ': ' + v);
say('global', g && g.constructor ? g.constructor.name : typeof g);
const attempt = (k, f) => { try { const r = f(); if (r && typeof r.then === 'function') r.then((v) => say(k, 'REACHED ' + v), (e) => say(k, 'blocked ' + (e && e.name))); else say(k, 'REACHED ' + r); } catch (e) { say(k, 'blocked ' + (e && e.name)); } };
`;
const FINISH = `setTimeout(() => console.log('DONE'), 2500);`;

/** The results a program printed, by name. */
function results(out: string): Record<string, string> {
  const r: Record<string, string> = {};
  for (const m of out.matchAll(/^RESULT ([\w-]+): (.*?)\r?$/gm)) r[m[1]] = m[2];
  return r;
}

async function expectIntact(page: Page, before: Record<string, string>): Promise<void> {
  const after = await storedData(page);
  expect(after['hostile-canary']).toBe(JSON.stringify(CANARY));
  expect(after['hostile-pwned']).toBeUndefined();
  for (const k of Object.keys(before)) expect(Object.keys(after)).toContain(k);
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the escaped global scope cannot open, read, change or delete the app’s IndexedDB, nor its caches', async ({ page }) => {
  const before = await prepare(page);
  const out = await runProgram(
    page,
    PRELUDE +
      `
attempt('idb', () => new Promise((resolve, reject) => {
  const req = g.indexedDB.open('layerlab');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction('kv', 'readwrite');
    const store = tx.objectStore('kv');
    const all = store.getAll();
    all.onsuccess = () => console.log('STOLEN ' + JSON.stringify(all.result).slice(0, 200));
    store.put('pwned', 'hostile-pwned');
    store.delete('hostile-canary');
    tx.oncomplete = () => resolve('opened, read and rewrote ' + [...db.objectStoreNames].join(','));
    tx.onerror = () => reject(tx.error);
  };
}));
attempt('caches', () => g.caches.keys().then((k) => k.length + ' caches'));
` +
      FINISH,
  );
  expect(out).toContain('DONE');
  const r = results(out);
  expect(r.global).toBe('DedicatedWorkerGlobalScope');
  expect(r.idb).toMatch(/^blocked/);
  expect(r.caches).toMatch(/^blocked/);
  expect(out).not.toContain('STOLEN');
  expect(out).not.toContain(CANARY.secret);
  await expectIntact(page, before);
});

test('no request leaves the sandbox: fetch, XHR, WebSocket, EventSource, importScripts, a nested worker', async ({ page }) => {
  const before = await prepare(page);
  const origin = new URL(page.url()).origin;
  const wsOrigin = origin.replace(/^http/, 'ws');
  const targets = { same: `${origin}/__hostile`, other: `http://${probeBase}` };
  let body = '';
  for (const [where, base] of Object.entries(targets)) {
    const ws = where === 'same' ? `${wsOrigin}/__hostile` : `ws://${probeBase}`;
    body += `
attempt('fetch-${where}', () => g.fetch('${base}/fetch').then((r) => 'status ' + r.status));
attempt('fetch-nocors-${where}', () => g.fetch('${base}/fetch-nocors', { mode: 'no-cors' }).then((r) => r.type));
attempt('xhr-${where}', () => new Promise((resolve, reject) => { const x = new g.XMLHttpRequest(); x.open('GET', '${base}/xhr'); x.onload = () => resolve('status ' + x.status); x.onerror = () => reject(new Error('xhr')); x.send(); }));
attempt('websocket-${where}', () => new Promise((resolve, reject) => { const s = new g.WebSocket('${ws}/ws'); s.onopen = () => resolve('open'); s.onerror = () => reject(new Error('ws')); }));
attempt('eventsource-${where}', () => new Promise((resolve, reject) => { const s = new g.EventSource('${base}/sse'); s.onopen = () => resolve('open'); s.onerror = () => { s.close(); reject(new Error('sse')); }; }));
attempt('importscripts-${where}', () => { g.importScripts('${base}/import.js'); return 'imported'; });
attempt('beacon-${where}', () => g.navigator.sendBeacon('${base}/beacon', 'x'));
`;
  }
  body += `
attempt('nested-worker', () => new Promise((resolve, reject) => {
  const src = "fetch('http://${probeBase}/nested').then(() => postMessage('REACHED'), () => postMessage('blocked'))";
  const w = new g.Worker(g.URL.createObjectURL(new g.Blob([src])));
  w.onmessage = (e) => (e.data === 'REACHED' ? resolve('fetched') : reject(new Error('blocked')));
  w.onerror = () => reject(new Error('no worker'));
}));
`;
  const out = await runProgram(page, PRELUDE + body + FINISH);
  expect(out).toContain('DONE');
  const r = results(out);
  const names = Object.keys(r).filter((k) => k !== 'global');
  expect(names.length).toBe(15);
  for (const k of names) expect(`${k}: ${r[k]}`).toMatch(/: blocked/);
  expect(probeHits).toEqual([]);
  expect(sameOrigin).toEqual([]);
  await expectIntact(page, before);
});

test('no way to the page: no parent, top, document, cookie or storage; forged messages end only the forger', async ({ page }) => {
  const before = await prepare(page);
  const out = await runProgram(
    page,
    PRELUDE +
      `
attempt('parent', () => typeof g.parent === 'undefined' ? Promise.reject({ name: 'none' }) : g.parent.document.title);
attempt('top', () => typeof g.top === 'undefined' ? Promise.reject({ name: 'none' }) : g.top.location.href);
attempt('document', () => g.document.cookie);
attempt('localstorage', () => g.localStorage.getItem('layerlab.boot'));
attempt('sessionstorage', () => g.sessionStorage.length);
// A forged exit through the worker's own postMessage: if the page took it, the container would end here with 0.
g.postMessage({ t: 'exit', e: { code: 0, time: 0, reason: 'exit' } });
g.postMessage({ t: 'fs', change: { op: 'writeFile', path: '/forged', data: 'not bytes' } });
setTimeout(() => console.log('AFTER-FORGERY'), 500);
setTimeout(() => {
  // The page's end of the protocol: take the port the runtime posts on and send something outside the protocol.
  const post = g.MessagePort.prototype.postMessage;
  g.MessagePort.prototype.postMessage = function (m, t) {
    g.MessagePort.prototype.postMessage = post;
    post.call(this, { t: 'bogus', payload: 1 });
    return post.call(this, m, t);
  };
  console.log('FORGING');
}, 1000);
setTimeout(() => console.log('SURVIVED-BOGUS'), 2000);
`,
    { name: 'forger' },
  );
  const r = results(out);
  expect(r.global).toBe('DedicatedWorkerGlobalScope');
  for (const k of ['parent', 'top', 'document', 'localstorage', 'sessionstorage']) expect(`${k}: ${r[k]}`).toMatch(/: blocked/);
  expect(out).toContain('AFTER-FORGERY');
  expect(out).not.toContain('SURVIVED-BOGUS');
  const state = await typeCommand(page, "docker inspect --format '{{.State.ExitCode}} {{.State.Error}}' forger");
  expect(state).toMatch(/^1 sandbox: the container's process sent a message outside the protocol \(unknown message type "bogus"\)/m);
  // the page still runs the next container
  expect(await typeCommand(page, `docker run --rm ${IMAGE} node -e "console.log('next one runs')"`)).toContain('next one runs');
  expect(probeHits).toEqual([]);
  await expectIntact(page, before);
});

test('the app refuses to be framed by another site; the sandbox page is framed by the app only', async ({ page, request }) => {
  const app = await request.get('/');
  expect(app.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(app.headers()['x-frame-options']).toBe('DENY');
  const sandbox = await request.get('/sandbox.html');
  const policy = sandbox.headers()['content-security-policy'];
  for (const d of ["default-src 'none'", "connect-src 'none'", 'worker-src blob:', "frame-ancestors 'self'"]) expect(policy).toContain(d);
  const origin = new URL(app.url()).origin;
  await page.goto(`http://${probeBase}/frame-me?${origin}/`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
  await page.goto(`http://${probeBase}/frame-me?${origin}/sandbox.html`);
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
});

test.describe('memory', { tag: '@alone' }, () => {
  // On a machine so loaded that a garbage-collecting slice takes over 2 s, the CPU watchdog stops the program
  // before it runs out of memory (137, not OOM-killed): a retry, not a looser assertion.
  test.describe.configure({ retries: 2 });

  test('a program that exhausts memory is OOM-killed (137) while the page stays responsive; the next container runs', async ({ playwright, launchOptions, baseURL }) => {
    test.setTimeout(120_000);
    // A browser of its own with a 512 MB V8 heap limit (page, frame and workers alike), so the sandbox runs out in
    // seconds instead of at the default ~4 GB. Playwright reports any crashed out-of-process frame as a crash of the
    // whole page and then refuses to drive it, so after the crash the page is driven through its DevTools session.
    const browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--js-flags=--max-old-space-size=512'] });
    try {
      const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await prepare(page);
      const cdp = await context.newCDPSession(page);
      const evaluate = async <T>(expression: string): Promise<T> =>
        ((await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value as T);
      const text = () => evaluate<string>('window.__layerlabTerminalText()');
      const prompts = async () => ((await text()).match(/^\$ /gm) ?? []).length;
      const type = async (line: string) => {
        const n = await prompts();
        await evaluate("document.querySelector('.xterm-helper-textarea').focus()");
        await cdp.send('Input.insertText', { text: line });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
        await expect.poll(prompts, { timeout: 60_000 }).toBeGreaterThan(n);
      };
      page.on('crash', () => {}); // the sandbox frame's process, not the page: see above
      await type(
        `docker run --name hog ${IMAGE} node -e "const a = []; setInterval(() => { a.push(new Array(1e7).fill(a.length + 0.5)); console.log('allocated ' + a.length * 80 + ' MB') }, 50)"`,
      );
      // the page kept running and answers at once
      expect(await evaluate<number>('1 + 1')).toBe(2);
      await type(`docker inspect --format '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Error}}' hog`);
      const out = await text();
      expect(out).toMatch(/^exited 137 true\s*$/m);
      await type(`docker run --rm ${IMAGE} node -e "console.log('the next container runs')"`);
      expect(await text()).toMatch(/^the next container runs\s*$/m);
      const canary = await evaluate<string>(
        `new Promise((resolve) => { const o = indexedDB.open('layerlab', 1); o.onsuccess = () => { const g = o.result.transaction('kv').objectStore('kv').get('hostile-canary'); g.onsuccess = () => { resolve(JSON.stringify(g.result)); o.result.close(); }; }; })`,
      );
      expect(canary).toBe(JSON.stringify(CANARY));
      await cdp.detach();
      expect(probeHits).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
