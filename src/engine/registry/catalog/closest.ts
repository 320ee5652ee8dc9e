/**
 * The catalog tags closest to a tag it lacks: same variant first (`-slim`, `-alpine`), then the nearest
 * version (`3.7.99` -> `3.8`), one tag per image (the shortest alias), at most `limit`.
 */
import { levenshtein } from '../../dockerfile/suggest';
import type { CatalogImage } from './types';

function split(tag: string): { nums: number[] | null; variant: string } {
  const m = /^v?(\d+(?:\.\d+)*)(?:-(.*))?$/.exec(tag);
  if (!m) return { nums: null, variant: tag };
  return { nums: m[1].split('.').map(Number), variant: m[2] ?? '' };
}

/** Distance between two versions, the most significant part first ([3,7,99] vs [3,8] -> small). */
function versionDistance(a: number[], b: number[]): number {
  let d = 0;
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    d += Math.abs(x - y) * 1000 ** (2 - i);
    if (a[i] === undefined || b[i] === undefined) break;
  }
  return d;
}

/** Up to `limit` tags of `images` (one repository's catalog images) closest to `tag`. */
export function closestTags(images: CatalogImage[], tag: string, limit = 3): string[] {
  const want = split(tag);
  const rows: { tag: string; score: number; image: CatalogImage }[] = [];
  for (const image of images) {
    for (const t of image.tags) {
      const have = split(t);
      let score: number;
      if (want.nums && have.nums) score = (have.variant === want.variant ? 0 : 1e10) + versionDistance(want.nums, have.nums);
      else if (!want.nums && !have.nums) score = 2e10 + levenshtein(tag, t);
      else score = 3e10 + levenshtein(want.variant, have.variant) * 1e6 + levenshtein(tag, t);
      rows.push({ tag: t, score, image });
    }
  }
  rows.sort((a, b) => a.score - b.score || a.tag.length - b.tag.length || (a.tag < b.tag ? -1 : 1));
  const seen = new Set<CatalogImage>();
  const out: string[] = [];
  for (const r of rows) {
    if (seen.has(r.image)) continue;
    seen.add(r.image);
    // The image's alias of the same shape, major.minor when it has one: "3.8" rather than "3.8.20" or "3".
    const shape = split(r.tag);
    const target = Math.min(want.nums?.length ?? 2, 2);
    const rank = (t: string) => Math.abs((split(t).nums?.length ?? 0) - target);
    const sameShape = r.image.tags.filter((t) => !!split(t).nums === !!shape.nums && split(t).variant === shape.variant);
    out.push(sameShape.sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : 1))[0] ?? r.tag);
    if (out.length >= limit) break;
  }
  return out;
}
