/** Volumes and mounts as Docker's API shows them (`docker volume inspect`, a container's `Mounts`). */

/** One `-v`, `--mount` or `--tmpfs` flag as the CLI parsed it (what `docker create` passes to the engine). */
export interface MountSpec {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name (none: an anonymous volume) or host path of a bind mount. */
  source?: string;
  /** Absolute path in the container. */
  target: string;
  readOnly?: boolean;
  /** `volume-nocopy`: a new volume is not filled from the image. */
  noCopy?: boolean;
  /** Which flag made it: `-v` mounts appear in HostConfig.Binds, `--mount` ones in HostConfig.Mounts, `--tmpfs` in HostConfig.Tmpfs. */
  via?: 'volume-flag' | 'mount-flag' | 'tmpfs-flag';
  /** The `-v` text as typed (HostConfig.Binds), or the `--tmpfs` options. */
  raw?: string;
}

/** A volume as `docker volume inspect` prints it, plus whether it was made without a name. */
export interface Volume {
  Name: string;
  Driver: string;
  /** `/var/lib/docker/volumes/<name>/_data`. */
  Mountpoint: string;
  Labels: Record<string, string> | null;
  /** RFC 3339, seconds (as the local driver reports it). */
  CreatedAt: string;
  Scope: 'local';
  Options: Record<string, string> | null;
  /** A 64-hex name Docker drew for an anonymous volume (`-v /path`, a Dockerfile's VOLUME). */
  Anonymous: boolean;
}

/** One entry of a container's `Mounts` (inspect). */
export interface MountPoint {
  Type: 'volume' | 'bind' | 'tmpfs';
  /** Volumes only. */
  Name?: string;
  Source: string;
  Destination: string;
  /** Volumes only. */
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export const VOLUMES_ROOT = '/var/lib/docker/volumes';

export function mountpointOf(name: string): string {
  return `${VOLUMES_ROOT}/${name}/_data`;
}
