/**
 * `npm install` / `npm i` / `npm add` / `npm ci` / `npm install -g` over the offline registry: the ideal tree
 * (npm-registry/tree.ts), the real package files written into node_modules (npm-registry/reify.ts), package.json
 * and package-lock.json saved as npm saves them, the project's install scripts, and npm 10's summary. The
 * registry has no audit endpoint, so the summary is the one npm prints when the audit request fails (no
 * "audited" count, no vulnerability line). Times are virtual.
 */
import semver from 'semver';
import type { PkgCtx } from './context';
import { binsOf as binsOfMeta, lockedVersions, lockfileOf } from './npm-registry/lockfile';
import { reify, unpackMs, type ReifyResult } from './npm-registry/reify';
import type { NpmRegistry } from './npm-registry/registry';
import { npmRegistry } from './npm-registry/source';
import { engineWarnings } from './npm-engines';
import { nodeFlavour } from '../nodejs/node-program';
import { buildIdealTree, nodesOf, pickVersion, type ResolveError, type RootDeps } from './npm-registry/tree';

export interface NpmInfo {
  version: string;
  major: number;
  /** "npm error" (npm 9+) or "npm ERR!". */
  e: string;
}

export interface NpmHelpers {
  logLine(): string;
  enoent(dir: string): number;
  runScript(name: string): Promise<number>;
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

const CI_USAGE = [
  'Clean install a project',
  '',
  'Usage:',
  'npm ci',
  '',
  'Options:',
  '[--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]',
  '[--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]',
  '[--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]',
  '[--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]',
  '[--no-bin-links] [--no-fund] [--dry-run]',
  '[-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]',
  '[-ws|--workspaces] [--include-workspace-root] [--install-links]',
  '',
  'aliases: clean-install, ic, install-clean, isntall-clean',
  '',
  'Run "npm help ci" for more info',
];

function errLines(e: string, lines: string[]): string {
  return lines.map((l) => (l ? `${e} ${l}\n` : `${e}\n`)).join('');
}

/** `name@spec` of a command line (`@scope/name@spec` too); no spec is npm's `*` (the latest tag). */
export function parseSpec(arg: string): { name: string; spec: string } {
  const at = arg.indexOf('@', arg.startsWith('@') ? 1 : 0);
  return at > 0 ? { name: arg.slice(0, at), spec: arg.slice(at + 1) || '*' } : { name: arg, spec: '*' };
}

/** What npm saves in package.json for an installed spec: `^version`, unless the range asked for is narrower. */
export function savedRange(spec: string, version: string): string {
  const prefixed = `^${version}`;
  const isRange = !semver.valid(spec) && semver.validRange(spec, { loose: true }) !== null;
  if (!isRange || spec === '*' || spec === '' || semver.subset(prefixed, spec, { loose: true })) return prefixed;
  return spec;
}

/** npm's `ms()` of a duration. */
export function npmDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  return `${Math.round(ms / 60_000)}m`;
}

/** Virtual time reading the registry's metadata for a tree takes (then each package's download, see reify). */
const resolveMs = (packages: number) => 300 + 5 * packages;

/** npm's summary after reify (reify-output.js without an audit report). */
export function summary(r: Pick<ReifyResult, 'added' | 'removed' | 'changed' | 'funding'>, took: string): string {
  const { added, removed, changed } = r;
  const s = (n: number) => (n === 1 ? '' : 's');
  let msg = '\n';
  if (!added && !removed && !changed) msg += 'up to date';
  else {
    if (added) msg += `added ${added} package${s(added)}`;
    if (removed) msg += `${added ? ', ' : ''}${added && !changed ? 'and ' : ''}removed ${removed} package${s(removed)}`;
    if (changed) msg += `${added || removed ? ', ' : ''}${added || removed ? 'and ' : ''}changed ${changed} package${s(changed)}`;
  }
  msg += ` in ${took}\n`;
  if (r.funding) msg += `\n${r.funding} package${s(r.funding)} ${r.funding === 1 ? 'is' : 'are'} looking for funding\n  run \`npm fund\` for details\n`;
  return msg;
}

function registryMissing(p: PkgCtx, n: NpmInfo): number {
  p.err(`${n.e} code ENOTCACHED\n${n.e} Layerlab's offline npm registry is not loaded here (its data is packed by \`npm run pack:npm-registry\` when Layerlab is built), so nothing can be installed.\n`);
  return 1;
}

