/**
 * parseDockerfile: text → AST + typed stages + the first error in Docker's words. Never throws.
 * Layers: parser.ts (BuildKit parser.Parse), validate.ts (instructions.Parse), then the static checks
 * BuildKit's converter makes before building (empty file, no stages, COPY --from a later stage).
 */
import type { EngineError } from '../core/errors';
import type { AstRoot } from './ast';
import type { Diagnostic, Dockerfile } from './instructions';
import { checkDirectiveError } from './directives';
import { parseAst } from './parser';
import { validateAst } from './validate';

export interface ParseOutput {
  ast: AstRoot;
  dockerfile: Dockerfile | null;
  error: EngineError | null;
  warnings: Diagnostic[];
  /** The text that was parsed (lint quick fixes and the check output quote it). */
  source: string;
}

const EMPTY_AST: AstRoot = { children: [], startLine: -1, endLine: -1, escape: '\\', directives: [], warnings: [] };

function emptyOutput(error: EngineError, source: string): ParseOutput {
  return { ast: { ...EMPTY_AST, children: [], directives: [], warnings: [] }, dockerfile: null, error, warnings: [], source };
}

export function parseDockerfile(text: string): ParseOutput {
  try {
    if (typeof text !== 'string' || text.length === 0) {
      return emptyOutput({
        code: 'dockerfile.empty',
        message: 'the Dockerfile cannot be empty',
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        file: 'Dockerfile',
      }, '');
    }
    const { ast, error } = parseAst(text);
    // BuildKit reads `# check=` before parsing, and a bad value fails the build.
    const check = ast.directives.find((d) => d.name === 'check');
    const checkErr = check ? checkDirectiveError(check.value) : null;
    if (checkErr) {
      const range = { start: { line: check!.line, column: 1 }, end: { line: check!.line, column: 1 } };
      return { ast, dockerfile: null, error: { code: 'dockerfile.directive', message: checkErr, range, file: 'Dockerfile' }, warnings: ast.warnings, source: text };
    }
    if (error) return { ast, dockerfile: null, error, warnings: ast.warnings, source: text };
    const v = validateAst(ast);
    if (v.error || !v.dockerfile) return { ast, dockerfile: null, error: v.error, warnings: ast.warnings, source: text };
    const df = v.dockerfile;
    if (df.stages.length === 0) {
      const last = ast.children[ast.children.length - 1];
      return {
        ast,
        dockerfile: df,
        error: { code: 'dockerfile.no-stages', message: 'dockerfile contains no stages to build', range: last.range, file: 'Dockerfile' },
        warnings: ast.warnings,
        source: text,
      };
    }
    const later = checkStageReferences(df);
    return { ast, dockerfile: df, error: later, warnings: ast.warnings, source: text };
  } catch (e) {
    return emptyOutput({ code: 'dockerfile.internal', message: `internal parser error: ${(e as Error)?.message ?? String(e)}` }, String(text));
  }
}

/** `COPY --from=<stage defined later>` and `COPY --from=$VAR` (BuildKit rejects both before building). */
function checkStageReferences(df: Dockerfile): EngineError | null {
  // BuildKit registers every stage name before dispatching; a repeated name refers to the last stage with it.
  const names = new Map<string, number>();
  df.stages.forEach((s) => {
    if (s.name) names.set(s.name, s.index);
  });
  for (const stage of df.stages) {
    for (const ins of stage.instructions) {
      if (ins.kind !== 'COPY' || ins.from === undefined) continue;
      if (ins.from.includes('$')) {
        return {
          code: 'dockerfile.from-expansion',
          message: 'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
          range: ins.range,
          file: 'Dockerfile',
        };
      }
      const ref = ins.from.toLowerCase();
      let idx = names.get(ref);
      if (idx === undefined && /^\d+$/.test(ref)) idx = parseInt(ref, 10);
      // A later stage name (or index) is an error; an unknown name is an image reference.
      if (idx === stage.index) {
        return {
          code: 'dockerfile.stage-order',
          message: `circular dependency detected on stage: ${stage.name ?? ''}`,
          range: ins.range,
          file: 'Dockerfile',
        };
      }
      if (idx !== undefined && idx > stage.index && idx < df.stages.length) {
        return {
          code: 'dockerfile.stage-order',
          message: `cannot copy from stage "${ins.from}", it needs to be defined before current stage "${stage.name ?? ''}"`,
          range: ins.range,
          file: 'Dockerfile',
        };
      }
    }
  }
  return null;
}
