/**
 * Records how real BusyBox ash runs the shell cases (src/engine/runtime/shell/testdata/cases.ts) and writes
 * testdata/busybox-results.json, which busybox.spec.test.ts compares the runtime's shell against.
 *
 *   sudo npx tsx scripts/record-busybox.ts        (needs root for chroot, and a static /usr/bin/busybox)
 *
 * Each case runs in a fresh root directory holding only a static busybox and its applet links in /bin, Docker's /dev,
 * /proc (mounted, as in a container), /tmp, /root and the case's files in /w: `chroot ROOT /bin/sh -c 'cd /w && exec sh -c "$0"' SCRIPT`, with the
 * environment cleared to PATH=/bin, HOME=/root, PWD=/w and umask 022. So paths, argv[0] (`sh`) and PATH lookups
 * are the same as in a container, and nothing from the host machine leaks into the results.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { CASES } from '../src/engine/runtime/shell/testdata/cases';

export interface RecordedFile {
  path: string;
  mode: number;
  content: string;
}

export interface Recorded {
  name: string;
  stdout: string;
  stderr: string;
  code: number;
  files: RecordedFile[];
}

const BUSYBOX = '/usr/bin/busybox';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/engine/runtime/shell/testdata/busybox-results.json');

function applets(): string[] {
  const r = spawnSync(BUSYBOX, ['--list'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

/** Files under dir (relative paths, sorted), with their permission bits; directories as `path/`. */
function listFiles(dir: string, prefix = ''): RecordedFile[] {
  const out: RecordedFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    const rel = prefix + name;
    if (st.isDirectory()) {
      out.push({ path: rel + '/', mode: st.mode & 0o7777, content: '' });
      out.push(...listFiles(p, rel + '/'));
    } else out.push({ path: rel, mode: st.mode & 0o7777, content: readFileSync(p, 'utf8') });
  }
  return out;
}

function main(): void {
  const names = applets();
  const results: Recorded[] = [];
  process.umask(0o022);
  for (const c of CASES) {
    const root = mkdtempSync(join(tmpdir(), 'bb-'));
    try {
      for (const d of ['bin', 'dev', 'proc', 'tmp', 'root', 'etc', 'w']) mkdirSync(join(root, d));
      // A container has /proc; static busybox runs a script without a shebang (ENOEXEC) through /proc/self/exe.
      if (spawnSync('mount', ['-t', 'proc', 'proc', join(root, 'proc')]).status !== 0) throw new Error('cannot mount /proc in the chroot');
      copyFileSync(BUSYBOX, join(root, 'bin/busybox'));
      chmodSync(join(root, 'bin/busybox'), 0o755);
      for (const a of names) if (a !== 'busybox') symlinkSync('busybox', join(root, 'bin', a));
      // Docker's /dev (what `ls -l /dev` lists in a container): its devices, links and directories.
      for (const [name, major, minor] of [['null', 1, 3], ['zero', 1, 5], ['full', 1, 7], ['random', 1, 8], ['urandom', 1, 9], ['tty', 5, 0]] as const) {
        spawnSync('mknod', ['-m', '666', join(root, 'dev', name), 'c', String(major), String(minor)]);
      }
      for (const [name, target] of [['fd', '/proc/self/fd'], ['stdin', '/proc/self/fd/0'], ['stdout', '/proc/self/fd/1'], ['stderr', '/proc/self/fd/2']]) symlinkSync(target, join(root, 'dev', name));
      for (const d of ['shm', 'mqueue']) mkdirSync(join(root, 'dev', d), { mode: 0o1777 });
      for (const [path, f] of Object.entries(c.files ?? {})) {
        const full = join(root, 'w', path);
        mkdirSync(dirname(full), { recursive: true });
        const { content, mode } = typeof f === 'string' ? { content: f, mode: 0o644 } : f;
        writeFileSync(full, content);
        chmodSync(full, mode);
      }
      const r = spawnSync('/usr/sbin/chroot', [root, '/bin/sh', '-c', 'cd /w && exec sh -c "$0"', c.script], {
        env: { PATH: '/bin', HOME: '/root', PWD: '/w' },
        input: c.stdin ?? '',
        encoding: 'utf8',
        timeout: 10_000,
      });
      if (r.error) throw r.error;
      results.push({ name: c.name, stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 9, files: listFiles(join(root, 'w')) });
    } finally {
      const proc = join(root, 'proc');
      if (spawnSync('mountpoint', ['-q', proc]).status !== 0 || spawnSync('umount', [proc]).status === 0) rmSync(root, { recursive: true, force: true });
    }
  }
  writeFileSync(OUT, JSON.stringify(results, null, 1) + '\n');
  console.log(`recorded ${results.length} cases with ${spawnSync(BUSYBOX, [], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
}

main();
