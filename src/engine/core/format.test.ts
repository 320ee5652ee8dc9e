import { describe, expect, it } from 'vitest';
import { formatG, goQuote, goQuoteSlice, humanDuration, humanSize, humanSizeP4, shortId, truncateDisplay } from './format';

describe('humanSize (go-units HumanSizeWithPrecision(n, 3))', () => {
  it('prints the sizes docker prints in image ls and history', () => {
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(39)).toBe('39B');
    expect(humanSize(222)).toBe('222B');
    expect(humanSize(2_150_000)).toBe('2.15MB');
    expect(humanSize(5_600_000)).toBe('5.6MB');
    expect(humanSize(11_000_000)).toBe('11MB');
    expect(humanSize(26_200_000)).toBe('26.2MB');
    expect(humanSize(83_100_000)).toBe('83.1MB');
    expect(humanSize(154_000_000)).toBe('154MB');
    expect(humanSize(1_090_000_000)).toBe('1.09GB');
    expect(humanSize(4_860_000)).toBe('4.86MB');
  });
  it('rounds half to even on the exact binary value, like Go fmt', () => {
    // 1125/1000 is exactly 1.125 in binary: Go prints 1.12 (JS toPrecision would say 1.13).
    expect(humanSize(1125)).toBe('1.12kB');
    expect(humanSize(1135)).toBe('1.14kB');
  });
  it('keeps Go quirks: 999.5 kB prints in exponent form', () => {
    expect(humanSize(999_500)).toBe('1e+03kB');
    expect(humanSize(1000)).toBe('1kB');
  });
  it('HumanSize keeps 4 significant digits (system df)', () => {
    expect(humanSizeP4(16_430_000)).toBe('16.43MB');
    expect(humanSizeP4(11_630_000)).toBe('11.63MB');
    expect(humanSizeP4(212)).toBe('212B');
    expect(humanSizeP4(0)).toBe('0B');
  });
});

describe('formatG (Go %g)', () => {
  // Expected values from Python's %g, which follows the same rules as Go's (correct rounding, half-even).
  it.each([
    [0, 3, '0'],
    [1125, 3, '1.12e+03'],
    [999500, 4, '9.995e+05'],
    [1234567, 4, '1.235e+06'],
    [0.5, 3, '0.5'],
    [0.00001234, 3, '1.23e-05'],
    [1e30, 3, '1e+30'],
    [2500, 4, '2500'],
  ])('%%.%dg of %d', (x, p, want) => {
    expect(formatG(x as number, p as number)).toBe(want);
  });
});

describe('humanDuration (go-units HumanDuration)', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [-5 * s, 'Less than a second'],
    [1 * s, '1 second'],
    [1999, '1 second'],
    [24 * s, '24 seconds'],
    [59 * s, '59 seconds'],
    [60 * s, 'About a minute'],
    [119 * s, 'About a minute'],
    [2 * m, '2 minutes'],
    [59 * m, '59 minutes'],
    [60 * m, 'About an hour'],
    [89 * m, 'About an hour'],
    [90 * m, '2 hours'],
    [17 * h, '17 hours'],
    [47 * h, '47 hours'],
    [48 * h, '2 days'],
    [13 * d, '13 days'],
    [14 * d, '2 weeks'],
    [7 * 7 * d, '7 weeks'],
    [60 * d, '2 months'],
    [729 * d, '24 months'],
    [730 * d, '2 years'],
    [3 * 365 * d, '3 years'],
  ])('%d ms is %s', (ms, want) => {
    expect(humanDuration(ms as number)).toBe(want);
  });
});

describe('shortId, goQuote, truncateDisplay', () => {
  it('shortens sha256 IDs to 12 hex', () => {
    expect(shortId('sha256:8bd85c42fa7f0123456789abcdef')).toBe('8bd85c42fa7f');
    expect(shortId('8bd85c42fa7f0123456789abcdef')).toBe('8bd85c42fa7f');
  });
  it('quotes like Go %q', () => {
    expect(goQuote('sh')).toBe('"sh"');
    expect(goQuote('a "b"\\\n\t')).toBe('"a \\"b\\"\\\\\\n\\t"');
    expect(goQuote('\x01é…')).toBe('"\\x01é…"');
    expect(goQuoteSlice(['/bin/sh', '-c', '/app/hello.sh'])).toBe('["/bin/sh" "-c" "/app/hello.sh"]');
  });
  it('truncates with … like docker (COMMAND column: 20)', () => {
    expect(goQuote(truncateDisplay('/docker-entrypoint.sh apache2-foreground', 20))).toBe('"/docker-entrypoint.…"');
    expect(truncateDisplay('sh', 20)).toBe('sh');
    expect(truncateDisplay('RUN /bin/sh -c chmod +x /app/hello.sh # buildkit', 45)).toBe('RUN /bin/sh -c chmod +x /app/hello.sh # buil…');
    expect(truncateDisplay('abc', 1)).toBe('a');
    expect(truncateDisplay('abc', 0)).toBe('');
  });
});
