/**
 * Node's module resolution over the container's filesystem, for `require` (CommonJS) and `import` (ES modules):
 * relative and absolute paths with Node's extension and index search (CommonJS only), `node_modules` folders up
 * the tree, scoped packages, package.json `main` (with its index.js fallback) and `exports` (a string, conditions,
 * subpaths, `*` patterns; an unexported subpath is ERR_PACKAGE_PATH_NOT_EXPORTED), package.json `imports` (`#name`
 * specifiers, private to the package), and a file's module format
 * (.mjs, .cjs, the nearest package.json `type`).
 */
import type { ProcessFs } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';

export type ModuleFormat = 'commonjs' | 'module' | 'json';

/** How a request failed to resolve: Node's code and message (without the require stack). */
export class ResolveError extends Error {
  constructor(
    readonly code: 'MODULE_NOT_FOUND' | 'ERR_MODULE_NOT_FOUND' | 'ERR_PACKAGE_PATH_NOT_EXPORTED' | 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    message: string,
  ) {
    super(message);
  }
}

const CJS_EXTENSIONS = ['.js', '.json', '.node', '.mjs', '.cjs'];

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const join = (dir: string, rest: string) => `${dir === '/' ? '' : dir}/${rest}`;

/** `node_modules` folders a module in `dir` searches, nearest first (module.paths). */
export function nodeModulePaths(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = dirOf(d)) {
    if (!d.endsWith('/node_modules')) out.push(join(d, 'node_modules'));
    if (d === '/') break;
  }
  return out;
}

export class ModuleResolver {
  private pkgCache = new Map<string, any | null>();

  constructor(private readonly fs: ProcessFs) {}

  private isFile(p: string): boolean {
    return this.fs.stat(p)?.type === 'file';
  }

  /** package.json of a folder, parsed (null if absent or unreadable). */
  packageJson(dir: string): any | null {
    if (this.pkgCache.has(dir)) return this.pkgCache.get(dir);
    const raw = this.fs.readFile(join(dir, 'package.json'));
    let pkg: any = null;
    if (raw) {
      try {
        pkg = JSON.parse(decodeText(raw));
      } catch {
        pkg = null;
      }
    }
    this.pkgCache.set(dir, pkg);
    return pkg;
  }

  /** The format Node gives a file: by extension, else by the nearest package.json's `type`. */
  formatOf(file: string): ModuleFormat {
    if (file.endsWith('.json')) return 'json';
    if (file.endsWith('.mjs')) return 'module';
    if (file.endsWith('.cjs')) return 'commonjs';
    for (let d = dirOf(file); ; d = dirOf(d)) {
      if (this.fs.stat(join(d, 'package.json'))?.type === 'file') return this.packageJson(d)?.type === 'module' ? 'module' : 'commonjs';
      if (d === '/' || d.endsWith('/node_modules')) return 'commonjs';
    }
  }

  /** CommonJS file lookup: the path, the path plus an extension, then a directory's main or index. */
  private loadAsFileOrDir(p: string): string | null {
    if (this.isFile(p)) return p;
    for (const ext of CJS_EXTENSIONS) if (this.isFile(p + ext)) return p + ext;
    if (this.fs.stat(p)?.type !== 'dir') return null;
    return this.loadAsDirectory(p);
  }

  private loadAsDirectory(p: string): string | null {
    const main = this.packageJson(p)?.main;
    if (typeof main === 'string' && main) {
      const m = resolvePath(p, main);
      if (this.isFile(m)) return m;
      for (const ext of CJS_EXTENSIONS) if (this.isFile(m + ext)) return m + ext;
      for (const idx of ['index.js', 'index.json', 'index.node']) if (this.isFile(join(m, idx))) return join(m, idx);
    }
    for (const idx of ['index.js', 'index.json', 'index.node']) if (this.isFile(join(p, idx))) return join(p, idx);
    return null;
  }

  /** A file path as `node FILE` resolves it (the main module). */
  resolveMain(path: string): string | null {
    return this.loadAsFileOrDir(path);
  }

