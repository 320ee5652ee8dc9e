import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import { NODE_WEB_INDEX_HTML, NODE_WEB_SERVER_JS } from './samples';
import { InProcessHost } from './in-process-host';
import { hostPackages } from '../../../tests/node-runtime/host-packages';

const env = (v = '10.16.0') => ({ PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: v, HOME: '/root' });
const strip = (s: string) => s.replace(/\r\n/g, '\n');

describe('node programs', () => {
  it('runs node -e with console.log formatting and exits 0', async () => {
    const c = spawnCollect({ argv: ['node', '-e', "console.log('%s is %d', 'x', 42, { a: 1, b: 'two' }, [1, 2])"], env: env(), fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe("x is 42 { a: 1, b: 'two' } [ 1, 2 ]\n");
    expect(c.exit).toMatchObject({ code: 0, reason: 'exit' });
  });

  it('colours inspected values on a terminal, like node', async () => {
    const c = spawnCollect({ argv: ['node', '-e', "console.log('n=%d', 5, 7, { a: 1 }, 'plain')"], env: env(), tty: true, fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('n=5 \x1b[33m7\x1b[39m { a: \x1b[33m1\x1b[39m } plain\r\n');
  });

  it('reads piped stdin with process.stdin data/end listeners (docker run -i, a pipe in sh)', async () => {
    const script = "process.stdin.on('data', (d) => console.log('got', String(d).trim())); process.stdin.once('end', () => console.log('end'))";
    const c = spawnCollect({ argv: ['node', '-e', script], env: env('20.11.1'), interactive: true, fs: imageFs('node') });
    c.proc.write('hi\n');
    c.proc.closeStdin();
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('got hi\nend\n');
    expect(c.exit).toMatchObject({ code: 0 });
    const sh = spawnCollect({ argv: ['sh', '-c', `echo hello | node -e '${script.replace(/'/g, '"')}'; echo after`], env: env('20.11.1'), fs: imageFs('node') });
    await sh.proc.advanceTo(T0);
    expect(sh.stderr()).toBe('');
    expect(sh.stdout()).toBe('got hello\nend\nafter\n');
  });

  it('runs any number of node children one after another from a shell, and $(...) with quoted parentheses', async () => {
    const c = spawnCollect({ argv: ['sh', '-c', 'node -e 1; node -e 1; node -e "console.log(3)"; x=$(node -e "console.log((1+2)*2)"); echo "x=$x $(echo "a(b)")"'], env: env('20.11.1'), fs: imageFs('node') });
    const exit = await c.proc.exited;
    expect(c.all()).toBe('3\nx=6 a(b)\n');
    expect(exit).toMatchObject({ code: 0 });
  });

  it('prints -p results and the version', async () => {
    const p = spawnCollect({ argv: ['node', '-p', '1 + 1'], env: env(), fs: imageFs('node') });
    const v = spawnCollect({ argv: ['node', '--version'], env: env('20.11.1'), fs: imageFs('node') });
    await p.proc.advanceTo(T0);
    await v.proc.advanceTo(T0);
    expect(p.stdout()).toBe('2\n');
    expect(v.stdout()).toBe('v20.11.1\n');
  });

  it('sees virtual time, the container hostname and requires its own files', async () => {
    const fs = imageFs('node', {
      '/app/lib/greet.js': "module.exports = (n) => 'hello ' + n;",
      '/app/main.js': "const greet = require('./lib/greet');\nconst os = require('os');\nsetTimeout(() => console.log(greet(os.hostname()), Date.now(), new Date().toISOString()), 1500);",
    });
    const c = spawnCollect({ argv: ['node', 'main.js'], cwd: '/app', env: env(), fs });
    await c.proc.advanceTo(T0 + 10000);
    expect(c.stdout()).toBe(`hello f1e2d3c4b5a6 ${T0 + 1500} ${new Date(T0 + 1500).toISOString()}\n`);
    expect(c.exit).toMatchObject({ code: 0, time: T0 + 1500 });
  });

  it('writes files through fs onto the process filesystem', async () => {
    const fs = imageFs('node', { '/data/in.txt': 'abc' });
    const c = spawnCollect({
      argv: ['node', '-e', "const fs = require('fs'); fs.appendFileSync('/data/in.txt', 'def'); fs.writeFileSync('/data/out.json', JSON.stringify(fs.readdirSync('/data')));"],
      env: env(),
      fs,
    });
    await c.proc.advanceTo(T0);
    expect(new TextDecoder().decode(fs.readFile('/data/in.txt')!)).toBe('abcdef');
    expect(new TextDecoder().decode(fs.readFile('/data/out.json')!)).toBe('["in.txt"]');
  });

  it('crashes like node on an uncaught error: source line, caret, stack, exit 1', async () => {
    const fs = imageFs('node', { '/app/boom.js': "const x = 1;\nthrow new Error('boom');\n" });
    const c = spawnCollect({ argv: ['node', '/app/boom.js'], env: env(), fs });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toMatch(/^\/app\/boom\.js:2\nthrow new Error\('boom'\);\n\^\n\nError: boom\n {4}at Object\.<anonymous> \(\/app\/boom\.js:2:7\)\n {4}at Module\._compile \(internal\/modules\/cjs\/loader\.js:778:30\)/);
    expect(c.exit).toMatchObject({ code: 1 });
  });

  it("reports Cannot find module 'express' when node_modules is missing", async () => {
    const fs = imageFs('node', { '/app/server.js': NODE_WEB_SERVER_JS });
    const c = spawnCollect({ argv: ['node', 'server.js'], cwd: '/app', env: env('20.11.1'), fs });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toContain("Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js\n");
    expect(c.stderr()).toContain('\nNode.js v20.11.1\n');
    expect(c.exit?.code).toBe(1);
  });

  it('reports syntax errors with the file and line, and V8 messages in the image version\'s words', async () => {
    const fs = imageFs('node', { '/app/x.js': 'const a = 1;\nif (a) {\n  foo(;\n}\n', '/app/z.js': 'const o = null;\no.x;\n' });
    const x = spawnCollect({ argv: ['node', '/app/x.js'], env: env(), fs });
    const z = spawnCollect({ argv: ['node', '/app/z.js'], env: env(), fs });
    await x.proc.advanceTo(T0);
    await z.proc.advanceTo(T0);
    expect(x.stderr()).toMatch(/^\/app\/x\.js:3\n {2}foo\(;\n {2}\^\n\nSyntaxError: Unexpected token ;\n {4}at new Script \(vm\.js:80:7\)\n/);
    expect(z.stderr()).toMatch(/^\/app\/z\.js:2\no\.x;\n {2}\^\n\nTypeError: Cannot read property 'x' of null\n {4}at Object\.<anonymous> \(\/app\/z\.js:2:3\)\n/);
  });

  it('reports a missing main script like node 10', async () => {
    const c = spawnCollect({ argv: ['node', '/nope.js'], env: env(), fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toBe(
      "internal/modules/cjs/loader.js:638\n    throw err;\n    ^\n\nError: Cannot find module '/nope.js'\n    at Function.Module._resolveFilename (internal/modules/cjs/loader.js:636:15)\n    at Function.Module._load (internal/modules/cjs/loader.js:562:25)\n    at Function.Module.runMain (internal/modules/cjs/loader.js:831:12)\n    at startup (internal/bootstrap/node.js:283:19)\n    at bootstrapNodeJSCore (internal/bootstrap/node.js:622:3)\n",
    );
    expect(c.exit?.code).toBe(1);
  });

  it('crashes with an unhandled error event when a request has no error listener', async () => {
    const c = spawnCollect({ argv: ['node', '-e', "require('https').get('https://no.such.host.invalid/')"], env: env('20.11.1'), fs: imageFs('node') });
    await c.proc.advanceTo(T0 + 1000);
    expect(c.stderr()).toMatch(/^node:events:\d+\n {6}throw er; \/\/ Unhandled 'error' event\n {6}\^\n\nError: getaddrinfo ENOTFOUND no\.such\.host\.invalid\n/);
    expect(c.stderr()).toContain("  code: 'ENOTFOUND',\n");
    expect(c.exit?.code).toBe(1);
  });

  it('has fetch on Node 18+, following redirects, and imports with ES module syntax', async () => {
    const fs = imageFs('node', {
      '/app/lib.mjs': "export const greet = (n) => 'hi ' + n;\nexport default 42;",
      '/app/main.mjs': "import answer, { greet } from './lib.mjs';\nimport os from 'os';\nfetch('https://google.com/').then(async (r) => console.log(greet(os.platform()), answer, r.status, r.url, r.redirected, (await r.text()).length > 0));",
    });
    const c = spawnCollect({ argv: ['node', 'main.mjs'], cwd: '/app', env: env('20.11.1'), fs });
    await c.proc.advanceTo(T0 + 5000);
    expect(c.stderr()).toBe('');
    expect(c.stdout()).toBe('hi linux 42 200 https://www.google.com/ true true\n');
    expect(c.exit?.code).toBe(0);
  });

  it('shows errors with the program\'s own frames only', async () => {
    const fs = imageFs('node', { '/app/e.js': "function f() {\n  return new Error('bad');\n}\nconsole.error(f());\n" });
    const c = spawnCollect({ argv: ['node', '/app/e.js'], env: env(), fs });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toBe('Error: bad\n    at f (/app/e.js:2:10)\n    at Object.<anonymous> (/app/e.js:4:15)\n');
  });

  it('hides host globals (network, worker messaging) from user code', async () => {
    const c = spawnCollect({ argv: ['node', '-e', 'console.log(typeof fetch, typeof postMessage, typeof self, typeof globalThis.JSON, typeof global.setTimeout, typeof crypto)'], env: env(), fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('undefined undefined undefined object function undefined\n');
  });

  it('node without stdin exits 0 at once (docker run node → Exited (0))', async () => {
    const c = spawnCollect({ argv: ['node'], env: env(), fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    expect(c.all()).toBe('');
    expect(c.exit).toMatchObject({ code: 0 });
  });

  it('node with piped stdin runs the script at end of input', async () => {
    const c = spawnCollect({ argv: ['node'], env: env(), interactive: true, fs: imageFs('node') });
    c.proc.write("const a = 20;\nconsole.log('sum', a + 22);\n");
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('');
    c.proc.closeStdin();
    await c.proc.advanceTo(T0 + 1);
    expect(c.stdout()).toBe('sum 42\n');
    expect(c.exit?.code).toBe(0);
  });

  it('node -i without a tty is a REPL without the banner', async () => {
    const c = spawnCollect({ argv: ['node', '-i'], env: env('20.11.1'), interactive: true, fs: imageFs('node') });
    c.proc.write("'a' + 'b'\n.exit\n");
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe("> 'ab'\n> ");
    expect(c.exit?.code).toBe(0);
  });
});

describe('node REPL on a terminal', () => {
  it('greets, evaluates, keeps state, shows the Ctrl-C hint and exits on a second Ctrl-C', async () => {
    const c = spawnCollect({ argv: ['node'], env: env('20.11.1'), tty: true, interactive: true, fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    for (const chunk of ['let x = 20\r', 'x + 22\r', '({ a: 1, s: "t" })\r', 'undefinedThing\r', '\x03', '\x03']) {
      c.proc.write(chunk);
      await c.proc.advanceTo(T0);
    }
    expect(c.stdout()).toContain('> x + 22\r\n\x1b[33m42\x1b[39m\r\n');
    expect(strip(c.stdout()).replace(/\x1b\[\d+m/g, '')).toBe(
      [
        'Welcome to Node.js v20.11.1.',
        'Type ".help" for more information.',
        '> let x = 20',
        'undefined',
        '> x + 22',
        '42',
        '> ({ a: 1, s: "t" })',
        "{ a: 1, s: 't' }",
        '> undefinedThing',
        'Uncaught ReferenceError: undefinedThing is not defined',
        '> ',
        '(To exit, press Ctrl+C again or Ctrl+D or type .exit)',
        '> ',
        '',
      ].join('\n'),
    );
    expect(c.exit).toMatchObject({ code: 0 });
  });

  it('exits on Ctrl-D', async () => {
    const c = spawnCollect({ argv: ['node'], env: env('20.11.1'), tty: true, interactive: true, fs: imageFs('node') });
    c.proc.write('\x04');
    await c.proc.advanceTo(T0);
    expect(c.exit).toMatchObject({ code: 0 });
  });
});

describe('express web app', () => {
  it('answers requests on port 80 and logs them', async () => {
    const fs = imageFs('node', {
      '/app/server.js': NODE_WEB_SERVER_JS,
      '/app/public/index.html': NODE_WEB_INDEX_HTML,
      ...hostPackages(['express']),
    });
    const c = spawnCollect({ argv: ['node', 'server.js'], cwd: '/app', env: env(), fs });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('Server listening on port 80\n');
    expect(c.proc.listeningPorts()).toEqual([80]);
    const home = await c.proc.httpRequest(80, { method: 'GET', path: '/' });
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(home.body).toBe(NODE_WEB_INDEX_HTML);
    const api = await c.proc.httpRequest(80, { method: 'GET', path: '/api/info' });
    expect(JSON.parse(api.body)).toEqual({ host: 'f1e2d3c4b5a6', node: 'v10.16.0', visits: 1 });
    const missing = await c.proc.httpRequest(80, { method: 'GET', path: '/nope' });
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<pre>Cannot GET /nope</pre>');
    expect(c.stdout()).toBe('Server listening on port 80\nGET / 200\nGET /api/info 200\nGET /nope 404\n');
    expect(c.exit).toBeNull();
  });

  it('runs real body-parser, the runtime\'s cors, dotenv and morgan, and explains placeholder packages', async () => {
    const server = [
      "require('dotenv').config();",
      "const express = require('express');",
      "const app = express();",
      "app.use(require('cors')());",
      "app.use(require('body-parser').json());",
      "app.use(require('morgan')('tiny'));",
      "const _ = require('lodash');",
      "app.post('/echo', (req, res) => res.json({ got: req.body, greeting: process.env.GREETING }));",
      "app.get('/lodash', (req, res) => res.send(_.chunk([1, 2], 1)));",
      "app.listen(3000);",
    ].join('\n');
    const fs = imageFs('node', {
      '/app/server.js': server,
      '/app/.env': 'GREETING="hi there"\n',
      ...hostPackages(['express', 'body-parser']),
      ...Object.fromEntries(['cors', 'morgan', 'dotenv', 'lodash'].map((n) => [`/app/node_modules/${n}/package.json`, `{"name":"${n}"}`])),
      '/app/node_modules/lodash/index.js': '\u0001\u0002binary\u0000',
    });
    const c = spawnCollect({ argv: ['node', 'server.js'], cwd: '/app', env: env(), fs });
    await c.proc.advanceTo(T0);
    expect(c.stderr()).toBe('');
    const r = await c.proc.httpRequest(3000, { method: 'POST', path: '/echo', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(JSON.parse(r.body)).toEqual({ got: { a: 1 }, greeting: 'hi there' });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(c.stdout()).toMatch(/^POST \/echo 200 \d+ - 0\.000 ms\n$/);
    const l = await c.proc.httpRequest(3000, { method: 'GET', path: '/lodash' });
    expect(l.status).toBe(500);
    expect(c.stderr()).toContain("Error: The package 'lodash' is installed, but Layerlab simulates npm packages and cannot run its code (chunk).");
  });

  it('hangs up on the client when the server crashes mid-request', async () => {
    const fs = imageFs('node', { '/s.js': "require('http').createServer((q, s) => { setTimeout(() => { throw new Error('crash') }, 10) }).listen(80)" });
    const c = spawnCollect({ argv: ['node', '/s.js'], env: env(), fs });
    await c.proc.advanceTo(T0);
    // Attach the expectation before time moves: the rejection happens during advanceTo.
    const hungUp = expect(c.proc.httpRequest(80, { method: 'GET', path: '/' })).rejects.toThrow('socket hang up');
    await c.proc.advanceTo(T0 + 100);
    await hungUp;
    expect(c.exit?.code).toBe(1);
  });

  it('refuses connections on ports nothing listens on', async () => {
    const c = spawnCollect({ argv: ['node', '-e', 'setInterval(() => {}, 1000)'], env: env(), fs: imageFs('node') });
    await c.proc.advanceTo(T0);
    await expect(c.proc.httpRequest(8080, { method: 'GET', path: '/' })).rejects.toThrow('ECONNREFUSED');
  });
});

describe('npm scripts', () => {
  it('npm start runs the start script after npm\'s banner (npm 6 on Node 10, npm 10 on Node 20)', async () => {
    const files = { '/app/package.json': '{"name":"web","version":"1.0.0","scripts":{"start":"node server.js"}}', '/app/server.js': "console.log('up on', process.env.npm_lifecycle_event)" };
    const old = spawnCollect({ argv: ['npm', 'start'], cwd: '/app', env: env(), fs: imageFs('node', files) });
    const neu = spawnCollect({ argv: ['npm', 'start'], cwd: '/app', env: env('20.11.1'), fs: imageFs('node', files) });
    await old.proc.advanceTo(T0);
    await neu.proc.advanceTo(T0);
    expect(old.stdout()).toBe('\n> web@1.0.0 start /app\n> node server.js\n\nup on start\n');
    expect(neu.stdout()).toBe('\n> web@1.0.0 start\n> node server.js\n\nup on start\n');
    expect(neu.exit?.code).toBe(0);
    const missing = spawnCollect({ argv: ['npm', 'run', 'build'], cwd: '/app', env: env('20.11.1'), fs: imageFs('node', files) });
    await missing.proc.advanceTo(T0);
    expect(missing.stderr()).toBe('npm error Missing script: "build"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n');
    expect(missing.exit?.code).toBe(1);
  });
});

describe('spawning', () => {
  it('fails to spawn a program that is not on PATH, in Docker words', () => {
    const r = new InProcessHost().spawn({ argv: ['nope'], env: env(), cwd: '/', hostname: 'h', tty: false, interactive: false, fs: imageFs('busybox'), startTime: T0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'runtime.not-found', message: 'exec: "nope": executable file not found in $PATH', exitCode: 127 });
  });

  it('says clearly when an image program is not simulated', () => {
    const fs = imageFs('busybox', { '/usr/local/bin/ruby': { content: '\u007fELF....', mode: 0o755 } });
    const r = new InProcessHost().spawn({ argv: ['ruby'], env: { PATH: '/usr/local/bin:/bin' }, cwd: '/', hostname: 'h', tty: false, interactive: false, fs, startTime: T0 });
    expect(!r.ok && r.error).toMatchObject({ code: 'runtime.unsupported', exitCode: 126 });
  });

  it('runs hello-world', async () => {
    const c = spawnCollect({ argv: ['/hello'], fs: imageFs('hello') });
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toContain('\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n');
    expect(c.stdout()).toContain(' $ docker run -it ubuntu bash\n');
    expect(c.exit).toMatchObject({ code: 0 });
  });
});
