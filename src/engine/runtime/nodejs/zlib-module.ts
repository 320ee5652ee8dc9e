/**
 * Node's `zlib` from fflate: the sync and callback forms of gzip/gunzip, deflate/inflate (zlib format),
 * deflateRaw/inflateRaw and unzip (either), and their streams (createGunzip()...: Transform streams that
 * decompress what they were given when it ends, as body parsers pipe a request through them).
 */
import { decompressSync, deflateSync as rawDeflate, gunzipSync, gzipSync, inflateSync as rawInflate, unzlibSync, zlibSync } from 'fflate';
import { NodeBuffer, wrapBytes } from './globals';
import { Transform } from './stream-module';

type Codec = (b: Uint8Array) => Uint8Array;

const CODECS: Record<string, Codec> = {
  gzip: (b) => gzipSync(b),
  gunzip: (b) => gunzipSync(b),
  deflate: (b) => zlibSync(b),
  inflate: (b) => unzlibSync(b),
  deflateRaw: (b) => rawDeflate(b),
  inflateRaw: (b) => rawInflate(b),
  unzip: (b) => decompressSync(b),
};

const CLASS_NAMES: Record<string, string> = { gzip: 'Gzip', gunzip: 'Gunzip', deflate: 'Deflate', inflate: 'Inflate', deflateRaw: 'DeflateRaw', inflateRaw: 'InflateRaw', unzip: 'Unzip' };

function zlibError(e: unknown): Error {
  const err: any = new Error(e instanceof Error && /invalid|unexpected|header/i.test(e.message) ? 'incorrect header check' : 'unexpected end of file');
  err.errno = err.message === 'incorrect header check' ? -3 : -5;
  err.code = err.errno === -3 ? 'Z_DATA_ERROR' : 'Z_BUF_ERROR';
  return err;
}

function run(kind: string, data: unknown): any {
  const input = typeof data === 'string' ? NodeBuffer.from(data) : (data as Uint8Array);
  try {
    return wrapBytes(CODECS[kind](input));
  } catch (e) {
    throw zlibError(e);
  }
}

export function createZlibModule(defer: (cb: () => void) => void): any {
  const mod: any = { constants: { Z_NO_FLUSH: 0, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_OK: 0, Z_STREAM_END: 1, Z_DATA_ERROR: -3, Z_BUF_ERROR: -5, Z_DEFAULT_COMPRESSION: -1, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9 } };
  class ZlibBase extends Transform {
    private chunks: Uint8Array[] = [];
    constructor(
      private readonly kind: string,
      opts?: any,
    ) {
      super(opts);
    }
    _transform(chunk: Uint8Array, _enc: string, cb: (e?: Error | null) => void): void {
      this.chunks.push(chunk);
      cb();
    }
    _flush(cb: (e?: Error | null, data?: Uint8Array) => void): void {
      try {
        cb(null, run(this.kind, NodeBuffer.concat(this.chunks)));
      } catch (e) {
        cb(e as Error);
      }
    }
    close(cb?: () => void): void {
      this.destroy();
      if (cb) defer(cb);
    }
  }
  mod.ZlibBase = ZlibBase;
  for (const [kind, cls] of Object.entries(CLASS_NAMES)) {
    const C = { [cls]: class extends ZlibBase { constructor(opts?: any) { super(kind, opts); } } }[cls];
    mod[cls] = C;
    mod[`create${cls}`] = (opts?: any) => new C(opts);
    mod[`${kind}Sync`] = (data: unknown) => run(kind, data);
    mod[kind] = (data: unknown, opts: unknown, cb?: (e: Error | null, r?: any) => void) => {
      const done = (typeof opts === 'function' ? opts : cb) as (e: Error | null, r?: any) => void;
      defer(() => {
        let r: any;
        try {
          r = run(kind, data);
        } catch (e) {
          return done(e as Error);
        }
        done(null, r);
      });
    };
  }
  return mod;
}
