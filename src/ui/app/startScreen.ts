/**
 * The static start screen of index.html, one per language, written into the page at build time (vite.config.ts)
 * and painted before any JavaScript of the app has run. It draws the app's shell with the same elements and
 * classes as Header, Welcome, DesktopLayout and PhoneLayout (desktop panes above 1000px, phone tabs below, chosen
 * by CSS), so when the app takes over nothing moves. public/boot.js keeps the copy in the app's language, applies
 * the saved theme, presenter mode and pane sizes, drops the welcome once it has been dismissed, and empties the
 * editor for a returning visitor (whose files are in IndexedDB); for a first visit the editor already shows the
 * Dockerfile of the first workspace. Everything is inert: the app's own controls replace it.
 */
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  Boxes,
  Container,
  Ellipsis,
  FileCode,
  FolderTree,
  GraduationCap,
  Hammer,
  Languages,
  Layers,
  Monitor,
  Moon,
  PanelRightClose,
  Presentation,
  Sparkles,
  SquareTerminal,
  Sun,
  X,
  type LucideProps,
} from 'lucide-react';
import { translate, type Lang } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { WEB_PING_DOCKERFILE } from '../workspace/examples';
import { PANE_DEFAULTS } from './layout';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const icon = (I: ComponentType<LucideProps>, size: number, attrs: Record<string, string> = {}) => renderToStaticMarkup(createElement(I, { size, 'aria-hidden': true, ...attrs }));

/** The pane layout of DesktopLayout, as react-resizable-panels draws it (groups are flex boxes, panels grow by their size). */
const group = (dir: 'row' | 'column', cls: string, inner: string) =>
  `<div class="${cls}" style="height:100%;width:100%;overflow:hidden;display:flex;flex-flow:${dir}">${inner}</div>`;
const panel = (id: string, size: number, inner: string) =>
  `<div data-boot-panel="${id}" style="min-height:0;max-height:100%;min-width:0;max-width:100%;display:flex;overflow:visible;flex:${size} 1 0px"><div style="max-height:100%;max-width:100%;flex-grow:1;overflow:auto">${inner}</div></div>`;
const handle = (orientation: 'vertical' | 'horizontal') => `<div class="resize-handle" aria-orientation="${orientation}" aria-hidden="true" style="flex:0 0 auto"></div>`;

