/**
 * Simulated package managers and toolchains for RUN: apt-get/apt, apk, npm/yarn, pip, go, curl/wget,
 * adduser/addgroup/useradd/groupadd, node/python version probes. They read and write the image filesystem
 * (package.json, requirements.txt, /var/lib/apt/lists, node_modules, site-packages, …), print the lines the
 * real tools print, and take plausible simulated time. Sizes are deterministic per package name.
 */
import { joinPath, normalizePath } from '../../fs/path';
import type { ProcCtx, Program } from './interp';
import { getopt } from './programs';
import { addGroup, addUser, lookupUser } from './users';
import { table } from './table';

const kB = (n: number) => Math.round(n / 1000).toLocaleString('en-US');

function osRelease(p: ProcCtx): Record<string, string> {
  try {
    const out: Record<string, string> = {};
    for (const l of p.sh.fs.readText('/etc/os-release').split('\n')) {
      const m = /^([A-Z_]+)=("?)(.*)\2$/.exec(l);
      if (m) out[m[1]] = m[3];
    }
    return out;
  } catch {
    return {};
  }
}

// ---------- apt ----------

interface DebPkg {
  v: string;
  /** Installed size in bytes. */
  size: number;
  deps?: string[];
  bins?: string[];
}

const DEB = table<DebPkg>({
  curl: { v: '7.88.1-10+deb12u8', size: 500_000, deps: ['libcurl4', 'ca-certificates'], bins: ['curl'] },
  libcurl4: { v: '7.88.1-10+deb12u8', size: 1_000_000, deps: ['libssl3', 'libnghttp2-14', 'libssh2-1', 'libpsl5', 'librtmp1'] },
  'ca-certificates': { v: '20230311', size: 390_000, deps: ['openssl'] },
  openssl: { v: '3.0.15-1~deb12u1', size: 2_300_000, deps: ['libssl3'], bins: ['openssl'] },
  libssl3: { v: '3.0.15-1~deb12u1', size: 6_100_000 },
  'libnghttp2-14': { v: '1.52.0-1+deb12u2', size: 230_000 },
  'libssh2-1': { v: '1.10.0-3+b1', size: 270_000 },
  libpsl5: { v: '0.21.2-1', size: 95_000 },
  librtmp1: { v: '2.4+20151223.gitfa8646d.1-2+b2', size: 150_000 },
  wget: { v: '1.21.3-1+b2', size: 3_700_000, deps: ['libpsl5', 'ca-certificates'], bins: ['wget'] },
  git: { v: '1:2.39.5-0+deb12u1', size: 38_000_000, deps: ['libcurl4', 'perl', 'git-man', 'ca-certificates'], bins: ['git'] },
  'git-man': { v: '1:2.39.5-0+deb12u1', size: 2_100_000 },
  perl: { v: '5.36.0-7+deb12u1', size: 730_000, deps: ['perl-modules-5.36', 'libperl5.36'], bins: ['perl'] },
  'perl-modules-5.36': { v: '5.36.0-7+deb12u1', size: 17_400_000 },
  'libperl5.36': { v: '5.36.0-7+deb12u1', size: 28_000_000 },
  python3: { v: '3.11.2-1+b1', size: 90_000, deps: ['python3.11', 'libpython3-stdlib'], bins: ['python3'] },
  'python3.11': { v: '3.11.2-6+deb12u4', size: 24_000_000, bins: ['python3.11'] },
  'libpython3-stdlib': { v: '3.11.2-1+b1', size: 40_000 },
  'python3-pip': { v: '23.0.1+dfsg-1', size: 7_200_000, deps: ['python3', 'python3-setuptools', 'python3-wheel'], bins: ['pip3', 'pip'] },
  'python3-setuptools': { v: '66.1.1-1', size: 2_800_000 },
  'python3-wheel': { v: '0.38.4-2', size: 200_000 },
  'build-essential': { v: '12.9', size: 20_000, deps: ['gcc', 'g++', 'make', 'libc6-dev', 'dpkg-dev'] },
  gcc: { v: '4:12.2.0-3', size: 52_000_000, deps: ['binutils', 'cpp'], bins: ['gcc', 'cc'] },
  'g++': { v: '4:12.2.0-3', size: 48_000_000, bins: ['g++', 'c++'] },
  cpp: { v: '4:12.2.0-3', size: 30_000_000, bins: ['cpp'] },
  binutils: { v: '2.40-2', size: 27_000_000, bins: ['ld', 'as'] },
  make: { v: '4.3-4.1', size: 480_000, bins: ['make'] },
  'libc6-dev': { v: '2.36-9+deb12u9', size: 12_000_000 },
  'dpkg-dev': { v: '1.21.22', size: 3_600_000 },
  vim: { v: '2:9.0.1378-2', size: 3_800_000, deps: ['vim-runtime'], bins: ['vim', 'vi'] },
  'vim-runtime': { v: '2:9.0.1378-2', size: 36_000_000 },
  nano: { v: '7.2-1+deb12u1', size: 2_800_000, bins: ['nano'] },
  nginx: { v: '1.22.1-9', size: 1_400_000, deps: ['nginx-common', 'libssl3'], bins: ['nginx'] },
  'nginx-common': { v: '1.22.1-9', size: 400_000 },
  tzdata: { v: '2024b-0+deb12u1', size: 3_700_000 },
  gnupg: { v: '2.2.40-1.1', size: 900_000, bins: ['gpg'] },
  unzip: { v: '6.0-28', size: 390_000, bins: ['unzip'] },
  zip: { v: '3.0-13', size: 630_000, bins: ['zip'] },
  jq: { v: '1.6-2.1', size: 100_000, deps: ['libjq1'], bins: ['jq'] },
  libjq1: { v: '1.6-2.1', size: 400_000 },
  procps: { v: '2:4.0.2-3', size: 2_400_000, bins: ['ps', 'top', 'free'] },
  'iputils-ping': { v: '3:20221126-1+deb12u1', size: 120_000, bins: ['ping'] },
  sqlite3: { v: '3.40.1-2+deb12u1', size: 1_900_000, bins: ['sqlite3'] },
  'netcat-openbsd': { v: '1.219-1', size: 100_000, bins: ['nc'] },
  'dumb-init': { v: '1.2.5-2', size: 60_000, bins: ['dumb-init'] },
  tini: { v: '0.19.0-1', size: 800_000, bins: ['tini'] },
  'openjdk-17-jre-headless': { v: '17.0.13+11-2~deb12u1', size: 190_000_000, bins: ['java'] },
  'default-jre-headless': { v: '2:1.17-74', size: 10_000, deps: ['openjdk-17-jre-headless'] },
  nodejs: { v: '18.19.0+dfsg-6~deb12u2', size: 36_000_000, bins: ['node', 'nodejs'] },
  npm: { v: '9.2.0~ds1-1', size: 8_000_000, deps: ['nodejs'], bins: ['npm'] },
  htop: { v: '3.2.2-2', size: 400_000, bins: ['htop'] },
  'postgresql-client': { v: '15+248', size: 4_000_000, bins: ['psql', 'pg_dump'] },
  'libpq-dev': { v: '15.10-0+deb12u1', size: 1_200_000 },
});

function debInfo(name: string, p: ProcCtx): DebPkg {
  return DEB[name] ?? { v: `${p.sh.rand('v' + name, 1, 9)}.${p.sh.rand('v2' + name, 0, 20)}-1`, size: p.sh.rand('size' + name, 80, 4000) * 1000, bins: [name] };
}

function aptListsPresent(p: ProcCtx): boolean {
  try {
    return p.sh.fs.readdir('/var/lib/apt/lists').some((n) => n !== 'partial' && n !== 'lock' && n !== 'auxfiles');
  } catch {
    return false;
  }
}

function dpkgInstalled(p: ProcCtx): Set<string> {
  try {
    return new Set([...p.sh.fs.readText('/var/lib/dpkg/status').matchAll(/^Package: (\S+)/gm)].map((m) => m[1]));
  } catch {
    return new Set();
  }
}

const aptGet: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1), 'o');
  const [sub, ...pkgs] = operands;
  const os = osRelease(p);
  const codename = os.VERSION_CODENAME || 'bookworm';
  const ubuntu = os.ID === 'ubuntu';
  const mirror = ubuntu ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian';
  const secMirror = ubuntu ? 'http://security.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian-security';
  const quiet = flags.has('q');
  if (p.sh.uid !== 0) {
    p.err('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
    return 100;
  }
  if (sub === 'update') {
    const gets = [
      [`${mirror} ${codename} InRelease`, 151_000],
      [`${mirror} ${codename}-updates InRelease`, 55_400],
      [`${secMirror} ${codename}-security InRelease`, 48_000],
      [`${mirror} ${codename}/main amd64 Packages`, 8_792_000],
      [`${mirror} ${codename}-updates/main amd64 Packages`, 13_500],
      [`${secMirror} ${codename}-security/main amd64 Packages`, 245_000],
    ] as const;
    let total = 0;
    gets.forEach(([what, size], i) => {
      p.spend(120 + size / 8000);
      total += size;
      if (!quiet) p.out(`Get:${i + 1} ${what} [${humanApt(size)}]\n`);
    });
    const host = mirror.replace(/^http:\/\//, '').replace(/\//g, '_');
    const secHost = secMirror.replace(/^http:\/\//, '').replace(/\//g, '_');
    const lists = p.sh.fs;
    lists.mkdirp('/var/lib/apt/lists/partial');
    lists.writeFile(`/var/lib/apt/lists/${host}_dists_${codename}_InRelease`, { seed: `apt:${codename}:inrelease`, size: 151_000 });
    lists.writeFile(`/var/lib/apt/lists/${host}_dists_${codename}_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:main`, size: 17_800_000 });
    lists.writeFile(`/var/lib/apt/lists/${host}_dists_${codename}-updates_InRelease`, { seed: `apt:${codename}:upd`, size: 55_400 });
    lists.writeFile(`/var/lib/apt/lists/${host}_dists_${codename}-updates_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:updmain`, size: 27_000 });
    lists.writeFile(`/var/lib/apt/lists/${secHost}_dists_${codename}-security_InRelease`, { seed: `apt:${codename}:sec`, size: 48_000 });
    lists.writeFile(`/var/lib/apt/lists/${secHost}_dists_${codename}-security_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:secmain`, size: 480_000 });
    const secs = Math.max(1, Math.round(p.sh.elapsed / 1000));
    p.out(`Fetched ${humanApt(total)} in ${secs}s (${humanApt(Math.round(total / secs))}/s)\n`);
    p.out('Reading package lists...\n');
    p.spend(900);
    return 0;
  }
  if (sub === 'install') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    p.spend(400);
    if (!aptListsPresent(p)) {
      for (const n of pkgs) {
        if (n.startsWith('-')) continue;
        p.err(`E: Unable to locate package ${n.replace(/[=].*$/, '')}\n`);
        return 100;
      }
    }
    const yes = flags.has('y') || flags.has('yes') || flags.has('assume-yes') || p.argv.some((a) => /^-[a-z]*y[a-z]*$/.test(a)) || flags.has('q') && flags.has('y');
    const installed = dpkgInstalled(p);
    const requested = pkgs.filter((n) => !n.startsWith('-')).map((n) => n.replace(/=.*$/, ''));
    const order: string[] = [];
    const visit = (n: string) => {
      if (order.includes(n) || installed.has(n)) return;
      for (const d of debInfo(n, p).deps ?? []) visit(d);
      order.push(n);
    };
    requested.forEach(visit);
    if (!order.length) {
      for (const n of requested) p.out(`${n} is already the newest version (${debInfo(n, p).v}).\n`);
      p.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    }
    const extra = order.filter((n) => !requested.includes(n));
    if (extra.length) p.out(`The following additional packages will be installed:\n${wrapList(extra)}`);
    p.out(`The following NEW packages will be installed:\n${wrapList([...order].sort())}`);
    const total = order.reduce((s, n) => s + debInfo(n, p).size, 0);
    const download = Math.round(total * 0.38);
    p.out(`0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`);
    p.out(`Need to get ${kB(download)} kB of archives.\nAfter this operation, ${kB(total)} kB of additional disk space will be used.\n`);
    if (extra.length && !yes) {
      p.out('Do you want to continue? [Y/n] Abort.\n');
      return 1;
    }
    order.forEach((n, i) => {
      const info = debInfo(n, p);
      p.spend(40 + (info.size * 0.38) / 20_000);
      p.out(`Get:${i + 1} ${mirror} ${codename}/main amd64 ${n} amd64 ${info.v} [${humanApt(Math.round(info.size * 0.38))}]\n`);
    });
    p.err('debconf: delaying package configuration, since apt-utils is not installed\n');
    const secs = Math.max(1, Math.round(download / 12_000_000));
    p.out(`Fetched ${kB(download)} kB in ${secs}s (${humanApt(Math.round(download / secs))}/s)\n`);
    let statusAdd = '';
    for (const n of order) {
      const info = debInfo(n, p);
      p.out(`Selecting previously unselected package ${n}.\nPreparing to unpack .../${n}_${info.v.replace(/^\d+:/, '')}_amd64.deb ...\nUnpacking ${n} (${info.v}) ...\n`);
      p.spend(30 + info.size / 40_000);
      installDebFiles(p, n, info);
      statusAdd += `\nPackage: ${n}\nStatus: install ok installed\nVersion: ${info.v}\nInstalled-Size: ${Math.round(info.size / 1024)}\n`;
    }
    for (const n of order) p.out(`Setting up ${n} (${debInfo(n, p).v}) ...\n`);
    p.out('Processing triggers for libc-bin (2.36-9+deb12u9) ...\n');
    p.sh.fs.appendFile('/var/lib/dpkg/status', statusAdd);
    p.spend(300);
    return 0;
  }
  if (sub === 'clean' || sub === 'autoclean') {
    p.sh.fs.rm('/var/cache/apt/archives', { recursive: true, force: true });
    return 0;
  }
  if (sub === 'upgrade' || sub === 'dist-upgrade') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    p.spend(800);
    return 0;
  }
  if (sub === 'remove' || sub === 'purge' || sub === 'autoremove') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  p.err(`E: Invalid operation ${sub ?? ''}\n`);
  return 100;
};

