/**
 * The Debian/Ubuntu package index apt-get works from: the recorded bookworm rows (debian-bookworm.ts) parsed
 * once, and per-release versions of the packages tutorials name for the other releases the catalog's bases
 * carry (bullseye, trixie; Ubuntu focal, jammy, noble). Dependencies and sizes of other releases are bookworm's.
 */
import { BOOKWORM_ROWS } from './debian-bookworm';

export interface DebPackage {
  name: string;
  version: string;
  /** Installed size in bytes (the index's KiB × 1024). */
  installed: number;
  /** The .deb's size in bytes. */
  download: number;
  depends: string[];
  recommends: string[];
  /** Programs the package puts on PATH (absolute paths). */
  programs: string[];
  /** The official image of the release already has it. */
  base: boolean;
  /** Multi-Arch: same (apt prints name:amd64). */
  multiArch: boolean;
}

/**
 * Candidate versions in the other releases (late 2024, after packages.debian.org and packages.ubuntu.com;
 * approximate where a point release moved on):
 * [bullseye, trixie, focal, jammy, noble].
 */
const VERSIONS: Record<string, [string, string, string, string, string]> = {
  curl: ['7.74.0-1.3+deb11u14', '8.11.0-1', '7.68.0-1ubuntu2.24', '7.81.0-1ubuntu1.18', '8.5.0-2ubuntu10.5'],
  libcurl4: ['7.74.0-1.3+deb11u14', '8.11.0-1', '7.68.0-1ubuntu2.24', '7.81.0-1ubuntu1.18', '8.5.0-2ubuntu10.5'],
  wget: ['1.21-1+deb11u1', '1.24.5-2', '1.20.3-1ubuntu2.1', '1.21.2-2ubuntu1.1', '1.21.4-1ubuntu4.1'],
  git: ['1:2.30.2-1+deb11u3', '1:2.45.2-1', '1:2.25.1-1ubuntu3.13', '1:2.34.1-1ubuntu1.11', '1:2.43.0-1ubuntu7.1'],
  jq: ['1.6-2.1', '1.7.1-3', '1.6-1ubuntu0.20.04.1', '1.6-2.1ubuntu3', '1.7.1-3build1'],
  'ca-certificates': ['20210119', '20240203', '20240203~20.04.1', '20240203~22.04.1', '20240203'],
  openssl: ['1.1.1w-0+deb11u1', '3.3.2-2', '1.1.1f-1ubuntu2.23', '3.0.2-0ubuntu1.18', '3.0.13-0ubuntu3.4'],
  python3: ['3.9.2-3', '3.12.6-1', '3.8.2-0ubuntu2', '3.10.6-1~22.04.1', '3.12.3-0ubuntu2'],
  vim: ['2:8.2.2434-3+deb11u1', '2:9.1.0777-1', '2:8.1.2269-1ubuntu5.23', '2:8.2.3995-1ubuntu2.21', '2:9.1.0016-1ubuntu7.4'],
  nano: ['5.4-2+deb11u2', '8.2-1', '4.8-1ubuntu1', '6.2-1ubuntu0.1', '7.2-2ubuntu0.1'],
  tzdata: ['2024a-0+deb11u1', '2024b-3', '2024a-0ubuntu0.20.04.1', '2024a-0ubuntu0.22.04.1', '2024a-3ubuntu1.1'],
  'build-essential': ['12.9', '12.12', '12.8ubuntu1.1', '12.9ubuntu3', '12.10ubuntu1'],
  gcc: ['4:10.2.1-1', '4:14.2.0-1', '4:9.3.0-1ubuntu2', '4:11.2.0-1ubuntu1', '4:13.2.0-7ubuntu1'],
  make: ['4.3-4.1', '4.3-4.1', '4.2.1-1.2', '4.3-4.1build1', '4.3-4.1build2'],
  unzip: ['6.0-26+deb11u1', '6.0-28', '6.0-25ubuntu1.2', '6.0-26ubuntu3.2', '6.0-28ubuntu4.1'],
  zip: ['3.0-12', '3.0-14', '3.0-11build1', '3.0-12build2', '3.0-13build1'],
  procps: ['2:3.3.17-5', '2:4.0.4-6', '2:3.3.16-1ubuntu2.4', '2:3.3.17-6ubuntu2.1', '2:4.0.4-4ubuntu3.2'],
  'iputils-ping': ['3:20210202-1', '3:20240905-1', '3:20190709-3', '3:20211215-1', '3:20240117-1build1'],
  'netcat-openbsd': ['1.217-3', '1.226-1.1', '1.206-1ubuntu1', '1.218-4ubuntu1', '1.226-1ubuntu2'],
  sqlite3: ['3.34.1-3', '3.46.1-1', '3.31.1-4ubuntu0.6', '3.37.2-2ubuntu0.3', '3.45.1-1ubuntu2'],
  nginx: ['1.18.0-6.1+deb11u3', '1.26.0-3', '1.18.0-0ubuntu1.5', '1.18.0-6ubuntu14.5', '1.24.0-2ubuntu7.1'],
  gnupg: ['2.2.27-2+deb11u2', '2.2.43-8', '2.2.19-3ubuntu2.2', '2.2.27-3ubuntu2.1', '2.4.4-2ubuntu17'],
  'python3-pip': ['20.3.4-4+deb11u1', '24.2+dfsg-1', '20.0.2-5ubuntu1.10', '22.0.2+dfsg-1ubuntu0.5', '24.0+dfsg-1ubuntu1.1'],
  nodejs: ['12.22.12~dfsg-1~deb11u5', '20.18.0+dfsg-2', '10.19.0~dfsg-3ubuntu1.6', '12.22.9~dfsg-1ubuntu3.6', '18.19.1+dfsg-6ubuntu5'],
  htop: ['3.0.5-7', '3.3.0-4', '2.2.0-2build1', '3.0.5-7build2', '3.3.0-4build1'],
  tini: ['0.19.0-1', '0.19.0-1', '0.18.0-1', '0.19.0-1', '0.19.0-1build3'],
  less: ['551-2+deb11u2', '661-2', '551-1ubuntu0.3', '590-1ubuntu0.22.04.3', '590-2ubuntu2.1'],
  sudo: ['1.9.5p2-3+deb11u1', '1.9.15p5-3', '1.8.31-1ubuntu1.5', '1.9.9-1ubuntu2.4', '1.9.15p5-3ubuntu5'],
};
const RELEASES = ['bullseye', 'trixie', 'focal', 'jammy', 'noble'];

let parsed: Map<string, DebPackage> | null = null;

function bookworm(): Map<string, DebPackage> {
  if (parsed) return parsed;
  parsed = new Map();
  for (const line of BOOKWORM_ROWS.split('\n')) {
    if (!line) continue;
    const [name, version, kib, size, deps, recs, programs, flags] = line.split('|');
    const words = (s: string) => (s ? s.split(' ') : []);
    parsed.set(name, {
      name,
      version,
      installed: Number(kib) * 1024,
      download: Number(size),
      depends: words(deps),
      recommends: words(recs),
      programs: words(programs),
      base: words(flags).includes('base'),
      multiArch: words(flags).includes('same'),
    });
  }
  return parsed;
}

/** The index of a release (by VERSION_CODENAME): a lookup by package name. */
export function debianIndex(codename: string): (name: string) => DebPackage | undefined {
  const at = RELEASES.indexOf(codename);
  return (name) => {
    const p = bookworm().get(name);
    if (!p || at < 0) return p;
    const v = VERSIONS[name]?.[at];
    return v ? { ...p, version: v } : p;
  };
}

/** How many packages the index holds (for the line that says what it offers). */
export function debianIndexSize(): number {
  return bookworm().size;
}
