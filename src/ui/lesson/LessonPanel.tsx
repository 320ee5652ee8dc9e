/**
 * The lesson region: lessons with live step checks and quizzes, plus the classroom tools (share links,
 * Dockerfile compare, build replay). Presenter mode is switched in the header; a share link that the page was
 * opened with is shown in a card at the top of the page (app/App.tsx). Rendered lazily by app/LessonSlot.tsx.
 */
import { useCallback, useMemo, useState } from 'react';
import { useApp, activeWorkspace, whenEngine } from '../state/store';
import { useLang, useT } from '../i18n/useT';
import { translate } from '../i18n/i18n';
import { bufferIO } from '../../engine/core/io';
import { loadProgress, saveProgress, type LessonProgress } from '../../lessons/progress';
import type { LessonDef } from '../../lessons/types';
import { parseLessonHash } from '../../lessons/links';
import { textOf, type Workspace } from '../workspace/workspace';
import { useLessonWorld } from './useLessonWorld';
import { LessonView, lessonWorkspaceId } from './LessonView';
import { ShareButton } from '../classroom/SharePanel';
import { CompareView } from '../classroom/CompareView';
import { ReplayView } from '../classroom/ReplayView';
import './lesson.css';

type Tab = 'lesson' | 'compare' | 'replay';

const storage = (): Storage | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
};

function workspaceText(ws: Workspace | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!ws) return out;
  for (const [p, c] of Object.entries(ws.files)) if (typeof c === 'string') out[p] = c;
  return out;
}

export function LessonPanel() {
  const t = useT();
  const lang = useLang();
  const engine = useApp((s) => s.engine);
  const presenter = useApp((s) => s.settings.presenter);
  const activeId = useApp((s) => s.activeId);
  const [tab, setTab] = useState<Tab>('lesson');
  const [progress, setProgressState] = useState<LessonProgress>(() => loadProgress(storage()));

  const setProgress = useCallback((p: LessonProgress) => {
    setProgressState(p);
    saveProgress(storage(), p);
  }, []);

  const { world, rev } = useLessonWorld(engine, {
    files: () => workspaceText(activeWorkspace(useApp.getState())),
    quizScores: () => progress.quizScores,
  });

  const startLesson = useCallback(
    async (lesson: LessonDef) => {
      const s = useApp.getState();
      const id = lessonWorkspaceId(lesson.id);
      const existing = s.workspaces.find((w) => w.id === id);
      if (existing) {
        s.selectWorkspace(id);
        for (const [p, c] of Object.entries(lesson.files)) if (textOf(existing.files[p]) !== c) useApp.getState().writeFile(p, c);
      } else {
        s.addWorkspace(id, { id, name: id, tag: lesson.tag, files: { ...lesson.files } });
      }
      // a lesson started while the engine is starting sets up once it is up
      const eng = useApp.getState().engine ?? (await whenEngine());
      if (!eng) throw new Error(translate(useApp.getState().settings.lang, 'term.engineFailed'));
      for (const argv of lesson.setup) {
        const io = bufferIO();
        const code = await eng.run(argv, io);
        if (code !== 0) throw new Error(`docker ${argv.join(' ')}: ${io.err.trim() || `exit code ${code}`}`);
      }
    },
    [],
  );

  const lessonLink = useMemo(() => {
    void rev;
    return typeof location !== 'undefined' ? parseLessonHash(location.hash) : null;
  }, [rev]);
  const events = world?.buildEvents();
  const lastEvents = events && events.length ? events[events.length - 1] : undefined;

  return (
    <div className="lesson-panel" data-testid="lesson-panel">
      <div className="lesson-toolbar" role="toolbar">
        <div className="lesson-tabs" role="tablist">
          {(['lesson', 'compare', 'replay'] as Tab[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`lesson-tab-${k}`}>
              {t(`lesson.tab.${k}`)}
            </button>
          ))}
        </div>
        <ShareButton
          t={t}
          files={() => workspaceText(activeWorkspace(useApp.getState()))}
          lesson={lessonLink ? { id: lessonLink.lesson, step: lessonLink.step } : undefined}
        />
      </div>
      {tab === 'lesson' && (
        <LessonView world={world} rev={rev} lang={lang} t={t} progress={progress} setProgress={setProgress} activeWorkspaceId={activeId} startLesson={startLesson} />
      )}
      {tab === 'compare' && <CompareView t={t} />}
      {tab === 'replay' && <ReplayView t={t} lang={lang} events={lastEvents} slow={presenter} />}
    </div>
  );
}

export default LessonPanel;
