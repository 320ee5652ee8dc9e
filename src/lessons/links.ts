/** Lesson links: `#/lesson/<id>` or `#/lesson/<id>/<step>`. Unknown ids give null. */
import { lessonById } from './curriculum';

export interface LessonLink {
  lesson: string;
  step?: string;
}

export function parseLessonHash(hash: string): LessonLink | null {
  const m = /^#?\/lesson\/([a-z0-9-]{1,64})(?:\/([a-z0-9-]{1,64}))?\/?$/.exec(hash);
  if (!m) return null;
  const lesson = lessonById(m[1]);
  if (!lesson) return null;
  const step = m[2] && lesson.steps.some((s) => s.id === m[2]) ? m[2] : undefined;
  return { lesson: lesson.id, step };
}

export function lessonHash(link: LessonLink): string {
  return `#/lesson/${link.lesson}${link.step ? `/${link.step}` : ''}`;
}
