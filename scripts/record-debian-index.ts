/**
 * Records the Debian package index Layerlab's apt-get uses (src/engine/runtime/packages/os-index/debian-bookworm.ts)
 * from this machine's apt lists (Debian 12 bookworm): for the packages tutorials install and everything they
 * depend on, the candidate version, installed size, download size, Depends/Pre-Depends (first alternative),
 * Recommends, and the programs each puts on PATH (dpkg -L where the package is installed here). The packages
 * an official debian:bookworm image already has (Priority required, apt and their dependencies) are marked.
 *
 *   npx tsx scripts/record-debian-index.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const ROOTS = [
  'curl', 'wget', 'git', 'ca-certificates', 'python3', 'python3-pip', 'python3-venv', 'python3-dev', 'build-essential',
  'bash', 'vim', 'nano', 'jq', 'tzdata', 'openssl', 'gnupg', 'unzip', 'zip', 'procps', 'iputils-ping', 'net-tools',
  'dnsutils', 'netcat-openbsd', 'less', 'sqlite3', 'make', 'gcc', 'g++', 'nginx', 'nodejs', 'htop', 'tini',
  'dumb-init', 'locales', 'sudo', 'openssh-client', 'rsync', 'postgresql-client', 'libpq-dev', 'libssl-dev',
  'pkg-config', 'lsb-release', 'gettext-base', 'file', 'xz-utils', 'iproute2', 'telnet', 'redis-tools',
  'default-mysql-client', 'apt-transport-https', 'software-properties-common', 'cron', 'supervisor', 'git-lfs',
  'openjdk-17-jre-headless', 'default-jre-headless', 'libffi-dev', 'zlib1g-dev',
];

/** Programs of packages not installed on the recording machine (from packages.debian.org's file lists). */
const KNOWN_BINS: Record<string, string[]> = {
  nano: ['/usr/bin/nano', '/usr/bin/rnano'],
  'iputils-ping': ['/usr/bin/ping'],
  nginx: ['/usr/sbin/nginx'],
  'nginx-core': ['/usr/sbin/nginx'],
  gpg: ['/usr/bin/gpg'],
  'net-tools': ['/usr/sbin/ifconfig', '/usr/bin/netstat', '/usr/sbin/route'],
  'bind9-dnsutils': ['/usr/bin/dig', '/usr/bin/nslookup', '/usr/bin/host'],
  'netcat-openbsd': ['/usr/bin/nc.openbsd'],
  htop: ['/usr/bin/htop'],
  tini: ['/usr/bin/tini', '/usr/bin/tini-static'],
  'dumb-init': ['/usr/bin/dumb-init'],
  nodejs: ['/usr/bin/node'],
  'postgresql-client-15': ['/usr/lib/postgresql/15/bin/psql'],
  'redis-tools': ['/usr/bin/redis-cli'],
  'mariadb-client': ['/usr/bin/mariadb', '/usr/bin/mysql'],
  'openjdk-17-jre-headless': ['/usr/lib/jvm/java-17-openjdk-amd64/bin/java'],
  telnet: ['/usr/bin/telnet.netkit'],
  cron: ['/usr/sbin/cron'],
  supervisor: ['/usr/bin/supervisord', '/usr/bin/supervisorctl'],
  'git-lfs': ['/usr/bin/git-lfs'],
  sudo: ['/usr/bin/sudo'],
  rsync: ['/usr/bin/rsync'],
};

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

interface Stanza {
  name: string;
  version: string;
  installed: number;
  size: number;
  deps: string[];
  recs: string[];
  priority: string;
  essential: boolean;
  provides: string[];
  same: boolean;
}

