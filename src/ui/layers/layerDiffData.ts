/**
 * A layer's file changes against the layers below it in its image (added, modified, removed, with sizes),
 * computed from the image store: loaded on demand by LayerDiff (it pulls in the layered filesystem code).
 */
import type { Engine } from '../../engine/engine';
import { UnionFs } from '../../engine/fs/union';
import type { LayerChangeView } from '../engine/engineApi';

export function layerChangesInImage(engine: Engine, diffId: string, imageId?: string): LayerChangeView[] | null {
  const images = engine.images;
  const layer = images.layer(diffId);
  if (!layer) return null;
  const candidates = [imageId, ...images.all().map((i) => i.id)].filter((x): x is string => !!x);
  for (const id of candidates) {
    const diffIds = images.get(id)?.config.rootfs.diff_ids ?? [];
    const k = diffIds.indexOf(diffId);
    if (k < 0) continue;
    const lower = new UnionFs(images.layers(id).slice(0, k));
    return layer.changes((p) => lower.lookupRaw(p)).map((c) => {
      if (c.kind === 'A') return c;
      const below = lower.lookupRaw(c.path);
      // removed or replaced: the lower copy still takes space in its own layer
      return { ...c, lowerSize: below && below.type !== 'dir' ? below.size : 0 };
    });
  }
  return layer.changes();
}
