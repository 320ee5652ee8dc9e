/**
 * BuildKit's sources before the first step: one FROM vertex per distinct base image (with the pull's layer
 * statuses), then the local context, of which only what changed since the last transfer is sent.
 */
import type { CopyInstr } from '../../dockerfile/index';
import { parseReference } from '../../images/reference';
import { humanSizeWithPrecision } from '../../core/format';
import type { BuildRun } from '../builder';
import type { TransferredFile } from '../cache/store';

/** The FROM vertices: BuildKit merges identical ones of several stages into one line. */
export function baseVertices(run: BuildRun): void {
  const shownBases = new Set<string>();
  for (const i of run.order) {
    const p = run.plans[i];
    if (p.base.kind !== 'image') continue;
    // BuildKit merges identical FROM vertices of several stages into one line.
    if (shownBases.has(p.base.canonical)) continue;
    shownBases.add(p.base.canonical);
    const pullMs = p.pullMs ?? 0;
    const digest = p.base.image?.repoDigests.find((d) => d.startsWith(p.base.kind === 'image' ? p.base.canonical.replace(/:[^:/]+$/, '') + '@' : ''))?.split('@')[1];
    // As written, normalised: `FROM node` shows docker.io/library/node@sha256:…, `FROM node:18` keeps its tag.
    const written = parseReference(p.base.ref);
    const bare = written.ok && !written.value.tag && !written.value.digest && digest ? `${written.value.domain}/${written.value.path}` : p.base.canonical;
    const shown = `${bare}${digest ? '@' + digest : ''}`;
    const statuses = [{ name: `resolve ${shown}`, durationMs: 0 }];
    if (pullMs && p.base.image) {
      for (const l of run.host.images.layers(p.base.image.id)) {
        statuses.push({ name: `sha256:${run.sha(l.diffId + 'blob')} ${humanSizeWithPrecision(Math.round(l.size * 0.4), 3)} / ${humanSizeWithPrecision(Math.round(l.size * 0.4), 3)}`, durationMs: Math.round(l.size / 60_000) });
      }
      for (const l of run.host.images.layers(p.base.image.id)) statuses.push({ name: `extracting sha256:${run.sha(l.diffId + 'blob')}`, durationMs: Math.round(l.size / 150_000) });
    }
    run.vertex(`${run.prefix(p, 1)} FROM ${shown}`, pullMs ? statuses.reduce((s, x) => s + x.durationMs, 0) : 0, statuses);
  }
}

/** `[internal] load build context`, when a COPY or ADD reads the context; records what changed (`run.contextDelta`). */
export function transferContext(run: BuildRun): void {
  if (run.order.some((i) => run.plans[i].instructions.some((x) => (x.ins.kind === 'COPY' || x.ins.kind === 'ADD') && (x.ins as CopyInstr).from === undefined))) {
    // BuildKit's local source only sends what changed since the last transfer of this context.
    const key = run.opts.contextDir ?? '.';
    const prev = run.host.cache.transfers.get(key);
    // The record of what the builder holds is updated in place (a rebuild touches only what changed); a
    // prediction only reads it.
    const now = run.dryRun ? null : prev ?? new Map<string, TransferredFile>();
    const changed: string[] = [];
    let size = 0;
    const list = run.ctx.list;
    // The records in last time's listing order: a listing in the same order needs no lookups by path.
    const ord = prev ? run.host.cache.transferOrders.get(key) : undefined;
    let aligned = !!ord && ord.paths.length === list.length;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const p = e.path;
      let was: TransferredFile | undefined;
      if (aligned && ord!.paths[i] === p) was = ord!.recs[i];
      else {
        aligned = false;
        was = prev?.get(p);
      }
      // The very bytes sent last time (hosts that keep file arrays between builds): nothing to look up.
      if (was && was.content !== undefined && was.content === e.content && was.mode === e.mode) continue;
      const d = run.ctx.digest(e);
      if (was && was.mode === e.mode && was.digest === d) {
        was.content = e.content;
        continue;
      }
      changed.push(p);
      const rec = { mode: e.mode, digest: d, content: e.content };
      if (now) {
        now.set(p, rec);
        if (aligned) ord!.recs[i] = rec;
      }
      size += (e.content?.length ?? 0) + (prev ? 30 : 0);
    }
    if (prev) size += 32;
    let removed = false;
    if (now && now.size > run.ctx.paths.length) {
      removed = true;
      for (const p of now.keys()) if (!run.ctx.get(p)) now.delete(p);
    }
    if (now) {
      run.host.cache.transfers.set(key, now);
      if (!aligned) run.host.cache.transferOrders.set(key, { paths: list.map((e) => e.path), recs: list.map((e) => now.get(e.path)!) });
      const last = run.host.cache.transferGens.get(key) ?? 0;
      const prevGen = prev ? last : -1;
      const gen = last + 1;
      run.host.cache.transferGens.set(key, gen);
      run.contextDelta = { prevGen, gen, changed, removed };
    }
    run.vertex('[internal] load build context', 20 + Math.round(size / 50_000), [{ name: `transferring context: ${humanSizeWithPrecision(size, 3)}`, durationMs: Math.round(size / 50_000) }]);
  }
}
