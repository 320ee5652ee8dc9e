import { describe, expect, it } from 'vitest';
import { MemoryFs } from './memory-fs';
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
