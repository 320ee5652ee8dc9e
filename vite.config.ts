import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { translate, type Lang } from './src/ui/i18n/i18n';
import type { MessageKey } from './src/ui/i18n/messages';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The static start screen of one language: the app's header and grid with the real texts, painted before any
 * JavaScript runs (public/boot.js keeps the right language; App.tsx removes it once React has rendered).
 * Same classes as Header.tsx and App.tsx, so the swap does not move anything.
 */
function startScreen(lang: Lang): string {
  const t = (k: MessageKey) => esc(translate(lang, k));
  const opt = (v: string, label: string) => `<option value="${v}">${label}</option>`;
  return (
    `<div class="app boot-app" data-boot-lang="${lang}" lang="${lang}" data-title="${t('app.title')} — ${t('app.tagline')}" hidden>` +
    `<header class="app-header"><h1>${t('app.title')}</h1><span class="tagline">${t('app.tagline')}</span>` +
    `<div class="header-controls" inert>` +
    `<label>${t('lang.switch')} <select data-boot="lang">${opt('en', 'English')}${opt('ko', '한국어')}</select></label>` +
    `<label>${t('theme.label')} <select data-boot="theme">${opt('system', t('theme.system'))}${opt('light', t('theme.light'))}${opt('dark', t('theme.dark'))}</select></label>` +
    `<label class="check"><input type="checkbox" data-boot="presenter">${t('presenter.label')}</label>` +
    `<button type="button" aria-pressed="true">${t('lesson.toggle')}</button>` +
    `<button type="button">${t('menu.export')}</button>` +
    `<button type="button">${t('menu.import')}</button>` +
    `<button type="button" class="danger">${t('menu.reset')}</button>` +
    `</div></header>` +
    `<main class="app-grid" aria-busy="true">` +
    `<div class="region files"></div>` +
    `<div class="center"><div class="region boot-center"><p class="boot-intro">${t('app.intro')}</p><p class="boot-status" role="status">${t('app.loading')}</p></div></div>` +
    `<div class="region layers"></div><div class="region terminal"></div><div class="region side"></div><div class="region lesson"></div>` +
    `</main></div>`
  );
}

/**
 * First paint without JavaScript: puts the start screen (both languages) into index.html and, in the
 * production build, inlines the entry's stylesheet so the first paint waits for no other request.
 */
function startScreenPlugin(): Plugin {
  return {
    name: 'layerlab-start-screen',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        html = html.replace('<!--start-screen-->', startScreen('en') + startScreen('ko'));
        if (!ctx.bundle) return html;
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

export default defineConfig({
  plugins: [react(), startScreenPlugin()],
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
