/** Image-like filesystems and a script runner for the package programs' specs. */
import { MemoryFs } from '../memory-fs';
import { standardBinaries } from '../executables';
import { encodeText } from '../fs-helpers';
import { spawnCollect, T0, type Collected } from '../test-helpers';

const marker = (program: string) => encodeText(`#!layerlab ${program}\n`);

function base(flavour: 'busybox' | 'debian' | 'node', files: Record<string, string>, programs: Record<string, string>): MemoryFs {
  const fs = MemoryFs.from(files);
  for (const e of standardBinaries(flavour)) fs.load(e);
  for (const d of ['/tmp', '/root', '/home', '/var/lib', '/usr/lib', '/lib']) if (!fs.stat(d)) fs.load({ path: d, type: 'dir', mode: 0o755 });
  for (const [path, program] of Object.entries(programs)) fs.load({ path, type: 'file', mode: 0o755, data: marker(program) });
  return fs;
}

export const ALPINE_FILES = {
  '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
  '/etc/group': 'root:x:0:root\nnogroup:x:65533:\nnobody:x:65534:\n',
  '/etc/shadow': 'root:*::0:::::\n',
  '/etc/apk/repositories': 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n',
  '/lib/apk/db/installed': 'P:musl\nV:1.2.5-r0\n\nP:busybox\nV:1.36.1-r29\n',
};

export function alpineFs(files: Record<string, string> = {}, programs: Record<string, string> = {}): MemoryFs {
  return base('busybox', { ...ALPINE_FILES, ...files }, { '/sbin/apk': 'apk', ...programs });
}

export function debianFs(files: Record<string, string> = {}, programs: Record<string, string> = {}): MemoryFs {
  const fs = base(
    'debian',
    {
      '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
      '/etc/group': 'root:x:0:\nstaff:x:50:\nnogroup:x:65534:\n',
      ...files,
    },
    { '/usr/bin/apt-get': 'apt-get', '/usr/bin/apt': 'apt', '/usr/sbin/useradd': 'useradd', '/usr/sbin/groupadd': 'groupadd', ...programs },
  );
  fs.load({ path: '/var/lib/apt/lists', type: 'dir', mode: 0o755 });
  fs.load({ path: '/var/lib/dpkg', type: 'dir', mode: 0o755 });
  return fs;
}

export function nodeFs(files: Record<string, string> = {}, programs: Record<string, string> = {}): MemoryFs {
  const fs = alpineFs(files, { '/opt/yarn-v1.22.22/bin/yarn.js': 'yarn', ...programs });
  for (const e of standardBinaries('node')) if (!fs.stat(e.path)) fs.load(e);
  fs.load({ path: '/usr/local/bin/yarn', type: 'symlink', mode: 0o777, target: '/opt/yarn-v1.22.22/bin/yarn.js' });
  return fs;
}

/** Runs `sh -c script` as `user` and lets up to ten virtual minutes pass. */
export async function run(fs: MemoryFs, script: string, opts: { cwd?: string; env?: Record<string, string>; user?: string } = {}): Promise<Collected & { ms: number }> {
  const c = spawnCollect({
    argv: ['sh', '-c', script],
    fs,
    cwd: opts.cwd ?? '/',
    user: opts.user,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...opts.env },
  });
  await c.proc.advanceTo(T0 + 600_000);
  return Object.assign(c, { ms: (c.exit?.time ?? T0) - T0 });
}
