/**
 * Docker's pull/push progress as a deterministic simulation: per-layer status messages with virtual
 * timestamps (three concurrent downloads, sequential extraction), rendered either as the non-TTY log
 * (one line per status, no progress bars) or as the TTY view (one line per layer, redrawn in place with
 * `Downloading [====>   ]  1.2MB/3.4MB` bars), like the docker client's jsonmessage display.
 */
import { humanSize } from '../core/format';

export interface ProgressMessage {
  /** Virtual ms since the start of the operation. */
  t: number;
  /** 12-hex layer id. */
  id: string;
  status: string;
  progress?: { current: number; total: number };
}

export interface SimLayer {
  id: string;
  compressedSize: number;
  size: number;
  exists: boolean;
}

const BANDWIDTH = 25_000; // bytes per virtual ms (25 MB/s)
const EXTRACT = 120_000; // bytes per virtual ms
const LATENCY = 250;
const CONCURRENCY = 3;

/** The status messages of a pull, in order of time. */
export function simulatePull(layers: SimLayer[]): ProgressMessage[] {
  const msgs: ProgressMessage[] = [];
  const todo = layers.filter((l) => !l.exists);
  for (const l of layers) if (l.exists) msgs.push({ t: 0, id: l.id, status: 'Already exists' });
  for (const l of todo) msgs.push({ t: 0, id: l.id, status: 'Pulling fs layer' });
  todo.slice(CONCURRENCY).forEach((l) => msgs.push({ t: 0, id: l.id, status: 'Waiting' }));
  // Downloads: CONCURRENCY slots, in layer order.
  const slots = new Array(CONCURRENCY).fill(0);
  const doneAt = new Map<string, number>();
  for (const l of todo) {
    const slot = slots.indexOf(Math.min(...slots));
    const start = slots[slot] + LATENCY;
    const dur = Math.max(1, Math.ceil(l.compressedSize / BANDWIDTH));
    const steps = Math.min(5, Math.max(1, Math.ceil(l.compressedSize / 500_000)));
    for (let i = 1; i <= steps; i++) {
      if (l.compressedSize < 10_000) break; // tiny blobs finish before a progress message is sent
      const cur = Math.round((l.compressedSize * i) / (steps + 1));
      msgs.push({ t: start + (dur * i) / (steps + 1), id: l.id, status: 'Downloading', progress: { current: cur, total: l.compressedSize } });
    }
    msgs.push({ t: start + dur, id: l.id, status: 'Verifying Checksum' });
    msgs.push({ t: start + dur, id: l.id, status: 'Download complete' });
    doneAt.set(l.id, start + dur);
    slots[slot] = start + dur;
  }
  // Extraction: bottom layer first, each after its own download and the previous extraction.
  let t = 0;
  for (const l of todo) {
    t = Math.max(t, doneAt.get(l.id)!) + 1;
    const dur = Math.max(1, Math.ceil(l.size / EXTRACT));
    const steps = l.size > 1_000_000 ? 3 : l.size > 0 ? 1 : 0;
    for (let i = 1; i <= steps; i++) {
      msgs.push({ t: t + (dur * i) / (steps + 1), id: l.id, status: 'Extracting', progress: { current: Math.round((l.compressedSize * i) / steps), total: l.compressedSize } });
    }
    t += dur;
    msgs.push({ t, id: l.id, status: 'Pull complete' });
  }
  return msgs.map((m, i) => ({ m, i })).sort((a, b) => a.m.t - b.m.t || a.i - b.i).map((x) => x.m);
}

/** jsonmessage's progress text: `[=====>      ]  1.2MB/3.4MB` (the bar only on terminals wider than 110). */
export function progressText(p: { current: number; total: number }, columns: number): string {
  let bar = '';
  if (p.current <= p.total && columns > 110) {
    const pct = Math.min(50, Math.trunc(Math.trunc((p.current / p.total) * 100) / 2));
    bar = `[${'='.repeat(pct)}>${' '.repeat(50 - pct)}] `;
  }
  const cur = humanSize(p.current);
  return `${bar}${cur.padStart(8)}/${humanSize(p.total)}`;
}

