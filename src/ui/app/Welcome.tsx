/**
 * The first-visit welcome: what Layerlab is, and the first lesson one click away. Shown until dismissed or
 * until the lesson is started (remembered in localStorage); a card in the page, not a modal, so nothing is
 * blocked while it is there, and reachable with Tab like any control.
 */
import { useState } from 'react';
import { GraduationCap, Sparkles, X } from 'lucide-react';
import { useT } from '../i18n/useT';
import { IconButton } from '../kit/IconButton';

const WELCOMED_KEY = 'layerlab.welcomed';

function welcomed(): boolean {
  try {
    return localStorage.getItem(WELCOMED_KEY) === '1';
  } catch {
    return true; // storage blocked: do not show a card that could never stay dismissed
  }
}

export function Welcome({ onStartLesson }: { onStartLesson(): void }) {
  const t = useT();
  const [shown, setShown] = useState(() => !welcomed());
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    try {
      localStorage.setItem(WELCOMED_KEY, '1');
    } catch {
      // storage blocked: dismissed for this page only
    }
  };
  return (
    <section className="notice-card welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <Sparkles size={20} aria-hidden className="notice-icon" />
      <div className="notice-text">
        <h2 id="welcome-title">{t('welcome.title')}</h2>
        <p>{t('welcome.body')}</p>
      </div>
      <div className="notice-actions">
        <button
          type="button"
          className="primary"
          data-testid="welcome-start"
          onClick={() => {
            dismiss();
            onStartLesson();
          }}
        >
          <GraduationCap size={16} aria-hidden /> {t('welcome.start')}
        </button>
        <IconButton label={t('welcome.dismiss')} icon={<X size={18} aria-hidden />} onClick={dismiss} data-testid="welcome-dismiss" />
      </div>
    </section>
  );
}
