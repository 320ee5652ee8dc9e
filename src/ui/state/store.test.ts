// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activeWorkspace, buildCommandLine, FAST_STEP_MS, parseBuildArgs, SLOW_STEP_MS, useApp } from './store';
import { predictedBands } from '../layers/model';
import { textOf } from '../workspace/workspace';

describe('App store', () => {
  it('starts with the examples, builds the active workspace and predicts the next build after an edit', async () => {
    await useApp.getState().init();
    const s = useApp.getState();
    expect(s.phase).toBe('ready');
    expect(s.workspaces.map((w) => w.id)).toEqual(['web-ping', 'web-ping-optimized', 'node-web', 'multi-stage']);
    expect(activeWorkspace(s)?.id).toBe('web-ping');

    await useApp.getState().build();
    const first = useApp.getState().builds['web-ping'].last!;
    expect(first.state).toBe('finished');
    expect(first.tags).toEqual(['web-ping:latest']);
    expect(first.bands.filter((b) => b.status !== 'base').every((b) => b.status === 'built')).toBe(true);

    const app = textOf(activeWorkspace(useApp.getState())!.files['app.js']);
    useApp.getState().writeFile('app.js', app + '\n');
    expect(useApp.getState().dirty['web-ping']).toBe(true);
    await useApp.getState().predict();
    const st = useApp.getState();
    const bands = predictedBands(st.prediction!, st.builds['web-ping'].last, st.knownMeta['web-ping']);
    expect(bands.find((b) => b.line === 8)?.status).toBe('will-rebuild');
    expect(bands.find((b) => b.line === 7)?.status).toBe('cached');
    expect(bands.find((b) => b.line === 3)?.status).not.toBe('will-rebuild');
  });

  it('spells the Build button as the docker command it runs', () => {
    expect(
      buildCommandLine({ contextDir: '.', tags: ['web-ping:v2'], builder: 'legacy', noCache: true, target: 'builder', buildArgs: parseBuildArgs('A=1\nB=two words') }),
    ).toBe('DOCKER_BUILDKIT=0 docker build -t web-ping:v2 --no-cache --target builder --build-arg A=1 --build-arg "B=two words" .');
  });

  it('slows the layer animation to one of its offered speeds in presenter mode and back, and leaves instant alone', () => {
    const { setSettings, setPresenter } = useApp.getState();
    setSettings({ presenter: false, stepMs: FAST_STEP_MS });
    setPresenter(true);
    expect(useApp.getState().settings).toMatchObject({ presenter: true, stepMs: SLOW_STEP_MS });
    setPresenter(true); // already on: nothing changes
    expect(useApp.getState().settings.stepMs).toBe(SLOW_STEP_MS);
    setPresenter(false);
    expect(useApp.getState().settings).toMatchObject({ presenter: false, stepMs: FAST_STEP_MS });
    setSettings({ stepMs: 0 });
    setPresenter(true);
    expect(useApp.getState().settings).toMatchObject({ presenter: true, stepMs: 0 });
    setPresenter(false);
  });
});
