/**
 * The offline npm registry's data.
 *
 *   tsx scripts/pack-npm-registry.ts --update   resolves scripts/npm-registry/roots.json against registry.npmjs.org
 *                                                as npm would (and each dependency range in the trees, recursively)
 *                                                and pins the result in scripts/npm-registry/manifest.json
 *   tsx scripts/pack-npm-registry.ts            fetches the pinned tarballs (cached in node_modules/.cache/layerlab/npm),
 *                                                checks each against its `integrity`, and packs manifest + tarballs into
 *                                                node_modules/.cache/layerlab/npm-registry.zip (what Layerlab's npm reads)
 *
 * Network is used here only, never at run time. Without network and without a cache the pack is skipped with a
 * warning (Layerlab's npm then says the registry data is missing).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, zipSync, type Zippable } from 'fflate';
import semver from 'semver';
import { NPM_REGISTRY_FILE } from '../src/node/npm-registry';
import type { RegistryManifest, RegistryVersion } from '../src/engine/runtime/packages/npm-registry/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'scripts/npm-registry');
const CACHE = join(ROOT, 'node_modules/.cache/layerlab/npm');
const REGISTRY_ZIP = NPM_REGISTRY_FILE;
const REGISTRY = 'https://registry.npmjs.org';

type FullPackument = { name: string; 'dist-tags': Record<string, string>; versions: Record<string, RegistryVersion & Record<string, unknown>> };

const packuments = new Map<string, FullPackument>();

async function packument(name: string): Promise<FullPackument> {
  const have = packuments.get(name);
  if (have) return have;
  const res = await fetch(`${REGISTRY}/${name.replace('/', '%2f')}`);
  if (!res.ok) throw new Error(`GET ${REGISTRY}/${name}: ${res.status}`);
  const doc = (await res.json()) as FullPackument;
  packuments.set(name, doc);
  return doc;
}

/** npm-pick-manifest's choice: the `latest` tag when it satisfies the range, else the highest non-deprecated match. */
export function pick(doc: Pick<FullPackument, 'dist-tags' | 'versions'>, spec: string): string | null {
  const tags = doc['dist-tags'];
  if (tags[spec]) return tags[spec];
  const range = spec === '' || spec === '*' ? '*' : spec;
  const latest = tags.latest;
  if (latest && semver.satisfies(latest, range, { loose: true })) return latest;
  const all = Object.keys(doc.versions).filter((v) => semver.satisfies(v, range, { loose: true }));
  const live = all.filter((v) => !doc.versions[v].deprecated);
  return semver.maxSatisfying(live.length ? live : all, range, { loose: true });
}

const KEEP = ['name', 'version', 'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines', 'license', 'os', 'cpu', 'funding', 'deprecated', 'hasInstallScript'] as const;

function trim(v: RegistryVersion & Record<string, unknown>): RegistryVersion {
  const out: Record<string, unknown> = {};
  for (const k of KEEP) if (v[k] !== undefined) out[k] = v[k];
  if (typeof v.license === 'object' && v.license && 'type' in v.license) out.license = (v.license as { type: string }).type;
  if (!v.license && Array.isArray(v.licenses)) out.license = (v.licenses as { type: string }[]).map((l) => l.type).join(' OR ');
  const dist = v.dist as { integrity?: string; shasum: string; tarball: string; unpackedSize?: number };
  out.dist = { integrity: dist.integrity ?? `sha1-${Buffer.from(dist.shasum, 'hex').toString('base64')}`, shasum: dist.shasum, tarball: dist.tarball, ...(dist.unpackedSize ? { unpackedSize: dist.unpackedSize } : {}) };
  return out as unknown as RegistryVersion;
}

