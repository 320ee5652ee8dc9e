import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { testEngine } from './testkit';

const legacyIO = () => bufferIO({ env: { DOCKER_BUILDKIT: '0' } });
const outcomes = (r: { record: { steps: { instruction: string; outcome: string; metadataOnly: boolean }[] } }) =>
  r.record.steps.filter((s) => !s.metadataOnly && s.instruction !== 'FROM').map((s) => `${s.instruction}:${s.outcome}`);

const WEB_PING = {
  Dockerfile: 'FROM diamol/node\n\nENV TARGET="blog.sixeyed.com" \\\n    METHOD="HEAD" \\\n    INTERVAL="3000"\n\nWORKDIR /web-ping\nCOPY app.js .\n\nCMD ["node", "/web-ping/app.js"]\n',
  'app.js': 'const https = require("https");\nconsole.log("pinging");\n',
};

const NODE_APP = {
  Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "server.js"]\n',
  'package.json': JSON.stringify({ name: 'web', version: '1.0.0', dependencies: { express: '^4.18.2' } }),
  'server.js': 'require("express")().listen(3000);\n',
};

describe('Build cache', () => {
  it('keeps npm install cached when only server.js changes', async () => {
    const t = testEngine(NODE_APP);
    const first = await t.build();
    expect(first.exitCode).toBe(0);
    expect(first.err).toMatch(/#\d+ \d\.\d{3} added \d+ packages in \ds/);
    t.setFiles({ ...NODE_APP, 'server.js': 'require("express")().listen(8080);\n' });
    const second = await t.build();
    expect(second.err).toMatch(/\[3\/5\] COPY package.json \.\/\n#\d+ CACHED/);
    expect(second.err).toMatch(/\[4\/5\] RUN npm install\n#\d+ CACHED/);
    expect(outcomes(second)).toEqual(['WORKDIR:cached', 'COPY:cached', 'RUN:cached', 'COPY:built']);
    const copy = second.record.steps.find((s) => s.name === 'COPY . .')!;
    expect(copy.reason).toEqual({ kind: 'files-changed', files: ['server.js'] });
  });

  it('web-ping: editing app.js rebuilds only COPY under BuildKit, COPY and CMD under the legacy builder', async () => {
    const t = testEngine(WEB_PING);
    await t.build({ tags: ['web-ping'] });
    t.setFiles({ ...WEB_PING, 'app.js': WEB_PING['app.js'] + '// v2\n' });
    const bk = await t.build({ tags: ['web-ping'] });
    expect(outcomes(bk)).toEqual(['WORKDIR:cached', 'COPY:built']);
    expect(bk.err).toContain('naming to docker.io/library/web-ping:latest done');

    const l = testEngine(WEB_PING);
    await l.build({ tags: ['web-ping'] }, legacyIO());
    l.setFiles({ ...WEB_PING, 'app.js': WEB_PING['app.js'] + '// v2\n' });
    const legacy = await l.build({ tags: ['web-ping'] }, legacyIO());
    expect(legacy.out).toMatch(/Step 3\/5 : WORKDIR \/web-ping\n ---> Using cache\n ---> [0-9a-f]{12}\nStep 4\/5 : COPY app.js .\n ---> [0-9a-f]{12}\nStep 5\/5 : CMD \["node", "\/web-ping\/app.js"\]\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged web-ping:latest\n$/);
    const steps = legacy.record.steps.map((s) => `${s.instruction}:${s.outcome}`);
    expect(steps).toEqual(['FROM:cached', 'ENV:cached', 'WORKDIR:cached', 'COPY:built', 'CMD:built']);
    expect(legacy.record.steps[4].reason).toEqual({ kind: 'parent-changed', line: 8, instruction: 'COPY app.js .' });
  });

  it('keeps the image ID on a fully cached rebuild (both builders)', async () => {
    for (const io of [() => bufferIO(), legacyIO]) {
      const t = testEngine(WEB_PING);
      const a = await t.build({}, io());
      t.env.clock.advance(3_600_000);
      const b = await t.build({}, io());
      expect(b.imageId).toBe(a.imageId);
      expect(b.record.steps.every((s) => s.outcome === 'cached')).toBe(true);
    }
  });

  it('ENV change: BuildKit misses at the next RUN but keeps COPY cached; legacy misses from the ENV line on', async () => {
    const df = (v: string) => `FROM alpine\nENV MODE=${v}\nCOPY app.js /app/\nRUN echo $MODE > /mode\n`;
    const t = testEngine({ Dockerfile: df('dev'), 'app.js': 'x' });
    await t.build();
    t.setFiles({ Dockerfile: df('prod'), 'app.js': 'x' });
    const bk = await t.build();
    expect(outcomes(bk)).toEqual(['COPY:cached', 'RUN:built']);
    expect(bk.record.steps.find((s) => s.instruction === 'RUN')!.reason).toEqual({ kind: 'env-changed', names: ['MODE'] });

    const l = testEngine({ Dockerfile: df('dev'), 'app.js': 'x' });
    await l.build({}, legacyIO());
    l.setFiles({ Dockerfile: df('prod'), 'app.js': 'x' });
    const legacy = await l.build({}, legacyIO());
    expect(legacy.record.steps.map((s) => s.outcome)).toEqual(['cached', 'built', 'built', 'built']);
    expect(legacy.record.steps[1].reason).toEqual({ kind: 'instruction-changed', previous: 'ENV MODE=dev' });
  });

  it('a changed --build-arg misses at the first RUN after its ARG', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nARG VERSION=1\nRUN echo building\nRUN echo $VERSION > /v\n' });
    await t.build({ buildArgs: { VERSION: '1' } });
    const r = await t.build({ buildArgs: { VERSION: '2' } });
    expect(outcomes(r)).toEqual(['RUN:built', 'RUN:built']);
    expect(r.record.steps[2].reason).toEqual({ kind: 'build-arg-changed', names: ['VERSION'] });
    const legacy = testEngine({ Dockerfile: 'FROM alpine\nARG VERSION=1\nRUN echo building\n' });
    await legacy.build({}, legacyIO());
    const io = legacyIO();
    const again = await legacy.build({ buildArgs: { VERSION: '2', UNUSED: 'x' } }, io);
    expect(again.record.steps.map((s) => s.outcome)).toEqual(['cached', 'cached', 'built']);
    expect(io.out).toContain('[Warning] One or more build-args [UNUSED] were not consumed\n');
  });

  it('ignores files excluded by .dockerignore', async () => {
    const files = { Dockerfile: 'FROM alpine\nCOPY . /src\n', '.dockerignore': 'logs\n*.md\n!README.md\n', 'a.txt': 'a', 'logs/x.log': '1', 'NOTES.md': 'n', 'README.md': 'r' };
    const t = testEngine(files);
    await t.build();
    t.setFiles({ ...files, 'logs/x.log': '2', 'NOTES.md': 'changed' });
    const r = await t.build();
    expect(outcomes(r)).toEqual(['COPY:cached']);
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readdir('/src')).toEqual(['.dockerignore', 'Dockerfile', 'README.md', 'a.txt']);
  });

  it('a chmod invalidates COPY, a touch (same bytes and mode) does not', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nCOPY run.sh /\n', 'run.sh': { content: 'echo hi\n', mode: 0o644 } });
    await t.build();
    t.setFiles({ Dockerfile: 'FROM alpine\nCOPY run.sh /\n', 'run.sh': { content: 'echo hi\n', mode: 0o644 } });
    expect(outcomes(await t.build())).toEqual(['COPY:cached']);
    t.setFiles({ Dockerfile: 'FROM alpine\nCOPY run.sh /\n', 'run.sh': { content: 'echo hi\n', mode: 0o755 } });
    const r = await t.build();
    expect(outcomes(r)).toEqual(['COPY:built']);
    expect(t.engine.images.rootfs(r.imageId!).stat('/run.sh')?.mode).toBe(0o755);
  });

  it('--no-cache rebuilds RUN and COPY with reason no-cache', async () => {
    const t = testEngine(NODE_APP);
    await t.build();
    const r = await t.build({ noCache: true });
    const run = r.record.steps.find((s) => s.instruction === 'RUN')!;
    expect(run.outcome).toBe('built');
    expect(run.reason).toEqual({ kind: 'no-cache' });
  });

  it('BuildKit builds only the stages the target needs; the legacy builder builds every stage up to it', async () => {
    const df = 'FROM alpine AS unused\nRUN echo never\n\nFROM alpine AS build\nRUN echo compiled > /out.txt\n\nFROM busybox\nCOPY --from=build /out.txt /\n';
    const t = testEngine({ Dockerfile: df });
    const bk = await t.build();
    expect(bk.err).not.toContain('echo never');
    expect(bk.err).toContain('[build 2/2] RUN echo compiled > /out.txt');
    expect(bk.err).toContain('[stage-2 2/2] COPY --from=build /out.txt /');
    expect(t.engine.images.rootfs(bk.imageId!).readText('/out.txt')).toBe('compiled\n');
    const l = testEngine({ Dockerfile: df });
    const legacy = await l.build({}, legacyIO());
    expect(legacy.out).toContain('Step 2/6 : RUN echo never');
  });

  it('survives snapshot/restore and is cleared by builder prune', async () => {
    const t = testEngine(NODE_APP);
    const a = await t.build();
    const { Engine } = await import('../engine');
    const restored = new Engine({ env: t.env, context: t.engine.context, snapshot: JSON.parse(JSON.stringify(t.engine.snapshot())) });
    const io = bufferIO();
    const b = await restored.build({ tags: ['app'], progress: 'plain' }, io);
    expect(b.imageId).toBe(a.imageId);
    expect(b.record.steps.filter((s) => !s.metadataOnly).every((s) => s.outcome === 'cached')).toBe(true);
    restored.buildService.prune(true);
    const c = await restored.build({ tags: ['app'], progress: 'plain' }, bufferIO());
    expect(c.record.steps.find((s) => s.instruction === 'RUN')!.outcome).toBe('built');
  });
});

