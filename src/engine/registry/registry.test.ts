import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO, stringStdin } from '../core/io';
import { humanSize } from '../core/format';
import { InProcessHost } from '../runtime/in-process-host';

const engine = () => new Engine({ env: testEnv() });
async function run(e: Engine, argv: string[], opts: Parameters<typeof bufferIO>[0] = {}) {
  const io = bufferIO(opts);
  const code = await e.run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('Docker Hub pull', () => {
  it('pulls diamol/ch03-web-ping as six layers, with Docker\'s lines', async () => {
    const e = engine();
    const r = await run(e, ['image', 'pull', 'diamol/ch03-web-ping']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from diamol/ch03-web-ping');
    expect(lines.filter((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toHaveLength(6);
    expect(r.out).toMatch(/\nDigest: sha256:[0-9a-f]{64}\n/);
    expect(r.out).toContain('Status: Downloaded newer image for diamol/ch03-web-ping:latest\n');
    expect(r.out.endsWith('docker.io/diamol/ch03-web-ping:latest\n')).toBe(true);
    expect(r.out).not.toContain('Downloading');
  });

  it('says Already exists for the layers diamol/node shares with the web-ping image', async () => {
    const e = engine();
    await run(e, ['pull', 'diamol/ch03-web-ping']);
    const r = await run(e, ['pull', 'diamol/node']);
    expect(r.out.match(/: Already exists\n/g)).toHaveLength(4);
    expect(r.out).not.toContain('Pull complete');
    expect(r.out).toContain('Status: Downloaded newer image for diamol/node:latest');
    const again = await run(e, ['pull', 'diamol/node']);
    expect(again.out).toBe(
      `Using default tag: latest\nlatest: Pulling from diamol/node\n${again.out.split('\n')[2]}\nStatus: Image is up to date for diamol/node:latest\ndocker.io/diamol/node:latest\n`,
    );
  });

  it('gives images the sizes of the real ones', async () => {
    const e = engine();
    for (const ref of ['diamol/node', 'diamol/ch03-web-ping', 'alpine', 'hello-world', 'busybox', 'node:lts-alpine', 'ubuntu']) await run(e, ['pull', ref]);
    const size = (ref: string) => humanSize(e.images.size(e.images.get(ref)!.id));
    expect(size('diamol/node')).toBe('75.5MB');
    expect(size('alpine')).toBe('7.8MB');
    expect(size('hello-world')).toBe('13.3kB');
    expect(size('busybox')).toBe('4.26MB');
    expect(size('ubuntu')).toBe('78.1MB');
    expect(e.images.get('diamol/ch03-web-ping')!.config.history).toHaveLength(15);
    expect(e.images.get('diamol/ch03-web-ping')!.config.config.Env).toContain('TARGET=blog.sixeyed.com');
  });

  it('has the chapter-3 lab file without a trailing newline and WORKDIR /diamol', async () => {
    const e = engine();
    await run(e, ['pull', 'diamol/ch03-lab']);
    const img = e.images.get('diamol/ch03-lab')!;
    expect(img.config.config.WorkingDir).toBe('/diamol');
    expect(e.images.rootfs(img.id).readText('/diamol/ch03.txt')).toBe('Lab solution, by: ');
    expect(e.images.rootfs(img.id).readText('/etc/os-release')).toContain('Alpine Linux');
  });

  it('prints redrawn progress bars on a terminal', async () => {
    const e = engine();
    const r = await run(e, ['pull', 'node:20-alpine'], { stdoutIsTTY: true, columns: 120 });
    expect(r.out).toContain('Downloading [');
    expect(r.out).toMatch(/\x1b\[\d+A/);
    expect(r.out).toContain('Pull complete');
  });

  it('answers unknown repositories, unknown tags and bad references in Docker\'s words', async () => {
    const e = engine();
    expect(await run(e, ['pull', 'nope'])).toEqual({
      code: 1,
      out: 'Using default tag: latest\n',
      err: "Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    });
    // The daemon's error, then Layerlab's line naming the closest tags the offline catalog has.
    expect((await run(e, ['pull', 'node:99'])).err).toMatch(/^Error response from daemon: manifest for node:99 not found: manifest unknown: manifest unknown\nlayerlab: Docker Hub has no node:99 either; closest tags it has: node:\d+/);
    expect((await run(e, ['pull', 'Foo'])).err).toBe('invalid reference format: repository name (library/Foo) must be lowercase\n');
    expect((await run(e, ['pull', 'a:b:c'])).err).toBe('invalid reference format\n');
  });

  it('pulls by digest', async () => {
    const e = engine();
    const first = await run(e, ['pull', 'alpine:3.9']);
    const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(first.out)![1];
    const r = await run(e, ['pull', `alpine@${digest}`]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`${digest}: Pulling from library/alpine`);
    expect(r.out).toContain(`docker.io/library/alpine@${digest}`);
  });
});

describe('Docker Hub push and login', () => {
  it('denies a push before login and stores the image after it, so it can be pulled back', async () => {
    const e = engine();
    await run(e, ['pull', 'alpine']);
    e.images.tag('alpine', 'alice/myalpine:v1');
    const denied = await run(e, ['push', 'alice/myalpine:v1']);
    expect(denied.code).toBe(1);
    expect(denied.out).toContain('The push refers to repository [docker.io/alice/myalpine]\n');
    expect(denied.out).toMatch(/[0-9a-f]{12}: Preparing\n/);
    expect(denied.err).toBe('denied: requested access to the resource is denied\n');

    const login = await run(e, ['login', '-u', 'alice', '--password-stdin'], { stdin: stringStdin('s3cret\n') });
    expect(login).toEqual({ code: 0, out: 'Login Succeeded\n', err: '' });
    const pushed = await run(e, ['push', 'alice/myalpine:v1']);
    expect(pushed.code).toBe(0);
    expect(pushed.out).toMatch(/: Mounted from library\/alpine\n/);
    expect(pushed.out).toMatch(/\nv1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);

    // A new browser session restores the registry and can pull it.
    const e2 = new Engine({ env: testEnv(), snapshot: JSON.parse(JSON.stringify({ version: 1, registry: e.snapshot().registry })) });
    const r = await run(e2, ['pull', 'alice/myalpine:v1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Status: Downloaded newer image for alice/myalpine:v1');
    expect(e2.registry.username).toBe('alice');
    expect((await run(e2, ['logout'])).out).toBe('Removing login credentials for https://index.docker.io/v1/\n');
  });

  it('refuses to push an image that is not there', async () => {
    const e = engine();
    const r = await run(e, ['push', 'alice/nothing']);
    expect(r.err).toBe('An image does not exist locally with the tag: alice/nothing\n');
    expect(r.code).toBe(1);
  });
});

describe('docker search', () => {
  it('prints Docker\'s table with truncated descriptions and [OK] for official images', async () => {
    const e = engine();
    const r = await run(e, ['search', 'alpine']);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+DESCRIPTION\s+STARS\s+OFFICIAL$/);
    expect(lines[1]).toMatch(/^alpine\s+A minimal Docker image based on Alpine Linux…\s+\d+\s+\[OK\]$/);
    const official = await run(e, ['search', '--filter', 'is-official=true', 'node']);
    expect(official.out).not.toContain('diamol/node');
  });
});

describe('Book images that run', () => {
  it('runs diamol/ch02-hello-diamol: greeting, hostname, kernel and the container address', async () => {
    const e = engine();
    e.sandbox = new InProcessHost();
    e.registry.sleep = null;
    const r = await run(e, ['run', '--name', 'hello', 'diamol/ch02-hello-diamol']);
    expect(r.code).toBe(0);
    const id = e.containers.list()[0].config.Hostname;
    expect(r.out).toBe(
      ['---------------------', 'Hello from Chapter 2!', '---------------------', 'My name is:', id, '---------------------', 'Im running on:', 'Linux 6.10.14-linuxkit x86_64', '---------------------', 'My address is:', 'inet addr:172.17.0.2 Bcast:172.17.255.255 Mask:255.255.0.0', '---------------------', ''].join('\n'),
    );
  });

  it('gives node images a real npm: npm start runs (here: no start script), not a "not simulated" stub', async () => {
    const e = engine();
    e.sandbox = new InProcessHost();
    e.registry.sleep = null;
    await run(e, ['pull', 'node:20-alpine']);
    const r = await run(e, ['run', '-w', '/usr/local/lib/node_modules/npm', 'node:20-alpine', 'npm', 'start']);
    expect(r.err).toContain('Missing script: "start"');
    expect(r.err).not.toContain('simulate');
  });

  it('serves httpd:alpine through its httpd-foreground script, which execs the server on PATH', async () => {
    const e = engine();
    e.sandbox = new InProcessHost();
    e.registry.sleep = null;
    expect((await run(e, ['run', '-d', '-p', '8082:80', '--name', 'web', 'httpd:alpine'])).code).toBe(0);
    expect((await run(e, ['curl', 'localhost:8082'])).out).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect((await run(e, ['logs', 'web'])).err).toContain('AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations');
    const h = await run(e, ['image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', 'httpd:alpine']);
    expect(h.out).toContain('RUN /bin/sh -c set -eux;  apk add --no-cache   apr   apr-util   apr-util-ldap   ca-certificates   perl  ; # buildkit\n');
    expect(h.out.split('\n').at(-2)).toBe('ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit');
  });
});
