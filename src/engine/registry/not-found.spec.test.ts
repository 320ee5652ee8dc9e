/**
 * A tag or repository the offline catalog lacks fails as Docker fails, with the same words in pull, run,
 * create and both builders, then one Layerlab line naming the closest tags the catalog has. Sources of the
 * texts (moby v28.5.2):
 * - pull/run/create and the legacy builder: daemon's distribution/errors.go, notFoundError.Error():
 *   `manifest for <familiar ref> not found: ` + the registry's `manifest unknown: manifest unknown`;
 *   `pull access denied for <name>, repository does not exist or may require 'docker login': denied: …`.
 * - BuildKit: vendor/github.com/moby/buildkit/client/llb/sourceresolver/imageresolver.go
 *   (`failed to resolve source metadata for %s`) around containerd's core/remotes/docker/resolver.go
 *   (`fmt.Errorf("%s: %w", ref, errdefs.ErrNotFound)`: `docker.io/library/python:3.7.99: not found`).
 * - docker 28 client: run/create print `docker: <err>` + `Run 'docker run --help' for more information`, 125.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { lintDockerfile, parseDockerfile } from '../dockerfile/index';

function engine(dockerfile = 'FROM python:3.7.99\nRUN echo hi\n') {
  const e = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: dockerfile }) });
  e.registry.sleep = null;
  return e;
}
async function run(e: Engine, argv: string[], env: Record<string, string> = {}) {
  const io = bufferIO({ env });
  const code = await e.run(argv, io);
  return { code, out: io.out, err: io.err };
}

const NOT_FOUND = 'manifest for python:3.7.99 not found: manifest unknown: manifest unknown';
const NO_SUCH_TAG = 'layerlab: Docker Hub has no python:3.7.99 either; closest tags it has: python:3.8, python:3.9, python:3.10\n';

describe('a tag that exists nowhere (python:3.7.99)', () => {
  it('docker pull: the daemon\'s error, then the closest tags', async () => {
    expect(await run(engine(), ['pull', 'python:3.7.99'])).toEqual({ code: 1, out: '', err: `Error response from daemon: ${NOT_FOUND}\n${NO_SUCH_TAG}` });
  });

  it.each(['run', 'create'])('docker %s: the implicit pull fails with exit status 125', async (cmd) => {
    const r = await run(engine(), [cmd, 'python:3.7.99']);
    expect(r.code).toBe(125);
    expect(r.err).toBe(`Unable to find image 'python:3.7.99' locally\ndocker: Error response from daemon: ${NOT_FOUND}\n\nRun 'docker ${cmd} --help' for more information\n${NO_SUCH_TAG}`);
  });

  it('BuildKit fails at the FROM line with containerd\'s "not found"', async () => {
    const r = await run(engine(), ['build', '.']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('#3 [internal] load metadata for docker.io/library/python:3.7.99\n#3 ERROR: docker.io/library/python:3.7.99: not found\n');
    expect(r.err).toContain('>>> FROM python:3.7.99\n');
    expect(r.err.endsWith(`ERROR: failed to build: failed to solve: python:3.7.99: failed to resolve source metadata for docker.io/library/python:3.7.99: docker.io/library/python:3.7.99: not found\n${NO_SUCH_TAG}`)).toBe(true);
  });

  it('the legacy builder prints the step, then the daemon\'s error', async () => {
    const r = await run(engine(), ['build', '.'], { DOCKER_BUILDKIT: '0' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Step 1/2 : FROM python:3.7.99\n');
    expect(r.err.endsWith(`${NOT_FOUND}\n${NO_SUCH_TAG}`)).toBe(true);
  });

  it('the prediction says the build fails at line 1', async () => {
    const p = await engine().predictBuild({});
    expect(p.error).toBe('python:3.7.99: failed to resolve source metadata for docker.io/library/python:3.7.99: docker.io/library/python:3.7.99: not found');
    expect(p.errorRange?.start.line).toBe(1);
  });

  it('the editor marks the image with the closest tags as quick fixes', () => {
    const e = engine();
    const text = 'FROM python:3.7.99 AS base\nFROM base\nFROM node:22-alpine\n';
    const d = lintDockerfile(parseDockerfile(text), { resolveImage: (i) => e.registry.checkBase(i) }).filter((x) => x.code === 'UnresolvableBaseImage');
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('error');
    expect(d[0].range).toEqual({ start: { line: 1, column: 6 }, end: { line: 1, column: 19 } });
    expect(d[0].message).toContain('failed to resolve source metadata for docker.io/library/python:3.7.99: docker.io/library/python:3.7.99: not found');
    expect(d[0].fixes?.map((f) => f.edits[0].newText)).toEqual(['python:3.8', 'python:3.9', 'python:3.10']);
  });
});

describe('tags and repositories Docker Hub has but the catalog does not', () => {
  it('a real tag missing offline says so and names the nearest variant', async () => {
    const r = await run(engine(), ['pull', 'python:3.7-slim']);
    expect(r.err).toBe(`Error response from daemon: manifest for python:3.7-slim not found: manifest unknown: manifest unknown\nlayerlab: python:3.7-slim is on Docker Hub but not in Layerlab's offline catalog; closest tags it has: python:3.8-slim, python:3.9-slim, python:3.10-slim\n`);
  });

  it('an official image missing offline answers "not found", an unknown repository "pull access denied"', async () => {
    const e = engine();
    expect((await run(e, ['pull', 'rabbitmq'])).err).toBe("Error response from daemon: manifest for rabbitmq:latest not found: manifest unknown: manifest unknown\nlayerlab: rabbitmq is on Docker Hub but not in Layerlab's offline catalog (docker search lists what it has)\n");
    expect((await run(e, ['pull', 'no-such-repo-xyz'])).err).toBe("Error response from daemon: pull access denied for no-such-repo-xyz, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    const b = await run(engine('FROM no-such-repo-xyz\n'), ['build', '.']);
    expect(b.err).toContain('failed to resolve source metadata for docker.io/library/no-such-repo-xyz:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n');
  });

  it('tag aliases point at one image: latest, 3, 3.13 and 3.13.0 share a digest', () => {
    const e = engine();
    const digest = (tag: string) => {
      const r = e.registry.resolve({ domain: 'docker.io', path: 'library/python', tag });
      return r.ok ? r.value.digest : r.error.message;
    };
    expect(new Set(['latest', '3', '3.13', '3.13.0'].map(digest)).size).toBe(1);
    expect(new Set(['3.12', '3.12.7', '3.12-bookworm'].map(digest)).size).toBe(1);
    expect(digest('3.12')).not.toBe(digest('3.13'));
  });
});

describe('COPY --from an image tag the registry lacks', () => {
  it('fails like FROM does, with both builders', async () => {
    const df = 'FROM alpine\nCOPY --from=python:3.7.99 /usr/local/bin/python3 /\n';
    const bk = await run(engine(df), ['build', '.']);
    expect(bk.err).toContain(`ERROR: failed to build: failed to solve: python:3.7.99: failed to resolve source metadata for docker.io/library/python:3.7.99: docker.io/library/python:3.7.99: not found\n${NO_SUCH_TAG}`);
    const legacy = await run(engine(df), ['build', '.'], { DOCKER_BUILDKIT: '0' });
    expect(legacy.code).toBe(1);
    expect(legacy.err.endsWith(`${NOT_FOUND}\n${NO_SUCH_TAG}`)).toBe(true);
  });
});

describe('images of another registry (mcr.microsoft.com)', () => {
  it('pulls the tags the catalog holds, under the registry\'s name', async () => {
    const e = engine();
    const r = await run(e, ['pull', 'mcr.microsoft.com/dotnet/core/sdk:3.0.100']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^3\.0\.100: Pulling from dotnet\/core\/sdk\n/);
    expect(r.out).toMatch(/Status: Downloaded newer image for mcr\.microsoft\.com\/dotnet\/core\/sdk:3\.0\.100\nmcr\.microsoft\.com\/dotnet\/core\/sdk:3\.0\.100\n$/);
  });

  it('a tag it lacks: manifest unknown, then the closest tags', async () => {
    expect(await run(engine(), ['pull', 'mcr.microsoft.com/dotnet/core/aspnet:2.9'])).toEqual({
      code: 1,
      out: '',
      err:
        'Error response from daemon: manifest for mcr.microsoft.com/dotnet/core/aspnet:2.9 not found: manifest unknown: manifest unknown\n' +
        "layerlab: mcr.microsoft.com/dotnet/core/aspnet:2.9 is not in Layerlab's offline catalog; closest tags it has: mcr.microsoft.com/dotnet/core/aspnet:3.0\n",
    });
  });

  it('a registry the catalog has no images of cannot be reached', async () => {
    const r = await run(engine(), ['pull', 'quay.io/team/app']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Error response from daemon: Get "https://quay.io/v2/": dial tcp: lookup quay.io: no such host\n' +
        'layerlab: the offline catalog holds images of Docker Hub and mcr.microsoft.com only; quay.io cannot be reached offline\n',
    );
  });
});
