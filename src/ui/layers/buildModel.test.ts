// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../engine/build/events';
import { bufferIO } from '../../engine/core/io';
import { testEngine } from '../../engine/build/testkit';
import { applyBuildEvent, metaKey, predictedBands, type BuildView } from './model';
import { bandKind, buildCounts, explainBand, summaryText } from './buildModel';
import { replayAt } from '../classroom/replay';
import { predictedSteps } from '../engine/engineApi';
import { attachTerminal } from '../state/terminalBus';
import { useApp } from '../state/store';

const WEB_PING = 'FROM diamol/node\nENV TARGET="blog.sixeyed.com"\nENV METHOD="HEAD"\nWORKDIR /web-ping\nCOPY app.js .\nCMD ["node", "/web-ping/app.js"]\n';

/** Builds like the Build button and folds the events as the store does for the stack. */
function session(files: Record<string, string>) {
  const t = testEngine(files);
  let known: string[] = [];
  return {
    t,
    async build(builder: 'buildkit' | 'legacy' = 'buildkit') {
      const events: BuildEvent[] = [];
      let view: BuildView | null = null;
      const knownBefore = known;
      const io = builder === 'legacy' ? bufferIO({ env: { DOCKER_BUILDKIT: '0' } }) : bufferIO();
      await t.engine.build({ tags: ['web-ping'], builder }, io, (e) => {
        events.push(e);
        view = e.type === 'build-started' ? applyBuildEvent(null, e, knownBefore) : applyBuildEvent(view, e);
      });
      const stack = view as BuildView | null;
      if (stack?.state === 'finished') known = [...new Set([...known, ...stack.bands.filter((b) => b.metadataOnly).map(metaKey)])];
      return { stack: stack!, events, knownBefore };
    },
    async predict(builder: 'buildkit' | 'legacy', last: BuildView) {
      const p = await t.engine.predictBuild({ tags: ['web-ping'], builder });
      return predictedBands(predictedSteps(p), last, known);
    },
  };
}

const words = (v: BuildView) =>
  v.bands.filter((b) => b.status !== 'base').map((b) => `${b.line} ${bandKind(v.builder, b)} ${b.status}: ${explainBand('en', v.builder, b, v.error)}`);

describe('One model of a build', () => {
  it('BuildKit: ENV, CMD are config annotations saying why the layers above stay cached; an ENV edit rebuilds no layer', async () => {
    const s = session({ Dockerfile: WEB_PING, 'app.js': 'v1' });
    const first = await s.build();
    expect(words(first.stack)).toEqual([
      '2 config built: config only: no step, no cache check',
      '3 config built: config only: no step, no cache check',
      '4 layer built: not in the cache yet',
      '5 layer built: parent layer rebuilt at line 4',
      '6 config built: config only: no step, no cache check',
    ]);
    s.t.setFiles({ Dockerfile: WEB_PING.replace('blog.sixeyed.com', 'example.com'), 'app.js': 'v1' });
    const pred = await s.predict('buildkit', first.stack);
    expect(pred.filter((b) => b.status === 'will-rebuild').map((b) => `${b.line} ${b.instruction}`)).toEqual(['2 ENV']);
    const after = await s.build();
    expect(buildCounts(after.stack)).toMatchObject({ built: 0, cached: 2, config: 3 });
    expect(words(after.stack)[0]).toBe('2 config built: config only: no step, no cache check');
    expect(words(after.stack)[2]).toBe('4 layer cached: same instruction, same parent, same files');
  });

  it('legacy: instruction changed, parent changed (rebuilt or moved) and files changed, each named', async () => {
    const s = session({ Dockerfile: WEB_PING, 'app.js': 'v1' });
    await s.build('legacy');
    s.t.setFiles({ Dockerfile: WEB_PING.replace('blog.sixeyed.com', 'example.com'), 'app.js': 'v1' });
    const edited = await s.build('legacy');
    expect(words(edited.stack).slice(0, 3)).toEqual([
      '2 layer built: instruction changed',
      '3 layer built: parent layer rebuilt at line 2',
      '4 layer built: parent layer rebuilt at line 2',
    ]);
    s.t.setFiles({ Dockerfile: WEB_PING.replace('blog.sixeyed.com', 'example.com'), 'app.js': 'v2' });
    const files = await s.build('legacy');
    expect(words(files.stack).slice(3)).toEqual(['5 layer built: app.js changed', '6 layer built: parent layer rebuilt at line 5']);
    expect(words(files.stack)[2]).toBe('4 layer cached: Using cache: same instruction on the same parent image');
    // WORKDIR moved up: its text did not change, its parent did
    const moved = 'FROM diamol/node\nWORKDIR /web-ping\nENV TARGET="example.com"\nENV METHOD="HEAD"\nCOPY app.js .\nCMD ["node", "/web-ping/app.js"]\n';
    s.t.setFiles({ Dockerfile: moved, 'app.js': 'v2' });
    const m = await s.build('legacy');
    expect(words(m.stack)[0]).toBe('2 layer built: moved: it now sits on line 1 (FROM diamol/node), a parent it was never built on');
  });

  it('Replay at the end of the events equals the stack: a first build, a rebuild and a failed build', async () => {
    const s = session({ Dockerfile: WEB_PING, 'app.js': 'v1' });
    for (const edit of [null, { 'app.js': 'v2' }, { Dockerfile: WEB_PING.replace('COPY app.js .', 'COPY app.js .\nRUN exit 3') }]) {
      if (edit) s.t.setFiles({ Dockerfile: WEB_PING, 'app.js': 'v1', ...edit });
      const b = await s.build();
      const replay = replayAt(b.events, b.events.length, b.knownBefore).view!;
      expect(words(replay)).toEqual(words(b.stack));
      expect(buildCounts(replay)).toEqual(buildCounts(b.stack));
      expect(summaryText('en', replay)).toBe(summaryText('en', b.stack));
    }
    const failed = await s.build();
    expect(failed.stack.state).toBe('failed');
    expect(words(failed.stack)).toContain('6 layer pending: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3');
    expect(summaryText('en', failed.stack)).toBe('Build failed: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3');
  });

  it('the terminal summary line of a Build-button build is the stack summary, with the same counts', async () => {
    const written: string[] = [];
    const off = attachTerminal((t) => written.push(t));
    await useApp.getState().init();
    useApp.getState().setSettings({ stepMs: 0, lang: 'en' });
    await useApp.getState().build();
    off();
    const last = useApp.getState().builds['web-ping'].last!;
    const summary = summaryText('en', last);
    expect(summary).toMatch(/^Built web-ping:latest in [\d.]+ s: 2 built, 0 cached \+ 4 config-only \(no layer\)$/);
    const text = written.join('');
    expect(text).toContain(`Layerlab: ${summary}`);
    // the summary is the last thing printed, after BuildKit's FINISHED screen
    expect(text.indexOf('FINISHED')).toBeLessThan(text.indexOf('Layerlab: '));
  });
});
