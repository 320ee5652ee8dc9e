/**
 * SHA-256 for the Node host (EngineEnv.sha256 and the state store's blob names): node:crypto, except that the
 * first few short inputs of a command go through the engine's own SHA-256. Loading node:crypto costs a command
 * ~10 ms; commands such as `version`, `ps` or `image ls` hash only a few short strings (the built-in networks' ids)
 * and never need it. Both give the same digests.
 */
import { createHash } from 'node:crypto';
import { sha256Hex } from '../engine/core/sha256';

/** Inputs shorter than this (in bytes, or UTF-16 units) may use the engine's SHA-256. */
const SHORT = 1024;
/** How many short inputs may, before node:crypto takes over for good (the engine's costs ~10-20 µs each). */
const SHORT_CALLS = 64;

export function hostSha256(): (data: Uint8Array | string) => string {
  let shortCalls = 0;
  return (data) => {
    const size = typeof data === 'string' ? data.length : data.byteLength;
    if (size < SHORT && shortCalls < SHORT_CALLS) {
      shortCalls++;
      return sha256Hex(data);
    }
    shortCalls = SHORT_CALLS;
    return createHash('sha256').update(data).digest('hex');
  };
}
