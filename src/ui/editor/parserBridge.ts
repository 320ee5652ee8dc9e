/**
 * The parser engineer's module (src/engine/dockerfile/index.ts), loaded lazily and only if present, turned
 * into editor diagnostics and the "how Docker reads this" view. Shapes are normalised defensively so the
 * editor keeps working while the parser's API settles.
 */
import type { SourceRange } from '../../engine/core/errors';

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

type ParserModule = Record<string, any>;
const loaders = import.meta.glob('../../engine/dockerfile/index.ts');
let cached: Promise<ParserModule | null> | null = null;

export function loadParser(): Promise<ParserModule | null> {
  if (!cached) {
    const load = Object.values(loaders)[0];
    cached = load ? (load() as Promise<ParserModule>).catch(() => null) : Promise.resolve(null);
  }
  return cached;
}

const wholeLine = (line: number): SourceRange => ({ start: { line, column: 1 }, end: { line, column: 1000 } });

function rangeOf(x: any): SourceRange | null {
  if (!x) return null;
  if (x.range?.start) return x.range as SourceRange;
  if (x.start?.line) return x as SourceRange;
  if (typeof x.line === 'number') return wholeLine(x.line);
  if (typeof x.location?.line === 'number') return wholeLine(x.location.line);
  return null;
}

function fixesOf(x: any): Diagnostic['fixes'] {
  const raw = x.fixes ?? x.fix ?? x.suggestions;
  const list: any[] = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const out: Diagnostic['fixes'] = [];
  for (const f of list) {
    const title = typeof f.title === 'object' && f.title ? f.title : { en: String(f.title ?? f.description ?? 'Fix'), ko: String(f.title ?? f.description ?? '고치기') };
    const rawEdits: any[] = Array.isArray(f.edits) ? f.edits : [f];
    const edits = rawEdits
      .map((e) => {
        const r = rangeOf(e) ?? rangeOf(x);
        const text = e.newText ?? e.text ?? e.replacement;
        return r && typeof text === 'string' ? { range: r, text } : null;
      })
      .filter((e): e is { range: SourceRange; text: string } => e !== null);
    if (edits.length) out.push({ title: JSON.stringify(title), edits });
  }
  return out;
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

function toDiagnostic(x: any, severity: Diagnostic['severity']): Diagnostic | null {
  const r = rangeOf(x) ?? rangeOf(x.error);
  if (!r) return null;
  const sev = x.severity === 'error' || x.severity === 'warning' || x.severity === 'info' ? x.severity : severity;
  return {
    severity: sev,
    code: String(x.code ?? x.rule ?? x.ruleName ?? x.error?.code ?? ''),
    message: String(x.message ?? x.description ?? x.detail ?? x.error?.message ?? ''),
    range: r,
    fixes: fixesOf(x),
    url: x.url,
    messageKo: typeof x.messageKo === 'string' ? x.messageKo : undefined,
  };
}

/** Errors from parseDockerfile and warnings from lintDockerfile for a Dockerfile text. */
export function diagnose(mod: ParserModule, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let parsed: any;
  try {
    if (typeof mod.parseDockerfile === 'function') parsed = mod.parseDockerfile(text);
  } catch {
    parsed = undefined;
  }
  const errs: any[] = [];
  if (parsed && parsed.ok === false && parsed.error) errs.push(parsed.error);
  if (parsed && parsed.error && parsed.ok === undefined) errs.push(parsed.error);
  for (const w of (Array.isArray(parsed?.warnings) ? parsed.warnings : []) as any[]) {
    const d = toDiagnostic(w, 'warning');
    if (d) out.push(d);
  }
  for (const key of ['errors', 'diagnostics']) {
    const v = parsed?.[key] ?? parsed?.value?.[key];
    if (Array.isArray(v)) errs.push(...v);
  }
  for (const e of errs) {
    const d = toDiagnostic(e, 'error');
    if (d) out.push(d);
  }
  try {
    if (typeof mod.lintDockerfile === 'function') {
      let l = mod.lintDockerfile(parsed ?? text);
      if (l && !Array.isArray(l)) l = l.warnings ?? l.value ?? l.diagnostics ?? [];
      for (const w of (l ?? []) as any[]) {
        const d = toDiagnostic(w, 'warning');
        if (d) out.push(d);
      }
    }
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
export function describe(mod: ParserModule, text: string): unknown {
  try {
    return typeof mod.describeDockerfile === 'function' ? mod.describeDockerfile(text) : null;
  } catch {
    return null;
  }
}
