/**
 * ES modules linked as Node links them: the whole graph of static imports is loaded and resolved first
 * (ERR_MODULE_NOT_FOUND before any module runs), then instantiated (every imported name checked against what the
 * other module exports: `does not provide an export named`, and for CommonJS the names cjs-module-lexer finds),
 * then evaluated dependencies first, each module once, cycles allowed. Imports are live bindings (a scope of
 * getters around the module body), `export` of a `let` shows later assignments, top-level await makes importers
 * wait, `import.meta` has url/dirname/filename/resolve, `import()` loads a graph at run time, and `require` of an
 * ES module gives its namespace unless the graph awaits at top level (ERR_REQUIRE_ASYNC_MODULE, Node 20.19+).
 *
 * A module body runs as a generator inside `with (imports)`: the first step binds its exports (hoisted function
 * declarations are callable from a cycle before the module runs, `let` reads throw as in Node) and pauses; the
 * second step runs the body. A body with top-level await compiles as an async generator.
 */
import { parse as parseCjs } from 'cjs-module-lexer';
import { resolvePath } from '../fs-helpers';
import { internalError, withHeader } from './node-errors';
import { analyzeEsm, DEFAULT_LOCAL, EsmParseError, IMPORT_FN, type EsmSource } from './esm';

/** What the linker needs from the module loader. */
export interface LinkerHost {
  /** A file's text (the file exists: it was resolved). */
  read(file: string): string;
  /** Resolves an import specifier from a file (Node's ESM rules); throws Node's error. */
  resolve(spec: string, fromFile: string): string;
  isBuiltin(spec: string): boolean;
  builtin(spec: string): any;
  /** Whether a resolved file is an ES module (else CommonJS or JSON). */
  isEsm(file: string): boolean;
  /** Resolves a CommonJS `require` request from a file, or null. */
  resolveCjs(spec: string, fromFile: string): string | null;
  /** Runs a CommonJS module (or reads JSON) through `require`, giving module.exports. */
  requireFile(file: string): any;
  /** Compiles a module body; `sourceUrl` names it in stacks; `col1` is the wrapper's length on line 1. */
  compile(code: string, file: string, sourceUrl: string, col1: number, source: string): (...args: any[]) => any;
  /** Where a syntax error is: throws the error prepared for the uncaught report. */
  syntaxError(e: SyntaxError, file: string, sourceUrl: string, source: string): never;
}

type Getter = () => unknown;

let lexerWorks: boolean | undefined;
/** Whether cjs-module-lexer (WebAssembly) loads here; where it cannot, CommonJS names are not checked. */
function cjsLexerWorks(): boolean {
  if (lexerWorks === undefined) {
    try {
      lexerWorks = parseCjs('exports.a = 1;').exports[0] === 'a';
    } catch {
      lexerWorks = false;
    }
  }
  return lexerWorks;
}
interface Resolved {
  key: string;
  get: Getter;
}

interface Rec {
  file: string;
  url: string;
  kind: 'esm' | 'cjs' | 'builtin';
  status: 'new' | 'linked' | 'evaluating' | 'evaluated' | 'errored';
  error?: unknown;
  promise?: Promise<void>;
  /** ESM: the analysed source, its requests resolved, its getters, the running body. */
  src?: EsmSource;
  deps: Rec[];
  depBySpec: Map<string, Rec>;
  locals: Record<string, Getter>;
  scope: any;
  gen?: Iterator<unknown> | AsyncIterator<unknown>;
  async: boolean;
  /** CommonJS/builtin: the value of module.exports and the names import may take from it. */
  exportsValue?: any;
  names?: Set<string>;
  ns?: any;
  linking?: boolean;
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

const INSTANTIATE_FRAMES = ['ModuleJob._instantiate (node:internal/modules/esm/module_job:213:21)', 'async ModuleJob.run (node:internal/modules/esm/module_job:320:5)', 'async ModuleLoader.import (node:internal/modules/esm/loader:606:24)', 'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)'];
/** Node's frames under a module body that throws while the main graph evaluates. */
export const ESM_RUN_FRAMES = ['ModuleJob.run (node:internal/modules/esm/module_job:325:25)', 'async ModuleLoader.import (node:internal/modules/esm/loader:606:24)', 'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)'];

export class EsmLinker {
  private records = new Map<string, Rec>();

  constructor(private readonly host: LinkerHost) {}

  // ---- loading -------------------------------------------------------------------------------------------------

