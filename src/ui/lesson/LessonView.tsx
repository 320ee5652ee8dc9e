/**
 * One lesson: its steps with live status (checked against the engine on every change), the current step's
 * instructions, hint and reset, and the chapter quiz. Progress is saved in localStorage.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LESSONS, lessonById } from '../../lessons/curriculum';
import { quizById } from '../../lessons/quizzes';
import { lessonHash, parseLessonHash } from '../../lessons/links';
import { evaluateLesson, worldSeq } from '../../lessons/runner';
import { markComplete, recordQuiz, resetFrom, saveProgress, type LessonProgress } from '../../lessons/progress';
import type { LessonDef } from '../../lessons/types';
import type { EngineWorld } from '../../lessons/engineWorld';
import type { LessonWorld } from '../../lessons/world';
import type { Lang } from '../i18n/i18n';
import type { TFunc } from '../i18n/useT';
import { RichText } from './RichText';
import { QuizView } from './QuizView';

const CURRENT_KEY = 'layerlab.lessons.current';

export interface LessonViewProps {
  world: EngineWorld | null;
  rev: number;
  lang: Lang;
  t: TFunc;
  progress: LessonProgress;
  setProgress(p: LessonProgress): void;
  /** The id of the active workspace, and a way to open a lesson's own workspace and run its setup. */
  activeWorkspaceId: string;
  startLesson(lesson: LessonDef): Promise<void>;
}

export const lessonWorkspaceId = (lessonId: string) => `lesson-${lessonId}`;

function initialLesson(): { lesson: string; step?: string } {
  const fromHash = typeof location !== 'undefined' ? parseLessonHash(location.hash) : null;
  if (fromHash) return fromHash;
  try {
    const saved = localStorage.getItem(CURRENT_KEY);
    if (saved && lessonById(saved)) return { lesson: saved };
  } catch {
    // storage blocked
  }
  return { lesson: LESSONS[0].id };
}

