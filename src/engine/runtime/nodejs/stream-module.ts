/**
 * Node's `stream` and `stream/promises`: readable-stream (Node's streams, kept as a package). The module itself is
 * the legacy Stream class with Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished... on it.
 */
import './library-process';
import streams from 'readable-stream/lib/ours/browser.js';

export const { Readable, Writable, Duplex, Transform, PassThrough, Stream } = streams as Record<string, any>;

export function createStreamModule(): any {
  const mod: any = Stream;
  for (const k of Object.keys(streams)) if (!(k in mod)) mod[k] = (streams as any)[k];
  mod.Stream = Stream;
  mod.promises ??= { pipeline: (streams as any).promises?.pipeline, finished: (streams as any).promises?.finished };
  return mod;
}
