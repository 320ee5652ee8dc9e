import { describe, expect, it } from 'vitest';
import { compareResults, diffAgainstBase, parseBuildKitSteps, parseClassicSteps, parseTar } from './harness';
import type { BuildResult } from './scenarios/types';

describe('reading build transcripts', () => {
  it('reads BuildKit plain output, cached steps printed out of order, FROM not compared', () => {
    const out = [
      '#4 [1/4] FROM docker.io/library/busybox',
      '#4 DONE 0.0s',
      '#8 [internal] load build context',
      '#8 DONE 0.0s',
      '#6 [3/4] RUN echo hi > /b.txt',
      '#6 CACHED',
      '#5 [2/4] COPY a.txt /app/',
      '#5 CACHED',
      '#7 [4/4] WORKDIR /app',
      '#7 DONE 0.1s',
      '#9 exporting to image',
    ].join('\n');
    expect(parseBuildKitSteps(out)).toEqual([
      { name: '[1/4] FROM', cached: null },
      { name: '[2/4] COPY a.txt /app/', cached: true },
      { name: '[3/4] RUN echo hi > /b.txt', cached: true },
      { name: '[4/4] WORKDIR /app', cached: false },
    ]);
  });

  it('reads named stages', () => {
    const out = '#3 [build 1/2] FROM docker.io/library/busybox@sha256:abc\n#5 [build 2/2] RUN x\n#5 DONE 1s\n#6 [stage-2 2/2] COPY --from=build /o /f\n#6 CACHED\n';
    expect(parseBuildKitSteps(out).map((s) => s.name)).toEqual(['[build 1/2] FROM', '[build 2/2] RUN x', '[stage-2 2/2] COPY --from=build /o /f']);
  });

  it('reads the classic builder transcript', () => {
    const out = 'Step 1/3 : FROM busybox\n ---> 30c736e74c9f\nStep 2/3 : ENV A=1\n ---> Using cache\n ---> 3cee98fc5420\nStep 3/3 : RUN  echo   hi\n ---> Running in a7\n';
    expect(parseClassicSteps(out)).toEqual([
      { name: 'Step 1/3 : FROM', cached: null },
      { name: 'Step 2/3 : ENV A=1', cached: true },
      { name: 'Step 3/3 : RUN echo hi', cached: false },
    ]);
  });
});

describe('image files', () => {
  const header = (name: string, type: string, mode: number, size: number, link = '') => {
    const h = new Uint8Array(512);
    const put = (s: string, o: number) => h.set(new TextEncoder().encode(s), o);
    put(name, 0);
    put(mode.toString(8).padStart(7, '0'), 100);
    put(size.toString(8).padStart(11, '0'), 124);
    put(type, 156);
    put(link, 157);
    return h;
  };
  it('parses a tar stream and ignores container-only paths', () => {
    const data = new TextEncoder().encode('hi\n');
    const block = new Uint8Array(512);
    block.set(data);
    const tar = new Uint8Array([...header('.dockerenv', '0', 0o755, 0), ...header('app/', '5', 0o755, 0), ...header('app/a.txt', '0', 0o644, 3), ...block, ...header('bin/sh', '2', 0o777, 0, 'busybox'), ...new Uint8Array(1024)]);
    const entries = parseTar(tar);
    expect(entries.map((e) => [e.path, e.type, e.mode, e.target])).toEqual([
      ['/app', 'dir', '755', undefined],
      ['/app/a.txt', 'file', '644', undefined],
      ['/bin/sh', 'symlink', '777', 'busybox'],
    ]);
  });

  it('diffs against the base: new paths, changed files, removed paths; old dirs ignored', () => {
    const base = [
      { path: '/etc', type: 'dir' as const, mode: '755' },
      { path: '/etc/group', type: 'file' as const, mode: '644', sha: 'a' },
      { path: '/etc/passwd', type: 'file' as const, mode: '644', sha: 'b' },
    ];
    const img = [
      { path: '/etc', type: 'dir' as const, mode: '700' },
      { path: '/etc/group', type: 'file' as const, mode: '644', sha: 'c' },
      { path: '/new', type: 'file' as const, mode: '644', sha: 'd' },
    ];
    expect(diffAgainstBase(base, img)).toEqual({ files: [img[1], img[2]], removed: ['/etc/passwd'] });
  });
});

describe('comparing results', () => {
  const r = (over: Partial<BuildResult>): BuildResult => ({ scenario: 's', builder: 'buildkit', index: 0, note: '', ok: true, steps: [], files: [], removed: [], ...over });
  it('reports cache disagreements but not FROM status', () => {
    const o = r({ steps: [{ name: '[1/2] FROM', cached: null }, { name: '[2/2] RUN x', cached: true }] });
    const l = r({ steps: [{ name: '[1/2] FROM', cached: true }, { name: '[2/2] RUN x', cached: false }] });
    expect(compareResults(o, l)).toEqual([{ what: 'cache', detail: '[2/2] RUN x: docker CACHED, Layerlab built' }]);
    expect(compareResults(o, o)).toEqual([]);
    // A FROM line present on one side only (BuildKit merges identical FROMs) is not a disagreement.
    expect(compareResults(o, r({ steps: [{ name: '[1/2] FROM', cached: false }, { name: '[stage-1 1/2] FROM', cached: false }, { name: '[2/2] RUN x', cached: true }] }))).toEqual([]);
  });
  it('compares BuildKit steps of parallel stages in any order, classic steps in order', () => {
    const a = { name: '[build 2/2] RUN x', cached: false };
    const b = { name: '[stage-1 2/2] COPY --from=build /x /x', cached: false };
    expect(compareResults(r({ steps: [b, a] }), r({ steps: [a, b] }))).toEqual([]);
    expect(compareResults(r({ steps: [b, a] }), r({ steps: [a, { ...b, cached: true }] }))).toEqual([
      { what: 'cache', detail: '[stage-1 2/2] COPY --from=build /x /x: docker built, Layerlab CACHED' },
    ]);
    const c1 = { name: 'Step 2/3 : RUN x', cached: false };
    const c2 = { name: 'Step 3/3 : RUN y', cached: false };
    expect(compareResults(r({ builder: 'classic', steps: [c2, c1] }), r({ builder: 'classic', steps: [c1, c2] }))[0]?.what).toBe('steps');
  });
  it('reports a build that fails on one side only', () => {
    expect(compareResults(r({}), r({ ok: false, error: 'boom' }))[0].what).toBe('outcome');
  });
  it('compares the exit code of a failed RUN across builders\' wordings', () => {
    const docker = r({ ok: false, error: 'executor failed running [/bin/sh -c /s.sh]: exit code: 126' });
    expect(compareResults(docker, r({ ok: false, error: 'process "/bin/sh -c /s.sh" did not complete successfully: exit code: 126' }))).toEqual([]);
    expect(compareResults(r({ builder: 'classic', ok: false, error: "The command '/bin/sh -c /s.sh' returned a non-zero code: 126" }), r({ ok: false, error: 'exit code: 126' }))).toEqual([]);
    expect(compareResults(docker, r({ ok: false, error: 'process "/bin/sh -c /s.sh" did not complete successfully: exit code: 127' }))).toEqual([
      { what: 'outcome', detail: 'docker failed with exit code 126, Layerlab with 127' },
    ]);
  });
});
