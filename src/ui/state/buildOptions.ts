/**
 * What the Build button asks of the engine: the build options from the settings and the active workspace, the
 * build arguments typed as text, and the equivalent `docker build` command line shown in the terminal.
 */
import type { UiBuildOptions } from '../engine/engineApi';
import type { Settings } from '../persist/saved';
import type { Workspace } from '../workspace/workspace';

/** The build of the active workspace, as `docker build -t <tag> .` with the chosen builder and options. */
export function buildOptions(settings: Pick<Settings, 'builder' | 'noCache'>, ws: Workspace | undefined, target: string, buildArgs: string): UiBuildOptions {
  return {
    contextDir: '.',
    dockerfile: 'Dockerfile',
    tags: ws?.tag ? [ws.tag] : [],
    builder: settings.builder,
    noCache: settings.noCache,
    target: target || undefined,
    buildArgs: parseBuildArgs(buildArgs),
  };
}

/** `A=1, B=two words` (one per line or comma-separated) as build arguments; entries without a name are skipped. */
export function parseBuildArgs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/[\n,]/)) {
    const l = raw.trim();
    if (!l) continue;
    const eq = l.indexOf('=');
    if (eq <= 0) continue;
    out[l.slice(0, eq).trim()] = l.slice(eq + 1);
  }
  return out;
}

/** The equivalent command line, echoed in the terminal so learners see what the button does. */
export function buildCommandLine(o: UiBuildOptions): string {
  const parts = ['docker', 'build'];
  for (const t of o.tags) parts.push('-t', t);
  if (o.noCache) parts.push('--no-cache');
  if (o.target) parts.push('--target', o.target);
  for (const [k, v] of Object.entries(o.buildArgs)) parts.push('--build-arg', /\s/.test(v) ? `"${k}=${v}"` : `${k}=${v}`);
  parts.push(o.contextDir);
  return (o.builder === 'legacy' ? 'DOCKER_BUILDKIT=0 ' : '') + parts.join(' ');
}

