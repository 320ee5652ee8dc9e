/**
 * The browser's loader of the offline npm registry: the zip `npm run pack:npm-registry` packs, emitted by Vite as
 * an asset of its own and fetched the first time a process starts in an image with npm (never part of the
 * initial JavaScript).
 */
import type { NpmRegistryLoader } from '../../engine/core/env';

export const fetchNpmRegistry: NpmRegistryLoader = async () => {
  try {
    const { default: url } = await import('../../../node_modules/.cache/layerlab/npm-registry.zip?url');
    const res = await fetch(url);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
};
