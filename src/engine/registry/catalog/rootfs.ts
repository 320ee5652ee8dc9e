/**
 * Compact generators for plausible root filesystems: an Alpine or Debian base, busybox applets, a Node
 * install, ... Big binaries are synthetic-size entries, so an image "weighs" 75 MB without allocating it.
 */
import type { RootfsEntry } from './types';
import { CURL_JS, notSimulatedScript } from './apps';
import { PACKAGE_PROGRAM_NAMES } from '../../runtime/packages/names';

const te = new TextEncoder();

/** The marker first line of an executable that the sandbox runtime implements (runtime/executables.ts). */
export function programMarker(program: string): string {
  return `#!layerlab ${program}\n`;
}

export function dir(path: string, mode = 0o755, uid = 0, gid = 0): RootfsEntry {
  return { path, type: 'dir', mode, uid, gid };
}
export function file(path: string, content: string, mode = 0o644, uid = 0, gid = 0): RootfsEntry {
  return { path, type: 'file', mode, content, uid, gid };
}
/** A file whose bytes we do not keep, only its size (libraries, data). */
export function blob(path: string, size: number, mode = 0o644): RootfsEntry {
  return { path, type: 'file', mode, size };
}
/**
 * Programs the sandbox runtime implements (runtime/executables.ts; package managers and user tools from
 * runtime/packages/); others get a clear "not simulated" script.
 */
const RUNTIME_PROGRAMS = new Set(['busybox', 'node', 'hello', 'sh', 'bash', 'docker-entrypoint', 'wget', ...PACKAGE_PROGRAM_NAMES]);

export function program(path: string, name: string, size: number, mode = 0o755): RootfsEntry {
  let content = programMarker(name);
  if (name === 'curl') content = CURL_JS;
  else if (!RUNTIME_PROGRAMS.has(name)) content = notSimulatedScript(name);
  return { path, type: 'file', mode, size: size > 0 ? size : undefined, program: name, content };
}
export function link(path: string, target: string): RootfsEntry {
  return { path, type: 'symlink', mode: 0o777, target };
}
export function script(path: string, content: string): RootfsEntry {
  return file(path, content, 0o755);
}

export function entrySize(e: RootfsEntry): number {
  if (e.type === 'symlink') return (e.target ?? '').length;
  if (e.type !== 'file') return 0;
  if (e.size !== undefined) return e.size;
  return e.content ? te.encode(e.content).length : 0;
}

