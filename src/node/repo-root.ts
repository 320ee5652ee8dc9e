/**
 * The checkout's root folder, found from this module's own location, so that paths to files shipped beside the
 * sources (the sandbox child's entry, the runtime bundle's sources) are right whether the CLI runs from the
 * TypeScript sources (tsx) or from its prebuilt bundle under node_modules/.cache/layerlab/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'node', 'runtime', 'sandbox-child.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`layerlab: cannot find the Layerlab checkout above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
