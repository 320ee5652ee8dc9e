// @vitest-environment node
/** The build lessons (web-ping build, cache, node-app, BuildKit vs legacy, multi-stage) against the real engine. */
import { describe, expect, it } from 'vitest';
import { BUILDKIT_LEGACY, CACHE, MULTI_STAGE, NODE_APP, WEB_PING } from './curriculum';
import { CACHE_REORDERED_DOCKERFILE } from './workspaces';
import { lessonHarness } from './testHarness';

/** The harness with the legacy builder chosen the way a learner does it: DOCKER_BUILDKIT=0 in the client env. */
function setup(initial: Record<string, string>) {
  const h = lessonHarness(initial);
  return { ...h, run: (argv: string[], clientEnv: Record<string, string> = {}) => h.run(argv, { env: clientEnv }) };
}

describe('Build lessons against the real engine', () => {
  it('web-ping: build and list', async () => {
    const s = setup(WEB_PING.files);
    s.completed.push('pull', 'run-detached', 'logs', 'remove', 'env');
    const b = await s.run(['image', 'build', '--tag', 'web-ping', '.']);
    expect(b.code, b.err).toBe(0);
    s.advance(WEB_PING);
    expect(s.completed).toContain('build');
    expect((await s.run(['image', 'ls', 'web-ping'])).code).toBe(0);
    expect(s.advance(WEB_PING).done).toBe(false);
    expect((await s.run(['image', 'ls', 'w*'])).code).toBe(0);
    expect(s.advance(WEB_PING).done).toBe(true);
  });

  it('cache: all cached, a cascade, config only, the legacy rule, reorder, the gain, --no-cache', async () => {
    const s = setup(CACHE.files);
    for (const argv of CACHE.setup) expect((await s.run(argv)).code).toBe(0);
    expect(s.advance(CACHE).steps[0].status).toBe('current');
    await s.run(['image', 'build', '-t', 'web-ping', '.']);
    s.advance(CACHE);
    expect(s.completed).toEqual(['rebuild']);
    s.edit('app.js', s.files()['app.js'] + '// changed\n');
    const cascade = await s.run(['image', 'build', '-t', 'web-ping', '.']);
    expect(cascade.code, cascade.err).toBe(0);
    let ev = s.advance(CACHE);
    expect(s.completed, JSON.stringify(ev.steps) + cascade.out + cascade.err).toContain('change-app');
    const rebuiltBefore = s.world.builds().at(-1)!.steps.filter((x) => !x.metadataOnly && x.instruction !== 'FROM' && x.outcome === 'built').map((x) => x.name);
    expect(rebuiltBefore).toEqual(['COPY package.json app.js ./', 'RUN npm install']);
    s.edit('Dockerfile', s.files().Dockerfile.replace('CMD ["node", "/web-ping/app.js"]', 'CMD ["node", "app.js"]'));
    await s.run(['image', 'build', '-t', 'web-ping', '.']);
    ev = s.advance(CACHE);
    expect(s.completed, JSON.stringify(ev.steps)).toContain('config-only');
    await s.run(['image', 'build', '-t', 'web-ping', '.'], { DOCKER_BUILDKIT: '0' });
    s.edit('Dockerfile', s.files().Dockerfile.replace('INTERVAL="3000"', 'INTERVAL="5000"'));
    const legacy = await s.run(['image', 'build', '-t', 'web-ping', '.'], { DOCKER_BUILDKIT: '0' });
    expect(legacy.code, legacy.err).toBe(0);
    ev = s.advance(CACHE);
    expect(s.completed, JSON.stringify(ev.steps) + legacy.out).toContain('legacy-rule');
    s.edit('Dockerfile', CACHE_REORDERED_DOCKERFILE);
    await s.run(['image', 'build', '-t', 'web-ping', '.']);
    ev = s.advance(CACHE);
    expect(s.completed, JSON.stringify(ev.steps)).toContain('reorder');
    s.edit('app.js', s.files()['app.js'] + '// again\n');
    await s.run(['image', 'build', '-t', 'web-ping', '.']);
    ev = s.advance(CACHE);
    expect(s.completed, JSON.stringify(ev.steps)).toContain('verify');
    const rebuiltAfter = s.world.builds().at(-1)!.steps.filter((x) => !x.metadataOnly && x.instruction !== 'FROM' && x.outcome === 'built').map((x) => x.name);
    expect(rebuiltAfter).toEqual(['COPY app.js ./']);
    const nc = await s.run(['image', 'build', '--no-cache', '-t', 'web-ping', '.']);
    expect(nc.code, nc.err).toBe(0);
    expect(s.advance(CACHE).done, JSON.stringify(s.world.builds().at(-1)!.steps)).toBe(true);
  });

  it('node-app: RUN/EXPOSE, -p, rebuild after a change, package.json first, <none>, rmi refused, prune, inspect', async () => {
    const s = setup(NODE_APP.files);
    s.completed.push('interactive');
    const b1 = await s.run(['build', '-t', 'node-web:1', '.']);
    expect(b1.code, b1.err + b1.out).toBe(0);
    s.advance(NODE_APP);
    expect(s.completed).toContain('build');
    const r = await s.run(['run', '-d', '-p', '3000:80', '--name', 'app', 'node-web:1']);
    expect(r.code, r.err).toBe(0);
    s.advance(NODE_APP);
    expect(s.completed).toContain('publish');
    s.edit('server.js', s.files()['server.js'].replace('Hello from', 'Hi from'));
    await s.run(['build', '-t', 'node-web:2', '.']);
    await s.run(['rm', '-f', 'app']);
    await s.run(['run', '-d', '-p', '3000:80', '--name', 'app', 'node-web:2']);
    s.advance(NODE_APP);
    expect(s.completed).toContain('code-change');
    s.edit('Dockerfile', 'FROM node\n\nWORKDIR /app\n\nCOPY package.json package-lock.json /app/\n\nRUN npm install\n\nCOPY . /app\n\nEXPOSE 80\n\nCMD ["node", "server.js"]\n');
    await s.run(['build', '-t', 'node-web:3', '.']);
    s.edit('server.js', s.files()['server.js'] + '// more\n');
    const b3 = await s.run(['build', '-t', 'node-web:3', '.']);
    expect(b3.code).toBe(0);
    const ev = s.advance(NODE_APP);
    expect(s.completed, JSON.stringify(ev.steps) + b3.out + b3.err).toContain('package-first');
    expect((await s.run(['images'])).code).toBe(0);
    s.advance(NODE_APP);
    expect(s.completed).toContain('images');
    const rmi = await s.run(['rmi', 'node-web:2']);
    expect(rmi.code).not.toBe(0);
    s.advance(NODE_APP);
    expect(s.completed).toContain('rmi-in-use');
    expect((await s.run(['stop', 'app'])).code).toBe(0);
    expect((await s.run(['rmi', 'node-web:2'])).code).not.toBe(0);
    s.advance(NODE_APP);
    expect(s.completed).toContain('stopped-still-uses');
    await s.run(['rm', 'app']);
    const prune = await s.run(['image', 'prune', '-f']);
    expect(prune.code, prune.err).toBe(0);
    const ev2 = s.advance(NODE_APP);
    expect(s.completed, JSON.stringify(ev2.steps)).toContain('prune');
    expect((await s.run(['image', 'inspect', 'node-web:3'])).code).toBe(0);
    expect(s.advance(NODE_APP).done).toBe(true);
  });

  it('BuildKit keeps COPY cached after an ENV change; the legacy builder reruns it', async () => {
    const s = setup(BUILDKIT_LEGACY.files);
    const b = await s.run(['build', '-t', 'greet', '.']);
    expect(b.code, b.err + b.out).toBe(0);
    s.advance(BUILDKIT_LEGACY);
    expect(s.completed).toEqual(['bk-build']);
    s.edit('Dockerfile', s.files().Dockerfile.replace('"hello"', '"hi"'));
    await s.run(['build', '-t', 'greet', '.']);
    const ev = s.advance(BUILDKIT_LEGACY);
    expect(s.completed, JSON.stringify(ev.steps)).toContain('bk-env');
    // A cold legacy cache rebuilds everything, which is not the rule this step teaches.
    await s.run(['build', '-t', 'greet', '.'], { DOCKER_BUILDKIT: '0' });
    expect(s.advance(BUILDKIT_LEGACY).done).toBe(false);
    s.edit('Dockerfile', s.files().Dockerfile.replace('"hi"', '"hey"'));
    const l = await s.run(['build', '-t', 'greet', '.'], { DOCKER_BUILDKIT: '0' });
    expect(l.code, l.err).toBe(0);
    const ev2 = s.advance(BUILDKIT_LEGACY);
    expect(ev2.done, JSON.stringify(ev2.steps)).toBe(true);
  });

  it('multi-stage: stages and the final output', async () => {
    const s = setup(MULTI_STAGE.files);
    const b = await s.run(['build', '-t', 'multistage', '.']);
    expect(b.code, b.err + b.out).toBe(0);
    s.advance(MULTI_STAGE);
    expect(s.completed).toEqual(['build']);
    const r = await s.run(['run', 'multistage']);
    expect(r.out).toContain('Testing...');
    expect(s.advance(MULTI_STAGE).done).toBe(true);
  });
});
