/**
 * Phase 3, resolve bases: each stage's base image from the local store or the registry (a pull), BuildKit's
 * `[internal] load metadata for ...` vertices, and the base image's ONBUILD triggers, which run first in the stage.
 */
import { parseDockerfile, type Instruction } from '../../dockerfile/index';
import type { EngineError, Result } from '../../core/errors';
import { parseReference, withDefaultTag } from '../../images/reference';
import type { ImageRecord } from '../../images/store';
import type { BuildRun } from '../builder';
import type { StagePlan } from '../types';

export function resolveBases(run: BuildRun, order: number[]): void {
  // [internal] load metadata for each image, then the base images themselves.
  for (const i of order) {
    const p = run.plans[i];
    if (p.base.kind !== 'image') continue;
    const b = p.base;
    let image = baseImage(run, b.ref);
    let pulled = '';
    let pullMs = 0;
    if (!image && run.dryRun && run.host.registry) {
      // A prediction pulls nothing, but a base the registry lacks fails at its FROM line as the build would.
      const ref = parseReference(b.ref);
      const found = ref.ok ? run.host.registry.lookup(withDefaultTag(ref.value)) : ref;
      if (!found.ok) baseUnavailable(run, b.ref, b.canonical, p, found.error);
    }
    if (!image && !run.dryRun) {
      if (!run.host.registry) baseUnavailable(run, b.ref, b.canonical, p);
      const r = pullBase(run, b.ref, (t) => (pulled += t));
      if (!r.ok) baseUnavailable(run, b.ref, b.canonical, p, r.error);
      image = r.value.image;
      pullMs = 1500 + Math.round(run.host.images.size(image.id) / 40_000);
    }
    b.image = image;
    b.pulledOutput = pulled;
    if (run.builder === 'buildkit' && !run.vertices.some((v) => v.name === `[internal] load metadata for ${b.canonical}`)) {
      run.vertex(`[internal] load metadata for ${b.canonical}`, 400 + (pullMs ? 1200 : 0));
    }
    p.pullMs = pullMs;
    const onbuild = image?.config.config.OnBuild ?? [];
    if (onbuild.length) {
      const triggers: { ins: Instruction; trigger: boolean }[] = [];
      for (const expr of onbuild) {
        const parsed = parseDockerfile(`FROM scratch\n${expr}\n`);
        const ins = parsed.dockerfile?.stages[0]?.instructions[0];
        if (ins) triggers.push({ ins: { ...ins, line: p.stage.from.line, endLine: p.stage.from.endLine, range: p.stage.from.range } as Instruction, trigger: true });
      }
      p.instructions = [...triggers, ...p.instructions];
    }
  }
  // BuildKit prints the metadata lookups before the .dockerignore load.
  if (run.ignoreVertex) {
    run.vertices.splice(run.vertices.indexOf(run.ignoreVertex), 1);
    run.vertices.push(run.ignoreVertex);
  }
}

/**
 * An image a build reads (a stage's base, `COPY --from=<image>`) that is already here: the daemon's image, or for
 * BuildKit also one it pulled for an earlier build and keeps in its own store.
 */
export function baseImage(run: BuildRun, ref: string): ImageRecord | undefined {
  return run.builder === 'buildkit' ? run.host.images.builderImage(ref) : run.host.images.get(ref);
}

/**
 * Pulls an image a build reads. The classic builder pulls through the daemon, so the image is then listed
 * (`docker image ls`); BuildKit pulls into its own store: the layers are here for later builds and pulls, but the
 * image is not listed, and `docker run` of it pulls it again.
 */
export function pullBase(run: BuildRun, ref: string, out: (text: string) => void, quiet = false): Result<{ image: ImageRecord }> {
  const r = run.host.registry!.pull(ref, { out, quiet });
  if (r.ok && run.builder === 'buildkit') run.host.images.holdForBuilder(ref, r.value.image.id);
  return r;
}

/**
 * A base image the registry cannot serve (or no registry), in each builder's words:
 * - a missing tag: BuildKit `failed to resolve source metadata for docker.io/library/python:3.7.99:
 *   docker.io/library/python:3.7.99: not found` (moby v28.5.2 vendor/github.com/moby/buildkit/client/llb/
 *   sourceresolver/imageresolver.go wraps containerd's resolver error, core/remotes/docker/resolver.go
 *   `fmt.Errorf("%s: %w", ref, errdefs.ErrNotFound)`); the legacy builder prints the daemon's pull error
 *   (distribution/errors.go: `manifest for python:3.7.99 not found: manifest unknown: manifest unknown`);
 * - a repository that does not exist: "pull access denied" (BuildKit: the registry's insufficient_scope).
 * Layerlab's hint line (closest tags) follows the error.
 */
function baseUnavailable(run: BuildRun, ref: string, canonical: string, p: StagePlan, cause?: EngineError): never {
  const r = parseReference(ref);
  const name = r.ok ? r.value.path.replace(/^library\//, '') : ref;
  const hint = cause?.hint;
  if (run.builder === 'legacy') {
    run.fail(cause?.message ?? `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`, {
      legacy: `Step ${1}/${run.legacyTotal()} : ${p.stage.from.original}\n`,
      range: p.stage.from.range,
      note: hint,
    });
  }
  let why = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  if (cause?.code === 'registry.manifest-unknown') why = `${canonical}: not found`;
  else if (cause?.code === 'registry.unreachable') why = cause.message.replace(/^Get "([^"]+)"/, 'failed to do request: Head "$1"');
  run.vertex(`[internal] load metadata for ${canonical}`, 900).error = why;
  run.fail(`${ref}: failed to resolve source metadata for ${canonical}: ${why}`, { range: p.stage.from.range, note: hint });
}
