// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { checkPickedFiles, importZip, readZipDirectory, type ImportProgress } from './zipImport';

function zipOf(n: number, size = 10): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++) files[`src/f${i}.txt`] = strToU8(`${i}`.padEnd(size, 'x'));
  return zipSync(files, { level: 6 });
}

describe('Importing a zip', () => {
  it('unpacks text and binary files, normalising paths and skipping unusable ones', async () => {
    const zip = zipSync({ 'a/Dockerfile': strToU8('FROM alpine\n'), 'a/logo.png': new Uint8Array([0, 1, 255]), '../evil': strToU8('x'), 'dir/': new Uint8Array() });
    const r = await importZip(zip);
    expect(r).toEqual({ ok: true, files: { 'a/Dockerfile': 'FROM alpine\n', 'a/logo.png': new Uint8Array([0, 1, 255]) } });
  });

  it('refuses a 10,000-file zip at once, from its directory, saying the limit', async () => {
    const zip = zipOf(10_000);
    expect(readZipDirectory(zip)).toMatchObject({ files: 10_000 });
    const t0 = performance.now();
    const r = await importZip(zip);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r).toEqual({ ok: false, error: { kind: 'too-many-files', count: 10_000, max: 5000 } });
  });

  it('streams a large import in many turns, reporting progress, and can be cancelled', async () => {
    const zip = zipOf(1500, 2000);
    const seen: ImportProgress[] = [];
    const r = await importZip(zip, { onProgress: (p) => seen.push(p), yieldToPage: async () => {}, workerBytes: 1000 });
    expect(r.ok && Object.keys(r.files).length).toBe(1500);
    expect(seen[0]).toEqual({ done: 0, total: 1500 }); // the total is said before the first entry is read
    expect(seen.at(-1)).toEqual({ done: 1500, total: 1500 });
    const abort = new AbortController();
    abort.abort();
    expect(await importZip(zip, { signal: abort.signal })).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });

  it('holds the size limits even when the directory understates them', async () => {
    const zip = zipSync({ big: new Uint8Array(3000), small: new Uint8Array(10) });
    expect(await importZip(zip, { limits: { maxFiles: 10, maxTotalBytes: 100_000, maxFileBytes: 2000 } })).toMatchObject({ ok: false, error: { kind: 'file-too-large', path: 'big' } });
    expect(await importZip(zip, { limits: { maxFiles: 10, maxTotalBytes: 2500, maxFileBytes: 100_000 } })).toMatchObject({ ok: false, error: { kind: 'too-large', size: 3010 } });
    // a lying directory (sizes patched to 0): the output is cut at the declared size, never more memory
    const lying = zip.slice();
    for (let i = 0; i + 4 <= lying.length; i++)
      if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2) lying.fill(0, i + 24, i + 28);
    const r = await importZip(lying, { limits: { maxFiles: 10, maxTotalBytes: 100_000, maxFileBytes: 2000 } });
    expect(r.ok && (r.files.big as Uint8Array).length).toBe(0);
  });

  it('says a file that is not a zip cannot be read', async () => {
    expect(await importZip(strToU8('hello'))).toMatchObject({ ok: false, error: { kind: 'unreadable' } });
  });

  it('checks picked files against the same limits', () => {
    expect(checkPickedFiles([{ name: 'a', size: 1 }])).toBeNull();
    expect(checkPickedFiles(Array.from({ length: 5001 }, (_, i) => ({ name: `f${i}`, size: 1 })))).toMatchObject({ kind: 'too-many-files', count: 5001 });
  });
});
