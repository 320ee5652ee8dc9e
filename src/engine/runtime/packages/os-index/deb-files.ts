/**
 * The files a Debian package installs, generated from its index row rather than listed file by file: its
 * programs on PATH (with the update-alternatives links Debian makes for vim.basic, nc.openbsd, telnet.netkit),
 * /usr/share/doc/<pkg>/copyright and changelog.Debian.gz, the rest of its installed size as its shared
 * library (lib* packages) or its data under /usr/share/<pkg>, and dpkg's /var/lib/dpkg/info/<pkg>.list.
 * Big files are synthetic (their size counts in the layer, their bytes are generated on read).
 */
import type { PkgCtx } from '../context';
import type { DebPackage } from './debian';

/** Debian's alternatives for programs installed under a flavoured name: /usr/bin/vim -> /etc/alternatives/vim. */
const ALTERNATIVE = /^(.*\/)?([^/]+?)\.(basic|openbsd|netkit|traditional)$/;

/** The shared library a lib* package ships (libcurl4 -> libcurl.so.4), or null. */
function libraryPath(name: string): string | null {
  const m = /^lib(.+?)-?(\d[\d.]*)$/.exec(name);
  if (!m) return name.startsWith('lib') && !name.endsWith('-dev') ? `/usr/lib/x86_64-linux-gnu/${name}.so` : null;
  return `/usr/lib/x86_64-linux-gnu/lib${m[1]}.so.${m[2]}`;
}

export function installDebFiles(p: PkgCtx, pkg: DebPackage): void {
  const files: string[] = [];
  const docs = `/usr/share/doc/${pkg.name}`;
  const copyright = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${pkg.name}\nSource: https://packages.debian.org/source/${pkg.name}\n`;
  p.write(`${docs}/copyright`, copyright);
  const changelog = Math.min(Math.max(600, Math.round(pkg.installed * 0.01)), 40_000);
  p.writeSynthetic(`${docs}/changelog.Debian.gz`, { seed: `deb-changelog:${pkg.name}:${pkg.version}`, size: changelog });
  files.push(docs, `${docs}/copyright`, `${docs}/changelog.Debian.gz`);
  let left = pkg.installed - copyright.length - changelog;
  const share = pkg.programs.length ? Math.round((left * 0.6) / pkg.programs.length) : 0;
  for (const path of pkg.programs) {
    const size = Math.max(1_000, Math.min(share, left));
    p.writeSynthetic(path, { seed: `deb:${pkg.name}:${path}:${pkg.version}`, size }, 0o755);
    left -= size;
    files.push(path);
    const alt = ALTERNATIVE.exec(path);
    if (alt && p.fs.symlink) {
      const link = `${alt[1] ?? '/usr/bin/'}${alt[2]}`;
      p.mkdirp('/etc/alternatives');
      p.rmrf(`/etc/alternatives/${alt[2]}`);
      p.fs.symlink(path, `/etc/alternatives/${alt[2]}`);
      if (!p.exists(link)) p.fs.symlink(`/etc/alternatives/${alt[2]}`, link);
      files.push(link);
    }
  }
  if (left > 0) {
    const rest = libraryPath(pkg.name) ?? `/usr/share/${pkg.name}/${pkg.name}.data`;
    p.writeSynthetic(rest, { seed: `deb:${pkg.name}:rest:${pkg.version}`, size: left });
    files.push(rest);
  }
  p.write(`/var/lib/dpkg/info/${pkg.name}.list`, files.join('\n') + '\n');
}

/** Removes what installDebFiles wrote, by the package's dpkg file list. */
export function removeDebFiles(p: PkgCtx, name: string): void {
  const list = p.read(`/var/lib/dpkg/info/${name}.list`);
  for (const f of (list ?? '').split('\n').filter(Boolean).reverse()) p.rmrf(f);
  p.rmrf(`/var/lib/dpkg/info/${name}.list`);
}