function line(m: ProgressMessage, columns: number): string {
  return `${m.id}: ${m.status}${m.progress ? ' ' + progressText(m.progress, columns) : ''}`;
}

/** Non-terminal output: every status without a progress bar on its own line (what `docker pull | cat` shows). */
export function renderPlain(msgs: ProgressMessage[]): string {
  return msgs.filter((m) => !m.progress).map((m) => line(m, 80) + '\n').join('');
}

/**
 * Terminal output: one line per layer, rewritten in place with ANSI cursor movement (ESC[nA up, ESC[2K
 * clear, ESC[nB down), exactly how the docker client redraws a pull.
 */
export function renderTTY(msgs: ProgressMessage[], columns: number): string {
  const order: string[] = [];
  let out = '';
  for (const m of msgs) {
    const idx = order.indexOf(m.id);
    if (idx === -1) {
      order.push(m.id);
      out += `\x1b[2K\r${line(m, columns)}\n`;
      continue;
    }
    const diff = order.length - idx;
    out += `\x1b[${diff}A\x1b[2K\r${line(m, columns)}\r\x1b[${diff}B`;
  }
  return out;
}

/** The final per-layer lines a TTY shows once the pull is done (for tests and the UI). */
export function finalLines(msgs: ProgressMessage[]): string[] {
  const last = new Map<string, string>();
  const order: string[] = [];
  for (const m of msgs) {
    if (!last.has(m.id)) order.push(m.id);
    last.set(m.id, line(m, 80));
  }
  return order.map((id) => last.get(id)!);
}

/** Redraws a pull's layer lines incrementally (the same escape sequences as `renderTTY`). */
export class TTYProgress {
  private order: string[] = [];
  constructor(private columns: number) {}
  render(msgs: ProgressMessage[]): string {
    let out = '';
    for (const m of msgs) {
      const idx = this.order.indexOf(m.id);
      if (idx === -1) {
        this.order.push(m.id);
        out += `\x1b[2K\r${line(m, this.columns)}\n`;
        continue;
      }
      const diff = this.order.length - idx;
      out += `\x1b[${diff}A\x1b[2K\r${line(m, this.columns)}\r\x1b[${diff}B`;
    }
    return out;
  }
}

export type Sleep = (ms: number) => Promise<void>;

/** The platform's setTimeout as a sleep (pacing only; virtual time is untouched), or null. */
export function hostSleep(): Sleep | null {
  const g = globalThis as unknown as { setTimeout?: (cb: () => void, ms: number) => unknown };
  if (typeof g.setTimeout !== 'function') return null;
  return (ms) => new Promise<void>((r) => g.setTimeout!(r, ms));
}

/**
 * Plays a pull's progress on a terminal in real time, compressed to at most `budgetMs` (about 40 ms frames),
 * so a browser terminal shows the bars filling like Docker's.
 */
export async function playTTY(msgs: ProgressMessage[], columns: number, write: (s: string) => void, sleep: Sleep, budgetMs = 1500): Promise<void> {
  if (!msgs.length) return;
  const r = new TTYProgress(columns);
  const total = Math.max(1, msgs[msgs.length - 1].t);
  const scale = Math.min(1, budgetMs / total);
  let i = 0;
  let shown = 0;
  while (i < msgs.length) {
    const frameEnd = msgs[i].t * scale + 40;
    const batch: ProgressMessage[] = [];
    while (i < msgs.length && msgs[i].t * scale < frameEnd) batch.push(msgs[i++]);
    const at = batch[0].t * scale;
    if (at > shown) {
      await sleep(Math.min(200, at - shown));
      shown = at;
    }
    write(r.render(batch));
  }
}
