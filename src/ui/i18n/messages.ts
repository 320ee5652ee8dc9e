/**
 * Every user-visible UI string, in English and Korean. Docker's own output is never translated.
 * The core UI strings live in messages.core.ts, the lessons' in messages.lessons.ts and the robustness features'
 * in messages.robustness.ts. They are merged here; add a new file the same way (spread into `en` and `ko`).
 */
import { enCore, koCore } from './messages.core';
import { enLessons, koLessons } from './messages.lessons';
import { enRobustness, koRobustness } from './messages.robustness';

export const en = { ...enCore, ...enLessons, ...enRobustness };

export type MessageKey = keyof typeof en;

export const ko: Record<MessageKey, string> = { ...koCore, ...koLessons, ...koRobustness };
