/**
 * Builds (once per change of its sources) the script the sandbox child evaluates: sandbox-runtime.ts and the
 * engine runtime it imports, bundled by esbuild (already installed as tsx's compiler) into one IIFE. The bundle is
 * cached under node_modules/.cache/layerlab/, named by the SHA-256 of its input files, so a fresh `docker run`
 * reads one file instead of compiling TypeScript, and an edited runtime source is rebuilt on the next use.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../repo-root';

const ROOT = REPO_ROOT;
const ENTRY = join(ROOT, 'src', 'node', 'runtime', 'sandbox-runtime.ts');
const CACHE = join(ROOT, 'node_modules', '.cache', 'layerlab');
const INPUTS = join(CACHE, 'sandbox-inputs.json');
/** The global the bundle defines in the child's context. */
export const BUNDLE_GLOBAL = 'LayerlabSandbox';

function hashInputs(files: string[]): string | null {
  const h = createHash('sha256');
  for (const f of files) {
    try {
      h.update(f).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
    } catch {
      return null;
    }
  }
  return h.digest('hex').slice(0, 24);
}

let cached: string | null = null;

/** The path of an up-to-date bundle, building it first if its sources changed (about 1 s, once). */
export function sandboxBundle(): string {
  if (cached) return cached;
  try {
    const list = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[];
    const key = hashInputs(list);
    const file = key && join(CACHE, `sandbox-${key}.js`);
    if (file && existsSync(file)) return (cached = file);
  } catch {
    // no usable cache yet
  }
  // esbuild is loaded only when a bundle must be built: most commands never need it.
  const { buildSync } = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
  const r = buildSync({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'neutral',
    // The Node built-ins' packages (events, buffer, readable-stream...) name their entry in "main". The `process`
    // package's reads `global.process`: the runtime provides one there (nodejs/library-process.ts).
    mainFields: ['module', 'main'],
    define: { global: 'globalThis' },
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(r.metafile.inputs).sort();
  const key = hashInputs(inputs);
  if (!key) throw new Error('sandbox runtime sources changed while bundling');
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `sandbox-${key}.js`);
  // Concurrent CLIs may build at once: each writes its own temp file and renames it (same content wins).
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, r.outputFiles[0].text);
  renameSync(tmp, file);
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  return (cached = file);
}
