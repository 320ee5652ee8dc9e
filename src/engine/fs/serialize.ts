/**
 * Layers to and from plain JSON (engine snapshots). Small text files are stored as text, other bytes as
 * base64, synthetic files as their descriptor.
 */
import { Layer, type Sha256 } from './layer';
import { isWhiteout, WHITEOUT, type FsNode, type LayerEntry } from './node';

export type EntriesJSON = [string, EntryJSON][];

export interface LayerJSON {
  diffId: string;
  size: number;
  summary: { added: number; modified: number; removed: number };
  /**
   * [path, entry] pairs; or, from a host's store (the CLI's state folder), a function that reads them: the layer
   * is then restored unread and read on first use, and saved again as the same function while still unread.
   */
  entries: EntriesJSON | (() => EntriesJSON);
}

export type EntryJSON =
  | { w: 1 }
  | {
      t: FsNode['type'];
      m: number;
      u: number;
      g: number;
      s: number;
      mt?: number;
      o?: 1;
      /** text content */
      x?: string;
      /** base64 content */
      b?: string;
      /** synthetic seed */
      sy?: string;
      l?: string;
    };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_REV = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_REV[B64.charCodeAt(i)] = i;

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return s;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64_REV[clean.charCodeAt(i)], b = B64_REV[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? B64_REV[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? B64_REV[clean.charCodeAt(i + 3)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length && i + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (o < out.length && i + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function entryToJSON(e: LayerEntry): EntryJSON {
  if (isWhiteout(e)) return { w: 1 };
  const j: EntryJSON = { t: e.type, m: e.mode, u: e.uid, g: e.gid, s: e.size };
  if (e.mtime) j.mt = e.mtime;
  if (e.opaque) j.o = 1;
  if (e.target !== undefined) j.l = e.target;
  if (e.synthetic) j.sy = e.synthetic.seed;
  else if (e.data) {
    let text: string | null = null;
    try {
      text = strictDecoder.decode(e.data);
    } catch {
      text = null;
    }
    if (text !== null && encoder.encode(text).length === e.data.length) j.x = text;
    else j.b = toBase64(e.data);
  }
  return j;
}

function entryFromJSON(j: EntryJSON): LayerEntry {
  if ('w' in j) return WHITEOUT;
  const n: FsNode = { type: j.t, mode: j.m, uid: j.u, gid: j.g, size: j.s, mtime: j.mt ?? 0 };
  if (j.o) n.opaque = true;
  if (j.l !== undefined) n.target = j.l;
  if (j.sy !== undefined) n.synthetic = { seed: j.sy, size: j.s };
  else if (j.x !== undefined) n.data = encoder.encode(j.x);
  else if (j.b !== undefined) n.data = fromBase64(j.b);
  else if (j.t === 'file') n.data = new Uint8Array(0);
  return n;
}

export function layerToJSON(layer: Layer): LayerJSON {
  const unread = !layer.loaded && typeof layer.source === 'function' ? (layer.source as () => EntriesJSON) : null;
  return {
    diffId: layer.diffId,
    size: layer.size,
    summary: { ...layer.summary },
    entries: unread ?? [...layer.entries].map(([p, e]) => [p, entryToJSON(e)]),
  };
}

/** Rebuilds a sealed layer (unread when its entries come as a function). When `sha256` is given the diffId is recomputed. */
export function layerFromJSON(j: LayerJSON, sha256?: Sha256): Layer {
  const read = j.entries;
  const layer =
    typeof read === 'function'
      ? Layer.lazy(() => new Map(read().map(([p, e]) => [p, entryFromJSON(e)])), read)
      : new Layer(new Map(read.map(([p, e]) => [p, entryFromJSON(e)])));
  if (sha256) layer.seal(sha256);
  layer.diffId = j.diffId;
  layer.size = j.size;
  layer.summary = { ...j.summary };
  layer.sealed = true;
  return layer;
}
