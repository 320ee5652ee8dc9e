import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { startMultiTab, useMultiTab, CHANNEL } from './multi-tab';

interface S {
  phase: string;
  activeId: string;
  workspaces: unknown;
}

function fakeApp(activeId: string) {
  return create<S>()(() => ({ phase: 'ready', activeId, workspaces: [{ id: activeId, files: {} }] }));
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('Two tabs on one workspace', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((s) => s());
    useMultiTab.setState({ conflict: null });
  });

  it('warns the other tab when one tab saves an edit of the workspace it has open', async () => {
    const a = fakeApp('web-ping');
    const b = fakeApp('web-ping');
    const chA = new BroadcastChannel(CHANNEL);
    const chB = new BroadcastChannel(CHANNEL);
    stops.push(startMultiTab(a, { channel: chA }), () => chA.close());
    stops.push(startMultiTab(b, { channel: chB, now: () => 42 }), () => chB.close());
    a.setState({ workspaces: [{ id: 'web-ping', files: { Dockerfile: 'FROM alpine' } }] });
    await tick();
    // Both tabs share the module's banner store in this test, so look at what B recorded.
    expect(useMultiTab.getState().conflict?.workspaceId).toBe('web-ping');
  });

  it('stays quiet about other workspaces, about loading, and about its own edits', async () => {
    const a = fakeApp('web-ping');
    const b = fakeApp('multi-stage');
    const chA = new BroadcastChannel(CHANNEL);
    const chB = new BroadcastChannel(CHANNEL);
    stops.push(startMultiTab(a, { channel: chA }), () => chA.close());
    stops.push(startMultiTab(b, { channel: chB }), () => chB.close());
    a.setState({ workspaces: [{ id: 'web-ping', files: { x: '1' } }] });
    await tick();
    expect(useMultiTab.getState().conflict).toBeNull();
    // A tab that is still loading does not announce its initial data.
    const c = create<S>()(() => ({ phase: 'loading', activeId: 'multi-stage', workspaces: [] }));
    const chC = new BroadcastChannel(CHANNEL);
    stops.push(startMultiTab(c, { channel: chC }), () => chC.close());
    c.setState({ phase: 'ready', workspaces: [{ id: 'multi-stage', files: {} }] });
    await tick();
    expect(useMultiTab.getState().conflict).toBeNull();
  });

  it('ignores malformed messages on the channel', async () => {
    const b = fakeApp('web-ping');
    const chB = new BroadcastChannel(CHANNEL);
    stops.push(startMultiTab(b, { channel: chB }), () => chB.close());
    const evil = new BroadcastChannel(CHANNEL);
    evil.postMessage(null);
    evil.postMessage({ type: 'edited', workspaceId: 7 });
    evil.postMessage('<img src=x onerror=alert(1)>');
    await tick();
    evil.close();
    expect(useMultiTab.getState().conflict).toBeNull();
  });
});