export function LessonView({ world, rev, lang, t, progress, setProgress, activeWorkspaceId, startLesson }: LessonViewProps) {
  const [sel, setSel] = useState(initialLesson);
  const [since, setSince] = useState<Record<string, number>>({});
  const [openHint, setOpenHint] = useState<string | null>(null);
  const [setup, setSetup] = useState<{ state: 'idle' | 'running' | 'failed'; error?: string }>({ state: 'idle' });
  const [copied, setCopied] = useState(false);
  const lesson = lessonById(sel.lesson) ?? LESSONS[0];

  useEffect(() => {
    const onHash = () => {
      const l = parseLessonHash(location.hash);
      if (l) setSel(l);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    try {
      localStorage.setItem(CURRENT_KEY, lesson.id);
    } catch {
      // storage blocked
    }
  }, [lesson.id]);

  const completed = useMemo(() => progress.completed[lesson.id] ?? [], [progress, lesson.id]);
  // The saved quiz scores are part of the world the checks see; read them from this render's progress.
  const checkedWorld = useMemo<LessonWorld | null>(
    () =>
      world
        ? {
            images: () => world.images(),
            containers: () => world.containers(),
            builds: () => world.builds(),
            commands: () => world.commands(),
            files: () => world.files(),
            quizScores: () => progress.quizScores,
            imageHasPath: (id, path) => world.imageHasPath(id, path),
            volumes: () => world.volumes(),
            networks: () => world.networks(),
            volumeFile: (name, path) => world.volumeFile(name, path),
            hostRoot: () => world.hostRoot(),
          }
        : null,
    [world, progress.quizScores],
  );
  const evaluation = useMemo(
    () => (checkedWorld ? evaluateLesson(lesson, checkedWorld, completed, since) : null),
    // rev: re-evaluate whenever the engine or its records change
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [checkedWorld, rev, lesson, completed, since],
  );

  useEffect(() => {
    if (!evaluation || !world || evaluation.newlyCompleted.length === 0) return;
    let p = progress;
    for (const id of evaluation.newlyCompleted) p = markComplete(p, lesson.id, id);
    setProgress(p);
    const seq = worldSeq(world);
    const next = lesson.steps.find((s) => !(p.completed[lesson.id] ?? []).includes(s.id));
    if (next) setSince((m) => (Math.max(m[next.id] ?? 0, seq) === m[next.id] ? m : { ...m, [next.id]: Math.max(m[next.id] ?? 0, seq) }));
  }, [evaluation, world, lesson, progress, setProgress]);

  const choose = (id: string) => {
    setSel({ lesson: id });
    setOpenHint(null);
    setSetup({ state: 'idle' });
    history.replaceState(null, '', lessonHash({ lesson: id }));
  };

  const start = useCallback(async () => {
    setSetup({ state: 'running' });
    try {
      await startLesson(lesson);
      if (world) {
        const seq = worldSeq(world);
        const first = lesson.steps.find((s) => !(progress.completed[lesson.id] ?? []).includes(s.id));
        if (first) setSince((m) => ({ ...m, [first.id]: seq }));
      }
      setSetup({ state: 'idle' });
    } catch (e) {
      setSetup({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }, [lesson, startLesson, world, progress]);

  const restart = async () => {
    const p = { ...progress, completed: { ...progress.completed, [lesson.id]: [] } };
    setProgress(p);
    saveProgress(localStorage, p);
    await start();
  };

  const reset = (stepId: string) => {
    setProgress(resetFrom(progress, lesson.id, lesson.steps.map((s) => s.id), stepId));
    if (world) setSince((m) => ({ ...m, [stepId]: worldSeq(world) }));
  };

  const copyLink = async (stepId: string) => {
    const url = `${location.origin}${location.pathname}${lessonHash({ lesson: lesson.id, step: stepId })}`;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // no clipboard permission: the link is still in the address bar
    }
    history.replaceState(null, '', lessonHash({ lesson: lesson.id, step: stepId }));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  // Keep the current step in view as the learner progresses (the panel is narrow, and large in presenter mode).
  const currentId = evaluation?.steps.find((s) => s.status === 'current' || s.status === 'error')?.id;
  useEffect(() => {
    if (!currentId) return;
    const el = document.querySelector(`[data-testid="lesson-step-${currentId}"]`);
    if (el && typeof (el as HTMLElement).scrollIntoView === 'function') (el as HTMLElement).scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const steps = evaluation?.steps ?? lesson.steps.map((s) => ({ id: s.id, status: completed.includes(s.id) ? ('complete' as const) : ('locked' as const) }));
  const done = steps.filter((s) => s.status === 'complete').length;
  const quiz = lesson.quiz ? quizById(lesson.quiz) : undefined;
  const nextLesson = LESSONS[LESSONS.indexOf(lesson) + 1];
  const inWorkspace = activeWorkspaceId === lessonWorkspaceId(lesson.id);

  return (
    <div className="lesson-view" data-testid="lesson-view" data-lesson={lesson.id}>
      <label className="lesson-picker">
        <span>{t('lesson.choose')}</span>
        <select data-testid="lesson-select" value={lesson.id} onChange={(e) => choose(e.target.value)}>
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.chapter ? t('lesson.chapter', { n: l.chapter }) : l.source?.[lang]} · {l.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <h2 className="lesson-title">{lesson.title[lang]}</h2>
      <p className="lesson-summary">{lesson.summary[lang]}</p>
      <div className="lesson-start">
        {!inWorkspace ? (
          <>
            <button type="button" data-testid="lesson-start" onClick={() => void start()} disabled={setup.state === 'running' || !world}>
              {t('lesson.start')}
            </button>
            <small>{t('lesson.startHelp')}</small>
          </>
        ) : (
          <button type="button" className="secondary" data-testid="lesson-restart" onClick={() => void restart()} disabled={setup.state === 'running'}>
            {t('lesson.restart')}
          </button>
        )}
        {setup.state === 'running' && <span role="status">{t('lesson.setupRunning')}</span>}
        {setup.state === 'failed' && <span role="alert">{t('lesson.setupFailed', { error: setup.error ?? '' })}</span>}
        {!world && <span role="status">{t('lesson.engineLoading')}</span>}
      </div>
      <div className="lesson-progress" data-testid="lesson-progress" aria-live="polite">
        <progress max={steps.length} value={done} />
        <span>{t('lesson.progress', { done, total: steps.length })}</span>
      </div>
      <ol className="lesson-steps">
        {lesson.steps.map((step, i) => {
          const st = steps[i];
          const expanded = st.status === 'current' || st.status === 'error' || sel.step === step.id;
          return (
            <li
              key={step.id}
              className={`lesson-step ${st.status}`}
              data-testid={`lesson-step-${step.id}`}
              data-status={st.status}
              aria-current={st.status === 'current' ? 'step' : undefined}
            >
              <div className="lesson-step-head">
                <span className="lesson-step-badge" aria-hidden="true">
                  {st.status === 'complete' ? '✓' : st.status === 'error' ? '!' : i + 1}
                </span>
                <span className="lesson-step-title">{step.title[lang]}</span>
                <span className="visually-hidden">({t(`lesson.status.${st.status}`)})</span>
              </div>
              {expanded && (
                <div className="lesson-step-body">
                  <p>
                    <RichText text={step.instructions[lang]} />
                  </p>
                  {step.commands && step.commands.length > 0 && (
                    <div className="lesson-commands">
                      <span>{t('lesson.commands')}</span>
                      {step.commands.map((c) => (
                        <pre key={c}>
                          <code>{c}</code>
                        </pre>
                      ))}
                    </div>
                  )}
                  {st.status === 'current' && 'missing' in st && st.missing && (
                    <p className="lesson-missing" role="status">
                      {t('lesson.missing', { text: st.missing[lang] })}
                    </p>
                  )}
                  {st.status === 'error' && 'error' in st && (
                    <p className="lesson-error" role="alert">
                      {t('lesson.checkError', { error: st.error ?? '' })}
                    </p>
                  )}
                  <div className="lesson-step-actions">
                    <button type="button" className="link" onClick={() => setOpenHint(openHint === step.id ? null : step.id)} aria-expanded={openHint === step.id}>
                      {openHint === step.id ? t('lesson.hint.hide') : t('lesson.hint.show')}
                    </button>
                    <button type="button" className="link" onClick={() => reset(step.id)} data-testid={`lesson-reset-${step.id}`}>
                      {t('lesson.reset')}
                    </button>
                    <button type="button" className="link" onClick={() => void copyLink(step.id)}>
                      {copied ? t('lesson.linkCopied') : t('lesson.copyLink')}
                    </button>
                  </div>
                  {openHint === step.id && (
                    <p className="lesson-hint">
                      <RichText text={step.hint[lang]} />
                    </p>
                  )}
                  <p className="lesson-checked-by">{t('lesson.checkedBy', { check: step.check.name })}</p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {evaluation?.done && (
        <p className="lesson-done" data-testid="lesson-done" role="status">
          {t('lesson.done')}{' '}
          {nextLesson && (
            <button type="button" className="link" onClick={() => choose(nextLesson.id)}>
              {t('lesson.next', { title: nextLesson.title[lang] })}
            </button>
          )}
        </p>
      )}
      {quiz && (
        <QuizView
          key={quiz.id}
          quiz={quiz}
          lang={lang}
          t={t}
          saved={progress.quizAnswers[quiz.id]}
          score={progress.quizScores[quiz.id]}
          onSubmit={(answers, score) => setProgress(recordQuiz(progress, quiz.id, answers, score))}
        />
      )}
    </div>
  );
}
