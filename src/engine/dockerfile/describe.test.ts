import { describe, expect, it } from 'vitest';
import { describeDockerfile } from './index';

describe('How Docker reads this Dockerfile', () => {
  const d = describeDockerfile(
    'ARG NODE=20\nFROM node:${NODE}-alpine AS build\nENV APP=/app\nWORKDIR $APP\nCOPY package*.json ./\nRUN npm ci && \\\n    npm cache clean --force\nCMD node server.js\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT exec node\nFROM build\nRUN ["echo", "$APP"]\n',
  );

  it('expands FROM with global ARGs and WORKDIR with ENV', () => {
    expect(d.error).toBeNull();
    expect(d.stages[0]).toMatchObject({ name: 'build', base: 'node:${NODE}-alpine', baseExpanded: 'node:20-alpine' });
    const wd = d.instructions.find((i) => i.kind === 'WORKDIR')!;
    expect(wd.expanded).toEqual([{ field: 'path', raw: '$APP', value: '/app' }]);
    expect(wd.stepName).toBe('WORKDIR /app');
  });

  it('shows the joined logical line and that shell form runs under /bin/sh -c', () => {
    const run = d.instructions.find((i) => i.kind === 'RUN')!;
    expect(run.logicalLine).toBe('RUN npm ci &&     npm cache clean --force');
    expect(run.continued).toBe(true);
    expect(run.argv).toEqual(['/bin/sh', '-c', 'npm ci &&     npm cache clean --force']);
    expect(run.layer).toEqual({ buildkit: true, legacy: 'maybe-empty' });
    const cmd = d.instructions.find((i) => i.kind === 'CMD')!;
    expect(cmd).toMatchObject({ form: 'shell', argv: ['/bin/sh', '-c', 'node server.js'], layer: { buildkit: false, legacy: 'empty-layer' } });
  });

  it('honours SHELL for later shell-form instructions, also in a stage built FROM it', () => {
    const ep = d.instructions.find((i) => i.kind === 'ENTRYPOINT')!;
    expect(ep.argv).toEqual(['/bin/bash', '-c', 'exec node']);
    const last = d.instructions[d.instructions.length - 1];
    expect(last).toMatchObject({ kind: 'RUN', form: 'exec', argv: ['echo', '$APP'], shell: ['/bin/bash', '-c'] });
  });

  it('marks FROM of an image as a step and FROM of a stage as not', () => {
    const froms = d.instructions.filter((i) => i.kind === 'FROM');
    expect(froms.map((f) => f.layer.buildkit)).toEqual([true, false]);
    expect(froms[0].stepName).toBe('FROM node:20-alpine');
  });

  it('returns the error for an invalid Dockerfile', () => {
    expect(describeDockerfile('FROM a\nFORM b\n').error?.message).toContain('unknown instruction: FORM');
  });
});

describe('BuildKit step names', () => {
  it('expands like BuildKit and upper-cases the keyword', async () => {
    const { stepDisplayName, parseDockerfile } = await import('./index');
    const df = parseDockerfile('FROM a\nrun echo "$A" $NOPE\ncopy "$A b" /x/\n').dockerfile!;
    const [run, copy] = df.stages[0].instructions;
    expect(stepDisplayName(run, { A: '1' })).toBe('RUN echo "1" $NOPE');
    expect(stepDisplayName(copy, { A: '1' })).toBe('COPY 1 b /x/');
  });
});
