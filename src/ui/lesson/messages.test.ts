import { describe, expect, it } from 'vitest';
import { enLessons, koLessons } from '../i18n/messages.lessons';

const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Lesson UI strings', () => {
  it('exist in Korean and English with the same placeholders', () => {
    for (const [k, en] of Object.entries(enLessons)) {
      const ko = koLessons[k as keyof typeof enLessons];
      expect(ko?.trim(), k).toBeTruthy();
      expect(en.trim(), k).toBeTruthy();
      expect(vars(ko), k).toEqual(vars(en));
    }
    expect(Object.keys(koLessons).sort()).toEqual(Object.keys(enLessons).sort());
  });
});
