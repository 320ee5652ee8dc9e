/**
 * The low-level Dockerfile AST (BuildKit's `parser.Node`): one node per instruction with its flags and
 * arguments exactly as the parser split them, before validation and variable expansion.
 */
import type { SourceRange } from '../core/errors';
import type { Diagnostic } from './instructions';
import { goQuote } from '../core/format';

export interface AstHeredoc {
  /** Delimiter word without quotes. */
  name: string;
  /** Body as written: every line with its "\n" (no tab stripping here). */
  content: string;
  /** Unquoted delimiter: the body is expanded. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped. */
  chomp: boolean;
  fd: number;
  range: SourceRange;
}

export interface AstNode {
  /** Instruction word as written: "Run". */
  keyword: string;
  /** Instruction word lower-cased: "run". */
  value: string;
  /** Leading `--flag` words, quotes removed. */
  flags: string[];
  /** Arguments as the parser kept them (the dump prints these). */
  args: string[];
  /** ONBUILD: the trigger instruction. */
  child?: AstNode;
  /** Arguments came from a JSON array. */
  json: boolean;
  /** The logical line after continuation joining (first line's indentation removed). */
  original: string;
  heredocs: AstHeredoc[];
  /** First and last physical line (1-based), including skipped blank/comment lines inside. */
  startLine: number;
  endLine: number;
  range: SourceRange;
  /** The comment lines right above the instruction (without "#"). */
  comments: string[];
  /** Physical lines that made up this instruction (for lint: continuation details). */
  emptyContinuationLines: number[];
}

export interface AstRoot {
  children: AstNode[];
  /** First line of the first instruction, last line of the last (-1 when there is none). */
  startLine: number;
  endLine: number;
  escape: string;
  directives: { name: string; value: string; line: number }[];
  warnings: Diagnostic[];
}

function dumpNode(n: AstNode): string {
  let s = n.value;
  if (n.flags.length) s += ' [' + n.flags.map(goQuote).join(' ') + ']';
  if (n.child) s += ' (' + dumpNode(n.child) + ')';
  for (const a of n.args) s += ' ' + goQuote(a);
  return s;
}

/** BuildKit's `Node.Dump()`: one "(instruction args...)" per line, no trailing newline. */
export function dumpAst(ast: AstRoot | { children: AstNode[] }): string {
  return ast.children.map((c) => '(' + dumpNode(c) + ')').join('\n');
}

/** One instruction in dump form, e.g. `run "echo hi"` (what BuildKit uses inside ONBUILD args). */
export function dumpInstruction(n: AstNode): string {
  return dumpNode(n);
}
