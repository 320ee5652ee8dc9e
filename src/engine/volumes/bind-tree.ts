/**
 * A bind-mounted host folder as a tree a container mounts: loaded from the host when the container starts (and
 * again after the host files changed), and written through: each change a process makes under the mount point
 * is copied to the host folder, so the workspace shows what the container wrote.
 */
import { Layer } from '../fs/layer';
import { nodeBytes } from '../fs/node';
import { joinPath } from '../fs/path';
import { UnionFs } from '../fs/union';
import type { HostFiles } from './host-files';

export class BindTree {
  readonly fs: UnionFs;
  /** The host files' version the tree was loaded at. */
  loadedAt = -1;
  private pending: Promise<void>[] = [];

  constructor(
    private host: HostFiles,
    /** Absolute host path of the mounted folder. */
    readonly source: string,
    now: () => number,
  ) {
    this.fs = new UnionFs([], new Layer(), now);
  }

  /** (Re)reads the host folder, creating it first when missing (what `-v` does on the host). Returns false when it cannot. */
  async load(create: boolean): Promise<boolean> {
    let entries = await this.host.list(this.source);
    if (!entries && create) {
      await this.host.mkdir(this.source);
      entries = await this.host.list(this.source);
    }
    if (!entries) return false;
    const layer = this.fs.upper;
    layer.entries.clear();
    for (const e of entries) {
      const p = '/' + e.path;
      if (e.type === 'dir') this.fs.mkdirp(p, { mode: e.mode });
      else if (e.type === 'symlink') this.fs.symlink(e.target ?? '', p);
      else this.fs.writeFile(p, e.content ?? new Uint8Array(0), { mode: e.mode, parents: true });
    }
    this.loadedAt = this.host.version?.() ?? 0;
    return true;
  }

  /** Copies the state of `path` (inside the mount) to the host: a file's bytes, a new directory, or its removal. */
  propagate(path: string): void {
    const hostAt = path === '/' ? this.source : joinPath(this.source, path.slice(1));
    const node = this.fs.lstat(path);
    let op: Promise<void>;
    if (!node) op = this.host.remove(hostAt);
    else if (node.type === 'dir') {
      op = this.host.mkdir(hostAt);
      // A directory moved in brings its contents along.
      for (const name of this.fs.readdir(path)) this.propagate(joinPath(path, name));
    } else if (node.type === 'file') op = this.host.writeFile(hostAt, nodeBytes(node), node.mode);
    else return;
    this.pending.push(op.catch(() => undefined));
    if (this.host.version) this.loadedAt = Math.max(this.loadedAt, this.host.version());
  }

  /** Resolves once every change so far reached the host. */
  async flush(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }
}
