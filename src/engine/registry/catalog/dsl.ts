/**
 * The catalog's small language: layers (stable key, real size, download size, lazily generated files),
 * history steps in the classic builder's and BuildKit's wording, and image records.
 */
import { entrySize, padTo, withParents } from './rootfs';
import type { CatalogImage, CatalogLayer, CatalogStep, RootfsEntry } from './types';

export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const BK = 'buildkit.dockerfile.v0';

/** A layer padded to `size` bytes with a synthetic file at `filler` (or exactly its files when size is 'auto'). */
export function layer(key: string, size: number | 'auto', compressedSize: number, files: () => RootfsEntry[], filler = '/usr/lib/.layerlab-data'): CatalogLayer {
  let cache: RootfsEntry[] | null = null;
  const make = () => (cache ??= size === 'auto' ? withParents(files()) : padTo(files(), size, filler));
  const realSize = size === 'auto' ? files().reduce((n, e) => n + entrySize(e), 0) : size;
  return { key, size: realSize, compressedSize, files: make };
}
export const step = (createdBy: string, created: string, l?: CatalogLayer, comment?: string): CatalogStep => ({ createdBy, created, layer: l, comment });
/** Classic builder metadata row: `/bin/sh -c #(nop)  CMD ["sh"]` (two spaces). */
export const nop = (x: string) => `/bin/sh -c #(nop)  ${x}`;
/** Classic builder ADD/COPY/WORKDIR row (one space). */
export const nop1 = (x: string) => `/bin/sh -c #(nop) ${x}`;
export const bk = (createdBy: string, created: string, l?: CatalogLayer): CatalogStep => step(createdBy, created, l, BK);

/** An image record: repository path ("library/node", "diamol/base"), its tags, steps and config. */
export const img = (repo: string, tags: string[], x: Omit<CatalogImage, 'repo' | 'tags'>): CatalogImage => ({ repo, tags, ...x });
/** The same image under other tags. */
export const retag = (i: CatalogImage, tags: string[]): CatalogImage => ({ ...i, tags });

/** A row of a family image: a metadata instruction, or [instruction, layer] for a row that adds a layer. */
export type Row = string | [string, CatalogLayer];

/**
 * A BuildKit-built image: its base's steps, then `rows` in the Dockerfile's order (RUN/COPY/ADD rows get
 * BuildKit's ` # buildkit` suffix), all created at `created`.
 */
export function buildkitImage(repo: string, base: CatalogStep[], created: string, rows: Row[], config: CatalogImage['config']): CatalogImage {
  const steps = [...base];
  for (const r of rows) {
    const [text, l] = typeof r === 'string' ? [r, undefined] : r;
    steps.push(bk(/^(RUN|COPY|ADD) /.test(text) ? `${text} # buildkit` : text, created, l));
  }
  return { repo, tags: [], steps, config };
}
