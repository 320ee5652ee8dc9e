import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it('answers adversarial 1,000-character patterns and paths (runs of ** and deep paths)', () => {
    const deep = Array.from({ length: 500 }, () => 'a').join('/'); // 999 characters, 499 parent directories
    expect(m('**/'.repeat(333) + 'b').excludes(deep)).toBe(false);
    expect(m('**/'.repeat(333) + 'a').excludes(deep)).toBe(true);
    expect(m('**/'.repeat(333) + 'a/b').excludes(deep)).toBe(false);
    expect(m('**/'.repeat(333) + 'a/b').excludes(deep + '/b')).toBe(true);
    expect(m('*/'.repeat(499) + 'b').excludes(deep)).toBe(false);
    expect(m('*/'.repeat(499) + '*').excludes(deep)).toBe(true);
    expect(m('*/'.repeat(250) + 'x').excludes(deep)).toBe(false);
    expect(m('*/'.repeat(250) + 'a').excludes(deep)).toBe(true); // a parent directory matches
    expect(m('*a'.repeat(500)).excludes('a'.repeat(499))).toBe(false);
    expect(m('*a'.repeat(500)).excludes('a'.repeat(1000))).toBe(true);
    expect(m('**a'.repeat(333) + 'b').excludes(deep)).toBe(false);
    expect(m('?/'.repeat(499) + '?').excludes(deep)).toBe(true);
    expect(m(['**/'.repeat(333) + 'b', '!' + '**/'.repeat(333) + 'a'].join('\n')).excludes(deep + '/b')).toBe(false);
    expect(m(['**/'.repeat(333) + 'a', '!' + '**/'.repeat(333) + 'a'].join('\n')).excludes(deep)).toBe(false);
  });

  it('agrees with a moby-style regular-expression matcher on random patterns and paths', () => {
    // The reference: the pattern translated to a regular expression the way moby/patternmatcher does, tried
    // on the path and then on each parent directory (MatchesOrParentMatches), the last matching pattern winning.
    const toRegex = (p: string) => {
      let r = '';
      for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '*' && p[i + 1] === '*') {
          i++;
          if (p[i + 1] === '/') i++;
          r += i + 1 >= p.length ? '.*' : '(.*/)?';
        } else if (c === '*') r += '[^/]*';
        else if (c === '?') r += '[^/]';
        else if (c === '\\' && i + 1 < p.length) r += '\\' + p[++i];
        else r += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
      return new RegExp('^' + r + '$');
    };
    const reference = (patterns: string[], file: string) => {
      let matched = false;
      for (const raw of patterns) {
        const excl = raw.startsWith('!');
        const re = toRegex(excl ? raw.slice(1) : raw);
        const parts = file.split('/');
        let hit = re.test(file);
        for (let k = 1; !hit && k < parts.length; k++) hit = re.test(parts.slice(0, k).join('/'));
        if (hit) matched = !excl;
      }
      return matched;
    };
    const seg = fc.constantFrom('a', 'b', 'ab', 'a.js', 'x');
    const part = fc.constantFrom('a', 'b', 'ab', '*', '?', '**', 'a*', '*b', '*.js', '\\*', 'a?');
    const pattern = fc.tuple(fc.boolean(), fc.array(part, { minLength: 1, maxLength: 4 })).map(([neg, ps]) => (neg ? '!' : '') + ps.join('/'));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(seg, { minLength: 1, maxLength: 5 }), (patterns, segs) => {
        const file = segs.join('/');
        expect(m(patterns.join('\n')).excludes(file), `${JSON.stringify(patterns)} on ${file}`).toBe(reference(patterns, file));
      }),
      { numRuns: 3000 },
    );
  });
});
