/**
 * Share links in the UI: "Share workspace" encodes the active workspace (+ lesson step) into the URL hash;
 * opening a `#/share/...` URL shows what it holds, as plain text, and opens it only when the learner agrees.
 */
import { useEffect, useState } from 'react';
import { decodeShare, encodeShare, SHARE_PREFIX, type SharedWorkspace } from './shareLink';
import { lessonById } from '../../lessons/curriculum';
import type { Lang } from '../i18n/i18n';
import type { TFunc } from '../i18n/useT';

export function ShareButton({ t, files, lesson }: { t: TFunc; files: () => Record<string, string>; lesson?: { id: string; step?: string } }) {
  const [msg, setMsg] = useState<{ text: string; link?: string } | null>(null);
  const share = async () => {
    const r = encodeShare({ files: files(), lesson });
    if (!r.ok) {
      setMsg({ text: t('classroom.shareTooLarge') });
      return;
    }
    const link = `${location.origin}${location.pathname}${r.hash}`;
    try {
      await navigator.clipboard.writeText(link);
      setMsg({ text: t('classroom.shareCopied'), link });
    } catch {
      setMsg({ text: t('classroom.shareShown'), link });
    }
  };
  return (
    <span className="share">
      <button type="button" onClick={() => void share()} data-testid="share-button">
        {t('classroom.share')}
      </button>
      {msg && (
        <span className="share-msg" role="status">
          {msg.text}
          {msg.link && <input readOnly value={msg.link} onFocus={(e) => e.currentTarget.select()} aria-label={t('classroom.share')} />}
        </span>
      )}
    </span>
  );
}

/** Shown when the page was opened with a share link. */
export function ShareImport({ t, lang, onOpen }: { t: TFunc; lang: Lang; onOpen(ws: SharedWorkspace): void }) {
  const [hash, setHash] = useState(() => (typeof location !== 'undefined' ? location.hash : ''));
  useEffect(() => {
    const h = () => setHash(location.hash);
    window.addEventListener('hashchange', h);
    return () => window.removeEventListener('hashchange', h);
  }, []);
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const clear = () => {
    history.replaceState(null, '', location.pathname + location.search);
    setHash('');
  };
  const r = decodeShare(hash);
  if (!r.ok)
    return (
      <div className="share-import error" role="alert" data-testid="share-import">
        <p>{t(`classroom.share.err.${r.error}`)}</p>
        <button type="button" onClick={clear}>
          {t('classroom.share.dismiss')}
        </button>
      </div>
    );
  const files = Object.entries(r.value.files);
  const l = r.value.lesson ? lessonById(r.value.lesson.id) : undefined;
  const step = l?.steps.find((s) => s.id === r.value.lesson?.step);
  return (
    <div className="share-import" role="dialog" aria-label={t('classroom.share.title')} data-testid="share-import">
      <h3>{t('classroom.share.title')}</h3>
      <p>{t('classroom.share.files', { n: files.length })}</p>
      <ul className="share-files">
        {files.slice(0, 20).map(([path, content]) => (
          <li key={path}>
            <code>{path}</code>
            <pre>{content.length > 400 ? content.slice(0, 400) + '…' : content}</pre>
          </li>
        ))}
      </ul>
      {l && <p>{t('classroom.share.lesson', { lesson: l.title[lang], step: step ? step.title[lang] : '-' })}</p>}
      <button
        type="button"
        data-testid="share-open"
        onClick={() => {
          onOpen(r.value);
          clear();
          if (l) location.hash = `#/lesson/${l.id}${step ? `/${step.id}` : ''}`;
        }}
      >
        {t('classroom.share.open')}
      </button>{' '}
      <button type="button" className="secondary" onClick={clear}>
        {t('classroom.share.dismiss')}
      </button>
    </div>
  );
}
