/**
 * An ES module's source taken apart for linking, with es-module-lexer: its static requests in order, the bindings
 * its import statements create (local name, module, imported name, where the name stands for error carets), its
 * exports (local, indirect `export { x } from`, `export * from`), and its body with the import/export syntax
 * taken out, columns kept: `export ` becomes spaces, import statements become blank, `import.meta` and `import()`
 * become `$mport.meta` and `$mport()`, and `export default EXPR` binds `$default`. esm-linker.ts runs the body.
 */
import { parse, type Export, type Import } from 'es-module-lexer/js';

/** The name of the wrapper parameter through which CommonJS code reaches the loader (`import()`). */
export const ESM_PARAM = '__esm';
/** What `import` becomes in `import()` and `import.meta` (same length, so columns stay). */
export const IMPORT_FN = '$mport';
/** The local binding of an `export default` expression or anonymous declaration. */
export const DEFAULT_LOCAL = '$default';

export function looksLikeEsm(src: string): boolean {
  return /^\s*(import\s*[\w*{'"]|export\s+(default|const|let|var|function|class|async|\{|\*))/m.test(src);
}

/** `import(...)` in CommonJS routed to the loader. */
export function rewriteDynamicImport(src: string): string {
  return src.replace(/(^|[^.\w$'"`])import\s*\((?=\s*[^\s)])/g, `$1${ESM_PARAM}.dynamicImport(`);
}

/** A binding an import statement creates. `name` is the imported name, '*' for a namespace import. */
export interface ImportBinding {
  local: string;
  spec: string;
  name: string;
  /** Offset of the imported name in the source (for carets), and its length. */
  at: number;
  len: number;
}

export type ExportEntry = { kind: 'local'; local: string } | { kind: 'indirect'; spec: string; name: string };

export interface EsmSource {
  /** Module specifiers of static imports and re-exports, first appearance first. */
  requests: string[];
  bindings: ImportBinding[];
  exports: Map<string, ExportEntry>;
  stars: string[];
  /** The body to run, same lines and (mostly) columns as the source. */
  body: string;
  /** Whether `export default` is an anonymous function declaration (hoisted, named `default`). */
  defaultFunction: boolean;
}

/** A parse error of the module's syntax, at an offset. */
export class EsmParseError extends Error {
  constructor(readonly idx: number) {
    super('Unexpected token');
  }
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

function clauseBindings(src: string, imp: Import & { specifier: string }, out: ImportBinding[]): void {
  const stmt = src.slice(imp.importStart, imp.importEnd);
  const m = /^import\s*([\s\S]*?)\s*from\s*['"]$/.exec(stmt.slice(0, imp.start - imp.importStart));
  if (!m) return;
  const base = imp.importStart + stmt.indexOf(m[1], 6);
  const clause = m[1];
  const def = /^([\w$\u0080-\uffff]+)\s*(?:,|$)/.exec(clause);
  if (def) out.push({ local: def[1], spec: imp.specifier, name: 'default', at: base, len: def[1].length });
  const ns = /\*\s*as\s+([\w$\u0080-\uffff]+)/.exec(clause);
  if (ns) out.push({ local: ns[1], spec: imp.specifier, name: '*', at: base + ns.index, len: 1 });
  const named = /\{([^}]*)\}/.exec(clause);
  if (!named) return;
  let off = base + named.index + 1;
  for (const part of named[1].split(',')) {
    const lead = /^\s*/.exec(part)![0].length;
    const item = part.trim();
    const pm = /^(?:(['"])(.*)\1|([\w$\u0080-\uffff]+))(?:\s+as\s+([\w$\u0080-\uffff]+))?$/.exec(item);
    if (pm) {
      const name = pm[2] ?? pm[3];
      out.push({ local: pm[4] ?? name, spec: imp.specifier, name, at: off + lead, len: (pm[1] ? name.length + 2 : name.length) });
    }
    off += part.length + 1;
  }
}

/** Takes an ES module's source apart (throws EsmParseError where es-module-lexer stops). */
export function analyzeEsm(src: string): EsmSource {
  let imports: readonly Import[];
  let exports: readonly Export[];
  try {
    [imports, exports] = parse(src);
  } catch (e) {
    throw new EsmParseError(typeof (e as { idx?: number }).idx === 'number' ? (e as { idx: number }).idx : 0);
  }
  const edits: { from: number; to: number; text: string }[] = [];
  const requests: string[] = [];
  const bindings: ImportBinding[] = [];
  const stars: string[] = [];
  const out = new Map<string, ExportEntry>();
  const covered = new Set<number>();
  for (const imp of imports) {
    if (imp.type === 'import-meta' || imp.type === 'dynamic') {
      edits.push({ from: imp.importStart, to: imp.importStart + 6, text: IMPORT_FN });
      continue;
    }
    if (imp.typeOnly) continue;
    if (!requests.includes(imp.specifier)) requests.push(imp.specifier);
    covered.add(imp.importStart);
    edits.push({ from: imp.importStart, to: imp.importEnd, text: blank(src.slice(imp.importStart, imp.importEnd)) });
    if (src.startsWith('import', imp.importStart)) clauseBindings(src, imp, bindings);
  }
  let defaultFunction = false;
  const seen = new Set<number>();
  for (const ex of exports) {
    if (ex.type === 'reexport-all') stars.push(ex.from);
    else if (ex.type === 'reexport') out.set(ex.name, { kind: 'indirect', spec: ex.from, name: ex.importName ?? '*' });
    else out.set(ex.name, { kind: 'local', local: ex.localName ?? DEFAULT_LOCAL });
    const at = ex.exportStart;
    if (seen.has(at) || covered.has(at)) continue;
    seen.add(at);
    const rest = src.slice(at, at + 200);
    let m: RegExpExecArray | null;
    if ((m = /^export\s*\{[^}]*\}\s*;?/.exec(src.slice(at)))) {
      edits.push({ from: at, to: at + m[0].length, text: blank(m[0]) });
    } else if ((m = /^export\s+default\s+((?:async\s+)?function\s*\*?)\s*(?=\()/.exec(rest))) {
      defaultFunction = true;
      const text = `${m[1]} ${DEFAULT_LOCAL}`;
      edits.push({ from: at, to: at + m[0].length, text: text + ' '.repeat(Math.max(0, m[0].length - text.length)) });
    } else if ((m = /^export\s+default\s+class\s*(?=\{|extends\b)/.exec(rest))) {
      const text = `class ${DEFAULT_LOCAL} `;
      edits.push({ from: at, to: at + m[0].length, text: text + ' '.repeat(Math.max(0, m[0].length - text.length)) });
    } else if ((m = /^export\s+default\s+(?=(?:async\s+)?function\b|class\b)/.exec(rest))) {
      edits.push({ from: at, to: at + m[0].length, text: blank(m[0]) });
    } else if ((m = /^export\s+default\b/.exec(rest))) {
      edits.push({ from: at, to: at + m[0].length, text: `let ${DEFAULT_LOCAL} =` });
    } else if ((m = /^export\b/.exec(rest))) {
      edits.push({ from: at, to: at + 6, text: '      ' });
    }
  }
  edits.sort((a, b) => a.from - b.from);
  let body = '';
  let pos = 0;
  for (const e of edits) {
    if (e.from < pos) continue;
    body += src.slice(pos, e.from) + e.text;
    pos = e.to;
  }
  body += src.slice(pos);
  return { requests, bindings, exports: out, stars, body, defaultFunction };
}
