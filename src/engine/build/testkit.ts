/** Test helpers for build specs: an engine with a seeded base image and a mutable in-memory context. */
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { alpineTree, baseConfig, busyboxTree, debianTree, nodeLayerTree } from '../images/base-images';
import type { BuildOptions } from './builder';

export function testEngine(files: Record<string, string | Uint8Array | { content: string; mode?: number }> = {}) {
  const env = testEnv();
  const engine = new Engine({ env, context: memoryContext(files) });
  const sha = env.sha256;
  engine.images.importImage({ refs: ['busybox:latest'], layers: [busyboxTree()], config: baseConfig(['sh']), digest: 'sha256:' + sha('busybox'), created: Date.UTC(2024, 8, 26) });
  engine.images.importImage({ refs: ['alpine:latest', 'alpine:3.20'], layers: [alpineTree()], config: baseConfig(['/bin/sh']), digest: 'sha256:' + sha('alpine'), created: Date.UTC(2024, 8, 6) });
  engine.images.importImage({ refs: ['debian:bookworm-slim'], layers: [debianTree()], config: baseConfig(['bash']), digest: 'sha256:' + sha('debian'), created: Date.UTC(2024, 10, 11) });
  engine.images.importImage({ refs: ['node:18-alpine', 'diamol/node:latest'], layers: [alpineTree(), nodeLayerTree()], config: baseConfig(['node'], ['NODE_VERSION=18.20.5', 'YARN_VERSION=1.22.22']), digest: 'sha256:' + sha('node18'), created: Date.UTC(2024, 10, 12) });
  const state = { files: { ...files } };
  const setFiles = (f: Record<string, string | Uint8Array | { content: string; mode?: number }>) => {
    state.files = f;
    engine.context = memoryContext(f);
  };
  const build = async (opts: Partial<BuildOptions> = {}, io = bufferIO()) => {
    const r = await engine.build({ tags: ['app'], progress: 'plain', ...opts }, io);
    return { ...r, out: io.out, err: io.err, io };
  };
  return { engine, env, build, setFiles, state, sha };
}
