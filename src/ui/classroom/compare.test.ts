// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testEnv } from '../../engine/core/env';
import { compareDockerfiles, NAIVE_NODE_DOCKERFILE, OPTIMIZED_NODE_DOCKERFILE } from './compare';
import { NODE_APP_FILES } from '../../lessons/workspaces';

describe('Dockerfile compare', () => {
  it('shows the package.json-first order rebuilding fewer steps, in less time, after a server.js change', async () => {
    const files = { 'package.json': NODE_APP_FILES['package.json'], 'server.js': NODE_APP_FILES['server.js'] };
    const r = await compareDockerfiles(files, NAIVE_NODE_DOCKERFILE, OPTIMIZED_NODE_DOCKERFILE, { path: 'server.js', content: files['server.js'] + '// x\n' }, { env: testEnv() });
    expect(r.naive.ok, r.naive.error).toBe(true);
    expect(r.optimized.ok, r.optimized.error).toBe(true);
    expect(r.naive.steps.find((s) => s.name.startsWith('RUN npm install'))?.outcome).toBe('built');
    expect(r.optimized.steps.find((s) => s.name.startsWith('RUN npm install'))?.outcome).toBe('cached');
    expect(r.optimized.rebuilt).toBe(1);
    expect(r.stepsSaved).toBeGreaterThan(0);
    expect(r.msSaved).toBeGreaterThan(0);
  });

  it('reports a broken Dockerfile as a failed side, not a crash', async () => {
    const r = await compareDockerfiles({ 'server.js': '' }, 'FROM node\nRUN exit 3\n', 'FRM node\n', { path: 'server.js', content: 'x' }, { env: testEnv() });
    expect(r.naive.ok).toBe(false);
    expect(r.optimized.ok).toBe(false);
    expect(r.optimized.error).toBeTruthy();
  });
});
