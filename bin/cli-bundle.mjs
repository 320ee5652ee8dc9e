// The CLI's prebuilt bundle: src/node/main.ts and everything it imports, bundled by esbuild into one CommonJS
// file under node_modules/.cache/layerlab/, so a command starts without compiling TypeScript. V8's code cache
// for the bundle sits beside it, so later starts skip most of the parsing too.
//
// Freshness: `current.json` lists every input file of the bundle with its size and mtime; a command stats them
// (a few hundred stats, ~2 ms) and rebuilds the bundle (~1-2 s, once) when any changed. Writes are atomic
// (temp file + rename), so concurrent commands never read half a bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/node/main.ts';

function cacheDir(env) {
  const base = env.LAYERLAB_CLI_CACHE || join(ROOT, 'node_modules', '.cache', 'layerlab');
  // Several checkouts may share one node_modules (and so one cache): each gets its own folder.
  const tag = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  return join(base, `cli-${tag}`);
}

function signature(path) {
  try {
    const s = statSync(join(ROOT, path));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
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
  for (const [path, sig] of current.inputs) if (signature(path) !== sig) return null;
  const file = join(dir, `${current.key}.cjs`);
  return existsSync(file) ? file : null;
}

async function build(dir) {
  const { build: esbuild } = await import('esbuild');
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
    external: ['esbuild', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
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
  const inputs = [...Object.keys(r.metafile.inputs).sort(), 'bin/cli-bundle.mjs'].map((p) => [p, signature(p)]);
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
  script.runInThisContext()(module.exports, createRequire(join(ROOT, 'package.json')), module, file, dirname(file));
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
