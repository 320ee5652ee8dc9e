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

  it('survives slices that are not objects at all', () => {
    for (const junk of [null, 7, 'x', [], { containers: 'no' }]) {
      const e = new Engine({ env: testEnv(), snapshot: { version: 1, containers: junk, registry: junk } as EngineSnapshot });
      expect(e.containers.list()).toEqual([]);
      expect(() => JSON.stringify(e.snapshot())).not.toThrow();
    }
  });
});
