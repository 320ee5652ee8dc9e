import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { testEngine } from './testkit';

const legacyIO = () => bufferIO({ env: { DOCKER_BUILDKIT: '0' } });
const DF = (body: string) => `FROM diamol/node\n${body}\n`;
const WEB_PING = DF('ENV TARGET="blog.sixeyed.com"\nENV METHOD="HEAD"\nWORKDIR /web-ping\nCOPY app.js .\nCMD ["node", "/web-ping/app.js"]');

/** The prediction after an edit, as "line INSTRUCTION outcome reason". */
async function predictAfter(builder: 'legacy' | 'buildkit', dockerfile: string, files: Record<string, string> = {}) {
  const t = testEngine({ Dockerfile: WEB_PING, 'app.js': 'v1' });
  expect((await t.build({}, builder === 'legacy' ? legacyIO() : bufferIO())).exitCode).toBe(0);
  t.setFiles({ Dockerfile: dockerfile, 'app.js': 'v1', ...files });
  const p = await t.engine.predictBuild({ tags: ['app'], builder });
  return p.steps.filter((s) => s.instruction !== 'FROM').map((s) => ({ line: s.line, ins: s.instruction, prediction: s.prediction, reason: s.reason }));
}

describe('Why a step misses the cache (legacy builder)', () => {
  it('an edited instruction: "instruction changed"; the ones above it: their parent changed at that line', async () => {
    const p = await predictAfter('legacy', WEB_PING.replace('blog.sixeyed.com', 'example.com'));
    expect(p[0].reason).toEqual({ kind: 'instruction-changed', previous: 'ENV TARGET="blog.sixeyed.com"' });
    const workdir = p.find((s) => s.ins === 'WORKDIR')!;
    expect(workdir.prediction).toBe('will-rebuild');
    expect(workdir.reason).toEqual({ kind: 'parent-changed', line: 2, instruction: 'ENV TARGET="example.com"' });
  });

  it('a moved instruction whose text did not change: its parent changed (moved), not its instruction', async () => {
    // WORKDIR moved below FROM: its text is the same, but it never ran on top of FROM before
    const p = await predictAfter('legacy', DF('WORKDIR /web-ping\nENV TARGET="blog.sixeyed.com"\nENV METHOD="HEAD"\nCOPY app.js .\nCMD ["node", "/web-ping/app.js"]'));
    expect(p[0]).toMatchObject({ ins: 'WORKDIR', prediction: 'will-rebuild', reason: { kind: 'parent-changed', line: 1, instruction: 'FROM diamol/node', moved: true } });
    expect(p[1].reason).toEqual({ kind: 'parent-changed', line: 2, instruction: 'WORKDIR /web-ping' });
  });

  it('a changed file: "files changed" names it; the instruction after it: parent changed', async () => {
    const p = await predictAfter('legacy', WEB_PING, { 'app.js': 'v2' });
    expect(p.find((s) => s.ins === 'WORKDIR')!.prediction).toBe('cached');
    expect(p.find((s) => s.ins === 'COPY')!.reason).toEqual({ kind: 'files-changed', files: ['app.js'] });
    expect(p.find((s) => s.ins === 'CMD')!.reason).toEqual({ kind: 'parent-changed', line: 5, instruction: 'COPY app.js .' });
  });
});

describe('Why a step misses the cache (BuildKit)', () => {
  it('an ENV edit keeps WORKDIR and COPY cached: config-only instructions are not cache-checked', async () => {
    const p = await predictAfter('buildkit', WEB_PING.replace('blog.sixeyed.com', 'example.com'));
    expect(p.map((s) => `${s.ins}:${s.prediction}`)).toEqual(['ENV:metadata', 'ENV:metadata', 'WORKDIR:cached', 'COPY:cached', 'CMD:metadata']);
  });

  it('a RUN moved above another: parent changed (moved), naming the instruction now below it', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nRUN echo a > /a\nRUN echo b > /b\n' });
    await t.build();
    t.setFiles({ Dockerfile: 'FROM busybox\nRUN echo b > /b\nRUN echo a > /a\n' });
    const p = await t.engine.predictBuild({ tags: ['app'], builder: 'buildkit' });
    expect(p.steps[1].reason).toEqual({ kind: 'parent-changed', line: 1, instruction: 'FROM busybox', moved: true });
  });

  it('--no-cache: WORKDIR before any rebuilt step stays cached, a WORKDIR after a rerun RUN runs again (as Engine 20.10 does)', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nWORKDIR /app\nRUN echo hi > f\nWORKDIR /app/sub\n' });
    await t.build();
    const r = await t.build({ noCache: true });
    const steps = r.record.steps.filter((s) => s.instruction !== 'FROM').map((s) => `${s.name.replace(/^\[[^\]]*\] /, '')}:${s.outcome}`);
    expect(steps).toEqual(['WORKDIR /app:cached', 'RUN echo hi > f:built', 'WORKDIR /app/sub:built']);
    expect(r.err).toMatch(/\[4\/4\] WORKDIR \/app\/sub\n#\d+ DONE/);
  });

  it('WORKDIR three directories deep builds (each missing directory is created)', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nWORKDIR /web-ping/application/src\nRUN pwd\n' });
    const r = await t.build();
    expect(r.exitCode, r.err).toBe(0);
    expect(r.err).toMatch(/#\d+ 0\.\d+ \/web-ping\/application\/src/);
  });
});
