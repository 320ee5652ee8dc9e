import { describe, expect, it } from 'vitest';
import readme from './README.md?raw';
import { LESSONS, lessonById } from './curriculum';
import { QUIZZES, quizById } from './quizzes';
import { FakeWorld } from './fakeWorld';
import { lessonHash, parseLessonHash } from './links';
import { en as enUi, ko as koUi, type MessageKey } from '../ui/i18n/messages';

function walkL10n(v: unknown, path: string, out: { path: string; ko: unknown; en: unknown }[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => walkL10n(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('ko' in o || 'en' in o) out.push({ path, ko: o.ko, en: o.en });
    else for (const [k, x] of Object.entries(o)) if (k !== 'check' && k !== 'files') walkL10n(x, `${path}.${k}`, out);
  }
}

describe('Curriculum', () => {
  it('maps every seed concept 1-28 to at least one step with a check', () => {
    for (let n = 1; n <= 28; n++) {
      const steps = LESSONS.flatMap((l) => l.steps.filter((s) => s.concepts.includes(n)));
      expect(steps.length, `concept ${n}`).toBeGreaterThan(0);
      for (const s of steps) expect(typeof s.check.run).toBe('function');
    }
  });

  it('has every lesson and quiz string in both Korean and English', () => {
    const all: { path: string; ko: unknown; en: unknown }[] = [];
    walkL10n(LESSONS, 'lessons', all);
    walkL10n(QUIZZES, 'quizzes', all);
    expect(all.length).toBeGreaterThan(150);
    for (const s of all) {
      expect(typeof s.ko === 'string' && s.ko.trim().length > 0, `${s.path}.ko`).toBe(true);
      expect(typeof s.en === 'string' && s.en.trim().length > 0, `${s.path}.en`).toBe(true);
      // The Korean text is Korean (has Hangul) unless it is only a command or a symbol.
      if (/[a-z]{4,}/i.test(String(s.en)) && String(s.en).split(' ').length > 2) expect(/[가-힣]/.test(String(s.ko)), `${s.path}.ko is Korean`).toBe(true);
    }
  });

  it('labels each lesson with its book chapter or, for other notes, its source (node-app is not chapter 4)', () => {
    for (const l of LESSONS) expect(l.chapter !== undefined || l.source !== undefined, l.id).toBe(true);
    expect(lessonById('node-app')!.chapter).toBeUndefined();
    expect(lessonById('multi-stage')!.chapter).toBe(4);
  });

  it('has unique ids and no dangling references', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) {
      const stepIds = l.steps.map((s) => s.id);
      expect(new Set(stepIds).size, l.id).toBe(stepIds.length);
      if (l.quiz) expect(quizById(l.quiz), `${l.id} quiz`).toBeDefined();
      for (const s of l.steps) expect(s.concepts.every((c) => c >= 1 && c <= 28)).toBe(true);
    }
    for (const q of QUIZZES)
      for (const qq of q.questions) {
        const l = lessonById(qq.ref.lesson);
        expect(l, `${q.id}/${qq.id}`).toBeDefined();
        expect(l!.steps.some((s) => s.id === qq.ref.step), `${q.id}/${qq.id} -> ${qq.ref.step}`).toBe(true);
      }
  });

  it('agrees with the concept table in README.md', () => {
    const rows = readme.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.length).toBe(28);
    for (const row of rows) {
      const n = Number(/^\| (\d+) \|/.exec(row)![1]);
      const entries = [...row.matchAll(/`([^`]+)` \/ `([^`]+)` \/ `([^`]+)`/g)];
      expect(entries.length, `row ${n}`).toBeGreaterThan(0);
      for (const [, lesson, step, checkName] of entries) {
        const s = lessonById(lesson)?.steps.find((x) => x.id === step);
        expect(s, `row ${n}: ${lesson}/${step}`).toBeDefined();
        expect(s!.concepts).toContain(n);
        expect(s!.check.name).toBe(checkName);
      }
      const expected = LESSONS.flatMap((l) => l.steps.filter((s) => s.concepts.includes(n)).map((s) => `${l.id}/${s.id}`));
      expect(entries.map(([, l, s]) => `${l}/${s}`).sort(), `row ${n}`).toEqual(expected.sort());
    }
  });
});

/** UI labels a hint may quote: "…" stands for a placeholder. */
const QUOTED_LABELS: MessageKey[] = ['build.builder', 'layers.metadata', 'files.new', 'reason.parent-changed', 'reason.files-changed', 'reason.env-changed', 'reason.first-build'];
const labelPattern = (text: string) =>
  new RegExp('"' + text.split(/\{[a-z]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^"]*') + '"');

describe('Korean text', () => {
  const strings = () => LESSONS.flatMap((l) => l.steps.flatMap((s) => [s.hint, s.instructions].map((t) => ({ at: `${l.id}/${s.id}`, ...t }))));

  it('quotes the labels the Korean UI shows, never the English ones', () => {
    let quoted = 0;
    for (const t of strings())
      for (const key of QUOTED_LABELS) {
        if (labelPattern(enUi[key]).test(t.en)) {
          quoted++;
          expect(t.ko, `${t.at}: ${key}`).toMatch(labelPattern(koUi[key]));
        }
        expect(t.ko, `${t.at}: English label of ${key}`).not.toMatch(labelPattern(enUi[key]));
      }
    expect(quoted).toBeGreaterThan(3);
  });

  it('never shows a learner a check\'s internal name or notation', () => {
    const w = new FakeWorld();
    for (const l of LESSONS)
      for (const s of l.steps) {
        const r = s.check.run(w, { since: 0 });
        expect(r.ok, `${l.id}/${s.id} passes on an empty engine`).toBe(false);
        for (const text of [r.missing!.ko, r.missing!.en]) {
          for (const name of s.check.name.split(/[+(),]/).filter((n) => n.length > 3)) expect(text, `${l.id}/${s.id}`).not.toContain(name);
          expect(text, `${l.id}/${s.id}`).not.toMatch(/ ~ "|\w+=\w+, \w+=/);
        }
      }
  });

  it('uses one term per concept (GLOSSARY.md) and one speech level (해요체)', () => {
    const ko = [...strings().map((t) => t.ko), ...QUIZZES.flatMap((q) => q.questions.flatMap((x) => [x.prompt.ko, x.explanation.ko])),
      ...Object.entries(koUi).filter(([k]) => k.startsWith('lesson.') || k.startsWith('classroom.') || k.startsWith('layers.') || k.startsWith('reason.')).map(([, v]) => v)];
    for (const text of ko) {
      expect(text).not.toMatch(/워크스페이스|명령어|포트 공개|우리 말로|당신/);
      expect(text, 'formal 합니다체 ending').not.toMatch(/[가-힣](습|ㅂ)?니다[.!]?(\s|$|')/);
      expect(text, 'formal 합니다체 ending').not.toMatch(/니다\./);
    }
  });
});

describe('Lesson links', () => {
  it('opens a lesson and step from the hash and rejects unknown ones', () => {
    expect(parseLessonHash('#/lesson/web-ping/env')).toEqual({ lesson: 'web-ping', step: 'env' });
    expect(parseLessonHash('#/lesson/web-ping')).toEqual({ lesson: 'web-ping', step: undefined });
    expect(parseLessonHash('#/lesson/web-ping/nope')).toEqual({ lesson: 'web-ping', step: undefined });
    expect(parseLessonHash('#/lesson/nope/env')).toBeNull();
    expect(parseLessonHash('#/lesson/<script>')).toBeNull();
    expect(parseLessonHash(lessonHash({ lesson: 'cache', step: 'verify' }))).toEqual({ lesson: 'cache', step: 'verify' });
  });
});
