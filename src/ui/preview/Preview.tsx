/**
 * The Preview tab: a small browser for the ports containers publish. The page runs in an opaque-origin frame
 * (sandbox without allow-same-origin, a policy without network; see pageDocument.ts); every request it makes —
 * links, forms, fetch/XHR, its stylesheets, scripts and images — reaches the container through `engine.http`,
 * with a cookie jar per port, redirects followed, and back/forward/reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { containers } from '../engine/engineApi';
import type { HttpResponse } from '../../engine/runtime/process';
import { displayOf, hrefOf, originOf, parseAddress, resolveOnOrigin, type PreviewLocation } from './address';
import { browserRequest, type PreviewRequest, type PreviewResult, type Transport } from './browserRequest';
import { CookieJar } from './cookieJar';
import { buildFormRequest } from './formRequest';
import { parseFrameMessage, type FetchReply } from './frameMessages';
import { dataUrl, pageDocument } from './pageDocument';
import './preview.css';

interface Shown {
  loc: PreviewLocation;
  response: HttpResponse;
  /** The frame's document (HTML responses only). */
  doc: string | null;
  token: string;
}

interface Entry {
  request: PreviewRequest & { port: number };
  /** Kept for entries reached by a POST: going back to them shows them again instead of re-sending the form. */
  shown: Shown | null;
}

const randomToken = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
const boundary = () => `----LayerlabFormBoundary${randomToken()}`;
/** An image the browser shows by itself when it is the page (a PNG, JPEG, GIF, WebP, SVG), at its natural size. */
const isImage = (r: HttpResponse) => /^image\//i.test(r.headers['content-type'] ?? '');

const isHtml = (r: HttpResponse) => {
  const type = r.headers['content-type'];
  return type ? /html/i.test(type) : /^\s*</.test(r.body);
};

/** Host ports published by running containers, in the containers' order. */
function publishedPorts(list: ReturnType<typeof containers>): number[] {
  return list.filter((c) => c.running).flatMap((c) => [...c.ports.matchAll(/(?:^|[\s,])(?:[\d.]+:)?(\d+)->/g)].map((m) => Number(m[1])));
}