/** Adds every missing parent directory (mode 0755) so a layer is a well-formed tree, sorted by path. */
export function withParents(entries: RootfsEntry[]): RootfsEntry[] {
  const have = new Set(entries.map((e) => e.path));
  const out = [...entries];
  for (const e of entries) {
    const parts = e.path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const p = '/' + parts.slice(0, i).join('/');
      if (!have.has(p)) {
        have.add(p);
        out.push(dir(p));
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Pads a layer with one synthetic file so that its files add up to exactly `size` bytes (sizes in history and
 * `image ls` then agree with the real images), and adds parent directories.
 */
export function padTo(entries: RootfsEntry[], size: number, fillerPath: string): RootfsEntry[] {
  const used = entries.reduce((n, e) => n + entrySize(e), 0);
  const rest = size - used;
  const out = rest > 0 ? [...entries, blob(fillerPath, rest)] : entries;
  return withParents(out);
}

// Busybox applets (a representative subset of Alpine's /bin and /usr/bin links).
export const BIN_APPLETS = [
  'arch', 'ash', 'base64', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg', 'echo', 'egrep',
  'false', 'fgrep', 'getopt', 'grep', 'gunzip', 'gzip', 'hostname', 'kill', 'link', 'ln', 'login', 'ls', 'mkdir',
  'mknod', 'mktemp', 'more', 'mount', 'mv', 'netstat', 'nice', 'pidof', 'ping', 'printenv', 'ps', 'pwd', 'rev',
  'rm', 'rmdir', 'sed', 'sh', 'sleep', 'stat', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname',
  'usleep', 'watch', 'zcat',
];
export const USR_BIN_APPLETS = [
  '[', '[[', 'awk', 'basename', 'bunzip2', 'bzcat', 'cal', 'clear', 'cmp', 'comm', 'cut', 'diff', 'dirname', 'du',
  'env', 'expand', 'expr', 'find', 'free', 'head', 'hexdump', 'id', 'install', 'killall', 'less', 'md5sum', 'mkfifo',
  'nc', 'nl', 'nohup', 'nproc', 'nslookup', 'od', 'paste', 'patch', 'pgrep', 'pkill', 'printf', 'pstree',
  'readlink', 'realpath', 'reset', 'seq', 'setsid', 'sha1sum', 'sha256sum', 'sha512sum', 'shuf', 'sort', 'split',
  'strings', 'tac', 'tail', 'tee', 'test', 'time', 'timeout', 'top', 'tr', 'traceroute', 'truncate', 'tty', 'uniq',
  'unlink', 'unxz', 'unzip', 'uptime', 'vi', 'wc', 'wget', 'which', 'whoami', 'xargs', 'xxd', 'yes',
];

/** Alpine's /bin/busybox with its applets as symlinks, like `apk add busybox` lays them out. */
export function busyboxApplets(busyboxSize: number): RootfsEntry[] {
  return [
    program('/bin/busybox', 'busybox', busyboxSize),
    ...BIN_APPLETS.map((a) => link(`/bin/${a}`, '/bin/busybox')),
    ...USR_BIN_APPLETS.map((a) => link(`/usr/bin/${a}`, '/bin/busybox')),
  ];
}

const FHS_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/local/share', '/usr/sbin', '/usr/share', '/var', '/var/cache', '/var/lib', '/var/log', '/var/spool', '/var/tmp'];

function baseDirs(): RootfsEntry[] {
  return [...FHS_DIRS.map((p) => dir(p)), dir('/root', 0o700), dir('/tmp', 0o1777)];
}

export const ALPINE_PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'adm:x:3:4:adm:/var/adm:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/mail:/sbin/nologin',
  'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
  'operator:x:11:0:operator:/root:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/:/sbin/nologin',
];
const ALPINE_GROUP = ['root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'adm:x:4:root,adm,daemon', 'wheel:x:10:root', 'nogroup:x:65533:', 'nobody:x:65534:'];

/** An Alpine minirootfs of the given full version ("3.9.4", "3.20.3"). */
export function alpineRootfs(version: string): RootfsEntry[] {
  const [maj, min] = version.split('.');
  const id = `${maj}.${min}`;
  // OpenSSL 1.1 up to Alpine 3.16, OpenSSL 3 from 3.17.
  const ssl11 = Number(min) < 17;
  return [
    ...baseDirs(),
    ...busyboxApplets(id === '3.9' ? 796_240 : 808_712),
    program('/sbin/apk', 'apk', 68_320),
    link('/sbin/init', '/bin/busybox'),
    link('/usr/sbin/adduser', '/bin/busybox'),
    link('/usr/sbin/addgroup', '/bin/busybox'),
    link('/sbin/ifconfig', '/bin/busybox'),
    program('/lib/ld-musl-x86_64.so.1', 'ld-musl', id === '3.9' ? 580_144 : 612_888),
    link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'),
    blob('/lib/libcrypto.so.' + (ssl11 ? '1.1' : '3'), ssl11 ? 2_322_136 : 4_465_168),
    blob('/lib/libssl.so.' + (ssl11 ? '1.1' : '3'), ssl11 ? 523_936 : 609_368),
    blob('/lib/libz.so.1.3.1', 100_416),
    link('/lib/libz.so.1', 'libz.so.1.3.1'),
    file('/etc/alpine-release', `${version}\n`),
    file(
      '/etc/os-release',
      `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${id}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    ),
    file('/etc/hostname', 'localhost\n'),
    file('/etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n'),
    file('/etc/passwd', ALPINE_PASSWD.join('\n') + '\n'),
    file('/etc/group', ALPINE_GROUP.join('\n') + '\n'),
    file('/etc/shadow', 'root:*::0:::::\n', 0o640, 0, 42),
    file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n'),
    file('/etc/profile', 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n'),
    file('/etc/motd', 'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\n'),
    file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${id}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${id}/community\n`),
    file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n'),
    dir('/lib/apk/db'),
  ];
}

export const DEBIAN_PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];

const COREUTILS = ['cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'echo', 'false', 'ln', 'ls', 'mkdir', 'mknod', 'mktemp', 'mv', 'pwd', 'readlink', 'rm', 'rmdir', 'sleep', 'stty', 'sync', 'touch', 'true', 'uname'];
const USR_COREUTILS = ['[', 'basename', 'cut', 'dirname', 'du', 'env', 'expr', 'head', 'id', 'md5sum', 'nproc', 'printf', 'seq', 'sha256sum', 'sort', 'tail', 'tee', 'test', 'tr', 'uniq', 'wc', 'whoami', 'xargs', 'yes', 'find', 'grep', 'sed', 'awk', 'tar', 'gzip', 'hostname', 'ps', 'kill', 'which', 'printenv', 'clear'];

/**
 * A Debian (or Ubuntu) root filesystem. Shells and coreutils are programs the runtime implements with its
 * busybox-compatible shell: "bash" for /bin/bash, "coreutils" for the rest.
 */
export function debianRootfs(opts: { id: 'debian' | 'ubuntu'; version: string; codename: string; pretty: string; release?: string }): RootfsEntry[] {
  const usrmerge = true;
  const bin = usrmerge ? '/usr/bin' : '/bin';
  const osRelease =
    opts.id === 'debian'
      ? `PRETTY_NAME="${opts.pretty}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${opts.version}"\nVERSION="${opts.version} (${opts.codename})"\nVERSION_CODENAME=${opts.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`
      : `PRETTY_NAME="${opts.pretty}"\nNAME="Ubuntu"\nVERSION_ID="${opts.version}"\nVERSION="${opts.version} LTS (${opts.release ?? 'Noble Numbat'})"\nVERSION_CODENAME=${opts.codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nUBUNTU_CODENAME=${opts.codename}\nLOGO=ubuntu-logo\n`;
  return [
    ...FHS_DIRS.filter((p) => p !== '/bin' && p !== '/lib' && p !== '/sbin').map((p) => dir(p)),
    dir('/root', 0o700),
    dir('/tmp', 0o1777),
    link('/bin', 'usr/bin'),
    link('/lib', 'usr/lib'),
    link('/sbin', 'usr/sbin'),
    link('/lib64', 'usr/lib64'),
    program(`${bin}/bash`, 'bash', 1_265_648),
    link(`${bin}/sh`, 'dash'),
    program(`${bin}/dash`, 'busybox', 125_640),
    ...COREUTILS.map((c) => program(`${bin}/${c}`, 'busybox', 0)),
    ...USR_COREUTILS.map((c) => program(`/usr/bin/${c}`, 'busybox', 0)),
    program('/usr/bin/apt-get', 'apt-get', 55_120),
    program('/usr/bin/apt', 'apt', 18_824),
    program('/usr/sbin/useradd', 'useradd', 147_160),
    program('/usr/sbin/groupadd', 'groupadd', 71_552),
    program('/usr/sbin/adduser', 'adduser', 0),
    link('/usr/sbin/addgroup', 'adduser'),
    program('/usr/bin/dpkg', 'dpkg', 318_984),
    program('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 'ld-linux', 210_968),
    blob('/usr/lib/x86_64-linux-gnu/libc.so.6', 1_922_136),
    blob('/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30', 2_260_296),
    file('/etc/os-release', osRelease),
    file(opts.id === 'debian' ? '/etc/debian_version' : '/etc/lsb-release', opts.id === 'debian' ? `${opts.version}.8\n` : `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${opts.version}\nDISTRIB_CODENAME=${opts.codename}\nDISTRIB_DESCRIPTION="${opts.pretty}"\n`),
    file('/etc/hostname', `${opts.codename}\n`),
    file('/etc/passwd', DEBIAN_PASSWD.join('\n') + '\n'),
    file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\nwww-data:x:33:\nstaff:x:50:\nusers:x:100:\nnogroup:x:65534:\n'),
    file('/etc/shells', '/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n'),
    file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n'),
    file('/root/.bashrc', "# ~/.bashrc: executed by bash(1) for non-login shells.\nexport PS1='\\h:\\w\\$ '\n"),
    dir('/var/lib/dpkg'),
    dir('/var/lib/apt/lists'),
  ];
}

/** /usr/local/bin/node and friends, as the official node images install them. */
export function nodeInstall(version: string, nodeSize: number): RootfsEntry[] {
  return [
    program('/usr/local/bin/node', 'node', nodeSize),
    link('/usr/local/bin/nodejs', 'node'),
    link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js'),
    link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js'),
    program('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'npm', 54),
    program('/usr/local/lib/node_modules/npm/bin/npx-cli.js', 'npx', 2_922),
    file('/usr/local/lib/node_modules/npm/package.json', `{\n  "name": "npm",\n  "description": "a package manager for JavaScript"\n}\n`),
    dir('/usr/local/include/node'),
    file('/usr/local/share/doc/node/README.md', `Node.js ${version}\n`),
    dir('/home/node', 0o755, 1000, 1000),
  ];
}

/**
 * The official node images' docker-entrypoint.sh (116 and 388 bytes in the real images). Its first line is the
 * runtime's marker (the runtime implements the script: run node when $1 is an option or not a command).
 */
export const NODE_ENTRYPOINT_OLD = '#!layerlab docker-entrypoint\nset -e\n\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- node "$@"\nfi\n\nexec "$@"\n';
export const NODE_ENTRYPOINT =
  '#!layerlab docker-entrypoint\nset -e\n\n# Run command with node if the first argument contains a "-" or is not a system command. The last\n# part inside the "{}" is a workaround for the following bug in ash/dash:\n# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then\n  set -- node "$@"\nfi\n\nexec "$@"\n';
