import { describe, expect, it } from 'vitest';
import { formatBuildWarnings, formatLegacyWarnings, lintDockerfile, parseDockerfile, runBuildCheck } from '../index';

describe('docker build --check output', () => {
  it('prints "no warnings" and exits 0 for a clean Dockerfile', () => {
    const r = runBuildCheck('FROM alpine:3.20\nCMD ["sh"]\n');
    expect(r).toMatchObject({ stdout: 'Check complete, no warnings found.\n', stderr: '', exitCode: 0 });
  });

  it('prints each warning with its rule URL and source lines, and exits 1', () => {
    const r = runBuildCheck('FROM alpine:3.20\nRUN echo hi\nCMD echo hi\n');
    expect(r.stdout).toBe(
      'Check complete, 1 warning has been found!\n' +
        '\nWARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/\n' +
        'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals\n' +
        'Dockerfile:3\n' +
        '--------------------\n' +
        '   1 |     FROM alpine:3.20\n' +
        '   2 |     RUN echo hi\n' +
        '   3 | >>> CMD echo hi\n' +
        '   4 |     \n' +
        '--------------------\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('counts several warnings and leaves Layerlab-only rules out', () => {
    const r = runBuildCheck('FROM node\nMAINTAINER me\nCOPY . .\nRUN npm install\nCMD node .\n');
    expect(r.stdout.startsWith('Check complete, 2 warnings have been found!\n')).toBe(true);
    expect(r.stdout).not.toContain('CopyAllBeforeDependencyInstall');
    expect(r.stdout).not.toContain('UnpinnedBaseImage');
  });

  it('fails with the lint violation error when # check=error=true', () => {
    const r = runBuildCheck('# check=error=true\nFROM alpine:3.20\nCMD echo hi\n');
    expect(r.stderr).toBe('ERROR: lint violation found for rules: JSONArgsRecommended\n');
    expect(r.exitCode).toBe(1);
  });

  it('shows a parse error with its location', () => {
    const r = runBuildCheck('FROM alpine:3.20\nFORM x\n');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ERROR: dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)\nDockerfile:2\n');
    expect(r.stderr).toContain(' >>> FORM x\n');
    expect(r.exitCode).toBe(1);
  });

  it('formats the end-of-build warning summary', () => {
    const diags = lintDockerfile(parseDockerfile('FROM alpine:3.20\nRUN x\nRUN y\nRUN z\nCMD echo hi\n'));
    expect(formatBuildWarnings(diags)).toBe(
      '\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 5)\n',
    );
    expect(formatBuildWarnings([])).toBe('');
  });

  it('formats the classic builder\'s empty continuation warnings', () => {
    const out = parseDockerfile('FROM a\nRUN something \\\n\n    following\n');
    expect(formatLegacyWarnings(out.ast)).toBe(
      '[WARNING]: Empty continuation line found in: RUN something     following\n' +
        '[WARNING]: Empty continuation lines will become errors in a future release.\n',
    );
    expect(formatLegacyWarnings(parseDockerfile('FROM a\n').ast)).toBe('');
  });
});
