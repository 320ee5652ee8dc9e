/**
 * Saved lesson progress: completed steps per lesson and quiz scores, in localStorage (one JSON value).
 * Anything unreadable is treated as "no progress" rather than an error.
 */
import type { QuizScore } from './world';

export const PROGRESS_KEY = 'layerlab.lessons.progress.v1';

export interface LessonProgress {
  /** Completed step ids by lesson id. */
  completed: Record<string, string[]>;
  quizScores: Record<string, QuizScore>;
  /** Answers the learner gave, by quiz id then question id. */
  quizAnswers: Record<string, Record<string, boolean | string>>;
}

export const emptyProgress = (): LessonProgress => ({ completed: {}, quizScores: {}, quizAnswers: {} });

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseProgress(text: string | null): LessonProgress {
  const p = emptyProgress();
  if (!text) return p;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return p;
  }
  if (!isRecord(raw)) return p;
  if (isRecord(raw.completed))
    for (const [k, v] of Object.entries(raw.completed))
      if (Array.isArray(v)) p.completed[k] = v.filter((s): s is string => typeof s === 'string');
  if (isRecord(raw.quizScores))
    for (const [k, v] of Object.entries(raw.quizScores))
      if (isRecord(v) && typeof v.correct === 'number' && typeof v.total === 'number') p.quizScores[k] = { correct: v.correct, total: v.total };
  if (isRecord(raw.quizAnswers))
    for (const [k, v] of Object.entries(raw.quizAnswers)) {
      if (!isRecord(v)) continue;
      const answers: Record<string, boolean | string> = {};
      for (const [q, a] of Object.entries(v)) if (typeof a === 'boolean' || typeof a === 'string') answers[q] = a;
      p.quizAnswers[k] = answers;
    }
  return p;
}

export function loadProgress(store: KeyValueStore | undefined): LessonProgress {
  try {
    return parseProgress(store?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(store: KeyValueStore | undefined, p: LessonProgress): void {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Storage full or blocked (private mode): progress lives for this session only.
  }
}

export function markComplete(p: LessonProgress, lesson: string, step: string): LessonProgress {
  const done = p.completed[lesson] ?? [];
  if (done.includes(step)) return p;
  return { ...p, completed: { ...p.completed, [lesson]: [...done, step] } };
}

/** Resets one step and every step after it (a later step builds on the earlier ones). */
export function resetFrom(p: LessonProgress, lesson: string, stepOrder: string[], step: string): LessonProgress {
  const from = stepOrder.indexOf(step);
  if (from === -1) return p;
  const drop = new Set(stepOrder.slice(from));
  return { ...p, completed: { ...p.completed, [lesson]: (p.completed[lesson] ?? []).filter((s) => !drop.has(s)) } };
}

export function recordQuiz(p: LessonProgress, quiz: string, answers: Record<string, boolean | string>, score: QuizScore): LessonProgress {
  return { ...p, quizScores: { ...p.quizScores, [quiz]: score }, quizAnswers: { ...p.quizAnswers, [quiz]: answers } };
}
