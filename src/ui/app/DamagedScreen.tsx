/** Shown instead of a blank page when the saved data cannot be read: offers a reset. */
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';

export function DamagedScreen() {
  const t = useT();
  const detail = useApp((s) => s.damagedDetail);
  const resetAll = useApp((s) => s.resetAll);
  const exportFile = useApp((s) => s.exportFile);
  void exportFile;
  return (
    <main className="damaged" data-testid="damaged">
      <h1>{t('damaged.title')}</h1>
      <p>{t('damaged.body', { detail })}</p>
      <p>
        <button type="button" className="primary" onClick={() => void resetAll()}>
          {t('damaged.reset')}
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          {t('damaged.retry')}
        </button>
      </p>
    </main>
  );
}
