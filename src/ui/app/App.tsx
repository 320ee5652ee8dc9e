import { lazy, startTransition, Suspense, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { engineStarting, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { LessonSlot } from './LessonSlot';
import { Header } from './Header';
import { DamagedScreen } from './DamagedScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { MultiTabBanner } from '../persist/MultiTabBanner';
import { EditorPane } from '../editor/EditorPane';
import { BuildControls } from '../build/BuildControls';
import { TipProvider } from '../kit/Tooltip';
import { Deferred } from './Deferred';
import { DesktopLayout } from './DesktopLayout';
import { PhoneLayout } from './PhoneLayout';
import { Welcome } from './Welcome';
import type { Regions } from './layout';

// The regions after the editor mount one per frame anyway (see useStage): their code is not needed for the
// first screen, so it stays out of the initial chunk and arrives while the editor is being shown.
const LayerStack = lazy(() => import('../layers/LayerStack').then((m) => ({ default: m.LayerStack })));
const TerminalPane = lazy(() => import('../terminal/TerminalPane').then((m) => ({ default: m.TerminalPane })));
const WorkspacePanel = lazy(() => import('../workspace/WorkspacePanel').then((m) => ({ default: m.WorkspacePanel })));
const SidePanel = lazy(() => import('../containers/SidePanel').then((m) => ({ default: m.SidePanel })));
// A share link opens in a card at the top of the page; its code (and the lesson list it names) loads only then.
const ShareImport = lazy(() => import('../classroom/SharePanel').then((m) => ({ default: m.ShareImport })));

/** The hash a share link starts with (classroom/shareLink.ts, SHARE_PREFIX; not imported, to keep its inflater out of the first chunk). */
const SHARE_HASH = '#/share/';
/** Below this width the regions are tabs (PhoneLayout) instead of panes side by side. */
const PHONE_QUERY = '(max-width: 1000px)';

/**
 * The order in which the shell mounts once the saved state is read, one step per frame (useStage), each in a
 * short task of its own; the start screen covers the steps up to the editor.
 */
const STAGE = { header: 1, welcome: 2, panes: 3, build: 4, editor: 5, layers: 6, terminal: 7, files: 8, side: 9, lesson: 10 } as const;

/** The localStorage copy of the settings the static start screen needs (read by public/boot.js). */
const BOOT_KEY = 'layerlab.boot';

/**
 * The app shell. The root element carries the theme (`theme-light` / `theme-dark`) and presenter mode
 * (`presenter`: large type, high contrast) classes; all colours are CSS variables in app.css.
 * The lesson region renders <LessonSlot/>, which lazy-loads src/ui/lesson/LessonPanel.
 *
 * First paint: index.html carries a static start screen (#boot, see startScreen.ts and public/boot.js) of the
 * same shell, over the page while the saved state loads from IndexedDB; once that is read (the engine is not
 * waited for) the shell renders underneath, invisible, one part per frame (STAGE: header, welcome, panes, build
 * controls, editor), and replaces the start screen in the frame where the editor is there. The other regions then mount one per frame, so no single task blocks the page for long, and a
 * region below the fold (narrow screens) only when it scrolls
 * into view. The engine's chunk is fetched and run only once the editor has been painted (useFirstScreen),
 * so it competes neither for bandwidth nor for the main thread with the first screen; until it is up the
 * regions show "the engine is starting" (`data-engine="starting"` on the root).
 */
export function App() {
  const t = useT();
  const phase = useApp((s) => s.phase);
  const settings = useApp((s) => s.settings);
  const [lessonOpen, setLessonOpen] = useState(true);
  const starting = useApp(engineStarting);
  const stage = useStage(phase === 'ready', STAGE.lesson);
  const firstScreen = useFirstScreen(stage > STAGE.editor);
  const phone = useMediaQuery(PHONE_QUERY);
  const [phoneTab, setPhoneTab] = useState('editor');
  const hash = useHash();

  useEffect(() => {
    void useApp.getState().init({ startEngineAfter: firstScreen });
  }, [firstScreen]);

  // The start screen stays over the page until the shell underneath shows the build controls and the editor
  // (STAGE.editor): then both swap in one frame, and since they draw the same shell nothing moves.
  const shown = phase === 'damaged' || (phase === 'ready' && stage >= STAGE.editor);
  useLayoutEffect(() => {
    if (shown) document.getElementById('boot')?.remove();
  }, [shown]);

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = `${t('app.title')} — ${t('app.tagline')}`;
  }, [settings.lang, t]);

  // Theme and presenter mode are also attributes of <html>: the design tokens (theme/tokens.css) follow them
  // there, so dialogs and menus rendered into <body> get the same colours; the classroom styles use them too.
  useEffect(() => {
    const root = document.documentElement;
    if (settings.presenter) root.setAttribute('data-presenter', 'true');
    else root.removeAttribute('data-presenter');
    if (settings.theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', settings.theme);
  }, [settings.presenter, settings.theme]);

  useEffect(() => {
    if (phase !== 'ready') return;
    try {
      localStorage.setItem(BOOT_KEY, JSON.stringify({ lang: settings.lang, theme: settings.theme, presenter: settings.presenter }));
    } catch {
      // storage unavailable: the start screen falls back to the browser's language
    }
  }, [phase, settings.lang, settings.theme, settings.presenter]);

  const themeClass = settings.theme === 'system' ? '' : `theme-${settings.theme}`;
  const rootClass = ['app', themeClass, settings.presenter ? 'presenter' : '', lessonOpen ? '' : 'no-lesson', phone ? 'is-phone' : ''].filter(Boolean).join(' ');

  // While loading, the static start screen of index.html is what the user sees.
  if (phase === 'loading') return null;

  if (phase === 'damaged')
    return (
      <div className={rootClass} lang={settings.lang}>
        <DamagedScreen />
      </div>
    );

  const startLesson = () => {
    setLessonOpen(true);
    setPhoneTab('lesson');
    void import('../../lessons/curriculum').then(({ LESSONS }) => {
      if (LESSONS[0]) location.hash = `#/lesson/${LESSONS[0].id}`;
    });
  };

  /** A region mounted at its stage, behind its own error boundary; until then a placeholder of its size. */
  const deferredRegion = (name: 'layers' | 'terminal' | 'files' | 'side', body: ReactNode) => (
    <Deferred ready={stage >= STAGE[name]} placeholder={`region ${name}`}>
      <ErrorBoundary panel={name} className={`region ${name}`}>{body}</ErrorBoundary>
    </Deferred>
  );

  const regions: Regions = {
    build: stage >= STAGE.build ? <ErrorBoundary panel="build" className="build-controls"><BuildControls /></ErrorBoundary> : null,
    editor:
      stage >= STAGE.editor ? (
        <ErrorBoundary panel="editor" className="region editor"><EditorPane /></ErrorBoundary>
      ) : (
        <div className="region editor" aria-busy="true" />
      ),
    layers: deferredRegion('layers', <LayerStack />),
    terminal: deferredRegion('terminal', <TerminalPane />),
    files: deferredRegion('files', <WorkspacePanel />),
    side: deferredRegion('side', <SidePanel />),
    lesson: (
      <aside className="region lesson" data-testid="lesson-region" aria-label={t('region.lesson')}>
        <Deferred ready={stage >= STAGE.lesson} placeholder="">
          <ErrorBoundary panel="lesson"><LessonSlot failedText={t('lesson.failed')} /></ErrorBoundary>
        </Deferred>
      </aside>
    ),
  };

  return (
    <TipProvider>
      <div className={rootClass} lang={settings.lang} data-phase={phase} data-engine={starting ? 'starting' : 'ready'} data-booting={shown ? undefined : ''}>
        {stage >= STAGE.header && <Header lessonOpen={lessonOpen} onToggleLesson={() => setLessonOpen((o) => !o)} />}
        <MultiTabBanner />
        {hash.startsWith(SHARE_HASH) && (
          <div className="notice-area">
            <Suspense fallback={null}>
              <ShareImport t={t} lang={settings.lang} onOpen={openShared} />
            </Suspense>
          </div>
        )}
        {stage >= STAGE.welcome && <Welcome onStartLesson={startLesson} />}
        <main className="app-main">
          {stage < STAGE.panes ? null : phone ? <PhoneLayout regions={regions} tab={phoneTab} onTab={setPhoneTab} /> : <DesktopLayout regions={regions} lessonOpen={lessonOpen} />}
        </main>
      </div>
    </TipProvider>
  );
}

/** Opens a shared workspace (from a share link) as the workspace "shared". */
function openShared(ws: { files: Record<string, string> }) {
  useApp.getState().addWorkspace('shared', { id: 'shared', name: 'shared', tag: 'shared', files: { ...ws.files } });
}

/** True while the media query matches. */
function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(query);
    const on = () => setMatches(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/** The location's hash, kept current. */
function useHash(): string {
  const [hash, setHash] = useState(() => (typeof location !== 'undefined' ? location.hash : ''));
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/**
 * A promise that settles once `painted` turns true (the editor has been on screen for a frame), or at once
 * when the page is hidden (nothing is painted then: animation frames wait until it is shown), or after 3 s
 * at the latest.
 */
function useFirstScreen(painted: boolean): Promise<void> {
  const [gate] = useState(() => {
    let open = () => {};
    const promise = new Promise<void>((r) => (open = r));
    return { promise, open };
  });
  useEffect(() => {
    if (painted) gate.open();
  }, [painted, gate]);
  useEffect(() => {
    const onVisibility = () => document.visibilityState === 'hidden' && gate.open();
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setTimeout(gate.open, 3000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer);
    };
  }, [gate]);
  return gate.promise;
}

/**
 * Counts from 0 to `steps` once `active`, one step per frame (after the frame is painted), so each region's
 * first render, layout and effects run in their own tasks instead of one long one. Each step renders as a
 * transition: React renders it in slices of a few milliseconds, yielding to the browser between them, and only
 * the commit (the DOM changes) is one piece.
 */
function useStage(active: boolean, steps: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!active || stage >= steps) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active, stage, steps]);
  return stage;
}
