/** A layer's file changes as a tree (added, modified, removed, sizes), like dive, with wasted-space hints. */
import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../engine/engineClient';
import { useT } from '../i18n/useT';
import type { Band } from './model';
import type { LayerChangeView } from '../engine/engineApi';
import { diffTree, wasteHints, type DiffNode } from './diffTree';
import { formatBytes } from './format';

export function LayerDiff({ band, engine, imageId, onClose }: { band: Band; engine: EngineClient; imageId?: string; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [changes, setChanges] = useState<LayerChangeView[] | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    if (!band.digest) {
      setChanges(null);
      return;
    }
    // computed by the engine (layerDiffData.ts), off the page's thread
    engine.layerChanges(band.digest, imageId).then(
      (c) => {
        if (!cancelled) setChanges(c);
      },
      () => {
        if (!cancelled) setChanges(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [engine, band.digest, imageId]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);
  // The close event comes a task after close(): React's development double effect (close, then showModal again)
  // would otherwise remove the dialog it has just reopened. A dialog that is open again was not closed.
  const closed = () => {
    if (!ref.current?.open) onClose();
  };
  const tree = changes ? diffTree(changes) : null;
  const hints = changes ? wasteHints(changes) : [];
  const kindText = (k: DiffNode['kind']) => (k === 'A' ? t('layers.added') : k === 'C' ? t('layers.modified') : k === 'D' ? t('layers.removed') : '');
  const render = (n: DiffNode) => (
    <li key={n.path} className={`diff-${n.kind}`}>
      <span className="diff-mark" aria-label={kindText(n.kind)}>
        {n.kind === 'A' ? '+' : n.kind === 'C' ? '~' : n.kind === 'D' ? '−' : ''}
      </span>{' '}
      <span className="diff-name">{n.name}{n.kind === 'dir' ? '/' : ''}</span> <span className="diff-size">{formatBytes(n.size)}</span>
      {n.children.length > 0 && <ul>{n.children.map(render)}</ul>}
    </li>
  );
  return (
    <dialog ref={ref} className="layer-diff" data-testid="layer-diff" aria-labelledby="layer-diff-title" onClose={closed} onCancel={closed}>
      <h2 id="layer-diff-title">{t('layers.diffTitle', { line: band.line ?? '' })}</h2>
      <p className="mono">{band.name}</p>
      {changes === undefined ? null : changes === null ? (
        <p>{t('layers.diffUnavailable')}</p>
      ) : changes.length === 0 ? (
        <p>{t('layers.diffNone')}</p>
      ) : (
        <ul className="diff-tree">{tree!.children.map(render)}</ul>
      )}
      {hints.length > 0 && (
        <ul className="waste">
          {hints.map((h) => (
            <li key={h.path}>{h.kind === 'removed' ? t('layers.wasted', { path: h.path, size: formatBytes(h.size) }) : t('layers.overwritten', { path: h.path })}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose} autoFocus>
        {t('layers.close')}
      </button>
    </dialog>
  );
}
