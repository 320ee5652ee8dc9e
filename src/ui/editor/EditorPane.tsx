/**
 * The editor region: the open file of the active workspace in Monaco (lazy-loaded; a plain textarea until
 * it arrives), Dockerfile diagnostics from the parser, and the "how Docker reads this" side view.
 */
import { useEffect, useRef, useState } from 'react';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { translate } from '../i18n/i18n';
import { textOf, sizeOf } from '../workspace/workspace';
import { formatBytes } from '../layers/format';
import { diagnose, loadParser, type Diagnostic } from './parserBridge';
import { baseImageProblem, imageRefs } from '../engine/engineApi';
import { ExplainView } from './ExplainView';
import { diagnoseCompose, isComposeFile, loadComposeLoader } from './composeDiagnostics';
import type * as Setup from './monacoSetup';

type SetupModule = typeof Setup;

export function EditorPane() {
  const t = useT();
  const ws = useApp((s) => activeWorkspace(s));
  const path = useApp((s) => s.openFile[s.activeId] ?? 'Dockerfile');
  const theme = useApp((s) => s.settings.theme);
  const presenter = useApp((s) => s.settings.presenter);
  const lang = useApp((s) => s.settings.lang);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Setup.monaco.editor.IStandaloneCodeEditor | null>(null);
  const setupRef = useRef<SetupModule | null>(null);
  const diagsRef = useRef<Diagnostic[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [diags, setDiags] = useState<Diagnostic[]>([]);
  const [composeDiags, setComposeDiags] = useState<Diagnostic[]>([]);
  const [explain, setExplain] = useState(false);

  const content = ws?.files[path];
  const isBinary = content instanceof Uint8Array;
  const text = textOf(content);
  const dockerfileText = textOf(ws?.files['Dockerfile']);

  // When to load Monaco (about 900 kB gzip and a few hundred ms of main-thread work to start): when the primary
  // pointer is a touch screen (a phone or tablet: slow CPU, and Monaco is poor at touch input), only once the
  // user reaches for the editor: until then the plain text area shows and edits the file. Otherwise (a mouse,
  // or no pointer at all) as soon as the browser is idle after the editor has been painted.
  const [wantMonaco, setWantMonaco] = useState(false);
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    if (wantMonaco) return;
    const touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    if (touch) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setWantMonaco(true), { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setWantMonaco(true), 0);
    return () => clearTimeout(id);
  }, [wantMonaco]);

  const trackCaret = (e: { currentTarget: HTMLTextAreaElement }) => {
    if (document.activeElement === e.currentTarget) focusAt.current = e.currentTarget.selectionStart;
  };

  // Load Monaco once.
  useEffect(() => {
    if (!wantMonaco) return;
    let disposed = false;
    // Monaco's own texts (context menu, find widget, command palette) in Korean: its message table must be in place
    // before Monaco's modules evaluate, so a language switch afterwards applies from the next page load.
    const messages = useApp.getState().settings.lang === 'ko' ? import('monaco-editor/nls/lang/ko.js') : Promise.resolve();
    void messages.then(() => import('./monacoSetup')).then((m) => {
      if (disposed || !host.current) return;
      setupRef.current = m;
      m.registerDockerfileFeatures({
        lang: () => useApp.getState().settings.lang,
        images: () => {
          const e = useApp.getState().engine;
          return e ? imageRefs(e) : [];
        },
        diagnostics: () => diagsRef.current,
      });
      const editor = m.monaco.editor.create(host.current, {
        // The context menu in the page's DOM, not a shadow root: there it gets the theme's colours (inside a shadow
        // root hosted outside .monaco-editor its background was transparent over the code).
        useShadowDOM: false,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: 2,
        ariaLabel: translate(useApp.getState().settings.lang, 'editor.ariaLabel'),
        renderWhitespace: 'selection',
        renderFinalNewline: 'on',
        fixedOverflowWidgets: true,
      });
      m.addMoveInstructionCommands(editor);
      editor.addCommand(m.monaco.KeyMod.CtrlCmd | m.monaco.KeyCode.Enter, () => void useApp.getState().build());
      editor.onDidChangeModelContent(() => {
        const model = editor.getModel();
        if (!model) return;
        const p = model.uri.path.split('/').slice(2).join('/');
        const st = useApp.getState();
        const cur = activeWorkspace(st);
        if (!cur || model.uri.path.split('/')[1] !== encodeURIComponent(cur.id)) return;
        const value = model.getValue();
        if (textOf(cur.files[p]) !== value) st.writeFile(p, value);
      });
      editorRef.current = editor;
      (window as unknown as { __layerlabEditor?: unknown }).__layerlabEditor = editor;
      setLoaded(true);
    });
    return () => {
      disposed = true;
      editorRef.current?.dispose();
      editorRef.current = null;
    };
  }, [wantMonaco]);

  // Show the open file's model; keep it in sync with the store (moves from the layer stack, renames).
  useEffect(() => {
    const m = setupRef.current;
    const editor = editorRef.current;
    if (!loaded || !m || !editor || !ws || isBinary) return;
    const uri = m.monaco.Uri.from({ scheme: 'file', path: `/${encodeURIComponent(ws.id)}/${path}` });
    let model = m.monaco.editor.getModel(uri);
    if (!model) model = m.monaco.editor.createModel(text, m.languageFor(path), uri);
    else if (model.getValue() !== text) {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    }
    const shown = model;
    const show = () => {
      if (editor.getModel() !== shown) editor.setModel(shown);
      editor.updateOptions({ ariaLabel: t('editor.fileLabel', { path }) });
      // The user was in the plain text area while Monaco loaded: continue there, at the same place.
      if (focusAt.current !== null) {
        editor.setPosition(shown.getPositionAt(focusAt.current));
        editor.focus();
        focusAt.current = null;
      }
    };
    if (editor.getModel() === shown) return show();
    // another file: Monaco lays its view out again, in a task of its own rather than in the page's render
    const later = setTimeout(show, 0);
    return () => clearTimeout(later);
  }, [loaded, ws, path, text, isBinary, t]);

  // Theme.
  useEffect(() => {
    const m = setupRef.current;
    if (!loaded || !m) return;
    const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    m.monaco.editor.setTheme(presenter ? (dark ? 'hc-black' : 'hc-light') : dark ? 'vs-dark' : 'vs');
    editorRef.current?.updateOptions({ fontSize: presenter ? 20 : 14 });
  }, [loaded, theme, presenter]);

  // Diagnostics for the Dockerfile (parser + lint), as markers.
  useEffect(() => {
    let cancelled = false;
    void loadParser().then((mod) => {
      if (cancelled || !mod) return;
      const engine = useApp.getState().engine;
      const d = diagnose(mod, dockerfileText, engine ? { resolveImage: (image) => baseImageProblem(engine, image) } : {});
      diagsRef.current = d;
      setDiags(d);
      const m = setupRef.current;
      if (m && ws) {
        const model = m.monaco.editor.getModel(m.monaco.Uri.from({ scheme: 'file', path: `/${encodeURIComponent(ws.id)}/Dockerfile` }));
        if (model) m.setMarkers(model, d, useApp.getState().settings.lang);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [dockerfileText, loaded, ws, lang]);

  // Diagnostics for an open Compose file (the engine's Compose loader), as markers.
  const files = ws?.files;
  useEffect(() => {
    if (!files || !isComposeFile(path)) return setComposeDiags([]);
    let cancelled = false;
    void loadComposeLoader().then(async (mod) => {
      const d = mod ? await diagnoseCompose(mod, files, path) : [];
      const m = setupRef.current;
      if (cancelled || !ws) return;
      setComposeDiags(d);
      const model = m?.monaco.editor.getModel(m.monaco.Uri.from({ scheme: 'file', path: `/${encodeURIComponent(ws.id)}/${path}` }));
      if (m && model) m.setMarkers(model, d, useApp.getState().settings.lang);
    });
    return () => {
      cancelled = true;
    };
  }, [files, path, loaded, ws, lang]);

  if (!ws) return null;
  const shown = path === 'Dockerfile' ? diags : isComposeFile(path) ? composeDiags : null;
  return (
    <section className="region editor" data-testid="editor" aria-label={t('region.editor')}>
      <div className="editor-bar">
        <span className="file-path" data-testid="open-file">
          {path}
        </span>
        <span className={`problems${shown?.some((d) => d.severity === 'error') ? ' has-errors' : ''}`} role="status">
          {shown ? (shown.length === 1 ? t('editor.oneProblem') : shown.length ? t('editor.problems', { count: shown.length }) : t('editor.noProblems')) : ''}
        </span>
        <label className="check">
          <input type="checkbox" checked={explain} onChange={(e) => setExplain(e.target.checked)} data-testid="explain-toggle" />
          {t('editor.explain')}
        </label>
      </div>
      <div className={`editor-body${explain ? ' with-explain' : ''}`}>
        {isBinary ? (
          <p className="binary-note">{t('files.binary', { path, size: formatBytes(sizeOf(content!)) })}</p>
        ) : null}
        <div ref={host} className="monaco-host" data-testid="monaco" hidden={isBinary || !loaded} />
        {!loaded && !isBinary && (
          <textarea
            className="fallback-editor"
            aria-label={t('editor.fallback')}
            value={text}
            spellCheck={false}
            onChange={(e) => useApp.getState().writeFile(path, e.target.value)}
            onFocus={(e) => {
              trackCaret(e);
              setWantMonaco(true);
            }}
            onSelect={trackCaret}
            onKeyUp={trackCaret}
            onPointerUp={trackCaret}
            onBlur={(e) => {
              // (not when the text area goes away because Monaco has arrived: then Monaco takes the focus)
              if (e.currentTarget.isConnected) focusAt.current = null;
            }}
          />
        )}
        {explain && <ExplainView text={dockerfileText} />}
      </div>
    </section>
  );
}
