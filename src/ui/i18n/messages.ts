/**
 * Every user-visible UI string, in English and Korean. Docker's own output is never translated.
 * The core UI tables live in messages.core.ts (UI engineer); the lessons engineer's in messages.lessons.ts.
 * Both are merged here; add another area's file the same way (spread into `en` and `ko`).
 */
import { enCore, koCore } from './messages.core';
import { enLessons, koLessons } from './messages.lessons';
import { enRobustness, koRobustness } from './messages.robustness';

export const en = { ...enCore, ...enLessons, ...enRobustness };

export type MessageKey = keyof typeof en;

export const ko: Record<MessageKey, string> = { ...koCore, ...koLessons, ...koRobustness };
