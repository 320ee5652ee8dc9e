/**
 * ES module syntax rewritten into a function body the module loader can run, keeping line numbers:
 *   import x, { a, b as c } from 'm' · import * as ns from 'm' · import 'm' · import.meta · import('m')
 *   export default … · export const/let/var/function/class … · export { a, b as c } [from 'm'] · export * from 'm'
 * Imports become calls to the loader (`__esm.load`), exports become getters on the module's namespace (live
 * bindings), declared on the first line so that modules importing each other in a cycle see them. Dynamic
 * `import()` (in CommonJS too) goes to the loader, never to the host. Top-level await is not supported.
 */

/** The name of the wrapper parameter through which rewritten code reaches the loader. */
export const ESM_PARAM = '__esm';

export function looksLikeEsm(src: string): boolean {
  return /^\s*(import\s*[\w*{'"]|export\s+(default|const|let|var|function|class|async|\{|\*))/m.test(src);
}

const STR = String.raw`['"]([^'"\n]+)['"]`;

/** Keeps the line count of a replaced span: the replacement plus the newlines the span had. */
const keepLines = (span: string, text: string) => text + '\n'.repeat((span.match(/\n/g) ?? []).length);

function namedList(list: string): [string, string][] {
  return list
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const m = /^([\w$]+|default)(?:\s+as\s+([\w$]+|default))?$/.exec(x);
      return m ? ([m[1], m[2] ?? m[1]] as [string, string]) : ([x, x] as [string, string]);
    });
}

/** `import.meta` and `import(...)` (valid in CommonJS too) routed to the loader. */
export function rewriteDynamicImport(src: string): string {
  return src.replace(/(^|[^.\w$'"`])import\s*\((?=\s*[^\s)])/g, `$1${ESM_PARAM}.dynamicImport(`).replace(/(^|[^.\w$])import\.meta\b/g, `$1${ESM_PARAM}.meta`);
}

/** Rewrites an ES module's source into a function body (strict mode), same lines. */
export function esmToFunctionBody(src: string): string {
  let n = 0;
  const getters: string[] = [];
  const mod = () => `__m${n++}`;
  let out = src.replace(new RegExp(String.raw`^([ \t]*)import\s+([^'";]*?)\s*from\s*${STR}[ \t]*;?`, 'gm'), (span, indent, spec: string, name) => {
    const v = mod();
    const parts = [`const ${v} = ${ESM_PARAM}.load(${JSON.stringify(name)});`];
    const s = spec.trim();
    const def = /^([\w$]+)/.exec(s);
    const ns = /\*\s*as\s+([\w$]+)/.exec(s);
    const named = /\{([^}]*)\}/.exec(s);
    if (def) parts.push(`const ${def[1]} = ${v}.default;`);
    if (ns) parts.push(`const ${ns[1]} = ${v};`);
    if (named) parts.push(`const { ${namedList(named[1]).map(([a, b]) => (a === b ? a : `${a}: ${b}`)).join(', ')} } = ${v};`);
    return keepLines(span, indent + parts.join(' '));
  });
  out = out.replace(new RegExp(String.raw`^([ \t]*)import\s*${STR}[ \t]*;?`, 'gm'), (_m, indent, name) => `${indent}${ESM_PARAM}.load(${JSON.stringify(name)});`);
  out = out.replace(new RegExp(String.raw`^([ \t]*)export\s*\*\s*from\s*${STR}[ \t]*;?`, 'gm'), (_m, indent, name) => `${indent}${ESM_PARAM}.reexport(${ESM_PARAM}.load(${JSON.stringify(name)}));`);
  out = out.replace(new RegExp(String.raw`^([ \t]*)export\s*\{([^}]*)\}\s*from\s*${STR}[ \t]*;?`, 'gm'), (span, indent, list: string, name) => {
    const v = mod();
    for (const [a, b] of namedList(list)) getters.push(`${JSON.stringify(b)}: () => ${v}[${JSON.stringify(a)}]`);
    return keepLines(span, `${indent}var ${v} = ${ESM_PARAM}.load(${JSON.stringify(name)});`);
  });
  out = out.replace(/^([ \t]*)export\s*\{([^}]*)\}[ \t]*;?/gm, (span, indent, list: string) => {
    for (const [a, b] of namedList(list)) getters.push(`${JSON.stringify(b)}: () => ${a}`);
    return keepLines(span, indent);
  });
  out = out.replace(/^([ \t]*)export\s+default\s+((?:async\s+)?function\s*\*?\s*([\w$]+)|class\s+([\w$]+))/gm, (_m, indent, decl: string, fn?: string, cls?: string) => {
    getters.push(`default: () => ${fn ?? cls}`);
    return indent + decl;
  });
  out = out.replace(/^([ \t]*)export\s+default\s+/gm, (_m, indent) => {
    getters.push('default: () => __default');
    return `${indent}const __default = `;
  });
  out = out.replace(/^([ \t]*)export\s+((?:async\s+)?function\s*\*?|class|const|let|var)\s+([\w$]+)/gm, (_m, indent, kind: string, name: string) => {
    getters.push(`${JSON.stringify(name)}: () => ${name}`);
    return `${indent}${kind} ${name}`;
  });
  out = out.replace(/^([ \t]*)export\s+(const|let|var)\s*\{([^}]*)\}/gm, (_m, indent, kind: string, list: string) => {
    for (const item of list.split(',')) {
      const local = item.split(':').pop()!.split('=')[0].trim();
      if (local) getters.push(`${JSON.stringify(local)}: () => ${local}`);
    }
    return `${indent}${kind} {${list}}`;
  });
  const head = `'use strict'; ${ESM_PARAM}.bind({ ${getters.join(', ')} }); `;
  return head + rewriteDynamicImport(out);
}
