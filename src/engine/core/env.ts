import { sha256Hex } from './sha256';

/**
 * What the engine needs from the outside world, injected so every run is deterministic in tests.
 * The engine never reads the wall clock or Math.random itself.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
}

export interface EngineEnv {
  clock: Clock;
  random: RandomSource;
  /** SHA-256 of bytes or UTF-8 text, lower-case hex. Defaults to the pure TS one; the Node host injects node:crypto. */
  sha256: (data: Uint8Array | string) => string;
}

/** A clock that only moves when told to: the default for tests. */
export class ManualClock implements Clock {
  constructor(private t = Date.UTC(2026, 10, 23, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(ms: number): void {
    this.t = ms;
  }
}

/** mulberry32: a small seeded PRNG, so "random" container names and IDs repeat across test runs. */
export class SeededRandom implements RandomSource {
  private state: number;
  constructor(seed = 0x1a7e71ab) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** A deterministic environment for tests. */
export function testEnv(seed?: number): EngineEnv & { clock: ManualClock } {
  return { clock: new ManualClock(), random: new SeededRandom(seed), sha256: sha256Hex };
}

/**
 * Loads the offline npm registry's data (the zip scripts/pack-npm-registry.ts packs): the Node CLI reads it from
 * disk, the browser fetches it as an asset on first use. Null when the host has none.
 */
export type NpmRegistryLoader = () => Uint8Array | null | Promise<Uint8Array | null>;
