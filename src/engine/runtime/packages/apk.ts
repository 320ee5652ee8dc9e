/**
 * `apk` (Alpine), over the offline index (os-index/alpine.ts): `update` fetches the repositories' indexes into
 * /var/cache/apk; `add [--no-cache] [--virtual NAME] PKG...` resolves dependencies against the installed
 * database (/lib/apk/db/installed, written as apk writes it: P:, V:, I:, D:, F:/R: lines) and /etc/apk/world,
 * installs the packages' files and prints apk's lines; `del` removes packages from the world and purges what
 * nothing else needs. An unknown name fails the whole transaction as apk's solver does.
 *
 * Output shapes: apk-tools 2.14 (https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/v2.14.4/src/commit.c
 * for "(i/n) Installing NAME (VERSION)", "Executing NAME.trigger", "OK: N MiB in M packages"; solver.c for
 * "unable to select packages").
 */
import { getopt, pkgApplet, type PkgCtx } from './context';
import { ALPINE_BASE, apkIndex, type ApkPackage } from './os-index/alpine';

const VALUE_OPTIONS = new Set(['--virtual', '--repository', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']);
const DB = '/lib/apk/db/installed';

interface Installed {
  name: string;
  version: string;
  size: number;
  depends: string[];
  files: string[];
}

/** The installed database: parsed from apk's text, or the image's base packages when it holds none. */
function readDb(p: PkgCtx): Installed[] {
  const text = p.read(DB) ?? '';
  const out: Installed[] = [];
  if (text.startsWith('P:') || text.startsWith('C:')) {
    for (const stanza of text.split(/\n\n+/)) {
      const name = /^P:(\S+)/m.exec(stanza)?.[1];
      if (!name) continue;
      const files: string[] = [];
      let folder = '';
      for (const l of stanza.split('\n')) {
        if (l.startsWith('F:')) folder = l.slice(2);
        else if (l.startsWith('R:')) files.push(`/${folder}/${l.slice(2)}`);
      }
      out.push({ name, version: /^V:(\S+)/m.exec(stanza)?.[1] ?? '', size: Number(/^I:(\d+)/m.exec(stanza)?.[1] ?? 0), depends: (/^D:(.*)$/m.exec(stanza)?.[1] ?? '').split(' ').filter(Boolean), files });
    }
    return out;
  }
  const index = apkIndex();
  return ALPINE_BASE.map((n) => index.get(n)!).map((x) => ({ name: x.name, version: x.version, size: x.installed, depends: x.depends, files: x.programs }));
}

function writeDb(p: PkgCtx, db: Installed[]): void {
  const stanza = (x: Installed) => {
    const lines = [`P:${x.name}`, `V:${x.version}`, 'A:x86_64', `I:${x.size}`];
    if (x.depends.length) lines.push(`D:${x.depends.join(' ')}`);
    const byFolder = new Map<string, string[]>();
    for (const f of x.files) {
      const i = f.lastIndexOf('/');
      const folder = f.slice(1, i);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), f.slice(i + 1)]);
    }
    for (const [folder, names] of byFolder) lines.push(`F:${folder}`, ...names.map((n) => `R:${n}`));
    return lines.join('\n') + '\n';
  };
  p.write(DB, db.map(stanza).join('\n') + '\n');
}

function readWorld(p: PkgCtx): string[] {
  return (p.read('/etc/apk/world') ?? '').split(/\s+/).filter(Boolean);
}

/** Writes a package's files: its programs, the rest of its size as its library or data. */
function installFiles(p: PkgCtx, x: ApkPackage): string[] {
  const files: string[] = [];
  let left = x.installed;
  const share = x.programs.length ? Math.round((left * 0.6) / x.programs.length) : 0;
  for (const path of x.programs) {
    const size = Math.max(1_000, Math.min(share, left));
    p.writeSynthetic(path, { seed: `apk:${x.name}:${path}:${x.version}`, size }, 0o755);
    left -= size;
    files.push(path);
  }
  if (left > 4096) {
    const rest = x.name.endsWith('-libs') || x.name.startsWith('lib') ? `/usr/lib/${x.name.startsWith('lib') ? x.name : 'lib' + x.name.replace(/-libs$/, '')}.so.${x.version.split(/[.-]/)[0]}` : `/usr/share/${x.name}/${x.name}.data`;
    p.writeSynthetic(rest, { seed: `apk:${x.name}:rest:${x.version}`, size: left });
    files.push(rest);
  }
  return files;
}

