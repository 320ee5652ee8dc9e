/**
 * The offline npm registry: the pinned manifest (packuments trimmed to the versions offered) and the published
 * tarballs, read from the one zip scripts/pack-npm-registry.ts packs. Each tarball is unpacked only when a
 * package is installed, and its files are not kept: the installer writes them into the container.
 */
import { unzipSync } from 'fflate';
import { readArchive } from '../../../build/tar';
import type { RegistryManifest, RegistryPackage, RegistryVersion } from './types';

/** One file of a package, relative to the package's directory. */
export interface PackageFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  data?: Uint8Array;
  target?: string;
}

export class NpmRegistry {
  readonly manifest: RegistryManifest;

  constructor(private readonly zip: Uint8Array) {
    const m = unzipSync(zip, { filter: (f) => f.name === 'manifest.json' })['manifest.json'];
    if (!m) throw new Error('the npm registry data has no manifest.json');
    this.manifest = JSON.parse(new TextDecoder().decode(m)) as RegistryManifest;
  }

  get url(): string {
    return this.manifest.registry;
  }

  packument(name: string): RegistryPackage | null {
    return Object.prototype.hasOwnProperty.call(this.manifest.packages, name) ? this.manifest.packages[name] : null;
  }

  version(name: string, version: string): RegistryVersion | null {
    const p = this.packument(name);
    return p && Object.prototype.hasOwnProperty.call(p.versions, version) ? p.versions[version] : null;
  }

  /** The names offered, sorted. */
  names(): string[] {
    return Object.keys(this.manifest.packages).sort();
  }

  /** The published files of NAME@VERSION (the tarball's first directory, usually `package/`, stripped), or null. */
  files(name: string, version: string): PackageFile[] | null {
    const key = `tarballs/${name}/${version}.tgz`;
    const tgz = unzipSync(this.zip, { filter: (f) => f.name === key })[key];
    if (!tgz) return null;
    const entries = readArchive(tgz);
    if (!entries) return null;
    const out: PackageFile[] = [];
    for (const e of entries) {
      const slash = e.path.indexOf('/');
      if (slash < 0) continue;
      const path = e.path.slice(slash + 1);
      if (!path || path.split('/').includes('..')) continue;
      out.push({ path, type: e.type, mode: e.type === 'dir' ? 0o755 : e.mode & 0o111 ? 0o755 : 0o644, data: e.data, target: e.target });
    }
    return out;
  }
}
