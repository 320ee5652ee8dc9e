/**
 * Layer 1 of Dockerfile parsing (BuildKit `frontend/dockerfile/parser`): bytes → AST. Handles the BOM,
 * directives, comments (also inside continuations), line continuation, empty continuation lines, flags,
 * per-instruction argument shapes and heredocs. It does not reject unknown instructions or require FROM:
 * that is validation's job (validate.ts).
 */
import type { EngineError, SourceRange } from '../core/errors';
import type { Diagnostic } from './instructions';
import type { AstHeredoc, AstNode, AstRoot } from './ast';
import { DirectiveScanner } from './directives';
import { expandWords } from './shellLexer';
import { isSpace, splitBlank, splitBlankOnce, trimLeftSpace, trimSpace, utf8Length } from './text';
import { goQuote } from '../core/format';

export const MAX_LINE_BYTES = 65535;

export interface AstParseResult {
  ast: AstRoot;
  error: EngineError | null;
}

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Removes trailing "\r" and "\n" characters (Go bytes.TrimRight(s, "\r\n")). */
function trimNewline(s: string): string {
  let j = s.length;
  while (j > 0) {
    const c = s.charCodeAt(j - 1);
    if (c === 10 || c === 13) j--;
    else break;
  }
  return j === s.length ? s : s.slice(0, j);
}

function isCommentText(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    if (isSpace(t[i])) continue;
    return t.charCodeAt(i) === 35;
  }
  return false;
}

function isEmptyText(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isSpace(t[i])) return false;
  return true;
}

/** Line continuation: escape char + optional [ \t]* at end of line, not preceded by another escape char. */
function trimContinuation(line: string, escape: string): [string, boolean] {
  let j = line.length;
  while (j > 0) {
    const c = line.charCodeAt(j - 1);
    if (c === 32 || c === 9) j--;
    else break;
  }
  if (j === 0 || line[j - 1] !== escape) return [line, true];
  if (j === 1) return ['', false];
  if (line[j - 2] === escape) return [line, true];
  return [line.slice(0, j - 1), false];
}

// ---------------------------------------------------------------------------------------------------
// Argument shapes (BuildKit line_parsers.go)

interface Parsed {
  args: string[];
  json: boolean;
  child?: AstNode;
}

/** Leading `--flag` words; returns the rest of the line and the flags. */
export function extractBuilderFlags(line: string, escape: string): [string, string[]] {
  const words: string[] = [];
  let phase: 0 | 1 | 2 = 0; // spaces, word, quote
  let word = '';
  let quote = '';
  let blankOK = false;
  const n = line.length;
  for (let pos = 0; pos <= n; pos++) {
    const ch = pos < n ? line[pos] : '';
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === n || line[pos + 1] !== '-') return [line.slice(pos), words];
      phase = 1;
    }
    if (pos === n) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 1) {
      if (isSpace(ch)) {
        phase = 0;
        if (word === '--') return [line.slice(pos), words];
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
        continue;
      }
      let c = ch;
      if (c === escape) {
        if (pos + 1 === n) continue;
        c = line[++pos];
      }
      word += c;
      continue;
    }
    // in quote
    if (ch === quote) {
      phase = 1;
      continue;
    }
    let c = ch;
    if (c === escape) {
      if (pos + 1 === n) {
        phase = 1;
        continue;
      }
      c = line[++pos];
    }
    word += c;
  }
  return ['', words];
}

