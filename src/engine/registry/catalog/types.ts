/**
 * The mock Docker Hub is data: each repository lists tags; each tag is an image made of steps (history
 * rows), some of which carry a filesystem layer. Layers are shared by key, so `diamol/node` and
 * `node:10.16.0-alpine` share their four layers exactly like the real images do.
 */

/** One file in a layer, as generated from a compact spec. Paths are absolute, POSIX. */
export interface RootfsEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid?: number;
  gid?: number;
  /** Real content (small text files: /etc/os-release, scripts, app.js). */
  content?: string;
  /**
   * Synthetic size in bytes for big binaries and libraries that we do not allocate. When `content` is also set,
   * `size` is the size the file claims (content is then a short stand-in, e.g. a program marker).
   */
  size?: number;
  /** For executables that the sandbox runtime implements: "busybox", "node", "hello", "bash", "python3", ... */
  program?: string;
  /** Symlink target. */
  target?: string;
}

/** The image config fields the catalog sets (OCI image config `config` object). */
export interface CatalogConfig {
  Env: string[];
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  User?: string;
  StopSignal?: string;
  Labels?: Record<string, string> | null;
  Volumes?: Record<string, Record<string, never>> | null;
}

/** One history row; with `layer` it also adds a filesystem layer. */
export interface CatalogStep {
  createdBy: string;
  /** RFC3339 time. */
  created: string;
  comment?: string;
  layer?: CatalogLayer;
}

export interface CatalogLayer {
  /** Stable key: identical keys are the same layer (same digest) in every image that uses them. */
  key: string;
  /** Uncompressed size in bytes (what history and `image ls` add up). */
  size: number;
  /** Compressed (download) size in bytes. */
  compressedSize: number;
  /** The files; a filler file pads the layer so its entries add up to `size`. */
  files: () => RootfsEntry[];
}

export interface CatalogImage {
  /** Repository path: "library/node", "diamol/ch03-web-ping". */
  repo: string;
  tags: string[];
  steps: CatalogStep[];
  config: CatalogConfig;
  architecture?: string;
  os?: string;
}

export interface CatalogRepository {
  /** "library/node" */
  repo: string;
  description: string;
  stars: number;
  official: boolean;
}