export async function apk(p: PkgCtx): Promise<number> {
  // apk's long options that take a value also take it as the next word (`--virtual .build-deps`).
  const args: string[] = [];
  const rest = p.argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    if (VALUE_OPTIONS.has(rest[i]) && i + 1 < rest.length) args.push(`${rest[i]}=${rest[++i]}`);
    else args.push(rest[i]);
  }
  const { flags, values, operands } = getopt(args, 'tXp');
  const [sub, ...pkgs] = operands;
  const noCache = flags.has('no-cache');
  const quiet = flags.has('q') || flags.has('quiet');
  const out = (t: string) => {
    if (!quiet) p.out(t);
  };
  const reposText = p.read('/etc/apk/repositories');
  const repos = reposText !== null ? reposText.split('\n').filter((l) => l.startsWith('http')) : ['https://dl-cdn.alpinelinux.org/alpine/v3.20/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/community'];
  const fetchIndexes = async (persist: boolean) => {
    for (const r of repos) {
      out(`fetch ${r}/x86_64/APKINDEX.tar.gz\n`);
      await p.spend(300);
      if (persist) p.writeSynthetic(`/var/cache/apk/APKINDEX.${p.sha256(r).slice(0, 8)}.tar.gz`, { seed: 'apkindex:' + r, size: r.includes('community') ? 1_500_000 : 650_000 });
    }
  };
  if (p.uid !== 0 && sub && sub !== 'info' && sub !== 'search') {
    p.err('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  const index = apkIndex();
  const summary = (db: Installed[]) => out(`OK: ${Math.floor(db.reduce((s, x) => s + x.size, 0) / 1_048_576)} MiB in ${db.length} packages\n`);
  if (sub === 'update') {
    await fetchIndexes(true);
    const branch = /\/(v\d+\.\d+|edge)\//.exec(repos[0] ?? '')?.[1] ?? 'v3.20';
    for (const r of repos) out(`${branch}.${p.rand('apkv' + r, 0, 3)}-${p.rand('apkn' + r, 100, 300)}-g${p.sha256('apk' + r).slice(0, 10)} [${r}]\n`);
    out(`OK: ${repos.length > 1 ? 24163 : 5532} distinct packages available\n`);
    return 0;
  }
  if (sub === 'add') {
    const wanted = pkgs.map((n) => n.replace(/[=~<>].*$/, ''));
    const missing = wanted.filter((n) => !index.has(n));
    await fetchIndexes(!noCache);
    if (missing.length) {
      // apk's solver refuses the whole transaction and names each package it cannot find.
      p.err('ERROR: unable to select packages:\n' + missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join(''));
      p.err(`Layerlab: the offline index has ${index.size} Alpine packages, the ones tutorials add and their dependencies; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among them\n`);
      return 1;
    }
    const db = readDb(p);
    const have = new Set(db.map((x) => x.name));
    const order: ApkPackage[] = [];
    const visit = (n: string) => {
      const x = index.get(n);
      if (!x || have.has(n) || order.includes(x)) return;
      for (const d of x.depends) visit(d);
      order.push(x);
    };
    wanted.forEach(visit);
    const virt = values.get('t') ?? values.get('virtual');
    const total = order.length + (virt ? 1 : 0);
    for (const [i, x] of order.entries()) {
      out(`(${i + 1}/${total}) Installing ${x.name} (${x.version})\n`);
      await p.spend(60 + x.installed / 30_000);
      db.push({ name: x.name, version: x.version, size: x.installed, depends: x.depends, files: installFiles(p, x) });
    }
    if (virt) {
      const d = new Date(p.now());
      const stamp = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}${String(d.getUTCSeconds()).padStart(2, '0')}`;
      out(`(${total}/${total}) Installing ${virt} (${stamp})\n`);
      db.push({ name: virt, version: stamp, size: 0, depends: wanted, files: [] });
    }
    if (order.length) {
      out(`Executing busybox-${db.find((x) => x.name === 'busybox')?.version ?? '1.36.1-r29'}.trigger\n`);
      const ca = order.find((x) => x.name === 'ca-certificates');
      if (ca) out(`Executing ca-certificates-${ca.version}.trigger\n`);
    }
    const world = readWorld(p);
    for (const n of virt ? [virt] : wanted) if (!world.includes(n)) world.push(n);
    p.write('/etc/apk/world', world.sort().join('\n') + '\n');
    if (order.length || virt) writeDb(p, db);
    summary(db);
    return 0;
  }
  if (sub === 'del') {
    const db = readDb(p);
    const world = readWorld(p).filter((n) => !pkgs.includes(n));
    for (const n of pkgs.filter((x) => !db.some((d) => d.name === x))) p.err(`WARNING: ${n} is not installed\n`);
    // Keep what the world and the base still need; purge the rest of what was removed.
    const needed = new Set<string>();
    const keep = (n: string) => {
      const x = db.find((d) => d.name === n);
      if (!x || needed.has(n)) return;
      needed.add(n);
      x.depends.forEach(keep);
    };
    [...world, ...ALPINE_BASE].forEach(keep);
    const purge = db.filter((x) => !needed.has(x.name)).reverse();
    for (const [i, x] of purge.entries()) {
      out(`(${i + 1}/${purge.length}) Purging ${x.name} (${x.version})\n`);
      for (const f of x.files) p.rmrf(f);
    }
    if (purge.some((x) => x.files.length)) out(`Executing busybox-${db.find((x) => x.name === 'busybox')?.version ?? '1.36.1-r29'}.trigger\n`);
    const left = db.filter((x) => needed.has(x.name));
    p.write('/etc/apk/world', world.join('\n') + '\n');
    if (purge.length) writeDb(p, left);
    summary(left);
    return 0;
  }
  if (sub === 'upgrade') {
    await fetchIndexes(!noCache);
    summary(readDb(p));
    return 0;
  }
  if (sub === 'info') {
    for (const x of readDb(p)) p.out(`${x.name}\n`);
    return 0;
  }
  p.err('apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n');
  return 1;
}

export const APK_PROGRAMS = { apk: pkgApplet(apk) };
