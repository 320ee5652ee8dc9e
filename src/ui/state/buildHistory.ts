/**
 * The layer stack's history per workspace (the last build and the one before) and its saved record,
 * 'ui-builds'. A build of thousands of steps makes a view of megabytes: the record holds each view as JSON
 * text, written a slice of bands at a time between tasks (IndexedDB clones a string at once, but an object
 * tree of thousands of bands in one long task) and kept per view, so a save encodes only the views that
 * changed. Records of the former layout (views as objects) are read too. Where the engine host stores the
 * record, the texts go to it as UTF-8 chunks whose buffers are handed over (posting megabytes of text copies them
 * in one task).
 */
import type { BuildView } from '../layers/model';
import { nextTask } from './nextTask';
import type { TextChunks } from '../engine/protocol';

export interface BuildHistory {
  last: BuildView | null;
  previous: BuildView | null;
}

export const BUILDS_KEY = 'ui-builds';

interface BuildsRecord {
  builds: Record<string, { last: string | TextChunks | BuildView | null; previous: string | TextChunks | BuildView | null }>;
  knownMeta: Record<string, string[]>;
}

/** Bands encoded between two checks of the clock. */
const BANDS_PER_SLICE = 250;
/** Page time spent encoding before yielding to input and painting. */
const SLICE_MS = 8;

/** A view's JSON text in pieces (concatenated, they are the text), kept while the view lives. */
const encoded = new WeakMap<BuildView, string[]>();

/** The view as JSON text in pieces of a slice of bands each (as shown after a reload: not animated), a slice per step. */
function* viewPieces(v: BuildView): Generator<void, string[]> {
  const cached = encoded.get(v);
  if (cached !== undefined) return cached;
  const { bands: _bands, ...rest } = v;
  const head = JSON.stringify({ ...rest, live: false });
  const pieces = [`${head.slice(0, -1)},"bands":[`];
  for (let i = 0; i < v.bands.length; i += BANDS_PER_SLICE) {
    const part = JSON.stringify(v.bands.slice(i, i + BANDS_PER_SLICE)).slice(1, -1);
    if (part) pieces.push(pieces.length > 1 ? `,${part}` : part);
    yield;
  }
  pieces.push(']}');
  encoded.set(v, pieces);
  return pieces;
}

/** The view as one JSON text, or as UTF-8 chunks (`TextChunks`, a piece encoded per step). */
function* viewJson(v: BuildView, asChunks: boolean): Generator<void, string | TextChunks> {
  const pieces = yield* viewPieces(v);
  if (!asChunks) return pieces.join('');
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const p of pieces) {
    chunks.push(encoder.encode(p));
    yield;
  }
  return { layerlabText: chunks };
}

function* recordSteps(builds: Record<string, BuildHistory>, knownMeta: Record<string, string[]>, asChunks: boolean): Generator<void, BuildsRecord> {
  const out: BuildsRecord['builds'] = {};
  for (const [id, h] of Object.entries(builds)) {
    // a build still running is saved once it has ended
    if (h.last?.state === 'running') continue;
    out[id] = { last: h.last && (yield* viewJson(h.last, asChunks)), previous: h.previous && (yield* viewJson(h.previous, asChunks)) };
  }
  return { builds: out, knownMeta };
}

/**
 * The record to save. `atOnce`: in one go (the page is being hidden: it may get no further task); otherwise
 * a few milliseconds per task. `asChunks`: each view's text as UTF-8 chunks, for the engine host to store
 * (`EngineClient.writeRecords` hands their buffers over instead of copying megabytes of text in one task).
 */
export async function buildsRecord(builds: Record<string, BuildHistory>, knownMeta: Record<string, string[]>, atOnce = false, asChunks = false): Promise<BuildsRecord> {
  const steps = recordSteps(builds, knownMeta, asChunks);
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
