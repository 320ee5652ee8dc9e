import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { startScreen } from './src/ui/app/startScreen';

/**
 * First paint without JavaScript: puts the start screen (both languages, src/ui/app/startScreen.ts) into
 * index.html and, in the production build, inlines the entry's stylesheet so the first paint waits for no other
 * request, and leaves the app's scripts to public/boot.js, which fetches and runs them after the first paint.
 */
function startScreenPlugin(): Plugin {
  return {
    name: 'layerlab-start-screen',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        html = html.replace('<!--start-screen-->', startScreen('en') + startScreen('ko'));
        if (!ctx.bundle) return html;
        // The app's entry and the modules it imports are listed as inert links that public/boot.js turns into
        // modulepreloads, and the entry into a module script, once the start screen has been painted: nothing the
        // first paint does not need is fetched or run before it (a module script that has arrived would run first).
        html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, '<link data-app-module="entry" href="$1">');
        html = html.replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, '<link data-app-module href="$1">');
        // The entry (src/ui/main.tsx) imports React's DOM renderer and the app at once: fetched with it, not after it.
        const bundle = ctx.bundle;
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
        if (entry?.type === 'chunk') {
          const start = new Set<string>();
          const add = (file: string) => {
            const c = bundle[file];
            if (start.has(file) || c?.type !== 'chunk') return;
            start.add(file);
            c.imports.forEach(add);
          };
          entry.dynamicImports.forEach(add);
          const links = [...start].filter((f) => !html.includes(`/${f}"`)).map((f) => `<link data-app-module href="./${f}">`);
          html = html.replace('<link data-app-module="entry"', `${links.join('')}<link data-app-module="entry"`);
        }
        return html.replace(/<link rel="stylesheet"[^>]*href="\.?\/?(assets\/index-[\w-]+\.css)"[^>]*>/, (link, file: string) => {
          const asset = ctx.bundle![file];
          if (!asset || asset.type !== 'asset') return link;
          const css = String(asset.source);
          return css.includes('</style') ? link : `<style>${css}</style>`;
        });
      },
    },
  };
}

const WORKER_ENTRY = fileURLToPath(new URL('./src/ui/runtime/worker.ts', import.meta.url));
const SANDBOX_PAGE = fileURLToPath(new URL('./public/sandbox.html', import.meta.url));
const PREVIEW_PAGE = fileURLToPath(new URL('./public/preview.html', import.meta.url));
const WORKER_MODULE = 'virtual:layerlab-sandbox-worker';

/** The policy of a public page, read from its meta tag (the one place it is written). */
function pagePolicy(file: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file} has no Content-Security-Policy meta tag`);
  return m[1];
}

/** The policy of public/sandbox.html. */
export function sandboxPolicy(): string {
  return pagePolicy(SANDBOX_PAGE);
}

/**
 * Response headers (dev server and `vite preview`; a real host must send the same, see README "Hosting"):
 * the app may be framed by no one; the sandbox and preview pages only by the app, with their policies also as headers.
 */
export function securityHeaders(path: string): Record<string, string> {
  if (/^\/sandbox\.html(\?|$)/.test(path)) {
    return { 'Content-Security-Policy': `${sandboxPolicy()}; frame-ancestors 'self'`, 'X-Frame-Options': 'SAMEORIGIN', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  }
  if (/^\/preview\.html(\?|$)/.test(path)) {
    return { 'Content-Security-Policy': `${pagePolicy(PREVIEW_PAGE)}; frame-ancestors 'self'`, 'X-Frame-Options': 'SAMEORIGIN', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  }
  return { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}

function headersMiddleware(base: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '/';
    const path = url.startsWith(base) ? '/' + url.slice(base.length) : url;
    for (const [k, v] of Object.entries(securityHeaders(path))) res.setHeader(k, v);
    next();
  };
}

/**
 * The container sandbox's worker (src/ui/runtime/worker.ts) bundled into one self-contained classic script and
 * offered as text by `virtual:layerlab-sandbox-worker` (a lazily loaded chunk of the app; in the build it fetches
 * the script, an asset of its own, as text). The page hands that
 * text to the opaque-origin sandbox frame, which starts workers from a blob: URL of it: such a worker can load
 * nothing from anywhere, so it must not import other chunks. Same in the dev server (rebuilt when a file it
 * bundles changes) and in the production build. Also sends the security headers of both servers.
 */
function sandboxWorkerPlugin(): Plugin {
  let production = false;
  let cached: { code: string; files: string[] } | null = null;
  const resolved = '\0' + WORKER_MODULE;
  const bundle = async () => {
    if (cached) return cached;
    const out = await build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      define: { 'import.meta.env.DEV': JSON.stringify(!production) },
      build: {
        write: false,
        target: 'es2022',
        minify: production,
        sourcemap: false,
        emptyOutDir: false,
        lib: { entry: WORKER_ENTRY, formats: ['iife'], name: 'layerlabSandboxWorker', fileName: () => 'sandbox-worker.js' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string; moduleIds?: string[] }[] }[];
    const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
    if (chunks.length !== 1) throw new Error(`the sandbox worker must bundle into one script, got ${chunks.length}`);
    cached = { code: chunks[0].code ?? '', files: (chunks[0].moduleIds ?? []).filter((id) => !id.startsWith('\0')) };
    return cached;
  };
  return {
    name: 'layerlab-sandbox-worker',
    configResolved(config) {
      production = config.command === 'build';
    },
    resolveId(id) {
      return id === WORKER_MODULE ? resolved : null;
    },
    async load(id) {
      if (id !== resolved) return null;
      const { code, files } = await bundle();
      for (const f of files) this.addWatchFile(f);
      if (!production) return `export default ${JSON.stringify(code)};`;
      // In the build the script is a file of its own, fetched as a Blob: a 700 kB string literal in a module
      // would be parsed on the page's main thread, in one long task, and so would the response's text be decoded
      // there (the sandbox frame makes its blob: URL from the Blob as well as from text).
      const ref = this.emitFile({ type: 'asset', name: 'sandbox-worker.js', source: code });
      return `export default await fetch(import.meta.ROLLUP_FILE_URL_${ref}).then((r) => { if (!r.ok) throw new Error('sandbox worker script: HTTP ' + r.status); return r.blob(); });`;
    },
    configureServer(server) {
      server.middlewares.use(headersMiddleware(server.config.base));
      server.watcher.on('change', (file) => {
        if (!cached?.files.includes(file)) return;
        cached = null;
        const mod = server.moduleGraph.getModuleById(resolved);
        if (mod) server.moduleGraph.invalidateModule(mod);
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(headersMiddleware(server.config.base));
    },
  };
}

export default defineConfig({
  plugins: [react(), startScreenPlugin(), sandboxWorkerPlugin()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
