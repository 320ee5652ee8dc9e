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
import type { FsChange } from '../runtime/memory-fs';
import type { LayerEntry } from '../fs/node';

export class BindTree {
  readonly fs: UnionFs;
  /** The host files' version the tree was loaded at. */
  loadedAt = -1;
  private pending: Promise<void>[] = [];
  /**
   * What the last reload changed, as changes to replay on a copy of the files ('/'-rooted paths inside the mount;
   * none after the first load): a process running on its own copy (a worker) is brought up to date with them.
   */
  changes: FsChange[] = [];

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
    const first = this.loadedAt < 0;
    const before = new Map(layer.entries);
    layer.entries.clear();
    for (const e of entries) {
      const p = '/' + e.path;
      if (e.type === 'dir') this.fs.mkdirp(p, { mode: e.mode });
      else if (e.type === 'symlink') this.fs.symlink(e.target ?? '', p);
      else this.fs.writeFile(p, e.content ?? new Uint8Array(0), { mode: e.mode, parents: true });
    }
    this.loadedAt = this.host.version?.() ?? 0;
    this.changes = first ? [] : changesBetween(before, layer.entries);
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

const rooted = (key: string) => '/' + key.replace(/^\/+/, '');

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The changes that turn a tree with `before`'s entries into one with `after`'s: removals (deepest first), then the rest in path order. */
function changesBetween(before: Map<string, LayerEntry>, after: Map<string, LayerEntry>): FsChange[] {
  const out: FsChange[] = [];
  for (const k of [...before.keys()].sort().reverse()) {
    const a = after.get(k);
    const b = before.get(k)!;
    if (b.type !== 'whiteout' && (!a || a.type !== b.type)) out.push({ op: 'rm', path: rooted(k) });
  }
  for (const k of [...after.keys()].sort()) {
    const a = after.get(k)!;
    const b = before.get(k);
    const path = rooted(k);
    if (a.type === 'dir') {
      if (!b || b.type !== 'dir') out.push({ op: 'mkdir', path, mode: a.mode });
    } else if (a.type === 'file') {
      const data = nodeBytes(a);
      if (!b || b.type !== 'file' || b.mode !== a.mode || !sameBytes(nodeBytes(b), data)) out.push({ op: 'writeFile', path, data, mode: a.mode });
    } else if (a.type === 'symlink' && (!b || b.type !== 'symlink' || b.target !== a.target)) {
      if (b && b.type === 'symlink') out.push({ op: 'rm', path });
      out.push({ op: 'symlink', target: a.target ?? '', path });
    }
  }
  return out;
}
