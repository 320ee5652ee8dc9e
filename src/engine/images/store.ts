/**
 * The image store: images (ID = sha256 of the canonical config JSON), repository tags and digests,
 * legacy parent links, and the layers they share (stored once by diffId).
 */
import { err, ok, engineError, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { chainIds, Layer, type LayerChange } from '../fs/layer';
import { layerFromJSON, layerToJSON, type LayerJSON } from '../fs/serialize';
import { any, arrayOf, checkShape, digest, imageRecord, isObject, layerJSON, optional, shape, SnapshotShapeError, str, strings, tuple, type Check } from './shape';
import { decodeSharedConfig, encodeSharedConfig, sharedConfigOf, sharedImageConfig, type SharedConfigJSON, type SharedImageConfig } from './shared';
import { layerFromTree, type TreeSpec } from '../fs/tree';
import { UnionFs } from '../fs/union';
import { canonicalJSON, cloneConfig, type ContainerConfig, type HistoryEntry, type ImageConfigJSON } from './config';
import { familiarName, familiarString, fullString, parseReference, withDefaultTag, type ImageRef } from './reference';
import { parseTime, rfc3339 } from './time';
import { goQuoteSlice } from '../core/format';

export interface ImageRecord {
  /** "sha256:<64 hex>". */
  id: string;
  config: ImageConfigJSON;
  /** Canonical digest references ("docker.io/library/node@sha256:…"), for pulled images. */
  repoDigests: string[];
  /** Legacy builder: the image this one was built on (intermediate images chain through it). */
  parent?: string;
  lastTagTime?: string;
}

export interface ImageSummary {
  id: string;
  shortId: string;
  /** Familiar tags: ["web-ping:latest"]. */
  repoTags: string[];
  repoDigests: string[];
  created: number;
  /** Sum of its layers' sizes. */
  size: number;
  dangling: boolean;
  /** Has an image built on it (legacy intermediates). */
  hasChildren: boolean;
  parent?: string;
}

/** A container that uses an image (for rmi conflicts and system df); supplied by the containers subsystem. */
export interface ImageUser {
  id: string;
  running: boolean;
}

export interface RemoveOptions {
  force?: boolean;
  noPrune?: boolean;
  /** Containers using a given image ID. */
  usersOf?: (imageId: string) => ImageUser[];
}

export interface ImportOptions {
  /** Tags to set ("node:18", "diamol/base"). */
  refs?: string[];
  /** Layers bottom first: sealed Layers or tree specs. */
  layers: (Layer | TreeSpec)[];
  config?: ContainerConfig;
  /** One entry per layer and per metadata step; default: one `ADD file:…` row per layer plus CMD. */
  history?: HistoryEntry[];
  created?: number;
  architecture?: string;
  os?: string;
  /** Registry digest ("sha256:…") recorded as `<name>@<digest>` for each ref. */
  digest?: string;
}

export interface CommitOptions {
  /** Image the container was created from. */
  baseId: string;
  /** The container's writable layer (unsealed or sealed). */
  upper: Layer;
  config: ContainerConfig;
  comment?: string;
  author?: string;
  /** History's created_by (`docker commit` uses the container's command). */
  createdBy?: string;
  ref?: string;
}

/** An image with a shared config (legacy builder steps) in a snapshot: its config relative to its base's. */
export interface SharedImageRecordJSON {
  id: string;
  shared: SharedConfigJSON;
  repoDigests: string[];
  parent?: string;
  lastTagTime?: string;
}

export interface StoreSnapshot {
  layers: LayerJSON[];
  images: (ImageRecord | SharedImageRecordJSON)[];
  tags: [string, string][];
  /** Images only the builder holds (BuildKit's pulled bases) and the references it found them by. */
  builderTags?: [string, string][];
  builderOnly?: string[];
}

const shortHex = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export class ImageStore {
  private images = new Map<string, ImageRecord>();
  /** Canonical ref ("docker.io/library/x:latest") -> image id. */
  private tags = new Map<string, string>();
  private layerMap = new Map<string, Layer>();
  /**
   * Base images BuildKit pulled for a build: canonical ref -> image ID. BuildKit keeps them in its own store, not
   * in the daemon's image list, so `docker image ls`, `rmi`, `inspect`, `history`, `tag` and `run` do not find them
   * (a later `docker pull` or `docker run` pulls again, its layers already there). Their layers stay for the builder.
   */
  private builderTags = new Map<string, string>();
  /** IDs of images that are held only by the builder (no tag of theirs is in `tags`). */
  private builderOnly = new Set<string>();
  /** Other holders of layers (the BuildKit cache): diffIds that must not be freed. */
  extraLayerRoots: () => Iterable<string> = () => [];

  constructor(
    private env: EngineEnv,
    private onChange: () => void = () => {},
  ) {}

  private sha = (d: Uint8Array | string) => this.env.sha256(d);

  // ---------- lookups ----------

  /** The images of the daemon's list (not those only the builder holds). */
  all(): ImageRecord[] {
    const out: ImageRecord[] = [];
    for (const i of this.images.values()) if (!this.builderOnly.has(i.id)) out.push(i);
    return out;
  }

  /** Summaries, newest first. */
  list(): ImageSummary[] {
    const children = new Set<string>();
    for (const i of this.all()) if (i.parent) children.add(i.parent);
    return this.all()
      .map((i) => {
        const repoTags = this.tagsOf(i.id);
        return {
          id: i.id,
          shortId: shortHex(i.id),
          repoTags,
          repoDigests: this.digestsOf(i.id),
          created: parseTime(i.config.created),
          size: this.size(i.id),
          dangling: repoTags.length === 0 && !children.has(i.id),
          hasChildren: children.has(i.id),
          parent: i.parent,
        };
      })
      .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  }

  /** By full or short ID, `sha256:` prefix or not, or by reference ("web-ping", "node:18", "x@sha256:…"). */
  get(refOrId: string): ImageRecord | undefined {
    const rec = this.find(refOrId);
    return rec && !this.builderOnly.has(rec.id) ? rec : undefined;
  }

  /** What the builder finds for a base image: the daemon's image, else one BuildKit pulled earlier. */
  builderImage(ref: string): ImageRecord | undefined {
    const visible = this.get(ref);
    if (visible) return visible;
    const r = parseReference(ref);
    if (!r.ok) return undefined;
    const canonical = withDefaultTag(r.value);
    if (canonical.digest) {
      const want = `${canonical.domain}/${canonical.path}@${canonical.digest}`;
      for (const id of this.builderOnly) if (this.images.get(id)?.repoDigests.includes(want)) return this.images.get(id);
      return undefined;
    }
    const id = this.builderTags.get(fullString(canonical));
    return id ? this.images.get(id) : undefined;
  }

  /**
   * BuildKit pulled `ref` (image `id`) for a build: it keeps the image in its own store. The tag the pull set is
   * moved to the builder's references; the image leaves the list unless it has other tags there.
   */
  holdForBuilder(ref: string, id: string): void {
    const r = parseReference(ref);
    if (!r.ok || !this.images.has(id)) return;
    const canonical = withDefaultTag(r.value);
    if (!canonical.digest) {
      const key = fullString(canonical);
      if (this.tags.get(key) === id) this.tags.delete(key);
      this.builderTags.set(key, id);
    }
    if (!this.tagsOf(id).length) this.builderOnly.add(id);
    this.onChange();
  }

  /**
   * `docker builder prune -a`: the builder forgets the base images it pulled (their layers go unless an image or
   * the build cache uses them). Returns the bytes of the layers freed.
   */
  dropBuilderImages(): number {
    for (const id of this.builderOnly) {
      const rec = this.images.get(id);
      if (rec) this.deleteImage(rec);
    }
    this.builderOnly.clear();
    this.builderTags.clear();
    const sizes = new Map([...this.layerMap].map(([d, l]) => [d, l.size]));
    let freed = 0;
    for (const d of this.gcLayers()) freed += sizes.get(d) ?? 0;
    this.onChange();
    return freed;
  }

  private find(refOrId: string): ImageRecord | undefined {
    if (!refOrId) return undefined;
    // A full ID ("sha256:" and 64 hex) is a digest before it is a reference, as the daemon reads it.
    const byId = refOrId.length === 71 ? this.images.get(refOrId) : undefined;
    if (byId) return byId;
    const r = parseReference(refOrId);
    if (r.ok) {
      const ref = withDefaultTag(r.value);
      if (ref.digest) {
        const want = `${ref.domain}/${ref.path}@${ref.digest}`;
        for (const i of this.images.values()) if (i.repoDigests.includes(want)) return i;
      } else {
        const id = this.tags.get(fullString(ref));
        if (id) return this.images.get(id);
      }
    }
    const hex = refOrId.replace(/^sha256:/, '');
    if (/^[a-f0-9]{1,64}$/.test(hex)) {
      const full = this.images.get('sha256:' + hex);
      if (full) return full;
      let found: ImageRecord | undefined;
      for (const i of this.images.values()) {
        if (i.id.startsWith('sha256:' + hex) && !this.builderOnly.has(i.id)) {
          if (found) return undefined; // ambiguous
          found = i;
        }
      }
      return found;
    }
    return undefined;
  }

  /** Image ID for a reference or ID, or null. */
  resolve(refOrId: string): string | null {
    return this.get(refOrId)?.id ?? null;
  }

  has(id: string): boolean {
    return this.images.has(id);
  }

  /** Familiar tags ("web-ping:latest"), sorted. */
  tagsOf(id: string): string[] {
    const out: string[] = [];
    for (const [ref, iid] of this.tags) if (iid === id) out.push(familiarOf(ref));
    return out.sort();
  }

  /** Familiar digests ("node@sha256:…"). */
  digestsOf(id: string): string[] {
    const i = this.images.get(id);
    if (!i) return [];
    return i.repoDigests.map((d) => {
      const r = parseReference(d);
      return r.ok ? familiarString(r.value) : d;
    });
  }

  /** Images whose parent is `parent` (undefined: images without one), oldest first. */
  children(parent: string | undefined): ImageRecord[] {
    const out: ImageRecord[] = [];
    for (const id of this.kids.get(parent ?? '') ?? []) {
      const rec = this.images.get(id);
      if (rec) out.push(rec);
    }
    return out;
  }

  /** Parent ID ('' for none) -> IDs of its children, kept with `images` (the legacy builder looks up a step's children). */
  private kids = new Map<string, Set<string>>();

  private setImage(rec: ImageRecord): void {
    this.images.set(rec.id, rec);
    const key = rec.parent ?? '';
    let set = this.kids.get(key);
    if (!set) this.kids.set(key, (set = new Set()));
    set.add(rec.id);
  }

  private deleteImage(rec: ImageRecord): void {
    this.images.delete(rec.id);
    const key = rec.parent ?? '';
    const set = this.kids.get(key);
    set?.delete(rec.id);
    if (set && !set.size) this.kids.delete(key);
  }

  layer(diffId: string): Layer | undefined {
    return this.layerMap.get(diffId);
  }

  /**
   * What a layer added (A), changed (C) or deleted (D), judged against the layers below it in the first image
   * that has it (like `dive`). Null when no image holds the layer.
   */
  layerChanges(diffId: string): LayerChange[] | null {
    const layer = this.layerMap.get(diffId);
    if (!layer) return null;
    for (const img of this.images.values()) {
      const ids = img.config.rootfs.diff_ids;
      const at = ids.indexOf(diffId);
      if (at < 0) continue;
      const lower = new UnionFs(ids.slice(0, at).map((d) => this.layerMap.get(d) ?? new Layer()));
      return layer.changes((p) => lower.lookupRaw(p));
    }
    return layer.changes();
  }

  /** The image's layers, bottom first (one per RootFS entry). */
  layers(id: string): Layer[] {
    const i = this.images.get(id);
    if (!i) return [];
    return i.config.rootfs.diff_ids.map((d) => this.layerMap.get(d) ?? new Layer().seal(this.sha));
  }

  /** A union view of the image's filesystem (read it, or write into a fresh upper layer). */
  rootfs(id: string): UnionFs {
    return new UnionFs(this.layers(id), new Layer(), () => this.env.clock.now());
  }

  /** Sum of layer sizes (what `docker image ls` SIZE shows). */
  size(id: string): number {
    let s = 0;
    for (const l of this.layers(id)) s += l.size;
    return s;
  }

  /** diffId -> number of images using it. */
  layerRefCounts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const i of this.images.values()) for (const d of new Set(i.config.rootfs.diff_ids)) m.set(d, (m.get(d) ?? 0) + 1);
    return m;
  }

  chainIds(id: string): string[] {
    const i = this.images.get(id);
    return i ? chainIds(i.config.rootfs.diff_ids, this.sha) : [];
  }

  // ---------- adding images ----------

  /** Stores sealed layers (dedup by diffId). */
  addLayers(layers: Layer[]): void {
    for (const l of layers) {
      if (!l.sealed) l.seal(this.sha);
      if (!this.layerMap.has(l.diffId)) this.layerMap.set(l.diffId, l);
    }
  }

  /**
   * Stores an image from its config and layers (bottom first; `config.rootfs.diff_ids` is filled from them
   * when empty). Identical configs give the same ID. Returns the record.
   */
  put(config: ImageConfigJSON, layers: Layer[], opts: { parent?: string; repoDigests?: string[] } = {}): ImageRecord {
    this.addLayers(layers);
    const cfg: ImageConfigJSON = { ...config, rootfs: { type: 'layers', diff_ids: config.rootfs.diff_ids.length ? config.rootfs.diff_ids : layers.map((l) => l.diffId) } };
    if (opts.parent) cfg.parent = opts.parent;
    const id = 'sha256:' + this.sha(canonicalJSON(cfg));
    let rec = this.images.get(id);
    if (!rec) {
      rec = { id, config: cfg, repoDigests: [], parent: opts.parent };
      this.setImage(rec);
    }
    // Pulled or built again through the daemon: the image is listed again.
    this.builderOnly.delete(id);
    for (const d of opts.repoDigests ?? []) if (!rec.repoDigests.includes(d)) rec.repoDigests.push(d);
    this.onChange();
    return rec;
  }

  /**
   * Stores an image whose config is in shared form (shared.ts: the legacy builder's step images, which share their
   * config's lists with the step before). Same ID as `put` with the plain config. Returns the record.
   */
  putShared(config: SharedImageConfig, layers: Layer[], opts: { parent?: string } = {}): ImageRecord {
    this.addLayers(layers);
    if (opts.parent) config.parent = opts.parent;
    const id = 'sha256:' + this.sha(canonicalJSON(config));
    let rec = this.images.get(id);
    if (!rec) {
      rec = { id, config: sharedImageConfig(config), repoDigests: [], parent: opts.parent };
      this.setImage(rec);
    }
    this.builderOnly.delete(id);
    this.onChange();
    return rec;
  }

  /** Adds a pulled/imported image (used by the registry). Layers may be tree specs. */
  importImage(o: ImportOptions): ImageRecord {
    const created = o.created ?? this.env.clock.now();
    const layers = o.layers.map((l) => (l instanceof Layer ? (l.sealed ? l : l.seal(this.sha)) : layerFromTree(this.sha, l, created)));
    const history: HistoryEntry[] =
      o.history ??
      [
        ...layers.map((l) => ({ created: rfc3339(created), created_by: `/bin/sh -c #(nop) ADD file:${l.diffId.slice(7, 71)} in / ` })),
        ...(o.config?.Cmd ? [{ created: rfc3339(created), created_by: `/bin/sh -c #(nop)  CMD ${goQuoteSlice(o.config.Cmd)}`, empty_layer: true }] : []),
      ];
    const cfg: ImageConfigJSON = {
      architecture: o.architecture ?? 'amd64',
      os: o.os ?? 'linux',
      created: rfc3339(created),
      config: cloneConfig(o.config ?? {}),
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history,
    };
    const digests: string[] = [];
    const parsed: ImageRef[] = [];
    for (const ref of o.refs ?? []) {
      const r = parseReference(ref);
      if (r.ok) parsed.push(r.value);
    }
    if (o.digest) for (const r of parsed) digests.push(`${r.domain}/${r.path}@${o.digest}`);
    const rec = this.put(cfg, layers, { repoDigests: digests });
    for (const r of parsed) if (!r.digest) this.setTag(rec.id, fullString(withDefaultTag(r)));
    this.onChange();
    return rec;
  }

  /** `docker commit`: the container's upper layer on top of its image, with a new config. */
  commit(o: CommitOptions): Result<ImageRecord> {
    const base = this.images.get(o.baseId);
    if (!base) return err(engineError('no-such-image', `No such image: ${o.baseId}`));
    const layer = o.upper.sealed ? o.upper : o.upper.seal(this.sha, (p) => this.rootfs(o.baseId).lookupRaw(p));
    const now = this.env.clock.now();
    const cfg: ImageConfigJSON = {
      architecture: base.config.architecture,
      os: base.config.os,
      author: o.author || undefined,
      comment: o.comment || undefined,
      created: rfc3339(now),
      config: cloneConfig(o.config),
      rootfs: { type: 'layers', diff_ids: [...base.config.rootfs.diff_ids, layer.diffId] },
      history: [
        ...base.config.history,
        { created: rfc3339(now), created_by: o.createdBy ?? '', author: o.author || undefined, comment: o.comment || undefined },
      ],
    };
    const rec = this.put(cfg, [...this.layers(o.baseId), layer], { parent: o.baseId });
    if (o.ref) {
      const t = this.tag(rec.id, o.ref);
      if (!t.ok) return t;
    }
    return ok(rec);
  }

  // ---------- tags ----------

  private setTag(id: string, canonical: string): void {
    this.tags.set(canonical, id);
    this.builderOnly.delete(id);
    const rec = this.images.get(id);
    if (rec) rec.lastTagTime = rfc3339(this.env.clock.now());
  }

  /** `docker tag SOURCE TARGET`. */
  tag(source: string, target: string): Result<ImageRecord> {
    const rec = this.get(source);
    if (!rec) return err(engineError('no-such-image', `No such image: ${displayRef(source)}`));
    const r = parseReference(target);
    if (!r.ok) return r;
    if (r.value.digest) return err(engineError('invalid-reference', 'refusing to create a tag with a digest reference'));
    const name = familiarName(r.value);
    if (/^[a-f0-9]{64}$/.test(name.split('/').pop() ?? '') && !r.value.tag) return err(engineError('invalid-reference', 'invalid repository name (' + name + '), cannot specify 64-byte hexadecimal strings'));
    this.setTag(rec.id, fullString(withDefaultTag(r.value)));
    this.onChange();
    return ok(rec);
  }

  /** Removes one tag; returns the image ID it pointed to. */
  untag(ref: string): string | null {
    const r = parseReference(ref);
    if (!r.ok) return null;
    const key = fullString(withDefaultTag(r.value));
    const id = this.tags.get(key);
    if (!id) return null;
    this.tags.delete(key);
    this.onChange();
    return id;
  }

  // ---------- removal ----------

  /**
   * `docker image rm` for one argument, with Docker's lines (`Untagged: x:latest`, `Deleted: sha256:…`)
   * and conflict errors (messages without the "Error response from daemon: " prefix).
   */
  remove(refOrId: string, opts: RemoveOptions = {}): Result<string[]> {
    const rec = this.get(refOrId);
    if (!rec) return err(engineError('no-such-image', `No such image: ${displayRef(refOrId)}`));
    const users = opts.usersOf?.(rec.id) ?? [];
    const lines: string[] = [];
    const hex = refOrId.replace(/^sha256:/, '');
    const byId = /^[a-f0-9]{1,64}$/.test(hex) && rec.id.startsWith('sha256:' + hex) && !this.isTagRef(refOrId);
    const tags = this.tagsOf(rec.id);
    const short = shortHex(rec.id);
    if (!byId) {
      const r = parseReference(refOrId);
      const key = r.ok ? fullString(withDefaultTag(r.value)) : refOrId;
      const tagNames = new Set(tags.map((t) => nameOf(t)));
      const refs = tags.length + rec.repoDigests.filter((d) => !tagNames.has(nameOf(d))).length;
      if (refs <= 1 && users.length && !opts.force) {
        const u = users[0];
        return err(engineError('conflict', `conflict: unable to remove repository reference "${refOrId}" (must force) - container ${shortHex(u.id)} is using its referenced image ${short}`));
      }
      let name = '';
      if (r.ok && r.value.digest) {
        const d = `${r.value.domain}/${r.value.path}@${r.value.digest}`;
        rec.repoDigests = rec.repoDigests.filter((x) => x !== d);
        lines.push(`Untagged: ${familiarString(r.value)}`);
      } else {
        this.tags.delete(key);
        lines.push(`Untagged: ${familiarOf(key)}`);
        name = nameOf(key);
      }
      // A removed tag takes the digest references of its repository along when no other tag of it remains.
      if (name && !this.tagsOf(rec.id).some((t) => nameOf(t) === name)) {
        for (const d of rec.repoDigests.filter((x) => nameOf(x) === name)) {
          const p = parseReference(d);
          lines.push(`Untagged: ${p.ok ? familiarString(p.value) : d}`);
        }
        rec.repoDigests = rec.repoDigests.filter((x) => nameOf(x) !== name);
      }
      if (this.tagsOf(rec.id).length > 0 || rec.repoDigests.length > 0 || users.length) {
        this.onChange();
        return ok(lines);
      }
    } else {
      const running = users.find((u) => u.running);
      if (running) return err(engineError('conflict', `conflict: unable to delete ${hex.slice(0, 12)} (cannot be forced) - image is being used by running container ${shortHex(running.id)}`));
      if (this.children(rec.id).length) return err(engineError('conflict', `conflict: unable to delete ${hex.slice(0, 12)} (cannot be forced) - image has dependent child images`));
      if (tags.length > 1 && !opts.force) return err(engineError('conflict', `conflict: unable to delete ${hex.slice(0, 12)} (must be forced) - image is referenced in multiple repositories`));
      if (users.length && !opts.force) return err(engineError('conflict', `conflict: unable to delete ${hex.slice(0, 12)} (must be forced) - image is being used by stopped container ${shortHex(users[0].id)}`));
      for (const t of tags) {
        this.untag(t);
        lines.push(`Untagged: ${t}`);
      }
      for (const d of rec.repoDigests) {
        const p = parseReference(d);
        lines.push(`Untagged: ${p.ok ? familiarString(p.value) : d}`);
      }
      rec.repoDigests = [];
      if (users.length) {
        this.onChange();
        return ok(lines);
      }
    }
    if (this.children(rec.id).length) {
      this.onChange();
      return ok(lines);
    }
    this.deleteChain(rec.id, lines, !opts.noPrune, opts.usersOf);
    this.onChange();
    return ok(lines);
  }

  private isTagRef(s: string): boolean {
    const r = parseReference(s);
    return r.ok && this.tags.has(fullString(withDefaultTag(r.value)));
  }

  /** Deletes an image (and, with `prune`, its now-unused untagged parents), appending `Deleted:` lines. */
  private deleteChain(id: string, lines: string[], prune: boolean, usersOf?: (id: string) => ImageUser[]): void {
    // Layer reference counts are taken once and updated per deleted image, so removing a chain of thousands of
    // legacy step images stays linear; layers no image held (orphans) go at the end, as gcLayers drops them.
    const counts = this.layerRefCounts();
    const pinned = new Set(this.extraLayerRoots());
    let cur: string | undefined = id;
    while (cur) {
      const rec = this.images.get(cur);
      if (!rec) break;
      const chains = this.chainIds(cur);
      const diffIds = rec.config.rootfs.diff_ids;
      this.deleteImage(rec);
      for (const [k, v] of [...this.tags]) if (v === cur) this.tags.delete(k);
      lines.push(`Deleted: ${cur}`);
      const freed = new Set<string>();
      for (const d of new Set(diffIds)) {
        const n = (counts.get(d) ?? 1) - 1;
        if (n > 0) {
          counts.set(d, n);
          continue;
        }
        counts.delete(d);
        if (!pinned.has(d) && this.layerMap.delete(d)) freed.add(d);
      }
      for (let i = diffIds.length - 1; i >= 0; i--) {
        if (freed.has(diffIds[i])) {
          lines.push(`Deleted: ${chains[i]}`);
          freed.delete(diffIds[i]);
        }
      }
      const parent: string | undefined = rec.parent;
      if (!prune || !parent || !this.images.has(parent)) break;
      if (this.tagsOf(parent).length || this.children(parent).length || (usersOf?.(parent).length ?? 0)) break;
      cur = parent;
    }
    this.gcLayers();
  }

  /** Drops layers no image (and no extra root) references; returns their diffIds. */
  gcLayers(): Set<string> {
    const used = new Set<string>(this.layerRefCounts().keys());
    for (const d of this.extraLayerRoots()) used.add(d);
    const freed = new Set<string>();
    for (const d of [...this.layerMap.keys()]) {
      if (!used.has(d)) {
        this.layerMap.delete(d);
        freed.add(d);
      }
    }
    return freed;
  }

  /** Deletes an image without any checks (prune, builder internals). Returns the `Deleted:` lines. */
  forceDelete(id: string): string[] {
    const lines: string[] = [];
    for (const t of this.tagsOf(id)) this.untag(t);
    this.deleteChain(id, lines, false);
    this.onChange();
    return lines;
  }

  // ---------- persistence ----------

  snapshot(): StoreSnapshot {
    // In store order (a parent is always stored before its children). A shared config is written relative to its
    // parent's when that was written before it, so a chain of step images stays linear in size; others as plain JSON.
    const images: (ImageRecord | SharedImageRecordJSON)[] = [];
    const written = new Set<string>();
    for (const r of this.images.values()) {
      written.add(r.id);
      const shared = sharedConfigOf(r.config);
      if (!shared) {
        images.push(JSON.parse(JSON.stringify(r)) as ImageRecord);
        continue;
      }
      const parent = r.parent && written.has(r.parent) ? this.images.get(r.parent) : undefined;
      const base = parent ? sharedConfigOf(parent.config) : undefined;
      const out: SharedImageRecordJSON = { id: r.id, shared: { ...(base ? { base: parent!.id } : {}), fields: encodeSharedConfig(shared, base) }, repoDigests: [...r.repoDigests] };
      if (r.parent) out.parent = r.parent;
      if (r.lastTagTime) out.lastTagTime = r.lastTagTime;
      images.push(JSON.parse(JSON.stringify(out)) as SharedImageRecordJSON);
    }
    const held = this.builderOnly.size || this.builderTags.size ? { builderTags: [...this.builderTags], builderOnly: [...this.builderOnly] } : {};
    return { layers: [...this.layerMap.values()].map(layerToJSON), images, tags: [...this.tags], ...held };
  }

  restore(s: StoreSnapshot | undefined): void {
    // A damaged slice is refused whole, before anything is replaced (the hosts report the error and offer to start fresh).
    if (s !== undefined && s !== null) checkShape(storeSnapshot, s, 'images');
    const images = new Map<string, ImageRecord>();
    (s?.images ?? []).forEach((i, n) => {
      if (!('shared' in i)) {
        images.set(i.id, i);
        return;
      }
      const base = i.shared.base ? images.get(i.shared.base) : undefined;
      const baseShared = base && sharedConfigOf(base.config);
      if (i.shared.base && !baseShared) throw new SnapshotShapeError(`images.images[${n}].shared.base`, 'is not a shared image stored before it');
      const config = sharedImageConfig(decodeSharedConfig(i.shared.fields, baseShared, `images.images[${n}].shared.fields`));
      images.set(i.id, { id: i.id, config, repoDigests: i.repoDigests, parent: i.parent, lastTagTime: i.lastTagTime });
    });
    this.images = new Map();
    this.kids.clear();
    for (const rec of images.values()) this.setImage(rec);
    this.tags.clear();
    this.builderTags.clear();
    this.builderOnly.clear();
    this.layerMap.clear();
    if (s === undefined || s === null) return;
    for (const [k, v] of s.builderTags ?? []) if (this.images.has(v)) this.builderTags.set(k, v);
    for (const id of s.builderOnly ?? []) if (this.images.has(id)) this.builderOnly.add(id);
    for (const l of s.layers ?? []) this.layerMap.set(l.diffId, layerFromJSON(l));
    for (const [k, v] of s.tags ?? []) if (this.images.has(v)) this.tags.set(k, v);
  }
}

