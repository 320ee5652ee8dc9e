import { describe, expect, it } from 'vitest';
import { evaluateLesson, worldSeq } from './runner';
import { FakeWorld } from './fakeWorld';
import { WEB_PING } from './curriculum';
import type { LessonDef } from './types';
import { canonicalCommand, positionalArgs } from './commands';
import { emptyProgress, loadProgress, markComplete, parseProgress, recordQuiz, resetFrom, saveProgress } from './progress';
import { gradeAnswer, QUIZZES } from './quizzes';

describe('Lesson runner', () => {
  it('completes the web-ping steps from engine state, in order', () => {
    const w = new FakeWorld();
    let ev = evaluateLesson(WEB_PING, w, []);
    expect(ev.steps[0].status).toBe('current');
    expect(ev.steps[1].status).toBe('locked');

    const img = w.image(['diamol/ch03-web-ping:latest'], ['l1', 'l2', 'l3']);
    w.command(['image', 'pull', 'diamol/ch03-web-ping']);
    w.container({ name: 'web-ping', image: 'diamol/ch03-web-ping', imageId: img.id });
    ev = evaluateLesson(WEB_PING, w, []);
    expect(ev.newlyCompleted).toEqual(['pull', 'run-detached']);
    expect(ev.steps[2]).toMatchObject({ id: 'logs', status: 'current' });
    expect(ev.steps[2].missing?.ko).toBeTruthy();

    w.command(['logs', 'web-ping']);
    ev = evaluateLesson(WEB_PING, w, ['pull', 'run-detached']);
    expect(ev.newlyCompleted).toEqual(['logs']);
    expect(ev.done).toBe(false);
  });

  it('reports a throwing check as an error and stops there', () => {
    const lesson: LessonDef = {
      ...WEB_PING,
      steps: [
        { ...WEB_PING.steps[0], check: { name: 'boom', params: '', run: () => { throw new Error('engine not ready'); } } },
        WEB_PING.steps[1],
      ],
    };
    const ev = evaluateLesson(lesson, new FakeWorld(), []);
    expect(ev.steps[0]).toMatchObject({ status: 'error', error: 'engine not ready' });
    expect(ev.steps[1].status).toBe('locked');
  });

  it('counts only events after the step started', () => {
    const w = new FakeWorld();
    w.command(['logs', 'web-ping']);
    const since = worldSeq(w);
    const logs = WEB_PING.steps.find((s) => s.id === 'logs')!;
    expect(logs.check.run(w, { since }).ok).toBe(false);
    w.command(['container', 'logs', 'web-ping']);
    expect(logs.check.run(w, { since }).ok).toBe(true);
  });
});

describe('Commands', () => {
  it('resolves aliases to canonical paths', () => {
    expect(canonicalCommand(['images'])).toEqual({ command: 'image ls', args: [] });
    expect(canonicalCommand(['docker', 'image', 'list', 'w*'])).toEqual({ command: 'image ls', args: ['w*'] });
    expect(canonicalCommand(['rmi', 'x'])).toEqual({ command: 'image rm', args: ['x'] });
    expect(canonicalCommand(['--context', 'default', 'ps', '-a'])).toEqual({ command: 'container ls', args: ['-a'] });
    expect(canonicalCommand(['buildx', 'build', '.']).command).toBe('image build');
    expect(canonicalCommand([])).toEqual({ command: '', args: [] });
    expect(positionalArgs(['--tail', '5', '-f', 'web-ping'], ['--tail'])).toEqual(['web-ping']);
  });
});

describe('Progress', () => {
  it('saves, loads, resets from a step and survives garbage', () => {
    const mem = new Map<string, string>();
    const store = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    let p = markComplete(emptyProgress(), 'web-ping', 'pull');
    p = markComplete(p, 'web-ping', 'run-detached');
    p = recordQuiz(p, 'ch3', { order: false }, { correct: 1, total: 4 });
    saveProgress(store, p);
    expect(loadProgress(store)).toEqual(p);
    expect(resetFrom(p, 'web-ping', WEB_PING.steps.map((s) => s.id), 'run-detached').completed['web-ping']).toEqual(['pull']);
    for (const junk of ['{', '[]', '{"completed":{"a":[1,"x"]},"quizScores":{"q":{"correct":"1"}}}', 'null'])
      expect(() => parseProgress(junk)).not.toThrow();
    expect(parseProgress('{"completed":{"a":[1,"x"]}}').completed.a).toEqual(['x']);
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); } };
    expect(loadProgress(broken)).toEqual(emptyProgress());
    expect(() => saveProgress(broken, p)).not.toThrow();
  });
});

describe('Quizzes', () => {
  it('grades O/X and fill-in answers forgivingly', () => {
    const ch3 = QUIZZES.find((q) => q.id === 'ch3')!;
    const [hostEnv, name] = ch3.questions;
    expect(gradeAnswer(hostEnv, false)).toBe(true);
    expect(gradeAnswer(hostEnv, true)).toBe(false);
    expect(gradeAnswer(name, ' dockerfile ')).toBe(true);
    expect(gradeAnswer(name, 'DockerFile')).toBe(true);
    expect(gradeAnswer(name, 'makefile')).toBe(false);
    expect(gradeAnswer(name, true)).toBe(false);
  });
});
