import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { testEnv } from '../../core/env';
import { bufferIO } from '../../core/io';

const run = async (engine: Engine, argv: string[]) => {
  const io = bufferIO();
  const code = await engine.run(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('docker info', () => {
  it('prints docker\'s block with the engine\'s own counts and says it is simulated', async () => {
    const r = await run(new Engine({ env: testEnv() }), ['info']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n')).toBe(true);
    expect(r.out).toMatch(/\nServer:\n Containers: \d+\n {2}Running: \d+\n {2}Paused: \d+\n {2}Stopped: \d+\n Images: \d+\n/);
    expect(r.out).toContain('Operating System: Layerlab');
  });

  it('counts images and containers from the engine', async () => {
    const engine = new Engine({ env: testEnv() });
    expect((await run(engine, ['info', '--format', '{{.Images}} {{.Containers}}'])).out).toBe('0 0\n');
    // Pulling puts busybox's image in the store.
    expect((await run(engine, ['pull', 'busybox'])).code).toBe(0);
    expect((await run(engine, ['info', '--format', '{{.Images}}'])).out).toBe('1\n');
  });

  it('is also docker system info, and takes --format json', async () => {
    const r = await run(new Engine({ env: testEnv() }), ['system', 'info', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ServerVersion: '28.2.2', OSType: 'linux' });
  });

  it('reports a bad template field with exit 1', async () => {
    const r = await run(new Engine({ env: testEnv() }), ['info', '--format', '{{.Nope}}']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("can't evaluate field Nope");
  });
});

describe('docker version', () => {
  it('answers --format with the client and server versions', async () => {
    const r = await run(new Engine({ env: testEnv() }), ['version', '--format', '{{.Client.Version}} {{.Server.Version}} {{.Server.Platform.Name}}']);
    expect(r).toEqual({ code: 0, out: '28.2.2 28.2.2 Layerlab simulated Docker Engine\n', err: '' });
  });
  it('prints docker -v', async () => {
    expect((await run(new Engine({ env: testEnv() }), ['-v'])).out).toBe('Docker version 28.2.2, build layerlab\n');
  });
});
