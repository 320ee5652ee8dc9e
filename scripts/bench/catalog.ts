/**
 * The mock Docker Hub catalog's weight in the app: src/engine/registry/catalog bundled alone (esbuild, minified,
 * its imports included), gzip level 9 in bytes. The catalog ships inside the engine chunk, which the app loads
 * lazily; past the target it should become a chunk of its own.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** 50 kB gzip (1 kB = 1000 bytes): about a tenth of the engine chunk. */
export const CATALOG_LIMIT_GZIP = 50_000;

export async function measureCatalog(entry = 'src/engine/registry/catalog/index.ts'): Promise<{ bytes: number; gzip: number }> {
  const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error' });
  const out = r.outputFiles[0].contents;
  return { bytes: out.length, gzip: gzipSync(out, { level: 9 }).length };
}
