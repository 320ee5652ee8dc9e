/** Issue 8: .dockerignore matching stays linear: 1,000-character patterns and paths under 10 ms. */
import { ignoreMatcher } from '../../src/engine/build/dockerignore';
import { ms, notMeasured, type Row } from './table';

/** Patterns and paths that make a backtracking matcher (or a naive regex) take exponential time. */
export function adversarialIgnoreCases(): { pattern: string; path: string }[] {
  const a1000 = 'a'.repeat(1000);
  const deep = Array.from({ length: 500 }, () => 'a').join('/') + '/b'; // 1,001 chars, 500 directories
  return [
    { pattern: '*a'.repeat(500), path: a1000.slice(0, 999) + 'b' },
    { pattern: 'a*'.repeat(499) + 'b', path: a1000 },
    { pattern: '**/'.repeat(333) + 'b', path: deep.slice(0, -1) + 'c' },
    { pattern: '**/a'.repeat(250), path: deep },
    { pattern: '?'.repeat(999) + 'b', path: a1000 },
    { pattern: '[a-z]*'.repeat(166) + 'b', path: a1000 },
    { pattern: ('*' + 'a'.repeat(9)).repeat(100), path: 'a'.repeat(999) + 'x' },
    { pattern: '!' + '*/'.repeat(499) + 'x', path: deep },
  ];
}

export function benchDockerignore(): Row[] {
  if (typeof ignoreMatcher !== 'function') return [notMeasured('8', '.dockerignore matching, 1,000-char patterns and paths', '< 10 ms', 'the matcher is not there')];
  let worst = { t: 0, pattern: '' };
  const cases = adversarialIgnoreCases();
  for (const c of cases) {
    // Best of 3 per case (a busy machine should not decide it), worst over the cases.
    let best = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const t0 = performance.now();
      const m = ignoreMatcher(`${c.pattern}\n`);
      if (m.ok) m.value.excludes(c.path);
      best = Math.min(best, performance.now() - t0);
    }
    if (best > worst.t) worst = { t: best, pattern: c.pattern.slice(0, 12) + '…' };
  }
  return [
    {
      issue: '8',
      figure: `.dockerignore parse+match, ${cases.length} adversarial ~1,000-char patterns × paths (slowest case)`,
      value: `${ms(worst.t)} (pattern ${worst.pattern})`,
      target: '< 10 ms',
      pass: worst.t < 10,
    },
  ];
}
