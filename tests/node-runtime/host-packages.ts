/**
 * Real npm packages for container specs: copies a package and everything it depends on (resolved as Node does,
 * from the repository's node_modules, nested copies included) into a file map under a container's node_modules.
 * Only JavaScript, JSON and type-less package files are taken: no docs, maps or tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST_MODULES = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules');

function packageDir(name: string, fromDir: string): string | null {
  for (let d = fromDir; d.startsWith(HOST_MODULES); d = dirname(d)) {
    const candidate = join(d.endsWith('/node_modules') ? d : join(d, 'node_modules'), name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (d === HOST_MODULES) break;
  }
  return null;
}

function addFiles(dir: string, base: string, out: Record<string, string>): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'node_modules' || e === 'test' || e === '.github') continue;
    if (statSync(p).isDirectory()) addFiles(p, base, out);
    else if (/\.(js|cjs|mjs|json)$/.test(e)) out[`${base}/${relative(HOST_MODULES, p)}`] = readFileSync(p, 'utf8');
  }
}

/** Files of the packages `names` and their dependency trees, as paths under `containerModules`. */
export function hostPackages(names: string[], containerModules = '/app/node_modules'): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const dir = packageDir(name, fromDir);
    if (!dir) throw new Error(`package ${name} is not installed (needed from ${fromDir})`);
    if (seen.has(dir)) return;
    seen.add(dir);
    addFiles(dir, containerModules, out);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  };
  for (const n of names) visit(n, HOST_MODULES);
  return out;
}
