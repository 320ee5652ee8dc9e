/** A position in a source text. Lines and columns are 1-based; `end` is exclusive of nothing: it is the last character's column + 1. */
export interface SourcePos {
  line: number;
  column: number;
}

export interface SourceRange {
  start: SourcePos;
  end: SourcePos;
}

/**
 * Errors are values. `code` is stable (tests and the UI key on it); `message` is Docker's own words
 * where Docker has words for it.
 */
export interface EngineError {
  code: string;
  message: string;
  range?: SourceRange;
  /** File the range refers to (e.g. "Dockerfile"). */
  file?: string;
  /** One line of Layerlab's own after Docker's error (what the offline simulation has instead). */
  hint?: string;
}

export type Result<T, E = EngineError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = EngineError>(error: E): Result<never, E> => ({ ok: false, error });

export function engineError(code: string, message: string, extra: Partial<EngineError> = {}): EngineError {
  return { code, message, ...extra };
}