/** Quote-aware word split that keeps quotes and escapes (used for ENV, LABEL, ARG). */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let phase: 0 | 1 | 2 = 0;
  let word = '';
  let quote = '';
  let blankOK = false;
  // Walks code points by UTF-16 index (no per-character array: this runs for every ENV/LABEL/ARG).
  const n = rest.length;
  const at = (i: number): string => {
    const c = rest.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff && i + 1 < n ? rest.slice(i, i + 2) : rest[i];
  };
  for (let pos = 0; pos <= n; pos += pos < n ? at(pos).length : 1) {
    let ch = pos < n ? at(pos) : '';
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch)) continue;
      phase = 1;
    }
    if (pos === n) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 1) {
      if (isSpace(ch)) {
        phase = 0;
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escape) {
        if (pos + ch.length === n) continue;
        word += ch;
        pos += ch.length;
        ch = at(pos);
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 1;
    if (ch === escape && quote !== "'") {
      if (pos + ch.length === n) {
        phase = 1;
        continue;
      }
      word += ch;
      pos += ch.length;
      ch = at(pos);
    }
    word += ch;
  }
  return words;
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** Returns the array if `rest` is a JSON array of strings, null if it is not JSON; throws on non-strings. */
function parseJSON(rest: string): string[] | null {
  const t = trimLeftSpace(rest);
  if (!t.startsWith('[')) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  for (const e of v) if (typeof e !== 'string') throw new ParseFailure(NOT_STRING_ARRAY, 'dockerfile.json-not-strings');
  return v as string[];
}

function parseMaybeJSON(rest: string): Parsed {
  if (rest === '') return { args: [], json: false };
  const j = parseJSON(rest);
  if (j) return { args: j, json: true };
  return { args: [rest], json: false };
}

function parseStringsWhitespaceDelimited(rest: string): Parsed {
  if (rest === '') return { args: [], json: false };
  return { args: splitBlank(rest), json: false };
}

function parseMaybeJSONToList(rest: string): Parsed {
  const j = parseJSON(rest);
  if (j) return { args: j, json: true };
  return parseStringsWhitespaceDelimited(rest);
}

function parseNameVal(rest: string, key: string, escape: string): Parsed {
  const words = parseWords(rest, escape);
  if (words.length === 0) return { args: [], json: false };
  if (!words[0].includes('=')) {
    const parts = splitBlankOnce(rest);
    if (parts.length < 2) throw new ParseFailure(`${key} must have two arguments`, 'dockerfile.args');
    return { args: [parts[0], parts[1]!, ''], json: false };
  }
  const args: string[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) {
      throw new ParseFailure(`Syntax error - can't find = in ${goQuote(w)}. Must be of the form: name=value`, 'dockerfile.args');
    }
    args.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return { args, json: false };
}

function parseHealthConfig(rest: string): Parsed {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep])) sep++;
  let next = sep;
  while (next < rest.length && isSpace(rest[next])) next++;
  if (sep === 0) return { args: [], json: false };
  const cmd = parseMaybeJSON(rest.slice(next));
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
}

type LineParser = (rest: string, escape: string, comments: string[]) => Parsed;

const DISPATCH: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: (rest, esc) => ({ args: parseWords(rest, esc), json: false }),
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, esc) => parseNameVal(rest, 'ENV', esc),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, esc) => parseNameVal(rest, 'LABEL', esc),
  maintainer: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  onbuild: (rest, esc) => {
    if (rest === '') return { args: [], json: false };
    return { args: [], json: false, child: newNodeFromLine(rest, esc, []) };
  },
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  user: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  volume: parseMaybeJSONToList,
  workdir: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
};

export const KNOWN_INSTRUCTIONS = Object.keys(DISPATCH);

