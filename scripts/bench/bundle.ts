/**
 * Measures the initial JavaScript of a production build: the scripts (module and classic, e.g. public/boot.js),
 * modulepreload links and app module links (`data-app-module`, started by boot.js) of index.html plus every
 * chunk they import statically (recursively), and the chunks the app's entry chunk (src/ui/main.tsx alone) imports dynamically (it starts
 * with them: React's DOM renderer and the app, see src/ui/main.tsx). Other dynamic `import()` chunks (Monaco, D3,
 * xterm, lessons, the engine) are not initial. Sizes are gzip (zlib level 9, like Vite's report) in bytes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** 200 kB, as Vite counts kilobytes (1 kB = 1000 bytes). */
export const INITIAL_JS_LIMIT_GZIP = 200_000;

const STATIC_IMPORT = /(?:^|[;\s{}()])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g;

export function measureInitialJs(distDir = 'dist'): InitialJs {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} does not exist: run \`vite build\` first`);
  const html = readFileSync(indexPath, 'utf8');
  const entries: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) entries.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) entries.push(m[1]);
  // (the app's modules, which public/boot.js fetches and runs after the first paint)
  for (const m of html.matchAll(/<link\b[^>]*\bdata-app-module\b[^>]*\bhref=["']([^"']+)["']/g)) entries.push(m[1]);
  const entry = /<link\b[^>]*\bdata-app-module=["']entry["'][^>]*\bhref=["']([^"']+)["']/.exec(html)?.[1] ?? /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/.exec(html)?.[1];
  const entryFile = entry ? normalize(join(distDir, entry.replace(/^\//, ''))) : null;
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) if (m[1].trim()) throw new Error('index.html has an inline script');
  const seen = new Set<string>();
  const queue = entries.map((e) => normalize(join(distDir, e.replace(/^\//, ''))));
  const files: InitialJs['files'] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`index.html refers to ${file}, which is missing`);
    const buf = readFileSync(file);
    files.push({ file: relative(distDir, file), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    const imports = [...buf.toString('utf8').matchAll(STATIC_IMPORT), ...(file === entryFile ? buf.toString('utf8').matchAll(DYNAMIC_IMPORT) : [])];
    for (const m of imports) {
      if (!m[1].startsWith('.') && !m[1].startsWith('/')) continue;
      queue.push(normalize(m[1].startsWith('/') ? join(distDir, m[1]) : join(dirname(file), m[1])));
    }
  }
  return { files, bytes: files.reduce((a, f) => a + f.bytes, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
