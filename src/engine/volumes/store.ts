/**
 * `engine.volumes`: Docker's local volume driver. Each volume's files are one tree (a `Layer` served through a
 * `UnionFs` with nothing below it) that containers mount; the trees live in the engine snapshot, never in a
 * container's writable layer. Errors are the daemon's words (moby volume/service/errors.go `OpErr`:
 * "<op> <name>: <error> - [refs]").
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { Layer } from '../fs/layer';
import { layerFromJSON, layerToJSON, type LayerJSON } from '../fs/serialize';
import { UnionFs } from '../fs/union';
import { sanitizeLayerJSON } from '../containers/validate';
import { randomId } from '../containers/names';
import { mountpointOf, type Volume } from './types';

/** The label Docker (23 and later) puts on a volume it made without a name; `volume prune` without -a removes only these. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** The local driver's name rule (moby volume/local: "[a-zA-Z0-9][a-zA-Z0-9_.-]", at least two characters). */
const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumesSnapshot {
  volumes: { volume: Volume; data: LayerJSON }[];
}

interface Entry {
  volume: Volume;
  data: Layer;
}

export class VolumeStore {
  private volumes = new Map<string, Entry>();

  /** `users(name)`: IDs of the containers that mount the volume (running or not), for "volume is in use". */
  constructor(
    private env: EngineEnv,
    private users: (name: string) => string[] = () => [],
    private changed: () => void = () => {},
  ) {}

  /** An existing name returns the existing volume, as Docker does; no name makes an anonymous volume. */
  create(name: string | undefined, opts: { labels?: Record<string, string>; driver?: string; options?: Record<string, string> } = {}): Result<Volume> {
    const driver = opts.driver || 'local';
    if (driver !== 'local') return err(engineError('volumes.driver', `create ${name ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found`));
    if (name) {
      const had = this.volumes.get(name);
      if (had) return ok(had.volume);
      if (!VALID_VOLUME_NAME.test(name)) {
        return err(engineError('volumes.bad-name', `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`));
      }
    }
    const anonymous = !name;
    const id = name || randomId(this.env.random);
    const labels = { ...(opts.labels ?? {}), ...(anonymous ? { [ANONYMOUS_LABEL]: '' } : {}) };
    const volume: Volume = {
      Name: id,
      Driver: 'local',
      Mountpoint: mountpointOf(id),
      Labels: Object.keys(labels).length ? labels : null,
      CreatedAt: new Date(Math.floor(this.env.clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      Scope: 'local',
      Options: opts.options && Object.keys(opts.options).length ? { ...opts.options } : null,
      Anonymous: anonymous,
    };
    this.volumes.set(id, { volume, data: new Layer() });
    this.changed();
    return ok(volume);
  }

  get(name: string): Volume | undefined {
    return this.volumes.get(name)?.volume;
  }

  /** Sorted by name, as `docker volume ls` prints them. */
  list(): Volume[] {
    return [...this.volumes.values()].map((e) => e.volume).sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  }

  /** `force` ignores a missing volume; a volume a container uses is never removed. */
  remove(name: string, force = false): Result<Volume> {
    const e = this.volumes.get(name);
    if (!e) {
      if (force) return ok({ Name: name } as Volume);
      return err(engineError('volumes.no-such', `get ${name}: no such volume`));
    }
    const refs = this.users(name);
    if (refs.length) return err(engineError('volumes.in-use', `remove ${name}: volume is in use - [${refs.join(', ')}]`));
    this.volumes.delete(name);
    this.changed();
    return ok(e.volume);
  }

  /** Unused anonymous volumes (with `all`, unused named ones too): their names, and the bytes they held. */
  prune(opts: { all?: boolean } = {}): { names: string[]; reclaimed: number } {
    const names: string[] = [];
    let reclaimed = 0;
    for (const v of this.list()) {
      if (!opts.all && !(v.Labels && ANONYMOUS_LABEL in v.Labels)) continue;
      if (this.users(v.Name).length) continue;
      reclaimed += this.size(v.Name);
      this.volumes.delete(v.Name);
      names.push(v.Name);
    }
    if (names.length) this.changed();
    return { names, reclaimed };
  }

  /** How many containers mount the volume (`system df -v` LINKS). */
  links(name: string): number {
    return this.users(name).length;
  }

  /** Bytes of the files in the volume. */
  size(name: string): number {
    let s = 0;
    for (const n of this.volumes.get(name)?.data.entries.values() ?? []) if (n.type === 'file' || n.type === 'symlink') s += n.size;
    return s;
  }

  /** The volume's files as a filesystem whose root is the mount point (undefined: no such volume). */
  fs(name: string): UnionFs | undefined {
    const e = this.volumes.get(name);
    return e ? new UnionFs([], e.data, () => this.env.clock.now()) : undefined;
  }

  /** True while the volume holds no file (Docker fills only an empty volume from the image). */
  isEmpty(name: string): boolean {
    const e = this.volumes.get(name);
    return !e || [...e.data.entries.keys()].every((p) => p === '/');
  }

  snapshot(): VolumesSnapshot {
    return { volumes: [...this.volumes.values()].map((e) => ({ volume: { ...e.volume }, data: layerToJSON(e.data) })) };
  }

  /** Replaces the volumes with the well-formed ones of `s` (a damaged snapshot loses only what is damaged). */
  restore(s: VolumesSnapshot | undefined): void {
    this.volumes.clear();
    const list: unknown[] = s && typeof s === 'object' && Array.isArray(s.volumes) ? s.volumes : [];
    for (const raw of list) {
      if (!raw || typeof raw !== 'object') continue;
      const r = raw as { volume?: Partial<Volume>; data?: unknown };
      const v = r.volume;
      const data = sanitizeLayerJSON(r.data);
      if (!v || typeof v.Name !== 'string' || !data || this.volumes.has(v.Name)) continue;
      if (!VALID_VOLUME_NAME.test(v.Name)) continue;
      const labels = v.Labels && typeof v.Labels === 'object' ? Object.fromEntries(Object.entries(v.Labels).filter(([, x]) => typeof x === 'string')) : null;
      const layer = layerFromJSON(data);
      layer.sealed = false;
      this.volumes.set(v.Name, {
        volume: {
          Name: v.Name,
          Driver: 'local',
          Mountpoint: mountpointOf(v.Name),
          Labels: labels && Object.keys(labels).length ? labels : null,
          CreatedAt: typeof v.CreatedAt === 'string' ? v.CreatedAt : '',
          Scope: 'local',
          Options: v.Options && typeof v.Options === 'object' ? Object.fromEntries(Object.entries(v.Options).filter(([, x]) => typeof x === 'string')) : null,
          Anonymous: v.Anonymous === true,
        },
        data: layer,
      });
    }
  }
}