function installDebFiles(p: ProcCtx, name: string, info: DebPkg): void {
  const fs = p.sh.fs;
  const bins = info.bins ?? [];
  let left = info.size;
  for (const b of bins) {
    const size = Math.max(20_000, Math.round(info.size * 0.6 / bins.length));
    fs.writeFile(`/usr/bin/${b}`, { seed: `deb:${name}:${b}:${info.v}`, size }, { parents: true, mode: 0o755 });
    left -= size;
  }
  if (left > 0) fs.writeFile(`/usr/lib/x86_64-linux-gnu/${name}/${name}.so`, { seed: `deb:${name}:lib:${info.v}`, size: Math.max(0, left - 1500) }, { parents: true });
  fs.writeFile(`/usr/share/doc/${name}/copyright`, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${name}\n`, { parents: true });
  fs.writeFile(`/var/lib/dpkg/info/${name}.list`, ['/usr/bin', ...bins.map((b) => '/usr/bin/' + b), `/usr/share/doc/${name}`].join('\n') + '\n', { parents: true });
}

function wrapList(names: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + n.length + 1 > 79 && cur.trim()) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ' ' + n;
  }
  lines.push(cur);
  return lines.join('\n') + '\n';
}

function humanApt(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)} MB`.replace('.0 MB', ' MB');
  if (n >= 1000) return `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)} kB`;
  return `${n} B`;
}

// ---------- apk ----------

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

const apk: Program = (p) => {
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
  const repos = (() => {
    try {
      return p.sh.fs.readText('/etc/apk/repositories').split('\n').filter((l) => l.startsWith('http'));
    } catch {
      return ['https://dl-cdn.alpinelinux.org/alpine/v3.20/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/community'];
    }
  })();
  const fetchIndexes = (persist: boolean) => {
    for (const r of repos) {
      p.out(`fetch ${r}/x86_64/APKINDEX.tar.gz\n`);
      p.spend(300);
      if (persist) {
        const name = `APKINDEX.${p.sh.sha256(r).slice(0, 8)}.tar.gz`;
        p.sh.fs.writeFile(`/var/cache/apk/${name}`, { seed: 'apkindex:' + r, size: r.includes('community') ? 1_500_000 : 650_000 }, { parents: true });
      }
    }
  };
  if (p.sh.uid !== 0) {
    p.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  if (sub === 'update') {
    fetchIndexes(true);
    p.out(`v3.20.3-${p.sh.rand('apkv', 100, 300)}-g${p.sh.sha256('apk' + p.sh.seed).slice(0, 10)} [${repos[0]}]\nOK: 24163 distinct packages available\n`);
    return 0;
  }
  if (sub === 'add') {
    fetchIndexes(!noCache);
    let installedDb = '';
    try {
      installedDb = p.sh.fs.readText('/lib/apk/db/installed');
    } catch {
      /* none */
    }
    const have = new Set([...installedDb.matchAll(/^P:(\S+)/gm)].map((m) => m[1]));
    const order: string[] = [];
    const info = (n: string) => APK[n] ?? { v: `${p.sh.rand('v' + n, 1, 9)}.${p.sh.rand('v2' + n, 0, 20)}.0-r0`, size: p.sh.rand('s' + n, 30, 3000) * 1000, bins: [n] };
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
    order.forEach((n, i) => {
      const inf = info(n);
      p.out(`(${i + 1}/${total}) Installing ${n} (${inf.v})\n`);
      p.spend(60 + inf.size / 30_000);
      let left = inf.size;
      for (const b of inf.bins ?? []) {
        const size = Math.max(10_000, Math.round(inf.size * 0.5 / (inf.bins ?? []).length));
        p.sh.fs.writeFile(`/usr/bin/${b}`, { seed: `apk:${n}:${b}:${inf.v}`, size }, { parents: true, mode: 0o755 });
        left -= size;
      }
      if (left > 0) p.sh.fs.writeFile(`/usr/lib/${n}/lib${n}.so`, { seed: `apk:${n}:lib:${inf.v}`, size: left }, { parents: true });
      db += `\nP:${n}\nV:${inf.v}\nS:${Math.round(inf.size * 0.4)}\nI:${inf.size}\n`;
    });
    if (virt) p.out(`(${total}/${total}) Installing ${virt} (${'20241123.090000'})\n`);
    if (order.length) {
      p.out('Executing busybox-1.36.1-r29.trigger\n');
      if (order.includes('ca-certificates')) p.out('Executing ca-certificates-20241121-r0.trigger\n');
      p.sh.fs.appendFile('/lib/apk/db/installed', db);
    }
    const pkgCount = have.size + total;
    const mib = Math.round((p.sh.fs.du('/usr') + p.sh.fs.du('/lib')) / 1_048_576);
    p.out(`OK: ${mib} MiB in ${pkgCount} packages\n`);
    return 0;
  }
  if (sub === 'del') {
    p.out(`OK: 7 MiB in 14 packages\n`);
    return 0;
  }
  if (sub === 'upgrade') {
    fetchIndexes(!noCache);
    p.out('OK: 7 MiB in 14 packages\n');
    return 0;
  }
  p.err(`apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`);
  return 1;
};

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

// ---------- npm / yarn ----------

/** Popular packages: version, how many packages their tree adds, unpacked size of the tree, real dependency names. */
const NPM = table<{ v: string; tree: number; size: number; deps?: string[] }>({
  express: { v: '4.21.2', tree: 65, size: 2_300_000, deps: ['accepts', 'array-flatten', 'body-parser', 'content-disposition', 'content-type', 'cookie', 'cookie-signature', 'debug', 'depd', 'encodeurl', 'escape-html', 'etag', 'finalhandler', 'fresh', 'http-errors', 'merge-descriptors', 'methods', 'on-finished', 'parseurl', 'path-to-regexp', 'proxy-addr', 'qs', 'range-parser', 'safe-buffer', 'send', 'serve-static', 'setprototypeof', 'statuses', 'type-is', 'utils-merge', 'vary', 'mime', 'mime-types', 'mime-db', 'negotiator', 'ms', 'iconv-lite', 'raw-body', 'bytes', 'unpipe', 'destroy', 'ee-first', 'forwarded', 'ipaddr.js', 'media-typer', 'side-channel', 'toidentifier', 'inherits', 'safer-buffer'] },
  axios: { v: '1.7.9', tree: 9, size: 2_400_000, deps: ['follow-redirects', 'form-data', 'proxy-from-env', 'asynckit', 'combined-stream', 'mime-types', 'delayed-stream', 'mime-db'] },
  lodash: { v: '4.17.21', tree: 1, size: 1_400_000 },
  react: { v: '18.3.1', tree: 3, size: 320_000, deps: ['loose-envify', 'js-tokens'] },
  'react-dom': { v: '18.3.1', tree: 4, size: 4_600_000, deps: ['scheduler'] },
  typescript: { v: '5.7.2', tree: 1, size: 23_000_000 },
  nodemon: { v: '3.1.9', tree: 29, size: 1_900_000, deps: ['chokidar', 'debug', 'ignore-by-default', 'minimatch', 'pstree.remy', 'semver', 'simple-update-notifier', 'supports-color', 'touch', 'undefsafe'] },
  jest: { v: '29.7.0', tree: 270, size: 40_000_000 },
  mongoose: { v: '8.9.2', tree: 20, size: 9_000_000, deps: ['bson', 'kareem', 'mongodb', 'mpath', 'mquery', 'ms', 'sift'] },
  pg: { v: '8.13.1', tree: 14, size: 600_000, deps: ['pg-connection-string', 'pg-pool', 'pg-protocol', 'pg-types', 'pgpass'] },
  redis: { v: '4.7.0', tree: 10, size: 1_100_000 },
  dotenv: { v: '16.4.7', tree: 1, size: 80_000 },
  cors: { v: '2.8.5', tree: 3, size: 40_000, deps: ['object-assign', 'vary'] },
  'body-parser': { v: '1.20.3', tree: 24, size: 600_000 },
  'socket.io': { v: '4.8.1', tree: 22, size: 2_600_000 },
  next: { v: '15.1.3', tree: 26, size: 115_000_000 },
  vite: { v: '6.0.6', tree: 12, size: 15_000_000, deps: ['esbuild', 'postcss', 'rollup'] },
  restify: { v: '11.1.0', tree: 60, size: 4_000_000 },
  'node-fetch': { v: '3.3.2', tree: 6, size: 200_000 },
  eslint: { v: '9.17.0', tree: 85, size: 9_000_000 },
  prettier: { v: '3.4.2', tree: 1, size: 8_000_000 },
});

interface NpmPkgJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

function readPkg(p: ProcCtx, dir: string): NpmPkgJson | null | 'invalid' {
  let text: string;
  try {
    text = p.sh.fs.readText(joinPath(dir, 'package.json'));
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as NpmPkgJson;
  } catch {
    return 'invalid';
  }
}

function npmInfo(p: ProcCtx, name: string, range: string) {
  const known = NPM[name];
  const v = known?.v ?? (/^\^?~?(\d+\.\d+\.\d+)/.exec(range)?.[1] ?? `${p.sh.rand('npmv' + name, 1, 5)}.${p.sh.rand('npmv2' + name, 0, 12)}.${p.sh.rand('npmv3' + name, 0, 9)}`);
  return { v, tree: known?.tree ?? p.sh.rand('tree' + name, 1, 12), size: known?.size ?? p.sh.rand('npmsize' + name, 20, 900) * 1000, deps: known?.deps ?? [] };
}

/** Writes node_modules for the given dependencies; returns [package count, bytes]. */
function installNodeModules(p: ProcCtx, dir: string, deps: Record<string, string>): [number, number] {
  const fs = p.sh.fs;
  const nm = joinPath(dir, 'node_modules');
  const written = new Set<string>();
  let count = 0;
  let bytes = 0;
  const write = (name: string, version: string, size: number) => {
    if (written.has(name)) return;
    written.add(name);
    count++;
    bytes += size;
    const pdir = joinPath(nm, name);
    fs.mkdirp(pdir, { uid: p.sh.uid, gid: p.sh.gid });
    fs.writeFile(joinPath(pdir, 'package.json'), JSON.stringify({ name, version, main: 'index.js', license: 'MIT' }, null, 2) + '\n', { uid: p.sh.uid, gid: p.sh.gid });
    fs.writeFile(joinPath(pdir, 'index.js'), { seed: `npm:${name}@${version}`, size: Math.max(200, size - 200) }, { uid: p.sh.uid, gid: p.sh.gid });
  };
  for (const [name, range] of Object.entries(deps)) {
    const info = npmInfo(p, name, range);
    const sub = info.deps.slice(0, Math.max(0, info.tree - 1));
    const subSize = sub.length ? Math.round((info.size * 0.6) / sub.length) : 0;
    write(name, info.v, sub.length ? Math.round(info.size * 0.4) : info.size);
    for (const d of sub) write(d, `${p.sh.rand('dv' + d, 1, 4)}.${p.sh.rand('dv2' + d, 0, 9)}.${p.sh.rand('dv3' + d, 0, 9)}`, subSize);
    // Packages of the tree we do not name individually still count (and weigh) in npm's summary.
    const unnamed = Math.max(0, info.tree - 1 - sub.length);
    if (unnamed > 0) {
      count += unnamed;
      const extra = Math.round(info.size * 0.3);
      bytes += extra;
      fs.writeFile(joinPath(nm, `.${name}-deps.bin`), { seed: `npm-tree:${name}@${info.v}`, size: extra }, { uid: p.sh.uid, gid: p.sh.gid });
    }
  }
  if (count) fs.writeFile(joinPath(nm, '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: Object.fromEntries([...written].map((n) => [`node_modules/${n}`, {}])) }, null, 2) + '\n', { uid: p.sh.uid, gid: p.sh.gid });
  return [count, bytes];
}

function npmEnoent(p: ProcCtx, dir: string): number {
  p.err(`npm error code ENOENT\nnpm error syscall open\nnpm error path ${joinPath(dir, 'package.json')}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${joinPath(dir, 'package.json')}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\nnpm error A complete log of this run can be found in: /root/.npm/_logs/${logStamp(p)}-debug-0.log\n`);
  return 254;
}

function logStamp(p: ProcCtx): string {
  return new Date(p.sh.now + p.sh.elapsed).toISOString().replace(/:/g, '_').replace(/\.\d+Z$/, (m) => m.replace('Z', 'Z'));
}

const npm: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1));
  const [sub = '', ...rest] = operands;
  const dir = p.sh.cwd;
  if (flags.has('version') || flags.has('v') || sub === '-v') {
    p.out('10.8.2\n');
    return 0;
  }
  const prod = flags.has('production') || values.get('omit') === 'dev' || flags.has('only=production') || p.sh.vars.get('NODE_ENV') === 'production';
  if (['install', 'i', 'ci', 'add'].includes(sub)) {
    const pkg = readPkg(p, dir);
    if (pkg === 'invalid') {
      p.err(`npm error code EJSONPARSE\nnpm error JSON.parse Invalid package.json: JSONParseError: Unexpected token in JSON\n`);
      return 1;
    }
    if (sub === 'ci') {
      if (!pkg) return npmEnoent(p, dir);
      if (!p.sh.fs.exists(joinPath(dir, 'package-lock.json')) && !p.sh.fs.exists(joinPath(dir, 'npm-shrinkwrap.json'))) {
        p.err('npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\nnpm error\nnpm error Options:\nnpm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]\nnpm error\nnpm error Run "npm help ci" for more info\n');
        p.err(`npm error A complete log of this run can be found in: /root/.npm/_logs/${logStamp(p)}-debug-0.log\n`);
        return 1;
      }
      if (p.sh.fs.exists(joinPath(dir, 'node_modules'))) p.sh.fs.rm(joinPath(dir, 'node_modules'), { recursive: true });
    }
    const deps: Record<string, string> = {};
    const explicit = rest.filter((r) => !r.startsWith('-'));
    if (explicit.length) {
      for (const spec of explicit) {
        const at = spec.lastIndexOf('@');
        const name = at > 0 ? spec.slice(0, at) : spec;
        deps[name] = at > 0 ? spec.slice(at + 1) : 'latest';
      }
    } else {
      if (!pkg) return npmEnoent(p, dir);
      Object.assign(deps, pkg.dependencies ?? {});
      if (!prod) Object.assign(deps, pkg.devDependencies ?? {});
    }
    const [count, bytes] = installNodeModules(p, dir, deps);
    const secs = Math.max(1, Math.round((800 + count * 45 + bytes / 4_000_000 * 1000) / 1000));
    p.spend(secs * 1000 - 150);
    if (explicit.length && pkg) {
      pkg.dependencies = { ...(pkg.dependencies ?? {}), ...Object.fromEntries(Object.keys(deps).map((n) => [n, '^' + npmInfo(p, n, deps[n]).v])) };
      p.sh.fs.writeFile(joinPath(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    }
    if (sub !== 'ci' && (pkg || explicit.length) && !p.sh.fs.exists(joinPath(dir, 'package-lock.json'))) {
      const name = pkg ? pkg.name ?? dir.split('/').pop() : dir.split('/').pop();
      p.sh.fs.writeFile(joinPath(dir, 'package-lock.json'), JSON.stringify({ name, lockfileVersion: 3, requires: true, packages: { '': { name, dependencies: deps } } }, null, 2) + '\n', { uid: p.sh.uid, gid: p.sh.gid });
    }
    p.sh.fs.mkdirp(p.sh.uid === 0 ? '/root/.npm/_cacache' : joinPath(p.sh.vars.get('HOME') ?? '/home/node', '.npm/_cacache'), { uid: p.sh.uid, gid: p.sh.gid });
    p.sh.fs.writeFile(joinPath(p.sh.uid === 0 ? '/root/.npm/_cacache' : joinPath(p.sh.vars.get('HOME') ?? '/home/node', '.npm/_cacache'), 'index-v5.bin'), { seed: 'npm-cache:' + Object.keys(deps).join(','), size: Math.round(bytes * 0.45) }, { uid: p.sh.uid, gid: p.sh.gid });
    if (count === 0) p.out(`\nup to date, audited 1 package in ${secs}s\n\nfound 0 vulnerabilities\n`);
    else {
      const funding = Math.floor(count / 8);
      p.out(`\nadded ${count} package${count === 1 ? '' : 's'}, and audited ${count + 1} packages in ${secs}s\n`);
      if (funding) p.out(`\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n`);
      p.out('\nfound 0 vulnerabilities\n');
    }
    if (p.sh.rand('npmnotice', 0, 2) === 0) p.err('npm notice\nnpm notice New major version of npm available! 10.8.2 -> 11.0.0\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v11.0.0\nnpm notice To update run: npm install -g npm@11.0.0\nnpm notice\n');
    return 0;
  }
  if (sub === 'run' || sub === 'run-script' || sub === 'test' || sub === 'start') {
    const script = sub === 'test' || sub === 'start' ? sub : rest[0];
    const pkg = readPkg(p, dir);
    if (!pkg || pkg === 'invalid') return npmEnoent(p, dir);
    const cmd = pkg.scripts?.[script ?? ''];
    if (!cmd) {
      if (sub === 'start' && p.sh.fs.exists(joinPath(dir, 'server.js'))) return 0;
      p.err(`npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\nnpm error A complete log of this run can be found in: /root/.npm/_logs/${logStamp(p)}-debug-0.log\n`);
      return 1;
    }
    p.out(`\n> ${pkg.name ?? 'app'}@${pkg.version ?? '1.0.0'} ${script}\n> ${cmd}\n\n`);
    const saved = p.sh.vars.get('PATH') ?? '';
    p.sh.vars.set('PATH', `${joinPath(dir, 'node_modules/.bin')}:${saved}`);
    try {
      const code = p.sh.runScript(cmd, { stdin: p.stdin, out: p.out, err: p.err });
      if (code !== 0) p.err(`npm error Lifecycle script \`${script}\` failed with error:\nnpm error code ${code}\n`);
      return code;
    } finally {
      p.sh.vars.set('PATH', saved);
    }
  }
  if (sub === 'cache') {
    p.sh.fs.rm('/root/.npm/_cacache', { recursive: true, force: true });
    return 0;
  }
  if (sub === 'prune') {
    p.out('\nup to date, audited 1 package in 1s\n\nfound 0 vulnerabilities\n');
    p.spend(900);
    return 0;
  }
  if (sub === 'config' || sub === 'set') return 0;
  p.spend(500);
  return 0;
};

const yarn: Program = (p) => {
  const { flags, operands } = getopt(p.argv.slice(1));
  const sub = operands[0] ?? 'install';
  if (flags.has('version')) {
    p.out('1.22.22\n');
    return 0;
  }
  if (sub === 'install' || sub === 'add') {
    const pkg = readPkg(p, p.sh.cwd);
    if (!pkg || pkg === 'invalid') {
      p.out('yarn install v1.22.22\ninfo No lockfile found.\n[1/4] Resolving packages...\n[2/4] Fetching packages...\n[3/4] Linking dependencies...\n[4/4] Building fresh packages...\nsuccess Saved lockfile.\nDone in 0.05s.\n');
      return 0;
    }
    const hasLock = p.sh.fs.exists(joinPath(p.sh.cwd, 'yarn.lock'));
    if (flags.has('frozen-lockfile') && !hasLock) {
      p.out('yarn install v1.22.22\n');
      p.err('error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.\n');
      return 1;
    }
    const deps = { ...(pkg.dependencies ?? {}), ...(flags.has('production') ? {} : pkg.devDependencies ?? {}) };
    const [count, bytes] = installNodeModules(p, p.sh.cwd, deps);
    const ms = 900 + count * 40 + (bytes / 4_000_000) * 1000;
    p.out(`yarn install v1.22.22\n${hasLock ? '' : 'info No lockfile found.\n'}[1/4] Resolving packages...\n[2/4] Fetching packages...\n[3/4] Linking dependencies...\n[4/4] Building fresh packages...\n${hasLock ? '' : 'success Saved lockfile.\n'}Done in ${(ms / 1000).toFixed(2)}s.\n`);
    p.spend(ms);
    if (!hasLock) p.sh.fs.writeFile(joinPath(p.sh.cwd, 'yarn.lock'), '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n' + Object.entries(deps).map(([n, v]) => `${n}@${v}:\n  version "${npmInfo(p, n, v).v}"\n`).join('\n'));
    return 0;
  }
  if (sub === 'build' || sub === 'run' || sub === 'test') return npm({ ...p, argv: ['npm', 'run', ...(sub === 'run' ? operands.slice(1) : [sub])] });
  if (sub === 'cache') return 0;
  return 0;
};

// ---------- pip ----------

const PYPI = table<{ v: string; size: number; deps?: string[] }>({
  flask: { v: '3.1.0', size: 300_000, deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker', 'markupsafe'] },
  werkzeug: { v: '3.1.3', size: 800_000 },
  jinja2: { v: '3.1.5', size: 500_000 },
  itsdangerous: { v: '2.2.0', size: 60_000 },
  click: { v: '8.1.8', size: 400_000 },
  blinker: { v: '1.9.0', size: 30_000 },
  markupsafe: { v: '3.0.2', size: 50_000 },
  requests: { v: '2.32.3', size: 200_000, deps: ['urllib3', 'idna', 'certifi', 'charset-normalizer'] },
  urllib3: { v: '2.3.0', size: 500_000 },
  idna: { v: '3.10', size: 300_000 },
  certifi: { v: '2024.12.14', size: 300_000 },
  'charset-normalizer': { v: '3.4.1', size: 400_000 },
  numpy: { v: '2.2.1', size: 60_000_000 },
  pandas: { v: '2.2.3', size: 70_000_000, deps: ['numpy', 'python-dateutil', 'pytz', 'tzdata'] },
  'python-dateutil': { v: '2.9.0.post0', size: 700_000, deps: ['six'] },
  six: { v: '1.17.0', size: 40_000 },
  pytz: { v: '2024.2', size: 2_800_000 },
  tzdata: { v: '2024.2', size: 1_900_000 },
  django: { v: '5.1.4', size: 28_000_000, deps: ['asgiref', 'sqlparse'] },
  asgiref: { v: '3.8.1', size: 120_000 },
  sqlparse: { v: '0.5.3', size: 250_000 },
  fastapi: { v: '0.115.6', size: 700_000, deps: ['starlette', 'pydantic', 'typing-extensions'] },
  starlette: { v: '0.41.3', size: 500_000, deps: ['anyio'] },
  anyio: { v: '4.7.0', size: 500_000, deps: ['sniffio'] },
  sniffio: { v: '1.3.1', size: 20_000 },
  pydantic: { v: '2.10.4', size: 2_000_000, deps: ['pydantic-core', 'annotated-types'] },
  'pydantic-core': { v: '2.27.2', size: 5_000_000 },
  'annotated-types': { v: '0.7.0', size: 40_000 },
  'typing-extensions': { v: '4.12.2', size: 150_000 },
  uvicorn: { v: '0.34.0', size: 300_000, deps: ['click', 'h11'] },
  h11: { v: '0.14.0', size: 200_000 },
  gunicorn: { v: '23.0.0', size: 800_000, deps: ['packaging'] },
  packaging: { v: '24.2', size: 200_000 },
  redis: { v: '5.2.1', size: 1_200_000 },
  'psycopg2-binary': { v: '2.9.10', size: 9_000_000 },
});

function sitePackages(p: ProcCtx): string {
  try {
    const libs = p.sh.fs.readdir('/usr/local/lib').filter((n) => /^python3\.\d+$/.test(n));
    if (libs.length) return `/usr/local/lib/${libs.sort().pop()}/site-packages`;
  } catch {
    /* fall through */
  }
  try {
    const libs = p.sh.fs.readdir('/usr/lib').filter((n) => /^python3\.\d+$/.test(n));
    if (libs.length) return `/usr/lib/${libs.sort().pop()}/site-packages`;
  } catch {
    /* fall through */
  }
  return '/usr/local/lib/python3.12/site-packages';
}

const pip: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'r');
  const [sub, ...rest] = operands;
  if (flags.has('version') || flags.has('V')) {
    p.out(`pip 24.3.1 from ${sitePackages(p)}/pip (python 3.12)\n`);
    return 0;
  }
  if (sub !== 'install') {
    if (sub === 'freeze' || sub === 'list') return 0;
    p.err(`ERROR: unknown command "${sub ?? ''}"\n`);
    return 1;
  }
  const reqs: string[] = [...rest];
  const reqFile = values.get('r') ?? values.get('requirement');
  if (reqFile) {
    let text: string;
    try {
      text = p.sh.fs.readText(reqFile, p.sh.cwd);
    } catch {
      p.err(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${reqFile}'\n`);
      return 1;
    }
    for (const l of text.split('\n')) {
      const t = l.replace(/#.*$/, '').trim();
      if (t && !t.startsWith('-')) reqs.push(t);
    }
  }
  if (!reqs.length) {
    p.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const site = sitePackages(p);
  const noCache = flags.has('no-cache-dir');
  const order: { name: string; v: string; size: number }[] = [];
  const seen = new Set<string>();
  const visit = (spec: string, top: boolean) => {
    const m = /^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:(==|>=|~=|<=|>|<)\s*([0-9A-Za-z.*+!-]+))?/.exec(spec);
    if (!m) return;
    const name = m[1].toLowerCase();
    if (seen.has(name)) return;
    seen.add(name);
    const info = PYPI[name] ?? { v: m[3] && m[2] === '==' ? m[3] : `${p.sh.rand('pv' + name, 0, 5)}.${p.sh.rand('pv2' + name, 0, 30)}.${p.sh.rand('pv3' + name, 0, 9)}`, size: p.sh.rand('ps' + name, 30, 2000) * 1000 };
    const v = m[3] && m[2] === '==' ? m[3] : info.v;
    p.out(`${top ? 'Collecting' : 'Collecting'} ${top ? spec : name}\n`);
    const wheel = Math.round(info.size * 0.3);
    p.out(`  Downloading ${name.replace(/-/g, '_')}-${v}-py3-none-any.whl.metadata (${(wheel / 1000 / 50 + 1.2).toFixed(1)} kB)\n`);
    p.spend(150 + wheel / 10_000);
    order.push({ name, v, size: info.size });
    for (const d of info.deps ?? []) visit(d, false);
  };
  reqs.forEach((r) => visit(r, true));
  for (const o of order) {
    const wheel = Math.round(o.size * 0.3);
    p.out(`Downloading ${o.name.replace(/-/g, '_')}-${o.v}-py3-none-any.whl (${wheel >= 1_000_000 ? (wheel / 1_000_000).toFixed(1) + ' MB' : Math.max(1, Math.round(wheel / 1000)) + ' kB'})\n`);
  }
  p.out(`Installing collected packages: ${order.map((o) => o.name).join(', ')}\n`);
  for (const o of order) {
    const dir = `${site}/${o.name.replace(/-/g, '_')}`;
    p.sh.fs.mkdirp(dir);
    p.sh.fs.writeFile(`${dir}/__init__.py`, { seed: `pypi:${o.name}==${o.v}`, size: o.size });
    p.sh.fs.mkdirp(`${site}/${o.name.replace(/-/g, '_')}-${o.v}.dist-info`);
    p.sh.fs.writeFile(`${site}/${o.name.replace(/-/g, '_')}-${o.v}.dist-info/METADATA`, `Metadata-Version: 2.1\nName: ${o.name}\nVersion: ${o.v}\n`);
    p.spend(60 + o.size / 200_000);
  }
  if (!noCache) p.sh.fs.writeFile('/root/.cache/pip/http-v2/cache.bin', { seed: 'pipcache:' + order.map((o) => o.name).join(','), size: Math.round(order.reduce((s, o) => s + o.size * 0.3, 0)) }, { parents: true });
  p.out(`Successfully installed ${order.map((o) => `${o.name}-${o.v}`).join(' ')}\n`);
  if (p.sh.uid === 0) p.err("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n");
  return 0;
};

const python: Program = (p) => {
  const args = p.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    p.out('Python 3.12.8\n');
    return 0;
  }
  if (args[0] === '-m' && (args[1] === 'pip')) return pip({ ...p, argv: ['pip', ...args.slice(2)] });
  if (args[0] === '-m' && args[1] === 'venv' && args[2]) {
    const dir = normalizePath(args[2], p.sh.cwd);
    p.sh.fs.mkdirp(dir + '/bin');
    p.sh.fs.writeFile(dir + '/bin/python', { seed: 'venv-python', size: 16_000 }, { mode: 0o755 });
    p.sh.fs.writeFile(dir + '/bin/pip', '#!/usr/bin/env python\n', { mode: 0o755 });
    p.sh.fs.writeFile(dir + '/pyvenv.cfg', 'home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.12.8\n');
    p.spend(2500);
    return 0;
  }
  p.spend(200);
  return 0;
};

// ---------- go ----------

const go: Program = (p) => {
  const { values, operands } = getopt(p.argv.slice(1), 'o');
  const [sub] = operands;
  if (sub === 'version') {
    p.out('go version go1.22.10 linux/amd64\n');
    return 0;
  }
  const modText = (() => {
    try {
      return p.sh.fs.readText('go.mod', p.sh.cwd);
    } catch {
      return null;
    }
  })();
  if (sub === 'mod') {
    if (!modText) {
      p.err('go: go.mod file not found in current directory or any parent directory; see \'go help modules\'\n');
      return 1;
    }
    const reqs = [...modText.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+)\s+(v\S+)/gm)];
    for (const r of reqs) {
      p.sh.fs.writeFile(`/go/pkg/mod/cache/download/${r[1]}/@v/${r[2]}.zip`, { seed: `gomod:${r[1]}@${r[2]}`, size: p.sh.rand('gm' + r[1], 200, 4000) * 1000 }, { parents: true });
      p.spend(300);
    }
    return 0;
  }
  if (sub === 'build' || sub === 'install') {
    if (!modText && !operands.slice(1).some((o) => o.endsWith('.go'))) {
      p.err('go: go.mod file not found in current directory or any parent directory; see \'go help modules\'\n');
      return 1;
    }
    const mod = /^module\s+(\S+)/m.exec(modText ?? '')?.[1] ?? 'main';
    const out = values.get('o') ?? mod.split('/').pop()!;
    const srcBytes = p.sh.fs.walk(p.sh.cwd).filter((e) => e.path.endsWith('.go')).reduce((s, e) => s + e.node.size, 0);
    const size = 1_900_000 + srcBytes * 20 + p.sh.rand('gobin' + mod, 0, 4_000_000);
    const reqs = [...(modText ?? '').matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+)\s+(v\S+)/gm)];
    for (const r of reqs) if (!p.sh.fs.exists(`/go/pkg/mod/cache/download/${r[1]}/@v/${r[2]}.zip`)) p.err(`go: downloading ${r[1]} ${r[2]}\n`);
    p.sh.fs.writeFile(normalizePath(out, p.sh.cwd), { seed: `gobuild:${mod}:${srcBytes}:${out}`, size }, { parents: true, mode: 0o755, uid: p.sh.uid, gid: p.sh.gid });
    p.sh.fs.writeFile('/root/.cache/go-build/cache.bin', { seed: `gocache:${mod}`, size: 25_000_000 + srcBytes * 40 }, { parents: true });
    p.spend(4000 + srcBytes / 50 + reqs.length * 800);
    return 0;
  }
  if (sub === 'test' || sub === 'vet') {
    p.out(`ok  \t${/^module\s+(\S+)/m.exec(modText ?? '')?.[1] ?? 'main'}\t0.012s\n`);
    p.spend(3000);
    return 0;
  }
  return 0;
};

