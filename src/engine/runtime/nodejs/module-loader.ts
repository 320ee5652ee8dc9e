/**
 * The module system of a node program: CommonJS (the module wrapper, `require` with Node's resolution from
 * module-resolution.ts, `require.cache`, circular requires, JSON modules) and ES modules (.mjs, `type: module`,
 * or ES syntax in a .js file), linked and evaluated by esm-linker.ts; `import()` from both, the `module` built-in
 * (createRequire), and -e/-p/stdin sources evaluated for their value.
 */
import type { ProgramContext } from '../kernel';
import { ProcessExit } from '../kernel';
import { decodeText } from '../fs-helpers';
import { inspect, type InspectOptions } from './inspect';
import { internalError, moduleNotFound, withHeader, withStack, type NodeFlavour } from './node-errors';
import { ESM_PARAM, looksLikeEsm, rewriteDynamicImport } from './esm';
import { EsmLinker } from './esm-linker';
import { BUILTINS } from './builtin-modules';
import { GLOBAL_NAMES } from './global-object';
import { looksLikeText, simulatedPackage, SHIMMED_PACKAGES } from './package-shims';
import { registerModuleFrames } from './stack-format';
import { ModuleResolver, nodeModulePaths, ResolveError, type ModuleFormat } from './module-resolution';

/** A module as programs see it (`module`, `require.cache[...]`), shaped like Node's. */
export class Module {
  exports: any = {};
  filename: string;
  loaded = false;
  children: Module[] = [];
  paths: string[];
  path: string;
  require!: (id: string) => any;
  constructor(
    public id: string,
    filename: string,
    public parent: Module | null | undefined,
  ) {
    this.filename = filename;
    this.path = filename.slice(0, filename.lastIndexOf('/')) || '/';
    this.paths = nodeModulePaths(this.path);
  }
}

const ESM_NOT_FOUND_FRAMES = [
  'finalizeResolution (node:internal/modules/esm/resolve:283:11)',
  'moduleResolve (node:internal/modules/esm/resolve:952:10)',
  'defaultResolve (node:internal/modules/esm/resolve:1188:11)',
  'ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)',
  '#cachedDefaultResolve (node:internal/modules/esm/loader:657:25)',
  'ModuleLoader.resolve (node:internal/modules/esm/loader:640:38)',
  'ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:264:38)',
  'ModuleJob._link (node:internal/modules/esm/module_job:168:49)',
];

const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', ESM_PARAM];

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

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

export class ModuleLoader {
  /** `require.cache`: deleting an entry makes the next require load the file again. */
  readonly cache: Record<string, Module> = Object.create(null);
  private sources = new Map<string, string>();
  readonly resolver: ModuleResolver;
  private moduleBuiltin: any = null;
  private readonly esm: EsmLinker;

  constructor(private readonly host: LoaderHost) {
    this.resolver = new ModuleResolver(host.ctx.fs);
    const read = (file: string) => decodeText(host.ctx.fs.readFile(file) ?? new Uint8Array());
    this.esm = new EsmLinker({
      read,
      resolve: (spec, from) => this.resolveOrThrow(spec, from, null, true),
      isBuiltin: (spec) => this.isBuiltin(spec),
      builtin: (spec) => this.builtin(spec),
      isEsm: (file) => this.resolver.formatOf(file) === 'module' || (!file.endsWith('.json') && this.isEsm(file, read(file))),
      resolveCjs: (spec, from) => {
        try {
          return this.isBuiltin(spec) ? null : this.resolver.resolve(spec, dirOf(from), false);
        } catch {
          return null;
        }
      },
      requireFile: (file) => this.requireFrom(file, file, null),
      compile: (code, file, url, col1, source) => {
        this.sources.set(url, source);
        this.sources.set(file, source);
        const head = `(function (${GLOBAL_NAMES.join(', ')}) { `;
        registerModuleFrames(url, head.length + col1);
        return (0, eval)(`${head}${code}\n})\n//# sourceURL=${url}`)(...this.globalsFor());
      },
      syntaxError: (e, _file, url, source) => {
        (e as any).__syntax = { file: url, line: this.syntaxErrorLine(source) };
        throw e;
      },
    });
  }

  /** Whether a file is one of the program's own modules (its frames are shown in stacks). */
  isModuleFile(file: string): boolean {
    return this.sources.has(file);
  }

  /** A line (1-based) of a loaded module's source, or null if the module or line is unknown. */
  sourceLine(file: string, line: number): string | null {
    const src = this.sources.get(file);
    if (src === undefined) return null;
    return src.split('\n')[line - 1] ?? null;
  }

