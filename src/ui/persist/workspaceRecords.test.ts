import { describe, expect, it } from 'vitest';
import { memoryKv } from './idb';
import { DamagedStoreError } from './saved';
import { loadWorkspaces, workspaceRecord } from './workspaceRecords';

describe('Workspace records', () => {
  it('migrates the one-record layout to one record per workspace, in one step, keeping every file', async () => {
    const kv = memoryKv();
    await kv.set('workspaces', {
      version: 1,
      workspaces: [
        { id: 'a', name: 'a', tag: 'a', files: { Dockerfile: 'FROM alpine\n', 'bin.dat': new Uint8Array([0, 1]) } },
        { id: 'b', name: 'b', tag: 'b:1', files: { Dockerfile: 'FROM node\n' } },
      ],
      activeId: 'b',
      openFile: { b: 'Dockerfile' },
    });
    const first = await loadWorkspaces(kv, 77);
    expect(first?.saved.activeId).toBe('b');
    expect((await kv.keys()).sort()).toEqual(['ws-order', 'ws-view', 'ws:a', 'ws:b']);
    expect(await kv.get('ws:a')).toEqual({ version: 2, savedAt: 77, workspace: expect.objectContaining({ files: { Dockerfile: 'FROM alpine\n', 'bin.dat': new Uint8Array([0, 1]) } }) });
    // the next start reads the new layout and sees the same thing
    const again = await loadWorkspaces(kv, 99);
    expect(again?.saved).toEqual(first?.saved);
    expect(again?.savedAt).toEqual({ a: 77, b: 77 });
  });

  it('loads a workspace missing from the order record (two tabs added workspaces at once)', async () => {
    const kv = memoryKv();
    await kv.write({
      'ws-order': { version: 2, ids: ['b', 'gone'] },
      'ws:a': workspaceRecord({ id: 'a', name: 'a', tag: 'a', files: {} }, 1),
      'ws:b': workspaceRecord({ id: 'b', name: 'b', tag: 'b', files: {} }, 1),
    });
    const r = await loadWorkspaces(kv, 5);
    expect(r?.saved.workspaces.map((w) => w.id)).toEqual(['b', 'a']);
    expect(r?.saved.activeId).toBe('b');
  });

  it('reports nothing saved, and a damaged record as damaged', async () => {
    const kv = memoryKv();
    expect(await loadWorkspaces(kv, 1)).toBeUndefined();
    await kv.set('ws:x', { version: 2, savedAt: 1, workspace: { id: 3 } });
    await expect(loadWorkspaces(kv, 1)).rejects.toBeInstanceOf(DamagedStoreError);
    await kv.set('workspaces', { version: 1, workspaces: [{ id: 42 }] });
    await expect(loadWorkspaces(kv, 1)).rejects.toBeInstanceOf(DamagedStoreError);
    expect(await kv.get('workspaces')).toBeDefined(); // left for the damaged screen's export
  });
});
