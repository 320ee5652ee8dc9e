/** Engine change notifications in the page: once per task, after it, and never lost when the page is left. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine';
import { testEnv } from '../../engine/core/env';
import { bufferIO } from '../../engine/core/io';
import { notifyAfterTask } from './browserEngine';

function setup() {
  const engine = new Engine({ env: testEnv() });
  const queued: (() => void)[] = [];
  const win = new EventTarget();
  notifyAfterTask(engine, (cb) => queued.push(cb), win as unknown as Window);
  let heard = 0;
  const off = engine.subscribe(() => heard++);
  const runQueued = () => queued.splice(0).forEach((cb) => cb());
  return { engine, win, runQueued, heard: () => heard, off };
}

describe('notifyAfterTask', () => {
  it('tells listeners once after a command changed the engine several times, not during it', async () => {
    const { engine, runQueued, heard } = setup();
    engine.registry.sleep = null;
    const code = await engine.run(['run', '--name', 'hi', 'hello-world'], bufferIO());
    expect(code).toBe(0);
    expect(heard()).toBe(0);
    runQueued();
    expect(heard()).toBe(1);
    runQueued();
    expect(heard()).toBe(1);
    expect(engine.containers.get('hi')?.state.Status).toBe('exited');
    engine.changed();
    runQueued();
    expect(heard()).toBe(2);
  });

  it('delivers a pending change at once when the page is hidden or left, so the save sees it', () => {
    const { engine, win, runQueued, heard } = setup();
    engine.changed();
    win.dispatchEvent(new Event('pagehide'));
    expect(heard()).toBe(1);
    runQueued();
    expect(heard()).toBe(1);
    engine.changed();
    win.dispatchEvent(new Event('visibilitychange'));
    expect(heard()).toBe(2);
  });

  it('stops telling a listener that unsubscribed', () => {
    const { engine, runQueued, heard, off } = setup();
    off();
    engine.changed();
    runQueued();
    expect(heard()).toBe(0);
  });
});
