import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { engineStarting, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { LessonSlot } from './LessonSlot';
import { Header } from './Header';
import { DamagedScreen } from './DamagedScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { MultiTabBanner } from '../persist/MultiTabBanner';
import { EditorPane } from '../editor/EditorPane';
import { BuildControls } from '../build/BuildControls';

// The regions after the editor mount one per frame anyway (see useStage): their code is not needed for the
// first screen, so it stays out of the initial chunk and arrives while the editor is being shown.
const LayerStack = lazy(() => import('../layers/LayerStack').then((m) => ({ default: m.LayerStack })));
const TerminalPane = lazy(() => import('../terminal/TerminalPane').then((m) => ({ default: m.TerminalPane })));
const WorkspacePanel = lazy(() => import('../workspace/WorkspacePanel').then((m) => ({ default: m.WorkspacePanel })));
const SidePanel = lazy(() => import('../containers/SidePanel').then((m) => ({ default: m.SidePanel })));

/** The localStorage copy of the settings the static start screen needs (read by public/boot.js). */
const BOOT_KEY = 'layerlab.boot';

/**
 * The app shell. The root element carries the theme (`theme-light` / `theme-dark`) and presenter mode
 * (`presenter`: large type, high contrast) classes; all colours are CSS variables in app.css.
 * The lesson region renders <LessonSlot/>, which lazy-loads src/ui/lesson/LessonPanel.
 *
 * First paint: index.html carries a static start screen (#boot, see vite.config.ts and public/boot.js) that
 * stays while the saved state loads from IndexedDB; the app replaces it as soon as that is read (the engine is
 * not waited for). The regions then mount one per frame (see useStage; build controls and editor first), so
 * no single task blocks the page for long, and a region below the fold (narrow screens) only when it scrolls
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
  const stage = useStage(phase === 'ready', 6);
  const firstScreen = useFirstScreen(stage >= 2);

  useEffect(() => {
    void useApp.getState().init({ startEngineAfter: firstScreen });
  }, [firstScreen]);

  useLayoutEffect(() => {
    if (phase !== 'loading') document.getElementById('boot')?.remove();
  }, [phase]);

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = `${t('app.title')} — ${t('app.tagline')}`;
  }, [settings.lang, t]);

  // Presenter mode is also an attribute of <html>, for the classroom styles (src/ui/classroom/presenter.css).
  useEffect(() => {
    const root = document.documentElement;
    if (settings.presenter) root.setAttribute('data-presenter', 'true');
    else root.removeAttribute('data-presenter');
  }, [settings.presenter]);

  useEffect(() => {
    if (phase !== 'ready') return;
    try {
      localStorage.setItem(BOOT_KEY, JSON.stringify({ lang: settings.lang, theme: settings.theme, presenter: settings.presenter }));
    } catch {
      // storage unavailable: the start screen falls back to the browser's language
    }
  }, [phase, settings.lang, settings.theme, settings.presenter]);

  const themeClass = settings.theme === 'system' ? '' : `theme-${settings.theme}`;
  const rootClass = ['app', themeClass, settings.presenter ? 'presenter' : '', lessonOpen ? '' : 'no-lesson'].filter(Boolean).join(' ');

  // While loading, the static start screen of index.html is what the user sees.
  if (phase === 'loading') return null;

  if (phase === 'damaged')
    return (
      <div className={rootClass} lang={settings.lang}>
        <DamagedScreen />
      </div>
    );

  return (
    <div className={rootClass} lang={settings.lang} data-phase={phase} data-engine={starting ? 'starting' : 'ready'}>
      <Header lessonOpen={lessonOpen} onToggleLesson={() => setLessonOpen((o) => !o)} />
      <MultiTabBanner />
      <main className="app-grid">
        <div className="center">
          {stage > 0 ? (
            <>
              <ErrorBoundary panel="build" className="build-controls"><BuildControls /></ErrorBoundary>
              <ErrorBoundary panel="editor" className="region editor"><EditorPane /></ErrorBoundary>
            </>
          ) : (
            <div className="region boot-center" aria-busy="true" />
          )}
        </div>
        <Deferred ready={stage > 1} placeholder="region layers">
          <ErrorBoundary panel="layers" className="region layers"><LayerStack /></ErrorBoundary>
        </Deferred>
        <Deferred ready={stage > 2} placeholder="region terminal">
          <ErrorBoundary panel="terminal" className="region terminal"><TerminalPane /></ErrorBoundary>
        </Deferred>
        <Deferred ready={stage > 3} placeholder="region files">
          <ErrorBoundary panel="files" className="region files"><WorkspacePanel /></ErrorBoundary>
        </Deferred>
        <Deferred ready={stage > 4} placeholder="region side">
          <ErrorBoundary panel="side" className="region side"><SidePanel /></ErrorBoundary>
        </Deferred>
        {lessonOpen && (
          <aside className="region lesson" data-testid="lesson-region" aria-label={t('region.lesson')}>
            <Deferred ready={stage > 5} placeholder="">
              <ErrorBoundary panel="lesson"><LessonSlot failedText={t('lesson.failed')} /></ErrorBoundary>
            </Deferred>
          </aside>
        )}
      </main>
    </div>
  );
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
 * first render, layout and effects run in their own tasks instead of one long one.
 */
function useStage(active: boolean, steps: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!active || stage >= steps) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setStage((s) => s + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active, stage, steps]);
  return stage;
}

/**
 * Renders `children` once `ready` and the region is on (or near) the screen; until then an empty box with the
 * region's classes keeps its place in the grid. Once shown, it stays.
 */
function Deferred({ ready, placeholder, children }: { ready: boolean; placeholder: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!ready || seen) return;
    const el = box.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ready, seen]);
  const placeholderBox = <div ref={box} className={placeholder || undefined} aria-busy="true" data-deferred="" />;
  if (ready && seen) return <Suspense fallback={placeholderBox}>{children}</Suspense>;
  return placeholderBox;
}
