/**
 * One model of a build behind every explanation: the layer stack, the terminal's summary line, Replay and
 * Compare all read a build through these functions, so they cannot disagree about what a step did or why.
 *
 * - `viewOfEvents` folds a recorded event stream (all of it, or a prefix for Replay) into a `BuildView`.
 * - `bandKind` sorts a band into the base image, a filesystem layer, or (BuildKit) an image-config entry.
 * - `explainBand` says in words what happened to a band and why; `buildCounts`/`summaryText` count a build.
 */
import type { BuildEvent, Builder } from '../../engine/build/events';
import { translate, type Lang } from '../i18n/i18n';
import { applyBuildEvent, plainName, type Band, type BuildView } from './model';
import { describeReason } from './reasons';
import { formatSeconds } from './format';

export type BandKind = 'base' | 'layer' | 'config';

/**
 * BuildKit applies ENV, CMD, EXPOSE, LABEL, USER, ... to the image config without running a step or checking
 * the cache, so they are config entries, not layers. The legacy builder commits an image for each of them (an
 * empty layer): there they are steps like the others.
 */
export function bandKind(builder: Builder, b: Pick<Band, 'status' | 'metadataOnly'>): BandKind {
  if (b.status === 'base') return 'base';
  return builder === 'buildkit' && b.metadataOnly ? 'config' : 'layer';
}

/** The build a recorded event stream describes, up to event `upto` (all by default). */
export function viewOfEvents(events: readonly BuildEvent[], knownMeta: string[] = [], upto = events.length): BuildView | null {
  let v: BuildView | null = null;
  const n = Math.max(0, Math.min(upto, events.length));
  for (let i = 0; i < n; i++) v = events[i].type === 'build-started' ? applyBuildEvent(null, events[i], knownMeta) : applyBuildEvent(v, events[i]);
  return v;
}

/** The status word of a band (CACHED as BuildKit prints it); a BuildKit config entry is written, not built. */
export function statusWord(lang: Lang, b: Pick<Band, 'status' | 'running' | 'failed'>, kind: BandKind = 'layer'): string {
  if (b.failed) return translate(lang, 'stack.failedStep');
  if (b.running) return translate(lang, 'layers.running');
  if (kind === 'config' && b.status === 'built') return translate(lang, 'stack.config.written');
  switch (b.status) {
    case 'cached':
      return translate(lang, 'layers.cached');
    case 'built':
      return translate(lang, 'layers.built');
    case 'will-rebuild':
      return translate(lang, 'layers.willRebuild');
    case 'pending':
      return translate(lang, 'layers.pending');
    default:
      return '';
  }
}

/** Why a band has its status, in words: the reason a layer ran, or why a config entry breaks no cache. */
export function explainBand(lang: Lang, builder: Builder, b: Band, failure?: string): string {
  const kind = bandKind(builder, b);
  if (kind === 'base') return '';
  if (b.failed) return failure ?? '';
  if (b.running || b.status === 'pending') return '';
  if (kind === 'config') {
    const instruction = b.instruction;
    if (b.status === 'cached') return translate(lang, 'stack.config.same', { instruction });
    if (b.reason?.kind === 'parent-changed' && !b.reason.moved) return translate(lang, 'stack.config.restacked', { reason: describeReason(lang, b.reason) });
    return translate(lang, b.status === 'will-rebuild' ? 'stack.config.willWrite' : 'stack.config.new', { instruction });
  }
  if (b.status === 'cached') return translate(lang, builder === 'legacy' ? 'stack.hit.legacy' : 'stack.hit.buildkit');
  return describeReason(lang, b.reason);
}

export interface BuildCounts {
  /** Steps that ran (BuildKit: layers; legacy: every instruction, each commits an image). */
  built: number;
  /** Steps taken from the cache. */
  cached: number;
  /** BuildKit config entries (ENV, CMD, ...): no step, no cache check. */
  config: number;
  durationMs: number;
  /** Bytes of layers written again. */
  bytesRebuilt: number;
}

/** Counts of the views counted so far (a view does not change: a build's next event makes a new one). */
const counted = new WeakMap<BuildView, BuildCounts>();

/** The counts of a build (worked out once per view: the stack and the terminal read them at every render). */
export function buildCounts(view: BuildView): BuildCounts {
  let c = counted.get(view);
  if (c) return c;
  const steps = view.bands.filter((b) => bandKind(view.builder, b) === 'layer');
  const built = steps.filter((b) => b.status === 'built');
  c = {
    built: built.length,
    cached: steps.filter((b) => b.status === 'cached').length,
    config: view.bands.filter((b) => bandKind(view.builder, b) === 'config').length,
    durationMs: view.durationMs || steps.reduce((s, b) => s + b.durationMs, 0),
    bytesRebuilt: built.reduce((s, b) => s + b.size, 0),
  };
  counted.set(view, c);
  return c;
}

/** The one-line result of a finished or failed build: the stack's summary and the terminal's last line. */
export function summaryText(lang: Lang, view: BuildView): string {
  if (view.state === 'failed') return translate(lang, 'layers.failed', { error: view.error ?? '' });
  if (view.state !== 'finished') return '';
  const c = buildCounts(view);
  const tag = view.tags[0]?.replace(/^docker\.io\/(library\/)?/, '') ?? view.imageId?.slice(7, 19) ?? '';
  const base = translate(lang, 'stack.result', { tag, seconds: formatSeconds(c.durationMs), built: c.built, cached: c.cached });
  return c.config ? `${base} ${translate(lang, 'stack.resultConfig', { config: c.config })}` : base;
}

/** The instruction of a band as written (without BuildKit's "[2/3] " prefix). */
export function bandText(b: Pick<Band, 'name'>): string {
  return plainName(b.name);
}