export function Preview({ active, open }: { active: boolean; open: { port: number; n: number } | null }) {
  const t = useT();
  const engine = useApp((s) => s.engine);
  useApp((s) => s.engineRev);
  const [address, setAddress] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [asText, setAsText] = useState(false);
  const [history, setHistory] = useState<{ entries: Entry[]; index: number }>({ entries: [], index: -1 });
  const jars = useRef(new Map<number, CookieJar>());
  const frame = useRef<HTMLIFrameElement>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;
  const [renders, setRenders] = useState(0);

  const send = useCallback<Transport>(
    async (port, req) => {
      if (!engine) return { ok: false, error: { message: 'connection refused' } };
      return engine.http(port, req);
    },
    [engine],
  );
  const jarOf = (port: number) => {
    let j = jars.current.get(port);
    if (!j) jars.current.set(port, (j = new CookieJar()));
    return j;
  };

  /** Loads `req` into the frame; `mode` says what it does to the history. */
  const load = useCallback(
    async (req: PreviewRequest & { port: number }, mode: 'push' | 'replace' | 'none') => {
      setBusy(true);
      setError('');
      setNotice('');
      const jar = jarOf(req.port);
      const r = await browserRequest(send, jar, req.port, req).catch((e: unknown): PreviewResult => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
      if (!r.ok) {
        setBusy(false);
        if (r.other) setNotice(t('preview.otherOrigin', { origin: r.other }));
        else {
          setError(t('preview.error', { error: r.error }));
          setShown(null);
        }
        setAddress(displayOf({ port: req.port, path: req.path }));
        return;
      }
      const token = randomToken();
      const doc = isHtml(r.response)
        ? await pageDocument(r.response.body, r.location, token, async (path) => {
            const sub = await browserRequest(send, jar, req.port, { method: 'GET', path });
            return sub.ok && sub.response.status < 400 ? { body: sub.response.body, contentType: sub.response.headers['content-type'] ?? '', bytes: sub.response.bodyBytes } : null;
          })
        : null;
      const next: Shown = { loc: r.location, response: r.response, doc, token };
      setShown(next);
      setBusy(false);
      setAddress(displayOf(r.location));
      if (mode === 'none') return;
      const finalReq = r.redirected ? { port: req.port, method: 'GET', path: r.location.path } : req;
      const entry: Entry = { request: finalReq, shown: finalReq.method.toUpperCase() === 'GET' ? null : next };
      setHistory((h) => {
        const kept = mode === 'push' ? h.entries.slice(0, h.index + 1) : h.entries.slice(0, Math.max(h.index, 0));
        const entries = [...kept, entry];
        return { entries, index: entries.length - 1 };
      });
    },
     
    [send, t],
  );

  const go = (text: string) => {
    const loc = parseAddress(text);
    if (!loc) {
      setError(t('preview.badAddress', { address: text }));
      return;
    }
    void load({ port: loc.port, method: 'GET', path: loc.path }, 'push');
  };

  const traverse = (delta: number) => {
    const index = history.index + delta;
    const entry = history.entries[index];
    if (!entry) return;
    setHistory((h) => ({ ...h, index }));
    if (entry.shown) {
      setShown({ ...entry.shown });
      setAddress(displayOf(entry.shown.loc));
      setError('');
      setNotice('');
    } else void load(entry.request, 'none');
  };

  // the frame's requests: validated, resolved against the page's address, then sent like the page's own
  useEffect(() => {
    const onMessage = async (ev: MessageEvent) => {
      const cur = shownRef.current;
      const win = frame.current?.contentWindow;
      if (!cur || !win || ev.source !== win) return;
      const m = parseFrameMessage(ev.data, cur.token);
      if (!m) return;
      const port = cur.loc.port;
      if (m.t === 'leaving') {
        // the page navigated itself (location = …), away from what the preview can serve: show it again
        setNotice(t('preview.scriptNavigation'));
        setRenders((n) => n + 1);
        return;
      }
      if (m.t === 'navigate' || m.t === 'submit') {
        const target = resolveOnOrigin(m.t === 'navigate' ? m.url : m.action, cur.loc);
        if ('other' in target) {
          setNotice(t('preview.otherOrigin', { origin: target.other }));
          return;
        }
        const req = m.t === 'navigate' ? { method: 'GET', path: target.path } : buildFormRequest({ ...m, action: target.path }, boundary);
        void load({ port, ...req }, 'push');
        return;
      }
      const reply = (r: FetchReply) => win.postMessage(r, '*');
      const target = resolveOnOrigin(m.url, cur.loc);
      if ('other' in target) {
        const error = t('preview.noNetwork', { origin: target.other, port: String(port) });
        setNotice(error);
        reply({ layerlab: 'preview', t: 'fetch-result', id: m.id, ok: false, error });
        return;
      }
      const r = await browserRequest(send, jarOf(port), port, { method: m.method, path: target.path, headers: m.headers, body: m.body });
      if (shownRef.current?.token !== cur.token) return;
      if (!r.ok) {
        const error = r.other ? t('preview.noNetwork', { origin: r.other, port: String(port) }) : r.error;
        reply({ layerlab: 'preview', t: 'fetch-result', id: m.id, ok: false, error });
        return;
      }
      const res = r.response;
      reply({ layerlab: 'preview', t: 'fetch-result', id: m.id, ok: true, status: res.status, statusText: res.statusText ?? '', headers: res.headers, body: res.body, url: hrefOf(r.location) });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
     
  }, [load, send, t]);

  // the Open button of the containers table (each press once, not again when the language changes)
  const opened = useRef(0);
  useEffect(() => {
    if (!open || open.n === opened.current) return;
    opened.current = open.n;
    void load({ port: open.port, method: 'GET', path: '/' }, 'push');
  }, [open, load]);

  // opening the tab with nothing shown loads the first published port
  const ports = engine ? publishedPorts(containers(engine)) : [];
  const first = ports[0];
  useEffect(() => {
    if (active && first && !shown && !busy && !error && !open) {
      void load({ port: first, method: 'GET', path: '/' }, 'push');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, first]);

  if (!engine) return <p className="muted">{t('preview.unavailable')}</p>;
  const entry = history.entries[history.index];
  return (
    <div className="preview" data-testid="preview">
      <form
        className="address-bar"
        onSubmit={(e) => {
          e.preventDefault();
          go(address);
        }}
      >
        <button type="button" className="nav" onClick={() => traverse(-1)} disabled={history.index <= 0} aria-label={t('preview.back')} title={t('preview.back')}>
          ←
        </button>
        <button type="button" className="nav" onClick={() => traverse(1)} disabled={history.index >= history.entries.length - 1} aria-label={t('preview.forward')} title={t('preview.forward')}>
          →
        </button>
        <button type="button" className="nav" onClick={() => entry && void load(entry.request, 'none')} disabled={!entry} aria-label={t('preview.reload')} title={t('preview.reload')}>
          ↻
        </button>
        <label>
          <span className="visually-hidden">{t('preview.address')}</span>
          <input value={address} placeholder={first ? `localhost:${first}` : 'localhost:3000'} onChange={(e) => setAddress(e.target.value)} spellCheck={false} data-testid="preview-address" />
        </label>
        <button type="submit">{t('preview.go')}</button>
      </form>
      {!shown && !error && !busy && <p className="muted">{t('preview.hint')}</p>}
      {error && <p role="alert">{error}</p>}
      {notice && (
        <p className="preview-notice" role="status" data-testid="preview-notice">
          {notice}
        </p>
      )}
      {shown && (
        <div className="preview-body" aria-busy={busy}>
          <div className="preview-status">
            <span className="mono">
              HTTP {shown.response.status}
              {shown.response.statusText ? ` ${shown.response.statusText}` : ''}
            </span>
            <label className="check">
              <input type="checkbox" checked={asText} onChange={(e) => setAsText(e.target.checked)} />
              {t('preview.asText')}
            </label>
          </div>
          {shown.doc !== null && !asText ? (
            <iframe
              key={`${shown.token}-${renders}`}
              ref={frame}
              title={t('preview.frame', { origin: originOf(shown.loc.port) })}
              sandbox="allow-scripts allow-forms"
              src={new URL('./preview.html', document.baseURI).href}
              referrerPolicy="no-referrer"
              data-testid="preview-frame"
              // each load of the frame's page gets the document; after the first it no longer listens
              onLoad={(e) => e.currentTarget.contentWindow?.postMessage({ layerlab: 'preview', t: 'render', html: shown.doc }, '*')}
            />
          ) : isImage(shown.response) && !asText ? (
            <img className="preview-image" src={dataUrl(shown.response.body, shown.response.headers['content-type'] ?? '', shown.response.bodyBytes)} alt={displayOf(shown.loc)} data-testid="preview-image" />
          ) : (
            <pre data-testid="preview-text">{shown.response.body}</pre>
          )}
        </div>
      )}
    </div>
  );
}
