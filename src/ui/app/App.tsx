import { useState } from 'react';
import { detectLang, translate, type Lang } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { LessonSlot } from './LessonSlot';

export function App() {
  const [lang, setLang] = useState<Lang>(() => detectLang());
  const t = (k: MessageKey) => translate(lang, k);
  return (
    <div className="app" lang={lang}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <label>
          {t('lang.switch')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
      </header>
      <main className="app-grid">
        <section className="region editor" data-testid="editor" aria-label={t('region.editor')} />
        <section className="region layers" data-testid="layer-stack" aria-label={t('region.layers')} />
        <section className="region terminal" data-testid="terminal" aria-label={t('region.terminal')} />
        <aside className="region lesson" data-testid="lesson-region" aria-label={t('region.lesson')}>
          <LessonSlot failedText={t('lesson.failed')} />
        </aside>
      </main>
    </div>
  );
}
