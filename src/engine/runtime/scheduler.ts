/**
 * The virtual clock and timer queue of one process. Time only moves in `runUntil`; timers fire in (time, order)
 * order, like Node's timers phase.
 */
export interface Timer {
  id: number;
  at: number;
  seq: number;
  cb: () => void;
  /** Unref'd timers do not keep the process alive (Node's timer.unref()). */
  ref: boolean;
  /** For setInterval: the period. */
  repeat?: number;
}

export class VirtualScheduler {
  private timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;
  constructor(public now: number) {}

  add(delay: number, cb: () => void, repeat?: number): Timer {
    const d = Number.isFinite(delay) && delay >= 0 ? Math.floor(delay) : 1;
    const t: Timer = { id: this.nextId++, at: this.now + d, seq: this.seq++, cb, ref: true, repeat: repeat === undefined ? undefined : d };
    this.timers.set(t.id, t);
    return t;
  }

  /** Schedules at an absolute virtual time (never in the past). */
  addAt(at: number, cb: () => void, ref = true): Timer {
    const t: Timer = { id: this.nextId++, at: Math.max(at, this.now), seq: this.seq++, cb, ref };
    this.timers.set(t.id, t);
    return t;
  }

  clear(id: number | undefined): void {
    if (id !== undefined) this.timers.delete(id);
  }

  has(id: number): boolean {
    return this.timers.has(id);
  }

  get(id: number): Timer | undefined {
    return this.timers.get(id);
  }

  /** Re-arms an interval after it fired. */
  rearm(t: Timer): void {
    if (t.repeat === undefined || !this.timers.has(t.id)) return;
    t.at = t.at + Math.max(1, t.repeat);
    t.seq = this.seq++;
  }

  refCount(): number {
    let n = 0;
    for (const t of this.timers.values()) if (t.ref) n++;
    return n;
  }

  /** The next timer due at or before `limit`, or null. */
  nextDue(limit: number): Timer | null {
    let best: Timer | null = null;
    for (const t of this.timers.values()) {
      if (t.at > limit) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  clearAll(): void {
    this.timers.clear();
  }
}
