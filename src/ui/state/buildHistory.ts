/**
 * The layer stack's history per workspace (the last build and the one before) and its saved record,
 * 'ui-builds'. A build of thousands of steps makes a view of megabytes: the record holds each view as JSON
 * text, written a slice of bands at a time between tasks (IndexedDB clones a string at once, but an object
 * tree of thousands of bands in one long task) and kept per view, so a save encodes only the views that
 * changed. Records of the former layout (views as objects) are read too.
 */
import type { BuildView } from '../layers/model';
import { nextTask } from './nextTask';

export interface BuildHistory {
  last: BuildView | null;
  previous: BuildView | null;
}

export const BUILDS_KEY = 'ui-builds';

interface BuildsRecord {
  builds: Record<string, { last: string | BuildView | null; previous: string | BuildView | null }>;
  knownMeta: Record<string, string[]>;
}

/** Bands encoded between two checks of the clock. */
const BANDS_PER_SLICE = 250;
/** Page time spent encoding before yielding to input and painting. */
const SLICE_MS = 8;

const encoded = new WeakMap<BuildView, string>();

/** The view as JSON text (as shown after a reload: not animated), a slice of bands per step. */
function* viewJson(v: BuildView): Generator<void, string> {
  const cached = encoded.get(v);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (let i = 0; i < v.bands.length; i += BANDS_PER_SLICE) {
    parts.push(JSON.stringify(v.bands.slice(i, i + BANDS_PER_SLICE)).slice(1, -1));
    yield;
  }
  const { bands: _bands, ...rest } = v;
  const head = JSON.stringify({ ...rest, live: false });
  const text = `${head.slice(0, -1)},"bands":[${parts.filter(Boolean).join(',')}]}`;
  encoded.set(v, text);
  return text;
}

function* recordSteps(builds: Record<string, BuildHistory>, knownMeta: Record<string, string[]>): Generator<void, BuildsRecord> {
  const out: BuildsRecord['builds'] = {};
  for (const [id, h] of Object.entries(builds)) {
    // a build still running is saved once it has ended
    if (h.last?.state === 'running') continue;
    out[id] = { last: h.last && (yield* viewJson(h.last)), previous: h.previous && (yield* viewJson(h.previous)) };
  }
  return { builds: out, knownMeta };
}

/**
 * The record to save. `atOnce`: in one go (the page is being hidden: it may get no further task); otherwise
 * a few milliseconds per task.
 */
export async function buildsRecord(builds: Record<string, BuildHistory>, knownMeta: Record<string, string[]>, atOnce = false): Promise<BuildsRecord> {
  const steps = recordSteps(builds, knownMeta);
  let t0 = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (!atOnce && performance.now() - t0 > SLICE_MS) {
      await nextTask();
      t0 = performance.now();
    }
  }
}

/** The saved history, keeping only well-formed views (it is a convenience: never fails). */
export function readBuildsRecord(ub: unknown): { builds: Record<string, BuildHistory>; knownMeta: Record<string, string[]> } | null {
  if (!ub || typeof ub !== 'object' || !(ub as BuildsRecord).builds || typeof (ub as BuildsRecord).builds !== 'object') return null;
  const rec = ub as Partial<BuildsRecord>;
  const view = (v: unknown): BuildView | null => {
    let x = v;
    if (typeof x === 'string') {
      try {
        x = JSON.parse(x);
      } catch {
        return null;
      }
    }
    return !!x && typeof x === 'object' && Array.isArray((x as BuildView).bands) && Array.isArray((x as BuildView).finishOrder) ? (x as BuildView) : null;
  };
  const builds: Record<string, BuildHistory> = {};
  for (const [id, h] of Object.entries(rec.builds ?? {})) {
    if (!h || typeof h !== 'object') continue;
    builds[id] = { last: view(h.last), previous: view(h.previous) };
  }
  const knownMeta: Record<string, string[]> = {};
  for (const [id, k] of Object.entries(rec.knownMeta ?? {})) if (Array.isArray(k)) knownMeta[id] = k.filter((x) => typeof x === 'string');
  return { builds, knownMeta };
}
