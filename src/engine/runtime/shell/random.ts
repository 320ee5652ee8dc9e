/**
 * `$RANDOM`: each expansion gives the next number of 0..32767 from the shell's own seeded generator. Assigning
 * `RANDOM=n` seeds it (the same seed gives the same numbers again), `unset RANDOM` ends the special meaning, and a
 * subshell starts a new sequence, as in busybox ash. The first seed comes from the process's injected randomness,
 * so a container's numbers are deterministic in tests. The generator is not ash's: seeded sequences differ from
 * BusyBox's numbers.
 */
export class ShellRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator whose first seed is drawn from `random()` (0 <= x < 1). */
  static from(random: () => number): ShellRandom {
    return new ShellRandom(Math.floor(random() * 0x1_0000_0000));
  }

  seed(value: string): void {
    // ash reads the assigned text as an unsigned number; what is not a number seeds with 0.
    const n = /^\s*-?\d+/.exec(value);
    this.state = n ? Number(BigInt.asUintN(32, BigInt(n[0].trim()))) : 0;
  }

  /** The next value, 0..32767 (a mulberry32 step, its top 15 bits). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) >>> 17;
  }
}
