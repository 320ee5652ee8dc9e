/**
 * Fails the build when the initial JavaScript of dist/ (what the browser must load before the app starts)
 * is more than 200 kB gzip. Run after `vite build` (package.json "build" does). Usage:
 *   tsx scripts/check-bundle-size.ts [distDir]
 */
import { INITIAL_JS_LIMIT_GZIP, kB, measureInitialJs } from './bench/bundle';

const dist = process.argv[2] ?? 'dist';
try {
  const r = measureInitialJs(dist);
  for (const f of r.files) console.log(`  ${f.file.padEnd(44)} ${kB(f.bytes).padStart(10)}  gzip ${kB(f.gzip).padStart(9)}`);
  const verdict = r.gzip <= INITIAL_JS_LIMIT_GZIP ? 'ok' : 'TOO LARGE';
  console.log(`initial JavaScript: ${kB(r.gzip)} gzip (limit ${kB(INITIAL_JS_LIMIT_GZIP)}): ${verdict}`);
  if (r.gzip > INITIAL_JS_LIMIT_GZIP) {
    console.error('The initial bundle is over budget: load the new code lazily (import()) or make it smaller.');
    process.exit(1);
  }
} catch (e) {
  console.error(`check-bundle-size: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
