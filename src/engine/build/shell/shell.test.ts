import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/sha256';
import { layerFromTree, type TreeSpec } from '../../fs/tree';
import { UnionFs } from '../../fs/union';
import { alpineTree, debianTree, nodeLayerTree } from '../../images/base-images';
import { Shell } from './interp';

function sh(tree = alpineTree(), extra: TreeSpec = {}) {
  const fs = new UnionFs([layerFromTree(sha256Hex, tree), layerFromTree(sha256Hex, extra)]);
  const shell = new Shell({ fs, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', uid: 0, gid: 0, seed: 't', sha256: sha256Hex, now: 0 });
  const out = () => shell.chunks.map((c) => c.text).join('');
  return { fs, shell, out };
}

describe('RUN shell simulator', () => {
  it('runs && chains, redirects, cd and variables', () => {
    const { fs, shell, out } = sh();
    const code = shell.runScript('mkdir -p /app/data && cd /app && echo "hello $NAME" > data/a.txt && echo more >> data/a.txt; X=1; echo x=$X');
    expect(code).toBe(0);
    expect(fs.readText('/app/data/a.txt')).toBe('hello \nmore\n');
    expect(out()).toBe('x=1\n');
  });

  it('reports missing commands like the image shell and exits 127', () => {
    const a = sh();
    expect(a.shell.runScript('foo --bar')).toBe(127);
    expect(a.out()).toBe('/bin/sh: foo: not found\n');
    const d = sh(debianTree());
    expect(d.shell.runScript('foo')).toBe(127);
    expect(d.out()).toBe('/bin/sh: 1: foo: not found\n');
  });

  it('exit N, || fallbacks, globbing and rm -rf', () => {
    const { fs, shell } = sh(alpineTree(), { '/var/lib/x/a': '1', '/var/lib/x/b': '2' });
    expect(shell.runScript('rm -rf /var/lib/x/* && ls /var/lib/x')).toBe(0);
    expect(fs.readdir('/var/lib/x')).toEqual([]);
    expect(shell.runScript('false || exit 3')).toBe(3);
    expect(shell.runScript('set -e; false; echo never')).toBe(1);
  });

  it('apt-get install needs apt-get update first', () => {
    const { fs, shell, out } = sh(debianTree());
    expect(shell.runScript('apt-get install -y curl')).toBe(100);
    expect(out()).toContain('E: Unable to locate package curl');
    expect(shell.runScript('apt-get update && apt-get install -y curl')).toBe(0);
    expect(fs.stat('/usr/bin/curl')?.type).toBe('file');
    expect(shell.runScript('curl --version >/dev/null')).toBe(0);
  });

  it('npm install reads package.json and writes node_modules', () => {
    const { fs, shell, out } = sh({ ...alpineTree(), ...nodeLayerTree() }, { '/app/package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.18.0' } }) });
    shell.cwd = '/app';
    expect(shell.runScript('npm install')).toBe(0);
    expect(fs.readdir('/app/node_modules')).toContain('express');
    expect(fs.exists('/app/package-lock.json')).toBe(true);
    expect(out()).toMatch(/added 65 packages, and audited 66 packages in \ds/);
    expect(shell.elapsed).toBeGreaterThan(1000);
  });

  it('npm ci without a lockfile fails like npm', () => {
    const { shell, out } = sh({ ...alpineTree(), ...nodeLayerTree() }, { '/app/package.json': '{"name":"x"}' });
    shell.cwd = '/app';
    expect(shell.runScript('npm ci')).toBe(1);
    expect(out()).toContain('npm error code EUSAGE');
  });

  it('sh -c, pipes, command substitution, if/for', () => {
    const { shell, out } = sh();
    expect(shell.runScript(`sh -c 'echo a b | tr a z'; for i in 1 2; do echo n$i; done; if [ -d /tmp ]; then echo yes; else echo no; fi; echo "$(echo sub)"`)).toBe(0);
    expect(out()).toBe('z b\nn1\nn2\nyes\nsub\n');
  });

  it('adduser/addgroup edit /etc/passwd and create the home', () => {
    const { fs, shell } = sh();
    expect(shell.runScript('addgroup -S app && adduser -S -G app app')).toBe(0);
    expect(fs.readText('/etc/passwd')).toMatch(/^app:x:\d+:\d+:/m);
    expect(fs.stat('/home/app')?.type).toBe('dir');
  });
});

describe('RUN shell simulator limits', () => {
  it('stops a script that runs itself instead of overflowing the stack', () => {
    const { shell } = sh(alpineTree(), { '/loop.sh': { content: '#!/bin/sh\nsh /loop.sh\n', mode: 0o755 } });
    expect(shell.runScript('sh /loop.sh')).not.toBe(0);
  });

  it('treats `command` alone and Object.prototype names as ordinary commands', () => {
    const a = sh();
    expect(a.shell.runScript('command')).toBe(0);
    expect(a.shell.runScript('command -v')).toBe(0);
    for (const name of ['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const b = sh();
      expect(b.shell.runScript(name)).toBe(127);
      expect(b.out()).toBe(`/bin/sh: ${name}: not found\n`);
    }
    expect(sh().shell.runScript('command -v valueOf')).toBe(1);
    expect(sh().shell.runScript('busybox constructor')).toBe(127);
  });

  it('find of a missing path fails like busybox', () => {
    const { shell, out } = sh();
    expect(shell.runScript('find /nonexistent')).toBe(1);
    expect(out()).toBe('find: /nonexistent: No such file or directory\n');
    expect(sh().shell.runScript('find /etc -name hostname')).toBe(0);
  });

  it('apk add of a name that is no package fails like apk and installs nothing', () => {
    const { fs, shell, out } = sh();
    expect(shell.runScript('apk add --no-cache /root build-essential')).toBe(1);
    expect(out()).toContain('ERROR: unable to select packages:\n  /root (no such package):\n    required by: world[/root]\n  build-essential (no such package):\n    required by: world[build-essential]\n');
    expect(fs.stat('/usr/bin/build-essential')).toBeNull();
    expect(sh().shell.runScript('apk add --no-cache curl gnupg')).toBe(0);
    const v = sh();
    expect(v.shell.runScript('apk add --no-cache --virtual .build-deps curl libstdc++ && apk add --no-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/community jq')).toBe(0);
    expect(v.out()).toContain('Installing .build-deps (');
  });
});
