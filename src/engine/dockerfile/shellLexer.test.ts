import { describe, expect, it } from 'vitest';
import { expandForDisplay, expandWord, expandWords } from './index';

const env = { A: 'hello', EMPTY: '', PATH_: '/usr/local/bin:/usr/bin', F: 'archive.tar.gz' };
const w = (s: string, e: Record<string, string | undefined> = env) => {
  const r = expandWord(s, e);
  return r.ok ? r.value : `ERR ${r.error.message}`;
};

describe('Shell lexer (variable substitution)', () => {
  it('expands $VAR and ${VAR}, unset is empty, quotes removed', () => {
    expect(w('$A-${A}x')).toBe('hello-hellox');
    expect(w('"$A world" \'$A\'')).toBe('hello world $A');
    expect(w('$NOPE')).toBe('');
    expect(w('\\$A')).toBe('$A');
  });

  it('implements the -, +, ? modifiers with and without colon', () => {
    expect(w('${EMPTY:-d} ${EMPTY-d} ${NOPE-d}')).toBe('d  d');
    expect(w('${EMPTY:+s}|${EMPTY+s}|${NOPE+s}')).toBe('|s|');
    expect(w('${NOPE?must be set}')).toBe('ERR failed to process "${NOPE?must be set}": NOPE: must be set');
    expect(w('${EMPTY:?}')).toBe('ERR failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty');
  });

  it('implements #, ##, %, %% and / // with glob patterns', () => {
    expect(w('${F#*.}')).toBe('tar.gz');
    expect(w('${F##*.}')).toBe('gz');
    expect(w('${F%.*}')).toBe('archive.tar');
    expect(w('${F%%.*}')).toBe('archive');
    expect(w('${PATH_/bin/sbin}')).toBe('/usr/local/sbin:/usr/bin');
    expect(w('${PATH_//bin/sbin}')).toBe('/usr/local/sbin:/usr/sbin');
    expect(w('${F:#x}')).toBe('ERR failed to process "${F:#x}": unsupported modifier (:#) in substitution');
  });

  it('reports syntax errors in Docker words', () => {
    expect(w('${}')).toBe('ERR failed to process "${}": syntax error: bad substitution');
    // BuildKit's scanner returns EOF here, printed as U+FFFD (the reference's "missing '}'" is for `${x:-y`).
    expect(w('${x')).toBe('ERR failed to process "${x": unsupported modifier (\ufffd) in substitution');
    expect(w('${x:-y')).toBe('ERR failed to process "${x:-y": syntax error: missing \'}\'');
    expect(w('${F#\\x}')).toBe("ERR failed to process \"${F#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'");
    expect(w('"abc')).toBe('ERR failed to process "\\"abc": unexpected end of statement while looking for matching double-quote');
  });

  it('supports the backtick escape', () => {
    const r = expandWord('`$A', env, { escape: '`' });
    expect(r).toEqual({ ok: true, value: '$A' });
  });

  it('keeps `<< EOF` in one word, as BuildKit\'s heredoc-aware lexer does', () => {
    expect(expandWords('cat << EOF > x', {})).toEqual({ ok: true, value: ['cat', '<< EOF', '>', 'x'] });
  });

  it('splits words after expansion, keeping quoted spaces', () => {
    expect(expandWords('a "b c" $S', { S: 'x  y' })).toEqual({ ok: true, value: ['a', 'b c', 'x', 'y'] });
    expect(expandWords('a', new Map([['x', 'y']]))).toEqual({ ok: true, value: ['a'] });
  });

  it('shows RUN step names like BuildKit: set variables expanded, quotes and unset variables kept', () => {
    expect(expandForDisplay('RUN echo "$A" $NOPE ${NOPE:-x}', env)).toBe('RUN echo "hello" $NOPE ${NOPE:-x}');
  });
});
