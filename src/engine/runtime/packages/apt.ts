/**
 * `apt-get` and `apt` (Debian, Ubuntu), over the offline index (os-index/debian.ts):
 * - `update` writes the release's package lists under /var/lib/apt/lists; `rm -rf /var/lib/apt/lists/*` takes
 *   them away again. The official images ship that directory empty, so `install` without an `update` in the
 *   same image fails with `E: Unable to locate package NAME` (status 100), as it does for real.
 * - `install [-y] [--no-install-recommends] NAME[=VERSION]...` resolves dependencies (and recommends) against
 *   what the image has (the release's base packages and /var/lib/dpkg/status), prints apt's transaction, Get:,
 *   Unpacking and Setting up lines, and installs each package's files (os-index/deb-files.ts), so the layer
 *   grows by the packages' real installed sizes. Without -y a transaction with extra packages stops at the
 *   prompt (no terminal answers it in a build).
 * - `remove`/`purge` take a package's files and status entry away; `clean` empties /var/cache/apt/archives.
 * Sizes print as apt's SizeToStr does (apt-pkg/contrib/strutl.cc): under 10,000 units as an integer with
 * thousands separators, else the next unit with one decimal under 100.
 */
import { getopt, osRelease, pkgApplet, type PkgCtx } from './context';
import { debianIndex, debianIndexSize, type DebPackage } from './os-index/debian';
import { installDebFiles, removeDebFiles } from './os-index/deb-files';

/** apt's SizeToStr: "315 kB", "7,264 kB", "44.9 MB", "123 MB". */
export function aptSize(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let n = bytes;
  for (let i = 0; i < units.length; i++) {
    if (n < 100 && i !== 0) return `${n.toFixed(1)} ${units[i]}B`;
    if (n < 10_000) return `${Math.round(n).toLocaleString('en-US')} ${units[i]}B`;
    n /= 1000;
  }
  return `${Math.round(n)} PB`;
}

function listsPresent(p: PkgCtx): boolean {
  return (p.fs.readdir('/var/lib/apt/lists') ?? []).some((n) => n !== 'partial' && n !== 'lock' && n !== 'auxfiles');
}

/** Package -> version of what dpkg's status file records as installed. */
function dpkgStatus(p: PkgCtx): Map<string, string> {
  const out = new Map<string, string>();
  for (const stanza of (p.read('/var/lib/dpkg/status') ?? '').split(/\n\n+/)) {
    const name = /^Package: (\S+)/m.exec(stanza)?.[1];
    const version = /^Version: (\S+)/m.exec(stanza)?.[1];
    if (name && version && /^Status: install ok installed/m.test(stanza)) out.set(name, version);
  }
  return out;
}

interface Release {
  codename: string;
  ubuntu: boolean;
  mirror: string;
  security: string;
  lookup: (name: string) => DebPackage | undefined;
}

function release(p: PkgCtx): Release {
  const os = osRelease(p);
  const codename = os.VERSION_CODENAME || 'bookworm';
  const ubuntu = os.ID === 'ubuntu';
  return {
    codename,
    ubuntu,
    mirror: ubuntu ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian',
    security: ubuntu ? 'http://security.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian-security',
    lookup: debianIndex(codename),
  };
}

