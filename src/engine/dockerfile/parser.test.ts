import { describe, expect, it } from 'vitest';
import { dumpAst, parseAst } from './index';

const dump = (t: string) => {
  const r = parseAst(t);
  return r.error ? `ERROR: ${r.error.message}` : dumpAst(r.ast);
};

describe('Dockerfile parser (BuildKit AST)', () => {
  it('joins continuation lines with nothing inserted and keeps the next line indentation', () => {
    expect(dump('RUN echo hello \\\n  world\n')).toBe('(run "echo hello   world")');
    expect(dump('RUN foo\\\nbar\n')).toBe('(run "foobar")');
  });

  it('drops comment lines inside a continuation and counts them in the line range', () => {
    const r = parseAst('RUN a \\\n# comment\n  b\n');
    expect(dumpAst(r.ast)).toBe('(run "a   b")');
    expect([r.ast.children[0].startLine, r.ast.children[0].endLine]).toEqual([1, 3]);
  });

  it('skips empty continuation lines and warns NoEmptyContinuation at the instruction end', () => {
    const r = parseAst('FROM a\nRUN a \\\n\n  b\n');
    expect(dumpAst(r.ast)).toBe('(from "a")\n(run "a   b")');
    expect(r.ast.warnings).toHaveLength(1);
    expect(r.ast.warnings[0]).toMatchObject({ code: 'NoEmptyContinuation', message: 'Empty continuation line', range: { start: { line: 4 } } });
    expect(r.ast.children[1].emptyContinuationLines).toEqual([3]);
  });

  it('does not continue a line ending in an escaped escape', () => {
    expect(dump('RUN a\\\\\nRUN b\n')).toBe('(run "a\\\\\\\\")\n(run "b")');
  });

  it('honours # escape=` only in the leading directive block', () => {
    expect(dump('# escape=`\nRUN a `\n  b\n')).toBe('(run "a   b")');
    expect(dump('# hello\n# escape=`\nRUN a `\nRUN b\n')).toBe('(run "a `")\n(run "b")');
    expect(dump('# ESCAPE = ` \nRUN a `\nb\n')).toBe('(run "a b")');
  });

  it('rejects bad and repeated directives', () => {
    expect(dump('# escape=x\nFROM a\n')).toBe("ERROR: invalid escape token 'x' does not match ` or \\");
    expect(dump('# syntax=a\n# SYNTAX=b\nFROM a\n')).toBe('ERROR: only one syntax parser directive can be used');
  });

  it('strips a UTF-8 BOM and ignores leading indentation', () => {
    expect(dump('\uFEFFFROM a\n   RUN b\n')).toBe('(from "a")\n(run "b")');
    expect(parseAst('   RUN b\n').ast.children[0].range.start).toEqual({ line: 1, column: 4 });
  });

  it('keeps unknown instructions with one empty argument (validation rejects them later)', () => {
    expect(dump('FORM alpine\n')).toBe('(form "")');
  });

  it('splits flags, drops a bare --, and removes quotes inside flags', () => {
    expect(dump('COPY --chown="a b" -- x y\n')).toBe('(copy ["--chown=a b"] "x" "y")');
  });

  it('uses the maybe-JSON rule: invalid JSON falls back to shell form, non-strings are an error', () => {
    expect(dump("CMD ['a']\n")).toBe('(cmd "[\'a\']")');
    expect(dump('CMD ["a", "b"]\n')).toBe('(cmd "a" "b")');
    expect(dump('CMD ["a", 1]\n')).toBe('ERROR: when using JSON array syntax, arrays must be comprised of strings only');
    expect(parseAst('CMD ["a"]\n').ast.children[0].json).toBe(true);
  });

  it('reads ENV legacy and key=value forms', () => {
    expect(dump('ENV ONE TWO= THREE=world\n')).toBe('(env "ONE" "TWO= THREE=world" "")');
    expect(dump('ENV a=1 b="x y"\n')).toBe('(env "a" "1" "=" "b" "\\"x y\\"" "=")');
    expect(dump('ENV a=1 b\n')).toBe('ERROR: Syntax error - can\'t find = in "b". Must be of the form: name=value');
  });

  it('collects heredoc bodies (several per line, <<- strips tabs when compared, quoted delimiter = no expansion)', () => {
    const r = parseAst('FROM a\nRUN <<A cat > a && <<-"B" cat > b\nhello $x\nA\n\tbye\n\tB\nRUN next\n');
    expect(r.error).toBeNull();
    expect(dumpAst(r.ast)).toBe('(from "a")\n(run "<<A cat > a && <<-\\"B\\" cat > b")\n(run "next")');
    const h = r.ast.children[1].heredocs;
    expect(h.map((x) => [x.name, x.content, x.expand, x.chomp])).toEqual([
      ['A', 'hello $x\n', true, false],
      ['B', '\tbye\n', false, true],
    ]);
    expect([r.ast.children[1].startLine, r.ast.children[1].endLine]).toEqual([2, 6]);
  });

  it('accepts blanks between << and the delimiter', () => {
    const r = parseAst('FROM a\nRUN cat << EOF\nhi\nEOF\n');
    expect(r.error).toBeNull();
    expect(r.ast.children[1].heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', 'hi\n']]);
  });

  it('does not look for heredocs in exec form or other instructions', () => {
    expect(dump('RUN ["cat", "<<EOF"]\nCMD cat <<EOF\n')).toBe('(run "cat" "<<EOF")\n(cmd "cat <<EOF")');
  });

  it('reports an unterminated heredoc with its range', () => {
    const r = parseAst('FROM a\nRUN <<EOF\nhi\n');
    expect(r.error).toMatchObject({ message: 'unterminated heredoc', range: { start: { line: 2 }, end: { line: 3 } } });
  });

  it('dumps ONBUILD triggers recursively', () => {
    expect(dump('ONBUILD RUN ["echo", "x"]\n')).toBe('(onbuild (run "echo" "x"))');
  });

  it('enforces the 65,535-byte line limit (in UTF-8 bytes) like Go\'s line scanner', () => {
    const tooLong = 'dockerfile line greater than max allowed size of 65535';
    expect(parseAst('FROM a\nRUN ' + 'x'.repeat(65531) + '\n').error).toBeNull();
    expect(parseAst('FROM a\nRUN ' + 'x'.repeat(65532) + '\n').error).toMatchObject({ message: tooLong, range: { start: { line: 2 } } });
    expect(parseAst('FROM a\nRUN ' + '한'.repeat(21844) + '\n').error?.message).toBe(tooLong);
    // The scanner stops at the long line: with no instruction read before it, BuildKit says the file is empty.
    expect(parseAst('RUN ' + 'x'.repeat(70000) + '\n').error?.message).toBe('file with no instructions');
  });
});
