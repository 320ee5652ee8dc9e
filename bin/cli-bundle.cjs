// The CLI's prebuilt bundle: src/node/main.ts and everything it imports, bundled by esbuild into one CommonJS
// file under node_modules/.cache/layerlab/, so a command starts without compiling TypeScript. V8's code cache
// for the bundle sits beside it, so later starts skip most of the parsing too.
//
// Freshness: `current.json` lists every source file of the bundle, and the package.json of each package it
// bundles (a package changes with its version), with their sizes and mtimes; a command stats them (~300 stats,
// 2-5 ms) and rebuilds the bundle (~1-2 s, once) when any changed. Writes are atomic (temp file + rename), so
// concurrent commands never read half a bundle.
//
// CommonJS, as bin/layerlab.cjs: a command's start loads neither Node's ES module loader nor node:url.
'use strict';
const { existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const vm = require('node:vm');

const ROOT = resolve(__dirname, '..');
const ENTRY = 'src/node/main.ts';

// Packages whose top level does real work at import, needed by few commands: left out of the bundle and loaded on
// the first use of one of their exports (fflate builds its Huffman tables at import, ~13 ms of every start; yaml
// is read only by compose). Each maps to the build the bundle would have used.
const LAZY_PACKAGES = { fflate: 'fflate/browser', yaml: 'yaml' };
// Node's own modules that Node does not load for itself at start-up and that most commands never use: compiling
// them is most of what an empty `layerlab version` costs beyond Node's own start.
const LAZY_BUILTINS = ['crypto', 'child_process', 'http', 'https', 'os', 'worker_threads', 'zlib', 'net', 'tls', 'tty'];
for (const m of LAZY_BUILTINS) LAZY_PACKAGES[m] = LAZY_PACKAGES[`node:${m}`] = `node:${m}`;

// Sources inside the bundle evaluated only when one of their exports is first read, with everything they alone
// import, so that a command loads only what it uses (`version`, `ps` or `image ls` none of these). Their importers
// use them inside functions only, and their module tops change nothing outside themselves, so deferring them
// changes when they run, not what they do.
const DEFERRED = [
  // The in-process sandbox and the whole container runtime behind it (shell, programs, Node emulation, package
  // managers: half the bundle). The CLI runs container programs in child processes (src/node/runtime/), so here
  // it is only the engine's fallback.
  'src/engine/runtime/in-process-host.ts',
  // The offline Docker Hub's catalog and its table of what Docker Hub has beyond it (pull, run, build, search).
  'src/engine/registry/catalog/index.ts',
  'src/engine/registry/catalog/hub.ts',
  // The Dockerfile parser and linter, and the builders (build, debug).
  'src/engine/dockerfile/index.ts',
  'src/engine/build/builder.ts',
  // Compose's commands and model (compose).
  'src/engine/cli/commands/compose-commands.ts',
  // The child-process sandbox (src/node/main.ts creates it on a command's first container process).
  'src/node/runtime/child-process-host.ts',
];

/** 32-bit FNV-1a of a string's UTF-16 units from a given offset basis, as 8 hex digits. */
function fnv1a(text, basis) {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function cacheDir(env) {
  const base = env.LAYERLAB_CLI_CACHE || join(ROOT, 'node_modules', '.cache', 'layerlab');
  // Several checkouts may share one node_modules (and so one cache): each gets its own folder.
  // (FNV-1a, not node:crypto: loading crypto would cost every start a few milliseconds.)
  const tag = fnv1a(ROOT, 0x811c9dc5) + fnv1a(ROOT, 0x050c5d1f);
  return join(base, `cli-${tag}`);
}

/** Size and mtime of an input (an absolute path), or 'missing'. */
function signature(file) {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
}

/** A file inside an installed package stands for its package.json; any other file for itself. */
function packageFile(file) {
  const i = file.lastIndexOf('/node_modules/');
  if (i < 0) return file;
  const parts = file.slice(i + '/node_modules/'.length).split('/');
  return join(file.slice(0, i), 'node_modules', ...parts.slice(0, parts[0].startsWith('@') ? 2 : 1), 'package.json');
}

function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** The up-to-date bundle's path, or null when there is none yet or an input changed. */
function freshBundle(dir) {
  let current;
  try {
    current = JSON.parse(readFileSync(join(dir, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  // Absolute paths (the folder is per checkout): no path joining on the start-up path.
  for (const [file, sig] of current.inputs) if (signature(file) !== sig) return null;
  const file = join(dir, `${current.key}.cjs`);
  return existsSync(file) ? file : null;
}

// Left to Node's require (esbuild bundles the sandbox runtime at run time; it stays a package).
function external() {
  const { builtinModules } = require('node:module');
  return ['esbuild', ...Object.keys(LAZY_PACKAGES), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
}

/** The absolute path of a metafile input key, or null for a stand-in (`deferred:…`, `shared:…`). */
function inputPath(key) {
  return key.includes(':') && !key.startsWith('/') ? null : resolve(ROOT, key);
}

/**
 * Replaces each import of a DEFERRED source with a CommonJS stand-in whose exports are getters that load the real
 * module, from the deferred bundle, on first read (esbuild reads an imported CommonJS export at each use,
 * `mod.name`).
 */
function deferPlugin(esbuild) {
  const deferred = new Set(DEFERRED.map((p) => join(ROOT, p)));
  return {
    name: 'layerlab-defer',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'real') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'real' });
        return deferred.has(r.path) ? { path: r.path, namespace: 'deferred' } : r;
      });
      b.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
        // The real module's runtime exports (type-only ones are gone after compiling).
        const scan = await esbuild({ entryPoints: [args.path], absWorkingDir: ROOT, bundle: true, packages: 'external', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
        const names = Object.values(scan.metafile.outputs)[0].exports;
        return {
          loader: 'js',
          resolveDir: dirname(args.path),
          contents: [
            `let real;`,
            // (__layerlabDeferredLoad, __layerlabDeferred: parameters of the bundle's function, see loadBundledMain)
            `const load = () => (real ??= (__layerlabDeferredLoad(), __layerlabDeferred(${JSON.stringify(args.path)})));`,
            `Object.defineProperty(exports, '__esModule', { value: true });`,
            `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          ].join('\n'),
        };
      });
    },
  };
}

/**
 * In the deferred bundle, an import of a module the main bundle holds becomes a stand-in for the main bundle's
 * instance of it (`__layerlabShared`), so each module exists once: one state, one class for `instanceof`. An ES
 * module comes as getters over its namespace (live bindings), a CommonJS one as its `module.exports`.
 */
function sharedPlugin(formats) {
  return {
    name: 'layerlab-shared',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'real' || args.kind === 'entry-point') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'real' });
        return !r.external && r.errors.length === 0 && formats.has(r.path) ? { path: r.path, namespace: 'shared' } : r;
      });
      b.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
        loader: 'js',
        contents:
          formats.get(args.path) === 'cjs'
            ? `module.exports = __layerlabShared(${JSON.stringify(args.path)});`
            : [
                `const ns = __layerlabShared(${JSON.stringify(args.path)});`,
                `Object.defineProperty(exports, '__esModule', { value: true });`,
                `for (const name of Object.keys(ns)) Object.defineProperty(exports, name, { enumerable: true, get: () => ns[name] });`,
              ].join('\n'),
      }));
    },
  };
}

/**
 * Builds two files: the main bundle (main.ts and all it imports, with DEFERRED sources as stand-ins) and the
 * deferred bundle (the DEFERRED sources and what they alone import), read only when a command first uses one of
 * them, so a command that uses none reads and compiles a quarter of the code. Three esbuild passes: the main
 * bundle, to learn which modules it holds; the deferred bundle, sharing those; the main bundle again, exposing the
 * ones the deferred bundle uses (`__shared`).
 */
async function build(dir) {
  const { build: esbuild } = require('esbuild');
  const { createHash } = require('node:crypto');
  const { pathToFileURL } = require('node:url');
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    // 'neutral' with Node's built-ins external: packages resolve to their plain builds (fflate's Node build
    // would load worker_threads at start-up for nothing).
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    external: external(),
    // Sources find the checkout through import.meta.url (src/node/repo-root.ts): in the bundle it is the entry's
    // source URL, wherever the bundle itself is kept.
    define: { 'import.meta.url': '__layerlabEntryUrl' },
    footer: { js: '\n})' },
    charset: 'ascii',
    // Smaller to read and parse; names are kept, so stack traces still name the engine's functions.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
  const entryUrl = `const __layerlabEntryUrl = ${JSON.stringify(pathToFileURL(join(ROOT, ENTRY)).href)};`;
  // Each file is one function expression, called with CommonJS's arguments and the links between the two (see
  // loadBundledMain).
  const main = (contents) =>
    esbuild({
      ...common,
      stdin: { contents, resolveDir: ROOT, sourcefile: 'layerlab-main.js', loader: 'js' },
      plugins: [deferPlugin(esbuild)],
      banner: { js: `(function (exports, require, module, __filename, __dirname, __layerlabDeferredLoad, __layerlabDeferred) {${entryUrl}` },
    });
  const entry = `export * from ${JSON.stringify(join(ROOT, ENTRY))};`;
  const first = await main(entry);
  // A DEFERRED source that was moved or renamed, or no longer imported, would silently be loaded at every start again.
  const standIns = new Set(Object.keys(first.metafile.inputs).filter((k) => k.startsWith('deferred:')).map((k) => k.slice('deferred:'.length)));
  const missing = DEFERRED.filter((p) => !standIns.has(join(ROOT, p)));
  if (missing.length) throw new Error(`bin/cli-bundle.cjs: DEFERRED sources not in the bundle: ${missing.join(', ')}`);
  const formats = new Map();
  for (const key of Object.keys(Object.values(first.metafile.outputs)[0].inputs)) {
    const path = inputPath(key);
    if (path) formats.set(path, first.metafile.inputs[key].format === 'cjs' ? 'cjs' : 'esm');
  }
  const deferred = await esbuild({
    ...common,
    stdin: {
      contents: `export const __deferred = {${DEFERRED.map((p) => `${JSON.stringify(join(ROOT, p))}: () => require(${JSON.stringify(join(ROOT, p))})`).join(',')}};`,
      resolveDir: ROOT,
      sourcefile: 'layerlab-deferred.js',
      loader: 'js',
    },
    plugins: [sharedPlugin(formats)],
    banner: { js: `(function (exports, require, module, __filename, __dirname, __layerlabShared) {${entryUrl}` },
  });
  const shared = Object.keys(deferred.metafile.inputs).filter((k) => k.startsWith('shared:')).map((k) => k.slice('shared:'.length)).sort();
  const expose = shared.map((p, i) => (formats.get(p) === 'cjs' ? `${JSON.stringify(p)}: () => require(${JSON.stringify(p)})` : `${JSON.stringify(p)}: () => m${i}`));
  const second = await main(
    [entry, ...shared.flatMap((p, i) => (formats.get(p) === 'cjs' ? [] : [`import * as m${i} from ${JSON.stringify(p)};`])), `export const __shared = {${expose.join(',')}};`].join('\n'),
  );
  // The bundles also depend on how they are built: this file is an input too. (Stand-ins are inputs in their own
  // namespaces, `deferred:<path>` and `shared:<path>`; their sources are inputs too.)
  const keys = [...Object.keys(second.metafile.inputs), ...Object.keys(deferred.metafile.inputs), 'bin/cli-bundle.cjs'];
  // (The two generated entries, named `layerlab-*.js`, are no files.)
  const files = keys.filter((k) => !/^layerlab-\w+\.js$/.test(k)).map(inputPath).filter(Boolean).map(packageFile);
  const inputs = [...new Set(files)].sort().map((f) => [f, signature(f)]);
  const texts = [second.outputFiles[0].text, deferred.outputFiles[0].text];
  const key = createHash('sha256').update(texts[0]).update(texts[1]).digest('hex').slice(0, 16);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${key}.cjs`);
  if (!existsSync(deferredFile(file))) writeAtomic(deferredFile(file), texts[1]);
  if (!existsSync(file)) writeAtomic(file, texts[0]);
  writeAtomic(join(dir, 'current.json'), JSON.stringify({ key, inputs }));
  // Earlier bundles and their code caches go (a command still running one has already read it).
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(key) && /\.cjs(\.v8cache)?$/.test(name)) rmSync(join(dir, name), { force: true });
  }
  return file;
}

/** A descriptor of a file opened for reading, or undefined when it cannot be opened. */
function openIfThere(file) {
  try {
    return openSync(file, 'r');
  } catch {
    return undefined;
  }
}

/** The deferred bundle beside a main bundle. */
function deferredFile(file) {
  return file.replace(/\.cjs$/, '.deferred.cjs');
}

/** The bundle's `require`: LAZY_PACKAGES come back as stand-ins that load the package on first property access. */
function bundleRequire(req) {
  return (id) => {
    const target = LAZY_PACKAGES[id];
    if (!target) return req(id);
    let mod;
    const load = () => (mod ??= req(target));
    return new Proxy(
      {},
      {
        get: (_, key) => load()[key],
        has: (_, key) => key in load(),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_, key) => {
          const d = Reflect.getOwnPropertyDescriptor(load(), key);
          return d && { ...d, configurable: true };
        },
      },
    );
  };
}

/**
 * Compiles and runs one of the two bundle files with V8's code cache when there is one. `save()` stores the cache
 * when there was none to use (or V8 rejected it) and `worth()` says the run is one to keep it from.
 */
function runBundle(file, args, fd = file) {
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // ASCII only (charset: 'ascii'), so latin1 reads it without decoding.
  const script = new vm.Script(readFileSync(fd, 'latin1'), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, args.require, module, file, dirname(file), ...args.links);
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      writeAtomic(cacheFile, script.createCachedData());
    } catch {
      // a read-only cache folder only costs start-up time
    }
  };
  return { exports: module.exports, save };
}

/**
 * Loads the CLI's `main` from the bundle (building it when missing or stale); the deferred bundle is read on the
 * first use of a DEFERRED source. `saveCodeCache()`, called after the command ran, stores V8's code cache for the
 * functions that command compiled, where there was none to use: for the main bundle only from a command that
 * loaded no DEFERRED code, so that it holds what most commands run (a command that needs more compiles the rest on
 * its first call; a cache written by `build` would be half as large again for every `ps`).
 */
async function loadBundledMain(env = process.env) {
  const dir = cacheDir(env);
  let file = freshBundle(dir);
  // The deferred bundle is opened now and read through this descriptor when first needed: a rebuild by another
  // command meanwhile (a source changed) removes the file, not what this command reads.
  let deferredFd = file && openIfThere(deferredFile(file));
  if (!deferredFd) {
    file = await build(dir);
    deferredFd = openSync(deferredFile(file), 'r');
  }
  // Packages left outside the bundle (esbuild) resolve from the checkout (this file's require), wherever the cache is.
  const req = bundleRequire(require);
  let deferredLoaded = false;
  let deferred;
  const loadDeferred = (path) => {
    deferred ??= runBundle(deferredFile(file), { require: req, links: [(p) => main.exports.__shared[p]()] }, deferredFd);
    return deferred.exports.__deferred[path]();
  };
  const main = runBundle(file, {
    require: req,
    links: [
      () => {
        deferredLoaded = true;
      },
      loadDeferred,
    ],
  });
  const saveCodeCache = () => {
    if (!deferredLoaded) main.save();
    deferred?.save();
  };
  return { main: main.exports.main, saveCodeCache };
}

module.exports = { loadBundledMain };
