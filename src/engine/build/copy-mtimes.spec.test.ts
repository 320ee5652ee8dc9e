/**
 * The modification times of copied context files, as a real Engine 20.10 keeps them (recorded with
 * `RUN stat -c "%n %y" ...` after `COPY a.txt /a.txt`, `COPY d /d`, `ADD a.txt /added.txt`, a.txt touched to
 * 2001-02-03 04:05:06.789 and d/b.txt to 2002-03-04 05:06:07.123): BuildKit keeps each file's time; the legacy
 * builder keeps whole seconds of it for ADD and for what a copied directory holds. The directory a COPY creates
 * takes the build's time. A host that does not know its files' times (the web workspace) gives them the build's.
 */
import { describe, expect, it } from 'vitest';
import { testEngine } from './testkit';

const A = Date.UTC(2001, 1, 3, 4, 5, 6, 789);
const B = Date.UTC(2002, 2, 4, 5, 6, 7, 123);
const DOCKERFILE = 'FROM busybox\nCOPY a.txt /a.txt\nCOPY d /d\nADD a.txt /added.txt\nRUN stat -c "%n %y" /a.txt /d /d/b.txt /added.txt\n';

async function stats(builder: 'buildkit' | 'legacy', files: Parameters<typeof testEngine>[0]) {
  const t = testEngine(files);
  t.env.clock.advance(Date.UTC(2026, 11, 7, 5, 24, 24, 430) - t.env.clock.now());
  const r = await t.build({ builder, noCache: true });
  expect(r.exitCode, r.err).toBe(0);
  // BuildKit's plain progress prefixes a RUN's lines with "#n 0.123 "
  const lines = (r.out + r.err).split('\n').map((l) => l.replace(/^#\d+ [\d.]+ /, ''));
  return lines.filter((l) => /^\/(a\.txt|d|d\/b\.txt|added\.txt) \d{4}-/.test(l));
}

describe('copied files keep their modification time', () => {
  const files = { Dockerfile: DOCKERFILE, 'a.txt': { content: 'hello\n', mtime: A }, 'd/b.txt': { content: 'x\n', mtime: B } };

  it('under BuildKit: every file its own time, the new directory the build time', async () => {
    expect(await stats('buildkit', files)).toEqual([
      '/a.txt 2001-02-03 04:05:06.789000000 +0000',
      expect.stringMatching(/^\/d 2026-12-07 05:24:\d\d\.\d{9} \+0000$/),
      '/d/b.txt 2002-03-04 05:06:07.123000000 +0000',
      '/added.txt 2001-02-03 04:05:06.789000000 +0000',
    ]);
  });

  it('under the legacy builder: whole seconds for ADD and inside a copied directory', async () => {
    expect(await stats('legacy', files)).toEqual([
      '/a.txt 2001-02-03 04:05:06.789000000 +0000',
      expect.stringMatching(/^\/d 2026-12-07 05:24:\d\d\.\d{9} \+0000$/),
      '/d/b.txt 2002-03-04 05:06:07.000000000 +0000',
      '/added.txt 2001-02-03 04:05:06.000000000 +0000',
    ]);
  });

  it('files whose time the host does not know get the build time', async () => {
    const lines = await stats('buildkit', { Dockerfile: DOCKERFILE, 'a.txt': 'hello\n', 'd/b.txt': 'x\n' });
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/ 2026-12-07 05:24:\d\d\.\d{9} \+0000$/);
  });
});
