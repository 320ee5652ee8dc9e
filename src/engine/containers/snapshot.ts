/** The `containers` slice of an engine snapshot: saving the records, and restoring them without trusting them. */
import { layerFromJSON, layerToJSON, type LayerJSON } from '../fs/serialize';
import type { Layer } from '../fs/layer';
import type { StoreContext } from './context';
import { MAX_LOG_ENTRIES } from './main-process';
import { sanitizeContainer } from './validate';
import type { Container } from './types';

export interface ContainersSnapshot {
  containers: (Omit<Container, 'upper' | 'tmpfs'> & { upper: LayerJSON; tmpfs?: Record<string, LayerJSON> })[];
}

export function snapshotContainers(containers: Iterable<Container>): ContainersSnapshot {
  return {
    containers: [...containers].map((c) => ({
      ...c,
      upper: layerToJSON(c.upper),
      // A running container's tmpfs files (a replay after a restore skips the writes that made them).
      tmpfs: c.tmpfs ? Object.fromEntries(Object.entries(c.tmpfs).map(([t, l]) => [t, layerToJSON(l)])) : undefined,
      logs: c.logs.slice(-MAX_LOG_ENTRIES),
    })),
  };
}

/** Replaces the store's containers (disposing live processes) with the valid records of `s`. */
export function restoreContainers(ctx: StoreContext, s: ContainersSnapshot | undefined): void {
  for (const l of ctx.live.values()) l.proc.dispose();
  ctx.live.clear();
  ctx.containers.clear();
  const list: unknown[] = s && typeof s === 'object' && Array.isArray(s.containers) ? s.containers : [];
  const names = new Set<string>();
  for (const raw of list) {
    // A private, validated copy: the snapshot may be damaged, or restored again elsewhere.
    let j: ReturnType<typeof sanitizeContainer>;
    let upper: Layer;
    const tmpfs: Record<string, Layer> = {};
    try {
      j = sanitizeContainer(JSON.parse(JSON.stringify(raw)));
      if (!j) continue;
      upper = layerFromJSON(j.upper);
      for (const [t, l] of Object.entries(j.tmpfs ?? {})) tmpfs[t] = layerFromJSON(l);
    } catch {
      continue;
    }
    // Writable again: a restored layer must accept the container's further writes.
    upper.sealed = false;
    for (const l of Object.values(tmpfs)) l.sealed = false;
    if (ctx.containers.has(j.id) || names.has(j.name)) continue;
    names.add(j.name);
    ctx.containers.set(j.id, { ...j, upper, tmpfs });
  }
}
