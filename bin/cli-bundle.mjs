// The CLI's prebuilt bundle: src/node/main.ts and everything it imports, bundled by esbuild into one CommonJS
// file under node_modules/.cache/layerlab/, so a command starts without compiling TypeScript. V8's code cache
// for the bundle sits beside it, so later starts skip most of the parsing too.
//
// Freshness: `current.json` lists every input file of the bundle with its size and mtime; a command stats them
// (a few hundred stats, ~2 ms) and rebuilds the bundle (~1-2 s, once) when any changed. Writes are atomic
// (temp file + rename), so concurrent commands never read half a bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/node/main.ts';

// Packages whose top level does real work at import, needed by few commands: left out of the bundle and loaded on
// the first use of one of their exports (fflate builds its Huffman tables at import, ~13 ms of every start; yaml
// is read only by compose). Each maps to the build the bundle would have used.
const LAZY_PACKAGES = { fflate: 'fflate/browser', yaml: 'yaml' };
// Node's own modules that Node does not load for itself at start-up and that most commands never use: compiling
// them is most of what an empty `layerlab version` costs beyond Node's own start.
const LAZY_BUILTINS = ['crypto', 'child_process', 'http', 'https', 'os', 'worker_threads', 'zlib', 'net', 'tls'];
for (const m of LAZY_BUILTINS) LAZY_PACKAGES[m] = LAZY_PACKAGES[`node:${m}`] = `node:${m}`;

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

async function build(dir) {
  const { build: esbuild } = await import('esbuild');
  const { createHash } = await import('node:crypto');
  const r = await esbuild({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    // 'neutral' with Node's built-ins external: packages resolve to their plain builds (fflate's Node build
    // would load worker_threads at start-up for nothing).
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    // esbuild bundles the sandbox runtime at run time; it stays a package.
    external: ['esbuild', ...Object.keys(LAZY_PACKAGES), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    // Sources find the checkout through import.meta.url (src/node/repo-root.ts): in the bundle it is the entry's
    // source URL, wherever the bundle itself is kept.
    define: { 'import.meta.url': '__layerlabEntryUrl' },
    // The file is one function expression, called with CommonJS's arguments (see loadBundledMain).
    banner: { js: `(function (exports, require, module, __filename, __dirname) {const __layerlabEntryUrl = ${JSON.stringify(pathToFileURL(join(ROOT, ENTRY)).href)};` },
    footer: { js: '\n})' },
    charset: 'ascii',
    // Smaller to read and parse; names are kept, so stack traces still name the engine's functions.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // The bundle also depends on how it is built: this file is an input too.
  const inputs = [...Object.keys(r.metafile.inputs).sort(), 'bin/cli-bundle.mjs'].map((p) => join(ROOT, p)).map((f) => [f, signature(f)]);
  const text = r.outputFiles[0].text;
  const key = createHash('sha256').update(text).digest('hex').slice(0, 16);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${key}.cjs`);
  if (!existsSync(file)) writeAtomic(file, text);
  writeAtomic(join(dir, 'current.json'), JSON.stringify({ key, inputs }));
  // Earlier bundles and their code caches go (a command still running one has already read it).
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(key) && /\.cjs(\.v8cache)?$/.test(name)) rmSync(join(dir, name), { force: true });
  }
  return file;
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
 * Loads the CLI's `main` from the bundle (building it when missing or stale). `saveCodeCache()`, called after the
 * command ran, stores V8's code cache for the functions that command compiled, when there was none to use.
 */
export async function loadBundledMain(env = process.env) {
  const dir = cacheDir(env);
  const file = freshBundle(dir) ?? (await build(dir));
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // ASCII only (charset: 'ascii'), so latin1 reads it without decoding.
  const source = readFileSync(file, 'latin1');
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  // Packages left outside the bundle (esbuild) resolve from the checkout, wherever the cache is.
  script.runInThisContext()(module.exports, bundleRequire(createRequire(join(ROOT, 'package.json'))), module, file, dirname(file));
  const saveCodeCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      writeAtomic(cacheFile, script.createCachedData());
    } catch {
      // a read-only cache folder only costs start-up time
    }
  };
  return { main: module.exports.main, saveCodeCache };
}