function resolveError(p: PkgCtx, n: NpmInfo, reg: NpmRegistry, err: ResolveError, h: NpmHelpers): number {
  const e = n.e;
  const offered = `${reg.manifest.featured.slice(0, 12).join(', ')}, ...`;
  if (err.code === 'E404') {
    // registry.npmjs.org answers a missing name with {"error":"Not found"}, which npm appends to the GET line.
    p.err(errLines(e, ['code E404', `404 Not Found - GET ${reg.url}/${err.name.replace('/', '%2f')} - Not found`, '404', `404  '${err.name}@${err.spec}' is not in this registry.`, '404', '404 Note that you can also install from a', '404 tarball, folder, http url, or git url.']));
    p.err(`${e} Layerlab: the offline registry has ${reg.names().length} packages, those beginners' tutorials install (${offered}) and their dependencies; ${err.name} is not one of them.\n`);
  } else {
    const versions = Object.keys(reg.packument(err.name)?.versions ?? {}).join(', ');
    p.err(errLines(e, ['code ETARGET', `notarget No matching version found for ${err.name}@${err.spec}.`, 'notarget In most cases you or one of your dependencies are requesting', "notarget a package version that doesn't exist."]));
    p.err(`${e} Layerlab: the offline registry has ${err.name} ${versions}.\n`);
  }
  p.err(h.logLine());
  return 1;
}

/** package.json text as npm saves it: the file's own indent and newline kept. */
function saveJson(original: string | null, value: unknown): string {
  const m = original === null ? null : /^\s*[{[]((?:\r?\n)+)([\s\t]*)/.exec(original);
  const newline = original === null ? '\n' : (m?.[1] ?? '');
  const indent = original === null ? '  ' : (m?.[2] ?? '');
  const text = JSON.stringify(value, null, indent) + newline;
  return newline && newline !== '\n' ? text.replace(/\n/g, newline) : text;
}

export async function npmInstall(p: PkgCtx, n: NpmInfo, sub: string, operands: string[], flags: { prod: boolean; noSave: boolean; ignoreScripts: boolean }, h: NpmHelpers): Promise<number> {
  const dir = p.cwd;
  const e = n.e;
  const pkgPath = join(dir, 'package.json');
  const pkgText = p.read(pkgPath);
  let pkg: Record<string, unknown> | null = null;
  if (pkgText !== null) {
    try {
      const v = JSON.parse(pkgText) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      pkg = v as Record<string, unknown>;
    } catch {
      p.err(`${e} code EJSONPARSE\n${e} JSON.parse Invalid package.json: JSONParseError: Unexpected token in JSON\n`);
      return 1;
    }
  }
  const ci = sub === 'ci' || sub === 'clean-install' || sub === 'ic';
  const lockPath = join(dir, 'package-lock.json');
  const lockText = p.read(lockPath) ?? p.read(join(dir, 'npm-shrinkwrap.json'));
  const locked = lockedVersions(lockText);
  if (ci) {
    if (!pkg) return h.enoent(dir);
    if (!locked) {
      p.err(errLines(e, ['code EUSAGE', '', ...'The `npm ci` command can only install with an existing package-lock.json or\nnpm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nlater to generate a package-lock.json file, then try again.'.split('\n'), '', ...CI_USAGE]));
      p.err(h.logLine());
      return 1;
    }
  }
  if (!pkg && !operands.length) return h.enoent(dir);
  const project: Record<string, unknown> = pkg ?? {};
  const name = typeof project.name === 'string' ? project.name : dir.split('/').pop() || 'root';
  const version = typeof project.version === 'string' ? project.version : '';
  const deps: RootDeps = {
    dependencies: { ...((project.dependencies as Record<string, string>) ?? {}) },
    devDependencies: { ...((project.devDependencies as Record<string, string>) ?? {}) },
    optionalDependencies: (project.optionalDependencies as Record<string, string>) ?? {},
    peerDependencies: (project.peerDependencies as Record<string, string>) ?? {},
  };
  const explicit = operands.map(parseSpec);
  for (const x of explicit) {
    delete deps.devDependencies![x.name];
    deps.dependencies![x.name] = x.spec;
  }
  const wanted = Object.keys({ ...deps.dependencies, ...deps.devDependencies, ...deps.optionalDependencies }).length;
  const reg = npmRegistry();
  if (!reg && wanted) return registryMissing(p, n);
  const built = reg ? buildIdealTree(reg, name, version, deps, locked?.versions) : null;
  if (built && 'error' in built) return resolveError(p, n, reg!, built.error, h);
  const tree = built?.tree;
  const engineText = tree ? engineWarnings(nodesOf(tree), nodeFlavour(p.vars).version, n.version, n.e === 'npm ERR!' ? 'npm WARN' : 'npm warn') : '';
  if (engineText) p.err(engineText);
  if (ci && tree && locked) {
    const errors = nodesOf(tree)
      .filter((x) => locked.versions.get(x.location) !== x.version)
      .map((x) => (locked.versions.has(x.location) ? `Invalid: lock file's ${x.name}@${locked.versions.get(x.location)} does not satisfy ${x.name}@${x.version}` : `Missing: ${x.name}@${x.version} from lock file`));
    if (errors.length) {
      const msg = '`npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.';
      p.err(errLines(e, ['code EUSAGE', '', msg, '', ...errors, '', ...CI_USAGE]));
      p.err(h.logLine());
      return 1;
    }
    p.rmrf(join(dir, 'node_modules'));
  }
  // Saved ranges of the packages named on the command line.
  const saved = { ...project };
  if (explicit.length && tree && !flags.noSave) {
    const dependencies = { ...((project.dependencies as Record<string, string>) ?? {}) };
    const devDependencies = { ...((project.devDependencies as Record<string, string>) ?? {}) };
    for (const x of explicit) {
      delete devDependencies[x.name];
      dependencies[x.name] = savedRange(x.spec, tree.children.get(x.name)?.version ?? pickVersion(reg!, x.name, x.spec) ?? x.spec);
    }
    saved.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b, 'en')));
    if (project.devDependencies) saved.devDependencies = devDependencies;
  }
  const result: ReifyResult = { added: 0, removed: 0, changed: 0, bytes: 0, funding: 0, total: 0 };
  if (tree && reg) {
    await p.spend(resolveMs(nodesOf(tree).length));
    const r = await reify(p, reg, dir, tree, saved, name, flags.prod);
    if ('missing' in r) return registryMissing(p, n);
    Object.assign(result, r);
  } else await p.spend(resolveMs(0));
  if (explicit.length && !flags.noSave) p.write(pkgPath, saveJson(pkgText, saved));
  if (!ci && tree && !flags.noSave) p.write(lockPath, lockfileOf(tree, saved, name));
  if (!flags.ignoreScripts) {
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) {
      if (!(saved.scripts as Record<string, string> | undefined)?.[s]) continue;
      const code = await h.runScript(s);
      if (code !== 0) return code;
    }
  }
  const cache = p.uid === 0 ? '/root/.npm/_cacache' : join(p.vars.HOME ?? '/home/node', '.npm/_cacache');
  p.mkdirp(cache);
  p.out(summary(result, npmDuration(p.elapsed())));
  return 0;
}