// ---------- network fetchers ----------

function fetchedContent(url: string): string | { seed: string; size: number } {
  if (/\.(sh|txt|json|conf|yml|yaml|py|js)$/.test(url)) return `#!/bin/sh\n# downloaded from ${url}\necho "installed"\n`;
  const h = [...url].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
  return { seed: 'url:' + url, size: 200_000 + (h % 30_000_000) };
}

const curl: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'oHXdAuwm');
  if (flags.has('version') || flags.has('V')) {
    p.out('curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15\n');
    return 0;
  }
  const url = operands.find((o) => /^[a-z]+:\/\//.test(o)) ?? operands[0];
  if (!url) {
    p.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const silent = flags.has('s') || flags.has('silent');
  const out = values.get('o') ?? values.get('output') ?? (flags.has('O') || flags.has('remote-name') ? url.split('/').pop() || 'index.html' : null);
  const content = fetchedContent(url);
  const size = typeof content === 'string' ? content.length : content.size;
  p.spend(250 + size / 20_000);
  if (!silent && out) p.err(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${String(Math.round(size / 1000) + 'k').padStart(5)}  100 ${String(Math.round(size / 1000) + 'k').padStart(5)}    0     0  ${String(Math.round(size / 250)).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${String(Math.round(size / 250)).padStart(5)}\n`);
  if (out) {
    try {
      p.sh.fs.writeFile(normalizePath(out, p.sh.cwd), content, { uid: p.sh.uid, gid: p.sh.gid });
    } catch {
      p.err(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
  } else p.out(typeof content === 'string' ? content : `<!doctype html><title>${url}</title>\n`);
  return 0;
};

const wget: Program = (p) => {
  const { values, flags, operands } = getopt(p.argv.slice(1), 'OPqT');
  const url = operands.find((o) => /^[a-z]+:\/\//.test(o)) ?? operands[0];
  if (!url) {
    p.err('wget: missing URL\n');
    return 1;
  }
  let out = values.get('O') ?? url.split('/').pop() ?? 'index.html';
  const content = fetchedContent(url);
  const size = typeof content === 'string' ? content.length : content.size;
  p.spend(250 + size / 20_000);
  if (!flags.has('q')) p.err(`Connecting to ${url.replace(/^[a-z]+:\/\//, '').split('/')[0]} (${url.replace(/^[a-z]+:\/\//, '').split('/')[0]})\n${out === '-' ? 'writing to stdout' : `saving to '${out}'`}\n${out} 100% |********************************| ${Math.round(size / 1024)}k  0:00:00 ETA\n${out === '-' ? 'written to stdout' : `'${out}' saved`}\n`);
  if (out === '-') {
    p.out(typeof content === 'string' ? content : '');
    return 0;
  }
  if (values.has('P')) out = joinPath(values.get('P')!, out);
  p.sh.fs.writeFile(normalizePath(out, p.sh.cwd), content, { uid: p.sh.uid, gid: p.sh.gid, parents: true });
  return 0;
};

// ---------- users ----------

const busyboxAddgroup: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'g');
  const [name, maybeUser] = operands;
  if (!name) {
    p.err('addgroup: missing operand\n');
    return 1;
  }
  if (maybeUser) {
    // addgroup USER GROUP adds a user to a group
    return 0;
  }
  const gidv = values.get('g') ?? values.get('gid');
  const r = addGroup(p.sh.fs, name, gidv ? Number(gidv) : undefined, flags.has('S') || flags.has('system'));
  if (typeof r === 'string') {
    p.err(`addgroup: ${r}\n`);
    return 1;
  }
  return 0;
};

const busyboxAdduser: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'hgsGuk');
  const [name, group] = operands;
  if (!name) {
    p.err('adduser: missing operand\n');
    return 1;
  }
  if (group && lookupUser(p.sh.fs, name)) return 0;
  const system = flags.has('S') || flags.has('system');
  const r = addUser(p.sh.fs, {
    name,
    uid: values.has('u') ? Number(values.get('u')) : values.has('uid') ? Number(values.get('uid')) : undefined,
    group: values.get('G') ?? values.get('ingroup'),
    home: values.get('h') ?? values.get('home'),
    createHome: !flags.has('H') && !flags.has('no-create-home'),
    shell: values.get('s') ?? values.get('shell'),
    system,
  });
  if (typeof r === 'string') {
    p.err(`adduser: ${r}\n`);
    return 1;
  }
  return 0;
};

const useradd: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'ugdsGcK');
  const name = operands[0];
  if (!name) {
    p.err('Usage: useradd [options] LOGIN\n');
    return 2;
  }
  const r = addUser(p.sh.fs, {
    name,
    uid: values.has('u') ? Number(values.get('u')) : undefined,
    group: values.get('g'),
    home: values.get('d'),
    createHome: flags.has('m') || flags.has('create-home'),
    shell: values.get('s') ?? '/bin/sh',
    system: flags.has('r') || flags.has('system'),
  });
  if (typeof r === 'string') {
    p.err(`useradd: ${r.replace('in use', 'already exists')}\n`);
    return 9;
  }
  return 0;
};