const ZERO_RANGE: SourceRange = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
/** Shared empty lists (most instructions have no comments, heredocs or empty continuation lines). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function newNodeFromLine(line: string, escape: string, comments: string[]): AstNode {
  const trimmed = trimSpace(line);
  const parts = splitBlankOnce(trimmed);
  const keyword = parts[0];
  let flags: string[] = [];
  let rest = '';
  if (parts.length === 2) {
    [rest, flags] = extractBuilderFlags(parts[1]!, escape);
    rest = trimSpace(rest);
  }
  const value = keyword.toLowerCase();
  const fn = Object.prototype.hasOwnProperty.call(DISPATCH, value) ? DISPATCH[value] : undefined;
  const parsed: Parsed = fn ? fn(rest, escape, comments) : { args: [''], json: false };
  return {
    keyword,
    value,
    flags,
    args: parsed.args,
    child: parsed.child,
    json: parsed.json,
    original: line,
    heredocs: NONE,
    startLine: 0,
    endLine: 0,
    range: ZERO_RANGE,
    comments,
    emptyContinuationLines: NONE,
  };
}

const HEREDOC_RE = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** `<<EOF`, `<<-"EOF"`, `3<<EOF` → heredoc header, or null when the word is not one. */
export function parseHeredocWord(word: string): Omit<AstHeredoc, 'content' | 'range'> | null {
  const m = HEREDOC_RE.exec(word);
  if (!m || m[3].length === 0) return null;
  const rest = m[3];
  const env = {};
  const plain = expandWords(rest, env, { skipUnsetEnv: true });
  if (!plain.ok) throw new ParseFailure(plain.error.message, 'dockerfile.heredoc');
  if (plain.value.length !== 1) return null;
  const raw = expandWords(rest, env, { skipUnsetEnv: true, rawQuotes: true });
  if (!raw.ok || raw.value.length !== 1) return null;
  const count = (s: string) => {
    let c = 0;
    for (let i = 0; i < s.length; i++) if (s[i] === '"' || s[i] === "'") c++;
    return c;
  };
  const name = plain.value[0];
  return { name, expand: count(name) === count(raw.value[0]), chomp: m[2] === '-', fd: m[1] ? parseInt(m[1], 10) : 0 };
}

function canContainHeredoc(n: AstNode): boolean {
  const target = n.value === 'onbuild' && n.child ? n.child : n;
  if (target.value !== 'run' && target.value !== 'copy' && target.value !== 'add') return false;
  return !target.json;
}

function heredocsFromLine(line: string): Omit<AstHeredoc, 'content' | 'range'>[] {
  const words = expandWords(line, {}, { rawQuotes: true, rawEscapes: true });
  if (!words.ok) return [];
  const out: Omit<AstHeredoc, 'content' | 'range'>[] = [];
  for (const w of words.value) {
    const h = parseHeredocWord(w);
    if (h) out.push(h);
  }
  return out;
}

function trimLeadingTabs(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 9) i++;
  return s.slice(i);
}

// ---------------------------------------------------------------------------------------------------

