/**
 * Node's `crypto` as far as web apps and their packages use it: createHash (md5, sha1, sha224/256/384/512),
 * createHmac, randomBytes/randomFillSync/randomInt/randomUUID (from the process's seeded random, so runs replay),
 * timingSafeEqual, getHashes, webcrypto's getRandomValues, and secret KeyObjects (createSecretKey; HMAC takes
 * them as keys). Asymmetric keys are not simulated: createPrivateKey/createPublicKey refuse PEM input in one line.
 * Hashes come from @noble/hashes.
 */
import { md5, sha1 } from '@noble/hashes/legacy';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { hmac } from '@noble/hashes/hmac';
import type { ProgramContext } from '../kernel';
import { NodeBuffer } from './globals';
import { invalidArgType } from './node-errors';

type HashFn = typeof sha256;
const HASHES: Record<string, HashFn> = { md5: md5 as HashFn, sha1: sha1 as HashFn, sha224, sha256, sha384, sha512 };
const ALIASES: Record<string, string> = { 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-512': 'sha512', 'sha-384': 'sha384', 'sha-224': 'sha224', 'rsa-sha256': 'sha256' };

function hashFn(algorithm: unknown): HashFn {
  const name = String(algorithm).toLowerCase();
  const fn = HASHES[ALIASES[name] ?? name];
  if (!fn) {
    const e: any = new Error('Digest method not supported');
    e.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw e;
  }
  return fn;
}

const bytes = (data: unknown, enc?: string): Uint8Array => {
  if (typeof data === 'string') return NodeBuffer.from(data, (enc ?? 'utf8') as BufferEncoding);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const e: any = new TypeError(`The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${data === null ? 'null' : typeof data}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
};

type BufferEncoding = any;

const keyBytes = new WeakMap<object, Uint8Array>();

/** Node's KeyObject, secret keys only (what createSecretKey returns). */
class KeyObject {
  constructor(type: unknown, bytes?: unknown) {
    if (type !== 'secret' || !(bytes instanceof Uint8Array)) throw invalidArgType('handle', 'of type object', bytes);
    keyBytes.set(this, NodeBuffer.from(bytes));
  }
  get type(): string {
    return 'secret';
  }
  get symmetricKeySize(): number {
    return keyBytes.get(this)!.length;
  }
  get asymmetricKeyType(): undefined {
    return undefined;
  }
  export(options?: { format?: string }): any {
    const b = NodeBuffer.from(keyBytes.get(this)!);
    return options?.format === 'jwk' ? { kty: 'oct', k: b.toString('base64url') } : b;
  }
  equals(other: unknown): boolean {
    const a = keyBytes.get(this)!;
    const b = other instanceof KeyObject ? keyBytes.get(other)! : null;
    return !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  get [Symbol.toStringTag](): string {
    return 'KeyObject';
  }
}

function createSecretKey(key: unknown, encoding?: string): KeyObject {
  if (typeof key === 'string') return new KeyObject('secret', NodeBuffer.from(key, (encoding ?? 'utf8') as BufferEncoding));
  if (key instanceof ArrayBuffer) return new KeyObject('secret', new Uint8Array(key));
  if (ArrayBuffer.isView(key)) return new KeyObject('secret', new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
  throw invalidArgType('key', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
}

/** createPrivateKey/createPublicKey: OpenSSL's decoder error for what is not a key; PEM keys are not simulated. */
const asymmetricKey = (fn: string) => (key: unknown) => {
  const text = typeof key === 'string' ? key : key instanceof Uint8Array ? NodeBuffer.from(key).toString('latin1') : typeof (key as any)?.key === 'string' ? (key as any).key : '';
  if (text.includes('-----BEGIN ') || (key && typeof key === 'object' && !(key instanceof Uint8Array))) {
    const e: any = new Error(`crypto.${fn}: asymmetric keys are not available in this sandbox`);
    e.code = 'ERR_NOT_AVAILABLE';
    throw e;
  }
  const e: any = new Error('error:1E08010C:DECODER routines::unsupported');
  e.code = 'ERR_OSSL_UNSUPPORTED';
  throw e;
};

/** A Hash or Hmac object: update() any number of times, digest() once. */
class Digest {
  private done = false;
  constructor(private readonly h: { update(b: Uint8Array): unknown; digest(): Uint8Array }) {}
  update(data: unknown, enc?: string): this {
    if (this.done) {
      const e: any = new Error('Digest already called');
      e.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw e;
    }
    this.h.update(bytes(data, enc));
    return this;
  }
  digest(enc?: string): any {
    if (this.done) {
      const e: any = new Error('Digest already called');
      e.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw e;
    }
    this.done = true;
    const out = NodeBuffer.from(this.h.digest());
    return enc && enc !== 'buffer' ? out.toString(enc as BufferEncoding) : out;
  }
}

export function createCryptoModule(ctx: ProgramContext): any {
  const fill = (b: Uint8Array) => {
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(ctx.random() * 256);
    return b;
  };
  const randomBytes = (n: number, cb?: (e: Error | null, b: any) => void) => {
    const b = fill(NodeBuffer.alloc(n));
    if (typeof cb === 'function') {
      ctx.setTimer(0, () => cb(null, b));
      return undefined;
    }
    return b;
  };
  const randomUUID = () => {
    const h = fill(new Uint8Array(16));
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = Array.from(h, (v) => v.toString(16).padStart(2, '0')).join('');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  };
  return {
    createHash: (algorithm: string) => new Digest(hashFn(algorithm).create()),
    createHmac: (algorithm: string, key: unknown) => new Digest(hmac.create(hashFn(algorithm), key instanceof KeyObject ? keyBytes.get(key)! : bytes(key))),
    KeyObject,
    createSecretKey,
    createPrivateKey: asymmetricKey('createPrivateKey'),
    createPublicKey: asymmetricKey('createPublicKey'),
    getHashes: () => ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomFillSync: (b: Uint8Array) => fill(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) && b,
    randomInt: (a: number, b?: number) => {
      const [lo, hi] = b === undefined ? [0, a] : [a, b];
      return lo + Math.floor(ctx.random() * (hi - lo));
    },
    randomUUID,
    timingSafeEqual: (a: Uint8Array, b: Uint8Array) => {
      if (a.length !== b.length) {
        const e: any = new RangeError('Input buffers must have the same byte length');
        e.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
        throw e;
      }
      let d = 0;
      for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
      return d === 0;
    },
    webcrypto: { getRandomValues: <T extends ArrayBufferView>(a: T) => (fill(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), a), randomUUID },
    constants: {},
  };
}
