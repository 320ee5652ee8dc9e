/**
 * Small root filesystems for simulated base images (busybox, alpine, debian, node). The registry builds
 * its catalog from these; tests seed the store with them. Binaries are synthetic (size only).
 */
import type { TreeSpec } from '../fs/tree';
import type { ContainerConfig } from './config';
import { DEFAULT_PATH } from './config';

const BUSYBOX_APPLETS = [
  'sh', 'ash', 'echo', 'cat', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'chmod', 'chown', 'ln', 'printf', 'test', 'true', 'false',
  'sleep', 'env', 'pwd', 'grep', 'sed', 'awk', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'find', 'xargs', 'tar', 'gzip',
  'wget', 'id', 'whoami', 'hostname', 'date', 'uname', 'ps', 'kill', 'adduser', 'addgroup', 'deluser', 'su', 'vi', 'which',
  'basename', 'dirname', 'tee', 'yes', 'seq', 'expr', 'rmdir', 'du', 'df', 'stat', 'readlink', 'realpath', 'md5sum', 'sha256sum',
  'nc', 'ping', 'nslookup', 'unzip', 'base64', 'mktemp', 'install', 'chgrp', 'dd', 'diff', 'less', 'more', 'top', 'free', 'clear',
];

const ETC = (extraUsers = ''): TreeSpec => ({
  '/etc/passwd': `root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n${extraUsers}`,
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n',
  '/etc/hostname': 'localhost\n',
  '/etc/hosts': '127.0.0.1\tlocalhost\n',
  '/root/': { dir: true, mode: 0o700 },
  '/tmp/': { dir: true, mode: 0o1777 },
  '/home/': { dir: true },
  '/var/': { dir: true },
  '/usr/bin/': { dir: true },
  '/usr/local/bin/': { dir: true },
  '/dev/': { dir: true },
  '/proc/': { dir: true },
  '/sys/': { dir: true },
});

export function busyboxTree(): TreeSpec {
  const t: TreeSpec = { ...ETC(), '/bin/busybox': { synthetic: { seed: 'busybox-1.37', size: 1_080_000 }, mode: 0o755 } };
  for (const a of BUSYBOX_APPLETS) t['/bin/' + a] = { symlink: 'busybox' };
  t['/bin/sh'] = { symlink: 'busybox' };
  return t;
}

export function alpineTree(): TreeSpec {
  const t: TreeSpec = {
    ...busyboxTree(),
    '/etc/alpine-release': '3.20.3\n',
    '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
    '/sbin/apk': { synthetic: { seed: 'apk-tools-2.14', size: 294_000 }, mode: 0o755 },
    '/lib/ld-musl-x86_64.so.1': { synthetic: { seed: 'musl-1.2.5', size: 660_000 }, mode: 0o755 },
    '/lib/apk/db/installed': 'P:musl\nV:1.2.5-r0\n\nP:busybox\nV:1.36.1-r29\n\nP:alpine-baselayout\nV:3.6.5-r0\n\nP:apk-tools\nV:2.14.4-r1\n',
    '/usr/lib/libcrypto.so.3': { synthetic: { seed: 'libcrypto-3.3', size: 4_700_000 } },
    '/usr/lib/libssl.so.3': { synthetic: { seed: 'libssl-3.3', size: 700_000 } },
    '/etc/apk/repositories': 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n',
  };
  return t;
}

export function debianTree(): TreeSpec {
  const t: TreeSpec = {
    ...ETC(),
    '/etc/debian_version': '12.8\n',
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
    '/usr/bin/bash': { synthetic: { seed: 'bash-5.2', size: 1_265_000 }, mode: 0o755 },
    '/usr/bin/dash': { synthetic: { seed: 'dash-0.5.12', size: 125_000 }, mode: 0o755 },
    '/usr/bin/apt-get': { synthetic: { seed: 'apt-2.6', size: 60_000 }, mode: 0o755 },
    '/usr/bin/apt': { synthetic: { seed: 'apt-cli-2.6', size: 19_000 }, mode: 0o755 },
    '/usr/bin/dpkg': { synthetic: { seed: 'dpkg-1.21', size: 320_000 }, mode: 0o755 },
    '/usr/lib/x86_64-linux-gnu/libc.so.6': { synthetic: { seed: 'glibc-2.36', size: 1_922_000 } },
    '/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0': { synthetic: { seed: 'libapt-2.6', size: 2_300_000 } },
    '/usr/share/doc/': { dir: true },
    '/var/lib/dpkg/status': 'Package: base-files\nStatus: install ok installed\n\nPackage: bash\nStatus: install ok installed\n',
    '/var/lib/apt/lists/': { dir: true },
    '/bin': { symlink: 'usr/bin' },
    '/usr/sbin/useradd': { synthetic: { seed: 'useradd-4.13', size: 150_000 }, mode: 0o755 },
    '/usr/sbin/groupadd': { synthetic: { seed: 'groupadd-4.13', size: 90_000 }, mode: 0o755 },
    '/usr/sbin/adduser': { synthetic: { seed: 'adduser-3.134', size: 40_000 }, mode: 0o755 },
    '/usr/sbin/addgroup': { symlink: 'adduser' },
    '/usr/share/base-files/': { dir: true },
  };
  for (const a of ['echo', 'cat', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'chmod', 'chown', 'ln', 'printf', 'test', 'true', 'false', 'sleep', 'env', 'pwd', 'grep', 'sed', 'head', 'tail', 'wc', 'sort', 'tr', 'cut', 'find', 'xargs', 'tar', 'gzip', 'id', 'whoami', 'hostname', 'date', 'uname', 'kill', 'which', 'basename', 'dirname', 'tee', 'rmdir', 'du', 'df', 'stat', 'readlink', 'mktemp', 'install', 'chgrp', 'dd']) {
    t['/usr/bin/' + a] = { synthetic: { seed: 'coreutils-' + a, size: 40_000 }, mode: 0o755 };
  }
  t['/usr/bin/sh'] = { symlink: 'dash' };
  return t;
}

/** Node.js on top of another tree (node, npm, npx, yarn). */
export function nodeLayerTree(version = '18.20.5'): TreeSpec {
  return {
    '/usr/local/bin/node': { synthetic: { seed: 'node-' + version, size: 96_000_000 }, mode: 0o755 },
    '/usr/local/lib/node_modules/npm/package.json': `{"name":"npm","version":"10.8.2"}\n`,
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js': { synthetic: { seed: 'npm-10.8.2', size: 9_000_000 }, mode: 0o755 },
    '/usr/local/bin/npm': { symlink: '../lib/node_modules/npm/bin/npm-cli.js' },
    '/usr/local/bin/npx': { symlink: '../lib/node_modules/npm/bin/npx-cli.js' },
    '/usr/local/lib/node_modules/npm/bin/npx-cli.js': { content: '#!/usr/bin/env node\n', mode: 0o755 },
    '/opt/yarn-v1.22.22/bin/yarn.js': { synthetic: { seed: 'yarn-1.22.22', size: 5_200_000 }, mode: 0o755 },
    '/usr/local/bin/yarn': { symlink: '/opt/yarn-v1.22.22/bin/yarn.js' },
    '/home/node/': { dir: true, uid: 1000, gid: 1000 },
    // The official node images add a `node` user (uid 1000).
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\nnode:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n',
    '/etc/group': 'root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\nnode:x:1000:node\n',
  };
}

export function baseConfig(cmd: string[], extraEnv: string[] = []): ContainerConfig {
  return { Env: [`PATH=${DEFAULT_PATH}`, ...extraEnv], Cmd: cmd };
}