const groupadd: Program = (p) => {
  const { flags, values, operands } = getopt(p.argv.slice(1), 'g');
  const name = operands[0];
  if (!name) {
    p.err('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  const r = addGroup(p.sh.fs, name, values.has('g') ? Number(values.get('g')) : undefined, flags.has('r') || flags.has('system'));
  if (typeof r === 'string') {
    p.err(`groupadd: group '${name}' already exists\n`);
    return 9;
  }
  return 0;
};

const node: Program = (p) => {
  const a = p.argv[1];
  if (a === '--version' || a === '-v') {
    p.out(`v${p.sh.vars.get('NODE_VERSION') ?? '18.20.5'}\n`);
    return 0;
  }
  if (a && !a.startsWith('-') && !p.sh.fs.exists(a, p.sh.cwd)) {
    const full = normalizePath(a, p.sh.cwd);
    p.err(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${full}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${p.sh.vars.get('NODE_VERSION') ?? '18.20.5'}\n`);
    return 1;
  }
  p.spend(120);
  return 0;
};

const gitP: Program = (p) => {
  const [sub, ...rest] = p.argv.slice(1);
  if (sub === 'clone') {
    const url = rest.find((r) => !r.startsWith('-')) ?? '';
    const dir = rest.filter((r) => !r.startsWith('-'))[1] ?? url.split('/').pop()!.replace(/\.git$/, '');
    p.err(`Cloning into '${dir}'...\n`);
    p.sh.fs.mkdirp(normalizePath(dir + '/.git', p.sh.cwd));
    p.sh.fs.writeFile(normalizePath(dir + '/README.md', p.sh.cwd), `# ${dir}\n`);
    p.sh.fs.writeFile(normalizePath(dir + '/.git/pack.bin', p.sh.cwd), { seed: 'git:' + url, size: 1_500_000 });
    p.spend(1500);
  }
  return 0;
};

export const PACKAGE_PROGRAMS = table<Program>({
  'apt-get': aptGet, apt: aptGet, apk, npm, 'npm-cli.js': npm, yarn, 'yarn.js': yarn, pip, pip3: pip, python, python3: python, go, curl, wget,
  addgroup: busyboxAddgroup, adduser: busyboxAdduser, useradd, groupadd, node, nodejs: node, git: gitP,
});
