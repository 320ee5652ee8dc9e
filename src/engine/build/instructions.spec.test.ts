import { describe, expect, it } from 'vitest';
import { bufferIO } from '../core/io';
import { testEngine } from './testkit';

const legacyIO = () => bufferIO({ env: { DOCKER_BUILDKIT: '0' } });

describe('Dockerfile instructions in the builder', () => {
  it('runs ONBUILD triggers of a base image (both builders)', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nONBUILD COPY app.txt /app/\nONBUILD RUN echo built > /app/flag\n', 'app.txt': 'v1' });
    await t.build({ tags: ['base'] });
    expect(t.engine.images.get('base')!.config.config.OnBuild).toEqual(['COPY app.txt /app/', 'RUN echo built > /app/flag']);
    t.setFiles({ Dockerfile: 'FROM base\nCMD ["cat", "/app/app.txt"]\n', 'app.txt': 'child' });
    const child = await t.build({ tags: ['child'] });
    expect(child.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(child.imageId!);
    expect(fs.readText('/app/app.txt')).toBe('child');
    expect(fs.readText('/app/flag')).toBe('built\n');
    expect(t.engine.images.get('child')!.config.config.OnBuild).toBeUndefined();
    const io = legacyIO();
    await t.build({ tags: ['child2'] }, io);
    expect(io.out).toContain('# Executing 2 build triggers\n');
    // Triggers run inside the FROM step: the legacy builder counts only the Dockerfile's own two instructions.
    expect(io.out).toContain('Step 1/2 : FROM base\n');
    expect(io.out).toContain('Step 2/2 : CMD ["cat", "/app/app.txt"]\n');
  });

  it('fails a RUN whose loop never ends, saying why, instead of pretending it finished', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nRUN i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo counted $i\nRUN while true; do :; done\nRUN echo after\n' });
    const r = await t.build();
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('counted 3000');
    // Real Docker would wait on that step until cancelled; the sandbox stops a loop that never waits, in one line.
    expect(r.err).toMatch(/layerlab: the process looped \d+ times without waiting for anything \(an endless loop\?\) and was stopped/);
    expect(r.err).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c while true; do :; done" did not complete successfully: exit code: 137');
    expect(r.err).not.toContain('[4/4] RUN echo after');
  });

  it('COPY and RUN heredocs (BuildKit)', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nARG NAME=world\nCOPY <<EOF /greeting.txt\nhello $NAME\nEOF\nRUN <<EOT\nmkdir -p /out\necho done > /out/x\nEOT\n' });
    const r = await t.build();
    expect(r.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readText('/greeting.txt')).toBe('hello world\n');
    expect(fs.readText('/out/x')).toBe('done\n');
  });

  it('USER and WORKDIR: files belong to the user, an unknown user fails', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nWORKDIR /home/app/data\nRUN touch mine\n' });
    const r = await t.build();
    expect(r.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(r.imageId!);
    const uid = fs.stat('/home/app')!.uid;
    expect(uid).toBeGreaterThan(0);
    expect(fs.stat('/home/app/data/mine')!.uid).toBe(uid);
    t.setFiles({ Dockerfile: 'FROM alpine\nUSER nobody2\nRUN id\n' });
    const bad = await t.build();
    expect(bad.err).toContain('unable to find user nobody2: no matching entries in passwd file');
  });

  it('COPY --chown resolves names, dirs copy their contents, a trailing slash makes a directory', async () => {
    const t = testEngine({
      Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY --chown=node:node src/ ./lib\nCOPY one.txt /single\nCOPY one.txt /dir/\n',
      'src/a.js': 'a',
      'src/sub/b.js': 'b',
      'one.txt': '1',
    });
    const r = await t.build();
    expect(r.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readdir('/app/lib')).toEqual(['a.js', 'sub']);
    expect(fs.stat('/app/lib/sub/b.js')!.uid).toBe(1000);
    expect(fs.stat('/one.txt')).toBeNull();
    expect(fs.stat('/single')!.type).toBe('file');
    expect(fs.readText('/dir/one.txt')).toBe('1');
  });

  it('COPY --link stays cached when an earlier step changes', async () => {
    const df = (v: string) => `FROM alpine\nRUN echo ${v} > /v\nCOPY --link app.txt /app/\n`;
    const t = testEngine({ Dockerfile: df('1'), 'app.txt': 'x' });
    await t.build();
    t.setFiles({ Dockerfile: df('2'), 'app.txt': 'x' });
    const r = await t.build();
    expect(r.record.steps.filter((s) => !s.metadataOnly && s.instruction !== 'FROM').map((s) => s.outcome)).toEqual(['built', 'cached']);
  });

  it('--target builds the named stage; an unknown target is reported with a suggestion', async () => {
    const df = 'FROM alpine AS build\nRUN echo b > /b\n\nFROM busybox AS final\nCOPY --from=build /b /b\n';
    const t = testEngine({ Dockerfile: df });
    const r = await t.build({ target: 'build' });
    expect(r.exitCode).toBe(0);
    expect(r.err).not.toContain('COPY --from=build');
    const bad = await t.build({ target: 'bulid' });
    expect(bad.err).toContain('target stage "bulid" could not be found (did you mean build?)');
  });

  it('apt-get without -y aborts at the prompt, like the real apt', async () => {
    const t = testEngine({ Dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install curl\n' });
    const r = await t.build();
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('Do you want to continue? [Y/n] Abort.');
    expect(r.err).toContain('did not complete successfully: exit code: 1');
  });

  it('emits events in order with layers and reasons', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nRUN echo hi\n' });
    const events: string[] = [];
    await t.engine.build({ tags: ['x'] }, bufferIO(), (e) => events.push(e.type === 'step-finished' ? `${e.type}:${e.step}:${e.outcome}` : e.type));
    expect(events).toEqual(['build-started', 'step-started', 'step-finished:0:built', 'step-started', 'log', 'step-finished:1:built', 'build-finished']);
  });
});

