import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testEngine } from './testkit';

const words = ['echo', 'hi', '>', '>>', '/tmp/x', '&&', '||', ';', '|', 'cat', 'rm', '-rf', 'mkdir', '-p', '/a/b', 'cd', '..', '$HOME', '"q', "'s", '$(', ')', 'ls', '*', 'exit', '3', 'npm', 'install', 'apk', 'add', 'curl', 'cp', 'mv', 'ln', '-s', 'chmod', '755', 'chown', 'nobody', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', '{', '}', '(', ')', 'true', 'false', 'set', '-e', '<<EOF', 'tr', 'a-z', 'wc', '-c'];
const instr = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((w) => `RUN ${w.join(' ')}`),
  fc.constantFrom('WORKDIR /app', 'WORKDIR sub', 'ENV A=1', 'ARG B=2', 'USER nobody', 'USER root', 'COPY . .', 'COPY a.txt /x/', 'COPY missing /m', 'ADD a.txt /y', 'EXPOSE 80', 'CMD ["sh"]', 'LABEL x=y', 'VOLUME /data', 'ONBUILD RUN true'),
);

describe('Builder under random Dockerfiles', () => {
  it('always ends with exit code 0 or 1 and never throws', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\n', 'a.txt': 'a' });
    await fc.assert(
      fc.asyncProperty(fc.array(instr, { maxLength: 6 }), fc.boolean(), async (lines, legacy) => {
        t.setFiles({ Dockerfile: ['FROM alpine', ...lines].join('\n') + '\n', 'a.txt': 'a' });
        const r = await t.build({ builder: legacy ? 'legacy' : 'buildkit' });
        expect([0, 1]).toContain(r.exitCode);
        expect(r.out + r.err).not.toContain('internal error');
      }),
      { numRuns: Number(globalThis.process?.env.FUZZ_RUNS ?? 60) },
    );
  }, 120_000);
});
