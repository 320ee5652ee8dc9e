/**
 * Module resolution cases, and one of the built-in modules: small container trees under /app, each run as
 * `node <main>` with /app as the working directory. scripts/record-node-resolution.ts runs every case with real Node 20 (the tree laid out under a
 * temporary directory, FIXTURE_ROOT naming it so the programs print container paths) and keeps what it printed
 * in resolution.json; module-resolution.test.ts runs the same trees through the runtime and compares.
 */
export interface ResolutionCase {
  name: string;
  files: Record<string, string>;
  main: string;
}

/** Strips the fixture root from printed text, so a real Node run prints the paths the container would. */
const P = `const R = (s) => String(s).split(process.env.FIXTURE_ROOT || '\\u0000').join('');\n`;
const TRY = `const t = (f) => { try { return f(); } catch (e) { return 'ERR ' + e.code + ' ' + R(e.message.split('\\n')[0]); } };\n`;

export const RESOLUTION_CASES: ResolutionCase[] = [
  {
    name: 'relative paths, extension order, JSON, directories with index.js',
    main: '/app/main.js',
    files: {
      '/app/main.js': P + TRY + [
        "console.log(require('./lib/a'));",
        "console.log(require('./both'));",
        "console.log(require('./data.json').n, require('./data').n);",
        "console.log(require('./dir'), require('./dir/'), require('./dir/index'));",
        "console.log(R(require.resolve('./lib/a')), R(require.resolve('./dir')));",
        "console.log(t(() => require('./nope')));",
        "console.log(require('./lib/up'));",
        "console.log(require('./c.cjs'));",
      ].join('\n'),
      '/app/lib/a.js': "module.exports = 'a.js';",
      '/app/lib/up.js': "module.exports = require('../dir') + ' via ../';",
      '/app/both.js': "module.exports = 'both.js wins over both.json';",
      '/app/both.json': '"both.json"',
      '/app/data.json': '{ "n": 42 }',
      '/app/dir/index.js': "module.exports = 'dir/index.js';",
      '/app/c.cjs': "module.exports = 'c.cjs';",
    },
  },
  {
    name: 'package.json main: file, no extension, a directory, missing (falls back to index.js)',
    main: '/app/main.js',
    files: {
      '/app/main.js': P + [
        "console.log(require('./p1'), require('./p2'), require('./p3'), require('./p4'));",
        "console.log(R(require.resolve('./p2')), R(require.resolve('./p3')));",
      ].join('\n'),
      '/app/p1/package.json': '{ "main": "lib/start.js" }',
      '/app/p1/lib/start.js': "module.exports = 'p1 main';",
      '/app/p2/package.json': '{ "main": "./entry" }',
      '/app/p2/entry.js': "module.exports = 'p2 main without extension';",
      '/app/p3/package.json': '{ "main": "src" }',
      '/app/p3/src/index.js': "module.exports = 'p3 main is a directory';",
      '/app/p4/package.json': '{ "main": "missing.js" }',
      '/app/p4/index.js': "module.exports = 'p4 index fallback';",
    },
  },
  {
    name: 'node_modules up the tree, scoped packages, subpaths, built-ins before packages',
    main: '/app/src/deep/main.js',
    files: {
      '/app/src/deep/main.js': P + [
        "console.log(require('near'), require('far'), require('@scope/pkg'), require('@scope/pkg/extra'));",
        "console.log(require('near/sub/file'), R(require.resolve('far')));",
        "console.log(require('fs') === require('node:fs'), typeof require('path').join);",
        "console.log(R(module.paths.slice(0, 4).join(' ')));",
        "const e = (() => { try { require('nowhere') } catch (x) { return x } })();",
        "console.log(e.code, R(e.message.split('\\n')[0]), R(JSON.stringify(e.requireStack)));",
      ].join('\n'),
      '/app/src/node_modules/near/index.js': "module.exports = 'near';",
      '/app/src/node_modules/near/sub/file.js': "module.exports = 'near/sub/file';",
      '/app/node_modules/near/index.js': "module.exports = 'not this near';",
      '/node_modules/far/package.json': '{ "main": "far.js" }',
      '/node_modules/far/far.js': "module.exports = 'far';",
      '/app/node_modules/@scope/pkg/index.js': "module.exports = '@scope/pkg';",
      '/app/node_modules/@scope/pkg/extra.js': "module.exports = '@scope/pkg/extra';",
      '/app/node_modules/fs/index.js': "module.exports = 'a package named fs';",
    },
  },
  {
    name: 'package.json exports: string, conditions, subpaths, patterns, unexported paths',
    main: '/app/main.js',
    files: {
      '/app/main.js': P + TRY + [
        "console.log(require('str'), require('cond'), require('nested'));",
        "console.log(require('sub/feature'), require('sub/lib/x'), require('sub/package.json').name);",
        "console.log(t(() => require('sub/hidden')));",
        "console.log(t(() => require('str/other')));",
        "console.log(R(require.resolve('cond')), R(require.resolve('sub/lib/x')));",
        "console.log(require('sugar'));",
      ].join('\n'),
      '/app/node_modules/str/package.json': '{ "name": "str", "main": "wrong.js", "exports": "./right.js" }',
      '/app/node_modules/str/right.js': "module.exports = 'exports string beats main';",
      '/app/node_modules/str/other.js': "module.exports = 'other';",
      '/app/node_modules/cond/package.json': '{ "exports": { "import": "./esm.mjs", "require": "./cjs.js", "default": "./def.js" } }',
      '/app/node_modules/cond/cjs.js': "module.exports = 'cond: require';",
      '/app/node_modules/cond/esm.mjs': "export default 'cond: import';",
      '/app/node_modules/nested/package.json': '{ "exports": { ".": { "browser": "./b.js", "node": { "import": "./x.mjs", "require": "./n.js" }, "default": "./d.js" } } }',
      '/app/node_modules/nested/n.js': "module.exports = 'nested: node.require';",
      '/app/node_modules/sub/package.json': '{ "name": "sub", "exports": { ".": "./index.js", "./feature": "./src/feature.js", "./lib/*": "./src/lib/*.js", "./package.json": "./package.json" } }',
      '/app/node_modules/sub/index.js': "module.exports = 'sub';",
      '/app/node_modules/sub/src/feature.js': "module.exports = 'sub/feature';",
      '/app/node_modules/sub/src/lib/x.js': "module.exports = 'sub/lib/x via pattern';",
      '/app/node_modules/sub/hidden.js': "module.exports = 'hidden';",
      '/app/node_modules/sugar/package.json': '{ "exports": { "require": "./r.js", "default": "./d.js" } }',
      '/app/node_modules/sugar/r.js': "module.exports = 'sugar: conditions without a dot key';",
    },
  },
  {
    name: 'circular requires, require.cache, module.exports versus exports',
    main: '/app/main.js',
    files: {
      '/app/main.js': P + [
        "const a = require('./a');",
        "console.log('main: a.done=%s, b.done=%s', a.done, require('./b').done);",
        "console.log(require('./e1'), require('./e2'), require('./e3'));",
        "const k = require.resolve('./count');",
        "console.log(require('./count'), require('./count'));",
        "console.log(R(Object.keys(require.cache).filter((x) => x.includes('count')).join()));",
        "delete require.cache[k];",
        "console.log(require('./count'));",
        "console.log(require.main === module, module.id, R(module.filename), R(__dirname), require('./count') === require.cache[k].exports);",
        "console.log(R(require.cache[require.resolve('./a')].children.map((m) => m.id).join()));",
        "console.log(require.cache[require.resolve('./a')].loaded, module.loaded);",
      ].join('\n'),
      '/app/a.js': "exports.done = false;\nconst b = require('./b');\nconsole.log('in a, b.done = %s', b.done);\nexports.done = true;",
      '/app/b.js': "exports.done = false;\nconst a = require('./a');\nconsole.log('in b, a.done = %s', a.done);\nexports.done = true;",
      '/app/e1.js': "exports.x = 1;\nmodule.exports = { y: 2 };",
      '/app/e2.js': "exports = { z: 3 };\nexports.w = 4;",
      '/app/e3.js': "module.exports.v = 5;\nexports.u = 6;",
      '/app/count.js': "globalThis.loads = (globalThis.loads || 0) + 1;\nmodule.exports = globalThis.loads;",
    },
  },
  {
    name: 'ES modules: .mjs, type module, CommonJS from ESM, ESM from CommonJS with import()',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': P + [
        "import cjs, { named } from './lib.cjs';",
        "import def, { two } from './esm.mjs';",
        "import * as ns from './esm.mjs';",
        "import pkg from 'modpkg';",
        "import { createRequire } from 'module';",
        "import path from 'node:path';",
        "console.log(cjs, named, def, two, Object.keys(ns).sort().join());",
        "console.log(pkg, typeof require, typeof module, R(import.meta.url));",
        "const req = createRequire(import.meta.url);",
        "console.log(req('./lib.cjs').named, path.basename('/x/y.txt'));",
        "import('./esm.mjs').then((m) => console.log('dynamic', m.default, m.two));",
      ].join('\n'),
      '/app/lib.cjs': "exports.named = 'named from cjs';\nexports.other = 1;",
      '/app/esm.mjs': "export default 'esm default';\nexport const two = 2;\nexport function f() {}",
      '/app/node_modules/modpkg/package.json': '{ "type": "module", "main": "index.js" }',
      '/app/node_modules/modpkg/index.js': "import helper from './helper.js';\nexport default 'modpkg ' + helper;",
      '/app/node_modules/modpkg/helper.js': "export default 'helper (type module .js)';",
    },
  },
  {
    name: 'import() of ES modules from CommonJS, this and strictness',
    main: '/app/main.js',
    files: {
      '/app/main.js': P + [
        "console.log(this === module.exports);",
        "import('./m.mjs').then((m) => console.log(m.default, m.x, Object.keys(m).join())).then(() => import('./c.js')).then((m) => console.log(m.default.c, m.c));",
      ].join('\n'),
      '/app/m.mjs': "export default 'm default';\nexport const x = typeof this;",
      '/app/c.js': "exports.c = 'cjs via import()';",
    },
  },
  {
    name: 'built-in modules: crypto, zlib, util, querystring, url, net, string_decoder, buffer, events, stream',
    main: '/app/builtins.js',
    files: {
      '/app/builtins.js': [
        "const crypto = require('crypto'), zlib = require('zlib'), util = require('util'), qs = require('querystring');",
        "const url = require('url'), net = require('net'), { EventEmitter, once } = require('events');",
        "const { Readable, Transform, pipeline } = require('stream'), { StringDecoder } = require('string_decoder');",
        "console.log(crypto.createHash('md5').update('abc').digest('hex'), crypto.createHash('sha256').update('abc').digest('base64'));",
        "console.log(crypto.createHmac('sha1', 'key').update('data').digest('hex'), crypto.createHash('sha512').update(Buffer.from('x')).digest('hex').slice(0, 16));",
        "console.log(typeof crypto.randomUUID(), crypto.randomUUID().length, crypto.randomBytes(8).length, crypto.getHashes().includes('sha1'));",
        "console.log(zlib.gunzipSync(Buffer.from('H4sIAAAAAAAAA8tIzcnJV0ivyiwAABlq0t8KAAAA', 'base64')).toString());",
        "console.log(zlib.inflateSync(zlib.deflateSync('round trip')).toString(), zlib.inflateRawSync(zlib.deflateRawSync(Buffer.from('raw'))).toString());",
        "console.log(util.format('%s=%d %j', 'a', 1.5, { x: 1 }), util.inspect({ a: [1, { b: 2 }] }), util.types.isPromise(Promise.resolve()));",
        "function A() {}\nfunction B() {}\nutil.inherits(A, B);",
        "console.log(new A() instanceof B, A.super_ === B, Object.getPrototypeOf(A) === Function.prototype);",
        "console.log(qs.parse('a=1&b=2&a=3&c'), qs.stringify({ x: [1, 2], y: 'z w' }));",
        "console.log(url.parse('http://u:p@host:8080/p/a?x=1#h').pathname, new URL('http://h/a b').href);",
        "console.log(net.isIP('10.0.0.1'), net.isIP('::1'), net.isIP('nope'), net.isIPv6('fe80::1'));",
        "const d = new StringDecoder('utf8');",
        "console.log(d.write(Buffer.from([0xe2, 0x82])) + d.write(Buffer.from([0xac])));",
        "console.log(Buffer.from('hello').toString('base64'), Buffer.from('68656c6c6f', 'hex').toString(), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), Buffer.byteLength('€'));",
        "const e = new EventEmitter();",
        "e.once('x', (v) => console.log('once', v));",
        "e.emit('x', 1);",
        "e.emit('x', 2);",
        "console.log(e.listenerCount('x'), typeof EventEmitter.prototype.on, require('events') === EventEmitter);",
        "const up = new Transform({ transform(c, _e, cb) { cb(null, String(c).toUpperCase()); } });",
        "let out = '';",
        "up.on('data', (c) => (out += c));",
        "new Promise((r) => pipeline(Readable.from(['a', 'b', 'c']), up, (err) => r(err)))",
        "  .then((err) => console.log('pipeline', err ?? 'ok', out))",
        "  .then(() => util.promisify(setTimeout)(5))",
        "  .then(() => console.log('promisified timer'))",
        "  .then(() => new Promise((r) => zlib.gzip('async', (err, buf) => zlib.gunzip(buf, (err2, back) => r(String(back))))))",
        "  .then((v) => console.log('async zlib', v))",
        "  .then(() => (setTimeout(() => e.emit('late', 7, 8), 10), once(e, 'late')))",
        "  .then((args) => console.log('events.once', args));",
      ].join('\n'),
    },
  },
];
