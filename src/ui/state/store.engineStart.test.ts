// @vitest-environment node
/**
 * The window between "the saved workspace is shown" and "the engine is up": the store shows the workspace
 * first, queues a build asked for meanwhile, never saves an empty engine state over the saved one, and
 * exports the saved engine state.
 */
import { describe, expect, it, vi } from 'vitest';
import { memoryKv, type KvStore } from '../persist/idb';
import type { EngineSnapshot } from '../../engine/engine';
import { bufferIO } from '../../engine/core/io';

type StoreModule = typeof import('./store');

/** A fresh store module (its own engine, key/value store and start-up state), as on a new page load. */
async function freshStore(): Promise<StoreModule> {
  vi.resetModules();
  return import('./store');
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

async function imagesOf(m: StoreModule): Promise<string> {
  const engine = m.useApp.getState().engine!;
  const io = bufferIO();
  await engine.run(['images', '--format', '{{.Repository}}:{{.Tag}}'], io);
  return io.out;
}

/** A saved page: workspaces plus the engine state after building web-ping (web-ping:latest exists). */
async function savedPage(): Promise<{ kv: KvStore; snapshot: EngineSnapshot }> {
  const kv = memoryKv();
  const first = await freshStore();
  await first.useApp.getState().init({ kv });
  await first.useApp.getState().build();
  expect(await imagesOf(first)).toContain('web-ping:latest');
  first.useApp.getState().flushSaves();
  const snapshot = await first.useApp.getState().engine!.snapshot();
  await kv.set('engine', snapshot);
  return { kv, snapshot };
}

describe('App store while the engine starts', () => {
  it('shows the saved workspace before the engine exists, then restores the saved engine state', async () => {
    const { kv, snapshot } = await savedPage();
    const m = await freshStore();
    const engineGate = gate();
    const init = m.useApp.getState().init({ kv, startEngineAfter: engineGate.promise });
    await vi.waitFor(() => expect(m.useApp.getState().phase).toBe('ready'));

    const s = m.useApp.getState();
    expect(s.engine).toBeNull();
    expect(m.engineStarting(s)).toBe(true);
    expect(m.activeWorkspace(s)?.files['Dockerfile']).toContain('FROM');
    expect(s.builds['web-ping']?.last?.state).toBe('finished'); // the layer stack's saved history is there too

    // edits and saves meanwhile: the saved engine state stays as it was
    const ws = m.activeWorkspace(s)!;
    s.writeFile('app.js', `${String(ws.files['app.js'])}\n// edited while the engine starts\n`);
    m.useApp.getState().flushSaves();
    await Promise.resolve();
    expect(await kv.get('engine')).toEqual(snapshot);
    expect(String(((await kv.get('ws:web-ping')) as { workspace: { files: Record<string, string> } }).workspace.files['app.js'])).toContain('edited while');

    // an export made now still carries the saved engine state
    expect(JSON.parse(await m.useApp.getState().exportFile()).engine).toEqual(snapshot);

    engineGate.open();
    await init;
    expect(m.useApp.getState().engine).not.toBeNull();
    expect(m.engineStarting(m.useApp.getState())).toBe(false);
    expect(await imagesOf(m)).toContain('web-ping:latest');
    expect(await m.whenEngine()).toBe(m.useApp.getState().engine);
  });

  it('runs a build asked for while the engine starts once it is up, once', async () => {
    const m = await freshStore();
    const engineGate = gate();
    const init = m.useApp.getState().init({ kv: memoryKv(), startEngineAfter: engineGate.promise });
    await vi.waitFor(() => expect(m.useApp.getState().phase).toBe('ready'));

    const waiting = m.whenEngine();
    const build = m.useApp.getState().build();
    const again = m.useApp.getState().build(); // a second press while queued adds nothing
    expect(m.useApp.getState().buildQueued).toBe(true);
    expect(m.useApp.getState().building).toBe(false);
    expect(m.useApp.getState().builds['web-ping']).toBeUndefined();

    engineGate.open();
    await init;
    expect(await waiting).toBe(m.useApp.getState().engine);
    await Promise.all([build, again]);
    const s = m.useApp.getState();
    expect(s.buildQueued).toBe(false);
    expect(s.builds['web-ping'].last?.state).toBe('finished');
    expect(s.builds['web-ping'].previous).toBeNull(); // built once
    expect(await imagesOf(m)).toContain('web-ping:latest');
  });

  it('a snapshot that cannot be restored still shows the damaged screen, and waiting callers get no engine', async () => {
    const kv = memoryKv();
    await kv.set('engine', { version: 1, images: 'not a list' });
    const m = await freshStore();
    const engineGate = gate();
    const init = m.useApp.getState().init({ kv, startEngineAfter: engineGate.promise });
    await vi.waitFor(() => expect(m.useApp.getState().phase).toBe('ready'));
    const waiting = m.whenEngine();
    const build = m.useApp.getState().build();
    engineGate.open();
    await init;
    expect(m.useApp.getState().phase).toBe('damaged');
    expect(m.useApp.getState().damagedDetail).toMatch(/engine/);
    expect(await waiting).toBeNull();
    await build;
    expect(m.useApp.getState().buildQueued).toBe(false);
    expect(await kv.get('engine')).toEqual({ version: 1, images: 'not a list' }); // left for the damaged screen's export
  });
});
