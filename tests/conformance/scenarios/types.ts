/**
 * The differential conformance corpus: sequences of builds played on a real Docker engine (the oracle) and on
 * Layerlab, compared build by build (step list, cache outcome per step, resulting files).
 */

/** A context file: text (mode 0644) or text with a mode. */
export type FileSpec = string | { content: string; mode?: number };

export type Builder = 'buildkit' | 'classic';

export interface BuildSpec {
  /** What this build checks, for the report. */
  note: string;
  /** Files to write (created or replaced); `null` removes the file. The first build's files are the whole context. */
  files?: Record<string, FileSpec | null>;
  /** chmod on existing context files (mode bits only; content unchanged). */
  chmod?: Record<string, number>;
  /** Touch files: new mtime, same content and mode. Layerlab has no mtimes, so nothing changes there. */
  touch?: string[];
  /** Extra `docker build` flags: --no-cache, --build-arg K=V, --target T, -f F. */
  flags?: string[];
}

export interface Scenario {
  name: string;
  /** Which builders to play it on (default both). */
  builders?: Builder[];
  builds: BuildSpec[];
}

/** One step as the build output shows it. */
export interface StepOutcome {
  /** "[2/4] COPY a.txt /app/" (BuildKit) or "Step 3/5 : COPY a.txt /app/" (classic), whitespace collapsed; FROM steps are "… FROM". */
  name: string;
  /** Taken from cache? FROM steps are always recorded as null: their status is not compared. */
  cached: boolean | null;
}

/** A file, directory or symlink of the resulting image that differs from the base image (busybox). */
export interface FileEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits as octal text, e.g. "755". */
  mode: string;
  /** "uid:gid". */
  owner?: string;
  /** sha256 of a file's content (first 16 hex). */
  sha?: string;
  target?: string;
}

export interface BuildResult {
  scenario: string;
  builder: Builder;
  index: number;
  note: string;
  ok: boolean;
  steps: StepOutcome[];
  /** Entries added or changed relative to the base image, sorted by path (new directories, files, links). */
  files: FileEntry[];
  /** Base paths the build removed. */
  removed: string[];
  /** The last lines of output when the build failed. */
  error?: string;
}

export interface OracleResults {
  comment: string;
  engine: string;
  recordedAt: string;
  results: BuildResult[];
}
