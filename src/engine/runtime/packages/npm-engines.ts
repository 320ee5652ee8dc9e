/**
 * npm's warning for a package whose `engines` excludes the running Node or npm (not an error unless
 * engine-strict): one `npm warn EBADENGINE` block per package of the ideal tree, in tree order, printed on stderr
 * before the install summary. The text is npm 10.9.2's (arborist's checkEngine logs the package id, its
 * `engines` object and `{ node, npm }` as util.inspect shows them), the same as npm 11 prints on this machine.
 */
import semver from 'semver';
import type { TreeNode } from './npm-registry/tree';

/** A flat object as util.inspect prints it on one line: `{ node: '>=22', npm: '>=10' }`. */
function inspectFlat(o: Record<string, string>): string {
  const items = Object.entries(o).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: '${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  return items.length ? `{ ${items.join(', ')} }` : '{}';
}

const fits = (version: string, range: string | undefined) => !range || semver.satisfies(version, range, { includePrerelease: true });

/** The EBADENGINE warnings of a tree for Node `nodeVersion` (`v20.20.2`) and npm `npmVersion`. */
export function engineWarnings(nodes: TreeNode[], nodeVersion: string, npmVersion: string, warn: string): string {
  let out = '';
  for (const n of nodes) {
    const engines = n.meta?.engines;
    if (!engines || typeof engines !== 'object' || Array.isArray(engines)) continue;
    if (fits(nodeVersion, engines.node) && fits(npmVersion, engines.npm)) continue;
    const w = `${warn} EBADENGINE`;
    out += `${w} Unsupported engine {\n${w}   package: '${n.name}@${n.version}',\n${w}   required: ${inspectFlat(engines)},\n${w}   current: ${inspectFlat({ node: nodeVersion, npm: npmVersion })}\n${w} }\n`;
  }
  return out;
}
