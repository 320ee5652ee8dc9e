import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { alpineTree, baseConfig } from '../images/base-images';
import { testEngine } from './testkit';

type Files = Record<string, string | { content: string; mode?: number }>;

/** A context big enough for the rebuild shortcut (64+ copied items), with nested dirs and an executable. */
function context(legacy: boolean): Files {
  const flags = legacy ? '--chown=nobody' : '--chown=nobody --chmod=640';
  const f: Files = { Dockerfile: `FROM alpine\nWORKDIR /app\nCOPY . .\nCOPY ${flags} src/ /data/\nRUN ls src > /dev/null\n` };
  for (let i = 0; i < 120; i++) f[`src/d${i % 6}/f${i}.txt`] = `file ${i}\n`;
  f['bin/run.sh'] = { content: '#!/bin/sh\necho hi\n', mode: 0o755 };
  return f;
}

const layerOf = (r: { record: { steps: { name: string; layer?: unknown; changes?: unknown }[] } }, name: string) => {
  const s = r.record.steps.find((x) => x.name === name)!;
  return { layer: s.layer, changes: s.changes };
};

describe('COPY rebuild', () => {
  const edits: [string, (f: Files) => Files][] = [
    ['an edited file', (f) => ({ ...f, 'src/d1/f1.txt': 'edited\n' })],
    ['a mode change', (f) => ({ ...f, 'src/d2/f2.txt': { content: 'file 2\n', mode: 0o600 } })],
    ['an added file', (f) => ({ ...f, 'src/d3/new.txt': 'new\n' })],
    ['a removed file', (f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'src/d4/f4.txt'))],
    ['edits, a mode change, an addition and a removal at once', (f) => ({ ...Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'src/d0/f0.txt')), 'src/d1/f7.txt': 'x', 'bin/run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o700 }, 'src/d5/z.txt': 'z' })],
  ];
  for (const legacy of [false, true]) {
    for (const [what, edit] of edits) {
      it(`${legacy ? 'legacy' : 'BuildKit'}: after ${what}, a rebuilt COPY layer equals one built from scratch`, async () => {
        const io = () => (legacy ? bufferIO({ env: { DOCKER_BUILDKIT: '0' } }) : bufferIO());
        const v1 = context(legacy);
        const v2 = edit(v1);
        const warm = testEngine(v1);
        expect((await warm.build({}, io())).exitCode).toBe(0);
        // Same shape twice (unchanged rebuild, then the edit), so the second build takes any shortcut a rebuild has.
        warm.setFiles({ ...v1, 'src/d0/f0.txt': 'touched\n' });
        expect((await warm.build({}, io())).exitCode).toBe(0);
        warm.setFiles(v2);
        const rebuilt = await warm.build({}, io());
        const fresh = testEngine(v2);
        const scratch = await fresh.build({}, io());
        expect(rebuilt.exitCode).toBe(0);
        expect(scratch.exitCode).toBe(0);
        for (const name of ['COPY . .', `COPY ${legacy ? '--chown=nobody' : '--chown=nobody --chmod=640'} src/ /data/`]) {
          const a = layerOf(rebuilt, name);
          const b = layerOf(scratch, name);
          expect(a.layer).toBeDefined();
          expect(a).toEqual(b);
        }
        // Image ids include creation times, which differ between the two engines; the layer stacks must not.
        const diffIds = (t: typeof warm, id: string) => t.engine.images.get(id)!.config.rootfs.diff_ids;
        expect(diffIds(warm, rebuilt.record.imageId!)).toEqual(diffIds(fresh, scratch.record.imageId!));
        const copy = rebuilt.record.steps.find((s) => s.name === 'COPY . .')!;
        expect(copy.outcome).toBe('built');
      });
    }
  }
});

describe('Build cache on a big context', () => {
  it('re-hashes only what a one-file edit changed: the file, a piece of the COPY checksum and of the layer diffId', async () => {
    const env = testEnv();
    let hashed = 0;
    const sha256 = (d: Uint8Array | string) => {
      hashed += typeof d === 'string' ? d.length : d.byteLength;
      return env.sha256(d);
    };
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\nWORKDIR /app\nCOPY . .\n' };
    for (let i = 0; i < 1000; i++) files[`src/d${i % 10}/file${i}.txt`] = `contents of file ${i} `.repeat(40);
    const engine = new Engine({ env: { ...env, sha256 }, context: memoryContext(files) });
    engine.images.importImage({ refs: ['alpine:latest'], layers: [alpineTree()], config: baseConfig(['/bin/sh']) });
    expect((await engine.build({ tags: ['big'] }, bufferIO())).exitCode).toBe(0);
    hashed = 0;
    expect((await engine.build({ tags: ['big'] }, bufferIO())).exitCode).toBe(0);
    const unchanged = hashed;
    engine.context = memoryContext({ ...files, 'src/d7/file7.txt': 'edited\n' });
    hashed = 0;
    const io = bufferIO();
    const r = await engine.build({ tags: ['big'], progress: 'plain' }, io);
    expect(r.exitCode).toBe(0);
    expect(io.err).toMatch(/#\d+ \[3\/3\] COPY \. \.\n/);
    expect(r.record.steps.find((s) => s.name === 'COPY . .')).toMatchObject({ outcome: 'built', reason: { kind: 'files-changed', files: ['src/d7/file7.txt'] } });
    // The context is ~0.8 MB and its COPY listing ~150 kB: a rebuild that hashed either again would show here.
    expect(unchanged).toBeLessThan(20_000);
    expect(hashed).toBeLessThan(40_000);
    // The patched layer is the layer a fresh engine builds from the edited context.
    const fresh = new Engine({ env: testEnv(), context: memoryContext({ ...files, 'src/d7/file7.txt': 'edited\n' }) });
    fresh.images.importImage({ refs: ['alpine:latest'], layers: [alpineTree()], config: baseConfig(['/bin/sh']) });
    const scratch = await fresh.build({ tags: ['big'] }, bufferIO());
    const diffIds = (e: Engine, id: string) => e.images.get(id)!.config.rootfs.diff_ids;
    expect(diffIds(engine, r.record.imageId!)).toEqual(diffIds(fresh, scratch.record.imageId!));
    const copy = (x: typeof r) => x.record.steps.find((s) => s.name === 'COPY . .')!;
    expect(copy(r).layer).toEqual(copy(scratch).layer);
  });
});
