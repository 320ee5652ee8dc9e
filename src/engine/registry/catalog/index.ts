/** The mock Docker Hub catalog: lookups over the data in images.ts. See ../README.md. */
import { CATALOG_IMAGES, CATALOG_REPOSITORIES } from './images';
import type { CatalogImage, CatalogRepository } from './types';

export * from './types';
export { CATALOG_IMAGES, CATALOG_REPOSITORIES } from './images';
export { WEB_PING_APP_JS, CH03_TXT } from './apps';

let byKey: Map<string, CatalogImage> | null = null;
function index(): Map<string, CatalogImage> {
  if (byKey) return byKey;
  byKey = new Map();
  for (const img of CATALOG_IMAGES) for (const t of img.tags) byKey.set(`${img.repo}:${t}`, img);
  return byKey;
}

/** The catalog image for "library/node" + "20-alpine", or undefined. */
export function findCatalogImage(repo: string, tag: string): CatalogImage | undefined {
  return index().get(`${repo}:${tag}`);
}

/** The catalog images of a repository ("library/python"). */
export function catalogImages(repo: string): CatalogImage[] {
  return CATALOG_IMAGES.filter((i) => i.repo === repo);
}

/** Every tag of a catalog repository (empty when the repository is not in the catalog). */
export function catalogTags(repo: string): string[] {
  return CATALOG_IMAGES.filter((i) => i.repo === repo).flatMap((i) => i.tags);
}

export function catalogRepository(repo: string): CatalogRepository | undefined {
  return CATALOG_REPOSITORIES.find((r) => r.repo === repo);
}
