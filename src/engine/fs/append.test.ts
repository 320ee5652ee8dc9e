/**
 * Appending to a file (`>>`, `fs.appendFile`) copies the added bytes, not the whole file each time: a RUN that
 * appends 64 KiB a thousand times stays linear. Measured in bytes copied, not wall time.
 */
import { describe, expect, it } from 'vitest';
import { Layer } from './layer';
import { UnionFs } from './union';
import { unionProcessFs } from './process-fs';
import { appendCopies } from './node';
import { MemoryFs } from '../runtime/memory-fs';
import { appendFile } from '../runtime/fs-helpers';
import type { ProcessFs } from '../runtime/process';

const CHUNK = 64 * 1024;
const TIMES = 1000;

function appendMany(fs: ProcessFs, path: string, size = CHUNK): number {
  const before = appendCopies.bytes;
  const chunk = new Uint8Array(size);
  for (let i = 0; i < TIMES; i++) {
    chunk.fill(i & 0xff);
    expect(appendFile(fs, path, chunk)).toBeNull();
  }
  return appendCopies.bytes - before;
}

function expectContent(fs: ProcessFs, path: string): void {
  const data = fs.readFile(path)!;
  expect(data.length).toBe(CHUNK * TIMES);
  for (const i of [0, 1, 499, 999]) expect([data[i * CHUNK], data[(i + 1) * CHUNK - 1]]).toEqual([i & 0xff, i & 0xff]);
}

describe('appending to a file', () => {
  it('copies a bounded multiple of the final size in a MemoryFs (the worker side)', () => {
    const fs = MemoryFs.from({ '/log': 'start\n' });
    const copied = appendMany(fs, '/log', 4096);
    expect(copied).toBeLessThan(3 * 4096 * TIMES);
    const data = fs.readFile('/log')!;
    expect(new TextDecoder().decode(data.subarray(0, 6))).toBe('start\n');
    expect(data.length).toBe(6 + 4096 * TIMES);
  });

  it('copies a bounded multiple of the final size in a container filesystem (union upper layer)', () => {
    const union = new UnionFs([], new Layer());
    const fs = unionProcessFs(union);
    const copied = appendMany(fs, '/f');
    expect(copied).toBeLessThan(3 * CHUNK * TIMES);
    expectContent(fs, '/f');
  });

  it('keeps files that share bytes apart: appending to one never shows in the other', () => {
    const union = new UnionFs([], new Layer());
    union.writeFile('/a', 'a');
    union.appendFile('/a', '1');
    union.cp('/a', '/b');
    union.appendFile('/a', '2');
    union.appendFile('/b', '3');
    union.appendFile('/a', '4');
    expect(union.readText('/a')).toBe('a124');
    expect(union.readText('/b')).toBe('a13');
  });

  it('keeps a committed layer as it was when the next layer appends', () => {
    const lower = new UnionFs([], new Layer());
    lower.writeFile('/log', 'one\n');
    lower.appendFile('/log', 'two\n');
    const sealed = lower.layers();
    const upper = new UnionFs(sealed, new Layer());
    upper.appendFile('/log', 'three\n');
    expect(new UnionFs(sealed, new Layer()).readText('/log')).toBe('one\ntwo\n');
    expect(upper.readText('/log')).toBe('one\ntwo\nthree\n');
  });

  it('reports the appended bytes alone to a worker host, which applies them to its filesystem', () => {
    const fs = MemoryFs.from({ '/x': 'ab' });
    const changes: unknown[] = [];
    fs.onChange = (c) => changes.push(c);
    fs.appendFile('/x', new TextEncoder().encode('cd'));
    expect(changes).toEqual([{ op: 'append', path: '/x', data: new TextEncoder().encode('cd') }]);
    expect(fs.appendFile('/', new Uint8Array(1))).toBe('EISDIR');
  });
});
