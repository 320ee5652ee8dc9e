/* BuildKit parser conformance: the fixtures under testdata/buildkit (byte-exact copies of BuildKit's). */
 
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpAst, expandWord, expandWords, parseAst, parseDockerfile } from './index';

const base = new URL('./testdata/buildkit/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, base), 'utf8');
const dirs = (p: string) => readdirSync(new URL(p, base)).sort();

const counts = { pos: 0, posTotal: 0, neg: 0, negTotal: 0, env: 0, envTotal: 0, words: 0, wordsTotal: 0 };

afterAll(() => {
  console.log(
    `conformance: ${counts.pos}/${counts.posTotal} positive, ${counts.neg}/${counts.negTotal} negative, ` +
      `envVarTest ${counts.env}/${counts.envTotal}, wordsTest ${counts.words}/${counts.wordsTotal}`,
  );
});

describe('BuildKit parser fixtures', () => {
  const positive = dirs('testfiles/');
  it('has all 33 positive cases', () => expect(positive).toHaveLength(33));
  for (const name of positive) {
    it(`dumps ${name} exactly like BuildKit`, () => {
      counts.posTotal++;
      const r = parseAst(read(`testfiles/${name}/Dockerfile`));
      expect(r.error).toBeNull();
      expect(dumpAst(r.ast) + '\n').toBe(read(`testfiles/${name}/result`));
      counts.pos++;
    });
  }

  const expectedErrors: Record<string, string> = {
    empty_dockerfile: 'the Dockerfile cannot be empty',
    only_comments: 'file with no instructions',
    env_no_value: 'ENV must have two arguments',
    'shykes-nested-json': 'when using JSON array syntax, arrays must be comprised of strings only',
  };
  const negative = dirs('testfiles-negative/');
  it('has all 4 negative cases', () => expect(negative).toEqual(Object.keys(expectedErrors).sort()));
  for (const name of negative) {
    it(`rejects ${name} with Docker's message`, () => {
      counts.negTotal++;
      const text = read(`testfiles-negative/${name}/Dockerfile`);
      const out = parseDockerfile(text);
      expect(out.error?.message).toBe(expectedErrors[name]);
      expect(out.error?.range).toBeDefined();
      if (name === 'empty_dockerfile') expect(parseAst(text).error?.message).toBe('file with no instructions');
      counts.neg++;
    });
  }

  it('reports the line ranges of testfile-line', () => {
    const r = parseAst(read('testfile-line/Dockerfile'));
    expect(r.error).toBeNull();
    expect([r.ast.startLine, r.ast.endLine]).toEqual([5, 31]);
    expect(r.ast.children.map((c) => [c.startLine, c.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [17, 31],
    ]);
  });
});

describe('BuildKit shell lexer tables', () => {
  it('passes every A and U row of envVarTest', () => {
    const env = { PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' };
    const failures: string[] = [];
    for (const line of read('shell-lexer/envVarTest').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const f = line.split('|').map((s) => s.trim());
      expect(f).toHaveLength(3);
      const [platform, input, expected] = f;
      if (platform === 'W') continue;
      counts.envTotal++;
      const r = expandWord(input, env);
      const got = r.ok ? r.value : 'error';
      if (got === expected) counts.env++;
      else failures.push(`${input} → ${got} (want ${expected})`);
    }
    expect(failures).toEqual([]);
    expect(counts.envTotal).toBe(228);
  });

  it('passes every wordsTest row', () => {
    const env: Record<string, string> = {};
    const failures: string[] = [];
    for (const line of read('shell-lexer/wordsTest').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      if (line.startsWith('ENV ')) {
        const kv = line.slice(4).trimStart();
        const eq = kv.indexOf('=');
        env[kv.slice(0, eq)] = kv.slice(eq + 1);
        continue;
      }
      const f = line.split('|');
      expect(f).toHaveLength(2);
      const input = f[0].trim();
      const expected = f[1].trimStart();
      counts.wordsTotal++;
      const r = expandWords(input, env);
      const got = r.ok ? r.value.join(',') : 'error';
      if (got === expected) counts.words++;
      else failures.push(`${input} → ${got} (want ${expected})`);
    }
    expect(failures).toEqual([]);
    expect(counts.wordsTotal).toBe(24);
  });
});
