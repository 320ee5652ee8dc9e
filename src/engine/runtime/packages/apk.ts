/**
 * `apk` (Alpine): update fetches the indexes, add resolves dependencies from a table of common packages (any
 * other name shaped like an Alpine package gets deterministic versions and sizes), installs binaries into /usr/bin
 * as synthetic files and records them in /lib/apk/db/installed; `--no-cache` leaves no index behind, `--virtual`
 * adds the named virtual package.
 */
import { getopt, pkgApplet, type PkgCtx } from './context';
import { table } from './table';

const APK = table<{ v: string; size: number; deps?: string[]; bins?: string[] }>({
  curl: { v: '8.11.1-r0', size: 250_000, deps: ['ca-certificates', 'brotli-libs', 'c-ares', 'libidn2', 'libpsl', 'nghttp2-libs', 'libcurl'], bins: ['curl'] },
  libcurl: { v: '8.11.1-r0', size: 700_000 },
  'ca-certificates': { v: '20241121-r0', size: 680_000 },
  'brotli-libs': { v: '1.1.0-r2', size: 780_000 },
  'c-ares': { v: '1.34.3-r0', size: 180_000 },
  libidn2: { v: '2.3.7-r0', size: 200_000 },
  libpsl: { v: '0.21.5-r1', size: 30_000 },
  'nghttp2-libs': { v: '1.62.1-r0', size: 160_000 },
  git: { v: '2.45.2-r0', size: 14_000_000, deps: ['libcurl', 'pcre2', 'zlib'], bins: ['git'] },
  pcre2: { v: '10.43-r0', size: 700_000 },
  zlib: { v: '1.3.1-r1', size: 110_000 },
  bash: { v: '5.2.26-r0', size: 1_300_000, deps: ['readline'], bins: ['bash'] },
  readline: { v: '8.2.10-r0', size: 270_000 },
  python3: { v: '3.12.8-r1', size: 50_000_000, bins: ['python3', 'python'] },
  'py3-pip': { v: '24.0-r2', size: 11_000_000, deps: ['python3'], bins: ['pip', 'pip3'] },
  nodejs: { v: '20.15.1-r0', size: 45_000_000, bins: ['node'] },
  npm: { v: '10.8.0-r0', size: 9_000_000, deps: ['nodejs'], bins: ['npm', 'npx'] },
  'build-base': { v: '0.5-r3', size: 0, deps: ['gcc', 'make', 'musl-dev', 'g++'] },
  gcc: { v: '13.2.1_git20240309-r0', size: 95_000_000, bins: ['gcc', 'cc'] },
  'g++': { v: '13.2.1_git20240309-r0', size: 40_000_000, bins: ['g++'] },
  make: { v: '4.4.1-r2', size: 250_000, bins: ['make'] },
  'musl-dev': { v: '1.2.5-r0', size: 4_000_000 },
  tini: { v: '0.19.0-r3', size: 25_000, bins: ['tini'] },
  tzdata: { v: '2024b-r0', size: 1_700_000 },
  jq: { v: '1.7.1-r0', size: 300_000, bins: ['jq'] },
  openssl: { v: '3.3.2-r1', size: 800_000, bins: ['openssl'] },
  nginx: { v: '1.26.2-r0', size: 1_300_000, bins: ['nginx'] },
  go: { v: '1.22.10-r0', size: 220_000_000, bins: ['go', 'gofmt'] },
});

