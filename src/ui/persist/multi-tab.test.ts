import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, openTabChannel, parseNotice, type SavedNotice } from './multi-tab';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('Tabs telling each other what they saved', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((s) => s()));

  it('delivers a save notice to the other tabs, never to the tab that saved', async () => {
    const gotA: SavedNotice[] = [];
    const gotB: SavedNotice[] = [];
    const chA = new BroadcastChannel(CHANNEL);
    const chB = new BroadcastChannel(CHANNEL);
    const a = openTabChannel((n) => gotA.push(n), { channel: chA });
    const b = openTabChannel((n) => gotB.push(n), { channel: chB, now: () => 42 });
    stops.push(a.close, b.close, () => chA.close(), () => chB.close());
    a.announce(['web-ping'], false);
    b.announce(['multi-stage', 'x'], true);
    // delivery is asynchronous (slower on a busy machine): wait until both arrived, then check nothing else did
    await expect.poll(() => gotA.length + gotB.length, { timeout: 5000 }).toBe(2);
    await tick();
    expect(gotB.map((n) => n.workspaceIds)).toEqual([['web-ping']]);
    expect(gotA).toEqual([expect.objectContaining({ workspaceIds: ['multi-stage', 'x'], list: true, at: 42 })]);
  });

  it('ignores malformed messages on the channel', async () => {
    const got: SavedNotice[] = [];
    const ch = new BroadcastChannel(CHANNEL);
    const b = openTabChannel((n) => got.push(n), { channel: ch });
    stops.push(b.close, () => ch.close());
    const evil = new BroadcastChannel(CHANNEL);
    evil.postMessage(null);
    evil.postMessage({ type: 'saved', tab: 'x', workspaceIds: [7] });
    evil.postMessage({ type: 'edited', tab: 'x', workspaceId: 'web-ping' });
    evil.postMessage('<img src=x onerror=alert(1)>');
    await tick();
    evil.close();
    expect(got).toEqual([]);
    expect(parseNotice({ type: 'saved', tab: 'me', workspaceIds: ['a'] }, 'me')).toBeNull();
    expect(parseNotice({ type: 'saved', tab: 'other', workspaceIds: ['a'] }, 'me')?.list).toBe(false);
  });
});
