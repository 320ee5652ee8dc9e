/**
 * Property tests of the Dockerfile front end (src/engine/dockerfile: parseDockerfile + lintDockerfile).
 * Whatever text a learner types, the parser answers with a Dockerfile or an error in Docker's words:
 * it never throws, never reports an internal error, never points outside the text, and answers fast.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintDockerfile, parseDockerfile } from '../../src/engine/dockerfile/index';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './runs';

const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'from', 'run', 'copy', 'BOGUS',
];
const TOKENS = [
  'alpine', 'node:20-alpine', 'scratch', 'AS', 'build', '--from=build', '--from=0', '--chown=1000:1000', '--chmod=755',
  '--mount=type=cache,target=/root/.npm', '--platform=$BUILDPLATFORM', '--link', '--network=none', '.', './', '/app',
  'package.json', '*.js', '$HOME', '${FOO}', '${FOO:-bar}', '${FOO:+x}', '${FOO?err}', '$', '${', '}', '"', "'", '\\',
  '[', ']', '["npm", "start"]', '["sh", "-c"', '=', 'FOO=bar', 'A="b c"', '&&', '||', ';', '|', '<<EOF', '<<-EOT',
  '<<"EOF"', 'EOF', 'EOT', '#', '# syntax=docker/dockerfile:1', '# escape=`', '# check=skip=all', '`', 'CMD', 'NONE',
  '--interval=5s', '0', '-1', '99999999999999999999', '\t', ' ', 'ä', '한글', '\u0000', '\r', '<img src=x onerror=alert(1)>',
  '\u001b[31m',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(token, { maxLength: 6 })).map(([k, ts]) => [k, ...ts].join(' ')) },
  { weight: 2, arbitrary: fc.array(token, { maxLength: 5 }).map((ts) => ts.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\\', '# comment', '  \\', 'EOF', '# escape=`', '# syntax=x') },
);
const dockerfileText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n')).map(([ls, nl]) => ls.join(nl)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
);

function lineCount(text: string): number {
  return text.split('\n').length;
}

describe('Dockerfile parser under random input', () => {
  it(`answers every one of ${FUZZ_RUNS} random Dockerfiles with a Dockerfile or an error, never a throw`, () => {
    let errors = 0;
    let parsed = 0;
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const out = parseDockerfile(text);
        // Exactly one outcome: a usable Dockerfile or an error (an error may come with a partial Dockerfile).
        expect(out.error !== null || out.dockerfile !== null).toBe(true);
        if (out.error) {
          errors++;
          expect(out.error.code).not.toBe('dockerfile.internal');
          expect(typeof out.error.message).toBe('string');
          expect(out.error.message.length).toBeGreaterThan(0);
          if (out.error.range) {
            expect(out.error.range.start.line).toBeGreaterThanOrEqual(1);
            expect(out.error.range.start.line).toBeLessThanOrEqual(lineCount(text) + 1);
          }
        } else parsed++;
        const diags = lintDockerfile(out);
        expect(Array.isArray(diags)).toBe(true);
        for (const d of diags) {
          expect(typeof d.message).toBe('string');
          expect(d.range.start.line).toBeGreaterThanOrEqual(1);
          expect(d.range.start.line).toBeLessThanOrEqual(lineCount(text) + 1);
        }
      }),
      fuzzParams(),
    );
    // The generator reaches both sides: some inputs parse, some are rejected.
    expect(parsed).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);

  it('gives the same answer for the same text (deterministic)', () => {
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const a = parseDockerfile(text);
        const b = parseDockerfile(text);
        expect(b.error).toEqual(a.error);
        expect(b.dockerfile?.stages.length).toEqual(a.dockerfile?.stages.length);
      }),
      fuzzParams(Math.ceil(FUZZ_RUNS / 10)),
    );
  });

  it('treats CRLF line endings like LF', () => {
    fc.assert(
      fc.property(fc.array(line.filter((l) => !/[\r\n]/.test(l)), { maxLength: 10 }), (ls) => {
        const lf = parseDockerfile(ls.join('\n'));
        const crlf = parseDockerfile(ls.join('\r\n'));
        expect(crlf.error?.code).toEqual(lf.error?.code);
        expect(crlf.dockerfile?.stages.map((s) => s.instructions.length)).toEqual(lf.dockerfile?.stages.map((s) => s.instructions.length));
      }),
      fuzzParams(Math.ceil(FUZZ_RUNS / 10)),
    );
  });
});
