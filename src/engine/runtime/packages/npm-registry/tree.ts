/**
 * npm's ideal tree over the offline registry: each dependency range resolved as npm-pick-manifest does (the
 * `latest` tag when it satisfies, else the highest non-deprecated match), placed as Arborist places it (depth
 * first by location, each package at the shallowest node_modules where it does not conflict or shadow another
 * dependent's choice: a flat node_modules where possible, nested on conflict), then the dev/optional flags of
 * the lockfile.
 */
import semver from 'semver';
import type { NpmRegistry } from './registry';
import type { RegistryVersion } from './types';

export type EdgeType = 'prod' | 'dev' | 'optional' | 'peer' | 'peerOptional';

export interface Edge {
  name: string;
  spec: string;
  type: EdgeType;
}

export interface TreeNode {
  name: string;
  version: string;
  /** The lockfile key: `node_modules/a/node_modules/b`; '' for the project. */
  location: string;
  parent: TreeNode | null;
  children: Map<string, TreeNode>;
  edges: Edge[];
  meta: RegistryVersion | null;
  dev: boolean;
  optional: boolean;
  devOptional: boolean;
  /** An optional dependency for another platform (fsevents): in the lockfile, not on disk. */
  inert: boolean;
}

/** What the project's package.json declares. */
export interface RootDeps {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export type ResolveError = { code: 'E404'; name: string; spec: string } | { code: 'ETARGET'; name: string; spec: string };

export function pickVersion(reg: NpmRegistry, name: string, spec: string): string | null {
  const p = reg.packument(name);
  if (!p) return null;
  if (p['dist-tags'][spec]) return p['dist-tags'][spec];
  const range = spec === '' ? '*' : spec;
  if (!semver.validRange(range, { loose: true })) return null;
  const latest = p['dist-tags'].latest;
  if (latest && p.versions[latest] && semver.satisfies(latest, range, { loose: true })) return latest;
  const all = Object.keys(p.versions).filter((v) => semver.satisfies(v, range, { loose: true }));
  const live = all.filter((v) => !p.versions[v].deprecated);
  return semver.maxSatisfying(live.length ? live : all, range, { loose: true });
}

export function edgesOf(deps: RootDeps, top: boolean): Edge[] {
  const out = new Map<string, Edge>();
  const add = (rec: Record<string, string> | undefined, type: EdgeType) => {
    for (const [name, spec] of Object.entries(rec ?? {})) out.set(name, { name, spec, type });
  };
  const meta = deps as RegistryVersion;
  for (const [name, spec] of Object.entries(deps.peerDependencies ?? {})) out.set(name, { name, spec, type: meta.peerDependenciesMeta?.[name]?.optional ? 'peerOptional' : 'peer' });
  add(deps.dependencies, 'prod');
  add(deps.optionalDependencies, 'optional');
  if (top) add(deps.devDependencies, 'dev');
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function newNode(name: string, version: string, parent: TreeNode | null, meta: RegistryVersion | null, edges: Edge[]): TreeNode {
  const location = parent ? (parent.location ? `${parent.location}/node_modules/${name}` : `node_modules/${name}`) : '';
  const node: TreeNode = { name, version, location, parent, children: new Map(), edges, meta, dev: false, optional: false, devOptional: false, inert: false };
  parent?.children.set(name, node);
  return node;
}

/** The node `from` gets for `require(name)`: its own node_modules first, then its ancestors'. */
export function resolveFrom(from: TreeNode, name: string): TreeNode | null {
  for (let n: TreeNode | null = from; n; n = n.parent) {
    const c = n.children.get(name);
    if (c) return c;
  }
  return null;
}

function satisfies(version: string, spec: string): boolean {
  if (spec === '' || spec === '*' || spec === 'latest') return true;
  return semver.satisfies(version, spec, { loose: true });
}

/** Whether placing NAME@VERSION at `t` keeps every dependent below it (that would now see it) satisfied. */
function canShadow(t: TreeNode, name: string, version: string): boolean {
  const walk = (n: TreeNode): boolean => {
    if (n !== t && n.children.has(name)) return true;
    const e = n.edges.find((x) => x.name === name);
    if (e && resolveFrom(n, name) && !satisfies(version, e.spec)) return false;
    for (const c of n.children.values()) if (c.name !== name && !walk(c)) return false;
    return true;
  };
  return walk(t);
}

/** The shallowest node whose node_modules can hold NAME@VERSION for `from`. */
function placement(from: TreeNode, name: string, version: string): TreeNode {
  let target = from;
  for (let t: TreeNode | null = from; t; t = t.parent) {
    if (t.children.has(name)) break;
    if (!canShadow(t, name, version)) break;
    target = t;
  }
  return target;
}

function platformMismatch(meta: RegistryVersion): boolean {
  const ok = (list: string[] | undefined, v: string) => !list || list.some((o) => o === v || (o.startsWith('!') && o !== `!${v}`));
  return !ok(meta.os, 'linux') || !ok(meta.cpu, 'x64');
}

/**
 * Builds the ideal tree for a project. `locked` (location → version, from package-lock.json) is preferred where
 * it still satisfies the range, as npm keeps a lockfile's choices.
 */
export function buildIdealTree(reg: NpmRegistry, rootName: string, rootVersion: string, deps: RootDeps, locked?: Map<string, string>): { tree: TreeNode } | { error: ResolveError } {
  const root = newNode(rootName, rootVersion, null, null, edgesOf(deps, true));
  const queue: TreeNode[] = [root];
  const depth = (n: TreeNode) => (n.location ? n.location.split('/node_modules/').length : 0);
  while (queue.length) {
    queue.sort((a, b) => depth(a) - depth(b) || a.location.localeCompare(b.location, 'en'));
    const node = queue.shift()!;
    for (const edge of node.edges) {
      const have = resolveFrom(node, edge.name);
      if (have && satisfies(have.version, edge.spec)) continue;
      if (edge.type === 'peerOptional') continue;
      const lockedAt = locked?.get(node.location ? `${node.location}/node_modules/${edge.name}` : `node_modules/${edge.name}`) ?? locked?.get(`node_modules/${edge.name}`);
      const version = lockedAt && reg.version(edge.name, lockedAt) && satisfies(lockedAt, edge.spec) ? lockedAt : pickVersion(reg, edge.name, edge.spec);
      if (!version) {
        if (edge.type === 'optional') continue;
        return { error: { code: reg.packument(edge.name) ? 'ETARGET' : 'E404', name: edge.name, spec: edge.spec } };
      }
      const meta = reg.version(edge.name, version)!;
      // A peer dependency sits beside its dependent, where the dependent's own resolution finds it.
      const from = (edge.type === 'peer' && node.parent) || node;
      const child = newNode(edge.name, version, placement(from, edge.name, version), meta, edgesOf(meta, false));
      child.inert = platformMismatch(meta);
      if (!child.inert) queue.push(child);
    }
  }
  markFlags(root);
  return { tree: root };
}

/** Every node of the tree but the root, in lockfile order. */
export function nodesOf(root: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    for (const c of n.children.values()) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out.sort((a, b) => a.location.localeCompare(b.location, 'en'));
}

/** npm's dev/optional/devOptional flags: what only devDependencies (or only optional edges) lead to. */
export function markFlags(root: TreeNode): void {
  const reach = (allow: (e: Edge, from: TreeNode) => boolean): Set<TreeNode> => {
    const seen = new Set<TreeNode>();
    const visit = (n: TreeNode) => {
      for (const e of n.edges) {
        if (!allow(e, n)) continue;
        const to = resolveFrom(n, e.name);
        if (to && !seen.has(to)) {
          seen.add(to);
          visit(to);
        }
      }
    };
    visit(root);
    return seen;
  };
  const isOpt = (e: Edge) => e.type === 'optional' || e.type === 'peerOptional';
  const prod = reach((e, n) => !(n === root && e.type === 'dev') && !isOpt(e));
  const nonDev = reach((e, n) => !(n === root && e.type === 'dev'));
  const nonOpt = reach((e) => !isOpt(e));
  for (const n of nodesOf(root)) {
    n.dev = !nonDev.has(n);
    n.optional = !nonOpt.has(n);
    n.devOptional = !prod.has(n) && !n.dev && !n.optional;
  }
}
