/**
 * The volume store as `docker volume` shows it. Expected texts: testdata/engine-20.10-volumes.txt (a real Engine
 * 20.10) and moby's volume/service/errors.go for Engine 28 (`OpErr`: "<op> <name>: <err> - [refs]").
 */
import { describe, expect, it } from 'vitest';
import { testEnv } from '../core/env';
import { ANONYMOUS_LABEL, VolumeStore } from './store';

function store(users: Record<string, string[]> = {}) {
  return new VolumeStore(testEnv(), (name) => users[name] ?? []);
}

describe('VolumeStore', () => {
  it('creates a named volume once: the same name gives the existing volume back', () => {
    const s = store();
    const a = s.create('data', { labels: { a: 'b' } });
    expect(a.ok && a.value).toMatchObject({ Name: 'data', Driver: 'local', Scope: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Labels: { a: 'b' }, Options: null, Anonymous: false });
    expect(a.ok && a.value.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(s.create('opts', { options: { type: 'tmpfs' } }).ok && s.get('opts')?.Options).toEqual({ type: 'tmpfs' });
    const b = s.create('data');
    expect(b.ok && b.value).toBe(a.ok && a.value);
    expect(s.list().map((v) => v.Name)).toEqual(['data', 'opts']);
  });

  it('gives an anonymous volume a 64-hex name and the anonymous label', () => {
    const s = store();
    const r = s.create(undefined);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.Name).toMatch(/^[0-9a-f]{64}$/);
    expect(r.value.Anonymous).toBe(true);
    expect(r.value.Labels).toEqual({ [ANONYMOUS_LABEL]: '' });
  });

  it("refuses names the local driver refuses, in the daemon's words", () => {
    const r = store().create('bad name');
    expect(!r.ok && r.error.message).toBe(
      'create bad name: "bad name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    expect(store().create('x').ok).toBe(false);
  });

  it('lists by name and removes; a missing volume is an error unless forced', () => {
    const s = store();
    s.create('zeta');
    s.create('alpha');
    expect(s.list().map((v) => v.Name)).toEqual(['alpha', 'zeta']);
    expect(s.remove('alpha').ok).toBe(true);
    const missing = s.remove('nope');
    expect(!missing.ok && missing.error.message).toBe('get nope: no such volume');
    expect(s.remove('nope', true).ok).toBe(true);
  });

  it('keeps a volume a container uses, even with force: "volume is in use - [ids]"', () => {
    const id = 'a'.repeat(64);
    const s = store({ data: [id] });
    s.create('data');
    for (const force of [false, true]) {
      const r = s.remove('data', force);
      expect(!r.ok && r.error.message).toBe(`remove data: volume is in use - [${id}]`);
    }
    expect(s.get('data')).toBeDefined();
  });

  it('prunes unused anonymous volumes; with all, unused named ones too', () => {
    const users: Record<string, string[]> = {};
    const s = store(users);
    s.create('named');
    const used = s.create(undefined);
    const unused = s.create(undefined);
    if (!used.ok || !unused.ok) throw new Error('create failed');
    users[used.value.Name] = ['c'.repeat(64)];
    s.fs(unused.value.Name)!.writeFile('/f', 'abcdef\n');
    expect(s.prune()).toEqual({ names: [unused.value.Name], reclaimed: 7 });
    expect(s.prune({ all: true })).toEqual({ names: ['named'], reclaimed: 0 });
    expect(s.list().map((v) => v.Name)).toEqual([used.value.Name]);
  });

  it('keeps files and sizes through a snapshot, and drops what is damaged', () => {
    const s = store();
    s.create('data');
    s.fs('data')!.mkdirp('/sub');
    s.fs('data')!.writeFile('/sub/f', 'hello\n');
    expect(s.size('data')).toBe(6);
    const snap = JSON.parse(JSON.stringify(s.snapshot()));
    snap.volumes.push({ volume: { Name: '../etc' }, data: { entries: [] } }, { volume: null }, 'junk');
    const t = store();
    t.restore(snap);
    expect(t.list().map((v) => v.Name)).toEqual(['data']);
    expect(t.fs('data')!.readText('/sub/f')).toBe('hello\n');
    // Restored trees take writes again.
    t.fs('data')!.writeFile('/g', 'x');
    expect(t.size('data')).toBe(7);
    expect(t.isEmpty('data')).toBe(false);
  });
});