export function startScreen(lang: Lang): string {
  const t = (k: MessageKey) => esc(translate(lang, k));
  const opt = (v: string, label: string) => `<option value="${v}">${label}</option>`;
  const pane = (cls: string, title: MessageKey, I: ComponentType<LucideProps>, body: string) =>
    `<div class="pane ${cls}"><div class="pane-header"><span class="pane-icon" aria-hidden="true">${icon(I, 16)}</span><h2 class="pane-title">${t(title)}</h2></div><div class="pane-body">${body}</div></div>`;

  const header =
    `<header class="app-header"><div class="brand">${icon(Boxes, 22, { className: 'brand-mark' })}<h1>${t('app.title')}</h1><span class="tagline">${t('app.tagline')}</span></div>` +
    `<div class="header-controls" inert>` +
    `<label class="select-field">${icon(Languages, 16)}<span class="visually-hidden">${t('lang.switch')}</span><select data-boot="lang">${opt('en', 'English')}${opt('ko', '한국어')}</select></label>` +
    `<label class="select-field"><span data-boot-theme-icon="system" style="display:contents">${icon(Monitor, 16)}</span><span data-boot-theme-icon="light" style="display:contents">${icon(Sun, 16)}</span><span data-boot-theme-icon="dark" style="display:contents">${icon(Moon, 16)}</span><span class="visually-hidden">${t('theme.label')}</span><select data-boot="theme">${opt('system', t('theme.system'))}${opt('light', t('theme.light'))}${opt('dark', t('theme.dark'))}</select></label>` +
    `<label class="switch-field"><input type="checkbox" role="switch" data-boot="presenter"><span class="switch-track" aria-hidden="true"></span>${icon(Presentation, 16)}<span class="switch-label">${t('presenter.label')}</span></label>` +
    `<span class="header-sep" aria-hidden="true"></span>` +
    `<button type="button" class="kit-icon-button" aria-pressed="true" aria-label="${t('lesson.toggle')}" data-boot="lesson-toggle">${icon(PanelRightClose, 18)}</button>` +
    `<button type="button" class="kit-icon-button" aria-label="${t('header.more')}">${icon(Ellipsis, 18)}</button>` +
    `</div></header>`;

  const welcome =
    `<section class="notice-card welcome" data-boot="welcome">${icon(Sparkles, 20, { className: 'notice-icon' })}` +
    `<div class="notice-text"><h2>${t('welcome.title')}</h2><p>${t('welcome.body')}</p></div>` +
    `<div class="notice-actions" inert><button type="button" class="primary">${icon(GraduationCap, 16)} ${t('welcome.start')}</button>` +
    `<button type="button" class="kit-icon-button" aria-label="${t('welcome.dismiss')}">${icon(X, 18)}</button></div></section>`;

  const build =
    `<div class="build-controls" inert>` +
    `<label>${t('build.tag')}<input size="14" value="web-ping" data-boot="tag"></label>` +
    `<label>${t('build.builder')}<select>${opt('buildkit', 'BuildKit')}${opt('legacy', 'legacy (DOCKER_BUILDKIT=0)')}</select></label>` +
    `<label class="check"><input type="checkbox">${t('build.noCache')}</label>` +
    `<label class="build-target">${t('build.target')}<select disabled>${opt('', t('build.targetLast'))}</select></label>` +
    `<details class="build-args"><summary>${t('build.args')}</summary></details>` +
    `<button type="button" class="primary" disabled>${icon(Hammer, 16)}${t('build.button')}</button></div>`;

  const editor =
    `<section class="region editor" inert><div class="editor-bar"><span class="file-path" data-boot="path">Dockerfile</span><span class="problems"></span>` +
    `<label class="check"><input type="checkbox">${t('editor.explain')}</label></div>` +
    `<div class="editor-body"><textarea class="fallback-editor" readonly tabindex="-1" aria-label="${t('editor.fallback')}" data-boot="text">${esc(WEB_PING_DOCKERFILE)}</textarea></div></section>`;

  const P = PANE_DEFAULTS;
  const desktop = group(
    'row',
    'workbench boot-desktop',
    panel(
      'p-work',
      P.outer['p-work'],
      group(
        'column',
        '',
        panel(
          'p-top',
          P.work['p-top'],
          group(
            'row',
            '',
            panel('p-files', P.top['p-files'], pane('pane-files', 'pane.files', FolderTree, '<div class="region files"></div>')) +
              handle('vertical') +
              panel('p-editor', P.top['p-editor'], pane('pane-editor', 'pane.editor', FileCode, build + editor)) +
              handle('vertical') +
              panel('p-layers', P.top['p-layers'], pane('pane-layers', 'pane.layers', Layers, '<div class="region layers"></div>')),
          ),
        ) +
          handle('horizontal') +
          panel('p-terminal', P.work['p-terminal'], pane('pane-terminal', 'pane.terminal', SquareTerminal, '<div class="region terminal"></div>')),
      ),
    ) +
      handle('vertical') +
      panel(
        'p-right',
        P.outer['p-right'],
        group(
          'column',
          '',
          panel('p-lesson', P.right['p-lesson'], pane('pane-lesson', 'pane.lesson', GraduationCap, '<div class="region lesson"></div>')) +
            handle('horizontal') +
            panel('p-side', P.right['p-side'], pane('pane-side', 'pane.side', Container, '<div class="region side"></div>')),
        ),
      ),
  );

  const tab = (I: ComponentType<LucideProps>, label: MessageKey, active = false) =>
    `<button type="button" class="kit-tab"${active ? ' data-state="active"' : ''}><span aria-hidden="true">${icon(I, 20)}</span><span>${t(label)}</span></button>`;
  const phone =
    `<div class="phone boot-phone"><div class="kit-tab-panel"><div class="phone-stack">${build}` +
    `<details class="phone-files" inert><summary>${icon(FolderTree, 16)} ${t('pane.files')}</summary></details>` +
    `<div class="phone-editor">${editor}</div></div></div>` +
    `<div class="kit-tabs phone-tabs" inert>${tab(FileCode, 'phone.editor', true)}${tab(Layers, 'phone.stack')}${tab(SquareTerminal, 'phone.terminal')}${tab(GraduationCap, 'phone.lesson')}</div></div>`;

  return (
    `<div class="app boot-app" data-boot-lang="${lang}" lang="${lang}" data-title="${t('app.title')} — ${t('app.tagline')}" hidden>` +
    header +
    welcome +
    `<main class="app-main" aria-busy="true"><p class="visually-hidden" role="status">${t('app.loading')}</p>${desktop}${phone}</main></div>`
  );
}
