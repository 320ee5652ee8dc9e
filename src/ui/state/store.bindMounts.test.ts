// @vitest-environment node
/** Bind mounts in the browser: the active workspace is the host folder `/workspace` (`$(pwd)` in the terminal). */
import { describe, expect, it, vi } from 'vitest';
import { memoryKv } from '../persist/idb';
import { bufferIO } from '../../engine/core/io';

describe('App store: bind mounts of the workspace', () => {
  it('shows workspace files to a container and takes the files it writes into the workspace', async () => {
    vi.resetModules();
    const { useApp, activeWorkspace } = await import('./store');
    await useApp.getState().init({ kv: memoryKv() });
    const engine = useApp.getState().engine!;
    useApp.getState().writeFile('notes/hello.txt', 'from the editor\n');
    const io = bufferIO();
    const code = await engine.run(['run', '--rm', '-v', '/workspace/notes:/notes', 'busybox', 'sh', '-c', 'cat /notes/hello.txt; echo from the container > /notes/reply.txt'], io);
    expect(code, io.err).toBe(0);
    expect(io.out).toBe('from the editor\n');
    expect(activeWorkspace(useApp.getState())?.files['notes/reply.txt']).toBe('from the container\n');
  });
});
