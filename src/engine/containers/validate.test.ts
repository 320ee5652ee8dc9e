import { describe, expect, it } from 'vitest';
import { Engine, type EngineSnapshot } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO } from '../core/io';

async function engineWithContainer() {
  const e = new Engine({ env: testEnv() });
  e.registry.sleep = null;
  await e.run(['run', '--name', 'one', 'alpine', 'touch', '/x'], bufferIO());
  await e.run(['login', '-u', 'alice', '-p', 'pw'], bufferIO());
  return e;
}

describe('Restoring damaged container and registry state', () => {
  it('keeps the good records, drops the broken ones, and every command still answers', async () => {
    const good = JSON.parse(JSON.stringify((await engineWithContainer()).snapshot()));
    const damaged = JSON.parse(JSON.stringify(good));
    damaged.containers.containers.push({ id: 'nope' }, null, 42, { ...good.containers.containers[0], id: 'f'.repeat(64), name: 'two', state: { Status: 'zzz', ExitCode: 'x' }, upper: { entries: [[1, 2], ['/y', { t: 'file', s: 'big' }]] } });
    damaged.containers.containers[0].logs = { not: 'an array' };
    damaged.registry = { login: { username: 5 }, repos: [['docker.io/alice/x', [['v1', { digest: 1 }]]], 'junk'], blobs: [{}, null] };
    const e = new Engine({ env: testEnv(), snapshot: damaged });
    const names = e.containers.list().map((c) => c.name).sort();
    expect(names).toEqual(['one', 'two']);
    for (const argv of [['ps', '-a'], ['logs', 'one'], ['diff', 'two'], ['container', 'inspect', 'two'], ['pull', 'alice/x:v1'], ['search', 'x']]) {
      const io = bufferIO();
      const code = await e.run(argv, io);
      expect(io.err).not.toContain('internal error');
      expect(typeof code).toBe('number');
    }
    expect(e.registry.username).toBeUndefined();
    expect(() => JSON.stringify(e.snapshot())).not.toThrow();
  });

  it('keeps well-formed mount points and tmpfs trees, drops the rest, and volumes still answer', async () => {
    const e = new Engine({ env: testEnv() });
    e.registry.sleep = null;
    await e.run(['run', '-d', '--name', 'vm', '-v', 'data:/data', '--tmpfs', '/t', 'busybox', 'sh', '-c', 'echo a > /t/a; sleep 100'], bufferIO());
    const snap = JSON.parse(JSON.stringify(e.snapshot()));
    const rec = snap.containers.containers[0];
    rec.mounts.push({ Type: 'nfs', Destination: '/x' }, { Type: 'volume', Destination: 'relative', Name: 'v' }, { Type: 'volume', Destination: '/n' }, 'junk');
    rec.tmpfs['relative'] = rec.tmpfs['/t'];
    rec.hostConfig.Mounts = [{ Type: 'volume', Target: 5 }];
    snap.volumes = { volumes: [snap.volumes.volumes[0], { volume: { Name: 'x y' }, data: { entries: [] } }, 7] };
    const r = new Engine({ env: testEnv(), snapshot: snap });
    const c = r.containers.get('vm')!;
    expect(c.mounts?.map((m) => m.Destination)).toEqual(['/data']);
    expect(Object.keys(c.tmpfs ?? {})).toEqual(['/t']);
    expect(c.hostConfig.Mounts).toBeNull();
    expect(r.volumes.list().map((v) => v.Name)).toEqual(['data']);
    const io = bufferIO();
    expect(await r.run(['exec', 'vm', 'cat', '/t/a'], io)).toBe(0);
    expect(io.out).toBe('a\n');
  });

  it('survives slices that are not objects at all', () => {
    for (const junk of [null, 7, 'x', [], { containers: 'no' }]) {
      const e = new Engine({ env: testEnv(), snapshot: { version: 1, containers: junk, registry: junk } as EngineSnapshot });
      expect(e.containers.list()).toEqual([]);
      expect(() => JSON.stringify(e.snapshot())).not.toThrow();
    }
  });
});
