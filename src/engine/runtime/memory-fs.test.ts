import { describe, expect, it } from 'vitest';
import { applyFsChange, MemoryFs } from './memory-fs';
import { decodeText } from './fs-helpers';

describe('MemoryFs symlinks (the worker side of a container filesystem)', () => {
  it('follows a relative link that climbs with .. (node images: /usr/local/bin/npm -> ../lib/node_modules/npm/bin/npm-cli.js)', () => {
    const fs = MemoryFs.from([
      { path: '/usr/local/lib/node_modules/npm/bin/npm-cli.js', type: 'file', mode: 0o755, data: new TextEncoder().encode('#!layerlab npm\n') },
      { path: '/usr/local/bin/npm', type: 'symlink', mode: 0o777, target: '../lib/node_modules/npm/bin/npm-cli.js' },
      { path: '/usr/local/bin/nodejs', type: 'symlink', mode: 0o777, target: 'npm' },
      { path: '/usr/local/share', type: 'symlink', mode: 0o777, target: '../local/lib' },
    ]);
    expect(fs.stat('/usr/local/bin/npm')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(decodeText(fs.readFile('/usr/local/bin/npm')!)).toBe('#!layerlab npm\n');
    expect(fs.stat('/usr/local/bin/nodejs')?.type).toBe('file');
    expect(fs.readdir('/usr/local/share/node_modules')).toEqual(['npm']);
    expect(fs.lstat!('/usr/local/bin/npm')?.type).toBe('symlink');
  });
});

describe('MemoryFs synthetic files and owners (what package managers install)', () => {
  it('weighs a synthetic file without allocating it and carries it and owners to another fs as changes', () => {
    const worker = MemoryFs.from({ '/usr/bin/': '' });
    const host = MemoryFs.from({ '/usr/bin/': '' });
    worker.onChange = (c) => expect(applyFsChange(host, c)).toBeNull();
    expect(worker.writeSynthetic('/usr/bin/git', { seed: 'deb:git', size: 38_000_000 }, 0o755)).toBeNull();
    expect(worker.chown('/usr/bin/git', 1000, 1000)).toBeNull();
    for (const fs of [worker, host]) {
      expect(fs.stat('/usr/bin/git')).toMatchObject({ type: 'file', size: 38_000_000, mode: 0o755 });
      expect(fs.owner('/usr/bin/git')).toEqual({ uid: 1000, gid: 1000 });
    }
    // Reads are generated from the seed, capped like the union filesystem's, and the same on both sides.
    expect(host.readFile('/usr/bin/git')!.length).toBe(1 << 20);
    expect(host.readFile('/usr/bin/git')!.subarray(0, 16)).toEqual(worker.readFile('/usr/bin/git')!.subarray(0, 16));
    expect(MemoryFs.from(worker.snapshot()).stat('/usr/bin/git')?.size).toBe(38_000_000);
    worker.writeFile('/usr/bin/git', new TextEncoder().encode('small'));
    expect(host.stat('/usr/bin/git')?.size).toBe(5);
  });
});
