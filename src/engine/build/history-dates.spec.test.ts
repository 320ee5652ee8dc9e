/**
 * When the rows of a BuildKit image's history were made (`docker history`'s CREATED, the image's `Created`), as
 * Engine 20.10's BuildKit dates them: the rows of metadata instructions (ENV, CMD, ...) are dated by the exporter
 * from the layers around them, never with the base image's date once the build made a layer.
 */
import { describe, expect, it } from 'vitest';
import { testEngine } from './testkit';
import { datedHistory } from './cache/buildkit';

const BASE = Date.UTC(2024, 8, 26);

async function historyOf(t: ReturnType<typeof testEngine>, ref = 'app') {
  const img = t.engine.images.get(ref)!;
  return { created: img.config.created, rows: img.config.history.map((h) => `${h.created} ${h.created_by ?? ''}`) };
}

describe('BuildKit history dates', () => {
  it('ENV before the first RUN, and CMD after it, take the RUN layer time, not the base image date', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nENV A=1\nRUN echo hi > /x\nCMD ["sh"]\n' });
    t.env.clock.advance(Date.UTC(2026, 0, 5, 10, 0, 0) - t.env.clock.now());
    await t.build();
    const h = await historyOf(t);
    const run = h.rows.find((r) => r.includes('RUN'))!.split(' ')[0];
    expect(run.startsWith('2026-01-05T10:00:')).toBe(true);
    expect(h.rows.slice(-3)).toEqual([`${run} ENV A=1`, `${run} RUN /bin/sh -c echo hi > /x # buildkit`, `${run} CMD ["sh"]`]);
    expect(h.created).toBe(run);
  });

  it('a cached RUN keeps its first time; metadata between it and a new RUN takes the new one, rows after a layer that layer', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nRUN echo a > /a\n' });
    t.env.clock.advance(Date.UTC(2026, 0, 5, 10, 0, 0) - t.env.clock.now());
    await t.build();
    const first = (await historyOf(t)).rows.at(-1)!.split(' ')[0];
    t.env.clock.advance(60_000);
    t.setFiles({ Dockerfile: 'FROM busybox\nRUN echo a > /a\nENV X=1\nRUN echo b > /b\nENV Y=1\n' });
    await t.build();
    const h = await historyOf(t);
    const second = h.rows.find((r) => r.includes('echo b'))!.split(' ')[0];
    expect(second > first).toBe(true);
    expect(h.rows.slice(-4).map((r) => r.split(' ')[0])).toEqual([first, second, second, second]);
    expect(h.created).toBe(second);
  });

  it('a build of metadata only dates its rows (and the image) as the base image', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nENV C=1\n' });
    t.env.clock.advance(Date.UTC(2026, 0, 5, 10, 0, 0) - t.env.clock.now());
    await t.build();
    const h = await historyOf(t);
    expect(h.rows.at(-1)!.startsWith(h.rows.at(-2)!.split(' ')[0] + ' ENV C=1')).toBe(true);
    expect(new Date(h.created).getTime()).toBe(BASE);
  });

  it('datedHistory: the exporter rule on its own', () => {
    const rows = (created: string[]) => created.map((c, i) => ({ created: c, created_by: String(i) }));
    expect(datedHistory(rows(['B', '', 'L1', '', 'L2', ''])).map((h) => h.created)).toEqual(['B', 'L1', 'L1', 'L1', 'L2', 'L2']);
    expect(datedHistory(rows(['B', 'L1', '', 'L2', ''])).map((h) => h.created)).toEqual(['B', 'L1', 'L2', 'L2', 'L2']);
    expect(datedHistory(rows(['B', 'L1', '', ''])).map((h) => h.created)).toEqual(['B', 'L1', 'L1', 'L1']);
  });
});
