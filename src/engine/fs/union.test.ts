import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/sha256';
import { layerFromTree } from './tree';
import { UnionFs } from './union';
import { layerFromJSON, layerToJSON } from './serialize';
import { bytesText } from './node';

const base = () => layerFromTree(sha256Hex, { '/bin/busybox': { synthetic: 800_000, mode: 0o755 }, '/bin/sh': { symlink: 'busybox' }, '/etc/hostname': 'box\n', '/app/a/1.txt': 'one', '/app/a/2.txt': 'two' });

describe('UnionFs', () => {
  it('reads through layers and follows symlinks', () => {
    const fs = new UnionFs([base()]);
    expect(fs.stat('/bin/sh')?.path).toBe('/bin/busybox');
    expect(fs.lstat('/bin/sh')?.type).toBe('symlink');
    expect(fs.readdir('/app/a')).toEqual(['1.txt', '2.txt']);
    expect(fs.stat('/bin/busybox')?.size).toBe(800_000);
  });

  it('mkdirp creates every missing directory, however deep (WORKDIR /web-ping/application/src)', () => {
    const fs = new UnionFs([base()]);
    fs.mkdirp('/web-ping/application/src', { uid: 1000, gid: 1000 });
    expect(fs.stat('/web-ping/application/src')?.type).toBe('dir');
    expect(fs.stat('/web-ping')?.uid).toBe(1000);
    expect(() => fs.mkdir('/x/y/z')).toThrow('No such file or directory');
  });

  it('rm -rf writes whiteouts and mkdir after rm hides the old contents', () => {
    const fs = new UnionFs([base()]);
    fs.rm('/app/a', { recursive: true });
    expect(fs.exists('/app/a/1.txt')).toBe(false);
    fs.mkdirp('/app/a');
    fs.writeFile('/app/a/3.txt', 'three');
    expect(fs.readdir('/app/a')).toEqual(['3.txt']);
    const layer = fs.commit(sha256Hex);
    expect(layer.canonical(sha256Hex)).toContain('/app/a/.wh..wh..opq');
    const next = new UnionFs([base(), layer]);
    expect(next.readdir('/app/a')).toEqual(['3.txt']);
  });

  it('gives identical diffIds for identical changes and counts added/modified/removed', () => {
    const mk = () => {
      const fs = new UnionFs([base()]);
      fs.writeFile('/etc/hostname', 'web\n');
      fs.writeFile('/app/new.txt', 'new');
      fs.rm('/app/a/1.txt');
      return fs.commit(sha256Hex);
    };
    const a = mk(), b = mk();
    expect(a.diffId).toBe(b.diffId);
    expect(a.summary).toEqual({ added: 1, modified: 1, removed: 1 });
    expect(a.size).toBe(4 + 3);
  });

  it('mv, cp -r, chmod, chown, append', () => {
    const fs = new UnionFs([base()]);
    fs.cp('/app/a', '/srv', { recursive: true });
    expect(fs.readdir('/srv')).toEqual(['1.txt', '2.txt']);
    fs.mv('/srv/1.txt', '/srv/one.txt');
    expect(fs.readdir('/srv')).toEqual(['2.txt', 'one.txt']);
    fs.appendFile('/srv/one.txt', '!');
    expect(fs.readText('/srv/one.txt')).toBe('one!');
    fs.chmod('/srv/one.txt', 0o600);
    fs.chown('/srv', 1000, 1000, { recursive: true });
    expect(fs.stat('/srv/one.txt')).toMatchObject({ mode: 0o600, uid: 1000 });
    expect(() => fs.writeFile('/nope/x', 'x')).toThrow('No such file or directory');
  });

  it('round-trips a layer through JSON', () => {
    const fs = new UnionFs([base()]);
    fs.writeFile('/bin/app', new Uint8Array([0, 255, 1]));
    fs.writeFile('/big', { seed: 'x', size: 60_000_000 });
    fs.writeFile('/t.txt', 'héllo');
    const l = fs.commit(sha256Hex);
    const r = layerFromJSON(JSON.parse(JSON.stringify(layerToJSON(l))), sha256Hex);
    expect(r.diffId).toBe(l.diffId);
    const v = new UnionFs([base(), r]);
    expect([...v.readFile('/bin/app')]).toEqual([0, 255, 1]);
    expect(bytesText(v.readFile('/t.txt'))).toBe('héllo');
    expect(v.stat('/big')?.size).toBe(60_000_000);
  });
});
