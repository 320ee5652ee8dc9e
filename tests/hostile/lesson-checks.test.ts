/**
 * Lesson checks against a hostile world: when every query the checks make throws (an engine half restored,
 * a bug in an adapter), evaluating any lesson of the curriculum reports the step as "error" with a message
 * and never throws; the next evaluation with a healthy world proceeds normally.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/curriculum';
import { evaluateLesson } from '../../src/lessons/runner';
import { FakeWorld } from '../../src/lessons/fakeWorld';
import type { LessonWorld } from '../../src/lessons/world';

/** A world whose every method and property access throws. */
function explodingWorld(): LessonWorld {
  return new Proxy({} as LessonWorld, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      throw new Error(`world.${String(prop)} exploded <img src=x onerror=alert(1)>`);
    },
  });
}

describe('Lesson checks against a hostile world', () => {
  for (const lesson of LESSONS) {
    it(`reports "${lesson.id}" step 1 as an error instead of crashing`, () => {
      let ev!: ReturnType<typeof evaluateLesson>;
      expect(() => (ev = evaluateLesson(lesson, explodingWorld(), [], {}, 0))).not.toThrow();
      const first = ev.steps[0];
      expect(first.status).toBe('error');
      expect(first.error).toMatch(/exploded/);
      expect(ev.steps.slice(1).every((s) => s.status === 'locked')).toBe(true);
      expect(ev.done).toBe(false);
      // A healthy world afterwards: the same lesson evaluates without errors.
      const healthy = evaluateLesson(lesson, new FakeWorld(), [], {}, 0);
      expect(healthy.steps.some((s) => s.status === 'error')).toBe(false);
    });
  }
});
