/**
 * `error.stack` as a program in the container sees it: V8's call sites formatted the way Node prints them, with
 * the container's paths (`/app/server.js:3:9`), the module wrapper's columns taken off line 1, `Object.<anonymous>`
 * for a module's top level, and no frame of the sandbox itself (the runtime, its bundled libraries, the host).
 * Installed once per JavaScript realm as `Error.prepareStackTrace`; errors with no frame of a program module keep
 * the realm's previous formatting, so the host's own errors are untouched.
 */

interface CallSite {
  getTypeName(): string | null;
  getFunctionName(): string | null;
  getMethodName(): string | null;
  getScriptNameOrSourceURL(): string | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  isToplevel(): boolean;
  isConstructor(): boolean;
  isNative(): boolean;
  isAsync?(): boolean;
  isPromiseAll?(): boolean;
  getPromiseIndex?(): number | null;
  toString(): string;
}

type Prepare = (error: Error, sites: CallSite[]) => unknown;

/** Program modules of this realm (sourceURL → wrapper characters on line 1). */
const modules = new Map<string, number>();
let installed = false;

/** Marks a compiled module's frames as the program's; `col1Offset` is the wrapper's length on its line 1. */
export function registerModuleFrames(file: string, col1Offset: number): void {
  modules.set(file, col1Offset);
}

function location(site: CallSite): string | null {
  if (site.isNative()) return 'native';
  const file = site.getScriptNameOrSourceURL();
  if (!file) return '<anonymous>';
  const offset = modules.get(file);
  if (offset === undefined) return null;
  const line = site.getLineNumber() ?? 0;
  const col = (site.getColumnNumber() ?? 0) - (line === 1 ? offset : 0);
  return `${file}:${line}:${col}`;
}

/** V8's rendering of a call site's function part (what precedes the location), without eval's naming. */
function callee(site: CallSite): string {
  // Modules are compiled through eval, whose anonymous functions V8 names "eval".
  const raw = site.getFunctionName();
  const fn = raw === 'eval' ? null : raw;
  const prefix = site.isAsync?.() ? 'async ' : '';
  if (site.isPromiseAll?.()) return `${prefix}Promise.all (index ${site.getPromiseIndex?.() ?? 0})`;
  if (site.isConstructor()) return `${prefix}new ${fn || '<anonymous>'}`;
  if (!site.isToplevel()) {
    const type = site.getTypeName();
    const method = site.getMethodName();
    let s = '';
    if (fn) {
      s = type && !fn.startsWith(`${type}.`) ? `${type}.${fn}` : fn;
      if (method && !fn.endsWith(method)) s += ` [as ${method}]`;
    } else s = `${type ?? '<anonymous>'}.${method ?? '<anonymous>'}`;
    return prefix + s;
  }
  return prefix + (fn ?? '');
}

function format(prev: Prepare | undefined, error: Error, sites: CallSite[]): unknown {
  const ours = sites.some((s) => modules.has(s.getScriptNameOrSourceURL() ?? ''));
  if (!ours) return prev ? prev(error, sites) : defaultStack(error, sites);
  let head: string;
  try {
    head = Error.prototype.toString.call(error);
  } catch {
    head = 'Error';
  }
  const lines = [head];
  for (const site of sites) {
    const where = location(site);
    if (where === null) continue;
    const name = callee(site);
    lines.push(name ? `    at ${name} (${where})` : `    at ${where}`);
  }
  return lines.join('\n');
}

function defaultStack(error: Error, sites: CallSite[]): string {
  let head: string;
  try {
    head = Error.prototype.toString.call(error);
  } catch {
    head = 'Error';
  }
  return [head, ...sites.map((s) => `    at ${s.toString()}`)].join('\n');
}

/** Installs the formatter in this realm (once; later calls do nothing). */
export function installStackFormat(): void {
  if (installed) return;
  installed = true;
  const E = Error as unknown as { prepareStackTrace?: Prepare };
  const prev = E.prepareStackTrace;
  let current: Prepare = (error, sites) => format(prev, error, sites);
  // Packages swap the hook to read call sites (depd) and put back what they found: keep ours underneath.
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: true,
    get: () => current,
    set: (v: Prepare | undefined) => {
      current = v ?? ((error, sites) => format(prev, error, sites));
    },
  });
}
