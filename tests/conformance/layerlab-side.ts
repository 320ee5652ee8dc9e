/**
 * Plays conformance scenarios on Layerlab through its docker CLI (`engine.run(['build', ...])`), the same
 * way the oracle plays them on a real engine, and reports results in the same shape.
 */
import { createHash } from 'node:crypto';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { commands } from '../../src/engine/cli/commands/index';
import { findCommand } from '../../src/engine/cli/docker';
import type { FsNode } from '../../src/engine/fs/node';
import { diffAgainstBase, ignoredPath, parseBuildKitSteps, parseClassicSteps, shortSha } from './harness';
import type { BuildResult, Builder, FileEntry, FileSpec, Scenario } from './scenarios/types';

const hasBuildCommand = () => findCommand(commands, ['build']) !== null;

interface BuildApi {
  build(opts: Record<string, unknown>, io: ReturnType<typeof bufferIO>): Promise<{ exitCode: number }>;
}
const buildApi = (e: Engine) => (typeof (e as unknown as Partial<BuildApi>).build === 'function' ? (e as unknown as BuildApi) : null);

/** Can Layerlab build yet: a `docker build` command, or at least `engine.build`? */
export function layerlabCanBuild(): boolean {
  return hasBuildCommand() || buildApi(new Engine({ env: testEnv() })) !== null;
}

/** Until `docker build` is registered: the corpus's flags as engine.build options. */
function buildOptions(flags: string[], tag: string, builder: Builder): Record<string, unknown> {
  const o: Record<string, unknown> = { tags: [tag], builder, progress: builder === 'buildkit' ? 'plain' : undefined, buildArgs: {} };
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (f === '--no-cache') o.noCache = true;
    else if (f === '--target') o.target = flags[++i];
    else if (f === '--build-arg') {
      const [k, ...v] = flags[++i].split('=');
      (o.buildArgs as Record<string, string>)[k] = v.join('=');
    } else if (f === '-f') o.dockerfile = flags[++i];
    else throw new Error(`conformance: flag ${f} has no engine.build equivalent`);
  }
  return o;
}

type Ctx = Map<string, { content: string; mode: number }>;

export function applyEdits(ctx: Ctx, files: Record<string, FileSpec | null> | undefined, chmod: Record<string, number> | undefined): void {
  for (const [p, v] of Object.entries(files ?? {})) {
    if (v === null) ctx.delete(p);
    else if (typeof v === 'string') ctx.set(p, { content: v, mode: ctx.get(p)?.mode ?? 0o644 });
    else ctx.set(p, { content: v.content, mode: v.mode ?? ctx.get(p)?.mode ?? 0o644 });
  }
  for (const [p, mode] of Object.entries(chmod ?? {})) {
    const e = ctx.get(p);
    if (e) ctx.set(p, { ...e, mode });
  }
}

interface ImagesLike {
  resolve(ref: string): string | null;
  rootfs(id: string): { walk(root: string): { path: string; node: FsNode }[] };
}

function listFiles(images: ImagesLike, ref: string): FileEntry[] | null {
  const id = images.resolve(ref);
  if (!id) return null;
  const out: FileEntry[] = [];
  for (const { path, node } of images.rootfs(id).walk('/')) {
    if (path === '/' || ignoredPath(path)) continue;
    const mode = (node.mode & 0o7777).toString(8);
    const owner = `${node.uid ?? 0}:${node.gid ?? 0}`;
    if (node.type === 'dir') out.push({ path, type: 'dir', mode, owner });
    else if (node.type === 'symlink') out.push({ path, type: 'symlink', mode: '777', owner, target: node.target });
    else {
      const n = node as FsNode & { data?: Uint8Array; synthetic?: { seed: string | number; size: number } };
      out.push({ path, type: 'file', mode, owner, sha: n.data ? shortSha(n.data) : `synthetic:${n.synthetic?.seed}:${n.synthetic?.size}` });
    }
  }
  return out;
}

/** Plays one scenario with one builder on a fresh Layerlab engine. */
export async function playOnLayerlab(s: Scenario, builder: Builder): Promise<BuildResult[]> {
  const engine = new Engine({ env: { ...testEnv(), sha256: (d) => createHash('sha256').update(d).digest('hex') } });
  const ctx: Ctx = new Map();
  const results: BuildResult[] = [];
  // The oracle starts with busybox:latest in its image store (imported, so listed); so does this engine. A BuildKit
  // build's own pull would keep it out of the image list, as Docker's classic store does.
  await engine.run(['pull', '-q', 'busybox'], bufferIO());
  for (let i = 0; i < s.builds.length; i++) {
    const b = s.builds[i];
    applyEdits(ctx, b.files, b.chmod);
    engine.context = memoryContext(Object.fromEntries([...ctx].map(([p, v]) => [p, { content: v.content, mode: v.mode }])));
    const tag = `conformance-${i + 1}`;
    const argv = builder === 'buildkit' ? ['build', '--progress=plain', '-t', tag, ...(b.flags ?? []), '.'] : ['build', '-t', tag, ...(b.flags ?? []), '.'];
    const io = bufferIO({ env: { DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' } });
    const api = buildApi(engine);
    const code = hasBuildCommand() || !api ? await engine.run(argv, io) : (await api.build(buildOptions(b.flags ?? [], tag, builder), io)).exitCode;
    const output = io.out + io.err;
    const steps = builder === 'buildkit' ? parseBuildKitSteps(output) : parseClassicSteps(output);
    const r: BuildResult = { scenario: s.name, builder, index: i, note: b.note, ok: code === 0, steps, files: [], removed: [] };
    if (code === 0) {
      const images = (engine as unknown as { images: ImagesLike }).images;
      const base = listFiles(images, 'busybox') ?? [];
      const img = listFiles(images, tag) ?? [];
      Object.assign(r, diffAgainstBase(base, img));
    } else r.error = output.trim().split('\n').slice(-3).join('\n');
    results.push(r);
  }
  return results;
}
