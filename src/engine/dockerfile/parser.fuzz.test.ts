/*
 * Property test: random and mutated Dockerfiles never make the parser, validator, linter or describer throw,
 * always give an AST or an error with a source range, and each finishes within 50 ms.
 * Runs: FUZZ_RUNS (default 10,000).
 */
 
import { readdirSync, readFileSync } from 'node:fs';
 
import { cpuUsage, env } from 'node:process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../core/errors';
import { describeDockerfile, dumpAst, lintDockerfile, parseDockerfile } from './index';

const RUNS = Number(env.FUZZ_RUNS ?? 10000);
const base = new URL('./testdata/buildkit/', import.meta.url);
const fixtures = [
  ...readdirSync(new URL('testfiles/', base)).map((d) => readFileSync(new URL(`testfiles/${d}/Dockerfile`, base), 'utf8')),
  ...readdirSync(new URL('testfiles-negative/', base)).map((d) => readFileSync(new URL(`testfiles-negative/${d}/Dockerfile`, base), 'utf8')),
  readFileSync(new URL('testfile-line/Dockerfile', base), 'utf8'),
  'FROM node:20 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN <<EOF\nnpm run build\nEOF\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
  '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nARG BASE=alpine:3.20\nFROM ${BASE}\nENV A=1 B="${A:-x} y"\nCOPY <<-"EOT" /x\n\thello $A\n\tEOT\nHEALTHCHECK --interval=5s CMD ["true"]\nONBUILD RUN echo hi\n',
];

const pieces = [
  '\\', '\\\n', '`', '"', "'", '[', ']', '{', '}', '$', '${', '${A:-', '<<', '<<-', '<<EOF', '\nEOF\n', '\n', '\r\n', '#', '# escape=`\n',
  ' ', '\t', '=', '--', '--from=', '--mount=type=cache,target=/x', 'AS', 'as', 'FROM ', 'RUN ', 'COPY ', 'ENV ', 'ARG ', 'ONBUILD ',
  'HEALTHCHECK ', 'CMD ', 'SHELL ', 'LABEL ', 'EXPOSE 80/TCP', 'WORKDIR ', '\uFEFF', '한국어', '\u0000', 'x', '1', ':',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'dupLine'; at: number }
  | { kind: 'swapLines'; at: number; other: number };

function mutate(text: string, muts: Mutation[]): string {
  let t = text;
  for (const m of muts) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.len);
    else {
      const lines = t.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'dupLine') lines.splice(i, 0, lines[i]);
      else {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      t = lines.join('\n');
    }
  }
  return t;
}

const keywords = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'from', 'Run', 'FORM', 'BOGUS'];
const word = fc.oneof(fc.constantFrom(...pieces), fc.stringMatching(/^[a-zA-Z0-9_./:=$-]{1,10}$/));
const line = fc.tuple(fc.constantFrom(...keywords), fc.array(word, { maxLength: 6 })).map(([k, ws]) => `${k} ${ws.join(' ')}`);
const grammarFile = fc.array(line, { maxLength: 15 }).map((ls) => ls.join('\n') + '\n');

const input = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([f, m]) => mutate(f, m)) },
  { weight: 3, arbitrary: grammarFile },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

function validRange(r: SourceRange | undefined): boolean {
  return (
    !!r &&
    r.start.line >= 1 &&
    r.start.column >= 1 &&
    r.end.line >= r.start.line &&
    (r.end.line > r.start.line || r.end.column >= r.start.column)
  );
}

function runAll(text: string): void {
  const out = parseDockerfile(text);
  expect(out.dockerfile !== null || out.error !== null).toBe(true);
  if (out.error) {
    expect(out.error.code).not.toBe('dockerfile.internal');
    expect(validRange(out.error.range)).toBe(true);
  }
  for (const n of out.ast.children) expect(validRange(n.range)).toBe(true);
  for (const d of lintDockerfile(out, { strict: true })) expect(validRange(d.range)).toBe(true);
  dumpAst(out.ast);
  describeDockerfile(text);
}

describe('Dockerfile parser robustness', () => {
  it(`handles ${RUNS} random and mutated Dockerfiles without throwing, each within 50 ms`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(input, (text) => {
        // CPU time of this process: other jobs on a shared machine do not count against the parser.
        const cpuMs = () => {
          const u = cpuUsage();
          return (u.user + u.system) / 1000;
        };
        let t = cpuMs();
        runAll(text);
        let ms = cpuMs() - t;
        // Re-measure (up to 3 times) so a garbage-collection pause or a busy CPU is not mistaken for slowness.
        for (let retry = 0; retry < 3 && ms > 50; retry++) {
          t = cpuMs();
          runAll(text);
          ms = Math.min(ms, cpuMs() - t);
        }
        if (ms > 15 && env.FUZZ_DEBUG) console.log("SLOW", ms.toFixed(1), text.length, JSON.stringify(text.slice(0, 300)));
        slowest = Math.max(slowest, ms);
        expect(ms).toBeLessThan(50);
      }),
      { numRuns: RUNS },
    );
    console.log(`fuzz: ${RUNS} inputs, slowest ${slowest.toFixed(2)} ms CPU`);
  }, 120_000);

  it('rejects a line longer than 65,535 bytes in Docker words', () => {
    const out = parseDockerfile('FROM alpine\nRUN echo ' + 'x'.repeat(70000) + '\n');
    expect(out.error?.message).toBe('dockerfile line greater than max allowed size of 65535');
    expect(out.error?.range?.start.line).toBe(2);
  });
});
