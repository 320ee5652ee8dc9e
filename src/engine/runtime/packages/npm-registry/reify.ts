/**
 * Makes node_modules match an ideal tree, as npm's reify step does: the published files of each package that is
 * new or changed (unpacked from its tarball, one package at a time), packages no longer in the tree removed,
 * `node_modules/.bin` links to the packages' commands, and node_modules/.package-lock.json.
 */
import type { PkgCtx } from '../context';
import { binsOf, lockfileOf } from './lockfile';
import type { NpmRegistry } from './registry';
import { nodesOf, type TreeNode } from './tree';

export interface ReifyResult {
  added: number;
  removed: number;
  changed: number;
  /** Bytes of package files written. */
  bytes: number;
  /** Packages (name@version) whose manifest asks for funding: npm's "looking for funding" count. */
  funding: number;
  /** Packages on disk afterwards. */
  total: number;
}

const join = (dir: string, rel: string) => (rel ? (dir === '/' ? `/${rel}` : `${dir}/${rel}`) : dir);

/** Location → version of what node_modules holds, from its hidden lockfile. */
export function actualTree(p: PkgCtx, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const doc = JSON.parse(p.read(join(dir, 'node_modules/.package-lock.json')) ?? '{}') as { packages?: Record<string, { version?: string }> };
    for (const [loc, e] of Object.entries(doc.packages ?? {})) if (loc && typeof e?.version === 'string' && p.exists(join(dir, `${loc}/package.json`))) out.set(loc, e.version);
  } catch {
    // an unreadable hidden lockfile: npm reads node_modules itself; here everything is written again
  }
  return out;
}

/** Writes NAME@VERSION's files into `pdir`; returns the bytes written, or null when the registry lacks the tarball. */
function unpack(p: PkgCtx, reg: NpmRegistry, node: TreeNode, pdir: string): number | null {
  const files = reg.files(node.name, node.version);
  if (!files) return null;
  let bytes = 0;
  p.mkdirp(pdir);
  for (const f of files) {
    const path = join(pdir, f.path);
    if (f.type === 'dir') p.mkdirp(path);
    else if (f.type === 'symlink') p.fs.symlink?.(f.target ?? '', path);
    else {
      p.writeBytes(path, f.data ?? new Uint8Array(0), f.mode);
      bytes += f.data?.length ?? 0;
    }
  }
  return bytes;
}

function linkBins(p: PkgCtx, dir: string, node: TreeNode): void {
  const bins = binsOf(node.name, node.meta?.bin);
  const parentNm = join(dir, node.parent?.location ? `${node.parent.location}/node_modules` : 'node_modules');
  for (const [cmd, rel] of Object.entries(bins)) {
    const link = `${parentNm}/.bin/${cmd}`;
    const target = join(dir, `${node.location}/${rel}`);
    if (!p.exists(target)) continue;
    p.mkdirp(`${parentNm}/.bin`);
    if (p.fs.lstat?.(link)) p.fs.rm(link);
    p.fs.symlink?.(`../${node.name}/${rel}`, link);
    p.fs.chmod?.(target, 0o755);
  }
}

/** Virtual time fetching and unpacking one package takes. */
export const unpackMs = (bytes: number) => 40 + bytes / 4000;

/**
 * `omitDev`: leave out what only devDependencies need (`--omit=dev`, NODE_ENV=production); the lockfile keeps it.
 * Virtual time passes after each package (`p.spend`), so a big tree is many short slices of work, not one long one.
 */
/** Removes the `.bin` links of the package installed at `loc` (read from its package.json). */
function unlinkBins(p: PkgCtx, dir: string, loc: string): void {
  let manifest: { name?: string; bin?: unknown } = {};
  try {
    manifest = JSON.parse(p.read(join(dir, `${loc}/package.json`)) ?? '{}') as typeof manifest;
  } catch {
    return;
  }
  const binDir = join(dir, `${loc.slice(0, loc.lastIndexOf('node_modules/') + 'node_modules'.length)}/.bin`);
  for (const cmd of Object.keys(binsOf(manifest.name ?? '', manifest.bin))) if (p.fs.lstat?.(`${binDir}/${cmd}`)) p.fs.rm(`${binDir}/${cmd}`);
}

export async function reify(p: PkgCtx, reg: NpmRegistry, dir: string, tree: TreeNode, pkg: Record<string, unknown>, name: string, omitDev: boolean): Promise<ReifyResult | { missing: TreeNode }> {
  const actual = actualTree(p, dir);
  const skip = (n: TreeNode) => n.inert || (omitDev && n.dev);
  const ideal = nodesOf(tree).filter((n) => !skip(n));
  const r: ReifyResult = { added: 0, removed: 0, changed: 0, bytes: 0, funding: 0, total: ideal.length };
  const keep = new Set(ideal.map((n) => n.location));
  // Removed first, deepest last-in-first-out, so a nested package goes before its parent's directory.
  for (const loc of [...actual.keys()].sort().reverse()) {
    if (keep.has(loc)) continue;
    unlinkBins(p, dir, loc);
    p.rmrf(join(dir, loc));
    r.removed++;
  }
  // A package written again takes its nested node_modules with it: those are written again too (not counted).
  const rewritten: string[] = [];
  for (const n of ideal) {
    const have = actual.get(n.location);
    const under = rewritten.some((d) => n.location.startsWith(`${d}/`));
    if (have === n.version && !under) continue;
    const pdir = join(dir, n.location);
    if (p.exists(pdir)) p.rmrf(pdir);
    const bytes = unpack(p, reg, n, pdir);
    if (bytes === null) return { missing: n };
    rewritten.push(n.location);
    r.bytes += bytes;
    await p.spend(unpackMs(bytes));
    if (have === n.version) continue;
    if (have !== undefined) r.changed++;
    else r.added++;
  }
  for (const n of ideal) linkBins(p, dir, n);
  const funded = new Set<string>();
  for (const n of ideal) if (n.meta?.funding) funded.add(`${n.name}@${n.version}`);
  r.funding = funded.size;
  const hidden = join(dir, 'node_modules/.package-lock.json');
  if (ideal.length) p.write(hidden, lockfileOf(tree, pkg, name, { hidden: true, skip }));
  else if (p.exists(hidden)) p.rmrf(hidden);
  return r;
}
