/**
 * A cheap ES-module-to-CommonJS rewrite for the common forms, keeping line numbers:
 *   import x from 'm'; import { a, b as c } from 'm'; import * as ns from 'm'; import 'm';
 *   export default expr; export const/let/var/function/class name ...; export { a, b as c };
 * Anything fancier (dynamic import() of ESM, live bindings, top-level await) is out of scope.
 */
export function looksLikeEsm(src: string): boolean {
  return /^\s*(import\s+[\w*{'"]|export\s+(default|const|let|var|function|class|async|\{))/m.test(src);
}

function bindings(spec: string, mod: string): string {
  const parts: string[] = [];
  const s = spec.trim();
  const named = /\{([^}]*)\}/.exec(s);
  const ns = /\*\s+as\s+([\w$]+)/.exec(s);
  const def = /^([\w$]+)/.exec(s);
  if (def) parts.push(`const ${def[1]} = (${mod} && ${mod}.__esModule) ? ${mod}.default : ${mod};`);
  if (ns) parts.push(`const ${ns[1]} = ${mod};`);
  if (named) {
    const list = named[1]
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(x);
        return m ? (m[2] ? `${m[1]}: ${m[2]}` : m[1]) : x;
      });
    parts.push(`const { ${list.join(', ')} } = ${mod};`);
  }
  return parts.join(' ');
}

export function esmToCjs(src: string): string {
  let n = 0;
  const exportsAfter: string[] = [];
  let out = src.replace(/^([ \t]*)import\s+([^'";]*?)\s+from\s+(['"])([^'"]+)\3\s*;?/gm, (_m, indent, spec, _q, name) => {
    const v = `__esm_${n++}`;
    return `${indent}const ${v} = require(${JSON.stringify(name)}); ${bindings(spec, v)}`;
  });
  out = out.replace(/^([ \t]*)import\s+(['"])([^'"]+)\2\s*;?/gm, (_m, indent, _q, name) => `${indent}require(${JSON.stringify(name)});`);
  out = out.replace(/^([ \t]*)export\s+default\s+/gm, (_m, indent) => `${indent}module.exports.default = `);
  out = out.replace(/^([ \t]*)export\s+(async\s+function\*?|function\*?|class)\s+([\w$]+)/gm, (_m, indent, kind, name) => {
    exportsAfter.push(`module.exports.${name} = ${name};`);
    return `${indent}${kind} ${name}`;
  });
  out = out.replace(/^([ \t]*)export\s+(const|let|var)\s+([\w$]+)/gm, (_m, indent, kind, name) => {
    exportsAfter.push(`module.exports.${name} = ${name};`);
    return `${indent}${kind} ${name}`;
  });
  out = out.replace(/^([ \t]*)export\s*\{([^}]*)\}\s*;?/gm, (_m, indent, list: string) => {
    for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(item);
      if (m) exportsAfter.push(`module.exports.${m[2] ?? m[1]} = ${m[1]};`);
    }
    return indent;
  });
  const header = 'Object.defineProperty(module.exports, "__esModule", { value: true }); ';
  return header + out + (exportsAfter.length ? `\n;${exportsAfter.join(' ')}` : '');
}
