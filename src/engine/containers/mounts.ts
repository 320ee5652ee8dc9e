/**
 * What is mounted into a container. Files Docker bind-mounts into every container (`../fs/process-fs.ts`
 * `Mounts`): /etc/hostname and /etc/hosts, one set per container while the engine runs. And the mount points of
 * `-v`, `--mount`, `--tmpfs` and the image's VOLUMEs (`MountedTree`s): volumes from `engine.volumes`, host folders
 * (`../volumes/bind-tree.ts`), tmpfs trees emptied at each start. None of them is in the writable layer, so
 * none is in `diff` or `commit`.
 */
import { engineError, err, ok, type Result } from '../core/errors';
import { unionProcessFs, type Mounts, type MountedTree, type ReplayGuard } from '../fs/process-fs';
import { Layer } from '../fs/layer';
import { joinPath } from '../fs/path';
import { UnionFs } from '../fs/union';
import { BindTree } from '../volumes/bind-tree';
import { insideRoot } from '../volumes/host-files';
import { duplicateTarget } from '../volumes/mount-spec';
import type { MountPoint, MountSpec } from '../volumes/types';
import type { StoreContext } from './context';
import { etcHostsText } from './etc-hosts';
import { ipAddressOf } from './network';
import type { Container, ProcessSpecData } from './types';

/** The container's mounts; `fresh` (a start) rebuilds /etc/hosts with the address of that run. */
export function mountsOf(ctx: StoreContext, c: Container, spec: ProcessSpecData | undefined = c.spec, fresh = false): Mounts {
  let m = ctx.mountSets.get(c.id);
  const hostname = c.config.Hostname || c.id.slice(0, 12);
  if (!m) {
    m = new Map([['/etc/hostname', { data: new TextEncoder().encode(`${hostname}\n`), mtime: c.created }]]);
    ctx.mountSets.set(c.id, m);
  }
  // Docker rebuilds /etc/hosts at every start, with the address the container got for that run.
  if (spec && (fresh || !m.has('/etc/hosts'))) {
    const ip = spec.ipAddress || ipAddressOf(ctx, c);
    m.set('/etc/hosts', { data: new TextEncoder().encode(etcHostsText(hostname, c.config.Domainname, ip)), mtime: spec.startTime });
  }
  return m;
}

/**
 * The mount points of a new container (inspect's `Mounts`): each `volume` spec finds or creates its volume (no
 * source: an anonymous one), and every path of `anonymous` (the image's VOLUMEs, `-v /path`) that no spec covers
 * gets an anonymous volume. `--tmpfs` mounts are not listed (Docker shows them only in HostConfig.Tmpfs).
 */
export function mountPointsFor(ctx: StoreContext, specs: MountSpec[], anonymous: string[]): Result<MountPoint[]> {
  const dup = duplicateTarget(specs);
  if (dup) return err(engineError('containers.duplicate-mount', dup));
  const out: MountPoint[] = [];
  for (const s of specs) {
    if (s.type === 'volume') {
      const v = ctx.volumes().create(s.source);
      if (!v.ok) return v;
      // `--mount` and named `-v` volumes get the SELinux relabel mode "z" by default (Engine 20.10's inspect).
      const mode = s.via === 'mount-flag' ? 'z' : s.raw?.split(':')[2] ?? (s.source ? 'z' : '');
      out.push({ Type: 'volume', Name: v.value.Name, Source: v.value.Mountpoint, Destination: s.target, Driver: 'local', Mode: mode, RW: !s.readOnly, Propagation: '' });
    } else if (s.type === 'bind') {
      out.push({ Type: 'bind', Source: s.source ?? '', Destination: s.target, Mode: s.via === 'mount-flag' ? '' : (s.raw?.split(':')[2] ?? ''), RW: !s.readOnly, Propagation: 'rprivate' });
    } else if (s.via === 'mount-flag') {
      out.push({ Type: 'tmpfs', Source: '', Destination: s.target, Mode: '', RW: !s.readOnly, Propagation: '' });
    }
  }
  for (const path of anonymous) {
    if (specs.some((s) => s.target === path)) continue;
    const v = ctx.volumes().create(undefined);
    if (!v.ok) return v;
    out.push({ Type: 'volume', Name: v.value.Name, Source: v.value.Mountpoint, Destination: path, Driver: 'local', Mode: '', RW: true, Propagation: '' });
  }
  return ok(out);
}

/** Whether a mount point's volume is to be left unfilled (`-v name:/p:nocopy`, `--mount ...,volume-nocopy`). */
function noCopy(c: Container, m: MountPoint): boolean {
  if (m.Mode.split(',').includes('nocopy')) return true;
  return !!c.hostConfig.Mounts?.some((h) => h.Target === m.Destination && h.VolumeOptions?.NoCopy);
}

/** Every tmpfs target of the container (`--tmpfs` and `--mount type=tmpfs`), with its read-only flag. */
function tmpfsTargets(c: Container): { target: string; readOnly: boolean }[] {
  const out = Object.entries(c.hostConfig.Tmpfs ?? {}).map(([target, opts]) => ({ target, readOnly: opts.split(',').includes('ro') }));
  for (const h of c.hostConfig.Mounts ?? []) if (h.Type === 'tmpfs') out.push({ target: h.Target, readOnly: !!h.ReadOnly });
  return out;
}