/** Parses Dockerfile text into BuildKit's AST. Never throws. */
export function parseAst(input: string): AstParseResult {
  const directives = new DirectiveScanner();
  const children: AstNode[] = [];
  const warnings: Diagnostic[] = [];
  const lineTexts: string[] = [];
  let currentLine = 0;
  let pos = 0;
  const text = input;
  const len = text.length;

  const root = (): AstRoot => ({
    children,
    startLine: children.length ? children[0].startLine : -1,
    endLine: children.length ? children[children.length - 1].endLine : -1,
    escape: directives.escape,
    directives: directives.parsed.map((d) => ({ ...d })),
    warnings,
  });
  const lineEnd = (line: number) => (lineTexts[line - 1]?.length ?? 0) + 1;
  const fail = (message: string, code: string, startLine: number, endLine: number): AstParseResult => {
    const s = Math.max(1, startLine);
    const e = Math.max(s, endLine);
    return {
      ast: root(),
      error: { code, message, range: { start: { line: s, column: 1 }, end: { line: e, column: lineEnd(e) } }, file: 'Dockerfile' },
    };
  };

  let tooLong = false;
  /** Next physical line with its terminator, or null at EOF. */
  const scan = (): string | null => {
    if (pos >= len) return null;
    let nl = text.indexOf('\n', pos);
    nl = nl < 0 ? len : nl + 1;
    let raw = text.slice(pos, nl);
    pos = nl;
    if (lineTexts.length === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    // Go's bufio.Scanner (64 KiB tokens, line ending included) stops at a longer line: BuildKit then
    // finishes the instruction it was reading and reports the scanner error at the end.
    if (raw.length > MAX_LINE_BYTES / 3) {
      const bytes = utf8Length(raw) - (raw.endsWith('\n') ? 1 : 0);
      if (bytes > MAX_LINE_BYTES) {
        tooLong = true;
        pos = len;
        return null;
      }
    }
    lineTexts.push(trimNewline(raw));
    return raw;
  };

  try {
    let comments: string[] = NONE;
    for (;;) {
      const raw = scan();
      if (raw === null) break;
      currentLine++;
      const noNl = lineTexts[currentLine - 1];
      const isComment = isCommentText(noNl);
      if (isComment) {
        const c = trimSpace(trimLeftSpace(noNl).slice(1));
        if (c === '') comments = NONE;
        else comments = comments === NONE ? [c] : (comments.push(c), comments);
      }
      const token = trimLeftSpace(noNl);
      const derr = directives.feed(token);
      if (derr) return fail(derr, 'dockerfile.directive', currentLine, currentLine);
      if (directives.lastWasDirective && isComment && comments.length) comments.pop();
      const escape = directives.escape;
      const startLine = currentLine;
      const startColumn = noNl.length - token.length + 1;
      let [line, eol] = trimContinuation(isComment ? '' : token, escape);
      if (eol && line.length === 0) continue;

      let emptyLines: number[] = NONE;
      while (!eol) {
        const raw2 = scan();
        if (raw2 === null) break;
        currentLine++;
        const t2 = lineTexts[currentLine - 1];
        const derr2 = directives.feed(t2);
        if (derr2) return fail(derr2, 'dockerfile.directive', currentLine, currentLine);
        if (isCommentText(t2)) continue;
        if (isEmptyText(t2)) {
          emptyLines = emptyLines === NONE ? [currentLine] : (emptyLines.push(currentLine), emptyLines);
          continue;
        }
        const [c, e] = trimContinuation(t2, escape);
        line += c;
        eol = e;
      }

      let node: AstNode;
      try {
        node = newNodeFromLine(line, escape, comments);
      } catch (e) {
        if (e instanceof ParseFailure) return fail(e.message, e.code, startLine, currentLine);
        throw e;
      }
      node.emptyContinuationLines = emptyLines;
      if (emptyLines.length) {
        warnings.push({
          code: 'NoEmptyContinuation',
          severity: 'warning',
          message: 'Empty continuation line',
          range: { start: { line: currentLine, column: 1 }, end: { line: currentLine, column: lineEnd(currentLine) } },
        });
      }

      if (canContainHeredoc(node) && line.includes('<<')) {
        let heads: Omit<AstHeredoc, 'content' | 'range'>[];
        try {
          heads = heredocsFromLine(line);
        } catch (e) {
          if (e instanceof ParseFailure) return fail(e.message, e.code, startLine, currentLine);
          throw e;
        }
        for (const h of heads) {
          let content = '';
          let terminated = false;
          const bodyStart = currentLine + 1;
          for (;;) {
            const r = scan();
            if (r === null) break;
            currentLine++;
            let possible = lineTexts[currentLine - 1];
            if (h.chomp) possible = trimLeadingTabs(possible);
            if (possible === h.name) {
              terminated = true;
              break;
            }
            content += r;
          }
          if (!terminated) return fail('unterminated heredoc', 'dockerfile.heredoc', startLine, currentLine);
          if (node.heredocs === NONE) node.heredocs = [];
          node.heredocs.push({
            ...h,
            content,
            range: { start: { line: bodyStart, column: 1 }, end: { line: currentLine, column: lineEnd(currentLine) } },
          });
        }
      }

      node.startLine = startLine;
      node.endLine = currentLine;
      node.range = { start: { line: startLine, column: startColumn }, end: { line: currentLine, column: lineEnd(currentLine) } };
      if (node.child) {
        node.child.startLine = startLine;
        node.child.endLine = currentLine;
        node.child.range = node.range;
      }
      children.push(node);
      comments = NONE;
    }
  } catch (e) {
    // Defensive: the parser must never throw on user input.
    return fail(`internal parser error: ${(e as Error)?.message ?? String(e)}`, 'dockerfile.internal', currentLine, currentLine);
  }

  if (children.length === 0) return fail('file with no instructions', 'dockerfile.no-instructions', currentLine, currentLine);
  if (tooLong) {
    return fail(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, 'dockerfile.line-too-long', currentLine + 1, currentLine + 1);
  }
  return { ast: root(), error: null };
}
