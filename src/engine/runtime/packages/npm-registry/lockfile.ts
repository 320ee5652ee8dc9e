/**
 * package-lock.json (lockfileVersion 3) and node_modules/.package-lock.json as npm 7+ writes them: each package's
 * metadata from its manifest, its `resolved` URL and `integrity`, the dev/optional flags, keys in npm's order.
 */
import { nodesOf, type TreeNode } from './tree';

/** The manifest fields a lockfile entry copies, in npm's order (metadata of the node comes after). */
const PKG_META_KEYS = ['version', 'dependencies', 'peerDependencies', 'peerDependenciesMeta', 'optionalDependencies', 'funding', 'engines', 'os', 'cpu', 'integrity', 'license', 'hasInstallScript', 'bin', 'deprecated'] as const;

/** Keys that come first, in this order, in every object of a lockfile. */
const KEY_ORDER = ['name', 'version', 'lockfileVersion', 'resolved', 'integrity', 'requires', 'packages', 'dependencies'];

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function keyCompare(a: string, b: string): number {
  const ia = KEY_ORDER.indexOf(a);
  const ib = KEY_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a.localeCompare(b, 'en');
}

/** JSON with npm's key order: scalars and arrays before objects, the preferred keys first, then by name. */
export function lockfileJson(data: unknown, indent: string | number = 2): string {
  const sort = (_k: string, v: unknown) => {
    if (!isObj(v)) return v;
    const entries = Object.entries(v).sort(([ak, av], [bk, bv]) => (isObj(av) === isObj(bv) ? keyCompare(ak, bk) : isObj(av) ? 1 : -1));
    return Object.fromEntries(entries);
  };
  return JSON.stringify(data, sort, indent) + '\n';
}

function nonEmpty(v: unknown): boolean {
  return Boolean(v) && (!isObj(v) || Object.keys(v).length > 0);
}

/** What npm's manifest normalisation makes of `bin` (a string names the package's one command; paths lose `./`). */
export function binsOf(name: string, bin: unknown): Record<string, string> {
  const raw = typeof bin === 'string' ? { [name.replace(/^@[^/]+\//, '')]: bin } : isObj(bin) ? bin : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k.replace(/^.*\//, '')] = v.replace(/^(\.\/)+/, '').replace(/\/\.\//g, '/');
  return out;
}

function normalized(node: TreeNode): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...(node.meta as unknown as Record<string, unknown>) };
  if (typeof meta.funding === 'string') meta.funding = { url: meta.funding };
  if (meta.bin !== undefined) meta.bin = binsOf(node.name, meta.bin);
  return meta;
}

function entryOf(node: TreeNode): Record<string, unknown> {
  const meta = normalized(node);
  const out: Record<string, unknown> = {};
  for (const key of PKG_META_KEYS) {
    const v = key === 'integrity' ? node.meta?.dist.integrity : meta[key];
    if (nonEmpty(v)) out[key] = v;
  }
  if (node.meta) out.resolved = node.meta.dist.tarball;
  if (node.dev) out.dev = true;
  if (node.optional) out.optional = true;
  if (node.devOptional) out.devOptional = true;
  return out;
}

/** The root's entry: the project's package.json fields npm keeps. */
function rootEntry(pkg: Record<string, unknown>, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = { name };
  for (const key of PKG_META_KEYS) if (key !== 'integrity' && nonEmpty(pkg[key])) out[key] = pkg[key];
  if (nonEmpty(pkg.devDependencies)) out.devDependencies = pkg.devDependencies;
  return out;
}

/** package-lock.json, or with `hidden` node_modules/.package-lock.json (no root entry, only what is on disk). */
export function lockfileOf(tree: TreeNode, pkg: Record<string, unknown>, name: string, opts: { hidden?: boolean; indent?: string | number; skip?: (n: TreeNode) => boolean } = {}): string {
  const packages: Record<string, unknown> = {};
  if (!opts.hidden) packages[''] = rootEntry(pkg, name);
  for (const n of nodesOf(tree)) if (!(opts.hidden && (n.inert || opts.skip?.(n)))) packages[n.location] = entryOf(n);
  const doc: Record<string, unknown> = { name, ...(pkg.version ? { version: pkg.version } : {}), lockfileVersion: 3, requires: true, packages };
  return lockfileJson(doc, opts.indent ?? 2);
}

/** Location → version of a lockfile's packages (null when it is not a lockfile npm 7+ can read). */
export function lockedVersions(text: string | null): { versions: Map<string, string>; root: Record<string, unknown> } | null {
  if (text === null) return null;
  try {
    const doc = JSON.parse(text) as { lockfileVersion?: number; packages?: Record<string, { version?: string }> };
    if (!isObj(doc) || !doc.lockfileVersion || !isObj(doc.packages)) return null;
    const versions = new Map<string, string>();
    for (const [loc, e] of Object.entries(doc.packages)) if (loc && isObj(e) && typeof e.version === 'string') versions.set(loc, e.version);
    return { versions, root: (doc.packages[''] ?? {}) as Record<string, unknown> };
  } catch {
    return null;
  }
}