export async function apk(p: PkgCtx): Promise<number> {
  // apk's long options that take a value also take it as the next word (`--virtual .build-deps`).
  const args: string[] = [];
  const rest = p.argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    if (APK_VALUE_OPTIONS.has(rest[i]) && i + 1 < rest.length) args.push(`${rest[i]}=${rest[++i]}`);
    else args.push(rest[i]);
  }
  const { flags, values, operands } = getopt(args, 'tXp');
  const [sub, ...pkgs] = operands;
  const noCache = flags.has('no-cache');
  const reposText = p.read('/etc/apk/repositories');
  const repos =
    reposText !== null
      ? reposText.split('\n').filter((l) => l.startsWith('http'))
      : ['https://dl-cdn.alpinelinux.org/alpine/v3.20/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/community'];
  const fetchIndexes = async (persist: boolean) => {
    for (const r of repos) {
      p.out(`fetch ${r}/x86_64/APKINDEX.tar.gz\n`);
      await p.spend(300);
      if (persist) {
        const name = `APKINDEX.${p.sha256(r).slice(0, 8)}.tar.gz`;
        p.writeSynthetic(`/var/cache/apk/${name}`, { seed: 'apkindex:' + r, size: r.includes('community') ? 1_500_000 : 650_000 });
      }
    }
  };
  if (p.uid !== 0) {
    p.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  if (sub === 'update') {
    await fetchIndexes(true);
    p.out(`v3.20.3-${p.rand('apkv', 100, 300)}-g${p.sha256('apk' + p.seed).slice(0, 10)} [${repos[0]}]\nOK: 24163 distinct packages available\n`);
    return 0;
  }
  if (sub === 'add') {
    await fetchIndexes(!noCache);
    const installedDb = p.read('/lib/apk/db/installed') ?? '';
    const have = new Set([...installedDb.matchAll(/^P:(\S+)/gm)].map((m) => m[1]));
    const order: string[] = [];
    const info = (n: string) => APK[n] ?? { v: `${p.rand('v' + n, 1, 9)}.${p.rand('v2' + n, 0, 20)}.0-r0`, size: p.rand('s' + n, 30, 3000) * 1000, bins: [n] };
    const visit = (n: string) => {
      if (order.includes(n) || have.has(n)) return;
      for (const d of info(n).deps ?? []) visit(d);
      order.push(n);
    };
    const wanted = pkgs.map((n) => n.replace(/[=~<>].*$/, ''));
    const missing = wanted.filter((n) => !apkExists(n));
    if (missing.length) {
      // apk's solver refuses the whole transaction and names each package it cannot find.
      p.err('ERROR: unable to select packages:\n' + missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join(''));
      return 1;
    }
    wanted.forEach(visit);
    const virt = values.get('t') ?? values.get('virtual');
    const total = order.length + (virt ? 1 : 0);
    let db = '';
    for (const [i, n] of order.entries()) {
      const inf = info(n);
      p.out(`(${i + 1}/${total}) Installing ${n} (${inf.v})\n`);
      await p.spend(60 + inf.size / 30_000);
      let left = inf.size;
      for (const b of inf.bins ?? []) {
        const size = Math.max(10_000, Math.round((inf.size * 0.5) / (inf.bins ?? []).length));
        p.writeSynthetic(`/usr/bin/${b}`, { seed: `apk:${n}:${b}:${inf.v}`, size }, 0o755);
        left -= size;
      }
      if (left > 0) p.writeSynthetic(`/usr/lib/${n}/lib${n}.so`, { seed: `apk:${n}:lib:${inf.v}`, size: left });
      db += `\nP:${n}\nV:${inf.v}\nS:${Math.round(inf.size * 0.4)}\nI:${inf.size}\n`;
    }
    if (virt) p.out(`(${total}/${total}) Installing ${virt} (20241123.090000)\n`);
    if (order.length) {
      p.out('Executing busybox-1.36.1-r29.trigger\n');
      if (order.includes('ca-certificates')) p.out('Executing ca-certificates-20241121-r0.trigger\n');
      p.append('/lib/apk/db/installed', db);
    }
    const pkgCount = have.size + total;
    const mib = Math.round((p.du('/usr') + p.du('/lib')) / 1_048_576);
    p.out(`OK: ${mib} MiB in ${pkgCount} packages\n`);
    return 0;
  }
  if (sub === 'del') {
    p.out(`OK: 7 MiB in 14 packages\n`);
    return 0;
  }
  if (sub === 'upgrade') {
    await fetchIndexes(!noCache);
    p.out('OK: 7 MiB in 14 packages\n');
    return 0;
  }
  p.err(`apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`);
  return 1;
}

const APK_VALUE_OPTIONS = new Set(['--virtual', '--repository', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']);

/** Debian/Ubuntu package names learners often carry over to Alpine, where no package has that name. */
const NOT_ON_ALPINE = new Set(['build-essential', 'python3-pip', 'python-pip', 'software-properties-common', 'apt-utils', 'libssl-dev', 'default-jdk']);

/**
 * Whether Alpine's index has a package of this name: the ones simulated above, and any other name shaped like
 * an Alpine package (lowercase letters, digits, `.+_-`), since the index has ~24,000 we do not list. Paths,
 * odd characters and well-known Debian-only names are not packages.
 */
function apkExists(name: string): boolean {
  if (Object.hasOwn(APK, name)) return true;
  return /^[a-z0-9][a-z0-9._+-]*$/.test(name) && name.length <= 100 && !NOT_ON_ALPINE.has(name);
}

export const APK_PROGRAMS = { apk: pkgApplet(apk) };
