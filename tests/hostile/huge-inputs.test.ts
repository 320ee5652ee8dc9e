/**
 * Huge inputs: a 1 MB Dockerfile, a 10,000-file build context and 300 layers each end in a result or in
 * Docker's own error, quickly, never a crash or a frozen page.
 */
import { describe, expect, it } from 'vitest';
import { lintDockerfile, parseDockerfile } from '../../src/engine/dockerfile/index';
import { docker, hostileEngine } from './helpers';

/** 1 MB of Dockerfile: comments, ENV and LABEL lines (`instructionEvery`: one instruction per that many lines). */
function megabyteDockerfile(instructionEvery = 1): string {
  const lines = ['FROM alpine', 'WORKDIR /app'];
  let size = 24;
  for (let i = 0; size < 1024 * 1024; i++) {
    const kind = i % instructionEvery !== 0 ? 0 : (i / instructionEvery) % 3;
    const l = kind === 0 ? `# ${'comment '.repeat(12)}${i}` : kind === 1 ? `ENV VAR_${i}="${'v'.repeat(60)}"` : `LABEL l${i}="${'x'.repeat(60)}"`;
    lines.push(l);
    size += l.length + 1;
  }
  lines.push('CMD ["echo", "done"]');
  return lines.join('\n') + '\n';
}

describe('Huge inputs', () => {
  it('parses and lints a 1 MB Dockerfile (8,000+ instructions) in seconds', () => {
    const text = megabyteDockerfile();
    expect(text.length).toBeGreaterThanOrEqual(1024 * 1024);
    const t0 = performance.now();
    const out = parseDockerfile(text);
    const diags = lintDockerfile(out);
    const ms = performance.now() - t0;
    expect(out.error).toBeNull();
    expect(out.dockerfile!.stages[0].instructions.length).toBeGreaterThan(8_000);
    expect(Array.isArray(diags)).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it('rejects a Dockerfile line longer than 64 KiB with BuildKit\'s scanner error, not a crash', () => {
    const out = parseDockerfile(`FROM alpine\nRUN echo ${'x'.repeat(1024 * 1024)}\n`);
    expect(out.error).not.toBeNull();
    expect(out.error!.message).toMatch(/dockerfile line greater than max allowed size of 65535/);
  });

  // 1 MB with an instruction every 30 lines (~370 ENV/LABEL). A 1 MB file of 8,000 ENV/LABEL lines builds too:
  // under 1 s with BuildKit; ~30 s with the legacy builder, nearly all of it hashing each step image's growing
  // config, as Docker does (tests/hostile/legacy-metadata.test.ts).
  it('builds a 1 MB Dockerfile', async () => {
    const engine = hostileEngine({ Dockerfile: megabyteDockerfile(30) });
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    const r = await docker(engine, ['build', '-q', '-t', 'mega', '.']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);

  it('copies a 10,000-file build context and honours .dockerignore on it', async () => {
    const files: Record<string, string> = {
      Dockerfile: 'FROM alpine\nWORKDIR /app\nCOPY . .\nRUN ls /app/src/d7 | wc -l\n',
      '.dockerignore': 'src/d9\n**/*.tmp\n',
    };
    for (let i = 0; i < 10_000; i++) files[`src/d${i % 10}/f${i}.${i % 100 === 0 ? 'tmp' : 'txt'}`] = `file ${i}\n`;
    const engine = hostileEngine(files);
    expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
    const r = await docker(engine, ['build', '--progress=plain', '-t', 'many', '.']);
    expect(r.code, r.out + r.err).toBe(0);
    // d7 holds files 7, 17, ... (1,000 of them; none end in .tmp because i % 100 === 0 never has i % 10 === 7).
    expect(r.out + r.err).toMatch(/\b1000\b/);
    const diff = await docker(engine, ['run', '--rm', 'many', 'sh', '-c', 'ls /app/src | wc -l; ls /app/src/d0 | wc -l']);
    expect(diff.code, diff.err).toBe(0);
    // d9 is ignored; in d0 every tenth file (i % 100 === 0) is a .tmp and ignored: 1,000 - 100 = 900.
    expect(diff.out.trim().split(/\s+/)).toEqual(['9', '900']);
    expect(r.ms).toBeLessThan(60_000);
  }, 120_000);

  it('fails past 125 non-empty layers with "max depth exceeded", like Docker (300 RUN lines)', async () => {
    const df = ['FROM alpine', ...Array.from({ length: 300 }, (_, i) => `RUN echo ${i} > /layer${i}`)].join('\n') + '\n';
    for (const builder of ['1', '0']) {
      const engine = hostileEngine({ Dockerfile: df });
      expect((await docker(engine, ['pull', 'alpine'])).code).toBe(0);
      const r = await docker(engine, ['build', '--progress=plain', '-t', 'deep', '.'], { DOCKER_BUILDKIT: builder });
      expect(r.code).toBe(1);
      expect(r.out + r.err).toContain('max depth exceeded');
      expect(r.ms).toBeLessThan(30_000);
    }
  }, 90_000);
});
