import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { bufferIO } from '../engine/core/io';
import { testEnv } from '../engine/core/env';
import { createEngineWorld } from './engineWorld';
import { WEB_PING } from './curriculum';
import { evaluateLesson } from './runner';
import { lessonHarness } from './testHarness';

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

  it('sees containers as the engine keeps them: state, published ports, env, changes and logs', async () => {
    const engine = new Engine({ env: testEnv() });
    engine.registry.sleep = null;
    const world = createEngineWorld(engine, { files: () => ({}), quizScores: () => ({}) });
    expect(await engine.run(['run', '--name', 'box', '-p', '8080:80', '-e', 'A=1', 'busybox', 'sh', '-c', 'echo hi > /f; echo done'], bufferIO())).toBe(0);
    const [c] = world.containers();
    expect(c).toMatchObject({ name: 'box', image: 'busybox', state: 'exited', exitCode: 0, ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }], logs: 'done\n' });
    expect(c.env).toContain('A=1');
    expect(c.changes).toContainEqual({ kind: 'A', path: '/f' });
    world.dispose();
  });

  it('sees volumes with their files, mounts, networks, labels and the bind-mount host root', async () => {
    const h = lessonHarness({ 'input.txt': 'hi\n' });
    await h.run(['network', 'create', 'app-net']);
    await h.run(['pull', '-q', 'busybox']);
    const r = await h.run(['run', '--name', 'wr', '--network', 'app-net', '--label', 'team=a', '-v', 'notes:/data', '-v', '/workspace:/ws', 'busybox', 'sh', '-c', 'echo x > /data/n.txt; hostname > /ws/h.txt']);
    expect(r.err).toBe('');
    const [c] = h.world.containers();
    expect(c.mounts).toEqual([
      { type: 'volume', name: 'notes', source: '/var/lib/docker/volumes/notes/_data', destination: '/data' },
      { type: 'bind', source: '/workspace', destination: '/ws' },
    ]);
    expect(c.networks).toEqual(['app-net']);
    expect(c.labels).toEqual({ team: 'a' });
    expect(h.files()['h.txt']).toBe(c.hostname + '\n');
    expect(h.world.volumes()).toEqual([{ name: 'notes', anonymous: false, labels: {} }]);
    expect(h.world.volumeFile('notes', '/n.txt')).toBe('x\n');
    expect(h.world.volumeFile('notes', '/nope')).toBeNull();
    expect(h.world.networks().map((n) => [n.name, n.builtIn])).toEqual([['app-net', false], ['bridge', true], ['host', true], ['none', true]]);
    expect(h.world.hostRoot()).toBe('/workspace');
    h.world.dispose();
  });
});

describe('images the lessons see', () => {
  it('are those `docker image ls` lists: a legacy build’s intermediate images are not among them', async () => {
    const { testEngine } = await import('../engine/build/testkit');
    const { engine, build } = testEngine({ Dockerfile: 'FROM busybox\nENV A=1\nENV B=2\nENV C=3\n' });
    expect((await build({ builder: 'legacy', tags: ['envs'] })).exitCode).toBe(0);
    const world = createEngineWorld(engine, { files: () => ({}), quizScores: () => ({}) });
    const built = world.images().filter((i) => !i.pulled);
    expect(built.map((i) => i.tags)).toEqual([['envs:latest']]);
    expect(built[0].env).toEqual(expect.arrayContaining(['A=1', 'B=2', 'C=3']));
    // the intermediate images still exist (docker image ls -a)
    const all = engine.images.list().filter((s) => s.repoDigests.length === 0);
    expect(all.length).toBe(3);
    // and none of them counts as a <none> image for the lessons
    expect(world.images().some((i) => i.tags.length === 0)).toBe(false);
  });
});