describe('Build output', () => {
  it('prints a failing RUN in BuildKit and legacy words', async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nRUN exit 1\n' });
    const bk = await t.build();
    expect(bk.exitCode).toBe(1);
    expect(bk.err).toMatch(/#\d+ ERROR: process "\/bin\/sh -c exit 1" did not complete successfully: exit code: 1/);
    expect(bk.err).toContain('ERROR: process "/bin/sh -c exit 1" did not complete successfully: exit code: 1');
    expect(bk.err).toContain('Dockerfile:2\n--------------------\n   1 |     FROM busybox\n   2 | >>> RUN exit 1\n');
    expect(bk.err).toMatch(/ERROR: failed to build: failed to solve: process "\/bin\/sh -c exit 1" did not complete successfully: exit code: 1\n$/);
    const io = legacyIO();
    const legacy = await t.build({}, io);
    expect(legacy.exitCode).toBe(1);
    expect(io.out).toMatch(/Step 2\/2 : RUN exit 1\n ---> Running in [0-9a-f]{12}\n$/);
    expect(io.err).toBe("The command '/bin/sh -c exit 1' returned a non-zero code: 1\n");
  });

  it('reports commands missing from the image with the image shell and exit 127', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nRUN curl -fsSL https://example.com\n' });
    const r = await t.build();
    expect(r.err).toContain('/bin/sh: curl: not found');
    expect(r.err).toContain('exit code: 127');
  });

  it('reports missing COPY sources in each builder\'s words', async () => {
    const t = testEngine({ Dockerfile: 'FROM scratch\nCOPY main.c .\n' });
    const bk = await t.build();
    expect(bk.err).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]+::[a-z]+: "\/main.c": not found\n$/);
    const io = legacyIO();
    await t.build({}, io);
    expect(io.err).toBe('COPY failed: file not found in build context or excluded by .dockerignore: stat main.c: file does not exist\n');
  });

  it('requires a directory destination for several sources', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nCOPY a b /dest\n', a: '1', b: '2' });
    const r = await t.build();
    expect(r.err).toContain('When using COPY with more than one source file, the destination must be a directory and end with a /');
  });

  it('-q prints only the image ID', async () => {
    const t = testEngine(WEB_PING);
    const r = await t.build({ quiet: true });
    expect(r.out).toBe(r.imageId + '\n');
    expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.err).toBe('');
  });

  it('prints BuildKit tty output right-aligned to the terminal width', async () => {
    const t = testEngine(WEB_PING);
    const r = await t.build({ progress: 'tty' }, bufferIO({ columns: 80 }));
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\[\+\] Building \d+\.\ds \(8\/8\) FINISHED +docker:default$/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    const workdir = lines.find((l) => l.startsWith(' => [2/3] WORKDIR /web-ping'))!;
    expect(workdir).toMatch(/^ => \[2\/3\] WORKDIR \/web-ping +0\.0s$/);
    expect(workdir.length).toBe(80);
  });

  it('rejects --chmod in the legacy builder', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nCOPY --chmod=755 a /a\n', a: '1' });
    const io = legacyIO();
    await t.build({}, io);
    expect(io.err).toContain('the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
  });

  it('fails past 125 layers with max depth exceeded', async () => {
    const lines = ['FROM scratch'];
    for (let i = 0; i < 130; i++) lines.push(`COPY f${i % 3} /f${i}`);
    const t = testEngine({ Dockerfile: lines.join('\n') + '\n', f0: '0', f1: '1', f2: '2' });
    const r = await t.build();
    expect(r.err).toContain('max depth exceeded');
  });
});

