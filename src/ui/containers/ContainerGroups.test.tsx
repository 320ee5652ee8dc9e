import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Engine } from '../../engine/engine';
import { testEnv } from '../../engine/core/env';
import { memoryContext } from '../../engine/core/host';
import { bufferIO } from '../../engine/core/io';
import { InProcessHost } from '../../engine/runtime/in-process-host';
import { useApp } from '../state/store';
import { ContainerGroups, composeGroups, inComposeProject } from './ContainerGroups';
import { containerViews } from '../engine/engineApi';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const COMPOSE = `services:
  web:
    image: busybox
    command: sh -c "sleep 3600"
    ports:
      - "8080:80"
  worker:
    image: busybox
    command: sh -c "echo working; sleep 3600"
`;

/** Clicks and waits until the action's command has finished (`until` holds). */
async function clickUntil(b: HTMLButtonElement, until: () => boolean) {
  await act(async () => b.click());
  for (let i = 0; i < 200 && !until(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
}

async function engineWithApp() {
  const engine = new Engine({ env: testEnv(), context: memoryContext({ 'compose.yaml': COMPOSE }) });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  const run = async (argv: string[]) => {
    const io = bufferIO({ env: { PWD: '/home/learner/shop' } });
    await engine.run(argv, io);
    return io;
  };
  expect((await run(['compose', 'up', '-d'])).err).toMatch(/Started/);
  await run(['run', '-d', '--name', 'solo', 'busybox', 'sleep', '3600']);
  return { engine, run };
}

describe('Compose apps in the containers panel', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    useApp.setState({ settings: { ...useApp.getState().settings, lang: 'en' } });
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('groups the containers of a project by its label, with services, statuses and ports', async () => {
    const { engine } = await engineWithApp();
    const groups = composeGroups(containerViews(engine));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ project: 'shop', status: 'running(2)', running: true });
    expect(groups[0].members.map((m) => [m.service, m.name, m.status, m.ports])).toEqual([
      ['web', 'shop-web-1', 'running', '8080->80/tcp'],
      ['worker', 'shop-worker-1', 'running', ''],
    ]);
    const solo = engine.containers.list().find((c) => c.name.endsWith('solo'))!;
    expect(inComposeProject(containerViews(engine).find((c) => c.id === solo.id)!)).toBe(false);
  });

  it('shows the project with its actions: logs, stop, and down which removes the group', async () => {
    const { engine, run } = await engineWithApp();
    let logs = '';
    let done = '';
    const render = () =>
      act(() => root.render(<ContainerGroups containers={containerViews(engine)} run={run} onLogs={(_, text) => (logs = text)} onDone={(text) => (done = text)} onOpen={() => {}} />));
    render();
    const group = host.querySelector('[data-testid="compose-group"]')!;
    expect(group.getAttribute('data-project')).toBe('shop');
    expect(group.querySelector('h3')?.textContent).toBe('Compose app shop');
    expect(group.querySelector('[data-testid="compose-status"]')?.textContent).toBe('running(2)');
    expect([...group.querySelectorAll('tbody tr')].map((r) => r.querySelector('td')?.textContent)).toEqual(['web', 'worker']);
    expect(group.textContent).toContain('Open localhost:8080');
    const button = (name: string) => [...group.querySelectorAll('button')].find((b) => b.textContent === name)!;

    await clickUntil(button('Logs'), () => logs !== '');
    expect(logs).toMatch(/worker-1 +\| working/);

    await clickUntil(button('Stop'), () => done !== '');
    expect(done).toMatch(/Container shop-web-1 +Stopped/);
    render();
    expect(host.querySelector('[data-testid="compose-status"]')?.textContent).toMatch(/^exited\(2\)$/);

    done = '';
    await clickUntil([...host.querySelectorAll('button')].find((b) => b.textContent === 'Down')!, () => done !== '');
    expect(done).toMatch(/Container shop-web-1 +Removed/);
    render();
    expect(host.querySelector('[data-testid="compose-group"]')).toBeNull();
    expect(engine.containers.list().map((c) => c.name)).toEqual(['solo']);
  });
});
