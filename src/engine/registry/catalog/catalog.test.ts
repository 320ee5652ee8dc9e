/**
 * The catalog as data: every tag names one image, sizes add up, and the README's table is the catalog's own
 * (regenerate it with `README_TABLE=1 npx vitest run src/engine/registry/catalog/catalog.test.ts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { humanSize } from '../../core/format';
import { CATALOG_IMAGES, CATALOG_REPOSITORIES } from './index';
import { entrySize } from './rootfs';

const README = join(import.meta.dirname, '..', 'README.md');
const START = '<!-- catalog-table:start -->';
const END = '<!-- catalog-table:end -->';

const familiar = (repo: string) => repo.replace(/^library\//, '');
const layers = (i: (typeof CATALOG_IMAGES)[number]) => i.steps.filter((s) => s.layer).map((s) => s.layer!);

function table(): string {
  const rows = ['| Repository | Tags (one image per row) | Size | Download | Layers |', '|---|---|---|---|---|'];
  for (const i of CATALOG_IMAGES) {
    const ls = layers(i);
    const size = ls.reduce((n, l) => n + l.size, 0);
    const download = ls.reduce((n, l) => n + l.compressedSize, 0);
    rows.push(`| ${familiar(i.repo)} | ${i.tags.map((t) => `\`${t}\``).join(' ')} | ${humanSize(size)} | ${humanSize(download)} | ${ls.length} |`);
  }
  return rows.join('\n');
}

describe('the catalog', () => {
  it('gives every repository:tag exactly one image, and every repository a search row', () => {
    const seen = new Map<string, number>();
    CATALOG_IMAGES.forEach((i, n) => {
      for (const t of i.tags) {
        const key = `${i.repo}:${t}`;
        expect(seen.has(key), key).toBe(false);
        seen.set(key, n);
      }
    });
    // docker search reads Docker Hub only: images of another registry (mcr.microsoft.com/...) have no search row.
    const onHub = (repo: string) => !repo.split('/')[0].includes('.');
    for (const repo of new Set(CATALOG_IMAGES.map((i) => i.repo))) expect(CATALOG_REPOSITORIES.some((r) => r.repo === repo), repo).toBe(onHub(repo));
    // openjdk is deprecated: Docker Hub keeps its version tags, no `latest`.
    for (const r of CATALOG_REPOSITORIES) if (r.repo !== 'library/openjdk') expect(seen.has(`${r.repo}:latest`), `${r.repo}:latest`).toBe(true);
  });

  it('fills every layer with files that add up to its declared size', () => {
    const seen = new Set<string>();
    for (const i of CATALOG_IMAGES) {
      for (const l of layers(i)) {
        if (seen.has(l.key)) continue;
        seen.add(l.key);
        expect(l.files().reduce((n, e) => n + entrySize(e), 0), l.key).toBe(l.size);
      }
    }
  });

  it('keeps download sizes below uncompressed sizes for every real-sized layer', () => {
    for (const i of CATALOG_IMAGES) for (const l of layers(i)) if (l.size > 10_000) expect(l.compressedSize, l.key).toBeLessThan(l.size);
  });

  it('is the table in the registry README', () => {
    const text = readFileSync(README, 'utf8');
    const want = `${START}\n${table()}\n${END}`;
    if (process.env.README_TABLE) writeFileSync(README, text.replace(new RegExp(`${START}[\\s\\S]*${END}`), want));
    expect(readFileSync(README, 'utf8')).toContain(want);
  });
});
