/**
 * Evaluates a lesson's steps against the world, in order. Completed steps stay completed (progress is sticky);
 * the first incomplete step is checked, and if it passes the next one is checked too, and so on.
 * A check that throws gives the step status "error" with the message; evaluation stops there and nothing crashes.
 */
import type { CheckResult, L10n, LessonDef } from './types';
import type { LessonWorld } from './world';

export type StepStatus = 'complete' | 'current' | 'locked' | 'error';

export interface StepState {
  id: string;
  status: StepStatus;
  missing?: L10n;
  error?: string;
}

export interface Evaluation {
  steps: StepState[];
  /** Steps that passed in this evaluation. */
  newlyCompleted: string[];
  done: boolean;
}

/** The newest event sequence number in the world: commands and builds share one counter. */
export function worldSeq(world: LessonWorld): number {
  let s = 0;
  for (const c of world.commands()) s = Math.max(s, c.seq);
  for (const b of world.builds()) s = Math.max(s, b.seq);
  return s;
}

/**
 * @param since  for each step id, the sequence number after which its events count (missing = 0).
 *               The runner's caller sets it to worldSeq() when the step becomes current.
 */
export function evaluateLesson(
  lesson: LessonDef,
  world: LessonWorld,
  completed: readonly string[],
  since: Readonly<Record<string, number>> = {},
  /** `since` for a step that becomes current during this evaluation (default: worldSeq, so only later events count). */
  chainSince: number = worldSeq(world),
): Evaluation {
  const steps: StepState[] = [];
  const newlyCompleted: string[] = [];
  let blocked = false;
  for (const step of lesson.steps) {
    if (blocked) {
      steps.push({ id: step.id, status: completed.includes(step.id) ? 'complete' : 'locked' });
      continue;
    }
    if (completed.includes(step.id)) {
      steps.push({ id: step.id, status: 'complete' });
      continue;
    }
    let r: CheckResult;
    const from = newlyCompleted.length > 0 ? Math.max(chainSince, since[step.id] ?? 0) : (since[step.id] ?? 0);
    try {
      r = step.check.run(world, { since: from });
    } catch (e) {
      steps.push({ id: step.id, status: 'error', error: e instanceof Error ? e.message : String(e) });
      blocked = true;
      continue;
    }
    if (r.ok) {
      steps.push({ id: step.id, status: 'complete' });
      newlyCompleted.push(step.id);
    } else {
      steps.push({ id: step.id, status: 'current', missing: r.missing });
      blocked = true;
    }
  }
  return { steps, newlyCompleted, done: steps.every((s) => s.status === 'complete') };
}
