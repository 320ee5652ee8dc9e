/**
 * `apt-get` and `apt` (Debian, Ubuntu): update writes the package lists, install resolves dependencies from a
 * table of common packages (others get deterministic versions and sizes), prints apt's lines, unpacks binaries
 * into /usr/bin as synthetic files and records them in /var/lib/dpkg/status; without -y a transaction with extra
 * packages stops at apt's prompt (no terminal answers it in a build).
 */
import { getopt, kB, osRelease, pkgApplet, type PkgCtx } from './context';
import { table } from './table';

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

function debInfo(name: string, p: PkgCtx): DebPkg {
  return DEB[name] ?? { v: `${p.rand('v' + name, 1, 9)}.${p.rand('v2' + name, 0, 20)}-1`, size: p.rand('size' + name, 80, 4000) * 1000, bins: [name] };
}

function aptListsPresent(p: PkgCtx): boolean {
  return (p.fs.readdir('/var/lib/apt/lists') ?? []).some((n) => n !== 'partial' && n !== 'lock' && n !== 'auxfiles');
}

function dpkgInstalled(p: PkgCtx): Set<string> {
  return new Set([...(p.read('/var/lib/dpkg/status') ?? '').matchAll(/^Package: (\S+)/gm)].map((m) => m[1]));
}

export async function aptGet(p: PkgCtx): Promise<number> {
  const { flags, operands } = getopt(p.argv.slice(1), 'o');
  const [sub, ...pkgs] = operands;
  const os = osRelease(p);
  const codename = os.VERSION_CODENAME || 'bookworm';
  const ubuntu = os.ID === 'ubuntu';
  const mirror = ubuntu ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian';
  const secMirror = ubuntu ? 'http://security.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian-security';
  const quiet = flags.has('q');
  // apt (not apt-get) warns when its output is not a terminal, as in a build or a pipe.
  if (p.argv[0] === 'apt' && !p.tty) p.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  if (p.uid !== 0) {
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
    for (const [i, [what, size]] of gets.entries()) {
      await p.spend(120 + size / 8000);
      total += size;
      if (!quiet) p.out(`Get:${i + 1} ${what} [${humanApt(size)}]\n`);
    }
    const host = mirror.replace(/^http:\/\//, '').replace(/\//g, '_');
    const secHost = secMirror.replace(/^http:\/\//, '').replace(/\//g, '_');
    p.mkdirp('/var/lib/apt/lists/partial');
    p.writeSynthetic(`/var/lib/apt/lists/${host}_dists_${codename}_InRelease`, { seed: `apt:${codename}:inrelease`, size: 151_000 });
    p.writeSynthetic(`/var/lib/apt/lists/${host}_dists_${codename}_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:main`, size: 17_800_000 });
    p.writeSynthetic(`/var/lib/apt/lists/${host}_dists_${codename}-updates_InRelease`, { seed: `apt:${codename}:upd`, size: 55_400 });
    p.writeSynthetic(`/var/lib/apt/lists/${host}_dists_${codename}-updates_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:updmain`, size: 27_000 });
    p.writeSynthetic(`/var/lib/apt/lists/${secHost}_dists_${codename}-security_InRelease`, { seed: `apt:${codename}:sec`, size: 48_000 });
    p.writeSynthetic(`/var/lib/apt/lists/${secHost}_dists_${codename}-security_main_binary-amd64_Packages.lz4`, { seed: `apt:${codename}:secmain`, size: 480_000 });
    const secs = Math.max(1, Math.round(p.elapsed() / 1000));
    p.out(`Fetched ${humanApt(total)} in ${secs}s (${humanApt(Math.round(total / secs))}/s)\n`);
    p.out('Reading package lists...\n');
    await p.spend(900);
    return 0;
  }
  if (sub === 'install') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    await p.spend(400);
    if (!aptListsPresent(p)) {
      for (const n of pkgs) {
        if (n.startsWith('-')) continue;
        p.err(`E: Unable to locate package ${n.replace(/[=].*$/, '')}\n`);
        return 100;
      }
    }
    const yes = flags.has('y') || flags.has('yes') || flags.has('assume-yes');
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
    for (const [i, n] of order.entries()) {
      const info = debInfo(n, p);
      await p.spend(40 + (info.size * 0.38) / 20_000);
      p.out(`Get:${i + 1} ${mirror} ${codename}/main amd64 ${n} amd64 ${info.v} [${humanApt(Math.round(info.size * 0.38))}]\n`);
    }
    p.err('debconf: delaying package configuration, since apt-utils is not installed\n');
    const secs = Math.max(1, Math.round(download / 12_000_000));
    p.out(`Fetched ${kB(download)} kB in ${secs}s (${humanApt(Math.round(download / secs))}/s)\n`);
    let statusAdd = '';
    for (const n of order) {
      const info = debInfo(n, p);
      p.out(`Selecting previously unselected package ${n}.\nPreparing to unpack .../${n}_${info.v.replace(/^\d+:/, '')}_amd64.deb ...\nUnpacking ${n} (${info.v}) ...\n`);
      await p.spend(30 + info.size / 40_000);
      installDebFiles(p, n, info);
      statusAdd += `\nPackage: ${n}\nStatus: install ok installed\nVersion: ${info.v}\nInstalled-Size: ${Math.round(info.size / 1024)}\n`;
    }
    for (const n of order) p.out(`Setting up ${n} (${debInfo(n, p).v}) ...\n`);
    p.out('Processing triggers for libc-bin (2.36-9+deb12u9) ...\n');
    p.append('/var/lib/dpkg/status', statusAdd);
    await p.spend(300);
    return 0;
  }
  if (sub === 'clean' || sub === 'autoclean') {
    p.rmrf('/var/cache/apt/archives');
    return 0;
  }
  if (sub === 'upgrade' || sub === 'dist-upgrade') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    await p.spend(800);
    return 0;
  }
  if (sub === 'remove' || sub === 'purge' || sub === 'autoremove') {
    p.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  p.err(`E: Invalid operation ${sub ?? ''}\n`);
  return 100;
}

function installDebFiles(p: PkgCtx, name: string, info: DebPkg): void {
  const bins = info.bins ?? [];
  let left = info.size;
  for (const b of bins) {
    const size = Math.max(20_000, Math.round((info.size * 0.6) / bins.length));
    p.writeSynthetic(`/usr/bin/${b}`, { seed: `deb:${name}:${b}:${info.v}`, size }, 0o755);
    left -= size;
  }
  if (left > 0) p.writeSynthetic(`/usr/lib/x86_64-linux-gnu/${name}/${name}.so`, { seed: `deb:${name}:lib:${info.v}`, size: Math.max(0, left - 1500) });
  p.write(`/usr/share/doc/${name}/copyright`, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${name}\n`);
  p.write(`/var/lib/dpkg/info/${name}.list`, ['/usr/bin', ...bins.map((b) => '/usr/bin/' + b), `/usr/share/doc/${name}`].join('\n') + '\n');
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

export const APT_PROGRAMS = { 'apt-get': pkgApplet(aptGet), apt: pkgApplet(aptGet) };
