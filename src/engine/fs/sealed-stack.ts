/**
 * Lookups in a stack of sealed layers, remembered. A sealed layer never changes, so what a path resolves to in a
 * stack of them never changes either. Every build step and container sees its image's stack plus one writable
 * layer, and the next step's stack is the previous one plus one layer: keeping one view per (layer, stack below)
 * lets a lookup that missed the new top layer reuse the answer found for the stack below, instead of walking a
 * hundred layers again for every path a shell's PATH search or a `stat` touches.
 */
import type { Layer } from './layer';
import { isWhiteout, type FsNode } from './node';
import { ancestors } from './path';

export class SealedStack {
  private readonly memo = new Map<string, FsNode | null>();

  private constructor(
    readonly top: Layer,
    readonly below: SealedStack | null,
  ) {}

  /** The view of `layers` (bottom first), or null when one of them is not sealed yet (it may still change). */
  static of(layers: readonly Layer[]): SealedStack | null {
    const n = layers.length;
    if (!n) return null;
    // Usually the view exists already: find it from the top, comparing the layers below.
    const top = VIEWS.get(layers[n - 1]);
    if (top) {
      for (const v of top) {
        let w: SealedStack | null = v;
        let i = n - 1;
        while (w && i >= 0 && w.top === layers[i]) {
          w = w.below;
          i--;
        }
        if (!w && i < 0) return v;
      }
    }
    let view: SealedStack | null = null;
    for (const layer of layers) {
      if (!layer.sealed) return null;
      let views = VIEWS.get(layer);
      if (!views) VIEWS.set(layer, (views = []));
      let next: SealedStack | undefined;
      for (const v of views) if (v.below === view) next = v;
      if (!next) views.push((next = new SealedStack(layer, view)));
      view = next;
    }
    return view;
  }

  /**
   * The entry at an exact, resolved path other than "/", honouring whiteouts and opaque directories: the top layer's
   * entry, else nothing when the top layer hides the path (a whiteout, opaque or non-directory ancestor), else the
   * answer of the stack below. The answer is remembered in this view only: the next step's view, one layer up,
   * finds it here after one look into its own top layer.
   */
  lookup(path: string): FsNode | null {
    const known = this.memo.get(path);
    if (known !== undefined) return known;
    let found = this.own(path);
    for (let v = this.below; found === undefined && v; v = v.below) {
      // A remembered null (missing in that stack) is an answer too.
      const known = v.memo.get(path);
      found = known !== undefined ? known : v.own(path);
    }
    found ??= null;
    // A long-lived container may look up endless distinct paths (temporary names): forget rather than grow.
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(path, found);
    return found;
  }

  /** The top layer's answer: its entry (null for a whiteout), null when it hides the path, undefined for no say. */
  private own(path: string): FsNode | null | undefined {
    const e = this.top.get(path);
    if (e) return isWhiteout(e) ? null : e;
    if (this.top.hides && hiddenBy(this.top, path)) return null;
    return undefined;
  }
}

const MEMO_LIMIT = 20_000;

/** Views by their top layer: a layer reused on other stacks (a shared base, a cache hit) has one view per stack. */
const VIEWS = new WeakMap<Layer, SealedStack[]>();

/** Whether `layer` hides `path` through one of its ancestors (deleted, made opaque, or replaced by a non-directory). */
export function hiddenBy(layer: Layer, path: string): boolean {
  for (const a of ancestors(path)) {
    const ae = layer.get(a);
    if (ae && (isWhiteout(ae) || (ae as FsNode).opaque || ae.type !== 'dir')) return true;
  }
  return false;
}
