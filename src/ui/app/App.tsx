import { useEffect, useState } from 'react';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { LessonSlot } from './LessonSlot';
import { Header } from './Header';
import { DamagedScreen } from './DamagedScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { MultiTabBanner } from '../persistence/MultiTabBanner';
import { WorkspacePanel } from '../workspace/WorkspacePanel';
import { EditorPane } from '../editor/EditorPane';
import { BuildControls } from '../build/BuildControls';
import { LayerStack } from '../layers/LayerStack';
import { TerminalPane } from '../terminal/TerminalPane';
import { SidePanel } from '../containers/SidePanel';

/**
 * The app shell. The root element carries the theme (`theme-light` / `theme-dark`) and presenter mode
 * (`presenter`: large type, high contrast) classes; all colours are CSS variables in app.css.
 * The lesson region renders <LessonSlot/>, which lazy-loads src/ui/lesson/LessonPanel (lessons engineer).
 */
export function App() {
  const t = useT();
  const phase = useApp((s) => s.phase);
  const settings = useApp((s) => s.settings);
  const [lessonOpen, setLessonOpen] = useState(true);

  useEffect(() => {
    void useApp.getState().init();
  }, []);

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = `${t('app.title')} — ${t('app.tagline')}`;
  }, [settings.lang, t]);

  const themeClass = settings.theme === 'system' ? '' : `theme-${settings.theme}`;
  const rootClass = ['app', themeClass, settings.presenter ? 'presenter' : '', lessonOpen ? '' : 'no-lesson'].filter(Boolean).join(' ');

  if (phase === 'damaged')
    return (
      <div className={rootClass} lang={settings.lang}>
        <DamagedScreen />
      </div>
    );

  return (
    <div className={rootClass} lang={settings.lang} data-phase={phase}>
      <Header lessonOpen={lessonOpen} onToggleLesson={() => setLessonOpen((o) => !o)} />
      <MultiTabBanner />
      {phase === 'loading' ? (
        <main className="loading" role="status">
          {t('app.loading')}
        </main>
      ) : (
        <main className="app-grid">
          <ErrorBoundary panel="files" className="region files"><WorkspacePanel /></ErrorBoundary>
          <div className="center">
            <ErrorBoundary panel="build" className="build-controls"><BuildControls /></ErrorBoundary>
            <ErrorBoundary panel="editor" className="region editor"><EditorPane /></ErrorBoundary>
          </div>
          <ErrorBoundary panel="layers" className="region layers"><LayerStack /></ErrorBoundary>
          <ErrorBoundary panel="terminal" className="region terminal"><TerminalPane /></ErrorBoundary>
          <ErrorBoundary panel="side" className="region side"><SidePanel /></ErrorBoundary>
          {lessonOpen && (
            <aside className="region lesson" data-testid="lesson-region" aria-label={t('region.lesson')}>
              <ErrorBoundary panel="lesson"><LessonSlot failedText={t('lesson.failed')} /></ErrorBoundary>
            </aside>
          )}
        </main>
      )}
    </div>
  );
}