  /**
   * Resolves `request` made from a module in `fromDir`. `esm`: as `import` does (conditions import/node/default,
   * exact relative paths); else as `require`. Throws ResolveError. Built-in names are not handled here.
   */
  resolve(request: string, fromDir: string, esm: boolean): string {
    const notFound = () =>
      esm ? new ResolveError('ERR_MODULE_NOT_FOUND', `Cannot find module '${resolvePath(fromDir, request)}'`) : new ResolveError('MODULE_NOT_FOUND', `Cannot find module '${request}'`);
    if (request.startsWith('file://')) request = decodeURIComponent(request.slice(7));
    if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) {
      const p = resolvePath(fromDir, request);
      if (esm) {
        if (this.isFile(p)) return p;
        throw notFound();
      }
      const r = request.endsWith('/') ? (this.fs.stat(p)?.type === 'dir' ? this.loadAsDirectory(p) : null) : this.loadAsFileOrDir(p);
      if (r) return r;
      throw notFound();
    }
    if (request.startsWith('#')) return this.resolveImports(request, fromDir, esm);
    const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(request);
    if (!m) throw notFound();
    const [, name, sub = ''] = m;
    for (const nm of nodeModulePaths(fromDir)) {
      const dir = join(nm, name);
      if (this.fs.stat(dir)?.type !== 'dir') continue;
      const pkg = this.packageJson(dir);
      if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
        const target = this.resolveExports(dir, pkg.exports, `.${sub}`, esm ? ['node', 'import', 'default'] : ['node', 'require', 'default']);
        if (target && this.isFile(target)) return target;
        if (target) throw notFound();
        throw new ResolveError('ERR_PACKAGE_PATH_NOT_EXPORTED', sub ? `Package subpath '.${sub}' is not defined by "exports" in ${join(dir, 'package.json')}` : `No "exports" main defined in ${join(dir, 'package.json')}`);
      }
      const r = sub ? this.loadAsFileOrDir(dir + sub) : this.loadAsDirectory(dir);
      if (r) return r;
      if (esm && !sub) throw new ResolveError('ERR_MODULE_NOT_FOUND', `Cannot find package '${dir}' imported from ${fromDir}`);
    }
    if (esm) throw new ResolveError('ERR_MODULE_NOT_FOUND', `Cannot find package '${name}' imported from ${fromDir}`);
    throw notFound();
  }

  /** A `#name` specifier through the `imports` of the nearest package.json: a file of the package, or a package. */
  private resolveImports(request: string, fromDir: string, esm: boolean): string {
    let dir = fromDir;
    while (this.fs.stat(join(dir, 'package.json'))?.type !== 'file' && dir !== '/') dir = dirOf(dir);
    const pkg = this.packageJson(dir);
    const map = pkg?.imports;
    const conditions = esm ? ['node', 'import', 'default'] : ['node', 'require', 'default'];
    const target = map && typeof map === 'object' && !Array.isArray(map) ? this.resolveSubpath(dir, map, request, conditions, true) : null;
    if (target === null) {
      const where = pkg ? ` in package ${join(dir, 'package.json')}` : '';
      throw new ResolveError('ERR_PACKAGE_IMPORT_NOT_DEFINED', `Package import specifier "${request}" is not defined${where}`);
    }
    if (target.startsWith('/')) {
      if (this.isFile(target)) return target;
      throw esm ? new ResolveError('ERR_MODULE_NOT_FOUND', `Cannot find module '${target}'`) : new ResolveError('MODULE_NOT_FOUND', `Cannot find module '${target}'`);
    }
    return this.resolve(target, dir, esm);
  }

  /** package.json `exports` for a subpath ('.' or './x'): the target file, or null when not exported. */
  private resolveExports(dir: string, exports: any, subpath: string, conditions: string[]): string | null {
    const isConditions = (o: any) => o && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).every((k) => !k.startsWith('.'));
    let map: Record<string, any>;
    if (typeof exports === 'string' || Array.isArray(exports) || isConditions(exports)) map = { '.': exports };
    else map = exports;
    return this.resolveSubpath(dir, map, subpath, conditions, false);
  }

  /** An `exports` or `imports` map entry for a key, exact or by `*` pattern; `imports` targets may name packages. */
  private resolveSubpath(dir: string, map: Record<string, any>, subpath: string, conditions: string[], bare: boolean): string | null {
    if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) return this.target(dir, map[subpath], '', conditions, bare);
    let best: { key: string; match: string } | null = null;
    for (const key of Object.keys(map)) {
      const star = key.indexOf('*');
      if (star < 0) continue;
      const pre = key.slice(0, star);
      const post = key.slice(star + 1);
      if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
        if (!best || pre.length > best.key.indexOf('*')) best = { key, match: subpath.slice(pre.length, subpath.length - post.length) };
      }
    }
    return best ? this.target(dir, map[best.key], best.match, conditions, bare) : null;
  }

  private target(dir: string, t: any, match: string, conditions: string[], bare: boolean): string | null {
    if (typeof t === 'string') {
      if (t.startsWith('./')) return resolvePath(dir, t.replace(/\*/g, match));
      return bare && !t.startsWith('.') && !t.startsWith('/') ? t.replace(/\*/g, match) : null;
    }
    if (Array.isArray(t)) {
      for (const x of t) {
        const r = this.target(dir, x, match, conditions, bare);
        if (r) return r;
      }
      return null;
    }
    if (t && typeof t === 'object') {
      for (const [cond, v] of Object.entries(t)) {
        if (!conditions.includes(cond)) continue;
        const r = this.target(dir, v, match, conditions, bare);
        if (r) return r;
      }
    }
    return null;
  }
}
