/** The container filesystem as the sandbox sees it: a worker's snapshot holds what reading the files would give. */
import { describe, expect, it } from 'vitest';
import { Layer } from './layer';
import { UnionFs } from './union';
import { snapshotFs, SNAPSHOT_BINARY_LIMIT } from '../runtime/worker-host';
import type { ProcessFs } from '../runtime/process';
import { unionProcessFs } from './process-fs';
import { applyFsChange, MemoryFs } from '../runtime/memory-fs';

function containerFs(): UnionFs {
  const fs = new UnionFs([], new Layer());
  fs.mkdirp('/usr/lib');
  fs.writeFile('/usr/lib/libbig.so', { seed: 'libbig', size: 3_000_000 }, { mode: 0o755 });
  fs.writeFile('/usr/lib/libsmall.so', { seed: 'libsmall', size: 40_000 });
  fs.writeFile('/usr/lib/tiny.so', { seed: 'tiny', size: 100 });
  fs.writeFile('/app.js', 'console.log(1)\n'.repeat(3000));
  fs.writeFile('/blob.bin', new Uint8Array(SNAPSHOT_BINARY_LIMIT + 10).fill(1));
  fs.symlink('libbig.so', '/usr/lib/libbig.so.1');
  return fs;
}

describe('unionProcessFs', () => {
  it('peeks at a file: its first bytes and the length readFile gives, also for generated binaries', () => {
    const pfs = unionProcessFs(containerFs());
    for (const path of ['/usr/lib/libbig.so', '/usr/lib/libsmall.so', '/usr/lib/tiny.so', '/app.js', '/blob.bin', '/usr/lib/libbig.so.1']) {
      const full = pfs.readFile(path)!;
      const peek = pfs.peekFile(path, 1024)!;
      expect(peek.length, path).toBe(full.length);
      expect([...peek.head], path).toEqual([...full.subarray(0, 1024)]);
    }
    expect(pfs.peekFile('/usr/lib', 10)).toBeNull();
    expect(pfs.peekFile('/missing', 10)).toBeNull();
  });

  it('gives a worker the same snapshot as reading every file would', () => {
    const pfs = unionProcessFs(containerFs());
    const readOnly: ProcessFs = { ...pfs };
    delete (readOnly as { peekFile?: unknown }).peekFile;
    const snap = snapshotFs(pfs);
    expect(snap).toEqual(snapshotFs(readOnly));
    expect(snap.find((e) => e.path === '/usr/lib/libbig.so')).toMatchObject({ omittedSize: 1 << 20, mode: 0o755 });
    expect(new TextDecoder().decode(snap.find((e) => e.path === '/app.js')!.data)).toBe('console.log(1)\n'.repeat(3000));
  });

  it("takes a worker's synthetic writes and owners into the layer as synthetic files (sizes kept, bytes not stored)", () => {
    const union = containerFs();
    union.mkdirp('/usr/bin');
    union.mkdirp('/home/app');
    const pfs = unionProcessFs(union);
    const worker = MemoryFs.from({ '/usr/bin/': '', '/home/app/': '' });
    worker.onChange = (c) => expect(applyFsChange(pfs, c)).toBeNull();
    worker.writeSynthetic('/usr/bin/curl', { seed: 'deb:curl', size: 300_000 }, 0o755);
    worker.chown('/home/app', 100, 101);
    expect(union.stat('/usr/bin/curl')).toMatchObject({ size: 300_000, mode: 0o755, synthetic: { seed: 'deb:curl', size: 300_000 } });
    expect([...pfs.readFile('/usr/bin/curl')!.subarray(0, 64)]).toEqual([...worker.readFile('/usr/bin/curl')!.subarray(0, 64)]);
    expect(union.stat('/home/app')).toMatchObject({ uid: 100, gid: 101 });
  });
});

describe('unionProcessFs with mounted trees', () => {
  function mounted(readOnly: boolean) {
    const root = containerFs();
    // The container makes missing mount points before it starts (containers/mounts.ts).
    root.mkdirp('/srv/data');
    const vol = new UnionFs([], new Layer());
    vol.writeFile('/kept.txt', 'in the volume\n');
    const told: string[] = [];
    const pfs = unionProcessFs(root, undefined, undefined, undefined, [{ target: '/srv/data', fs: vol, readOnly, onWrite: (p) => told.push(p) }]);
    return { root, vol, pfs, told };
  }

  it('serves paths under the mount point from the mounted tree and lists the mount point in its parent', () => {
    const { root, vol, pfs, told } = mounted(false);
    expect(pfs.stat('/srv/data')).toMatchObject({ type: 'dir' });
    expect(pfs.readdir('/srv')).toEqual(['data']);
    expect(pfs.readdir('/srv/data')).toEqual(['kept.txt']);
    expect(new TextDecoder().decode(pfs.readFile('/srv/data/kept.txt')!)).toBe('in the volume\n');
    expect(pfs.writeFile('/srv/data/new.txt', new TextEncoder().encode('x'))).toBeNull();
    expect(vol.readText('/new.txt')).toBe('x');
    expect(root.exists('/srv/data/new.txt')).toBe(false);
    expect(told).toEqual(['/new.txt']);
  });

  it('moves files across the mount boundary by copying (what mv does after EXDEV)', () => {
    const { root, vol, pfs } = mounted(false);
    expect(pfs.rename('/app.js', '/srv/data/app.js')).toBeNull();
    expect(root.exists('/app.js')).toBe(false);
    expect(vol.readText('/app.js')).toBe('console.log(1)\n'.repeat(3000));
  });

  it('refuses every write under a read-only mount with EROFS, and leaves the tree as it was', () => {
    const { vol, pfs, told } = mounted(true);
    const bytes = new TextEncoder().encode('x');
    expect(pfs.writeFile('/srv/data/new.txt', bytes)).toBe('EROFS');
    expect(pfs.mkdir('/srv/data/d')).toBe('EROFS');
    expect(pfs.rm('/srv/data/kept.txt')).toBe('EROFS');
    expect(pfs.rename('/srv/data/kept.txt', '/kept.txt')).toBe('EROFS');
    expect(pfs.chmod!('/srv/data/kept.txt', 0o600)).toBe('EROFS');
    expect(vol.readdir('/')).toEqual(['kept.txt']);
    expect(told).toEqual([]);
  });
});