  /**
   * A module's function. The program's globals are parameters of an outer function, so that a module may declare
   * its own `const crypto` or `let process` as in Node; the inner function is Node's module wrapper.
   */
  private compile(source: string, filename: string): (...args: any[]) => any {
    this.sources.set(filename, source);
    const src = rewriteDynamicImport(source.replace(/^#!.*/, (m) => '//' + m.slice(2)));
    const head = `(function (${GLOBAL_NAMES.join(', ')}) { return function (${CJS_PARAMS.join(', ')}) {`;
    registerModuleFrames(filename, head.length);
    try {
      return (0, eval)(`${head}${src}\n} })\n//# sourceURL=${filename}`)(...this.globalsFor());
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

  /** Runs source as the main module, or -e/-p/stdin code; returns the completion value for -e/-p. */
  runSource(source: string, filename: string, isMain: boolean): unknown {
    const module = new Module('.', filename, null);
    this.cache[filename] = module;
    this.sources.set(filename, source);
    registerModuleFrames(filename, 0);
    if (isMain) this.host.process.mainModule = module;
    const require = this.makeRequire(module);
    try {
      if (filename.endsWith('[eval]') || filename.endsWith('[stdin]')) {
        // -e/-p: the value of the last expression is the result, like node's vm evaluation.
        const fn = (0, eval)(`(function (${[...CJS_PARAMS, ...GLOBAL_NAMES].join(', ')}) { return eval(${JSON.stringify(rewriteDynamicImport(source) + `\n//# sourceURL=${filename}`)}); })`);
        try {
          return fn(module.exports, require, module, filename, module.path, this.esmApi(filename), ...this.globalsFor());
        } catch (e) {
          if (e instanceof SyntaxError && !(e as any).__syntax && !/\n\s+at .*\[(eval|stdin)\]:\d+/.test(e.stack ?? '')) {
            (e as any).__syntax = { file: filename, line: this.syntaxErrorLine(source) };
          }
          throw e;
        }
      }
      if (this.isEsm(filename, source)) {
        delete this.cache[filename];
        if (isMain) this.host.process.mainModule = undefined;
        const p = this.esm.runMain(filename);
        if (p) p.catch((e) => this.host.uncaught(e));
      } else {
        const fn = this.compile(source, filename);
        fn.call(module.exports, module.exports, require, module, filename, module.path, this.esmApi(filename));
        module.loaded = true;
      }
    } catch (e) {
      if (e instanceof ProcessExit) throw e;
      this.host.uncaught(e);
      throw new ProcessExit(1);
    }
    return undefined;
  }

  /** The file `node FILE` runs (extensions and directories as require finds them), or null. */
  resolveFile(p: string): string | null {
    return this.resolver.resolveMain(p);
  }

  private isEsm(file: string, source: string): boolean {
    const f: ModuleFormat = this.resolver.formatOf(file);
    return f === 'module' || (f === 'commonjs' && !file.endsWith('.cjs') && looksLikeEsm(source) && !/\b(require\s*\(|module\.exports|exports\.)/.test(source));
  }

  makeRequire(parent: Module): any {
    const req: any = (id: string) => this.requireFrom(id, parent.filename, parent);
    req.resolve = (id: string) => {
      if (this.isBuiltin(id)) return id;
      return this.resolveOrThrow(id, parent.filename, parent, false);
    };
    req.resolve.paths = (id: string) => (this.isBuiltin(id) ? null : parent.paths);
    req.cache = this.cache;
    req.main = this.host.process.mainModule;
    req.extensions = { '.js': () => undefined, '.json': () => undefined, '.node': () => undefined };
    parent.require = req;
    return req;
  }

  private isBuiltin(id: string): boolean {
    return id.startsWith('node:') || BUILTINS.has(id);
  }

  private builtin(id: string): any {
    const bare = id.replace(/^node:/, '');
    if (bare === 'module') return this.moduleModule();
    if (!BUILTINS.has(bare)) {
      const e: any = new Error(`No such built-in module: ${id}`);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw e;
    }
    return this.host.builtin(bare);
  }

  /** `require('module')`: createRequire and the list of built-ins. */
  private moduleModule(): any {
    if (this.moduleBuiltin) return this.moduleBuiltin;
    const createRequire = (from: string | { href: string }) => {
      let file = typeof from === 'string' ? from : String(from.href);
      if (file.startsWith('file://')) file = decodeURIComponent(file.slice(7));
      return this.makeRequire(new Module(file, file, null));
    };
    const m: any = function ModuleCtor() {};
    Object.assign(m, { createRequire, builtinModules: [...BUILTINS].sort(), Module: m, _cache: this.cache, isBuiltin: (id: string) => this.isBuiltin(id) });
    return (this.moduleBuiltin = m);
  }

  private requireStack(parent: Module | null | undefined, fromFile: string): string[] {
    const stack: string[] = [];
    for (let m = parent; m; m = m.parent) stack.push(m.filename);
    return stack.length ? stack : [fromFile];
  }

  private resolveOrThrow(id: string, fromFile: string, parent: Module | null | undefined, esm: boolean): string {
    try {
      return this.resolver.resolve(id, dirOf(fromFile), esm);
    } catch (e) {
      if (!(e instanceof ResolveError)) throw e;
      if (e.code === 'MODULE_NOT_FOUND') throw moduleNotFound(this.host.fl, id, this.requireStack(parent, fromFile));
      if (esm && e.code === 'ERR_MODULE_NOT_FOUND') {
        // Node names the importing file; the resolver names its folder.
        const message = `${e.message.replace(/ imported from .*$/, '')} imported from ${fromFile}`;
        const err = internalError(Error, e.code, message, ESM_NOT_FOUND_FRAMES);
        const target = /^Cannot find module '([^']*)'/.exec(message);
        if (target) err.url = `file://${target[1]}`;
        throw withHeader(err, 'node:internal/modules/esm/resolve:283\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n\n');
      }
      const importedFrom = e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_PACKAGE_IMPORT_NOT_DEFINED';
      const err: any = new Error(importedFrom && !e.message.includes(' imported from ') ? `${e.message} imported from ${fromFile}` : e.message);
      err.code = e.code;
      throw withStack(err, [esm ? 'finalizeResolution (node:internal/modules/esm/resolve:265:11)' : 'exportsNotFound (node:internal/modules/esm/resolve:304:10)']);
    }
  }

  /** A runtime-implemented package, when its folder has no real code (only package.json, or npm placeholders). */
  private shimFor(id: string, fromFile: string): string | null {
    if (!SHIMMED_PACKAGES.has(id)) return null;
    for (const nm of nodeModulePaths(dirOf(fromFile))) {
      const dir = `${nm}/${id}`;
      if (this.host.ctx.fs.stat(dir)?.type !== 'dir') continue;
      let entry: string | null = null;
      try {
        entry = this.resolver.resolve(id, dirOf(fromFile), false);
      } catch {
        entry = null;
      }
      if (entry && looksLikeText(decodeText(this.host.ctx.fs.readFile(entry) ?? new Uint8Array()))) return null;
      return `${dir}/index.js`;
    }
    return null;
  }

  requireFrom(id: string, fromFile: string, parent: Module | null): any {
    if (typeof id !== 'string') {
      const e: any = new TypeError(`The "id" argument must be of type string. Received ${inspect(id, this.host.inspectOpts)}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (this.isBuiltin(id)) return this.builtin(id);
    const shim = this.shimFor(id, fromFile);
    if (shim) {
      this.cache[shim] ??= Object.assign(new Module(shim, shim, parent), { loaded: true, exports: this.host.shim(id) });
      return this.cache[shim].exports;
    }
    const file = this.resolveOrThrow(id, fromFile, parent, false);
    const cached = this.cache[file];
    if (cached) {
      if (parent && !parent.children.includes(cached)) parent.children.push(cached);
      return cached.exports;
    }
    const src = decodeText(this.host.ctx.fs.readFile(file) ?? new Uint8Array());
    if (this.resolver.formatOf(file) !== 'json' && this.isEsm(file, src)) return this.esm.requireEsm(file, parent?.filename ?? fromFile);
    const module = new Module(file, file, parent);
    parent?.children.push(module);
    this.cache[file] = module;
    try {
      this.loadCjs(module, src);
    } catch (e) {
      delete this.cache[file];
      if (parent) parent.children = parent.children.filter((c) => c !== module);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  private loadCjs(module: Module, src: string): void {
    const file = module.filename;
    if (file.endsWith('.json')) {
      this.sources.set(file, src);
      try {
        module.exports = JSON.parse(src.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw withStack(new SyntaxError(`${file}: ${(e as Error).message}`), []);
      }
      return;
    }
    if (file.includes('/node_modules/') && !looksLikeText(src)) {
      // `npm install` in a Layerlab build writes placeholder package files: requiring works, using them says why not.
      const names = [...file.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
      module.exports = simulatedPackage(names[names.length - 1][1]);
      return;
    }
    const fn = this.compile(src, file);
    fn.call(module.exports, module.exports, this.makeRequire(module), module, file, module.path, this.esmApi(file));
  }

  /** What CommonJS code reaches through `__esm`: `import()`. */
  private esmApi(file: string): any {
    return { dynamicImport: (spec: unknown) => this.esm.dynamicImport(String(spec), file) };
  }
}
