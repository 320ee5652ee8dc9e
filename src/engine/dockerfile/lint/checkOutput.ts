/**
 * What Docker prints for Dockerfile checks:
 * - `docker build --check .` (buildx `printResult` "lint" + BuildKit `LintResults.PrintTo`),
 * - the warning summary at the end of a normal BuildKit build (buildx `printWarnings`).
 * Only BuildKit's own rules appear here; Layerlab's teaching rules are UI-only.
 */
import type { EngineError, SourceRange } from '../../core/errors';
import type { AstRoot } from '../ast';
import type { Diagnostic } from '../instructions';
import { parseCheckDirective } from '../directives';
import { parseDockerfile, type ParseOutput } from '../parseDockerfile';
import { lintDockerfile, type LintOptions } from './lintDockerfile';
import { RULES_BY_ID } from './rules';

/** BuildKit `errdefs.Source.Print`: the file name and line, then the lines around the range with `>>>` marks. */
export function formatSourceSnippet(source: string, ranges: SourceRange[], filename = 'Dockerfile'): string {
  if (ranges.length === 0) return '';
  const lines = source.split('\n');
  let start = Infinity;
  let end = 0;
  for (const r of ranges) {
    const e = Math.max(r.end.line, r.start.line);
    start = Math.min(start, r.start.line);
    end = Math.max(end, e);
  }
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  let p = 0;
  const prepadStart = start;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  const contains = (l: number) => ranges.some((r) => r.start.line <= l && Math.max(r.end.line, r.start.line) >= l);
  let out = `${filename}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    out += ` ${String(i).padStart(3)} | ${contains(i) ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}

/** BuildKit reports a check at the instruction's lines (column information is not printed). */
function lineRange(d: Diagnostic): SourceRange {
  return d.range;
}

export interface CheckOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface FormatCheckOptions {
  filename?: string;
  /** The build error, if the Dockerfile does not parse/validate. */
  error?: EngineError | null;
  /** `# check=error=true`: warnings fail the check. */
  errorOnWarn?: boolean;
}

/** Formats `docker build --check` output from BuildKit diagnostics. Exit code 1 when anything was found. */
export function formatCheckOutput(diagnostics: Diagnostic[], source: string, opts: FormatCheckOptions = {}): CheckOutput {
  const filename = opts.filename ?? 'Dockerfile';
  const warnings = diagnostics.filter((d) => d.source === 'buildkit' || (d.source === undefined && RULES_BY_ID.get(d.code)?.source === 'buildkit'));
  const sorted = warnings.map((w, i) => ({ w, i })).sort((a, b) => a.w.range.start.line - b.w.range.start.line || a.i - b.i).map((x) => x.w);
  let stdout = '';
  let stderr = '';
  const n = sorted.length;
  if (n > 0) stdout += `Check complete, ${n === 1 ? '1 warning has been found!' : `${n} warnings have been found!`}\n`;
  for (const w of sorted) {
    const rule = RULES_BY_ID.get(w.code);
    const url = w.url ?? rule?.url;
    stdout += `\nWARNING: ${w.code}${url ? ` - ${url}` : ''}\n${w.message}\n`;
    stdout += formatSourceSnippet(source, [lineRange(w)], filename);
  }
  let error: string | null = null;
  if (opts.error) {
    error = opts.error.message + '\n' + (opts.error.range ? formatSourceSnippet(source, [opts.error.range], filename) : '');
  } else if (opts.errorOnWarn && n > 0) {
    const names: string[] = [];
    for (const w of sorted) if (!names.includes(w.code)) names.push(w.code);
    error = `lint violation found for rules: ${names.join(', ')}\n`;
  }
  if (error !== null) {
    if (n > 0) stdout += '\n';
    stderr += `ERROR: ${error}`;
  } else if (n === 0) stdout += 'Check complete, no warnings found.\n';
  return { stdout, stderr, exitCode: n > 0 || error !== null ? 1 : 0 };
}

/** Parses, lints and formats in one go: what `docker build --check` prints for this Dockerfile. */
export function runBuildCheck(text: string, opts: LintOptions & { filename?: string; parsed?: ParseOutput } = {}): CheckOutput & { output: string; diagnostics: Diagnostic[] } {
  const parsed = opts.parsed ?? parseDockerfile(text);
  const diagnostics = lintDockerfile(parsed, { ...opts, layerlabRules: false });
  const check = parseCheckDirective(parsed.ast.directives.find((d) => d.name === 'check')?.value);
  const r = formatCheckOutput(diagnostics, text, { filename: opts.filename, error: parsed.error, errorOnWarn: check.error });
  return { ...r, output: r.stdout + r.stderr, diagnostics };
}

/**
 * The summary BuildKit prints after a build that had check warnings (stderr), e.g.
 * `\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: ... (line 5)\n`.
 * `color` wraps the header in yellow like buildx does on a terminal.
 */
export function formatBuildWarnings(diagnostics: Diagnostic[], opts: { color?: boolean } = {}): string {
  const warnings = diagnostics.filter((d) => d.source === 'buildkit' || (d.source === undefined && RULES_BY_ID.get(d.code)?.source === 'buildkit'));
  if (warnings.length === 0) return '';
  const n = warnings.length;
  let head = `${n === 1 ? '1 warning found' : `${n} warnings found`} (use docker --debug to expand):\n`;
  if (opts.color) head = `\x1b[33m${head}\x1b[0m`;
  let out = '\n ' + head;
  for (const w of warnings) {
    const line = w.range.start.line;
    out += ` - ${w.code}: ${w.message}${line > 0 ? ` (line ${line})` : ''}\n`;
  }
  return out;
}

/**
 * The classic builder's parser warnings (moby `Result.PrintWarnings`), printed before the steps:
 * `[WARNING]: Empty continuation line found in: RUN a  b` then one closing line.
 */
export function formatLegacyWarnings(ast: AstRoot): string {
  const nodes = ast.children.filter((n) => n.emptyContinuationLines.length > 0);
  if (nodes.length === 0) return '';
  let out = '';
  for (const n of nodes) out += `[WARNING]: Empty continuation line found in: ${n.original}\n`;
  return out + '[WARNING]: Empty continuation lines will become errors in a future release.\n';
}