describe('Build prediction', () => {
  it('predicts cached and rebuilt steps without executing', async () => {
    const t = testEngine(NODE_APP);
    await t.build();
    t.setFiles({ ...NODE_APP, 'package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.18.2', cors: '^2.8.5' } }) });
    const p = await t.engine.predictBuild({ tags: ['app'] });
    const rows = p.steps.filter((s) => !s.metadataOnly).map((s) => `${s.line} ${s.prediction}`);
    expect(rows).toEqual(['1 cached', '2 cached', '3 will-rebuild', '4 will-rebuild', '5 will-rebuild']);
    expect(p.steps.find((s) => s.line === 3)!.reason).toEqual({ kind: 'files-changed', files: ['package.json'] });
    expect(p.steps.find((s) => s.line === 4)!.reason).toEqual({ kind: 'parent-changed', line: 3, instruction: 'COPY package.json ./' });
    expect(t.engine.builds).toHaveLength(1);
  });
});

describe('BuildKit step names', () => {
  it('shows FROM as written, normalised, with the digest', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nRUN true\n' });
    const r = await t.build();
    expect(r.err).toMatch(/\[internal\] load metadata for docker\.io\/library\/alpine:latest\n/);
    expect(r.err).toMatch(/#\d+ \[1\/2\] FROM docker\.io\/library\/alpine@sha256:[0-9a-f]{64}\n/);
    t.setFiles({ Dockerfile: 'FROM alpine:3.20\nRUN true\n' });
    const tagged = await t.build();
    expect(tagged.err).toMatch(/#\d+ \[1\/2\] FROM docker\.io\/library\/alpine:3\.20@sha256:[0-9a-f]{64}\n/);
  });
});

describe('Image IDs and times (BuildKit)', () => {
  it('a LABEL-only change gives a new ID but keeps CREATED at the newest layer', async () => {
    const df = (v: string) => `FROM alpine\nRUN echo hi > /hi\nLABEL version=${v}\n`;
    const t = testEngine({ Dockerfile: df('1') });
    const a = await t.build();
    t.env.clock.advance(3_600_000);
    t.setFiles({ Dockerfile: df('2') });
    const b = await t.build();
    expect(b.imageId).not.toBe(a.imageId);
    expect(b.record.steps.find((s) => s.instruction === 'RUN')!.outcome).toBe('cached');
    expect(t.engine.images.get(b.imageId!)!.config.created).toBe(t.engine.images.get(a.imageId!)!.config.created);
  });
});
