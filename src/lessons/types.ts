/** Lesson data types: a lesson is plain data plus check functions over a LessonWorld. */
import type { CheckContext, LessonWorld } from './world';

export type LessonLang = 'ko' | 'en';

/** A string in both languages. Docker commands and output inside it stay in English. */
export interface L10n {
  ko: string;
  en: string;
}

export interface CheckResult {
  ok: boolean;
  /** What is still missing, shown under the step when the check fails. */
  missing?: L10n;
}

/** A named, pure check over the engine's state and events. It may throw; the runner reports that. */
export interface Check {
  /** Stable name, listed in src/lessons/README.md. */
  name: string;
  /** Human-readable parameters ("web-ping"), for the README table and debugging. */
  params: string;
  run(world: LessonWorld, ctx: CheckContext): CheckResult;
}

export interface StepDef {
  id: string;
  /** Seed concept numbers (1-28, /work/shared/seeds/README.md) this step teaches. */
  concepts: number[];
  title: L10n;
  /** Markdown-free text; `backticks` mark commands and are rendered as code. */
  instructions: L10n;
  hint: L10n;
  /** Commands the learner can copy (Docker syntax, never translated). */
  commands?: string[];
  check: Check;
}

export interface LessonDef {
  id: string;
  /** The chapter of the book the lesson follows; absent for a lesson from other notes (see `source`). */
  chapter?: number;
  /** Where a lesson without a book chapter comes from, shown instead of the chapter. */
  source?: L10n;
  title: L10n;
  summary: L10n;
  /** The image tag the workspace's Build button uses. */
  tag: string;
  /** The workspace (build context) the lesson starts from. */
  files: Record<string, string>;
  /** docker commands (argv without "docker") run quietly when the lesson starts, e.g. a pull or a build. */
  setup: string[][];
  steps: StepDef[];
  /** The quiz that follows the lesson (id in quizzes.ts), if any. */
  quiz?: string;
}

export type QuestionDef =
  | { id: string; kind: 'ox'; prompt: L10n; answer: boolean; explanation: L10n; ref: { lesson: string; step: string } }
  | { id: string; kind: 'fill'; prompt: L10n; accept: string[]; explanation: L10n; ref: { lesson: string; step: string } };

export interface QuizDef {
  id: string;
  title: L10n;
  /** Fraction of correct answers needed to pass (0..1). */
  passRatio: number;
  questions: QuestionDef[];
}
