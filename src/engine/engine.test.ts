import { describe, expect, it } from 'vitest';
import { Engine, type CommandEvent } from './engine';
import { testEnv } from './core/env';
import { bufferIO } from './core/io';

describe('Engine extension points', () => {
  it('tells command listeners what each `engine.run` was given, printed and returned', async () => {
    const engine = new Engine({ env: testEnv() });
    const heard: CommandEvent[] = [];
    const off = engine.onCommand((e) => heard.push(e));
    const io = bufferIO({ env: { DOCKER_BUILDKIT: '0' } });
    expect(await engine.run(['version', '--format', '{{.Client.Version}}'], io)).toBe(0);
    expect(await engine.run(['nosuchcommand'], io)).toBe(1);
    expect(heard).toEqual([
      { argv: ['version', '--format', '{{.Client.Version}}'], exitCode: 0, stdout: '28.2.2\n', stderr: '', env: { DOCKER_BUILDKIT: '0' } },
      expect.objectContaining({ argv: ['nosuchcommand'], exitCode: 1, stdout: '' }),
    ]);
    expect(heard[1].stderr).toMatch(/docker: unknown command: docker nosuchcommand/);
    // The terminal still got everything.
    expect(io.out).toBe('28.2.2\n');
    off();
    await engine.run(['version'], bufferIO());
    expect(heard).toHaveLength(2);
  });

  it('delivers changes at once, or batched when a host defers them, and flushes on demand', () => {
    const engine = new Engine({ env: testEnv() });
    let heard = 0;
    engine.subscribe(() => heard++);
    engine.changed();
    expect(heard).toBe(1);
    const queued: (() => void)[] = [];
    engine.deferChanges((deliver) => queued.push(deliver));
    engine.changed();
    engine.changed();
    expect(heard).toBe(1);
    expect(queued).toHaveLength(1);
    queued[0]();
    expect(heard).toBe(2);
    engine.changed();
    engine.flushChanges();
    expect(heard).toBe(3);
    queued[1]();
    expect(heard).toBe(3);
  });
});
