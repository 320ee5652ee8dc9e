import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { bufferIO } from '../engine/core/io';
import { createEngineWorld } from './engineWorld';
import { WEB_PING } from './curriculum';
import { evaluateLesson } from './runner';

describe('Engine adapter', () => {
  it('records commands with canonical names and exit codes, and sees pulled images', async () => {
    const engine = new Engine();
    const world = createEngineWorld(engine, { files: () => ({}), quizScores: () => ({}) });
    let records = 0;
    world.onRecord(() => records++);
    const io = bufferIO();
    const code = await engine.run(['image', 'pull', 'diamol/ch03-web-ping'], io);
    expect(world.commands()).toHaveLength(1);
    expect(world.commands()[0]).toMatchObject({ command: 'image pull', args: ['diamol/ch03-web-ping'], exitCode: code });
    expect(records).toBe(1);
    if (code === 0) {
      const img = world.images().find((i) => i.tags.includes('diamol/ch03-web-ping:latest'));
      expect(img?.layers.length).toBeGreaterThan(1);
      expect(evaluateLesson(WEB_PING, world, []).newlyCompleted).toContain('pull');
    }
    await engine.run(['images', '--nope'], bufferIO());
    expect(world.commands()[1]).toMatchObject({ command: 'image ls', exitCode: 125 });
    world.dispose();
    await engine.run(['version'], bufferIO());
    expect(world.commands()).toHaveLength(2);
  });
});