/**
 * At a start: fills each empty volume from the image's files at its mount point (as Docker copies them on first
 * use, unless nocopy), empties the tmpfs mounts, and loads bind-mounted host folders. An error is the daemon's.
 */
export async function prepareMounts(ctx: StoreContext, c: Container): Promise<Result<void>> {
  const image = ctx.fs(c);
  // Docker makes each missing mount point (and its parents) in the container's filesystem.
  for (const target of [...(c.mounts ?? []).map((m) => m.Destination), ...tmpfsTargets(c).map((t) => t.target)]) {
    try {
      if (!image.exists(target)) image.mkdirp(target);
    } catch {
      // a file is in the way: the mount still shows at that path
    }
  }
  for (const m of c.mounts ?? []) {
    if (m.Type !== 'volume' || !m.Name || noCopy(c, m)) continue;
    const vol = ctx.volumes();
    const fs = vol.fs(m.Name);
    if (!fs || !vol.isEmpty(m.Name)) continue;
    const st = image.stat(m.Destination);
    if (!st || st.type !== 'dir') continue;
    for (const name of image.readdir(st.path)) fs.copyTree(joinPath(st.path, name), '/' + name, true, image);
  }
  c.tmpfs = {};
  for (const t of tmpfsTargets(c)) c.tmpfs[t.target] = new Layer();
  return loadBinds(ctx, c, true);
}

/** Loads (or reloads, after the host files changed) a container's bind-mounted folders. */
export async function loadBinds(ctx: StoreContext, c: Container, fresh = false): Promise<Result<void>> {
  const binds = (c.mounts ?? []).filter((m) => m.Type === 'bind');
  if (!binds.length) return ok(undefined);
  const host = ctx.hostFiles();
  if (!host) return err(engineError('containers.no-host-files', 'bind mounts need the host files: Layerlab has none here'));
  let set = ctx.binds.get(c.id);
  if (!set || fresh) ctx.binds.set(c.id, (set = new Map()));
  for (const m of binds) {
    if (!insideRoot(host.root(), m.Source)) {
      return err(engineError('containers.bind-outside', `invalid mount config for type "bind": Layerlab mounts only folders inside ${host.root()}: ${m.Source}`));
    }
    let t = set.get(m.Destination);
    if (!t) set.set(m.Destination, (t = new BindTree(host, m.Source, () => ctx.now())));
    if (t.loadedAt >= 0 && t.loadedAt === (host.version?.() ?? 0)) continue;
    const explicit = c.hostConfig.Mounts?.some((h) => h.Type === 'bind' && h.Target === m.Destination);
    if (!(await t.load(!explicit))) return err(engineError('containers.bind-source', `invalid mount config for type "bind": bind source path does not exist: ${m.Source}`));
    // A process running on its own copy of the files (a worker) sees the host's edits from now on.
    const changes = t.changes.map((ch) => ('path' in ch ? { ...ch, path: joinPath(m.Destination, ch.path.slice(1)) } : ch));
    if (changes.length) ctx.live.get(c.id)?.proc.updateFiles?.(changes);
  }
  return ok(undefined);
}

/** Resolves once every change processes made in bind mounts reached the host. */
export async function flushBinds(ctx: StoreContext): Promise<void> {
  for (const set of ctx.binds.values()) for (const t of set.values()) await t.flush();
}

/** The subtrees mounted into the container, as its processes see them. */
export function treesOf(ctx: StoreContext, c: Container): MountedTree[] {
  const out: MountedTree[] = [];
  for (const m of c.mounts ?? []) {
    if (m.Type === 'volume' && m.Name) {
      const fs = ctx.volumes().fs(m.Name);
      if (fs) out.push({ target: m.Destination, fs, readOnly: !m.RW });
    } else if (m.Type === 'bind') {
      const t = ctx.binds.get(c.id)?.get(m.Destination);
      if (t) out.push({ target: m.Destination, fs: t.fs, readOnly: !m.RW, onWrite: (p) => t.propagate(p) });
    }
  }
  for (const t of tmpfsTargets(c)) {
    const layer = (c.tmpfs ??= {})[t.target] ?? (c.tmpfs[t.target] = new Layer());
    out.push({ target: t.target, fs: new UnionFs([], layer, () => ctx.now()), readOnly: t.readOnly });
  }
  return out;
}

/** The filesystem a process of the container sees: its union, the files Docker mounts, its mount points. */
export function processFsOf(ctx: StoreContext, c: Container, guard?: ReplayGuard, spec?: ProcessSpecData, fresh = false) {
  return unionProcessFs(ctx.fs(c), guard, mountsOf(ctx, c, spec ?? c.spec, fresh), undefined, treesOf(ctx, c));
}

/** Removes the container's anonymous volumes (`docker rm -v`, `--rm`); named volumes stay. */
export function removeAnonymousVolumes(ctx: StoreContext, c: Container): void {
  ctx.binds.delete(c.id);
  for (const m of c.mounts ?? []) {
    if (m.Type !== 'volume' || !m.Name) continue;
    if (ctx.volumes().get(m.Name)?.Anonymous) ctx.volumes().remove(m.Name);
  }
}
