/**
 * The lessons engineer's UI strings (owned by them): add keys to both tables.
 * messages.ts merges them into the app's tables, so `translate(lang, 'lesson.x')` works everywhere.
 * Keep keys prefixed "lesson." or "classroom." so they never clash with the core UI keys.
 */
export const enLessons = {
  'lesson.placeholder': 'Lessons',
} as const;

export const koLessons: Record<keyof typeof enLessons, string> = {
  'lesson.placeholder': '레슨',
};
