import { describe, expect, it } from 'vitest';
import { ignoreMatcher, parseDockerignore } from './dockerignore';

const m = (text: string) => {
  const r = ignoreMatcher(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('.dockerignore', () => {
  it('anchors patterns at the context root', () => {
    const x = m('*.md\n!README.md');
    expect(x.excludes('CHANGES.md')).toBe(true);
    expect(x.excludes('README.md')).toBe(false);
    expect(x.excludes('docs/x.md')).toBe(false);
  });
  it('excludes everything under a matched directory and re-includes with !', () => {
    const x = m('node_modules\n/logs\nsecret/**\n!secret/keep.txt');
    expect(x.excludes('node_modules/express/index.js')).toBe(true);
    expect(x.excludes('logs/a.log')).toBe(true);
    expect(x.excludes('secret/a')).toBe(true);
    expect(x.excludes('secret/keep.txt')).toBe(false);
  });
  it('supports ** across directories, last match wins, comments only in column 1', () => {
    const x = m('# comment\n**/*.go\n!cmd/**/main.go\n  #notcomment');
    expect(x.excludes('a/b/c.go')).toBe(true);
    expect(x.excludes('c.go')).toBe(true);
    expect(x.excludes('cmd/x/main.go')).toBe(false);
    expect(x.excludes('#notcomment')).toBe(true);
  });
  it('cleans patterns and rejects a bare !', () => {
    expect(m('./a/../b/').excludes('b/x')).toBe(true);
    const r = parseDockerignore('!');
    expect(r.ok ? '' : r.error.message).toBe('illegal exclusion pattern: "!"');
  });
  it('matches pathological patterns without backtracking (a backtracking matcher would never finish)', () => {
    const x = m('*a'.repeat(500) + 'b');
    expect(x.excludes('a'.repeat(300))).toBe(false);
    expect(x.excludes('a'.repeat(600) + 'b')).toBe(true);
  });
});