export async function aptGet(p: PkgCtx): Promise<number> {
  const { flags, operands } = getopt(p.argv.slice(1), 'o');
  const [sub, ...names] = operands;
  const rel = release(p);
  const done = p.tty ? ' Done' : '';
  // apt (not apt-get) warns when its output is not a terminal, as in a build or a pipe.
  if (p.argv[0].endsWith('apt') && !p.tty) p.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  if (p.uid !== 0 && sub !== undefined && !['show', 'policy', 'list', 'search'].includes(sub)) {
    p.err('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
    return 100;
  }
  const quiet = flags.has('q');
  const readLists = () => p.out(`Reading package lists...${done}\n`);
  const header = () => p.out(`Reading package lists...${done}\nBuilding dependency tree...${done}\nReading state information...${done}\n`);
  if (sub === 'update') return update(p, rel, quiet, readLists);
  if (sub === 'install') return install(p, rel, names, flags, header);
  if (sub === 'remove' || sub === 'purge' || sub === 'autoremove') {
    header();
    const status = dpkgStatus(p);
    const gone = names.filter((n) => status.has(n));
    for (const n of names.filter((x) => !status.has(x))) {
      if (!rel.lookup(n) && !listsPresent(p)) {
        p.err(`E: Unable to locate package ${n}\n`);
        return 100;
      }
      p.out(`Package '${n}' is not installed, so not removed\n`);
    }
    if (gone.length) p.out(`The following packages will be REMOVED:\n${wrapList(gone.map((n) => (sub === 'purge' ? n + '*' : n)))}`);
    const freed = gone.reduce((s, n) => s + (rel.lookup(n)?.installed ?? 0), 0);
    p.out(`0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
    if (!gone.length) return 0;
    p.out(`After this operation, ${aptSize(freed)} disk space will be freed.\n`);
    for (const n of gone) {
      p.out(`Removing ${n} (${status.get(n)}) ...\n`);
      removeDebFiles(p, n);
    }
    const kept = (p.read('/var/lib/dpkg/status') ?? '').split(/\n\n+/).filter((s) => !gone.includes(/^Package: (\S+)/m.exec(s)?.[1] ?? ''));
    p.write('/var/lib/dpkg/status', kept.join('\n\n'));
    return 0;
  }
  if (sub === 'clean' || sub === 'autoclean') {
    p.rmrf('/var/cache/apt/archives');
    p.mkdirp('/var/cache/apt/archives/partial');
    return 0;
  }
  if (sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade') {
    header();
    if (sub === 'upgrade') p.out('Calculating upgrade...' + done + '\n');
    p.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    await p.spend(800);
    return 0;
  }
  if (!sub) {
    p.out('apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n');
    return 0;
  }
  p.err(`E: Invalid operation ${sub}\n`);
  return 100;
}

async function update(p: PkgCtx, rel: Release, quiet: boolean, readLists: () => void): Promise<number> {
  const { codename, mirror, security } = rel;
  const comps = rel.ubuntu ? ['main', 'universe'] : ['main'];
  const gets: [string, number, string][] = [
    [`${mirror} ${codename} InRelease`, rel.ubuntu ? 256_000 : 151_000, `${codename}_InRelease`],
    [`${mirror} ${codename}-updates InRelease`, rel.ubuntu ? 126_000 : 55_400, `${codename}-updates_InRelease`],
    [`${security} ${codename}-security InRelease`, rel.ubuntu ? 126_000 : 48_000, `${codename}-security_InRelease`],
    ...comps.map((c): [string, number, string] => [`${mirror} ${codename}/${c} amd64 Packages`, c === 'universe' ? 19_300_000 : rel.ubuntu ? 1_808_000 : 8_792_000, `${codename}_${c}_binary-amd64_Packages.lz4`]),
    [`${mirror} ${codename}-updates/main amd64 Packages`, rel.ubuntu ? 1_090_000 : 13_500, `${codename}-updates_main_binary-amd64_Packages.lz4`],
    [`${security} ${codename}-security/main amd64 Packages`, rel.ubuntu ? 857_000 : 245_000, `${codename}-security_main_binary-amd64_Packages.lz4`],
  ];
  let total = 0;
  p.mkdirp('/var/lib/apt/lists/partial');
  for (const [i, [what, size, file]] of gets.entries()) {
    await p.spend(120 + size / 8000);
    total += size;
    if (!quiet) p.out(`Get:${i + 1} ${what} [${aptSize(size)}]\n`);
    const host = (what.includes('security') ? security : mirror).replace(/^http:\/\//, '').replace(/\//g, '_');
    // The lists are lz4-compressed Packages files about twice their download size.
    p.writeSynthetic(`/var/lib/apt/lists/${host}_dists_${file}`, { seed: `apt:${file}`, size: file.endsWith('lz4') ? size * 2 : size });
  }
  const secs = Math.max(1, Math.round(p.elapsed() / 1000));
  if (!quiet) p.out(`Fetched ${aptSize(total)} in ${secs}s (${aptSize(Math.round(total / secs))}/s)\n`);
  await p.spend(900);
  if (!quiet) readLists();
  return 0;
}

async function install(p: PkgCtx, rel: Release, args: string[], flags: Set<string>, header: () => void): Promise<number> {
  header();
  await p.spend(400);
  const requested = args.map((n) => n.replace(/[=/].*$/, '').replace(/:amd64$/, ''));
  const haveLists = listsPresent(p);
  const status = dpkgStatus(p);
  const installed = (n: string) => status.has(n) || rel.lookup(n)?.base === true;
  // Without package lists apt knows only what dpkg has installed.
  const missing = requested.filter((n) => !installed(n) && (!haveLists || !rel.lookup(n)));
  if (missing.length) {
    for (const n of missing) p.err(`E: Unable to locate package ${n}\n`);
    if (haveLists) p.err(`Layerlab: the offline index has ${debianIndexSize()} ${rel.codename} packages, the ones tutorials install and their dependencies; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among them\n`);
    return 100;
  }
  const recommends = !flags.has('no-install-recommends');
  const order: DebPackage[] = [];
  const seen = new Set<string>();
  const notInstalledRecs = new Set<string>();
  const visit = (n: string, top: boolean) => {
    if (seen.has(n) || installed(n)) return;
    const pkg = rel.lookup(n);
    if (!pkg) return;
    seen.add(n);
    for (const d of pkg.depends) visit(d, false);
    for (const r of pkg.recommends) {
      if (recommends) visit(r, false);
      else if (!installed(r) && top) notInstalledRecs.add(r);
    }
    order.push(pkg);
  };
  for (const n of requested) visit(n, true);
  for (const n of requested.filter((x) => installed(x))) p.out(`${n} is already the newest version (${status.get(n) ?? rel.lookup(n)?.version}).\n`);
  if (!order.length) {
    p.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const names = order.map((x) => x.name);
  const extra = names.filter((n) => !requested.includes(n)).sort();
  if (extra.length) p.out(`The following additional packages will be installed:\n${wrapList(extra)}`);
  // In the order the packages declare them, as apt lists them.
  if (notInstalledRecs.size) p.out(`Recommended packages:\n${wrapList([...notInstalledRecs])}`);
  p.out(`The following NEW packages will be installed:\n${wrapList([...names].sort())}`);
  const download = order.reduce((s, x) => s + x.download, 0);
  const size = order.reduce((s, x) => s + x.installed, 0);
  p.out(`0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  p.out(`Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(size)} of additional disk space will be used.\n`);
  if (extra.length && !(flags.has('y') || flags.has('yes') || flags.has('assume-yes'))) {
    p.out('Do you want to continue? [Y/n] Abort.\n');
    return 1;
  }
  const t0 = p.elapsed();
  for (const [i, x] of order.entries()) {
    await p.spend(40 + x.download / 20_000);
    p.out(`Get:${i + 1} ${rel.mirror} ${rel.codename}/main amd64 ${x.name} amd64 ${x.version} [${aptSize(x.download)}]\n`);
  }
  p.err('debconf: delaying package configuration, since apt-utils is not installed\n');
  const secs = Math.max(1, Math.round((p.elapsed() - t0) / 1000));
  p.out(`Fetched ${aptSize(download)} in ${secs}s (${aptSize(Math.round(download / secs))}/s)\n`);
  const arch = (x: DebPackage) => (x.multiArch ? `${x.name}:amd64` : x.name);
  const width = String(order.length - 1).length;
  let statusAdd = '';
  for (const [i, x] of order.entries()) {
    p.out(`Selecting previously unselected package ${arch(x)}.\n`);
    if (i === 0) p.out(`(Reading database ... ${6_000 + status.size * 25} files and directories currently installed.)\n`);
    const file = `${order.length > 1 ? String(i).padStart(width, '0') + '-' : ''}${x.name}_${x.version.replace(/^\d+:/, '')}_amd64.deb`;
    p.out(`Preparing to unpack .../${file} ...\nUnpacking ${arch(x)} (${x.version}) ...\n`);
    await p.spend(30 + x.installed / 40_000);
    installDebFiles(p, x);
    statusAdd += `Package: ${x.name}\nStatus: install ok installed\nPriority: optional\nInstalled-Size: ${Math.round(x.installed / 1024)}\nArchitecture: amd64\nVersion: ${x.version}\n${x.depends.length ? `Depends: ${x.depends.join(', ')}\n` : ''}\n`;
  }
  for (const x of order) p.out(`Setting up ${arch(x)} (${x.version}) ...\n`);
  p.out(`Processing triggers for libc-bin (${rel.lookup('libc6')?.version ?? '2.36-9+deb12u9'}) ...\n`);
  const before = p.read('/var/lib/dpkg/status') ?? '';
  p.write('/var/lib/dpkg/status', before + (before && !before.endsWith('\n\n') ? '\n' : '') + statusAdd);
  await p.spend(300);
  return 0;
}

/** apt's package lists: two-space indent, wrapped before 80 columns. */
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

export const APT_PROGRAMS = { 'apt-get': pkgApplet(aptGet), apt: pkgApplet(aptGet) };
