/**
 * ES module linking cases: small module graphs under /app, each run as `node <main>` with /app as the working
 * directory. scripts/record-node-esm.ts runs every case with real Node 20 (the tree under a temporary directory,
 * whose path is taken out of what it printed) and keeps the output in esm.json; node-recordings.test.ts runs the same
 * trees through the runtime and compares.
 */
import type { ResolutionCase } from './resolution-cases';

/** Prints a path or URL without the fixture root, so a real Node run prints the paths the container would. */
const P = `const R = (s) => String(s).split(process.env.FIXTURE_ROOT || '\\u0000').join('');\n`;

export const ESM_CASES: ResolutionCase[] = [
  {
    name: 'imports are hoisted: dependencies evaluate first, depth first, each once',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "console.log('main body');\nimport './a.mjs';\nimport { b } from './b.mjs';\nconsole.log('main sees', b);",
      '/app/a.mjs': "import './c.mjs';\nconsole.log('a');",
      '/app/b.mjs': "import './c.mjs';\nconsole.log('b');\nexport const b = 'B';",
      '/app/c.mjs': "console.log('c (shared, once)');",
    },
  },
  {
    name: 'live bindings: an exported let seen after the exporter changes it',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': [
        "import { count, inc } from './counter.mjs';",
        "import * as ns from './counter.mjs';",
        "console.log(count, ns.count);",
        'inc(); inc();',
        "console.log(count, ns.count);",
        "try { count = 9; } catch (e) { console.log(e.constructor.name); }",
        "console.log(Object.keys(ns).join(), Object.prototype.toString.call(ns));",
      ].join('\n'),
      '/app/counter.mjs': 'export let count = 0;\nexport function inc() { count++; }',
    },
  },
  {
    name: 'cycles: hoisted functions are callable before the other module runs, let is not',
    main: '/app/a.mjs',
    files: {
      '/app/a.mjs': "import { fromB, callA } from './b.mjs';\nexport function hello() { return 'hello from a'; }\nexport let late = 'late';\nconsole.log('a runs', fromB, callA);",
      '/app/b.mjs': [
        "import { hello, late } from './a.mjs';",
        'export const callA = hello();',
        "let seen;\ntry { seen = late; } catch (e) { seen = e.constructor.name + ': ' + e.message; }",
        'export const fromB = seen;',
        "console.log('b runs first');",
      ].join('\n'),
    },
  },
  {
    name: 'top-level await: importers wait for it',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import { config } from './config.mjs';\nconsole.log('main', config);\nconst v = await Promise.resolve('awaited in main');\nconsole.log(v);",
      '/app/config.mjs': [
        "console.log('config start');",
        "export const config = await new Promise((r) => setTimeout(() => r({ port: 3000 }), 20));",
        "console.log('config done');",
      ].join('\n'),
    },
  },
  {
    name: 'import.meta: url, dirname, filename, resolve',
    main: '/app/src/main.mjs',
    files: {
      '/app/src/main.mjs': P + [
        'console.log(R(import.meta.url));',
        'console.log(R(import.meta.dirname), R(import.meta.filename));',
        "console.log(R(import.meta.resolve('./other.mjs')));",
        'console.log(typeof __dirname, typeof require, typeof module, this);',
      ].join('\n'),
    },
  },
  {
    name: 'dynamic import(): ES, CommonJS, JSON refused without attributes, missing files',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': P + [
        "const e = await import('./e.mjs');",
        "console.log(e.default, e.x, Object.keys(e).join());",
        "const c = await import('./c.cjs');",
        "console.log(c.default, c.a);",
        "try { await import('./gone.mjs'); } catch (err) { console.log(err.code, R(err.message)); }",
        "try { await import('nopkg'); } catch (err) { console.log(err.code, R(err.message)); }",
        "console.log((await import('./e.mjs')) === e);",
      ].join('\n'),
      '/app/e.mjs': "export default 'e default';\nexport const x = 1;",
      '/app/c.cjs': "exports.a = 'a from cjs';",
    },
  },
  {
    name: 'named imports from CommonJS: the names cjs-module-lexer detects',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': [
        "import def, { a, b, c } from './lib.cjs';",
        "import * as ns from './lib.cjs';",
        "import re, { fromRe } from './re.cjs';",
        'console.log(a, b, c);',
        'console.log(Object.keys(ns).sort().join(), def.dynamic);',
        'console.log(fromRe, Object.keys(re).join());',
      ].join('\n'),
      '/app/lib.cjs': "exports.a = 1;\nmodule.exports.b = 2;\nObject.defineProperty(exports, 'c', { enumerable: true, value: 3 });\nconst k = 'dynamic';\nexports[k] = 4;",
      '/app/re.cjs': "module.exports = { ...require('./base.cjs'), own: true };",
      '/app/base.cjs': "exports.fromRe = 'reexported';",
    },
  },
  {
    name: 'a name CommonJS does not expose statically is a SyntaxError before anything runs',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "console.log('never');\nimport { dynamic } from './lib.cjs';",
      '/app/lib.cjs': "console.log('lib never runs');\nconst k = 'dynamic';\nexports[k] = 4;",
    },
  },
  {
    name: 'a missing named export of an ES module is a SyntaxError before anything runs',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import './first.mjs';\nimport { nope } from './a.mjs';\nconsole.log('never', nope);",
      '/app/first.mjs': "console.log('first never runs');",
      '/app/a.mjs': "export const yes = 1;\nconsole.log('a never runs');",
    },
  },
  {
    name: 'a missing file among the static imports: ERR_MODULE_NOT_FOUND before anything runs',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import './first.mjs';\nimport { x } from './lib/missing.js';\nconsole.log('never');",
      '/app/first.mjs': "console.log('first never runs');",
    },
  },
  {
    name: 'an import without its extension is not found in ES modules',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import { x } from './util';\nconsole.log(x);",
      '/app/util.mjs': 'export const x = 1;',
    },
  },
  {
    name: 're-exports: export *, export * as, export { default as }, conflicting stars are left out',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': [
        "import * as all from './index.mjs';",
        "import { one, two, utils, Thing } from './index.mjs';",
        "console.log(Object.keys(all).join());",
        'console.log(one, two, utils.two, new Thing().name);',
      ].join('\n'),
      '/app/index.mjs': "export * from './one.mjs';\nexport * from './two.mjs';\nexport * as utils from './two.mjs';\nexport { default as Thing } from './thing.mjs';",
      '/app/one.mjs': "export const one = 1;\nexport const clash = 'one';\nexport default 'one default';",
      '/app/two.mjs': "export const two = 2;\nexport const clash = 'two';",
      '/app/thing.mjs': "export default class Thing { name = 'thing'; }",
    },
  },
  {
    name: 'an error thrown while a dependency evaluates stops the graph',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import './ok.mjs';\nimport './bad.mjs';\nconsole.log('main never runs');",
      '/app/ok.mjs': "console.log('ok runs');",
      '/app/bad.mjs': "console.log('bad starts');\nthrow new Error('bad module');",
    },
  },
  {
    name: 'require of an ES module gives its namespace (Node 20.19+), with top-level await it cannot',
    main: '/app/main.cjs',
    files: {
      '/app/main.cjs': [
        "const m = require('./m.mjs');",
        'console.log(m, m.default);',
        "try { require('./tla.mjs'); } catch (e) { console.log(e.code); }",
      ].join('\n'),
      '/app/m.mjs': "export default 'm';\nexport const n = 1;",
      '/app/tla.mjs': 'await 0;\nexport const t = 1;',
    },
  },
  {
    name: 'export default of expressions, anonymous functions and classes',
    main: '/app/main.mjs',
    files: {
      '/app/main.mjs': "import f from './f.mjs';\nimport v from './v.mjs';\nimport C from './c.mjs';\nconsole.log(f(), f.name, v, C.name, typeof C);",
      '/app/f.mjs': "export default function () { return 'anon fn'; }",
      '/app/v.mjs': 'export default 40 + 2;',
      '/app/c.mjs': 'export default class {}',
    },
  },
];
