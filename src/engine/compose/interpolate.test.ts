import { describe, expect, it } from 'vitest';
import { interpolateString, parseEnvFile } from './interpolate';

const vars: Record<string, string> = { NAME: 'web', EMPTY: '', PORT: '8080' };
const sub = (s: string) => interpolateString(s, (n) => vars[n]);

describe('Compose interpolation', () => {
  it.each([
    ['$NAME-${PORT}', 'web-8080'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${NAME:+set}', 'set'],
    ['${MISSING+set}', ''],
    ['${MISSING:-${NAME}-x}', 'web-x'],
    ['price: $$5', 'price: $5'],
  ])('%s → %s', (input, out) => {
    const r = sub(input);
    expect(r.ok && r.value.value).toBe(out);
  });

  it('reports unset variables and required ones', () => {
    const r = sub('${A}$B');
    expect(r.ok && r.value.unset).toEqual(['A', 'B']);
    expect(sub('${TOKEN:?a token is needed}')).toEqual({ ok: false, error: 'required variable TOKEN is missing a value: a token is needed' });
    expect(sub('${EMPTY?x}')).toMatchObject({ ok: true });
    expect(sub('${EMPTY:?}')).toEqual({ ok: false, error: 'required variable EMPTY is missing a value' });
  });
});

describe('.env files', () => {
  it('reads KEY=VALUE lines with comments, export and quotes', () => {
    expect(parseEnvFile('# c\nexport A=1\nB="two words"\nC=\'x\' \nD=v # note\nE\n')).toEqual({
      ok: true,
      value: [['A', '1'], ['B', 'two words'], ['C', 'x'], ['D', 'v'], ['E', null]],
    });
  });
});
