/**
 * The CommonJS module system of a node program: the module wrapper (simple ES module syntax is rewritten to
 * CommonJS first), `require` with Node's resolution (relative paths, extensions, package.json `main`, index files,
 * node_modules up the tree), the module cache, JSON modules, and -e/-p/stdin sources evaluated for their value.
 */
import type { ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import { decodeText, resolvePath } from '../fs-helpers';
import { inspect, type InspectOptions } from './inspect';
import { moduleNotFound, withStack, type NodeFlavour } from './node-errors';
import { esmToCjs, looksLikeEsm } from './esm';
import { BUILTINS } from './builtin-modules';
import { GLOBAL_NAMES } from './global-object';
import { looksLikeText, simulatedPackage, SHIMMED_PACKAGES } from './package-shims';

export interface Module {
  id: string;
  filename: string;
  loaded: boolean;
  exports: any;
  parent: Module | null;
  children: Module[];
  paths: string[];
  require?: (id: string) => any;
}

const WRAP_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', ...GLOBAL_NAMES];

/** The program modules run in: its context, globals, built-in and shimmed modules, and its uncaught handler. */
export interface LoaderHost {
  readonly ctx: ProgramContext;
  readonly fl: NodeFlavour;
  readonly inspectOpts: InspectOptions;
  readonly process: any;
  readonly userGlobal: any;
  builtin(name: string): any;
  shim(name: string): any;
  uncaught(e: unknown): void;
}

export class ModuleLoader {
  private cache = new Map<string, Module>();
  /** Per module: how many characters of wrapper precede the user's code on line 1. */
  private col1Offset = new Map<string, number>();

  constructor(private readonly host: LoaderHost) {}

  /** Whether a file is one of the program's own modules (its frames are shown in stacks). */
  isModuleFile(file: string): boolean {
    return this.cache.has(file);
  }

  /** The characters of wrapper before the user's code on line 1 of a module. */
  wrapperOffset(file: string): number {
    return this.col1Offset.get(file) ?? 0;
  }

  /** A line (1-based) of a loaded module's source, or null if the module or line is unknown. */
  sourceLine(file: string, line: number): string | null {
    const m = this.cache.get(file) as any;
    const src: string | undefined = m?.__source;
    if (src === undefined) return null;
    return src.split('\n')[line - 1] ?? null;
  }

  private compile(source: string, filename: string): (...args: any[]) => any {
    let src = source.replace(/^#!.*/, (m) => '//' + m.slice(2));
    if (looksLikeEsm(src)) src = esmToCjs(src);
    const head = `(function (${WRAP_PARAMS.join(', ')}) {`;
    this.col1Offset.set(filename, head.length + (src.length - source.replace(/^#!.*/, (m) => '//' + m.slice(2)).length > 0 && src.startsWith('Object.defineProperty(module.exports, "__esModule"') ? src.indexOf(';') + 2 : 0));
    try {
      return (0, eval)(`${head}${src}\n})\n//# sourceURL=${filename}`);
    } catch (e) {
      if (e instanceof SyntaxError) (e as any).__syntax = { file: filename, line: this.syntaxErrorLine(src) };
      throw e;
    }
  }

  /** The first line at which the source stops being a valid (if unfinished) program. */
  private syntaxErrorLine(src: string): number {
    const lines = src.split('\n');
    for (let i = 1; i <= lines.length; i++) {
      // A valid prefix of a function body only lacks its end: any other complaint is on line i.
      try {
        (0, eval)(`(function () {${lines.slice(0, i).join('\n')}\n`);
      } catch (e) {
        if (e instanceof SyntaxError && !/end of input|Unterminated template/.test(e.message)) return i;
      }
    }
    return lines.length;
  }

  /** The values of GLOBAL_NAMES, as the module wrapper passes them. */
  globalsFor(): any[] {
    const g = this.host.userGlobal;
    return GLOBAL_NAMES.map((n) => (n === 'global' || n === 'globalThis' ? g : Object.prototype.hasOwnProperty.call(g, n) ? g[n] : undefined));
  }

  /** Runs source as a module; returns the completion value for -e/-p (last expression via eval). */
  runSource(source: string, filename: string, isMain: boolean): unknown {
    const module: Module = { id: '.', filename, loaded: false, exports: {}, parent: null, children: [], paths: [] };
    (module as any).__source = source;
    this.cache.set(filename, module);
    const require = this.makeRequire(module);
    if (isMain) this.host.process.mainModule = module;
    const dir = filename.slice(0, filename.lastIndexOf('/')) || '/';
    try {
      if (filename.endsWith('[eval]') || filename.endsWith('[stdin]')) {
        // -e/-p: the value of the last expression is the result, like node's vm evaluation.
        const fn = (0, eval)(`(function (${WRAP_PARAMS.join(', ')}) { return eval(${JSON.stringify(source + `\n//# sourceURL=${filename}`)}); })`);
        try {
          return fn(module.exports, require, module, filename, dir, ...this.globalsFor());
        } catch (e) {
          if (e instanceof SyntaxError && !(e as any).__syntax && !/\n\s+at .*\[(eval|stdin)\]:\d+/.test(e.stack ?? '')) {
            (e as any).__syntax = { file: filename, line: this.syntaxErrorLine(source) };
          }
          throw e;
        }
      }
      const fn = this.compile(source, filename);
      fn(module.exports, require, module, filename, dir, ...this.globalsFor());
      module.loaded = true;
    } catch (e) {
      if (e instanceof ProcessExit) throw e;
      this.host.uncaught(e);
      throw new ProcessExit(1);
    }
    return undefined;
  }

  resolveFile(p: string): string | null {
    const fs = this.host.ctx.fs;
    const isFile = (x: string) => fs.stat(x)?.type === 'file';
    if (isFile(p)) return p;
    for (const ext of ['.js', '.json', '.mjs', '.cjs']) if (isFile(p + ext)) return p + ext;
    if (fs.stat(p)?.type === 'dir') {
      const pkg = fs.readFile(`${p}/package.json`);
      if (pkg) {
        try {
          const main = JSON.parse(decodeText(pkg)).main;
          if (typeof main === 'string') {
            const r = this.resolveFile(resolvePath(p, main));
            if (r) return r;
          }
        } catch {
          // fall back to index.js
        }
      }
      for (const idx of ['index.js', 'index.json']) if (isFile(`${p}/${idx}`)) return `${p}/${idx}`;
    }
    return null;
  }

  makeRequire(parent: Module): any {
    const req: any = (id: string) => this.requireFrom(id, parent.filename, parent);
    req.resolve = (id: string) => {
      if (BUILTINS.has(id.replace(/^node:/, ''))) return id;
      const r = this.resolveModule(id, parent.filename);
      if (!r) throw moduleNotFound(this.host.fl, id, [parent.filename]);
      return r.path;
    };
    req.cache = Object.fromEntries(this.cache);
    req.main = this.host.process.mainModule;
    parent.require = req;
    return req;
  }

  private resolveModule(id: string, fromFile: string): { path: string; shim?: string } | null {
    const dir = fromFile.slice(0, fromFile.lastIndexOf('/')) || '/';
    if (id.startsWith('./') || id.startsWith('../') || id.startsWith('/') || id === '.' || id === '..') {
      const p = this.resolveFile(resolvePath(dir, id));
      return p ? { path: p } : null;
    }
    const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
    let d = dir;
    for (;;) {
      const base = `${d === '/' ? '' : d}/node_modules/${name}`;
      if (this.host.ctx.fs.stat(base)?.type === 'dir') {
        if (SHIMMED_PACKAGES.has(name) && id === name) return { path: `${base}/index.js`, shim: name };
        const p = this.resolveFile(`${d === '/' ? '' : d}/node_modules/${id}`);
        if (p) return { path: p };
      }
      if (d === '/') break;
      d = d.slice(0, d.lastIndexOf('/')) || '/';
    }
    return null;
  }

  requireFrom(id: string, fromFile: string, parent: Module | null): any {
    if (typeof id !== 'string') {
      const e: any = new TypeError(`The "id" argument must be of type string. Received ${inspect(id, this.host.inspectOpts)}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const bare = id.replace(/^node:/, '');
    if (BUILTINS.has(bare) && !id.startsWith('.')) return this.host.builtin(bare);
    const r = this.resolveModule(id, fromFile);
    if (!r) {
      const stack: string[] = [];
      for (let m: Module | null = parent; m; m = m.parent) stack.push(m.filename);
      throw moduleNotFound(this.host.fl, id, stack.length ? stack : [fromFile]);
    }
    const cached = this.cache.get(r.path);
    if (cached) return cached.exports;
    if (r.shim) {
      const exp = this.host.shim(r.shim);
      this.cache.set(r.path, { id: r.path, filename: r.path, loaded: true, exports: exp, parent, children: [], paths: [] });
      return exp;
    }
    const module: Module = { id: r.path, filename: r.path, loaded: false, exports: {}, parent, children: [], paths: [] };
    parent?.children.push(module);
    this.cache.set(r.path, module);
    const src = decodeText(this.host.ctx.fs.readFile(r.path) ?? new Uint8Array());
    (module as any).__source = src;
    if (r.path.endsWith('.json')) {
      try {
        module.exports = JSON.parse(src);
      } catch (e) {
        this.cache.delete(r.path);
        throw withStack(new SyntaxError(`${r.path}: ${(e as Error).message}`), []);
      }
      module.loaded = true;
      return module.exports;
    }
    if (r.path.includes('/node_modules/') && !looksLikeText(src)) {
      // `npm install` in a Layerlab build writes placeholder package files: requiring works, using them says why not.
      const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(r.path)![1];
      module.exports = simulatedPackage(pkg);
      module.loaded = true;
      return module.exports;
    }
    const fn = this.compile(src, r.path);
    const dir = r.path.slice(0, r.path.lastIndexOf('/')) || '/';
    try {
      fn(module.exports, this.makeRequire(module), module, r.path, dir, ...this.globalsFor());
    } catch (e) {
      this.cache.delete(r.path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

}
