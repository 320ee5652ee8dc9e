/**
 * The legacy builder's step images share their configs' lists (images/shared.ts). What users see must not change:
 * each image's ID is the sha256 of its plain config JSON, inspect and history read the same after a snapshot and
 * restore, the cache still hits, and the snapshot of a long chain grows linearly with it.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { bufferIO } from '../core/io';
import { canonicalJSON } from '../images/config';
import { testEngine } from './testkit';

const MIXED = [
  'FROM busybox AS base',
  'ENV A=1 B=2',
  'LABEL l1=x "l 2"=y',
  'ENV A=3',
  'EXPOSE 80 443/udp',
  'VOLUME /data /logs',
  'ONBUILD RUN echo hi',
  'LABEL l1=z 5=five',
  'WORKDIR /app',
  'COPY a.txt .',
  'RUN echo $A > /f',
  'HEALTHCHECK --interval=5s CMD true',
  'USER nobody',
  'CMD ["sh"]',
  ...Array.from({ length: 90 }, (_, i) => `ENV V${i}=${i}\nLABEL k${i % 40}=v${i}\nEXPOSE ${1000 + (i % 30)}`),
  'ENV V3=changed',
  'FROM base',
  'USER root',
  'RUN echo two > /two',
].join('\n');

async function docker(engine: Engine, argv: string[]) {
  const io = bufferIO({ env: { DOCKER_BUILDKIT: '0' } });
  const code = await engine.run(argv, io);
  return { code, out: io.out, err: io.err };
}

/** inspect and history of every image, as the user reads them. */
async function views(engine: Engine): Promise<string[]> {
  const ids = (await docker(engine, ['image', 'ls', '-a', '-q', '--no-trunc'])).out.trim().split('\n');
  const out: string[] = [];
  for (const id of ids) out.push((await docker(engine, ['image', 'inspect', id])).out, (await docker(engine, ['history', '--no-trunc', id])).out);
  return out;
}

describe('Legacy builder step images with shared configs', () => {
  it('have the IDs of their plain config JSON, and read the same after a snapshot and restore', async () => {
    const t = testEngine({ Dockerfile: MIXED, 'a.txt': 'hello\n' });
    const first = await t.build({ builder: 'legacy', tags: ['mixed'] });
    expect(first.exitCode, first.err).toBe(0);
    const images = t.engine.images.all();
    expect(images.length).toBeGreaterThan(280);
    for (const rec of images) expect(rec.id).toBe('sha256:' + t.sha(canonicalJSON(JSON.parse(JSON.stringify(rec.config)))));
    const final = JSON.parse((await docker(t.engine, ['image', 'inspect', 'mixed'])).out)[0];
    expect(final.Config.Env).toContain('V3=changed');
    expect(final.Config.Env.filter((e: string) => e.startsWith('V'))).toHaveLength(90);
    expect(Object.keys(final.Config.Labels).slice(0, 3)).toEqual(['5', 'l1', 'l 2']);
    expect(final.Config.Labels.l1).toBe('z');
    expect(Object.keys(final.Config.ExposedPorts)).toHaveLength(32);

    const before = await views(t.engine);
    const restored = new Engine({ env: t.env, context: t.engine.context, snapshot: JSON.parse(JSON.stringify(t.engine.snapshot())) });
    expect(await views(restored)).toEqual(before);
    const again = await docker(restored, ['build', '-t', 'mixed', '.']);
    expect(again.code, again.err).toBe(0);
    expect(again.out.match(/ ---> Using cache/g)).toHaveLength(first.out.match(/^Step /gm)!.length - 2);
    expect(again.out).toContain(`Successfully built ${final.Id.slice(7, 19)}`);
  });

  it('are saved in snapshots in size linear in the number of steps', async () => {
    const size = async (n: number) => {
      const t = testEngine({ Dockerfile: ['FROM busybox', ...Array.from({ length: n }, (_, i) => `ENV V${i}=${i}`)].join('\n') });
      expect((await t.build({ builder: 'legacy', quiet: true })).exitCode).toBe(0);
      return JSON.stringify(t.engine.snapshot().images).length;
    };
    // Whole configs per image: four times the size for twice the steps.
    expect((await size(600)) / (await size(300))).toBeLessThan(2.3);
  });

  it('restore from damaged snapshots is refused as damaged, or reads without internal errors', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nENV A=1\nLABEL x=1 y=2\nEXPOSE 80\nENV B=2\nLABEL x=3\nCMD ["sh"]\n' });
    expect((await t.build({ builder: 'legacy', tags: ['small'] })).exitCode).toBe(0);
    const good = JSON.parse(JSON.stringify(t.engine.snapshot()));
    const shared = (good.images.images as { shared?: unknown }[]).map((x, i) => (x.shared ? i : -1)).filter((i) => i >= 0);
    expect(shared.length).toBe(6);
    let seed = 5;
    const pick = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const junk = [null, 0, -1, 99, 'x', [], {}, [['Env', 'l', 0, ['A=1']]], ['config', 's'], true];
    let refused = 0;
    for (let n = 0; n < 300; n++) {
      const snap = JSON.parse(JSON.stringify(good));
      let node: Record<string, unknown> | unknown[] = snap.images.images[shared[pick(shared.length)]];
      // Walk down a random path and replace what is there.
      for (let depth = 0; depth < 6; depth++) {
        const keys = Object.keys(node);
        const k = keys[pick(keys.length)];
        const next = (node as Record<string, unknown>)[k];
        if (typeof next !== 'object' || next === null || pick(3) === 0) {
          (node as Record<string, unknown>)[k] = junk[pick(junk.length)];
          break;
        }
        node = next as Record<string, unknown>;
      }
      let engine: Engine;
      try {
        engine = new Engine({ env: t.env, context: t.engine.context, snapshot: snap });
      } catch (e) {
        expect(String(e)).toMatch(/damaged snapshot/);
        refused++;
        continue;
      }
      for (const argv of [['image', 'ls', '-a'], ['history', 'small'], ['image', 'inspect', 'small']]) {
        const r = await docker(engine, argv);
        expect(typeof r.code).toBe('number');
        expect(r.err).not.toContain('internal error');
      }
      expect(() => JSON.stringify(engine.snapshot())).not.toThrow();
    }
    expect(refused).toBeGreaterThan(100);
  });
});
