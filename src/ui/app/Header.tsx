/** The top bar: title, language, theme, presenter mode, export/import/reset of everything saved. */
import { useRef, useState } from 'react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import type { Theme } from '../persist/saved';

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

  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <span className="tagline">{t('app.tagline')}</span>
      <div className="header-controls">
        <label>
          {t('lang.switch')}{' '}
          <select value={settings.lang} onChange={(e) => setSettings({ lang: e.target.value as 'en' | 'ko' })}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
        <label>
          {t('theme.label')}{' '}
          <select value={settings.theme} onChange={(e) => setSettings({ theme: e.target.value as Theme })}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.presenter} onChange={(e) => setPresenter(e.target.checked)} />
          {t('presenter.label')}
        </label>
        <button type="button" aria-pressed={lessonOpen} onClick={onToggleLesson}>
          {t('lesson.toggle')}
        </button>
        <button
          type="button"
          onClick={() => {
            const name = `layerlab-${new Date().toISOString().slice(0, 10)}.json`;
            const text = exportFile();
            void import('../workspace/zip').then((z) => z.downloadBlob(name, text, 'application/json'));
          }}
        >
          {t('menu.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('menu.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('menu.import')}
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
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (confirm(t('menu.resetConfirm'))) void resetAll();
          }}
        >
          {t('menu.reset')}
        </button>
      </div>
      {(message || saveError) && (
        <p role="alert" className="header-alert">
          {message || t('save.failed', { error: saveError })}
        </p>
      )}
    </header>
  );
}
