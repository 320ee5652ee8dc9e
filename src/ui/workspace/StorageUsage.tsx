/**
 * One line under the files: what the site stores (navigator.storage.estimate(): used of the browser's quota)
 * and what the engine's saved state takes of it (images' layers and file contents, stored once each). Read
 * again at most every few seconds while the engine changes.
 */
import { useEffect, useState } from 'react';
import { engineStoreUsage, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { formatBytes } from '../layers/format';

const EVERY_MS = 5000;

export function StorageUsage() {
  const t = useT();
  const rev = useApp((s) => s.engineRev);
  const [figures, setFigures] = useState<{ used?: number; quota?: number; engine: number } | null>(null);
  const [stamp, setStamp] = useState(0);
  useEffect(() => {
    if (stamp && Date.now() - stamp < EVERY_MS) return;
    let live = true;
    const u = engineStoreUsage();
    const engine = u.blobBytes + u.layerBytes + u.metaBytes;
    const est = typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : Promise.resolve(undefined);
    est.then(
      (e) => live && setFigures({ used: e?.usage, quota: e?.quota, engine }),
      () => live && setFigures({ engine }),
    );
    setStamp(Date.now());
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-read when the engine changes, throttled by stamp
  }, [rev]);
  if (!figures) return null;
  const text =
    figures.used !== undefined && figures.quota
      ? t('robust.storage.usage', { used: formatBytes(figures.used), quota: formatBytes(figures.quota), engine: formatBytes(figures.engine) })
      : t('robust.storage.engine', { engine: formatBytes(figures.engine) });
  return (
    <p className="muted storage-usage" data-testid="storage-usage">
      {text}
    </p>
  );
}
