/** The offline npm registry's pinned manifest: what scripts/pack-npm-registry.ts writes and npm reads. */

/** One published version, trimmed to what installing needs (the fields of the registry's packument). */
export interface RegistryVersion {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: string | Record<string, string>;
  engines?: Record<string, string>;
  license?: string;
  os?: string[];
  cpu?: string[];
  funding?: unknown;
  deprecated?: string;
  hasInstallScript?: boolean;
  dist: { integrity: string; shasum: string; tarball: string; unpackedSize?: number };
}

export interface RegistryPackage {
  'dist-tags': Record<string, string>;
  versions: Record<string, RegistryVersion>;
}

export interface RegistryManifest {
  /** The registry the versions were resolved from (npm's error lines name it). */
  registry: string;
  /** The packages tutorials install, for messages that say what the registry offers. */
  featured: string[];
  packages: Record<string, RegistryPackage>;
}
