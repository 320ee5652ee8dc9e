import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LessonView } from './LessonView';
import { FakeWorld } from '../../lessons/fakeWorld';
import { emptyProgress, type LessonProgress } from '../../lessons/progress';
import type { EngineWorld } from '../../lessons/engineWorld';
import { translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { WEB_PING } from '../../lessons/curriculum';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function asEngineWorld(w: FakeWorld): EngineWorld {
  return Object.assign(w, { dispose() {}, onRecord: () => () => {}, buildEvents: () => [] }) as unknown as EngineWorld;
}

describe('Lesson view', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    localStorage.clear();
    history.replaceState(null, '', '/#/lesson/web-ping');
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  function render(world: FakeWorld, progress: LessonProgress, lang: 'en' | 'ko', onProgress: (p: LessonProgress) => void = () => {}) {
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
    act(() =>
      root.render(
        <LessonView world={asEngineWorld(world)} rev={world.commandList.length} lang={lang} t={t} progress={progress} setProgress={onProgress} activeWorkspaceId="x" startLesson={async () => {}} />,
      ),
    );
  }

  it('marks steps from engine state and saves newly completed ones', () => {
    const w = new FakeWorld();
    w.image(['diamol/ch03-web-ping:latest'], ['a', 'b']);
    w.command(['image', 'pull', 'diamol/ch03-web-ping']);
    let saved: LessonProgress | null = null;
    render(w, emptyProgress(), 'ko', (p) => (saved = p));
    expect(host.querySelector('[data-testid=lesson-step-pull]')?.getAttribute('data-status')).toBe('complete');
    expect(host.querySelector('[data-testid=lesson-step-run-detached]')?.getAttribute('data-status')).toBe('current');
    expect(saved!.completed['web-ping']).toEqual(['pull']);
    expect(host.textContent).toContain('이름을 붙여 백그라운드로 실행하기');
    expect(host.querySelector('.lesson-missing')?.textContent).toContain('남은 것');
  });

  it('says so when a check throws, and keeps working', () => {
    const w = new FakeWorld();
    // A broken world: images() throws (as if an engine member were missing).
    w.images = () => {
      throw new Error('images unavailable');
    };
    render(w, emptyProgress(), 'en');
    const pull = host.querySelector('[data-testid=lesson-step-pull]')!;
    expect(pull.getAttribute('data-status')).toBe('error');
    expect(pull.querySelector('[role=alert]')?.textContent).toContain('images unavailable');
    expect(host.querySelector('[data-testid=quiz-web-ping]')).not.toBeNull();
  });

  it('shows a hint and renders instructions as text, never HTML', () => {
    const w = new FakeWorld();
    render(w, emptyProgress(), 'en');
    const hintButton = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Show a hint')!;
    act(() => hintButton.click());
    expect(host.querySelector('.lesson-hint')?.textContent).toBe(WEB_PING.steps[0].hint.en.replace(/`/g, ''));
    expect(host.querySelector('[data-testid=lesson-step-pull] code')?.textContent).toBe('docker image pull diamol/ch03-web-ping');
  });

  it('resets a step and the steps after it', () => {
    const w = new FakeWorld();
    let saved: LessonProgress | null = null;
    const p: LessonProgress = { ...emptyProgress(), completed: { 'web-ping': ['pull', 'run-detached', 'logs'] } };
    history.replaceState(null, '', '/#/lesson/web-ping/logs');
    render(w, p, 'en', (x) => (saved = x));
    const reset = host.querySelector('[data-testid=lesson-reset-logs]') as HTMLButtonElement;
    act(() => reset.click());
    expect(saved!.completed['web-ping']).toEqual(['pull', 'run-detached']);
  });
});