function parseStanza(text: string): Stanza | null {
  const f: Record<string, string> = {};
  let key = '';
  for (const l of text.split('\n')) {
    if (/^\s/.test(l) && key) f[key] += ' ' + l.trim();
    else {
      const m = /^([\w-]+):\s*(.*)$/.exec(l);
      if (m) f[(key = m[1])] = m[2];
    }
  }
  if (!f.Package) return null;
  // The first alternative of "a | b", except where the official images have the other one installed.
  const PREFER: Record<string, string> = { usrmerge: 'usr-is-merged' };
  const rel = (s = '') =>
    s
      .split(',')
      .map((x) => x.trim().split('|')[0].trim().replace(/\s*\(.*\)/, '').replace(/:any$/, ''))
      .map((x) => PREFER[x] ?? x)
      .filter(Boolean);
  return {
    name: f.Package,
    version: f.Version,
    installed: Number(f['Installed-Size'] ?? 0),
    size: Number(f.Size ?? 0),
    deps: [...rel(f['Pre-Depends']), ...rel(f.Depends)],
    recs: rel(f.Recommends),
    priority: f.Priority ?? 'optional',
    essential: f.Essential === 'yes',
    provides: rel(f.Provides),
    same: f['Multi-Arch'] === 'same',
  };
}

const all = new Map<string, Stanza>();
const providers = new Map<string, string[]>();
for (const chunk of sh('apt-cache', ['dumpavail']).split('\n\n')) {
  const s = parseStanza(chunk);
  if (!s) continue;
  // dumpavail lists one stanza per package: its candidate version.
  all.set(s.name, s);
  for (const p of s.provides) providers.set(p, [...(providers.get(p) ?? []), s.name]);
}
// A virtual package resolves to its most essential provider (awk -> mawk, not gawk), as apt prefers.
const RANK = ['required', 'important', 'standard', 'optional', 'extra'];
const real = (n: string) => (all.has(n) ? n : providers.get(n)?.slice().sort((a, b) => RANK.indexOf(all.get(a)!.priority) - RANK.indexOf(all.get(b)!.priority))[0]);

// The packages of the official image: Priority required, Essential, apt, and their dependencies.
const base = new Set<string>();
const addBase = (n: string) => {
  const r = real(n);
  if (!r || base.has(r)) return;
  base.add(r);
  for (const d of all.get(r)!.deps) addBase(d);
};
for (const s of all.values()) if (s.priority === 'required' || s.essential) addBase(s.name);
addBase('apt');

const keep = new Set<string>();
const visit = (n: string, withRecs: boolean) => {
  const r = real(n);
  if (!r || keep.has(r)) return;
  keep.add(r);
  const s = all.get(r)!;
  for (const d of s.deps) visit(d, withRecs);
  if (withRecs) for (const d of s.recs) visit(d, withRecs);
};
for (const r of ROOTS) visit(r, true);

function bins(name: string): string[] {
  try {
    return execFileSync('dpkg', ['-L', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter((l) => /^\/(usr\/)?s?bin\/[^/]+$/.test(l) || /^\/usr\/lib\/jvm\/[^/]+\/bin\/java$/.test(l));
  } catch {
    return KNOWN_BINS[name] ?? [];
  }
}

const rows = [...keep].sort().map((n) => {
  const s = all.get(n)!;
  const recs = s.recs.map(real).filter((r): r is string => !!r && keep.has(r));
  const deps = [...new Set(s.deps.map(real).filter((r): r is string => !!r))];
  return [n, s.version, s.installed, s.size, deps.join(' '), recs.join(' '), bins(n).join(' '), [base.has(n) ? 'base' : '', s.same ? 'same' : ''].filter(Boolean).join(' ')].join('|');
});

const out = `/**
 * Debian 12 (bookworm) packages: the ones tutorials install and their dependencies, recorded from the Debian
 * archive's package lists by scripts/record-debian-index.ts (do not edit by hand). One row per package:
 * name|version|installed size (KiB)|download size (bytes)|depends|recommends|programs|flags ("base": the
 * official debian:bookworm image has it; "same": Multi-Arch: same, apt names it name:amd64).
 */
export const BOOKWORM_ROWS = \`
${rows.join('\n')}
\`;
`;
writeFileSync('src/engine/runtime/packages/os-index/debian-bookworm.ts', out);
console.log(`${rows.length} packages, ${base.size} in the base image`);