  private record(file: string, builtin = false): Rec {
    const hit = this.records.get(file);
    if (hit) return hit;
    const kind = builtin ? 'builtin' : this.host.isEsm(file) ? 'esm' : 'cjs';
    const rec: Rec = { file, url: builtin ? (file.startsWith('node:') ? file : `node:${file}`) : `file://${file}`, kind, status: 'new', deps: [], depBySpec: new Map(), locals: Object.create(null), scope: Object.create(null), async: false };
    this.records.set(file, rec);
    return rec;
  }

  /** Loads a module and, for ES modules, everything it imports statically; throws the first load error. */
  private load(rec: Rec, pending: Rec[] = []): void {
    if (rec.kind !== 'esm' || rec.src) return;
    const source = this.host.read(rec.file);
    try {
      rec.src = analyzeEsm(source.replace(/^#!.*/, (m) => '//' + m.slice(2)));
    } catch (e) {
      if (!(e instanceof EsmParseError)) throw e;
      // es-module-lexer found bad syntax: let the JavaScript parser say what and where.
      this.compile(rec, source, source, true);
      throw e;
    }
    this.compile(rec, rec.src.body, source, false);
    pending.push(rec);
    for (const spec of rec.src.requests) {
      const dep = this.host.isBuiltin(spec) ? this.record(spec, true) : this.record(this.host.resolve(spec, rec.file));
      rec.deps.push(dep);
      rec.depBySpec.set(spec, dep);
    }
    for (const dep of rec.deps) this.load(dep, pending);
  }

  private compile(rec: Rec, body: string, source: string, raw: boolean): void {
    const src = rec.src;
    const getters = src ? [...src.exports].filter(([, x]) => x.kind === 'local').map(([name, x]) => `${JSON.stringify(name)}: () => ${(x as { local: string }).local}`) : [];
    const fixName = src?.defaultFunction ? `Object.defineProperty(${DEFAULT_LOCAL}, 'name', { value: 'default' }); ` : '';
    const prelude = `'use strict'; __esm.bind({ ${getters.join(', ')} }); ${fixName}yield; `;
    const wrap = (gen: string) => `return function (__esm, ${IMPORT_FN}) { with (__esm.scope) { return ${gen} () { ${prelude}`;
    const tail = '\n} } }';
    const attempt = (gen: string) => this.host.compile(wrap(gen) + body + tail, rec.file, rec.url, wrap(gen).length + (raw ? -prelude.length : 0), source);
    let fn: (...args: any[]) => any;
    try {
      fn = attempt('function*');
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      try {
        fn = attempt('async function*');
        rec.async = true;
      } catch (e2) {
        if (!(e2 instanceof SyntaxError)) throw e2;
        this.host.syntaxError(e, rec.file, rec.url, source);
      }
    }
    if (raw) return;
    const api = { scope: rec.scope, bind: (g: Record<string, Getter>) => Object.assign(rec.locals, g) };
    rec.gen = fn(api, this.importFn(rec))();
    // The first step binds the exports and stops before the body.
    (rec.gen as Iterator<unknown>).next();
  }

  /** `import()` and `import.meta` of a module. */
  private importFn(rec: Rec): any {
    const fn = (spec: unknown) => this.dynamicImport(String(spec), rec.file);
    const meta = Object.create(null);
    const resolve = (s: string) => (/^\.{0,2}\//.test(s) ? `file://${resolvePath(dirOf(rec.file), s)}` : this.host.isBuiltin(s) ? s : `file://${this.host.resolve(s, rec.file)}`);
    Object.assign(meta, { dirname: dirOf(rec.file), filename: rec.file, resolve: (s: unknown) => resolve(String(s)), url: rec.url });
    fn.meta = meta;
    return fn;
  }

  // ---- linking -------------------------------------------------------------------------------------------------

  /** CommonJS names `import { x }` may take: what cjs-module-lexer finds, following re-exports. */
  private cjsNames(rec: Rec, seen = new Set<string>()): Set<string> {
    if (rec.names) return rec.names;
    const names = new Set<string>();
    if (rec.kind === 'builtin') {
      for (const k of Object.keys(this.host.builtin(rec.file) ?? {})) names.add(k);
    } else if (!rec.file.endsWith('.json') && !seen.has(rec.file)) {
      seen.add(rec.file);
      try {
        const { exports, reexports } = parseCjs(this.host.read(rec.file));
        for (const n of exports) names.add(n);
        for (const r of reexports) {
          const f = this.host.resolveCjs(r, rec.file);
          if (f && !this.host.isEsm(f)) for (const n of this.cjsNames(this.record(f), seen)) names.add(n);
        }
      } catch {
        // Source the lexer cannot read exposes only its default export.
      }
    }
    names.delete('default');
    rec.names = names;
    return names;
  }

  private resolveExport(rec: Rec, name: string, seen: Set<string> = new Set()): Resolved | null | 'ambiguous' {
    const key = `${rec.file}\0${name}`;
    if (rec.kind !== 'esm') {
      if (name !== 'default' && !this.cjsNames(rec).has(name) && (rec.kind === 'builtin' || cjsLexerWorks())) return null;
      return { key, get: () => (name === 'default' ? rec.exportsValue : rec.exportsValue?.[name]) };
    }
    if (seen.has(key)) return null;
    seen.add(key);
    const entry = rec.src!.exports.get(name);
    if (entry?.kind === 'local') return { key, get: () => rec.locals[name]() };
    if (entry?.kind === 'indirect') {
      const dep = rec.depBySpec.get(entry.spec)!;
      if (entry.name === '*') return { key: `${dep.file}\0*`, get: () => this.namespace(dep) };
      return this.resolveExport(dep, entry.name, seen);
    }
    if (name === 'default') return null;
    let found: Resolved | null = null;
    for (const spec of rec.src!.stars) {
      const r = this.resolveExport(rec.depBySpec.get(spec)!, name, seen);
      if (r === 'ambiguous') return r;
      if (r && found && r.key !== found.key) return 'ambiguous';
      if (r) found = r;
    }
    return found;
  }

  private exportNames(rec: Rec, seen = new Set<Rec>()): string[] {
    if (rec.kind !== 'esm') return ['default', ...this.cjsNames(rec)];
    if (seen.has(rec)) return [];
    seen.add(rec);
    const names = [...rec.src!.exports.keys()];
    for (const spec of rec.src!.stars) for (const n of this.exportNames(rec.depBySpec.get(spec)!, seen)) if (n !== 'default' && !names.includes(n)) names.push(n);
    return names;
  }

  /** The module namespace object: its export names, sorted, as live getters. */
  namespace(rec: Rec): any {
    if (rec.ns) return rec.ns;
    const ns = Object.create(null);
    rec.ns = ns;
    for (const name of this.exportNames(rec).sort()) {
      const r = this.resolveExport(rec, name);
      if (r && r !== 'ambiguous') Object.defineProperty(ns, name, { enumerable: true, get: r.get });
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    return Object.preventExtensions(ns);
  }

  /** Checks every import of the graph and gives each module its scope of imported bindings. */
  private link(rec: Rec): void {
    if (rec.kind !== 'esm' || rec.status !== 'new' || rec.linking) return;
    rec.linking = true;
    for (const dep of rec.deps) this.link(dep);
    const source = this.host.read(rec.file);
    for (const b of rec.src!.bindings) {
      const dep = rec.depBySpec.get(b.spec)!;
      let get: Getter;
      if (b.name === '*') get = () => this.namespace(dep);
      else {
        const r = this.resolveExport(dep, b.name);
        if (!r || r === 'ambiguous') throw this.missingExport(rec, source, b, dep, r === 'ambiguous');
        get = r.get;
      }
      Object.defineProperty(rec.scope, b.local, { enumerable: true, get });
    }
    rec.status = 'linked';
  }

  private missingExport(rec: Rec, source: string, b: EsmSource['bindings'][number], dep: Rec, ambiguous: boolean): any {
    let message: string;
    if (ambiguous) message = `The requested module '${b.spec}' contains conflicting star exports for name '${b.name}'`;
    else if (dep.kind === 'esm' || dep.kind === 'builtin') message = `The requested module '${b.spec}' does not provide an export named '${b.name}'`;
    else {
      const names = rec.src!.bindings.filter((x) => x.spec === b.spec && x.name !== '*' && x.name !== 'default').map((x) => (x.local === x.name ? x.name : `${x.name}: ${x.local}`));
      message = `Named export '${b.name}' not found. The requested module '${b.spec}' is a CommonJS module, which may not support all module.exports as named exports.\nCommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '${b.spec}';\nconst { ${names.join(', ')} } = pkg;\n`;
    }
    const e = internalError(SyntaxError, null, message, INSTANTIATE_FRAMES);
    const before = source.slice(0, b.at);
    const line = before.split('\n').length;
    const col = b.at - before.lastIndexOf('\n') - 1;
    const text = source.split('\n')[line - 1] ?? '';
    return withHeader(e, `${rec.url}:${line}\n${text}\n${' '.repeat(col)}${'^'.repeat(b.len)}\n`);
  }

  // ---- evaluation ----------------------------------------------------------------------------------------------

  /** Evaluates a module after its dependencies; a promise when something in the graph awaits at top level. */
  private evaluate(rec: Rec): void | Promise<void> {
    if (rec.status === 'evaluated') return;
    if (rec.status === 'errored') throw rec.error;
    if (rec.status === 'evaluating') return rec.promise;
    rec.status = 'evaluating';
    const fail = (e: unknown) => {
      rec.status = 'errored';
      rec.error = e;
      throw e;
    };
    let i = 0;
    const step = (): void | Promise<void> => {
      for (; i < rec.deps.length; i++) {
        const p = this.evaluate(rec.deps[i]);
        if (p) {
          i++;
          return p.then(step);
        }
      }
      return this.runBody(rec);
    };
    try {
      const p = step();
      if (!p) {
        rec.status = 'evaluated';
        return;
      }
      rec.promise = p.then(() => {
        rec.status = 'evaluated';
      }, fail);
      return rec.promise;
    } catch (e) {
      fail(e);
    }
  }

  private runBody(rec: Rec): void | Promise<void> {
    if (rec.kind === 'builtin') {
      rec.exportsValue = this.host.builtin(rec.file);
      return;
    }
    if (rec.kind === 'cjs') {
      rec.exportsValue = this.host.requireFile(rec.file);
      return;
    }
    const done = () => {
      const d = rec.locals.default;
      try {
        const v = d?.();
        if (typeof v === 'function' && v.name === DEFAULT_LOCAL) Object.defineProperty(v, 'name', { value: 'default' });
      } catch {
        // an uninitialized default stays as it is
      }
    };
    if (!rec.async) {
      (rec.gen as Iterator<unknown>).next();
      return done();
    }
    return (rec.gen as AsyncIterator<unknown>).next().then(done);
  }

  private graphAwaits(rec: Rec, seen = new Set<Rec>()): boolean {
    if (seen.has(rec) || rec.status === 'evaluated') return false;
    seen.add(rec);
    return rec.async || rec.deps.some((d) => this.graphAwaits(d, seen));
  }

  /** Loads and links a graph; after a failed load or link its unlinked modules are dropped and the error thrown again. */
  private loadAndLink(rec: Rec): void {
    try {
      this.load(rec);
      this.link(rec);
    } catch (e) {
      this.forget(rec);
      throw e;
    }
  }

  /** Loads, links and evaluates a graph; a promise when it awaits. */
  private run(rec: Rec): void | Promise<void> {
    this.loadAndLink(rec);
    return this.evaluate(rec);
  }

  /** Drops modules that never linked, so a later import of a fixed graph loads them again. */
  private forget(rec: Rec, seen = new Set<Rec>()): void {
    if (seen.has(rec)) return;
    seen.add(rec);
    if (rec.status === 'new') this.records.delete(rec.file);
    for (const d of rec.deps) this.forget(d, seen);
  }

  // ---- entry points --------------------------------------------------------------------------------------------

  /** `node main.mjs`: runs the graph; errors of the evaluation are marked for Node's frames. */
  runMain(file: string): void | Promise<void> {
    const mark = (e: unknown) => {
      if (e && typeof e === 'object') Object.defineProperty(e, '__esmMain', { value: true, configurable: true });
      throw e;
    };
    let p: void | Promise<void> = undefined;
    try {
      p = this.run(this.record(file));
    } catch (e) {
      mark(e);
    }
    return p ? p.catch(mark) : undefined;
  }

  /** `import(spec)` from a file. */
  dynamicImport(spec: string, fromFile: string): Promise<any> {
    return new Promise((resolve) => {
      const rec = this.host.isBuiltin(spec) ? this.record(spec, true) : this.record(this.host.resolve(spec, fromFile));
      const p = rec.kind === 'esm' ? this.run(rec) : this.evaluate(rec);
      resolve(p ? p.then(() => this.namespace(rec)) : this.namespace(rec));
    });
  }

  /** `require()` of an ES module (Node 20.19+): its namespace, with `__esModule` when it has a default export. */
  requireEsm(file: string, fromFile: string): any {
    const rec = this.record(file);
    this.loadAndLink(rec);
    if (this.graphAwaits(rec)) {
      throw internalError(Error, 'ERR_REQUIRE_ASYNC_MODULE', `require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From ${fromFile} \n  Requiring ${file} `, ['ModuleJobSync.runSync (node:internal/modules/esm/module_job:433:13)']);
    }
    void this.evaluate(rec);
    const ns = this.namespace(rec);
    if (!('default' in ns) || '__esModule' in ns) return ns;
    const wrapped = Object.create(null);
    for (const k of ['__esModule', ...Object.keys(ns)].sort()) Object.defineProperty(wrapped, k, { enumerable: true, get: k === '__esModule' ? () => true : () => ns[k] });
    Object.defineProperty(wrapped, Symbol.toStringTag, { value: 'Module' });
    return wrapped;
  }
}