async function update(): Promise<void> {
  const { roots } = JSON.parse(readFileSync(join(DATA, 'roots.json'), 'utf8')) as { roots: string[] };
  const featured = [...new Set(roots.map((r) => r.slice(0, r.lastIndexOf('@'))))];
  const manifest: RegistryManifest = { registry: REGISTRY, featured, packages: {} };
  const seen = new Set<string>();
  const queue: [string, string][] = roots.map((r) => {
    const at = r.lastIndexOf('@');
    return [r.slice(0, at), r.slice(at + 1)];
  });
  while (queue.length) {
    const [name, spec] = queue.shift()!;
    const key = `${name}@${spec}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = await packument(name);
    const v = pick(doc, spec);
    if (!v) throw new Error(`no version of ${name} satisfies ${spec}`);
    const entry = (manifest.packages[name] ??= { 'dist-tags': {}, versions: {} });
    if (entry.versions[v]) continue;
    const meta = trim(doc.versions[v]);
    entry.versions[v] = meta;
    for (const [tag, tv] of Object.entries(doc['dist-tags'])) if (tv === v) entry['dist-tags'][tag] = v;
    const peers = Object.entries(meta.peerDependencies ?? {}).filter(([n]) => !meta.peerDependenciesMeta?.[n]?.optional);
    for (const [dn, dr] of [...Object.entries(meta.dependencies ?? {}), ...Object.entries(meta.optionalDependencies ?? {}), ...peers]) queue.push([dn, dr]);
    process.stdout.write(`${name}@${v}\n`);
  }
  const sorted: RegistryManifest = { registry: REGISTRY, featured, packages: Object.fromEntries(Object.keys(manifest.packages).sort().map((n) => [n, manifest.packages[n]])) };
  writeFileSync(join(DATA, 'manifest.json'), JSON.stringify(sorted, null, 1) + '\n');
}

function integrityOk(data: Uint8Array, integrity: string): boolean {
  const [algo, want] = integrity.split(' ')[0].split(/-(.*)/s);
  return createHash(algo).update(data).digest('base64') === want;
}

/** Whether a version is never unpacked on Linux (an optional dependency for another OS, e.g. fsevents). */
function foreign(v: RegistryVersion): boolean {
  return Boolean(v.os && !v.os.some((o) => o === 'linux' || (o.startsWith('!') && o !== '!linux')));
}

async function pack(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as RegistryManifest;
  const files: Zippable = {};
  let tarBytes = 0;
  for (const [name, entry] of Object.entries(manifest.packages)) {
    for (const [version, meta] of Object.entries(entry.versions)) {
      if (foreign(meta)) continue;
      const cached = join(CACHE, `${name.replace('/', '+')}-${version}.tgz`);
      let data: Uint8Array | null = existsSync(cached) ? readFileSync(cached) : null;
      if (!data || !integrityOk(data, meta.dist.integrity)) {
        const res = await fetch(meta.dist.tarball);
        if (!res.ok) throw new Error(`GET ${meta.dist.tarball}: ${res.status}`);
        data = new Uint8Array(await res.arrayBuffer());
        if (!integrityOk(data, meta.dist.integrity)) throw new Error(`${name}@${version}: integrity check failed`);
        mkdirSync(CACHE, { recursive: true });
        writeFileSync(cached, data);
      }
      tarBytes += data.length;
      files[`tarballs/${name}/${version}.tgz`] = [data, { level: 0 }];
    }
  }
  files['manifest.json'] = [new TextEncoder().encode(JSON.stringify(manifest)), { level: 9 }];
  const zip = zipSync(files);
  mkdirSync(dirname(REGISTRY_ZIP), { recursive: true });
  writeFileSync(REGISTRY_ZIP, zip);
  const count = Object.values(manifest.packages).reduce((n, e) => n + Object.keys(e.versions).length, 0);
  process.stdout.write(`npm registry: ${Object.keys(manifest.packages).length} packages, ${count} versions, ${(zip.length / 1e6).toFixed(2)} MB (${(gzipSync(zip).length / 1e6).toFixed(2)} MB gzip; tarballs ${(tarBytes / 1e6).toFixed(2)} MB) -> ${REGISTRY_ZIP}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--update')) return update();
  const fresh = existsSync(REGISTRY_ZIP) && statSync(REGISTRY_ZIP).mtimeMs >= statSync(join(DATA, 'manifest.json')).mtimeMs;
  if (fresh && !process.argv.includes('--force')) return;
  try {
    await pack();
  } catch (e) {
    process.stderr.write(`warning: the offline npm registry was not packed (${e instanceof Error ? e.message : String(e)}); Layerlab's npm install will say so\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
