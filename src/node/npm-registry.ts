/**
 * The Node CLI's loader of the offline npm registry: the zip `npm run pack:npm-registry` (run by `prepare`) writes
 * under node_modules/.cache/layerlab/, read from disk the first time a process in an image with npm starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NpmRegistryLoader } from '../engine/core/env';

export const NPM_REGISTRY_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'node_modules/.cache/layerlab/npm-registry.zip');

export function diskNpmRegistry(file = NPM_REGISTRY_FILE): NpmRegistryLoader {
  return () => (existsSync(file) ? new Uint8Array(readFileSync(file)) : null);
}