const sharedImageRecord: Check = shape({ id: digest, shared: shape({ base: optional(digest), fields: any }), repoDigests: strings, parent: optional(digest), lastTagTime: optional(str) });
const storedImage: Check = (v, w) => (isObject(v) && 'shared' in v ? sharedImageRecord(v, w) : imageRecord(v, w));
const storeSnapshot = shape({
  layers: optional(arrayOf(layerJSON)),
  images: optional(arrayOf(storedImage)),
  tags: optional(arrayOf(tuple(str, str))),
  builderTags: optional(arrayOf(tuple(str, str))),
  builderOnly: optional(strings),
});

/** Canonical repository name of a ref ("docker.io/library/busybox"). */
function nameOf(ref: string): string {
  const r = parseReference(ref);
  return r.ok ? `${r.value.domain}/${r.value.path}` : ref;
}

function familiarOf(canonical: string): string {
  const r = parseReference(canonical);
  return r.ok ? familiarString(r.value) : canonical;
}

/** How Docker echoes a missing image in "No such image: x:latest". */
export function displayRef(s: string): string {
  const hex = s.replace(/^sha256:/, '');
  if (/^[a-f0-9]{6,64}$/.test(hex)) return s;
  const r = parseReference(s);
  return r.ok ? familiarString(withDefaultTag(r.value)) : s;
}

