/**
 * Shown instead of a blank page when the saved data cannot be read: offers to export what can still be read
 * (the raw stored records, one JSON file) before a reset, so a partly damaged store does not cost the files.
 */
import { useState } from 'react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';

export function DamagedScreen() {
  const t = useT();
  const detail = useApp((s) => s.damagedDetail);
  const resetAll = useApp((s) => s.resetAll);
  const exportRaw = useApp((s) => s.exportRaw);
  const [exportError, setExportError] = useState('');
  const exportWhatCanBeRead = async () => {
    try {
      const text = await exportRaw();
      const name = `layerlab-damaged-${new Date().toISOString().slice(0, 10)}.json`;
      void import('../workspace/zip').then((z) => z.downloadBlob(name, text, 'application/json'));
      setExportError('');
    } catch (e) {
      setExportError(String(e));
    }
  };
  return (
    <main className="damaged" data-testid="damaged">
      <h1>{t('damaged.title')}</h1>
      <p>{t('damaged.body', { detail })}</p>
      <p>{t('damaged.exportHint')}</p>
      <p>
        <button type="button" onClick={() => void exportWhatCanBeRead()}>
          {t('damaged.export')}
        </button>{' '}
        <button type="button" className="primary" onClick={() => void resetAll()}>
          {t('damaged.reset')}
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          {t('damaged.retry')}
        </button>
      </p>
      {exportError && <p role="alert">{t('damaged.exportFailed', { detail: exportError })}</p>}
    </main>
  );
}
