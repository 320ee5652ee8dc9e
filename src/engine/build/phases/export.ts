/**
 * Phase 5, export: the export vertex and the tags, then what the CLI prints (BuildKit's tty or plain progress, or
 * the legacy builder's `Successfully built`), and a failure's frame.
 */
import type { BuildRun } from '../builder';
import { familiarOf } from '../builder';
import { errorFrame, renderPlain, renderTTY } from '../output';
import type { BuildAbort } from '../types';

export function exportImage(run: BuildRun, finalId: string): void {
  const tags = run.normalizedTags();
  run.rules.exportVertex(finalId, tags);
  for (const t of tags) run.host.images.tag(finalId, t);
}

function progressMode(run: BuildRun): 'tty' | 'plain' | 'quiet' {
  if (run.opts.quiet || run.opts.progress === 'quiet') return 'quiet';
  if (run.opts.progress === 'plain' || run.opts.progress === 'rawjson') return 'plain';
  if (run.opts.progress === 'tty') return 'tty';
  return run.io?.stdoutIsTTY ? 'tty' : 'plain';
}

export function printSuccess(run: BuildRun, imageId: string): void {
  const io = run.io;
  if (!io) return;
  if (run.builder === 'legacy') {
    if (run.opts.quiet) {
      io.stdout(imageId + '\n');
      return;
    }
    io.stdout(`Successfully built ${imageId.slice(7, 19)}\n`);
    for (const t of run.normalizedTags()) io.stdout(`Successfully tagged ${familiarOf(t)}\n`);
    return;
  }
  const mode = progressMode(run);
  if (mode === 'quiet') {
    io.stdout(imageId + '\n');
    return;
  }
  io.stderr(mode === 'tty' ? renderTTY(run.vertices, run.vt, io.columns) : renderPlain(run.vertices));
  for (const w of run.warnings) io.stderr(w);
}

export function printFailure(run: BuildRun, e: BuildAbort): void {
  const io = run.io;
  if (!io) return;
  printFailureText(run, e);
  if (e.failure.note) io.stderr(e.failure.note + '\n');
}

function printFailureText(run: BuildRun, e: BuildAbort): void {
  const io = run.io;
  if (!io) return;
  if (run.builder === 'legacy') {
    if (e.legacyText && e.legacyText.startsWith('Step ')) {
      io.stdout(e.legacyText);
      io.stderr(e.failure.message + '\n');
      return;
    }
    io.stderr((e.legacyText ?? e.failure.message) + '\n');
    return;
  }
  const mode = progressMode(run);
  if (mode === 'quiet' || run.vertices.length === 0) {
    io.stderr(errorFrame(e.failure));
    return;
  }
  io.stderr(mode === 'tty' ? renderTTY(run.vertices, run.vt, io.columns, e.failure) : renderPlain(run.vertices, e.failure));
}
