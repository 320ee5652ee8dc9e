/** The warning shown when another tab saved edits of the workspace open here (the store listens, see multi-tab.ts). */
import { useT } from '../i18n/useT';
import { useMultiTab } from './multi-tab';

export function MultiTabBanner() {
  const t = useT();
  const conflict = useMultiTab((s) => s.conflict);
  const dismiss = useMultiTab((s) => s.dismiss);
  if (!conflict) return null;
  return (
    <div role="alert" className="multi-tab-banner" data-testid="multi-tab-banner" style={{ padding: '0.4rem 0.8rem', background: 'var(--panel)', borderBottom: '2px solid var(--danger, #c00)' }}>
      {t('robust.otherTab')}{' '}
      <button type="button" className="primary" onClick={() => location.reload()}>
        {t('robust.otherTabReload')}
      </button>{' '}
      <button type="button" onClick={dismiss}>
        {t('robust.otherTabDismiss')}
      </button>
    </div>
  );
}