describe('ADD and COPY extras', () => {
  it('ADD unpacks a local tar.gz; COPY --exclude leaves files out', async () => {
    const { gzipSync } = await import('fflate');
    const enc = new TextEncoder();
    const header = (name: string, size: number, type: string) => {
      const h = new Uint8Array(512);
      h.set(enc.encode(name), 0);
      h.set(enc.encode('0000644\0'), 100);
      h.set(enc.encode(size.toString(8).padStart(11, '0') + '\0'), 124);
      h[156] = type.charCodeAt(0);
      h.set(enc.encode('ustar\x0000'), 257);
      return h;
    };
    const body = enc.encode('from the tar\n');
    const tar = new Uint8Array(512 * 4 + 1024);
    tar.set(header('pkg/', 0, '5'), 0);
    tar.set(header('pkg/readme.txt', body.length, '0'), 512);
    tar.set(body, 1024);
    const t = testEngine({ Dockerfile: 'FROM alpine\nADD bundle.tar.gz /opt/\nCOPY --exclude=*.log logs/ /logs/\n', 'logs/a.txt': 'a', 'logs/b.log': 'b', 'bundle.tar.gz': gzipSync(tar) });
    const r = await t.build();
    expect(r.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readText('/opt/pkg/readme.txt')).toBe('from the tar\n');
    expect(fs.readdir('/logs')).toEqual(['a.txt']);
  });
});

describe('FROM scratch', () => {
  it('caches scratch-based builds in both builders and numbers BuildKit steps without a FROM step', async () => {
    const t = testEngine({ Dockerfile: 'FROM scratch\nCOPY hello /hello\nCMD ["/hello"]\n', hello: 'bin' });
    const a = await t.build();
    expect(a.err).toMatch(/#\d+ \[1\/1\] COPY hello \/hello\n/);
    expect(a.err).not.toContain('FROM');
    const b = await t.build();
    expect(b.imageId).toBe(a.imageId);
    const io1 = legacyIO();
    const l1 = await t.build({}, io1);
    expect(io1.out).toContain('Step 1/3 : FROM scratch\n ---> \nStep 2/3 : COPY hello /hello\n');
    const io2 = legacyIO();
    const l2 = await t.build({}, io2);
    expect(io2.out).toContain('Step 2/3 : COPY hello /hello\n ---> Using cache\n');
    expect(l2.imageId).toBe(l1.imageId);
  });
});

describe('RUN --mount', () => {
  it('keeps cache and bind mounts out of the layer', async () => {
    const t = testEngine({
      Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nRUN --mount=type=bind,source=package.json,target=/app/package.json --mount=type=cache,target=/root/.npm npm install\n',
      'package.json': JSON.stringify({ name: 'x', dependencies: { lodash: '^4.17.21' } }),
    });
    const r = await t.build();
    expect(r.exitCode).toBe(0);
    const fs = t.engine.images.rootfs(r.imageId!);
    expect(fs.readdir('/app/node_modules')).toContain('lodash');
    expect(fs.exists('/app/package.json')).toBe(false);
    expect(fs.readdir('/root/.npm')).toEqual([]);
  });
});