/** `npm install -g NAME...`: each package in the prefix's lib/node_modules with its own tree, its commands in bin. */
export async function npmInstallGlobal(p: PkgCtx, n: NpmInfo, names: string[], h: NpmHelpers): Promise<number> {
  const prefix = p.vars.NPM_CONFIG_PREFIX || '/usr/local';
  const lib = `${prefix}/lib/node_modules`;
  if (p.uid !== 0 && !p.vars.NPM_CONFIG_PREFIX) {
    const first = parseSpec(names[0]).name;
    p.err(errLines(n.e, ['code EACCES', 'syscall mkdir', `path ${lib}/${first}`, 'errno -13', `Error: EACCES: permission denied, mkdir '${lib}/${first}'`]));
    return 243;
  }
  const reg = npmRegistry();
  if (!reg) return registryMissing(p, n);
  const total: ReifyResult = { added: 0, removed: 0, changed: 0, bytes: 0, funding: 0, total: 0 };
  for (const arg of names) {
    const { name, spec } = parseSpec(arg);
    const version = pickVersion(reg, name, spec);
    if (!version) return resolveError(p, n, reg, { code: reg.packument(name) ? 'ETARGET' : 'E404', name, spec }, h);
    const meta = reg.version(name, version)!;
    // The package is the root of its own tree: its files at lib/node_modules/NAME, its dependencies below.
    const pdir = `${lib}/${name}`;
    p.rmrf(pdir);
    const built = buildIdealTree(reg, name, version, { dependencies: meta.dependencies, optionalDependencies: meta.optionalDependencies, peerDependencies: meta.peerDependencies });
    if ('error' in built) return resolveError(p, n, reg, built.error, h);
    const files = reg.files(name, version);
    if (!files) return registryMissing(p, n);
    await p.spend(resolveMs(nodesOf(built.tree).length));
    let own = 0;
    for (const f of files) {
      if (f.type === 'dir') p.mkdirp(`${pdir}/${f.path}`);
      else if (f.type === 'file') own += (p.writeBytes(`${pdir}/${f.path}`, f.data ?? new Uint8Array(0), f.mode), f.data?.length ?? 0);
    }
    total.bytes += own;
    await p.spend(unpackMs(own));
    const r = await reify(p, reg, pdir, built.tree, meta as unknown as Record<string, unknown>, name, false);
    if ('missing' in r) return registryMissing(p, n);
    p.rmrf(`${pdir}/node_modules/.package-lock.json`);
    total.added += r.added + 1;
    total.bytes += r.bytes;
    total.funding += r.funding + (meta.funding ? 1 : 0);
    total.total += r.total + 1;
    for (const [cmd, rel] of Object.entries(binsOfMeta(name, meta.bin))) {
      const link = `${prefix}/bin/${cmd}`;
      p.mkdirp(`${prefix}/bin`);
      if (p.fs.lstat?.(link)) p.fs.rm(link);
      p.fs.symlink?.(`../lib/node_modules/${name}/${rel}`, link);
      p.fs.chmod?.(`${pdir}/${rel}`, 0o755);
    }
  }
  p.out(summary(total, npmDuration(p.elapsed())));
  return 0;
}
