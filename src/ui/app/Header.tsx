/**
 * The top bar: the name, then the three settings a learner changes (language, theme, presenter mode), the
 * lesson panel switch, and one menu with everything else (export, import, and, set apart, reset everything,
 * which asks first in a dialog).
 */
import { useEffect, useRef, useState } from 'react';
import { Boxes, Download, Ellipsis, Languages, Monitor, Moon, PanelRightClose, PanelRightOpen, Presentation, RotateCcw, Sun, Upload } from 'lucide-react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import type { Theme } from '../persist/saved';
import { Menu } from '../kit/DropdownMenu';
import { ConfirmDialog, type ConfirmRequest } from '../kit/AlertDialog';
import { IconButton } from '../kit/IconButton';

const themeIcon = { system: Monitor, light: Sun, dark: Moon } as const;

export function Header({ lessonOpen, onToggleLesson }: { lessonOpen: boolean; onToggleLesson: () => void }) {
  const t = useT();
  const settings = useApp((s) => s.settings);
  const setSettings = useApp((s) => s.setSettings);
  const setPresenter = useApp((s) => s.setPresenter);
  const exportFile = useApp((s) => s.exportFile);
  const importFile = useApp((s) => s.importFile);
  const resetAll = useApp((s) => s.resetAll);
  const saveError = useApp((s) => s.saveError);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const ThemeIcon = themeIcon[settings.theme] ?? Monitor;
  const engine = useApp((s) => s.engine);
  // Part of the saved state found unreadable (the build cache) starts empty: said here, in the engine's words.
  useEffect(() => engine?.onDamage((what) => setMessage(t('robust.partDamaged', { what }))), [engine, t]);

  return (
    <header className="app-header">
      <div className="brand">
        <Boxes size={22} aria-hidden className="brand-mark" />
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <div className="header-controls">
        <label className="select-field">
          <Languages size={16} aria-hidden />
          <span className="visually-hidden">{t('lang.switch')}</span>
          <select value={settings.lang} onChange={(e) => setSettings({ lang: e.target.value as 'en' | 'ko' })}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
        <label className="select-field">
          <ThemeIcon size={16} aria-hidden />
          <span className="visually-hidden">{t('theme.label')}</span>
          <select value={settings.theme} onChange={(e) => setSettings({ theme: e.target.value as Theme })}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
        <label className="switch-field">
          <input type="checkbox" role="switch" data-testid="presenter-toggle" checked={settings.presenter} onChange={(e) => setPresenter(e.target.checked)} />
          <span className="switch-track" aria-hidden />
          <Presentation size={16} aria-hidden />
          <span className="switch-label">{t('presenter.label')}</span>
        </label>
        <span className="header-sep" aria-hidden />
        <IconButton
          label={t('lesson.toggle')}
          aria-pressed={lessonOpen}
          onClick={onToggleLesson}
          data-testid="lesson-toggle"
          icon={lessonOpen ? <PanelRightClose size={18} aria-hidden /> : <PanelRightOpen size={18} aria-hidden />}
        />
        <Menu
          label={t('header.more')}
          testId="header-menu"
          trigger={<Ellipsis size={18} aria-hidden />}
          items={[
            {
              label: t('menu.export'),
              icon: <Download size={16} />,
              testId: 'menu-export',
              onSelect: () => {
                const name = `layerlab-${new Date().toISOString().slice(0, 10)}.json`;
                void Promise.all([exportFile(), import('../workspace/zip')]).then(([text, z]) => z.downloadBlob(name, text, 'application/json'));
              },
            },
            { label: t('menu.import'), icon: <Upload size={16} />, testId: 'menu-import', onSelect: () => fileInput.current?.click() },
            {
              label: t('menu.reset'),
              icon: <RotateCcw size={16} />,
              danger: true,
              testId: 'menu-reset',
              onSelect: () => setConfirm({ title: t('menu.resetTitle'), body: t('menu.resetConfirm'), confirmLabel: t('menu.resetAction'), onConfirm: () => void resetAll() }),
            },
          ]}
        />
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('menu.import')}
          data-testid="import-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            try {
              await importFile(await f.text());
            } catch (err) {
              setMessage(t('menu.importFailed', { error: err instanceof Error ? err.message : String(err) }));
            }
          }}
        />
      </div>
      {(message || saveError) && (
        <p role="alert" className="header-alert">
          {message || t('save.failed', { error: saveError })}
        </p>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </header>
  );
}
