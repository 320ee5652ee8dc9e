/**
 * The Dockerfile parser (src/engine/dockerfile/index.ts), loaded lazily so the editor's first paint does not
 * wait for it, turned into editor diagnostics and the "how Docker reads this" view.
 */
import type { EngineError, SourceRange } from '../../engine/core/errors';
import type { Diagnostic as ParserDiagnostic, DockerfileDescription } from '../../engine/dockerfile/index';
import type { LintOptions } from '../../engine/dockerfile/lint/lintDockerfile';
import { nextTask } from '../state/nextTask';

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  range: SourceRange;
  /** Quick fixes: each applies its edits together. */
  fixes: { title: string; edits: { range: SourceRange; text: string }[] }[];
  url?: string;
  messageKo?: string;
}

export type ParserModule = typeof import('../../engine/dockerfile/index');
let cached: Promise<ParserModule | null> | null = null;

export function loadParser(): Promise<ParserModule | null> {
  // (the first use in a task after the module's evaluation, not in the same one)
  if (!cached) cached = import('../../engine/dockerfile/index').then(async (m) => (await nextTask(), m)).catch(() => null);
  return cached;
}

const wholeLine = (line: number): SourceRange => ({ start: { line, column: 1 }, end: { line, column: 1000 } });

function fromParser(d: ParserDiagnostic): Diagnostic {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    range: d.range,
    fixes: (d.fixes ?? (d.fix ? [d.fix] : [])).map((f) => ({ title: JSON.stringify(f.title), edits: f.edits.map((e) => ({ range: e.range, text: e.newText })) })),
    url: d.url,
    messageKo: d.messageKo,
  };
}

function fromError(e: EngineError): Diagnostic {
  return { severity: 'error', code: e.code, message: e.message, range: e.range ?? wholeLine(1), fixes: [] };
}

/** A fix title in the UI language (titles are stored as a JSON {en, ko} pair). */
export function fixTitle(title: string, lang: 'en' | 'ko'): string {
  try {
    const t = JSON.parse(title) as { en?: string; ko?: string };
    return (lang === 'ko' ? t.ko : t.en) ?? t.en ?? title;
  } catch {
    return title;
  }
}

/** The parse error and warnings of parseDockerfile and the warnings of lintDockerfile for a Dockerfile text. */
export function diagnose(mod: ParserModule, text: string, lint: LintOptions = {}): Diagnostic[] {
  const parsed = mod.parseDockerfile(text);
  const out: Diagnostic[] = parsed.warnings.map(fromParser);
  if (parsed.error) out.push(fromError(parsed.error));
  try {
    out.push(...mod.lintDockerfile(parsed, lint).map(fromParser));
  } catch {
    // a lint crash must not break the editor
  }
  const seen = new Set<string>();
  return out.filter((d) => {
    const k = `${d.code}|${d.message}|${d.range.start.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The parser's "how Docker reads this" view model, or null. */
export function describe(mod: ParserModule, text: string): DockerfileDescription | null {
  try {
    return mod.describeDockerfile(text);
  } catch {
    return null;
  }
}
