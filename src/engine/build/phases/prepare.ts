/**
 * Phase 1, prepare: reads the build context (after .dockerignore), the Dockerfile and its parse, the global ARGs,
 * and this build's step memos.
 */
import type { EngineError } from '../../core/errors';
import { defaultPlatformArgs, resolveGlobalArgs } from '../../dockerfile/index';
import { basename } from '../../fs/path';
import { humanSizeWithPrecision } from '../../core/format';
import type { BuildRun } from '../builder';
import { BuildContext, tarSize } from '../context';
import { ignoreMatcher, IgnoreMatcher } from '../dockerignore';
import { setFrameSource } from '../output';

export async function prepare(run: BuildRun): Promise<void> {
  const dir = run.opts.contextDir ?? '.';
  const entries = run.opts.contextEntries ?? (await run.host.context.list(dir));
  if (!entries) run.fail(`unable to prepare context: path "${dir}" not found`, { solve: false, legacy: `unable to prepare context: path "${dir}" not found` });
  // The Dockerfile.
  let text: string | null = run.opts.dockerfileText ?? null;
  const dfPath = run.opts.dockerfile;
  run.dockerfileName = dfPath ? basename(dfPath) : 'Dockerfile';
  if (text === null) {
    let bytes: Uint8Array | null = null;
    if (dfPath) bytes = await run.host.context.readFile(dfPath);
    else bytes = entries!.find((e) => e.path === 'Dockerfile' && e.type === 'file')?.content ?? null;
    if (!bytes) {
      const shown = dfPath ?? joinCtx(dir, 'Dockerfile');
      if (run.builder === 'legacy') run.fail(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${absLike(shown)}: no such file or directory`, { solve: false, legacy: `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${absLike(shown)}: no such file or directory` });
      run.vertex(`[internal] load build definition from ${run.dockerfileName}`, 0, [{ name: 'transferring dockerfile: 2B', durationMs: 0 }]);
      run.fail(`failed to read dockerfile: open ${run.dockerfileName}: no such file or directory`);
    }
    text = new TextDecoder().decode(bytes!);
  }
  run.source = text;
  setFrameSource(text, run.dockerfileName);
  const dfBytes = new TextEncoder().encode(text).length;
  if (run.builder === 'buildkit') run.vertex(`[internal] load build definition from ${run.dockerfileName}`, 10, [{ name: `transferring dockerfile: ${humanSizeWithPrecision(dfBytes, 3)}`, durationMs: 0 }]);
  // .dockerignore
  let ignoreText: string | null = null;
  let ignoreName = '.dockerignore';
  const find = (p: string) => entries!.find((e) => e.path === p && e.type === 'file')?.content ?? null;
  if (run.builder === 'buildkit') {
    const specific = dfPath ? await run.host.context.readFile(dfPath + '.dockerignore') : find('Dockerfile.dockerignore');
    if (specific) {
      ignoreText = new TextDecoder().decode(specific);
      ignoreName = run.dockerfileName + '.dockerignore';
    }
  }
  if (ignoreText === null) {
    const b = find('.dockerignore');
    if (b) ignoreText = new TextDecoder().decode(b);
  }
  const ig = ignoreMatcher(ignoreText);
  if (!ig.ok) run.fail(`failed to parse dockerignore: ${ig.error.message}`, { legacy: `Error response from daemon: ${ig.error.message}` });
  let matcher = ig.value;
  if (run.builder === 'legacy') {
    // The CLI always sends the Dockerfile and .dockerignore; the daemon then hides them unless not excluded.
    matcher = new IgnoreMatcher(matcher.patterns);
  }
  if (run.builder === 'buildkit') {
    void ignoreName;
    run.ignoreVertex = run.vertex('[internal] load .dockerignore', 10, [{ name: `transferring context: ${humanSizeWithPrecision(ignoreText ? new TextEncoder().encode(ignoreText).length : 2, 3)}`, durationMs: 0 }]);
  }
  run.ctx = new BuildContext(entries!, matcher, run.host.hashCache, `${dir}\0`);
  if (run.builder === 'legacy') {
    const all = entries!.filter((e) => !matcher.excludes(e.path) || e.path === 'Dockerfile' || e.path === '.dockerignore');
    run.out(`Sending build context to Docker daemon  ${humanSizeWithPrecision(tarSize(all), 4)}\n`);
  }
  const parsed = run.host.memos.parsedDockerfile(text);
  if (parsed.error || !parsed.dockerfile) {
    const e = parsed.error as EngineError;
    if (run.opts.check) {
      run.df = { metaArgs: [], stages: [], escape: '\\', directives: [], warnings: [] };
      return;
    }
    if (run.builder === 'legacy') {
      const msg = e.code === 'dockerfile.empty' ? `the Dockerfile (${run.dockerfileName}) cannot be empty` : e.message;
      run.fail(msg, { legacy: `Error response from daemon: ${msg}` });
    }
    run.fail(e.message, { range: e.range });
  }
  run.df = parsed.dockerfile!;
  if (!run.dryRun && !run.opts.check) {
    const w = run.host.memos.buildWarnings(parsed, run.opts.buildArgs);
    if (w) run.warnings.push(w);
  }
  const g = resolveGlobalArgs(run.df.metaArgs, { buildArgs: run.opts.buildArgs, builtinArgs: defaultPlatformArgs(), escape: run.df.escape });
  if (!g.ok) run.fail(g.error.message, { range: g.error.range });
  run.globals = g.value;
  run.memo = run.host.cache.memo(`${run.builder}|${run.opts.contextDir ?? '.'}|${run.opts.dockerfile ?? 'Dockerfile'}|${run.opts.target ?? ''}`);
}

export function joinCtx(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

function absLike(p: string): string {
  return p.startsWith('/') ? p : `/home/student/${p.replace(/^\.\//, '')}`;
}
