/**
 * What one engine's builds remember between builds to save work, none of it persisted: the last Dockerfile's
 * parse and build warnings (by text), COPY's per-file tags, and the last COPY shapes (copy-layer.ts).
 * Dropping any of it changes no result, only the time a rebuild takes.
 */
import { formatBuildWarnings, lintDockerfile, parseDockerfile } from '../dockerfile/index';
import { octal } from '../fs/layer';
import type { CopyShape } from './instructions/copy-layer';

type Parsed = ReturnType<typeof parseDockerfile>;

export class BuildMemos {
  private lastParsed: { text: string; parsed: Parsed } | null = null;
  private lastWarnings: { parsed: object; args: string; warnings: string } | null = null;
  private fileTags = new Map<number, Map<string, string>>();
  private shapes = new Map<string, CopyShape>();

  /** The Dockerfile's parse (parsing is pure and the builder never modifies the AST: a rebuild reuses it). */
  parsedDockerfile(text: string): Parsed {
    if (this.lastParsed?.text !== text) this.lastParsed = { text, parsed: parseDockerfile(text) };
    return this.lastParsed.parsed;
  }

  /** The build warnings (lint) of a parse with these build args. */
  buildWarnings(parsed: Parsed, buildArgs: Record<string, string> | undefined): string {
    const args = JSON.stringify(buildArgs ?? {});
    if (this.lastWarnings?.parsed !== parsed || this.lastWarnings.args !== args) {
      this.lastWarnings = { parsed, args, warnings: formatBuildWarnings(lintDockerfile(parsed, { buildArgs, layerlabRules: false })) };
    }
    return this.lastWarnings.warnings;
  }

  /** A COPY memo's per-file value, `mode:digest-prefix` (kept per mode and digest so rebuilds reuse the same strings). */
  fileTag(mode: number, digest: string): string {
    let m = this.fileTags.get(mode);
    if (!m) {
      if (this.fileTags.size > 64) this.fileTags.clear();
      this.fileTags.set(mode, (m = new Map()));
    }
    let t = m.get(digest);
    if (t === undefined) {
      t = octal(mode) + ':' + digest.slice(0, 16);
      if (m.size > 100_000) m.clear();
      m.set(digest, t);
    }
    return t;
  }

  /** Last COPY shape per destination and flags. */
  copyShapes(): Map<string, CopyShape> {
    if (this.shapes.size > 64) this.shapes.clear();
    return this.shapes;
  }
}
