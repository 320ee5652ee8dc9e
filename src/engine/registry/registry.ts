/**
 * The mock Docker Hub (`engine.registry`): resolves references against the catalog and against images
 * pushed in this browser, pulls them into the image store with Docker's progress output, pushes local
 * images to the logged-in user's namespace, and answers `docker search`. Errors are values whose messages
 * are the daemon's words (callers add `Error response from daemon: `).
 */
import { engineError, err, ok, type EngineError, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import type { Layer } from '../fs/layer';
import { layerFromJSON, layerToJSON, type LayerJSON } from '../fs/serialize';
import { canonicalJSON, cloneConfig, type ContainerConfig, type HistoryEntry, type ImageConfigJSON } from '../images/config';
import { familiarName, familiarString, fullString, parseReference, withDefaultTag, DEFAULT_DOMAIN, type ImageRef } from '../images/reference';
import type { ImageRecord, ImageStore } from '../images/store';
import { parseTime } from '../images/time';
import { CATALOG_IMAGES, CATALOG_REPOSITORIES, catalogImages, catalogRepository, catalogTags, findCatalogImage, type CatalogImage } from './catalog/index';
import { closestTags } from './catalog/closest';
import { repositoryOnHub, tagOnHub } from './catalog/hub';
import { blobDigest, materializeLayer } from './layers';
import { sanitizeLayerJSON } from '../containers/validate';
import { hostSleep, playTTY, renderPlain, renderTTY, simulatePull, type ProgressMessage, type Sleep } from './progress';

export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

export interface RemoteLayer {
  diffId: string;
  /** Blob digest (what pull's per-layer lines abbreviate). */
  digest: string;
  size: number;
  compressedSize: number;
  layer: () => Layer;
}

/** An image as the registry serves it. */
export interface RemoteImage {
  /** "library/node" */
  repo: string;
  tag?: string;
  /** Manifest digest "sha256:…" (pull's `Digest:` line, RepoDigests). */
  digest: string;
  layers: RemoteLayer[];
  config: ContainerConfig;
  history: HistoryEntry[];
  created: number;
  architecture: string;
  os: string;
}

interface PushedImage {
  digest: string;
  config: ImageConfigJSON;
}

export interface RegistrySnapshot {
  login?: { username: string; serverAddress: string };
  repos: [string, [string, PushedImage][]][];
  blobs: LayerJSON[];
}

export interface PullOptions {
  /** Where progress text goes (stdout for `docker pull`, stderr for the implicit pull of `docker run`). */
  out: (text: string) => void;
  tty?: boolean;
  columns?: number;
  /** `docker pull -q`: no progress, no status lines. */
  quiet?: boolean;
  /**
   * Leave the layer lines and the Digest/Status lines to the caller (returned as `tail`), so a terminal can
   * play the progress in real time (`playTTY`) before printing them.
   */
  deferProgress?: boolean;
}

export interface PullResult {
  image: ImageRecord;
  ref: ImageRef;
  /** Familiar reference as Docker prints it in Status lines ("node:latest"). */
  familiar: string;
  /** Canonical reference (`docker pull`'s last line). */
  canonical: string;
  upToDate: boolean;
  /** The simulated per-layer messages (the UI can animate them). */
  messages: ProgressMessage[];
  /** With `deferProgress`: the `Digest:` and `Status:` lines still to print. */
  tail: string;
}

export interface SearchResult {
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

const deny = (name: string) =>
  engineError('registry.pull-denied', `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);

export class Registry {
  private login_: { username: string; serverAddress: string } | undefined;
  /** docker.io/<user>/<repo> -> tag -> image. */
  private pushed = new Map<string, Map<string, PushedImage>>();
  /** Layers pushed by users, by diffId. */
  private blobs = new Map<string, Layer>();

  constructor(
    private env: EngineEnv,
    private images: () => ImageStore,
    private changed: () => void = () => {},
  ) {}

  private sha = (d: Uint8Array | string) => this.env.sha256(d);
  /** Paces pull progress on terminals (null: print it at once, as tests do). */
  sleep: Sleep | null = hostSleep();

  /**
   * `pull` for a terminal user: like `pull`, but on a TTY the progress bars fill in real time (at most ~1.5 s)
   * before the Digest/Status lines.
   */
  async pullInteractive(input: string | ImageRef, opts: PullOptions): Promise<Result<PullResult>> {
    if (!opts.tty || opts.quiet || !this.sleep) return this.pull(input, opts);
    const r = this.pull(input, { ...opts, deferProgress: true });
    if (!r.ok) return r;
    await playTTY(r.value.messages, opts.columns ?? 80, opts.out, this.sleep);
    opts.out(r.value.tail);
    return r;
  }

  // ---------------------------------------------------------------- lookups

  /**
   * The catalog's name for a reference's repository: the path on Docker Hub ("library/node"); on another
   * registry the catalog has images of (mcr.microsoft.com), the registry's host and the path.
   */
  private catalogRepo(ref: ImageRef): string {
    return ref.domain === DEFAULT_DOMAIN ? ref.path : `${ref.domain}/${ref.path}`;
  }

  /** Whether the catalog has images of another registry's host (mcr.microsoft.com). */
  private catalogHasRegistry(domain: string): boolean {
    return CATALOG_IMAGES.some((i) => i.repo.startsWith(`${domain}/`));
  }

  /** The logged-in Docker Hub user, if any. */
  get username(): string | undefined {
    return this.login_?.username;
  }

  /** Repositories known to the registry: the catalog plus pushed ones ("library/node", "alice/web-ping"). */
  repositories(): string[] {
    const pushed = [...this.pushed.keys()].filter((k) => k.startsWith(DEFAULT_DOMAIN + '/')).map((k) => k.slice(DEFAULT_DOMAIN.length + 1));
    return [...new Set([...CATALOG_REPOSITORIES.map((r) => r.repo), ...pushed])];
  }

  /** Tags of a repository ("library/node"). */
  tags(repo: string): string[] {
    return [...catalogTags(repo), ...(this.pushed.get(`${DEFAULT_DOMAIN}/${repo}`)?.keys() ?? [])];
  }

  /** Resolves a parsed reference to what the registry would serve, or the daemon's error. */
  resolve(ref: ImageRef): Result<RemoteImage> {
    const familiar = familiarName(ref);
    const found = this.lookup(ref);
    if (!found.ok) return found;
    if (ref.digest) {
      const candidates: RemoteImage[] = [];
      for (const t of this.tags(this.catalogRepo(ref))) {
        const r = this.resolveTag(this.catalogRepo(ref), t);
        if (r && r.digest === ref.digest) candidates.push(r);
      }
      if (!candidates.length) return err(engineError('registry.manifest-unknown', `manifest for ${familiar}@${ref.digest} not found: manifest unknown: manifest unknown`));
      return ok({ ...candidates[0], tag: undefined });
    }
    const tag = ref.tag ?? 'latest';
    const r = this.resolveTag(this.catalogRepo(ref), tag);
    if (!r) return err(this.notFound(ref, tag));
    return ok(r);
  }

  /**
   * Whether the registry has the repository and tag, without building the image (the editor's FROM check and
   * build predictions): ok, or the daemon's error with Layerlab's hint line.
   */
  lookup(ref: ImageRef): Result<{ repo: string; tag?: string }> {
    if (ref.domain !== DEFAULT_DOMAIN && this.catalogHasRegistry(ref.domain)) {
      // Another registry whose images the catalog holds: its tags or its "manifest unknown".
      const repo = this.catalogRepo(ref);
      if (ref.digest && catalogTags(repo).length) return ok({ repo });
      const tag = ref.tag ?? 'latest';
      if (findCatalogImage(repo, tag)) return ok({ repo, tag });
      return err(this.notFound(ref, tag));
    }
    if (ref.domain !== DEFAULT_DOMAIN) {
      const host = ref.domain.replace(/:\d+$/, '');
      if (host === 'localhost' || host === '127.0.0.1') {
        return err(engineError('registry.unreachable', `Get "https://${ref.domain}/v2/": dial tcp ${host === 'localhost' ? '[::1]' : '127.0.0.1'}:${ref.domain.split(':')[1] ?? '443'}: connect: connection refused`));
      }
      return err(engineError('registry.unreachable', `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host}: no such host`, { hint: `layerlab: the offline catalog holds images of Docker Hub and mcr.microsoft.com only; ${ref.domain} cannot be reached offline` }));
    }
    const familiar = familiarName(ref);
    const pushedRepo = this.pushed.get(`${ref.domain}/${ref.path}`);
    const inCatalog = catalogRepository(ref.path) !== undefined || catalogTags(ref.path).length > 0;
    if (!pushedRepo && !inCatalog) {
      if (repositoryOnHub(ref.path)) return err(this.notFound(ref, ref.tag ?? 'latest'));
      return err(deny(familiar));
    }
    if (ref.digest) return ok({ repo: ref.path });
    const tag = ref.tag ?? 'latest';
    if (pushedRepo?.has(tag) || findCatalogImage(ref.path, tag)) return ok({ repo: ref.path, tag });
    return err(this.notFound(ref, tag));
  }

  /**
   * A FROM's image as the editor checks it: null when the registry has it (or it is not a plain reference),
   * else BuildKit's words for the failure and the closest catalog tags as full references ("python:3.8").
   */
  checkBase(image: string): { message: string; hint?: string; closest: string[] } | null {
    const p = parseReference(image);
    if (!p.ok || image.includes('$')) return null;
    const ref = withDefaultTag(p.value);
    const found = this.lookup(ref);
    if (found.ok) return null;
    const canonical = fullString(ref);
    const e = found.error;
    const why =
      e.code === 'registry.manifest-unknown'
        ? `${canonical}: not found`
        : e.code === 'registry.pull-denied'
          ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
          : e.message;
    const familiar = familiarName(ref);
    const closest = ref.tag ? closestTags(catalogImages(ref.path), ref.tag).map((t) => `${familiar}:${t}`) : [];
    return { message: `failed to resolve source metadata for ${canonical}: ${why}`, hint: e.hint, closest };
  }

  /** The daemon's "manifest unknown" for a tag the registry lacks, with Layerlab's line naming the closest tags. */
  private notFound(ref: ImageRef, tag: string): EngineError {
    const familiar = familiarName(ref);
    const e = engineError('registry.manifest-unknown', `manifest for ${familiar}:${tag} not found: manifest unknown: manifest unknown`);
    const images = catalogImages(this.catalogRepo(ref));
    const near = closestTags(images, tag).map((t) => `${familiar}:${t}`);
    const have = near.length ? `; closest tags it has: ${near.join(', ')}` : '';
    if (!images.length && !repositoryOnHub(ref.path)) return e;
    if (!images.length) e.hint = `layerlab: ${familiar} is on Docker Hub but not in Layerlab's offline catalog (docker search lists what it has)`;
    else if (tagOnHub(ref.path, tag) === 'no-such-tag') e.hint = `layerlab: Docker Hub has no ${familiar}:${tag} either${have}`;
    else if (tagOnHub(ref.path, tag) === 'exists') e.hint = `layerlab: ${familiar}:${tag} is on Docker Hub but not in Layerlab's offline catalog${have}`;
    else e.hint = `layerlab: ${familiar}:${tag} is not in Layerlab's offline catalog${have}`;
    return e;
  }

  private resolveTag(repo: string, tag: string): RemoteImage | null {
    const p = this.pushed.get(`${DEFAULT_DOMAIN}/${repo}`)?.get(tag);
    if (p) return p.config.rootfs.diff_ids.every((d) => this.blobs.has(d) || this.images().layer(d)) ? this.fromPushed(repo, tag, p) : null;
    const c = findCatalogImage(repo, tag);
    return c ? this.fromCatalog(c, tag) : null;
  }

  private fromCatalog(c: CatalogImage, tag: string): RemoteImage {
    const created = parseTime(c.steps[c.steps.length - 1]?.created);
    const layers: RemoteLayer[] = [];
    for (const s of c.steps) {
      if (!s.layer) continue;
      const cl = s.layer;
      const mtime = parseTime(s.created);
      const l = materializeLayer(cl, this.sha, mtime);
      layers.push({ diffId: l.diffId, digest: blobDigest(l.diffId, this.sha), size: l.size, compressedSize: cl.compressedSize, layer: () => l });
    }
    const history: HistoryEntry[] = c.steps.map((s) => {
      const h: HistoryEntry = { created: s.created, created_by: s.createdBy };
      if (s.comment) h.comment = s.comment;
      if (!s.layer) h.empty_layer = true;
      return h;
    });
    const config = cloneConfig(c.config as ContainerConfig);
    const digest = this.manifestDigest(config, history, layers);
    return { repo: c.repo, tag, digest, layers, config, history, created, architecture: c.architecture ?? 'amd64', os: c.os ?? 'linux' };
  }

  private fromPushed(repo: string, tag: string, p: PushedImage): RemoteImage {
    const layers: RemoteLayer[] = p.config.rootfs.diff_ids.map((d) => {
      const l = this.blobs.get(d) ?? this.images().layer(d);
      const size = l?.size ?? 0;
      return { diffId: d, digest: blobDigest(d, this.sha), size, compressedSize: Math.max(32, Math.round(size * 0.4)), layer: () => l! };
    });
    return {
      repo,
      tag,
      digest: p.digest,
      layers,
      config: cloneConfig(p.config.config),
      history: p.config.history,
      created: parseTime(p.config.created),
      architecture: p.config.architecture,
      os: p.config.os,
    };
  }

  private manifestDigest(config: ContainerConfig, history: HistoryEntry[], layers: RemoteLayer[]): string {
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: 'sha256:' + this.sha(canonicalJSON({ config, history, diff_ids: layers.map((l) => l.diffId) })) },
      layers: layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.compressedSize, digest: l.digest })),
    };
    return 'sha256:' + this.sha(canonicalJSON(manifest));
  }

  // ---------------------------------------------------------------- pull

  /**
   * Pulls `input` into the image store. Writes the `<tag>: Pulling from <repo>` line, the per-layer progress,
   * `Digest:` and `Status:` lines to `opts.out` (not "Using default tag" nor the final canonical line: those are
   * the `docker pull` command's).
   */
  pull(input: string | ImageRef, opts: PullOptions): Result<PullResult> {
    let ref: ImageRef;
    if (typeof input === 'string') {
      const p = parseReference(input);
      if (!p.ok) return p;
      ref = withDefaultTag(p.value);
    } else ref = withDefaultTag(input);
    const remote = this.resolve(ref);
    if (!remote.ok) return remote;
    const img = remote.value;
    const store = this.images();
    const familiar = familiarString(ref);
    const canonical = fullString(ref);
    const repoDigest = `${ref.domain}/${ref.path}@${img.digest}`;
    const local = store.get(ref.digest ? repoDigest : canonical);
    const upToDate = !!local && local.repoDigests.includes(repoDigest);
    const out = (s: string) => {
      if (!opts.quiet) opts.out(s);
    };
    out(`${ref.digest ?? ref.tag}: Pulling from ${ref.path}\n`);
    let messages: ProgressMessage[] = [];
    let image: ImageRecord;
    if (upToDate && local) {
      image = local;
    } else {
      const sim = img.layers.map((l) => ({ id: l.digest.slice(7, 19), compressedSize: l.compressedSize, size: l.size, exists: !!store.layer(l.diffId) }));
      // A layer listed twice (an empty WORKDIR layer twice) is only pulled once.
      const seen = new Set<string>();
      const uniq = sim.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
      messages = simulatePull(uniq);
      if (!opts.deferProgress) out(opts.tty ? renderTTY(messages, opts.columns ?? 80) : renderPlain(messages));
      image = store.importImage({
        refs: ref.digest ? [`${familiarName(ref)}@${img.digest}`] : [familiar],
        layers: img.layers.map((l) => l.layer()),
        config: img.config,
        history: img.history,
        created: img.created,
        architecture: img.architecture,
        os: img.os,
        digest: img.digest,
      });
    }
    const tail = `Digest: ${img.digest}\n` + (upToDate ? `Status: Image is up to date for ${familiar}\n` : `Status: Downloaded newer image for ${familiar}\n`);
    if (!opts.deferProgress) out(tail);
    this.changed();
    return ok({ image, ref, familiar, canonical, upToDate, messages, tail: opts.deferProgress ? tail : '' });
  }

  // ---------------------------------------------------------------- login, push

  login(username: string, password: string, serverAddress = DOCKER_HUB_SERVER): Result<string> {
    if (!username) return err(engineError('registry.login', 'Username is required'));
    if (!password) return err(engineError('registry.login', 'Password is required'));
    if (!/^[a-z0-9]{4,30}$/.test(username)) {
      return err(engineError('registry.login', 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password'));
    }
    this.login_ = { username, serverAddress };
    this.changed();
    return ok('Login Succeeded');
  }

  /** Returns false when nobody was logged in. */
  logout(): boolean {
    const was = !!this.login_;
    this.login_ = undefined;
    if (was) this.changed();
    return was;
  }

  /**
   * `docker push`: copies a local image (tag `input`) to the registry under the logged-in user's namespace.
   * Writes Docker's push progress to `out`; returns the final `<tag>: digest: … size: …` line's parts.
   */
  push(input: string, out: (s: string) => void): Result<{ tag: string; digest: string; size: number }> {
    const p = parseReference(input);
    if (!p.ok) return p;
    const ref = withDefaultTag(p.value);
    const store = this.images();
    const canonical = fullString(ref);
    const rec = store.get(canonical);
    if (!rec || (!ref.digest && !store.tagsOf(rec.id).some((t) => t === familiarString(ref) || t === canonical))) {
      return err(engineError('registry.no-local-image', `An image does not exist locally with the tag: ${familiarName(ref)}`));
    }
    if (ref.domain !== DEFAULT_DOMAIN) {
      out(`The push refers to repository [${ref.domain}/${ref.path}]\n`);
      return this.resolve(ref) as Result<never>;
    }
    out(`The push refers to repository [${ref.domain}/${ref.path}]\n`);
    const diffIds = rec.config.rootfs.diff_ids;
    const ids = [...new Set(diffIds)].reverse().map((d) => ({ d, id: d.slice(7, 19) }));
    for (const { id } of ids) out(`${id}: Preparing\n`);
    const ns = ref.path.split('/')[0];
    if (!this.login_ || ns !== this.login_.username) {
      return err(engineError('registry.push-denied', 'denied: requested access to the resource is denied'));
    }
    const key = `${ref.domain}/${ref.path}`;
    const repo = this.pushed.get(key) ?? new Map<string, PushedImage>();
    const inRepo = new Set([...repo.values()].flatMap((i) => i.config.rootfs.diff_ids));
    for (const { d, id } of ids) {
      const l = store.layer(d);
      if (inRepo.has(d)) {
        out(`${id}: Layer already exists\n`);
        continue;
      }
      const from = this.mountSource(d);
      if (from) out(`${id}: Mounted from ${from}\n`);
      else out(`${id}: Pushed\n`);
      if (l && !this.blobs.has(d)) this.blobs.set(d, l);
    }
    const manifest = canonicalJSON({ config: rec.id, layers: diffIds.map((d) => blobDigest(d, this.sha)) });
    const digest = 'sha256:' + this.sha(manifest);
    const size = 432 + 162 * diffIds.length;
    repo.set(ref.tag ?? 'latest', { digest, config: JSON.parse(JSON.stringify(rec.config)) as ImageConfigJSON });
    this.pushed.set(key, repo);
    // The local image now knows its registry digest, like after a real push.
    if (!rec.repoDigests.includes(`${key}@${digest}`)) rec.repoDigests.push(`${key}@${digest}`);
    out(`${ref.tag}: digest: ${digest} size: ${size}\n`);
    this.changed();
    return ok({ tag: ref.tag ?? 'latest', digest, size });
  }

  /** The repository a blob can be mounted from (a catalog image or another pushed repo), for push's "Mounted from". */
  private mountSource(diffId: string): string | null {
    for (const [key, repo] of this.pushed) {
      for (const i of repo.values()) if (i.config.rootfs.diff_ids.includes(diffId)) return key.slice(DEFAULT_DOMAIN.length + 1);
    }
    const rec = this.images()
      .all()
      .find((i) => i.config.rootfs.diff_ids.includes(diffId) && i.repoDigests.some((d) => d.startsWith(DEFAULT_DOMAIN + '/library/') || d.startsWith(DEFAULT_DOMAIN + '/diamol/')));
    if (rec) {
      const d = rec.repoDigests.find((x) => x.startsWith(DEFAULT_DOMAIN + '/'))!;
      return d.slice(DEFAULT_DOMAIN.length + 1, d.indexOf('@'));
    }
    return null;
  }

  // ---------------------------------------------------------------- search

  search(term: string, opts: { limit?: number; officialOnly?: boolean; minStars?: number } = {}): SearchResult[] {
    const t = term.toLowerCase();
    const rows: SearchResult[] = [];
    for (const r of CATALOG_REPOSITORIES) {
      const name = r.repo.startsWith('library/') ? r.repo.slice(8) : r.repo;
      if (!name.includes(t) && !r.description.toLowerCase().includes(t)) continue;
      rows.push({ name, description: r.description, stars: r.stars, official: r.official });
    }
    for (const key of this.pushed.keys()) {
      const name = key.slice(DEFAULT_DOMAIN.length + 1);
      if (name.includes(t)) rows.push({ name, description: '', stars: 0, official: false });
    }
    const exact = (r: SearchResult) => (r.name === t || r.name.endsWith('/' + t) ? 0 : 1);
    rows.sort((a, b) => exact(a) - exact(b) || b.stars - a.stars || (a.name < b.name ? -1 : 1));
    return rows
      .filter((r) => (!opts.officialOnly || r.official) && r.stars >= (opts.minStars ?? 0))
      .slice(0, opts.limit ?? 25);
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): RegistrySnapshot {
    return {
      login: this.login_ ? { ...this.login_ } : undefined,
      repos: [...this.pushed].map(([k, m]) => [k, [...m]]),
      blobs: [...this.blobs.values()].map((l) => layerToJSON(l)),
    };
  }

  restore(s: RegistrySnapshot | undefined): void {
    // Never trust a persisted shape: keep only well-formed parts.
    const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    const snap: Record<string, unknown> = obj(s) ? s : {};
    const login = snap.login;
    this.login_ = obj(login) && typeof login.username === 'string' && login.username ? { username: login.username, serverAddress: typeof login.serverAddress === 'string' ? login.serverAddress : DOCKER_HUB_SERVER } : undefined;
    this.pushed = new Map();
    for (const repo of Array.isArray(snap.repos) ? snap.repos : []) {
      if (!Array.isArray(repo) || typeof repo[0] !== 'string' || !Array.isArray(repo[1])) continue;
      const tags = new Map<string, PushedImage>();
      for (const t of repo[1]) {
        if (!Array.isArray(t) || typeof t[0] !== 'string' || !obj(t[1])) continue;
        const p = t[1] as Record<string, unknown>;
        const cfg = p.config;
        if (typeof p.digest !== 'string' || !obj(cfg) || !obj(cfg.rootfs) || !Array.isArray(cfg.rootfs.diff_ids) || !cfg.rootfs.diff_ids.every((d) => typeof d === 'string')) continue;
        if (!obj(cfg.config) || !Array.isArray(cfg.history)) continue;
        tags.set(t[0], { digest: p.digest, config: JSON.parse(JSON.stringify(cfg)) as ImageConfigJSON });
      }
      if (tags.size) this.pushed.set(repo[0], tags);
    }
    this.blobs = new Map();
    for (const b of Array.isArray(snap.blobs) ? snap.blobs : []) {
      const j = sanitizeLayerJSON(b);
      if (!j || !j.diffId) continue;
      try {
        this.blobs.set(j.diffId, layerFromJSON(j));
      } catch {
        // a damaged blob is skipped; pulling the image that needs it fails cleanly
      }
    }
  }

}

export type { EngineError };
